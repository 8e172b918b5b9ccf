# ASPIC's page of a certified service printed by a real browser: Chromium
# headless prints the synthetic page (tests/data/aspic/service-2021.html)
# to PDF, poppler's pdftotext gives its text (as it is and with -layout),
# and the published-text import reads that text.  Checked: the PDF holds
# the header block and every answer; reported (a figure for the issue,
# not a pass mark): how many of the 133 answers the published-text import
# recovers identical.  SKIP (77) without chromium, pdftotext or python3.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=

browser=
for b in chromium chromium-browser google-chrome; do
	command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
[ -n "$browser" ] || { echo "SKIP: no chromium"; exit 77; }
for p in pdftotext python3; do
	command -v "$p" >/dev/null 2>&1 || { echo "SKIP: no $p"; exit 77; }
done

cp "$D/aspic/service-2021.html" "$T/page.html"
mkdir -p "$T/profile" "$T/home"
HOME="$T/home" timeout 60 "$browser" --headless --no-sandbox \
    --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync \
    --user-data-dir="$T/profile" --no-pdf-header-footer \
    --print-to-pdf="$T/page.pdf" "file://$T/page.html" >/dev/null 2>&1
ok "the page printed" test -s "$T/page.pdf"
"$KAIJI" export "$D/aspic/source-2021.yaml" --to json >"$T/want.json"

for mode in plain layout; do
	flag=
	[ $mode = layout ] && flag=-layout
	pdftotext $flag "$T/page.pdf" "$T/$mode.txt" 2>/dev/null
	contains "$T/$mode.txt" "0999-2106"
	# every answer is printed (white space aside; pdftotext may put a
	# wrapped cell's lines between those of the cells beside it)
	python3 - "$T/$mode.txt" "$T/want.json" >"$T/check" 2>&1 <<'PY'
import json, re, sys, unicodedata
# NFC: pdftotext gives a decomposed cell as it is
whole = unicodedata.normalize('NFC', re.sub(r'\s+', '', open(sys.argv[1]).read()))
fields = json.load(open(sys.argv[2]))['fields']
def printed(ans):
    """ans is in the text in order, other cells' text between its
    characters allowed (a narrow column beside it is read line by line)"""
    ans = re.sub(r'\s+', '', ans)
    start = whole.find(ans[:4])
    while start >= 0:
        pos, end = start, start + 4 * len(ans) + 400
        for ch in ans:
            pos = whole.find(ch, pos, end)
            if pos < 0:
                break
            pos += 1
        else:
            return True
        start = whole.find(ans[:4], start + 1)
    return False
for f in fields:
    if f['answer'] and not printed(f['answer']):
        print('answer %s is not in the text' % f['id'])
PY
	ok "pdftotext $flag: every answer is printed" test ! -s "$T/check"
	head -5 "$T/check" >&3
	# the figure: answers the published-text import recovers identical
	"$KAIJI" import --format published "$T/$mode.txt" -o "$T/$mode.yaml" \
	    >/dev/null 2>"$T/$mode.err"
	got=0
	if [ -f "$T/$mode.yaml" ]; then
		"$KAIJI" export "$T/$mode.yaml" --to json >"$T/got.json" 2>/dev/null
		got=$(python3 - "$T/want.json" "$T/got.json" <<'PY'
import json, sys
want = {f['id']: f['answer'] for f in json.load(open(sys.argv[1]))['fields']}
got = {f['id']: f['answer'] for f in json.load(open(sys.argv[2]))['fields']}
print(sum(1 for k, v in want.items() if v is not None and got.get(k) == v))
PY
)
	fi
	echo "# pdftotext $flag of the printed page, imported as published text: $got/133 answers identical ($(head -1 "$T/$mode.err"))"
done
finish
