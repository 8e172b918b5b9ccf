/*
 * view: the curses front of the editor, and the only code that calls
 * curses.  The loop (view.c) draws once when something changed, then
 * blocks for input (with a timeout only while an autosave is pending);
 * view-input.c decodes keys and reads pastes, view-status.c draws the
 * title, status and key-hint lines, all with view-draw.c's styles and
 * safe text.  Screens are const struct screen
 * variants (screen-*.c) listed in view.c, each with a state of its own
 * that lives as long as the view.
 *
 * Drawing only reads the editor (const struct editor *); what a frame
 * learns that the editor needs (the rows of the body, the width of an
 * answer) goes back in one call, editor_drawn, after the frame.
 */
#ifndef KAIJI_VIEW_H
#define KAIJI_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "editor.h"

/* What drawing a frame found out: the cursor, and what the editor learns. */
struct view_frame {
	int			 cursor_y;	/* -1: no cursor */
	int			 cursor_x;
	struct editor_frame	 editor;
};

struct screen {
	const char	*name;
	/* The screen's state between frames (freed by destroy). */
	void		*(*create)(void);
	void		(*destroy)(void *);
	/* Draw the body rows top .. top + rows - 1; may place the cursor. */
	void		(*draw)(void *, const struct editor *, int, int,
			    struct view_frame *);
};

extern const struct screen screen_page;
extern const struct screen screen_list;

/* view-status.c: what is on the title and key-hint lines already. */
struct view_status {
	char		*title;		/* the title drawn, with the width */
	int		 hint_context;	/* the hints drawn, -1: none */
	int		 hint_cols;
	int		 hints_hidden;	/* a message took the hint line */
	char		*left, *right;	/* the status line drawn (NULL: */
	int		 left_style;	/* unknown), its styles and width */
	int		 right_style, line_cols;
};

/* Styles for view_draw_text. */
enum view_style {
	VIEW_NORMAL, VIEW_TITLE, VIEW_HEADING, VIEW_ITEM, VIEW_DIM,
	VIEW_SELECTED, VIEW_OK, VIEW_MISSING, VIEW_LEVEL, VIEW_OVER,
	VIEW_WARN, VIEW_ERROR, VIEW_CONTROL, VIEW_CURRENT, VIEW_MATCH
};

/* The glyphs of kaiji's own frame (view_draw_glyph). */
enum view_glyph {
	VIEW_GLYPH_OK, VIEW_GLYPH_MISSING, VIEW_GLYPH_OPEN, VIEW_GLYPH_CLOSE
};

/* view.c */
int	view_run(struct editor *);

/* view-draw.c */
void	view_draw_colours(void);
void	view_draw_ascii(int, int);
const char	*view_draw_glyph(enum view_glyph);
void	view_draw_box(int, int, int, int);
int	view_draw_cols(void);
int	view_draw_text(int, int, int, const char *, enum view_style);
int	view_draw_cps(int, int, int, const uint32_t *, size_t,
	    enum view_style);
void	view_draw_fill(int, int, int, enum view_style);

/* view-probe.c */
int	view_probe_ambiguous(int);
void	view_probe_unread(void);

/* view-input.c */
void	view_input_signals(void);
int	view_input_stopped(void);
void	view_input_keys(void);
int	view_input_read(int *, char **);

/* view-status.c */
void	view_status_title(struct view_status *, const struct editor *, int);
void	view_status_lines(struct view_status *, const struct editor *, int,
	    struct view_frame *);
void	view_status_free(struct view_status *);

#endif
