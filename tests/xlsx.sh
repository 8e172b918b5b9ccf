# Workbooks: kaiji export --to xlsx (laid out like the form, every answer a
# text cell, ids kept) and kaiji import FILE.xlsx, of kaiji's own workbook
# and of the variants spreadsheets write (shared strings, inline strings,
# rich-text runs, phonetic runs, numbers and dates where text was).  The
# workbook's XML is checked with python3's zipfile.  SKIP (77) when kaiji
# was built without xlsx support or python3 is missing.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=

command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
"$KAIJI" export "$D/complete-2021.yaml" --to xlsx -o "$T/c.xlsx" 2>"$T/err"
if grep -q "without xlsx support" "$T/err"; then
	echo "SKIP: kaiji built without xlsx support"
	exit 77
fi

# zipxml XLSX ENTRY: the entry's XML on stdout
zipxml() {
	python3 -c 'import sys, zipfile
sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"
}

# export
status 0 "--to xlsx -o" "$KAIJI" export "$D/complete-2021.yaml" --to xlsx -o "$T/c.xlsx"
ok "-o file is 0600" test "$(stat -c %a "$T/c.xlsx")" = 600
"$KAIJI" export "$D/complete-2021.yaml" --to xlsx >"$T/again.xlsx"
ok "--to xlsx is deterministic (stdout = -o)" cmp -s "$T/c.xlsx" "$T/again.xlsx"
ok "no temporary directory left" test -z "$(ls -d "${TMPDIR:-/tmp}"/kaiji-xlsx-* 2>/dev/null)"
zipxml "$T/c.xlsx" xl/worksheets/sheet1.xml >"$T/sheet.xml"
zipxml "$T/c.xlsx" xl/sharedStrings.xml >"$T/sst.xml"
zipxml "$T/c.xlsx" xl/workbook.xml >"$T/wb.xml"
contains "$T/sst.xml" "<t>No</t></si><si><t>項目</t></si><si><t>小項目</t></si><si><t>記述内容</t></si><si><t>必須/選択</t></si><si><t>申請内容</t></si><si><t>字数</t></si><si><t>制限</t></si><si><t>ID</t>"
contains "$T/sst.xml" "認定サービスの申請内容 (8/8)"
contains "$T/sst.xml" "様式:asp-saas 2021, サービス名称:そらまめ帳票クラウド"
contains "$T/sheet.xml" '<pageSetup paperSize="9"'
contains "$T/sheet.xml" '<rowBreaks count="7"'
contains "$T/sheet.xml" '(&amp;P/&amp;N)'
contains "$T/wb.xml" "_xlnm.Print_Titles"
contains "$T/wb.xml" "_xlnm.Print_Area"
# every answer a string cell: the only numbers are in column G (字数)
ok "no number cell outside column G" test -z "$(grep -o '<c r="[A-FH-Z][0-9]*"[^>]*><v>' "$T/sheet.xml" | grep -v 't="s"')"
# in a terminal: refused
if command -v script >/dev/null 2>&1; then
	script -qec "$KAIJI export '$D/complete-2021.yaml' --to xlsx" /dev/null >"$T/tty" 2>&1
	contains "$T/tty" "give -o FILE.xlsx"
fi

# import: kaiji's own workbook gives the draft back, answer for answer
# (the yaml export lists every answer, so equal exports are 133/133)
"$KAIJI" export "$D/complete-2021.yaml" --to yaml >"$T/want.yaml"
status 0 "import of the workbook" "$KAIJI" import "$T/c.xlsx" -o "$T/c.yaml" 2>"$T/err"
contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
"$KAIJI" export "$T/c.yaml" --to yaml >"$T/got.yaml" 2>/dev/null
ok "xlsx round trip: 133/133 answers identical" cmp -s "$T/want.yaml" "$T/got.yaml"
status 0 "--format xlsx" "$KAIJI" import --format xlsx "$T/c.xlsx" -o "$T/f.yaml"
status 2 "--encoding with a workbook" "$KAIJI" import --encoding cp932 "$T/c.xlsx" -o "$T/e.yaml" 2>"$T/err"
contains "$T/err" "--encoding is for CSV"
ok "nothing written after an error" test ! -e "$T/e.yaml"

# answers a spreadsheet would take for something else stay as typed
"$KAIJI" new "$T/tricky.yaml"
"$KAIJI" set "$T/tricky.yaml" 1 2026/6/25 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 2 '  先頭と末尾の空白  '
"$KAIJI" set "$T/tricky.yaml" 3.1 "$(printf 'タブ\tあり\r\nCR LF')" 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 4.1 '_x0041_ と _x005F_ は文字どおり'
"$KAIJI" set "$T/tricky.yaml" 4.2 '=1+1'
"$KAIJI" set "$T/tricky.yaml" 5 '99.9%'
"$KAIJI" set "$T/tricky.yaml" 6.1 '¥1,000' 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 6.2 '001' 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 7.1 '45.60' 2>/dev/null
"$KAIJI" set "$T/tricky.yaml" 8.1 '<b>&amp;</b> "引用" '"'"'一重'"'"'' 2>/dev/null
"$KAIJI" export "$T/tricky.yaml" --to yaml >"$T/want-tricky.yaml" 2>/dev/null
"$KAIJI" export "$T/tricky.yaml" --to xlsx -o "$T/tricky.xlsx" 2>/dev/null
status 0 "import of the tricky workbook" "$KAIJI" import "$T/tricky.xlsx" -o "$T/tricky2.yaml" 2>"$T/err"
contains "$T/err" "10 of 133 fields answered (asp-saas 2021), 0 notes"
"$KAIJI" export "$T/tricky2.yaml" --to yaml >"$T/got-tricky.yaml" 2>/dev/null
ok "dates, numbers, percents, yen, spaces, tabs, _xHHHH_ kept" cmp -s "$T/want-tricky.yaml" "$T/got-tricky.yaml"

# what other spreadsheets write
V="${srcdir:-.}/tests/xlsx-variant.py"
for kind in inline rich absolute; do
	python3 "$V" "$kind" "$T/c.xlsx" "$T/$kind.xlsx"
	status 0 "import ($kind)" "$KAIJI" import "$T/$kind.xlsx" -o "$T/$kind.yaml" 2>"$T/err"
	contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
	"$KAIJI" export "$T/$kind.yaml" --to yaml >"$T/got.yaml" 2>/dev/null
	ok "$kind: 133/133 answers identical" cmp -s "$T/want.yaml" "$T/got.yaml"
done
python3 "$V" number "$T/c.xlsx" "$T/number.xlsx"
status 0 "import (number cells)" "$KAIJI" import "$T/number.xlsx" -o "$T/number.yaml" 2>"$T/err"
contains "$T/err" "number.xlsx:4: cell F4 is a number or date, not text; read as '46198'"
contains "$T/err" "number.xlsx:67: cell F67 is a formula, not text; read as its value '2000'"
contains "$T/err" "2 notes"

# rows deleted in a spreadsheet: every field without a row is unanswered
python3 - "$T/c.xlsx" "$T/deleted.xlsx" <<'PY'
import re, sys, zipfile
zin = zipfile.ZipFile(sys.argv[1])
parts = {n: zin.read(n) for n in zin.namelist()}
s = parts['xl/worksheets/sheet1.xml'].decode()
s = re.sub(r'<row r="(1[0-9])".*?</row>', '', s)
parts['xl/worksheets/sheet1.xml'] = s.encode()
with zipfile.ZipFile(sys.argv[2], 'w') as z:
    for n, b in parts.items():
        z.writestr(n, b)
PY
status 0 "import with rows deleted" "$KAIJI" import "$T/deleted.xlsx" -o "$T/deleted.yaml" 2>"$T/err"
"$KAIJI" summary "$T/deleted.yaml" >"$T/sum" 2>&1
ok "rows deleted: fewer fields answered" grep -q "of 133 fields answered" "$T/err"
contains "$T/err" "deleted.xlsx: 9 fields have no row, left unanswered: 4.2, 4.3, 5.1, 6.1, 6.2, 6.3, 6.4, 7.1, 7.2"
lacks "$T/err" "133 of 133"

# The workbook libraries are in a module loaded only for workbooks: the
# editor and every other command start without them, and a kaiji that
# cannot find the module (a copy outside the build tree, not installed)
# says which file is missing and writes nothing.
if command -v ldd >/dev/null 2>&1; then
	ldd "$KAIJI" >"$T/ldd" 2>&1
	lacks "$T/ldd" "libxml2"
	lacks "$T/ldd" "libzip"
	lacks "$T/ldd" "libxlsxwriter"
fi
cp "$KAIJI" "$T/kaiji-copy"
status 2 "no module: export --to xlsx fails" "$T/kaiji-copy" export "$D/complete-2021.yaml" --to xlsx -o "$T/none.xlsx" 2>"$T/err"
contains "$T/err" "formats.so, the part of kaiji that reads and writes workbooks and web pages"
ok "no module: nothing written" test ! -e "$T/none.xlsx"
status 2 "no module: import of a workbook fails" "$T/kaiji-copy" import "$T/c.xlsx" -o "$T/none.yaml" 2>"$T/err"
contains "$T/err" "formats.so, the part of kaiji that reads and writes workbooks and web pages"
ok "no module: no draft written" test ! -e "$T/none.yaml"
status 2 "no module: import of a web page fails" "$T/kaiji-copy" import "$D/aspic/service-2021.html" -o "$T/none-page.yaml" 2>"$T/err"
contains "$T/err" "formats.so, the part of kaiji that reads and writes workbooks and web pages"
ok "no module: no draft written from the page" test ! -e "$T/none-page.yaml"
status 0 "no module: other exports work" "$T/kaiji-copy" export "$D/complete-2021.yaml" --to csv -o "$T/none.csv"

finish
