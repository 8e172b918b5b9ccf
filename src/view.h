/*
 * view: the curses front of the editor, and the only code that calls
 * curses.  The loop draws once when something changed, then blocks for
 * input (with a timeout only while an autosave is pending).  Screens are
 * const struct screen variants (screen-*.c) listed in view.c.
 */
#ifndef KAIJI_VIEW_H
#define KAIJI_VIEW_H

#include <stddef.h>
#include <stdint.h>

struct editor;

struct screen {
	const char	*name;
	/* Draw the body rows top .. top + rows - 1; may place the cursor. */
	void		(*draw)(struct editor *, int, int);
	/* Forget what the screen keeps between frames (may be NULL). */
	void		(*reset)(void);
};

extern const struct screen screen_page;
extern const struct screen screen_list;

/* Attributes for view_text. */
enum view_style {
	VIEW_NORMAL, VIEW_TITLE, VIEW_HEADING, VIEW_ITEM, VIEW_DIM,
	VIEW_SELECTED, VIEW_OK, VIEW_MISSING, VIEW_LEVEL, VIEW_OVER,
	VIEW_WARN, VIEW_ERROR, VIEW_CONTROL, VIEW_CURRENT
};

int	view_run(struct editor *);
int	view_text(int, int, int, const char *, enum view_style);
int	view_cps(int, int, int, const uint32_t *, size_t, enum view_style);
void	view_fill(int, int, int, enum view_style);
void	view_cursor(int, int);
int	view_cols(void);

#endif
