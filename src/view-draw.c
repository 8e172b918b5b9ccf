/*
 * view-draw: what every part of the view draws with: styles (attributes
 * and, on a colour terminal, colours), text made safe for the terminal,
 * blank runs (see view.h).
 *
 * Invariant: nothing from a form or a draft reaches the terminal without
 * going through view_draw_cps, which shows control characters as
 * placeholders and never a part of a wide character.
 *
 * State: draw_colour, whether the terminal has colours and NO_COLOR does
 * not refuse them, set once at set-up; draw_ascii_boxes and draw_ascii,
 * whether boxes, and the rest of kaiji's own frame (marks, headings), are
 * drawn in ASCII only, set before set-up.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "text.h"
#include "view.h"

#define VIEW_CCHAR_MAX	4	/* characters in one cell (curses: 5) */

static int	draw_colour;
static int	draw_ascii_boxes;
static int	draw_ascii;

/*
 * Draw boxes with + - | (boxes), and marks and headings in ASCII too
 * (glyphs); else with line drawing and the glyphs below.
 */
void
view_draw_ascii(int boxes, int glyphs)
{
	draw_ascii_boxes = boxes || glyphs;
	draw_ascii = glyphs;
}

/*
 * The glyphs of kaiji's frame.  None is East Asian Ambiguous (✓ ✗ are
 * Neutral, 【】 Wide), so they take the same columns in every terminal.
 */
const char *
view_draw_glyph(enum view_glyph g)
{
	static const char *const line[] = {
		[VIEW_GLYPH_OK] = "✓", [VIEW_GLYPH_MISSING] = "✗",
		[VIEW_GLYPH_OPEN] = "【", [VIEW_GLYPH_CLOSE] = "】",
	};
	static const char *const ascii[] = {
		[VIEW_GLYPH_OK] = "o", [VIEW_GLYPH_MISSING] = "x",
		[VIEW_GLYPH_OPEN] = "[", [VIEW_GLYPH_CLOSE] = "]",
	};

	return draw_ascii ? ascii[g] : line[g];
}

/*
 * A box with rows inner rows, its top left corner at (y, x), w columns
 * wide: line drawing, or + - | for an ASCII frame.
 */
void
view_draw_box(int y, int x, int rows, int w)
{
	chtype c[6] = { ACS_ULCORNER, ACS_URCORNER, ACS_LLCORNER,
	    ACS_LRCORNER, ACS_HLINE, ACS_VLINE };

	if (draw_ascii_boxes) {
		c[0] = c[1] = c[2] = c[3] = '+';
		c[4] = '-';
		c[5] = '|';
	}
	attr_set(A_NORMAL, 0, NULL);
	mvaddch(y, x, c[0]);
	mvhline(y, x + 1, c[4], w - 2);
	mvaddch(y, x + w - 1, c[1]);
	mvaddch(y + rows + 1, x, c[2]);
	mvhline(y + rows + 1, x + 1, c[4], w - 2);
	mvaddch(y + rows + 1, x + w - 1, c[3]);
	mvvline(y + 1, x, c[5], rows);
	mvvline(y + 1, x + w - 1, c[5], rows);
}

/* Set up the colours of the styles, if the terminal has them. */
void
view_draw_colours(void)
{
	draw_colour = has_colors() && (getenv("NO_COLOR") == NULL ||
	    *getenv("NO_COLOR") == '\0');
	if (!draw_colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_RED, -1);
	init_pair(2, COLOR_MAGENTA, -1);
}

/* The columns of the screen. */
int
view_draw_cols(void)
{
	return COLS;
}

/*
 * The attributes of a style, and its colour pair in *pair (0: the
 * terminal's own colours).  The styles read on light and dark backgrounds
 * alike: headings and items in bold (and underlined) in the terminal's
 * own colour, red only for what is wrong (a missing 必須 answer, text over
 * a limit, an error), magenta for what needs a look (a missing 必須○
 * answer, a warning); every coloured style is also bold, so a terminal
 * without colours (or NO_COLOR) still tells them from plain text.
 */
static attr_t
draw_attr(enum view_style style, short *pair)
{
	*pair = 0;
	switch (style) {
	case VIEW_TITLE:
		return A_REVERSE;
	case VIEW_HEADING:
		return A_BOLD | A_UNDERLINE;
	case VIEW_ITEM:
		return A_BOLD;
	case VIEW_DIM:
		return A_DIM;
	case VIEW_SELECTED:
	case VIEW_CURRENT:
		return A_REVERSE;
	case VIEW_MATCH:	/* what the last search found */
		return A_REVERSE | A_BOLD;
	case VIEW_OK:
		return A_NORMAL;
	case VIEW_MISSING:
	case VIEW_OVER:
	case VIEW_ERROR:
		*pair = 1;
		return A_BOLD;
	case VIEW_LEVEL:
	case VIEW_WARN:
		*pair = 2;
		return A_BOLD;
	case VIEW_CONTROL:
		return A_REVERSE | A_DIM;
	case VIEW_NORMAL:
		break;
	}
	return A_NORMAL;
}

/*
 * Whether n code points fit in maxw columns as view_draw_cps draws them
 * (control characters as their placeholders).  O(the part that fits).
 */
static int
draw_fits(int maxw, const uint32_t *cps, size_t n)
{
	size_t i;
	int used = 0;

	for (i = 0; i < n && used <= maxw; i++) {
		if (cps[i] == '\n')
			continue;
		if (cps[i] < 0x20 || cps[i] == 0x7f)
			used += 2;		/* ^X */
		else if (cps[i] >= 0x80 && cps[i] <= 0x9f)
			used += 8;		/* <U+0085> */
		else
			used += text_cpwidth(cps[i]);
	}
	return used <= maxw;
}

static int	draw_clip(int, int, int, const uint32_t *, size_t,
		    enum view_style);

/*
 * Draw n code points at (y, x) in at most maxw columns: control characters
 * as placeholders, never a partial wide character; text that does not fit
 * ends with "…" ("..." in an ASCII frame).  Returns the columns used.
 */
int
view_draw_cps(int y, int x, int maxw, const uint32_t *cps, size_t n,
    enum view_style style)
{
	static const uint32_t ell[] = { 0x2026 }, dots[] = { '.', '.', '.' };
	const uint32_t *e = draw_ascii ? dots : ell;
	size_t ne = draw_ascii ? 3 : 1;
	int ew = draw_ascii ? 3 : text_cpwidth(ell[0]), used;

	if (maxw <= ew || draw_fits(maxw, cps, n))
		return draw_clip(y, x, maxw, cps, n, style);
	used = draw_clip(y, x, maxw - ew, cps, n, style);
	return used + draw_clip(y, x + used, ew, e, ne, style);
}

/* Draw what of n code points fits in maxw columns (view_draw_cps). */
static int
draw_clip(int y, int x, int maxw, const uint32_t *cps, size_t n,
    enum view_style style)
{
	short pair, cpair;
	attr_t attr = draw_attr(style, &pair), cattr;
	cchar_t cc;
	wchar_t wc[VIEW_CCHAR_MAX + 1];
	size_t nwc;
	char ph[16];
	int used = 0, w;
	size_t i;

	cattr = draw_attr(VIEW_CONTROL, &cpair);
	if (!draw_colour) {
		pair = 0;
		cpair = 0;
	}
	for (i = 0; i < n; i++) {
		uint32_t c = cps[i];

		if (c == '\n')
			continue;
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
			if (c >= 0x80)
				snprintf(ph, sizeof ph, "<U+%04X>", c);
			else
				snprintf(ph, sizeof ph, "^%c", c == 0x7f ?
				    '?' : (char)(c + 0x40));
			w = (int)strlen(ph);
			if (used + w > maxw)
				break;
			attr_set(cattr, cpair, NULL);
			mvaddstr(y, x + used, ph);
			used += w;
			continue;
		}
		w = text_cpwidth(c);
		if (w == 0)
			continue;	/* a mark without a base: not shown */
		if (used + w > maxw)
			break;
		/* a base character and the combining marks that follow it */
		nwc = 0;
		wc[nwc++] = (wchar_t)c;
		while (i + 1 < n && text_cpwidth(cps[i + 1]) == 0 &&
		    cps[i + 1] >= 0x300) {
			if (nwc < VIEW_CCHAR_MAX)
				wc[nwc++] = (wchar_t)cps[i + 1];
			i++;
		}
		wc[nwc] = L'\0';
		setcchar(&cc, wc, attr, pair, NULL);
		mvadd_wch(y, x + used, &cc);
		used += w;
	}
	attr_set(A_NORMAL, 0, NULL);
	return used;
}

/* Draw UTF-8 text; see view_draw_cps. */
int
view_draw_text(int y, int x, int maxw, const char *s, enum view_style style)
{
	uint32_t *cps;
	size_t n;
	int used;

	if (maxw <= 0)
		return 0;
	cps = text_cps(s, strlen(s), &n);
	used = view_draw_cps(y, x, maxw, cps, n, style);
	free(cps);
	return used;
}

/* Fill columns x .. x + w - 1 of row y with blanks in a style. */
void
view_draw_fill(int y, int x, int w, enum view_style style)
{
	short pair;
	attr_t attr = draw_attr(style, &pair);

	if (!draw_colour)
		pair = 0;
	attr_set(attr, pair, NULL);
	mvhline(y, x, ' ', w);
	attr_set(A_NORMAL, 0, NULL);
}
