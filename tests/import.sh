# kaiji import, run as a user would: published disclosures of a fictional
# service (tests/data/import, both layouts) and kaiji CSV into new drafts;
# the notes on stderr, refusing to overwrite, --force, and kaiji summary on
# what was imported.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA/import
export LC_ALL=C.UTF-8 LANGUAGE=
umask 022

# the 2021 edition (tab-separated rows) into a new draft
status 0 "import 2021" "$KAIJI" import "$D/kohaku-2021.txt" -o "$T/k.yaml" 2>"$T/err"
ok "imported draft is mode 0600" test "$(stat -c %a "$T/k.yaml")" = 600
contains "$T/k.yaml" 'edition: "2021"'
status 0 "every answer as expected (2021)" "$KAIJI" diff "$D/expected-2021.yaml" "$T/k.yaml" >"$T/out"
contains "$T/out" "0 added, 0 removed, 0 changed"
contains "$T/err" "kaiji: $D/kohaku-2021.txt:19: 6.2: - (the publisher hid the answer): fill it in"
contains "$T/err" "kaiji: $D/kohaku-2021.txt:46: 18.1: — (the publisher hid the answer): fill it in"
contains "$T/err" "kaiji: $D/kohaku-2021.txt:13: 4.1: the document gives no answer: fill it in"
contains "$T/err" "kaiji: $D/kohaku-2021.txt:112: not a part of the form: not imported: '(参考) この行は表の外に書き込まれたメモです'"
contains "$T/err" "kaiji: $T/k.yaml: 112 of 133 fields answered (asp-saas 2021), 23 notes"
ok "one line per note and a count line" test "$(wc -l <"$T/err")" -eq 24
# every note names the file and a line, in line order
sed -e '$d' -e "s|^kaiji: $D/kohaku-2021.txt:||" "$T/err" | cut -d: -f1 >"$T/lines"
ok "notes carry line numbers" sh -c "! grep -qv '^[0-9][0-9]*\$' '$T/lines'"
ok "notes in line order" sort -n -c "$T/lines"
ok "get an imported answer" test "$("$KAIJI" get "$T/k.yaml" 61.1)" = "あり; 下り10Mbps以上を推奨"
status 1 "summary: what the publisher hid is missing" "$KAIJI" summary "$T/k.yaml" >"$T/out"
contains "$T/out" "4.1    事業所: 事業者の本店住所・郵便番号"
contains "$T/out" "Result: incomplete"

# the 2019 edition (pipe rows, <p> cells)
status 0 "import 2019" "$KAIJI" import "$D/kohaku-2019.txt" -o "$T/k19.yaml" 2>"$T/err"
contains "$T/k19.yaml" 'edition: "2019"'
status 0 "every answer as expected (2019)" "$KAIJI" diff "$D/expected-2019.yaml" "$T/k19.yaml" >/dev/null
contains "$T/err" "kaiji: $D/kohaku-2019.txt:20: 6.2: 記述有り(*) (the publisher hid the answer): fill it in"
contains "$T/err" "kaiji: $D/kohaku-2019.txt:21: 6.3: 記述無し(*) (the publisher hid the answer): fill it in"
contains "$T/err" "kaiji: $D/kohaku-2019.txt:88: 36.1: the document gives no answer: fill it in"
contains "$T/err" "kaiji: $D/kohaku-2019.txt:218: '参考: 旧規約を含む' could not be placed in item 90: not imported"
contains "$T/err" "117 of 133 fields answered (asp-saas 2019), 17 notes"
contains "$T/k19.yaml" '"30.1": |-'

# a disclosure with every answer: no notes, and a complete draft
status 0 "import a complete disclosure" "$KAIJI" import "$D/clean-2021.txt" -o "$T/c.yaml" 2>"$T/err"
contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
ok "only the count line" test "$(wc -l <"$T/err")" -eq 1
status 0 "the imported draft is complete" "$KAIJI" summary "$T/c.yaml" >"$T/out"
contains "$T/out" "Result: complete"

# never overwrite a draft unless asked
cp "$T/k.yaml" "$T/k.before"
status 2 "import refuses an existing draft" "$KAIJI" import "$D/kohaku-2019.txt" -o "$T/k.yaml" 2>"$T/err"
contains "$T/err" "kaiji: $T/k.yaml: File exists (use --force to replace it)"
lacks "$T/err" "publisher"
ok "existing draft untouched" cmp -s "$T/k.yaml" "$T/k.before"
ok "no backup without --force" test ! -e "$T/k.yaml~"
status 2 "refuses a dangling symlink too" sh -c "ln -s '$T/nowhere' '$T/link.yaml' && '$KAIJI' import '$D/kohaku-2019.txt' -o '$T/link.yaml'" 2>/dev/null
ok "nothing created through the symlink" test ! -e "$T/nowhere"
status 0 "--force" "$KAIJI" import --force "$D/kohaku-2019.txt" -o "$T/k.yaml" 2>"$T/err"
contains "$T/k.yaml" 'edition: "2019"'
ok "--force keeps the previous draft as DRAFT~" cmp -s "$T/k.yaml~" "$T/k.before"
ok "replaced draft is 0600" test "$(stat -c %a "$T/k.yaml")" = 600
ok "no temporary files beside the draft" test -z "$(ls -A "$T" | grep '^\.')"

# errors: exit 2, a cause, no draft
printf 'meeting notes, 2021\nnothing else\n' >"$T/garbage.txt"
status 2 "not a disclosure" "$KAIJI" import "$T/garbage.txt" -o "$T/g.yaml" 2>"$T/err"
contains "$T/err" "$T/garbage.txt: not a published disclosure (no page header such as"
ok "no draft from garbage" test ! -e "$T/g.yaml"
status 2 "unknown page count" "$KAIJI" import "$D/pages-9.txt" -o "$T/g.yaml" 2>"$T/err"
contains "$T/err" "pages-9.txt:2: no form has 9 pages (pages per form: asp-saas 2019: 7, asp-saas 2021: 8)"
status 2 "not UTF-8" "$KAIJI" import "$D/not-utf8.txt" -o "$T/g.yaml" 2>"$T/err"
contains "$T/err" "not-utf8.txt:2: not UTF-8 text"
status 2 "missing file" "$KAIJI" import "$T/none.txt" -o "$T/g.yaml" 2>"$T/err"
contains "$T/err" "$T/none.txt: No such file or directory"
status 2 "no -o" "$KAIJI" import "$D/kohaku-2021.txt" 2>"$T/err"
contains "$T/err" "Usage: kaiji import"
status 2 "unknown format" "$KAIJI" import --format xml "$D/kohaku-2021.txt" -o "$T/g.yaml" 2>"$T/err"
contains "$T/err" "unknown format 'xml' (published, csv, xlsx, html or export)"
status 2 "unknown encoding" "$KAIJI" import --encoding latin1 "$D/kohaku-2021.txt" -o "$T/g.yaml" 2>"$T/err"
contains "$T/err" "unknown encoding 'latin1' (utf-8 or cp932)"
status 2 "--encoding cp932 on published text" "$KAIJI" import --encoding cp932 "$D/kohaku-2021.txt" -o "$T/g.yaml" 2>"$T/err"
contains "$T/err" "--encoding is for CSV"
status 2 "--format csv on published text" "$KAIJI" import --format csv "$D/kohaku-2021.txt" -o "$T/g.yaml" 2>/dev/null
ok "no draft after errors" test ! -e "$T/g.yaml"
status 0 "import --help" "$KAIJI" import --help >"$T/out"
contains "$T/out" "Usage: kaiji import"

# kaiji CSV, recognized by its header row, UTF-8 or CP932
printf '\357\273\277ID,申請内容,様式,版\r\n1.1,2021/7/1,asp-saas,2021\r\n27.1,こはく勤怠クラウド,asp-saas,2021\r\n' >"$T/a.csv"
status 0 "import CSV" "$KAIJI" import "$T/a.csv" -o "$T/csv.yaml" 2>"$T/err"
ok "CSV answer" test "$("$KAIJI" get "$T/csv.yaml" 27.1)" = "こはく勤怠クラウド"
contains "$T/err" "2 of 133 fields answered (asp-saas 2021)"
if printf 'テスト' | iconv -f UTF-8 -t CP932 >/dev/null 2>&1; then
	printf 'ID,申請内容,様式,版\r\n27.1,こはく勤怠クラウド,asp-saas,2021\r\n' | iconv -f UTF-8 -t CP932 >"$T/sjis.csv"
	status 0 "import CP932 CSV" "$KAIJI" import --encoding cp932 "$T/sjis.csv" -o "$T/sjis.yaml" 2>/dev/null
	ok "CP932 answer" test "$("$KAIJI" get "$T/sjis.yaml" 27.1)" = "こはく勤怠クラウド"
	status 0 "import CP932 CSV, detected" "$KAIJI" import "$T/sjis.csv" -o "$T/sjis2.yaml" 2>/dev/null
	ok "CP932 detected" cmp -s "$T/sjis.yaml" "$T/sjis2.yaml"
fi
# export -> import gives the same draft
if "$KAIJI" --help 2>&1 | grep -q 'kaiji export'; then
	for enc in utf-8 cp932; do
		status 0 "export CSV ($enc)" "$KAIJI" export "$KAIJI_TEST_DATA/complete-2021.yaml" --to csv --encoding $enc -o "$T/rt-$enc.csv" 2>/dev/null
		status 0 "import the export ($enc)" "$KAIJI" import "$T/rt-$enc.csv" -o "$T/rt-$enc.yaml" 2>/dev/null
		ok "round trip ($enc): the same draft" cmp -s "$T/rt-$enc.yaml" "$KAIJI_TEST_DATA/complete-2021.yaml"
	done
fi

# kaiji's own yaml and json exports, and UTF-16 text, import back
C=$KAIJI_TEST_DATA/complete-2021.yaml
for to in yaml json; do
	"$KAIJI" export "$C" --to $to -o "$T/e.$to" 2>/dev/null
	status 0 "import the $to export" "$KAIJI" import "$T/e.$to" -o "$T/e-$to.yaml" 2>"$T/err"
	contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
	ok "$to round trip: the same draft" cmp -s "$T/e-$to.yaml" "$C"
done
"$KAIJI" set "$T/e-json.yaml" 30.1 'メモのある回答' 2>/dev/null
"$KAIJI" note "$T/e-json.yaml" 30.1 '確認する' 2>/dev/null
"$KAIJI" export "$T/e-json.yaml" --to json --notes -o "$T/n.json" 2>/dev/null
status 0 "import a json export with notes" "$KAIJI" import --format export "$T/n.json" -o "$T/n.yaml" 2>/dev/null
ok "notes come back" cmp -s "$T/n.yaml" "$T/e-json.yaml"
if command -v python3 >/dev/null; then
	python3 - "$T/e.json" "$T" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
[f for f in d["fields"] if f["id"] == "30.1"][0]["answer"] = "絵文字😀\\u0041"
t = sys.argv[2]
json.dump(d, open(t + "/ascii.json", "w"))
json.dump(d, open(t + "/sorted.json", "w"), sort_keys=True, indent="\t")
json.dump(d, open(t + "/compact.json", "w"), separators=(",", ":"), ensure_ascii=False)
PY
	for f in ascii sorted compact; do
		status 0 "import json rewritten ($f)" "$KAIJI" import "$T/$f.json" -o "$T/$f.yaml" 2>/dev/null
		ok "json rewritten ($f): 30.1" test "$("$KAIJI" get "$T/$f.yaml" 30.1)" = '絵文字😀\u0041'
		"$KAIJI" set "$T/$f.yaml" 30.1 "$("$KAIJI" get "$C" 30.1)" 2>/dev/null
		ok "json rewritten ($f): the other answers" cmp -s "$T/$f.yaml" "$C"
	done
	"$KAIJI" export "$C" --to csv -o "$T/e.csv" 2>/dev/null
	python3 - "$T" <<'PY'
import csv, io, sys
t = sys.argv[1]
rows = list(csv.reader(open(t + "/e.csv", encoding="utf-8-sig", newline="")))
b = io.StringIO()
csv.writer(b, delimiter="\t", lineterminator="\r\n").writerows(rows)
text = b.getvalue()
open(t + "/le.txt", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
open(t + "/be.txt", "wb").write(b"\xfe\xff" + text.encode("utf-16-be"))
open(t + "/nobom.txt", "wb").write(text.encode("utf-16-le"))
open(t + "/semi.csv", "w", encoding="utf-8").write(text.replace("\t", ";"))
PY
	for f in le be; do
		status 0 "import Unicode text ($f)" "$KAIJI" import "$T/$f.txt" -o "$T/$f.yaml" 2>/dev/null
		ok "Unicode text ($f): the same draft" cmp -s "$T/$f.yaml" "$C"
	done
	status 2 "UTF-16 without a byte order mark" "$KAIJI" import "$T/nobom.txt" -o "$T/x.yaml" 2>"$T/err"
	contains "$T/err" "kaiji: $T/nobom.txt: this appears to be UTF-16LE text without a byte order mark"
	status 2 "a semicolon CSV" "$KAIJI" import "$T/semi.csv" -o "$T/x.yaml" 2>"$T/err"
	contains "$T/err" "kaiji: $T/semi.csv: this appears to be a CSV file separated by semicolons"
fi
# what a file kaiji cannot use appears to be
printf '%%PDF-1.7\n%%\342\343\317\323\n' >"$T/a.pdf"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$T/a.png"
printf '<!DOCTYPE html>\n<html><body><p>お知らせ</p></body></html>\n' >"$T/a.html"
for f in a.pdf:"a PDF document" a.png:"a PNG image" a.html:"an HTML page that holds no disclosure"; do
	status 2 "import ${f%%:*}" "$KAIJI" import "$T/${f%%:*}" -o "$T/x.yaml" 2>"$T/err"
	contains "$T/err" "kaiji: $T/${f%%:*}: this appears to be ${f#*:}"
done
"$KAIJI" export "$C" --to xlsx -o "$T/w.xlsx" 2>/dev/null
if [ -s "$T/w.xlsx" ]; then
	cp "$T/w.xlsx" "$T/w.csv"
	status 0 "a workbook named .csv is read as a workbook" "$KAIJI" import "$T/w.csv" -o "$T/w.yaml" 2>/dev/null
	status 2 "a workbook given to --format csv" "$KAIJI" import --format csv "$T/w.xlsx" -o "$T/x.yaml" 2>"$T/err"
	contains "$T/err" "kaiji: $T/w.xlsx: this appears to be an Excel workbook (.xlsx), not CSV"
fi
ok "no draft after errors" test ! -e "$T/x.yaml"

finish
