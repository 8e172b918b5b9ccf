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
 * Re-wrapping after an edit (layout_rewrap) starts at the first row that
 * ends at or after the first changed position: a row's cut depends only on
 * where it starts (at column 0) and on the text from there to its end and
 * the character after it, so the rows before are what they were.  Where a
 * row starts again at or after the end of the change and at the start of
 * an old row (moved by the change in length), the rest are the old rows,
 * moved.
 *
 * Cursor rule: position p is on the last row whose start <= p.  The end of
 * a wrapped row is therefore shown at column 0 of the next row, and the end
 * of a row ended by an LF or by the end of the text is never at a column
 * >= w (the extra empty row takes it).  So the column of every position is
 * < w: the terminal cursor always sits on a real cell.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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
 * Wrap tb from position start, where a row starts at column 0, adding the
 * rows to acc, until the end of the text; or, when old is not NULL, until
 * a row would start at a position from which the rows are those of old
 * moved by the change in length: at or after dirty_end (the text from
 * there on is old's, moved) and at the start of one of old's rows
 * old[*j], *j >= its value on entry.  Returns 1 when it stopped at such a
 * row (*j says which), 0 at the end of the text.  Linear in the text
 * wrapped.
 */
static int
layout_run(const struct textbuf *tb, int width, struct layout_acc *acc,
    size_t start, const struct layout_row *old, size_t nold, size_t dirty_end,
    size_t *j)
{
	size_t len = textbuf_len(tb), i = start, q, oldlen;
	int col, w, more;

	oldlen = old != NULL ? old[nold - 1].end : 0;
	do {
		/* a row starts at start == i, at column 0 */
		if (old != NULL && start >= dirty_end) {
			q = start - len + oldlen;
			while (*j < nold && old[*j].start < q)
				(*j)++;
			if (*j < nold && old[*j].start == q)
				return 1;
		}
		col = 0;
		more = 0;
		for (; i < len && !more; i++) {
			if (textbuf_char(tb, i) == '\n') {
				if (col >= width) {
					layout_add(acc, start, i);
					start = i;
				}
				layout_add(acc, start, i);
				start = i + 1;
				more = 1;
				continue;
			}
			w = textbuf_charwidth(tb, i);
			if (col > 0 && col + (w == 0 ? 1 : w) > width) {
				layout_add(acc, start, i);
				start = i--;
				more = 1;
				continue;
			}
			col += w;
		}
	} while (more);
	if (col >= width) {
		layout_add(acc, start, len);
		start = len;
	}
	layout_add(acc, start, len);
	return 0;
}
/* A row accumulator with room for about the rows of n code points. */
static void
layout_acc_init(struct layout_acc *acc, size_t n, int width)
{
	acc->size = n / (size_t)width + 16;
	acc->rows = xreallocarray(NULL, acc->size, sizeof *acc->rows);
	acc->n = 0;
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

	if (width < 1)
		width = 1;
	layout_acc_init(&acc, textbuf_len(tb), width);
	layout_run(tb, width, &acc, 0, NULL, 0, 0, NULL);
	*rows = acc.rows;
	return acc.n;
}

/*
 * Bring the rows (*rows, nrows) that layout_wrap gave for tb at width when
 * textbuf_clean was last called up to date with the text as it is now,
 * exactly as layout_wrap would cut it.  Only the rows from the one that
 * holds the first change (textbuf_dirty) are cut again, up to the first
 * row start after the change (textbuf_dirty_end) where the old rows, moved
 * by the change in length, take over; the rows before are kept as they
 * are, the rows after are moved.  So the cost is that of the text from
 * the changed row to where the wrap meets the old rows again (at the
 * latest the end of the changed logical line) plus a few instructions per
 * row moved, whatever the length of the text.  *rows is reallocated (the
 * caller frees it); returns the number of rows.  When first is not NULL,
 * *first and *nfresh say which rows were cut anew (rows[*first ..
 * *first + *nfresh)): the others show the same text as before.
 */
size_t
layout_rewrap(const struct textbuf *tb, int width, struct layout_row **rows,
    size_t nrows, size_t *first, size_t *nfresh)
{
	struct layout_acc acc;
	struct layout_row *r = *rows;
	size_t dirty = textbuf_dirty(tb), lo = 0, hi = nrows - 1, mid, j, n, i;
	size_t len = textbuf_len(tb), oldlen = r[nrows - 1].end;
	int met;

	if (width < 1)
		width = 1;
	if (dirty == (size_t)-1) {
		if (first != NULL)
			*first = *nfresh = 0;
		return nrows;
	}
	/* the first row whose end is at or after dirty: the rows before it
	 * never looked at a changed position */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (r[mid].end < dirty)
			lo = mid + 1;
		else
			hi = mid;
	}
	j = lo;
	layout_acc_init(&acc, 2 * (size_t)width, width);
	met = layout_run(tb, width, &acc, r[lo].start, r, nrows,
	    textbuf_dirty_end(tb), &j);
	if (!met)
		j = nrows;
	n = lo + acc.n + (nrows - j);
	if (n > nrows)
		r = xreallocarray(r, n, sizeof *r);
	memmove(r + lo + acc.n, r + j, (nrows - j) * sizeof *r);
	if (len != oldlen) {
		for (i = lo + acc.n; i < n; i++) {
			r[i].start = r[i].start + len - oldlen;
			r[i].end = r[i].end + len - oldlen;
		}
	}
	memcpy(r + lo, acc.rows, acc.n * sizeof *r);
	free(acc.rows);
	*rows = r;
	if (first != NULL) {
		*first = lo;
		*nfresh = acc.n;
	}
	return n;
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
