# kaiji import of hard-wrapped published text: the synthetic disclosures of
# tests/data/import with every line broken at N columns, as a mail program,
# an editor or a PDF viewer does (tests/wrap.py), at several N.  Each must
# keep at least 95% of the answers of the unwrapped import exactly, and no
# answer may be (a part of) a description.
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE=
D=$KAIJI_TEST_DATA/import
W="${srcdir:-.}/tests/wrap.py"
FORM="${srcdir:-.}/forms/asp-saas-2021.yaml"
if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "SKIP: python3 with yaml is needed"
	exit 77
fi

for doc in clean-2021 kohaku-2019; do
	status 0 "import $doc" "$KAIJI" import "$D/$doc.txt" -o "$T/$doc.yaml" 2>/dev/null
	for n in 40 50 60 72 80 100 132; do
		python3 "$W" wrap $n <"$D/$doc.txt" >"$T/w.txt"
		ok "$doc at $n columns is wrapped" test "$(wc -l <"$T/w.txt")" -gt "$(wc -l <"$D/$doc.txt")"
		rm -f "$T/w.yaml"
		status 0 "import $doc wrapped at $n" "$KAIJI" import "$T/w.txt" -o "$T/w.yaml" 2>"$T/err"
		set -- $(python3 "$W" score "$FORM" "$T/$doc.yaml" "$T/w.yaml")
		echo "$doc at $n columns: $1 of $2 answers exact, $3 descriptions" >&3
		ok "$doc at $n: $1 of $2 exact (at least 95%)" test $(($1 * 100)) -ge $(($2 * 95))
		ok "$doc at $n: no description taken as an answer ($3)" test "$3" -eq 0
	done
done
finish
