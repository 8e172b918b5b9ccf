# The width tables and the one width of the program:
# - src/text-width.h is what src/text-width.pl writes from the Unicode data
#   Perl carries (the Unicode version of the file must match Perl's, else
#   this part is skipped: a newer Debian regenerates with make width-tables);
# - the kaiji binary defines wcwidth in its dynamic symbol
#   table, so libncursesw's calls reach text.c's width (ambiguous width
#   included) and not the C library's.
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8
top=${srcdir:-.}
if perl -MUnicode::UCD -e 1 2>/dev/null; then
	have=$(sed -n '1s/.* Unicode \([0-9.]*\);.*/\1/p' "$top/src/text-width.h")
	want=$(perl -MUnicode::UCD -e 'print Unicode::UCD::UnicodeVersion()')
	if [ "$have" = "$want" ]; then
		perl "$top/src/text-width.pl" > "$T/text-width.h"
		ok "src/text-width.h is what src/text-width.pl writes" \
		    cmp -s "$T/text-width.h" "$top/src/text-width.h"
	else
		echo "Perl has Unicode $want, src/text-width.h $have: not compared"
	fi
fi
if command -v nm >/dev/null 2>&1; then
	nm -D --defined-only "$KAIJI" > "$T/syms" 2>/dev/null
	contains "$T/syms" " T wcwidth"
	nm -D "$KAIJI" > "$T/all" 2>/dev/null
	lacks "$T/all" " U wcwidth"
fi
[ "$checks" -gt 0 ] || { echo "no perl, no nm: skipped"; exit 77; }
finish
