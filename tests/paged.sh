# The paged text export (export --to text --paged): a form page a sheet (a
# form feed before each page after the first), every line at most --width
# columns as kaiji counts them (measured here by Python's East Asian Width
# table, ambiguous characters narrow unless KAIJI_AMBIGUOUS_WIDTH=2), a
# grid of + - |, tabs never in the output, leading spaces kept, every
# answer's text in the answer column.
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE=
D=$KAIJI_TEST_DATA

status 2 "--paged is for text" "$KAIJI" export "$D/complete-2021.yaml" --to csv --paged 2>"$T/err"
contains "$T/err" "--paged applies only to --to text"
status 2 "--width needs --paged" "$KAIJI" export "$D/complete-2021.yaml" --to text --width 80 2>"$T/err"
contains "$T/err" "--width applies only to --to text --paged"
for w in 39 1001 80x -5 ''; do
	status 2 "--width '$w' refused" "$KAIJI" export "$D/complete-2021.yaml" --to text --paged --width "$w" 2>"$T/err"
	contains "$T/err" "give a number of columns from 40 to 1000"
done

if ! command -v python3 >/dev/null; then
	echo "SKIP: no python3; widths not measured"
	finish
fi

# paged FILE N AMBIGUOUS PAGES: the export of FILE at N columns has PAGES
# sheets, no line wider than N, no tab, no character outside ASCII in the
# grid, and every answer in the answer column
paged() {
	"$KAIJI" export "$D/$1" --to text --paged --width "$2" >"$T/out" 2>/dev/null
	"$KAIJI" export "$D/$1" --to json >"$T/tree" 2>/dev/null
	ok "$1 at $2 columns (ambiguous $3): $4 sheets, no line wider" python3 - "$T/out" "$T/tree" "$2" "$3" "$4" <<'PY'
import json, re, sys, unicodedata
out = open(sys.argv[1], encoding="utf-8").read()
width, amb, pages = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
def cw(c):
    if unicodedata.combining(c) or unicodedata.category(c) in ("Me", "Cf"):
        return 0
    e = unicodedata.east_asian_width(c)
    return 2 if e in "WF" or (e == "A" and amb == 2) else 1
assert out.count("\f") + 1 == pages, out.count("\f")
assert "\t" not in out and "\r" not in out
col = []
for sheet in out.split("\f"):
    assert sheet.startswith("ASP・SaaS"), sheet[:40]
    for line in sheet.split("\n"):
        assert sum(cw(c) for c in line) <= width, (len(line), line)
        if line.startswith("+"):
            assert re.fullmatch(r"\+[-+]*\+", line), line
        if line[:1] in ("+", "|"):
            assert line[-1] in "+|", line
        if line.startswith("|") and line.count("|") == 6:
            col.append(line.split("|")[5])
joined = re.sub(r"\s", "", "".join(col))
n = 0
for f in json.load(open(sys.argv[2], encoding="utf-8"))["fields"]:
    if f["answer"] is not None:
        assert re.sub(r"\s", "", f["answer"]) in joined, f["id"]
        n += 1
assert n > 100, n
PY
}
paged complete-2021.yaml 80 1 8
paged complete-2019.yaml 80 1 7
for n in 80 100 40; do
	paged long-2021.yaml $n 1 8
done
KAIJI_AMBIGUOUS_WIDTH=2 paged long-2021.yaml 80 2 8

"$KAIJI" export "$D/long-2021.yaml" --to text --paged >"$T/out" 2>/dev/null
contains "$T/out" "|  先頭の空白を保つ。"
contains "$T/out" "|    字下げした行"
finish
