# kaiji export --to html printed by a real browser: Chromium headless
# prints the page to PDF; poppler's pdfinfo counts the sheets (one per form
# page: 8 for 2021, 7 for 2019, A4) and pdftotext checks that each sheet
# starts with its form page's title line "(n/N)" and that every answer is
# on the sheets.  SKIP (77) without chromium, pdfinfo, pdftotext or python3.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=

browser=
for b in chromium chromium-browser google-chrome; do
	command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
[ -n "$browser" ] || { echo "SKIP: no chromium"; exit 77; }
for p in pdfinfo pdftotext python3; do
	command -v "$p" >/dev/null 2>&1 || { echo "SKIP: no $p"; exit 77; }
done

# print HTML PDF: the page printed by the browser
print() {
	mkdir -p "$T/profile" "$T/home"
	HOME="$T/home" timeout 60 "$browser" --headless --no-sandbox \
	    --disable-gpu --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$T/profile" --no-pdf-header-footer \
	    --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}

for case in complete-2021:8 complete-2019:7 gaps-2021:8; do
	draft=${case%:*} sheets=${case#*:}
	"$KAIJI" export "$D/$draft.yaml" --to html -o "$T/$draft.html" 2>/dev/null
	print "$T/$draft.html" "$T/$draft.pdf"
	ok "$draft: printed" test -s "$T/$draft.pdf"
	pdfinfo "$T/$draft.pdf" >"$T/info" 2>/dev/null
	contains "$T/info" "(A4)"
	ok "$draft: $sheets sheets, one per form page" \
	    grep -q "^Pages: *$sheets\$" "$T/info"
	"$KAIJI" export "$D/$draft.yaml" --to json >"$T/$draft.json" 2>/dev/null
	python3 - "$T/$draft.pdf" "$T/$draft.json" "$sheets" >"$T/check" 2>&1 <<'PY'
import json, re, subprocess, sys
pdf, js, sheets = sys.argv[1], sys.argv[2], int(sys.argv[3])
def text(first, last, layout=False):
    out = subprocess.run(['pdftotext'] + (['-layout'] if layout else []) +
                         ['-f', str(first), '-l', str(last), pdf, '-'],
                         capture_output=True, text=True).stdout
    return out
bad = 0
for n in range(1, sheets + 1):
    lines = [l for l in text(n, n, True).splitlines() if l.strip()]
    if not lines or '(%d/%d)' % (n, sheets) not in lines[0]:
        print('sheet %d does not start with its page (%d/%d)' % (n, n, sheets))
        bad += 1
whole = re.sub(r'\s+', '', text(1, sheets))
fields = json.load(open(js))['fields']
answers = [f for f in fields if f['answer']]
def printed(ans):
    """ans is on the sheets in order: a wrapped cell's lines may come
    between lines of the cells beside it in pdftotext's reading order"""
    ans = re.sub(r'\s+', '', ans)
    start = whole.find(ans[:6])
    while start >= 0:
        pos, end = start, start + 4 * len(ans) + 400
        for ch in ans:
            pos = whole.find(ch, pos, end)
            if pos < 0:
                break
            pos += 1
        else:
            return True
        start = whole.find(ans[:6], start + 1)
    return False
missing = [f['id'] for f in answers if not printed(f['answer'])]
print('%d of %d answers on the sheets' % (len(answers) - len(missing),
                                          len(answers)))
for m in missing:
    print('not on the sheets:', m)
sys.exit(1 if bad or missing else 0)
PY
	ok "$draft: each sheet starts with its page, every answer printed" test $? -eq 0
	sed "s/^/    $draft: /" "$T/check" >&3
done

finish
