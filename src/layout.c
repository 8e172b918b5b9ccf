/*
 * layout: wrapping a textbuf into display rows, and mapping cursor
 * positions to (row, column) and back.  Pure arithmetic on the widths
 * textbuf_charwidth gives; no terminal code.
 *
 * Wrapping rule, for a width of w >= 1 columns (smaller widths count as 1):
 *  - characters are placed left to right; a character starts a new row
 *    when the row is not empty and the character would not fit, a
 *    zero-width character (a combining mark) counting as 1 for this test.
 *    So a 2-column character never straddles the edge, every character
 *    starts at a column < w, and a character wider than w (a <U+0085>
 *    placeholder on a narrow screen) has a row of its own;
 *  - an LF ends the row it is on (row end = the LF's index, the next row
 *    starts after it); if that row is full (its columns >= w), it ends
 *    where the LF is and an empty row [LF, LF) follows, ended by the LF;
 *    likewise at the end of the text;
 *  - so an empty text is one empty row and a text ending in LF has a final
 *    empty row.
 *
 * Invariants of the rows: rows[0].start == 0, the last row ends at len,
 * row starts strictly increase, and each row either ends at an LF
 * (rows[r + 1].start == rows[r].end + 1) or is "wrapped"
 * (rows[r + 1].start == rows[r].end, same logical line).
 *
 * Cursor rule: position p is on the last row whose start <= p.  The end of
 * a wrapped row is therefore shown at column 0 of the next row, and the end
 * of a row ended by an LF or by the end of the text is never at a column
 * >= w (the extra empty row takes it).  So the column of every position is
 * < w: the terminal cursor always sits on a real cell.
 */
#include "config.h"

#include <stdlib.h>

#include "layout.h"
#include "textbuf.h"
#include "xalloc.h"

struct layout_acc {
	struct layout_row	*rows;
	size_t			 n;
	size_t			 size;
};

static void
layout_add(struct layout_acc *acc, size_t start, size_t end)
{
	if (acc->n == acc->size) {
		acc->size *= 2;
		acc->rows = xreallocarray(acc->rows, acc->size,
		    sizeof *acc->rows);
	}
	acc->rows[acc->n].start = start;
	acc->rows[acc->n].end = end;
	acc->n++;
}

/*
 * Cut tb into rows of width columns, following the rules above, in time
 * linear in the text.  Stores the rows in *rows (the caller frees it) and
 * returns their number, which is at least 1.
 */
size_t
layout_wrap(const struct textbuf *tb, int width, struct layout_row **rows)
{
	struct layout_acc acc;
	size_t len = textbuf_len(tb), start = 0, i;
	int col = 0, w;

	if (width < 1)
		width = 1;
	acc.size = len / (size_t)width + 16;
	acc.rows = xreallocarray(NULL, acc.size, sizeof *acc.rows);
	acc.n = 0;

	for (i = 0; i < len; i++) {
		if (textbuf_char(tb, i) == '\n') {
			if (col >= width) {
				layout_add(&acc, start, i);
				start = i;
			}
			layout_add(&acc, start, i);
			start = i + 1;
			col = 0;
			continue;
		}
		w = textbuf_charwidth(tb, i);
		if (col > 0 && col + (w == 0 ? 1 : w) > width) {
			layout_add(&acc, start, i);
			start = i;
			col = 0;
		}
		col += w;
	}
	if (col >= width) {
		layout_add(&acc, start, len);
		start = len;
	}
	layout_add(&acc, start, len);

	*rows = acc.rows;
	return acc.n;
}

/*
 * The display row and column of position pos (clamped to the text): the
 * last row starting at or before pos, and the columns of that row's
 * characters before pos.  Logarithmic in the rows plus the row's length.
 */
void
layout_locate(const struct layout_row *rows, size_t nrows,
    const struct textbuf *tb, size_t pos, size_t *row, int *col)
{
	size_t lo = 0, hi = nrows, mid, i;
	int c = 0;

	if (pos > textbuf_len(tb))
		pos = textbuf_len(tb);
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (rows[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	for (i = rows[lo].start; i < pos; i++)
		c += textbuf_charwidth(tb, i);
	*row = lo;
	*col = c;
}

/*
 * The position on row (clamped to the rows) best matching column col, for
 * moving up and down with a goal column: the position at the character
 * covering col (at the start of a wide character whose second column col
 * is), past any zero-width characters at that column, or the end of the row
 * when col is past it.  A wrapped row's end belongs to the next row, so
 * there the result is its last character instead.  For text without
 * zero-width characters this inverts layout_locate.
 */
size_t
layout_position(const struct layout_row *rows, size_t nrows,
    const struct textbuf *tb, size_t row, int col)
{
	size_t i, start, end;
	int c = 0, w;

	if (row >= nrows)
		row = nrows - 1;
	start = rows[row].start;
	end = rows[row].end;
	for (i = start; i < end; i++) {
		w = textbuf_charwidth(tb, i);
		if (c + w > col)
			break;
		c += w;
	}
	if (i == end && i > start && row + 1 < nrows &&
	    rows[row + 1].start == end) {
		i--;
		while (i > start && textbuf_charwidth(tb, i) == 0)
			i--;
	}
	return i;
}
