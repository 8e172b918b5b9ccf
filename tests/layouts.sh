# kaiji import of published text in the layouts it comes in besides the
# published one (tests/wrap.py makes them from the synthetic disclosures of
# tests/data/import):
# - hard-wrapped at N columns, as a mail program, an editor or a PDF viewer
#   breaks long cells, at several N: at least 95% of the answers of the
#   unwrapped import exactly, and no answer (a part of) a description;
# - as a spreadsheet or a converter leaves it (titles on two lines, header
#   lines padded with tabs, trailing empty cells dropped, page numbers and
#   column headers mid-table): the same draft and no other notes;
# - a tab-separated cell quoted over several lines.
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE=
D=$KAIJI_TEST_DATA/import
W="${srcdir:-.}/tests/wrap.py"
FORM="${srcdir:-.}/forms/asp-saas-2021.yaml"
if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "SKIP: python3 with yaml is needed"
	exit 77
fi

# score DOC WHAT: the answers of $T/w.yaml against those of $T/DOC.yaml
score() {
	set -- "$1" "$2" $(python3 "$W" score "$FORM" "$T/$1.yaml" "$T/w.yaml")
	echo "$1 $2: $3 of $4 answers exact, $5 descriptions" >&3
	ok "$1 $2: $3 of $4 exact (at least 95%)" test $(($3 * 100)) -ge $(($4 * 95))
	ok "$1 $2: no description taken as an answer ($5)" test "$5" -eq 0
}

for doc in clean-2021 kohaku-2021 kohaku-2019; do
	status 0 "import $doc" "$KAIJI" import "$D/$doc.txt" -o "$T/$doc.yaml" 2>"$T/$doc.err"
	for n in 40 50 60 72 80 100 132; do
		python3 "$W" wrap $n <"$D/$doc.txt" >"$T/w.txt"
		ok "$doc at $n columns is wrapped" test "$(wc -l <"$T/w.txt")" -gt "$(wc -l <"$D/$doc.txt")"
		rm -f "$T/w.yaml"
		status 0 "import $doc wrapped at $n" "$KAIJI" import "$T/w.txt" -o "$T/w.yaml" 2>"$T/err"
		score $doc "at $n columns"
	done
	python3 "$W" messy <"$D/$doc.txt" >"$T/m.txt"
	rm -f "$T/w.yaml"
	status 0 "import $doc, messy" "$KAIJI" import "$T/m.txt" -o "$T/w.yaml" 2>"$T/err"
	status 0 "$doc, messy: the same draft" "$KAIJI" diff "$T/$doc.yaml" "$T/w.yaml" >"$T/out"
	contains "$T/out" "0 added, 0 removed, 0 changed"
	ok "$doc, messy: as many notes" test "$(wc -l <"$T/err")" -eq "$(wc -l <"$T/$doc.err")"
	python3 "$W" wrap 60 <"$T/m.txt" >"$T/w.txt"
	rm -f "$T/w.yaml"
	status 0 "import $doc, messy, wrapped" "$KAIJI" import "$T/w.txt" -o "$T/w.yaml" 2>"$T/err"
	score $doc "messy at 60 columns"
done
contains "$T/clean-2021.err" "133 of 133 fields answered (asp-saas 2021), 0 notes"

# a spreadsheet's quoted cells: line breaks (CR LF too), a tab, quotes
awk -F'\t' -v OFS='\t' '$1 == 5 { $6 = "\"勤怠管理の\r\nクラウド\t\"\"こはく\"\"\"" }
    $1 == 9 { $6 = "\"¥2,345,000,000\n(2021年3月期)\"" } { print }' \
    "$D/clean-2021.txt" >"$T/q.txt"
status 0 "import quoted cells" "$KAIJI" import "$T/q.txt" -o "$T/q.yaml" 2>"$T/err"
contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
ok "a quoted cell with a tab and quotes" test "$("$KAIJI" get "$T/q.yaml" 5.1)" = "$(printf '勤怠管理の\nクラウド\t"こはく"')"
ok "a quoted cell with a line break" test "$("$KAIJI" get "$T/q.yaml" 9.1)" = "$(printf '¥2,345,000,000\n(2021年3月期)')"
ok "the next answer in place" test "$("$KAIJI" get "$T/q.yaml" 10.1)" = "$("$KAIJI" get "$T/clean-2021.yaml" 10.1)"
# notes name the line of the file, counting the breaks in quoted cells
printf '12\t\t自己資本比率\t事業者全体の自己資本の比率(単独ベース)(単位:%%)\t選択\t記述有り(*)\n' >"$T/r.txt"
awk 'NR == FNR { r = $0; next } { print } /^11\t/ { print r }' "$T/r.txt" "$T/q.txt" | awk -F'\t' '$1 != 12 || /記述有り/' >"$T/q2.txt"
status 0 "import quoted cells and a hidden answer" "$KAIJI" import "$T/q2.txt" -o "$T/q2.yaml" 2>"$T/err"
contains "$T/err" "q2.txt:$(grep -n '記述有り' "$T/q2.txt" | cut -d: -f1 | head -1): 12.1: 記述有り(*)"
finish
