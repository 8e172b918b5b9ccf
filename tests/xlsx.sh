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

finish
