/*
 * layout: a textbuf cut into display rows of a given width.
 *
 * Rows are wrapped at any character (Japanese has no spaces) by display
 * width.  A row is the range [start, end) of code point indexes; a line
 * feed that ends a row belongs to it but lies outside the range, at end.
 * A 2-column character never straddles the edge.  A full row is always
 * followed by another row of the same logical line (empty if the line ends
 * there), and a position at the end of a wrapped row is shown at column 0
 * of the next row, so every cursor position has a column < width.  The
 * rules are spelled out in layout.c.  layout_rewrap brings the rows made
 * at the last textbuf_clean up to date, cutting again only from the
 * changed row to where the wrap meets the old rows again.
 */
#ifndef KAIJI_LAYOUT_H
#define KAIJI_LAYOUT_H

#include <stddef.h>

struct textbuf;

struct layout_row {
	size_t		 start;		/* first code point */
	size_t		 end;		/* past the last (an LF ending it) */
};

size_t		 layout_wrap(const struct textbuf *, int, struct layout_row **);
size_t		 layout_rewrap(const struct textbuf *, int, struct layout_row **,
		     size_t, size_t *, size_t *);
void		 layout_locate(const struct layout_row *, size_t,
		     const struct textbuf *, size_t, size_t *, int *);
size_t		 layout_position(const struct layout_row *, size_t,
		     const struct textbuf *, size_t, int);

#endif
