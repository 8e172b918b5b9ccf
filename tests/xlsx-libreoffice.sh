# LibreOffice (headless, under ja_JP.UTF-8) saves kaiji's workbook again,
# as a user who opens it and saves it would, and kaiji imports it back:
# 133 of 133 answers identical, and the answers a spreadsheet would take
# for something else (dates, percents, yen, leading zeros, formulas,
# _xHHHH_) kept as typed.  SKIP (77) without soffice, the ja_JP.UTF-8
# locale or xlsx support.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=

command -v soffice >/dev/null 2>&1 || { echo "SKIP: no soffice"; exit 77; }
locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' ||
	{ echo "SKIP: no ja_JP.UTF-8 locale"; exit 77; }
"$KAIJI" export "$D/complete-2021.yaml" --to xlsx -o "$T/c.xlsx" 2>"$T/err"
if grep -q "without xlsx support" "$T/err"; then
	echo "SKIP: kaiji built without xlsx support"
	exit 77
fi
"$KAIJI" export "$D/complete-2021.yaml" --to yaml >"$T/want.yaml"
"$KAIJI" new "$T/tricky.yaml"
"$KAIJI" set "$T/tricky.yaml" 1 2026/6/25 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 3.1 "$(printf 'タブ\tあり\r\nCR LF')" 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 4.1 '_x0041_ と _x005F_ は文字どおり'
"$KAIJI" set "$T/tricky.yaml" 4.2 '=1+1'
"$KAIJI" set "$T/tricky.yaml" 5 '99.9%'
"$KAIJI" set "$T/tricky.yaml" 6.1 '¥1,000' 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 6.2 '001' 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 7.1 '45.60' 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 8.1 '  先頭と末尾の空白  ' 2>/dev/null
"$KAIJI" export "$T/tricky.yaml" --to yaml >"$T/want-tricky.yaml" 2>/dev/null
"$KAIJI" export "$T/tricky.yaml" --to xlsx -o "$T/tricky.xlsx" 2>/dev/null

mkdir "$T/lo" "$T/lohome"
HOME="$T/lohome" LC_ALL=ja_JP.UTF-8 timeout 60 soffice --headless \
    --norestore --convert-to 'xlsx:Calc MS Excel 2007 XML' \
    --outdir "$T/lo" "$T/c.xlsx" "$T/tricky.xlsx" >/dev/null 2>&1
status 0 "import after LibreOffice" "$KAIJI" import "$T/lo/c.xlsx" -o "$T/lo.yaml" 2>"$T/err"
contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
"$KAIJI" export "$T/lo.yaml" --to yaml >"$T/got.yaml" 2>/dev/null
ok "LibreOffice re-save: 133/133 answers identical" cmp -s "$T/want.yaml" "$T/got.yaml"
status 0 "tricky after LibreOffice" "$KAIJI" import "$T/lo/tricky.xlsx" -o "$T/lot.yaml" 2>"$T/err"
# LibreOffice keeps a cell's line breaks as LF only
sed 's/\\r\\n/\\n/' "$T/want-tricky.yaml" >"$T/want-lo.yaml"
"$KAIJI" export "$T/lot.yaml" --to yaml >"$T/got.yaml" 2>/dev/null
ok "LibreOffice re-save of the tricky answers (CR LF as LF)" cmp -s "$T/want-lo.yaml" "$T/got.yaml"

finish
