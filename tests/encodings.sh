# kaiji export and kaiji import take the same encoding names (any case):
# utf-8 and utf8 for UTF-8; cp932, sjis, shift_jis, shift-jis and
# windows-31j for CP932.  Each name writes the bytes its encoding gives,
# and each export reads back through import as the draft it came from.
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE=
if ! printf 'テスト' | iconv -f UTF-8 -t CP932 >/dev/null 2>&1; then
	echo "iconv has no CP932: skipped"
	exit 77
fi
D=$KAIJI_TEST_DATA/complete-2021.yaml

status 0 "export --encoding utf-8" "$KAIJI" export "$D" --to csv --encoding utf-8 -o "$T/utf-8.csv" 2>"$T/err"
status 0 "export --encoding cp932" "$KAIJI" export "$D" --to csv --encoding cp932 -o "$T/cp932.csv" 2>"$T/err"
for enc in UTF8 Utf-8; do
	status 0 "export --encoding $enc" "$KAIJI" export "$D" --to csv --encoding $enc -o "$T/$enc.csv" 2>"$T/err"
	ok "export --encoding $enc writes UTF-8" cmp -s "$T/$enc.csv" "$T/utf-8.csv"
done
for enc in sjis shift_jis Shift_JIS shift-jis windows-31j CP932; do
	status 0 "export --encoding $enc" "$KAIJI" export "$D" --to csv --encoding $enc -o "$T/$enc.csv" 2>"$T/err"
	ok "export --encoding $enc writes CP932" cmp -s "$T/$enc.csv" "$T/cp932.csv"
	status 0 "import --encoding $enc" "$KAIJI" import --encoding $enc "$T/$enc.csv" -o "$T/$enc.yaml" 2>"$T/err"
	ok "import --encoding $enc reads the draft back" cmp -s "$T/$enc.yaml" "$D"
done
status 2 "export: an unknown name" "$KAIJI" export "$D" --to csv --encoding euc-jp -o "$T/euc.csv" 2>"$T/err"
contains "$T/err" "unknown encoding 'euc-jp'"
ok "nothing written for an unknown name" test ! -e "$T/euc.csv"
status 2 "import: an unknown name" "$KAIJI" import --encoding euc-jp "$T/cp932.csv" -o "$T/euc.yaml" 2>"$T/err"
contains "$T/err" "unknown encoding 'euc-jp'"

finish
