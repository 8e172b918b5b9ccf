# kaiji export, run as a user would: every format, -o files (0600, never
# the draft), --final, problems on stderr, deterministic output, CSV in
# UTF-8 and CP932 (¥, 〜, characters CP932 lacks, --replace), and output
# that other tools parse.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=
umask 022

# has_bytes PRINTF-FORMAT FILE: FILE holds those bytes (fixed string).
has_bytes() {
	LC_ALL=C grep -qF -- "$(printf "$1")" "$2"
}

# usage
status 0 "export --help" "$KAIJI" export --help >"$T/out"
contains "$T/out" "Usage: kaiji export DRAFT --to text|markdown|csv|yaml|json"
status 2 "export without a draft" "$KAIJI" export --to text 2>"$T/err"
contains "$T/err" "Usage: kaiji export"
status 2 "export without --to" "$KAIJI" export "$D/complete-2021.yaml" >"$T/out" 2>"$T/err"
contains "$T/err" "--to text, markdown, csv, yaml, json, xlsx or html"
status 2 "unknown format" "$KAIJI" export "$D/complete-2021.yaml" --to xml >"$T/out" 2>"$T/err"
contains "$T/err" "unknown format 'xml' (use text, markdown, csv, yaml, json, xlsx or html)"
ok "nothing on stdout for an unknown format" test ! -s "$T/out"
status 2 "--encoding with text" "$KAIJI" export "$D/complete-2021.yaml" --to text --encoding cp932 2>"$T/err"
contains "$T/err" "apply only to --to csv"
status 2 "unknown encoding" "$KAIJI" export "$D/complete-2021.yaml" --to csv --encoding latin1 2>"$T/err"
contains "$T/err" "unknown encoding 'latin1' (use utf-8 or cp932)"
status 2 "unknown option" "$KAIJI" export "$D/complete-2021.yaml" --to text --colour 2>"$T/err"
contains "$T/err" "unknown option"
status 2 "a draft that cannot be read" "$KAIJI" export "$D/../bad/drafts/syntax.yaml" --to text >"$T/out" 2>"$T/err"
contains "$T/err" "syntax.yaml:6:1: invalid YAML"

# every format: stdout and -o identical, two runs identical, 0600 files
for f in text markdown csv yaml json; do
	status 0 "--to $f" "$KAIJI" export "$D/complete-2021.yaml" --to "$f" >"$T/c.$f" 2>"$T/err"
	ok "--to $f writes something" test -s "$T/c.$f"
	ok "--to $f: nothing on stderr for a complete draft" test ! -s "$T/err"
	"$KAIJI" export "$D/complete-2021.yaml" --to "$f" >"$T/again.$f"
	ok "--to $f is deterministic" cmp -s "$T/c.$f" "$T/again.$f"
	status 0 "--to $f -o" "$KAIJI" export "$D/complete-2021.yaml" --to "$f" -o "$T/o.$f"
	ok "--to $f: -o and stdout identical" cmp -s "$T/c.$f" "$T/o.$f"
	ok "--to $f: -o file is 0600" test "$(stat -c %a "$T/o.$f")" = 600
done
ok "no temporary files left" test -z "$(ls -A "$T" | grep '^\.')"
status 0 "-o replaces an existing file" "$KAIJI" export "$D/complete-2019.yaml" --to text -o "$T/o.text"
contains "$T/o.text" "(7/7)"
lacks "$T/o.text" "(8/8)"
status 0 "-o - is standard output" "$KAIJI" export "$D/complete-2021.yaml" --to text -o - >"$T/dash.text"
ok "-o - same as stdout" cmp -s "$T/dash.text" "$T/c.text"
ok "text export is the expected file" cmp -s "$T/c.text" "$D/export/complete-2021.txt"
ok "markdown export is the expected file" cmp -s "$T/c.markdown" "$D/export/complete-2021.md"

# the pages as published
contains "$T/c.text" "ASP・SaaS安全・信頼性に係る情報開示認定制度 認定サービスの申請内容 (1/8)"
contains "$T/c.text" "様式:asp-saas 2021, サービス名称:そらまめ帳票クラウド, 事業者名称:架空テック株式会社"
contains "$T/c.text" "(注) 必須/選択欄の「必須○」とは、一定の水準を考慮すべき必須開示項目となります。"
contains "$T/c.markdown" "## ASP・SaaS安全・信頼性に係る情報開示認定制度 認定サービスの申請内容 (8/8)"
contains "$T/c.markdown" "| - サービスサポート | | | | | |"
contains "$T/c.csv" "30.2,3,サービス基本特性,30,サービス内容,サービスの内容・範囲,"
contains "$T/c.csv" ",必須,500(30.1+30.2),2,なし,asp-saas,2021"
ok "UTF-8 CSV starts with a BOM" test "$(head -c 3 "$T/c.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
ok "CSV rows end with CR LF" test "$(head -n 1 "$T/c.csv" | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a
ok "one CSV row per field and a header" test "$(grep -c ',asp-saas,2021' "$T/c.csv")" -eq 133

# never over the draft
cp "$D/complete-2021.yaml" "$T/d.yaml"
status 2 "-o the draft itself" "$KAIJI" export "$T/d.yaml" --to yaml -o "$T/d.yaml" 2>"$T/err"
contains "$T/err" "will not write the export over the draft"
ok "draft untouched" cmp -s "$T/d.yaml" "$D/complete-2021.yaml"
ln -s d.yaml "$T/link.yaml"
status 2 "-o a link to the draft" "$KAIJI" export "$T/d.yaml" --to yaml -o "$T/link.yaml" 2>/dev/null
ok "draft untouched through a link" cmp -s "$T/d.yaml" "$D/complete-2021.yaml"
status 2 "-o in a missing directory" "$KAIJI" export "$T/d.yaml" --to text -o "$T/no/such/x.txt" 2>"$T/err"
contains "$T/err" "$T/no/such/x.txt"

# an incomplete draft: exported with its problems on stderr; --final refuses
status 0 "export an incomplete draft" "$KAIJI" export "$D/gaps-2021.yaml" --to text >"$T/g.text" 2>"$T/err"
ok "the incomplete draft is exported" test -s "$T/g.text"
contains "$T/err" "kaiji: 2.1: missing: 事業者の正式名称(商号)"
contains "$T/err" "kaiji: 92.1: missing-level: 障害発生時通知の有無"
contains "$T/err" "kaiji: 5.1: over-limit: 101/100字 (1 over; 全角換算 101)"
contains "$T/err" "kaiji: 30.1-30.2: over-limit: 514/500字 (14 over; 全角換算 513)"
contains "$T/err" "kaiji: 29.1: not-choice: not one of the choices"
contains "$T/err" "6 problems (above); exported anyway"
lacks "$T/err" "grouped by three"
ok "problems stay off stdout" sh -c "! grep -q 'missing' '$T/g.text'"
status 1 "--final refuses an incomplete draft" "$KAIJI" export "$D/gaps-2021.yaml" --to csv --final -o "$T/final.csv" >"$T/out" 2>"$T/err"
ok "--final writes no file" test ! -e "$T/final.csv"
ok "--final writes nothing on stdout" test ! -s "$T/out"
contains "$T/err" "kaiji: 2.1: missing:"
contains "$T/err" "6 problems; --final exports only a complete draft, nothing written"
status 1 "--final to stdout" "$KAIJI" export "$D/gaps-2021.yaml" --to json --final >"$T/out" 2>/dev/null
ok "--final to stdout writes nothing" test ! -s "$T/out"
status 0 "--final on a complete draft" "$KAIJI" export "$D/complete-2021.yaml" --to json --final -o "$T/final.json"
ok "--final output is the normal export" cmp -s "$T/final.json" "$T/c.json"

# CP932 CSV: ¥ is 0x5C, ～ 0x8160; 〜 folds with a warning; no '?' ever
status 0 "--encoding cp932" "$KAIJI" export "$D/complete-2021.yaml" --to csv --encoding cp932 -o "$T/sjis.csv" 2>"$T/err"
ok "no warnings for a draft CP932 holds" test ! -s "$T/err"
ok "CP932 CSV has no BOM" test "$(head -c 3 "$T/sjis.csv" | od -An -tx1 | tr -d ' ')" != efbbbf
ok "¥ is written as 0x5C" has_bytes '"\1341,234,000,000' "$T/sjis.csv"
if iconv -f CP932 -t UTF-8 </dev/null >/dev/null 2>&1; then
	iconv -f CP932 -t UTF-8 "$T/sjis.csv" >"$T/sjis-utf8.csv"
	ok "CP932 CSV converts back" test -s "$T/sjis-utf8.csv"
	contains "$T/sjis-utf8.csv" "そらまめ帳票クラウド"
	contains "$T/sjis-utf8.csv" "ID,ページ,区分,項目番号,分類,審査対象項目,記述内容,必須/選択,字数制限,字数,申請内容,様式,版"
fi
status 0 "folds in CP932" "$KAIJI" export "$D/export/fold-2021.yaml" --to csv --encoding cp932 -o "$T/fold.csv" 2>"$T/err"
contains "$T/err" "kaiji: warning: 86.1: 字 8: 〜 (U+301C) written as ～ (U+FF5E), its CP932 form"
contains "$T/err" "kaiji: warning: 9.1: 字 3: \\ (U+005C) written as ＼ (U+FF3C), its CP932 form"
ok "〜 is written as 0x8160" has_bytes '9:00\201\14018:00' "$T/fold.csv"
lacks "$T/fold.csv" "?"
status 2 "characters CP932 lacks" "$KAIJI" export "$D/export/unencodable-2021.yaml" --to csv --encoding cp932 -o "$T/bad.csv" 2>"$T/err"
contains "$T/err" "4 characters CP932 cannot hold: 1.1 字 1 ㋿ (U+32FF), 30.1 字 4 😀 (U+1F600), 47.1 字 2 😀 (U+1F600), 47.1 字 4 😀 (U+1F600)"
contains "$T/err" "--replace writes 〓"
ok "no file when CP932 lacks a character" test ! -e "$T/bad.csv"
status 2 "characters CP932 lacks, to stdout" "$KAIJI" export "$D/export/unencodable-2021.yaml" --to csv --encoding cp932 >"$T/out" 2>/dev/null
ok "nothing on stdout when CP932 lacks a character" test ! -s "$T/out"
status 0 "--replace" "$KAIJI" export "$D/export/unencodable-2021.yaml" --to csv --encoding cp932 --replace -o "$T/geta.csv" 2>"$T/err"
contains "$T/err" "kaiji: warning: 30.1: 字 4: 😀 (U+1F600) is not in CP932; written as 〓"
ok "〓 is written as 0x81AC" has_bytes '\212\107\225\266\216\232\201\254' "$T/geta.csv"
lacks "$T/geta.csv" "?"
status 0 "UTF-8 holds every character" "$KAIJI" export "$D/export/unencodable-2021.yaml" --to csv -o "$T/emoji.csv" 2>"$T/err"
contains "$T/emoji.csv" "絵文字😀です"
lacks "$T/err" "CP932"

# yaml and json parse, and hold every answer exactly
if command -v python3 >/dev/null; then
	for f in complete-2021.yaml export/edge-2021.yaml; do
		"$KAIJI" export "$D/$f" --to json >"$T/x.json" 2>/dev/null
		ok "json of $f parses" python3 -m json.tool "$T/x.json" >/dev/null
		if python3 -c 'import yaml' 2>/dev/null; then
			"$KAIJI" export "$D/$f" --to yaml >"$T/x.yaml" 2>/dev/null
			ok "yaml and json of $f hold the draft's answers" python3 -c '
import json, sys, yaml
draft = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["answers"]
for doc in (yaml.safe_load(open(sys.argv[2], encoding="utf-8")),
    json.load(open(sys.argv[3], encoding="utf-8"))):
	assert doc["kaiji-export"] == 1 and doc["edition"] == "2021", doc
	assert len(doc["fields"]) == 133
	got = {f["id"]: f["answer"] for f in doc["fields"] if f["answer"] is not None}
	assert got == draft, set(got.items()) ^ set(draft.items())
	f = [f for f in doc["fields"] if f["id"] == "30.1"][0]
	assert f["limit"] == 500 and f["shared"] is True and f["page"] == 3, f
' "$D/$f" "$T/x.yaml" "$T/x.json"
		fi
	done
fi

# control characters are shown, not sent, when the output is a terminal
cp "$D/complete-2021.yaml" "$T/esc.yaml"
"$KAIJI" set "$T/esc.yaml" 27.1 "$(printf 'evil\033]0;pwned\007name')" 2>/dev/null
"$KAIJI" export "$T/esc.yaml" --to text -o "$T/esc.text"
ok "a file gets the exact text" grep -q "$(printf 'evil\033]0;pwned\007name')" "$T/esc.text"
"$KAIJI" export "$T/esc.yaml" --to json >"$T/esc.json"
contains "$T/esc.json" 'evil\u001b]0;pwned\u0007name'
if script -qec true /dev/null >/dev/null 2>&1; then
	for f in text markdown csv; do
		script -qec "'$KAIJI' export '$T/esc.yaml' --to $f" /dev/null >"$T/tty.$f" 2>&1
		contains "$T/tty.$f" "evil^"
		contains "$T/tty.$f" "0;pwned^Gname"
		ok "no ESC on a terminal ($f)" sh -c "! grep -q \"$(printf '\033')\" '$T/tty.$f'"
	done
fi

# the form's own strings too: a form whose subtitle holds C1 CSI (U+009B;
# form.c refuses C0 controls), exported to a terminal, shows them
if script -qec true /dev/null >/dev/null 2>&1; then
	mkdir "$T/evilforms"
	cp "$KAIJI_FORMS_DIR"/*.yaml "$T/evilforms/"
	L=$(printf 'subtitle: "申請\\u009B31m内容\\u009B2J"') awk \
	    '/^subtitle: / { print ENVIRON["L"]; next } { print }' \
	    "$KAIJI_FORMS_DIR/asp-saas-2021.yaml" >"$T/evilforms/asp-saas-2021.yaml"
	for f in text markdown; do
		KAIJI_FORMS_DIR="$T/evilforms" script -qec "'$KAIJI' export '$D/complete-2021.yaml' --to $f" /dev/null >"$T/tty.$f" 2>&1
		contains "$T/tty.$f" "申請<U+009B>31m内容<U+009B>2J"
		ok "no C1 CSI from the form on a terminal ($f)" sh -c "! grep -q \"$(printf '\302\233')\" '$T/tty.$f'"
	done
fi

# a tab in an answer never starts a column (every table line has six
# cells), and leading spaces are kept
cp "$D/complete-2021.yaml" "$T/tab.yaml"
"$KAIJI" set "$T/tab.yaml" 30.1 "$(printf '\tタブで始まり\tタブを含む\n  二行目は空白から')" 2>/dev/null
"$KAIJI" export "$T/tab.yaml" --to text >"$T/tab.txt" 2>/dev/null
contains "$T/tab.txt" "$(printf '\t    タブで始まり    タブを含む')"
contains "$T/tab.txt" "$(printf '\t\t\t\t\t  二行目は空白から')"
ok "a tab in an answer: every table line has six cells" \
    test -z "$(awk -F '\t' 'NF > 1 && NF != 6' "$T/tab.txt")"

# --quote-all: every cell quoted; the file reads back the same
status 0 "--quote-all" "$KAIJI" export "$D/complete-2021.yaml" --to csv --quote-all -o "$T/q.csv"
contains "$T/q.csv" '"ID","ページ","区分","項目番号"'
ok "--quote-all: every row starts with a quote" test -z "$(tail -n +2 "$T/q.csv" | tr -d '\r' | grep -v '^"' | grep -c '^[0-9]*\.[0-9]*,' | grep -v '^0$')"
status 0 "--quote-all imports" "$KAIJI" import "$T/q.csv" -o "$T/q.yaml" 2>"$T/err"
contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
status 2 "--quote-all is for csv" "$KAIJI" export "$D/complete-2021.yaml" --to text --quote-all 2>"$T/err"
contains "$T/err" "--quote-all apply only to --to csv"
# a yen amount read back with a backslash is a note
printf 'ID,申請内容,様式,版\r\n9.1,\\1000,asp-saas,2021\r\n' >"$T/yen.csv"
status 0 "import of a backslashed yen amount" "$KAIJI" import "$T/yen.csv" -o "$T/yen.yaml" 2>"$T/err"
contains "$T/err" "yen.csv:2: 9.1: a backslash in an amount in yen"
contains "$T/err" "yen.csv: 132 fields have no row, left unanswered: 1.1, 2.1,"

# --to html: one self-contained page, a section per form page, escaped
status 0 "--to html" "$KAIJI" export "$D/complete-2021.yaml" --to html -o "$T/c.html"
ok "html: 8 form pages" test "$(grep -c '^<section>' "$T/c.html")" -eq 8
contains "$T/c.html" "@page { size: A4 portrait;"
contains "$T/c.html" "<span>(8/8)</span>"
ok "html: nothing loaded from elsewhere, no script" \
    test -z "$(grep -iE '<script|<link|<img|src=|href=|@import|url\(' "$T/c.html")"
cp "$D/complete-2021.yaml" "$T/h.yaml"
"$KAIJI" set "$T/h.yaml" 30.1 "$(printf '<script>alert(1)</script> & "引用" '"'"'x'"'"' \033[31m')" 2>/dev/null
"$KAIJI" set "$T/h.yaml" 2 '' 2>/dev/null
"$KAIJI" export "$T/h.yaml" --to html -o "$T/h.html" 2>/dev/null
contains "$T/h.html" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引用&quot; &#39;x&#39; ^[[31m"
lacks "$T/h.html" "<script>"
contains "$T/h.html" '<td class="answer missing"></td>'
ok "html: no raw control characters" sh -c "! grep -q \"$(printf '\033')\" '$T/h.html'"

finish
