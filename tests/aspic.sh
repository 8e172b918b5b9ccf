# kaiji import of ASPIC's web page of a certified service (import-aspic.c),
# on synthetic pages laid out as ASPIC's are (tests/aspic-page.py writes
# them from a draft; tests/data/aspic holds its output): every answer of
# the source draft comes back identical (133/133, 2021 and 2019 editions,
# the edition told by the page's wording), the header block fills the
# service and company, and what the page lacks is noted.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
A=$D/aspic
export LC_ALL=C.UTF-8 LANGUAGE=
GEN=${KAIJI_TEST_DATA%/data}/aspic-page.py

# same SOURCE IMPORTED DESC: the yaml exports (every field, its answer)
# are equal, so every answer is identical
same() {
	"$KAIJI" export "$1" --to yaml >"$T/want.yaml" 2>/dev/null
	"$KAIJI" export "$2" --to yaml >"$T/got.yaml" 2>/dev/null
	ok "$3" cmp -s "$T/want.yaml" "$T/got.yaml"
	cmp -s "$T/want.yaml" "$T/got.yaml" ||
	    diff "$T/want.yaml" "$T/got.yaml" | head -20 >&3
}

for case in 2021:source-2021.yaml:"$A/source-2021.yaml" \
    2019:complete-2019.yaml:"$D/complete-2019.yaml"; do
	ed=${case%%:*} rest=${case#*:} src=${case#*:*:}
	status 0 "import of the $ed page" "$KAIJI" import "$A/service-$ed.html" \
	    -o "$T/p$ed.yaml" 2>"$T/err"
	contains "$T/err" "133 of 133 fields answered (asp-saas $ed), 0 notes"
	same "$src" "$T/p$ed.yaml" "the $ed page: 133/133 answers identical to ${rest%%:*}"
	status 0 "--format html, $ed" "$KAIJI" import --format html \
	    "$A/service-$ed.html" -o "$T/f$ed.yaml" 2>/dev/null
	# renew reads what import reads
	status 0 "renew from the $ed page" "$KAIJI" renew "$A/service-$ed.html" \
	    -o "$T/r$ed.yaml" 2>"$T/err"
	draft_is "$T/r$ed.yaml" 2.1 "架空テック株式会社"
done
draft_is "$T/p2021.yaml" 6.4 "$(printf '学歴: 架空大学 工学部 卒業\n業務履歴: 架空テック 代表 <2010年~> & 顧問 (現任)\n資格: 情報処理安全確保支援士')"
# 30.1 is written in NFD on the page and stored NFC
ok "the NFD cell is NFD on the page" grep -q "$(printf 'フ\343\202\231')" "$A/service-2021.html"
lacks "$T/p2021.yaml" "$(printf '\343\202\231')"

# the committed pages are what the generator writes
if command -v python3 >/dev/null 2>&1; then
	"$KAIJI" export "$A/source-2021.yaml" --to json |
	    python3 "$GEN" --nfd 30.1 >"$T/g2021.html"
	ok "service-2021.html is the generator's" cmp -s "$T/g2021.html" "$A/service-2021.html"
	"$KAIJI" export "$D/complete-2019.yaml" --to json |
	    python3 "$GEN" --header dl --number 0999-1907 \
	    --date 2019年7月1日 --nfd 5.1 >"$T/g2019.html"
	ok "service-2019.html is the generator's" cmp -s "$T/g2019.html" "$A/service-2019.html"
fi

P=$A/service-2021.html

# the header block fills the company when the table does not answer it
awk '/^            架空テック株式会社$/ && !done { print ""; done = 1; next } { print }' \
    "$P" >"$T/no-company.html"
status 0 "a page without 2.1 in the table" "$KAIJI" import "$T/no-company.html" -o "$T/nc.yaml" 2>"$T/err"
contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
draft_is "$T/nc.yaml" 2.1 "架空テック株式会社"

# a header that disagrees with the table: the table's answer, and a note
sed 's|<th>事業者名称</th><td>架空テック株式会社</td>|<th>事業者名称</th><td>架空テクノ株式会社</td>|' \
    "$P" >"$T/other-company.html"
status 0 "a header that disagrees" "$KAIJI" import "$T/other-company.html" -o "$T/oc.yaml" 2>"$T/err"
contains "$T/err" "kaiji: $T/other-company.html: 2.1: the header block says '架空テクノ株式会社'; the table's answer is kept"
draft_is "$T/oc.yaml" 2.1 "架空テック株式会社"

# rows left out: each field the page lacks is noted (with python3, which
# writes such a page)
if command -v python3 >/dev/null 2>&1; then
	"$KAIJI" export "$A/source-2021.yaml" --to json |
	    python3 "$GEN" --drop 4.3,6.3,41.1 >"$T/rows-deleted.html"
	status 0 "a page with rows left out" "$KAIJI" import "$T/rows-deleted.html" -o "$T/rd.yaml" 2>"$T/err"
	contains "$T/err" "130 of 133 fields answered (asp-saas 2021), 3 notes"
	contains "$T/err" "4.3: item 4 has no row for it: fill it in"
	contains "$T/err" "6.3: item 6 has no row for it: fill it in"
	contains "$T/err" "41.1: item 41 (サービスパフォーマンスの増強) is not in the document: fill it in"
fi
# an empty answer cell: noted
awk '/^            国内3 国外0$/ { print ""; next } { print }' "$P" >"$T/empty-cell.html"
status 0 "a page with an empty cell" "$KAIJI" import "$T/empty-cell.html" -o "$T/ec.yaml" 2>"$T/err"
contains "$T/err" "4.2: the document gives no answer: fill it in"

# a page without the notes that tell 2019 from 2021: read as the newest
grep -v '^<p>[(※]' "$P" >"$T/no-notes.html"
status 0 "a page without notes" "$KAIJI" import "$T/no-notes.html" -o "$T/nn.yaml" 2>"$T/err"
contains "$T/err" "the page reads as asp-saas 2021 and as asp-saas 2019 alike; read as 2021"
grep -v '^<p>[(※]' "$A/service-2019.html" >"$T/no-notes-2019.html"
status 0 "a 2019 page without notes" "$KAIJI" import "$T/no-notes-2019.html" -o "$T/nn19.yaml" 2>"$T/err"
contains "$T/err" "133 of 133 fields answered (asp-saas 2021)"

# markup a browser shows the same: <p> and <div> in cells, comments,
# upper-case tags, CR LF, tbody-less rows, no DOCTYPE
sed -e 's|<td>必須</td>|<TD><!-- mark -->必須</TD>|' -e 's/$/\r/' \
    -e 's|<tbody>||; s|</tbody>||; s|<!DOCTYPE html>||' "$P" >"$T/variant.html"
status 0 "markup variants" "$KAIJI" import "$T/variant.html" -o "$T/v.yaml" 2>"$T/err"
contains "$T/err" "133 of 133 fields answered (asp-saas 2021), 0 notes"
same "$A/source-2021.yaml" "$T/v.yaml" "markup variants: 133/133 answers identical"

# an answer as paragraphs and <pre>: a line each, white space kept in <pre>
sed 's|^            ¥1,234,000,000&#40;2021年3月期)$|<p>¥1,234,000,000</p><div>(2021年3月期)</div>|' \
    "$P" >"$T/blocks.html"
"$KAIJI" import "$T/blocks.html" -o "$T/b.yaml" 2>/dev/null
draft_is "$T/b.yaml" 9.1 "$(printf '¥1,234,000,000\n(2021年3月期)')"

# the bad pages are tests/bad/html (tests/bad-input.sh)
finish
