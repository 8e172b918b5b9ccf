# Every reader is linear in its input and keeps memory within a small
# multiple of it (src/limit.h): each is fed inputs of the largest size an
# import accepts, shaped as the worst cases found (one cell of <br>, many
# paragraphs, many <p> rows, kaiji's own continuation rows, a row of
# millions of cells, millions of lines, of CRs, of commas), under a time
# limit generous enough to be a complexity check, not a timing test, and a
# memory limit of about 12 times the input.  A reader that runs out of
# memory aborts (134); one that is quadratic is stopped by timeout (124).
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE=
M=16000000		# bytes, just under IMPORT_MAX_SIZE (16 MiB)
MEM=200000		# KiB of address space
SECS=30
# a sanitizer build reserves far more address space than it uses, and is
# several times slower
if ! (ulimit -v $MEM && "$KAIJI" --version) >/dev/null 2>&1; then
	MEM=unlimited
	SECS=150
fi

hdr='ASP・SaaS安全・信頼性に係る情報開示認定制度 認定サービスの申請内容 (1/8)\n\n'
ours='様式: asp-saas 2021, サービス名称: 架空\n'
row5='5\t事業の概要\t主な事業の概要\t事業者の主要な事業の概要\t必須\t'
csvh='ID,申請内容,様式,版\n'
fill() {	# fill TEXT: TEXT repeated to $M bytes
	yes "$1" | head -c $M
}
{ printf "$hdr$row5"; yes '<br>' | tr -d '\n' | head -c $M; echo; } >"$T/p-br.txt"
{ printf "${hdr}5\t事業の概要\t"; yes '<p>a</p>' | tr -d '\n' | head -c $M; echo; } >"$T/p-paras.txt"
{ printf "$hdr"; fill '5	事業の概要	<p>a</p><p>b</p>'; } >"$T/p-prows.txt"
{ printf "$hdr$ours$row5"; echo x; fill '					x'; } >"$T/p-ours.txt"
{ printf "$hdr"; head -c $M /dev/zero | tr '\0' '|'; echo; } >"$T/p-pipes.txt"
{ printf "$hdr"; head -c $M /dev/zero | tr '\0' '\n'; } >"$T/p-lines.txt"
{ printf "$hdr"; fill x; } >"$T/p-text.txt"
{ printf "$csvh"; head -c $M /dev/zero | tr '\0' '\n'; } >"$T/c-lines.csv"
{ printf "$csvh"; head -c $M /dev/zero | tr '\0' '\r'; } >"$T/c-cr.csv"
{ printf "$csvh"; printf 5.1; head -c $M /dev/zero | tr '\0' ','; echo; } >"$T/c-commas.csv"
{ printf "$csvh"; fill ',,,'; } >"$T/c-empty.csv"
{ printf "$csvh"; fill '5.1,x,asp-saas,2021'; } >"$T/c-rows.csv"
{ printf "$csvh"; printf '5.1,"'; yes '""' | tr -d '\n' | head -c $M; printf '",asp-saas,2021\n'; } >"$T/c-cell.csv"

# kaiji's exports (yaml, json) and UTF-16 text
jhead='{"kaiji-export": 1, "form": "asp-saas", "edition": "2021", '
{ printf "$jhead"'"fields": ['; yes '{},' | tr -d '\n' | head -c $M; printf '{}]}\n'; } >"$T/e-entries.json"
{ printf "$jhead"'"x": ['; yes '0,' | tr -d '\n' | head -c $M; printf '0], "fields": []}\n'; } >"$T/e-ignored.json"
{ printf "$jhead"'"fields": [{"id": "30.1", "answer": "'; yes '\\u3042' | tr -d '\n' | head -c $M; printf '"}]}\n'; } >"$T/e-escapes.json"
{ printf 'kaiji-export: 1\n'; yes 'k: 0' | head -c $M; } >"$T/e-keys.yaml"
{ printf 'kaiji-export: 1\nx: '; head -c $M /dev/zero | tr '\0' '['; } >"$T/e-deep.yaml"
rep() {	# rep BYTES: the printf escapes BYTES repeated to $M bytes
	printf "$1" >"$T/unit"
	while [ "$(wc -c <"$T/unit")" -lt $M ]; do
		cat "$T/unit" "$T/unit" >"$T/unit2" && mv "$T/unit2" "$T/unit"
	done
	head -c $M "$T/unit"
}
{ printf '\377\376'; rep '\r\000\n\000'; } >"$T/u-lines.txt"
{ printf '\377\376I\000D\000\t\000\330i\017_\t\000\110r\r\000\n\000'; rep '\t\000'; } >"$T/u-cells.txt"
{ printf '\376\377'; rep '\330\075\336\000'; } >"$T/u-pairs.txt"

# reader WANT FILE [TEXT]: importing FILE exits WANT within the limits,
# saying TEXT
reader() {
	rm -f "$T/out.yaml"
	status "$1" "import $2 within $SECS s and ${MEM} KiB" sh -c \
	    'ulimit -v "$0" && exec timeout "$4" "$1" import "$2" -o "$3"' \
	    "$MEM" "$KAIJI" "$T/$2" "$T/out.yaml" "$SECS" >/dev/null 2>"$T/err"
	lacks "$T/err" "out of memory"
	[ -z "$3" ] || contains "$T/err" "$3"
}
too_big="not saved: the draft would be"
no_rows="no table rows"
no_form="no row names a form and edition"
reader 2 p-br.txt "$too_big"
reader 2 p-paras.txt "$too_big"
reader 0 p-prows.txt "more notes left out"
reader 2 p-ours.txt "$too_big"
reader 2 p-pipes.txt "$no_rows"
reader 2 p-lines.txt "$no_rows"
reader 2 p-text.txt "$no_rows"
reader 2 c-lines.csv "$no_form"
reader 2 c-cr.csv "$no_form"
reader 2 c-commas.csv "more than 1024 cells in a row"
reader 2 c-empty.csv "$no_form"
reader 0 c-rows.csv "more notes left out"
reader 2 c-cell.csv "$too_big"
reader 2 e-entries.json "more than 4096 entries in 'fields'"
reader 0 e-ignored.json "133 fields have no row"
reader 2 e-escapes.json "$too_big"
reader 2 e-keys.yaml "an export names its form, edition and fields"
reader 2 e-deep.yaml "nested too deep for a kaiji export"
reader 2 u-lines.txt "not a published disclosure"
reader 2 u-cells.txt "more than 1024 cells in a row"
reader 2 u-pairs.txt "not a published disclosure"
finish
