/*
 * view: curses set-up and tear-down, the loop, frames and popups (see
 * view.h).
 *
 * Invariants: nothing from a form or a draft reaches the terminal without
 * going through view_draw_cps (control characters become placeholders); the
 * terminal is restored on every way out; signal handlers only set flags
 * (the crash handlers of the emergency module, given the bytes that undo
 * curses at set-up, are the documented exception).
 *
 * State: struct view, which view_run owns: each screen's state and what
 * the status lines show.  The file has no variables of its own.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "editor.h"
#include "emergency.h"
#include "i18n.h"
#include "keys.h"
#include "popup.h"
#include "strvec.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

static const struct screen *const view_screens[] = {
	[EDITOR_PAGE] = &screen_page,
	[EDITOR_OVERVIEW] = &screen_list,
	[EDITOR_SUMMARY] = &screen_list,
	[EDITOR_KEYS] = &screen_list,
	[EDITOR_START] = &screen_list,
};
#define VIEW_NSCREENS	(sizeof view_screens / sizeof view_screens[0])

/* The view between frames. */
struct view {
	void			*screens[VIEW_NSCREENS];	/* states */
	struct view_status	 status;
};

/*
 * Draw the popup over the body: a box with its text and, for a list
 * popup, the entries with the selected one highlighted; long lines go on
 * on the next rows.
 */
static void
view_popup(const struct editor *e)
{
	const struct popup *p = e->ui.popup;
	struct strvec text = STRVEC_INIT;
	char **lines, *s;
	size_t nlines, i;
	int w, h, y, x, row, sel_row = -1;

	if (p == NULL || e->file.draft == NULL)
		return;
	p->text(e, &text);
	if (p->list) {
		sel_row = (int)text.n;
		for (i = 0; i < e->list.n; i++)
			strvec_add(&text, xstrdup(e->list.v[i].label));
	}
	lines = text.v;
	nlines = text.n;
	w = COLS - 8 < 70 ? COLS - 8 : 70;
	if (w < 20)
		w = COLS;
	/* wrap long lines by width */
	h = 0;
	for (i = 0; i < nlines; i++)
		h += 1 + (int)text_width(lines[i]) / (w - 4);
	if (h > LINES - 4)
		h = LINES - 4;
	y = (LINES - h - 2) / 2;
	x = (COLS - w) / 2;
	for (row = 0; row < h + 2; row++)
		view_draw_fill(y + row, x, w, VIEW_NORMAL);
	view_draw_box(y, x, h, w);
	row = 0;
	for (i = 0; i < nlines && row < h; i++) {
		const char *q = lines[i];
		int selected = sel_row >= 0 && (int)i - sel_row ==
		    (int)e->list.sel;

		/* one line per row, continuing long text on the next rows */
		do {
			size_t len = strlen(q), off = 0, k;
			int used = 0, cw;
			uint32_t cp;

			while (off < len) {
				k = text_decode(q + off, len - off, &cp);
				if (k == 0)
					k = 1;
				cw = text_cpwidth(cp);
				if (used + cw > w - 4)
					break;
				used += cw;
				off += k;
			}
			s = xstrndup(q, off);
			if (selected)
				view_draw_fill(y + 1 + row, x + 1, w - 2,
				    VIEW_SELECTED);
			view_draw_text(y + 1 + row, x + 2, w - 4, s, selected ?
			    VIEW_SELECTED : VIEW_NORMAL);
			free(s);
			q += off;
			row++;
		} while (*q != '\0' && row < h);
	}
	strvec_free(&text);
}

/* Draw everything that the redraw bits ask for, then tell the editor. */
static void
view_redraw(struct view *v, struct editor *e)
{
	const struct editor *ce = e;
	struct view_frame frame;
	int rows = LINES - 3, all = (ce->ui.redraw & EDITOR_REDRAW_ALL) != 0;

	frame.cursor_y = frame.cursor_x = -1;
	frame.editor.page_rows = ce->ui.page_rows;
	frame.editor.edit_width = ce->edit.width;
	frame.editor.too_small = COLS < 40 || LINES < 10;
	if (frame.editor.too_small) {
		erase();
		view_draw_text(0, 0, COLS, _("Too small: at least 40x10."),
		    VIEW_ERROR);
		refresh();
		editor_drawn(e, &frame.editor);
		return;
	}
	if (all)
		erase();
	frame.editor.page_rows = rows;
	view_status_title(&v->status, ce, all);
	view_screens[ce->ui.screen]->draw(v->screens[ce->ui.screen], ce, 1,
	    rows, &frame);
	view_popup(ce);
	view_status_lines(&v->status, ce, all || ce->ui.popup != NULL,
	    &frame);
	if (frame.cursor_y >= 0) {
		curs_set(1);
		move(frame.cursor_y, frame.cursor_x);
	} else {
		curs_set(0);
		move(LINES - 2, 0);
	}
	refresh();
	editor_drawn(e, &frame.editor);
}

/*
 * Hand the emergency module the bytes that undo what curses did to the
 * terminal (leave the alternate screen, show the cursor, plain text,
 * keypad off, bracketed paste off; padding dropped) and the modes from
 * before curses, for a crash.
 */
static void
view_emergency(const struct termios *tio)
{
	static const char *const caps[] = { "sgr0", "rmkx", "cnorm", "rmcup" };
	char buf[256];
	const char *s;
	size_t len = 0, i;

	for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		s = tigetstr(caps[i]);
		if (s == NULL || s == (char *)-1)
			continue;
		for (; *s != '\0' && len < sizeof buf - 16; s++) {
			if (s[0] == '$' && s[1] == '<' && strchr(s, '>') != NULL)
				s = strchr(s, '>');
			else
				buf[len++] = *s;
		}
	}
	memcpy(buf + len, "\033[?2004l", 8);
	emergency_terminal(buf, len + 8, tio);
}

static void
view_setup(void)
{
	struct termios tio;
	int have_tio = tcgetattr(STDIN_FILENO, &tio) == 0;

	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	view_probe_unread();
	view_input_keys();
	view_draw_colours();
	/* bracketed paste */
	putp("\033[?2004h");
	fflush(stdout);
	if (have_tio)
		view_emergency(&tio);
}

static void
view_teardown(void)
{
	emergency_terminal(NULL, 0, NULL);
	putp("\033[?2004l");
	fflush(stdout);
	endwin();
}

/*
 * Run the editor until the user quits or a signal asks us to stop; on a
 * signal the draft (with the text being edited) is saved first.  Returns
 * the exit status.
 */
int
view_run(struct editor *e)
{
	struct view v;
	char *paste;
	size_t i;
	int key, rc, stop = 0, status = 0, errors = 0;

	view_input_signals();
	emergency_install();
	memset(&v, 0, sizeof v);
	v.status.hint_context = -1;
	for (i = 0; i < VIEW_NSCREENS; i++)
		v.screens[i] = view_screens[i]->create();
	view_setup();
	while (!e->ui.quit && !(stop = view_input_stopped())) {
		if (e->ui.redraw != 0)
			view_redraw(&v, e);
		timeout(editor_file_wait(e, time(NULL)));
		errno = 0;
		rc = view_input_read(&key, &paste);
		if (rc == ERR) {
			if (view_input_stopped())
				continue;
			editor_file_autosave(e, time(NULL));
			/*
			 * The terminal is gone (end of input) when nothing but
			 * errors comes, whether or not the draft could be
			 * saved: stop; the rescue writes an emergency copy.
			 */
			if (++errors > 100) {
				stop = 1;
				break;
			}
			continue;
		}
		errors = 0;
		if (key == KEYS_PASTE) {
			editor_paste(e, paste);
			free(paste);
		} else if (key != KEYS_NONE)
			editor_key(e, key);
		if (!e->file.save_failed)	/* typing on; no retry per key */
			editor_file_autosave(e, time(NULL));
	}
	if (stop && editor_file_rescue(e) != 0)
		status = 2;
	view_teardown();
	view_status_free(&v.status);
	for (i = 0; i < VIEW_NSCREENS; i++)
		view_screens[i]->destroy(v.screens[i]);
	if (stop && status != 0 && e->ui.message != NULL) {
		char *safe = text_safe(e->ui.message, 0);	/* names a path */

		fprintf(stderr, "kaiji: %s\n", safe);
		free(safe);
	}
	return status;
}
