/*
 * view: curses set-up, the input loop, the title, status and key-hint
 * lines, popups and prompts.  See view.h.
 *
 * Invariants: nothing from a form or a draft reaches the terminal without
 * going through view_cps (control characters become placeholders); the
 * terminal is restored on every way out; signal handlers only set flags
 * (the crash handlers of the emergency module, given the bytes that undo
 * curses at set-up, are the documented exception).
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "draft.h"
#include "editor.h"
#include "emergency.h"
#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "keys.h"
#include "text.h"
#include "textbuf.h"
#include "view.h"
#include "xalloc.h"

/* Key codes for sequences curses does not know; see view_keys. */
enum {
	VIEW_K_PASTE = KEY_MAX + 1, VIEW_K_PASTE_END, VIEW_K_CLEFT,
	VIEW_K_CRIGHT, VIEW_K_CHOME, VIEW_K_CEND
};

#define VIEW_CCHAR_MAX	4	/* characters in one cell (curses: 5) */
#define VIEW_PASTE_READ	64	/* bytes per read(), see view_read_paste */
#define VIEW_PASTE_MAX	(4U << 20)	/* bytes of a paste kept, 4 MiB */

static volatile sig_atomic_t	view_signal;
static int			view_colour;

static const struct screen *const view_screens[] = {
	[EDITOR_PAGE] = &screen_page,
	[EDITOR_OVERVIEW] = &screen_list,
	[EDITOR_SUMMARY] = &screen_list,
	[EDITOR_KEYS] = &screen_list,
	[EDITOR_START] = &screen_list,
};

static void
view_on_signal(int sig)
{
	view_signal = sig;
}

int
view_cols(void)
{
	return COLS;
}

static attr_t
view_attr(enum view_style style, short *pair)
{
	*pair = 0;
	switch (style) {
	case VIEW_TITLE:
		return A_REVERSE;
	case VIEW_HEADING:
		*pair = 4;
		return A_BOLD;
	case VIEW_ITEM:
		return A_BOLD;
	case VIEW_DIM:
		return A_DIM;
	case VIEW_SELECTED:
	case VIEW_CURRENT:
		return A_REVERSE;
	case VIEW_OK:
		*pair = 1;
		return A_NORMAL;
	case VIEW_MISSING:
	case VIEW_OVER:
	case VIEW_ERROR:
		*pair = 2;
		return A_BOLD;
	case VIEW_LEVEL:
	case VIEW_WARN:
		*pair = 3;
		return A_BOLD;
	case VIEW_CONTROL:
		return A_REVERSE | A_DIM;
	case VIEW_NORMAL:
		break;
	}
	return A_NORMAL;
}

/*
 * Draw n code points at (y, x) in at most maxw columns: control characters
 * as placeholders, never a partial wide character.  Returns the columns
 * used.
 */
int
view_cps(int y, int x, int maxw, const uint32_t *cps, size_t n,
    enum view_style style)
{
	short pair, cpair;
	attr_t attr = view_attr(style, &pair), cattr;
	cchar_t cc;
	wchar_t wc[VIEW_CCHAR_MAX + 1];
	size_t nwc;
	char ph[16];
	int used = 0, w;
	size_t i;

	cattr = view_attr(VIEW_CONTROL, &cpair);
	if (!view_colour) {
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

/* Draw UTF-8 text; see view_cps. */
int
view_text(int y, int x, int maxw, const char *s, enum view_style style)
{
	uint32_t *cps;
	size_t n;
	int used;

	if (maxw <= 0)
		return 0;
	cps = text_cps(s, strlen(s), &n);
	used = view_cps(y, x, maxw, cps, n, style);
	free(cps);
	return used;
}

/* The columns view_cps gives code point c. */
static int
view_cpwidth(uint32_t c)
{
	if (c == '\n')
		return 0;
	if (c >= 0x80 && c <= 0x9f)
		return 8;	/* <U+0085> */
	if (c < 0x20 || c == 0x7f)
		return 2;	/* ^X */
	return text_cpwidth(c);
}

/*
 * Draw cps in at most maxw columns; when they are wider, their middle gives
 * way to "..." so that both ends show (a message names the file at its
 * start and says what to do at its end).
 */
static void
view_cps_ends(int y, int x, int maxw, const uint32_t *cps, size_t n,
    enum view_style style)
{
	static const uint32_t dots[] = { '.', '.', '.' };
	size_t i, tail;
	int width = 0, tailw = maxw / 2 - 2, w, used;

	for (i = 0; i < n; i++)
		width += view_cpwidth(cps[i]);
	if (width <= maxw || tailw <= 0) {
		view_cps(y, x, maxw, cps, n, style);
		return;
	}
	for (tail = n, w = 0; tail > 0; tail--) {
		if (w + view_cpwidth(cps[tail - 1]) > tailw)
			break;
		w += view_cpwidth(cps[tail - 1]);
	}
	used = view_cps(y, x, maxw - w - 3, cps, tail, style);
	used += view_cps(y, x + used, 3, dots, 3, style);
	view_cps(y, x + used, maxw - used, cps + tail, n - tail, style);
}

/*
 * The status message on the status line, going on over the key-hint line
 * when it is wider than the screen (its middle cut only when two lines do
 * not hold it).  Returns whether it took the key-hint line.
 */
static int
view_message(const struct editor *e)
{
	enum view_style style = e->message_error ? VIEW_ERROR : VIEW_NORMAL;
	uint32_t *cps;
	size_t n, i, j;
	int w = 0;

	cps = text_cps(e->message, strlen(e->message), &n);
	for (i = 0; i < n; i++) {
		if (w + view_cpwidth(cps[i]) > COLS)
			break;
		w += view_cpwidth(cps[i]);
	}
	/* break after a space in the second half of the line, if any */
	for (j = i; i < n && j > i / 2; j--) {
		if (cps[j - 1] == ' ') {
			i = j;
			break;
		}
	}
	view_cps(LINES - 2, 0, COLS, cps, i, style);
	if (i < n) {
		view_fill(LINES - 1, 0, COLS, VIEW_NORMAL);
		view_cps_ends(LINES - 1, 0, COLS, cps + i, n - i, style);
	}
	free(cps);
	return i < n;
}

/* Fill columns x .. x + w - 1 of row y with blanks in a style. */
void
view_fill(int y, int x, int w, enum view_style style)
{
	short pair;
	attr_t attr = view_attr(style, &pair);

	if (!view_colour)
		pair = 0;
	attr_set(attr, pair, NULL);
	mvhline(y, x, ' ', w);
	attr_set(A_NORMAL, 0, NULL);
}

static int	view_cursor_y = -1, view_cursor_x = -1;

/* Put the terminal cursor here after drawing (on a real character cell). */
void
view_cursor(int y, int x)
{
	view_cursor_y = y;
	view_cursor_x = x;
}

static void
view_title(struct editor *e, int all)
{
	static char *last;
	const struct form *form;
	size_t done[FORM_NMARKS] = { 0 }, total[FORM_NMARKS] = { 0 };
	size_t page, i, j, end;
	char *left, right[128], *key;
	int rw;

	if (e == NULL) {	/* the end of the session */
		free(last);
		last = NULL;
		return;
	}
	if (e->draft == NULL) {
		view_fill(0, 0, COLS, VIEW_TITLE);
		view_text(0, 1, COLS - 2, "kaiji", VIEW_TITLE);
		return;
	}
	form = e->draft->form;
	page = form->items[form->fields[e->field].item].page;
	end = page + 1 < form->npages ? form->pages[page + 1] : form->nitems;
	for (i = form->pages[page]; i < end; i++) {
		for (j = form->items[i].first; j < form->items[i].first +
		    form->items[i].nfields; j++) {
			total[form->fields[j].mark]++;
			done[form->fields[j].mark] +=
			    e->draft->answers[j] != NULL;
		}
	}
	snprintf(right, sizeof right, "必須 %zu/%zu 必須○ %zu/%zu ", done[0],
	    total[0], done[1], total[1]);
	rw = (int)text_width(right);
	left = xasprintf(_(" %s %s  page %zu/%zu  %s"), form->name,
	    form->edition, page + 1, form->npages, e->path);
	/* the line is on the screen already unless it changed */
	key = xasprintf("%d %s%s", COLS, left, right);
	if (!all && last != NULL && strcmp(key, last) == 0) {
		free(key);
		free(left);
		return;
	}
	free(last);
	last = key;
	view_fill(0, 0, COLS, VIEW_TITLE);
	view_text(0, 0, COLS - rw - 1, left, VIEW_TITLE);
	if (COLS - rw > 0)
		view_text(0, COLS - rw, rw, right, VIEW_TITLE);
	free(left);
}

/* The key hints for the context, from the binding table. */
static void
view_hints(struct editor *e, int all)
{
	static const struct {
		int		 context;
		const char	*commands[9];
	} hints[] = {
		{ KEYS_PAGE, { "help", "edit", "search", "next-missing",
		    "overview", "summary", "save", "quit", NULL } },
		{ KEYS_EDIT, { "help", "leave-field", "undo", "save", "quit",
		    NULL } },
		{ KEYS_LIST, { "accept", "cancel", "help", "quit", NULL } },
		{ KEYS_PROMPT, { "accept", "cancel", NULL } },
	};
	static const char *const labels[] = {
		"help", N_("Help"), "edit", N_("Edit"), "search", N_("Search"),
		"next-missing", N_("Missing"), "overview", N_("Pages"),
		"summary", N_("Summary"), "save", N_("Save"), "quit",
		N_("Quit"), "leave-field", N_("Done"), "undo", N_("Undo"),
		"accept", N_("Choose"), "cancel", N_("Back"), NULL
	};
	static int last_context = -1, last_cols;
	const struct keys_binding *kb;
	size_t n, h, c, i, l;
	int context = editor_context(e), x = 0, w;
	char name[32], *cell;

	if (!all && context == last_context && COLS == last_cols)
		return;		/* on the screen already */
	last_context = context;
	last_cols = COLS;
	view_fill(LINES - 1, 0, COLS, VIEW_NORMAL);
	kb = keys_table(&n);
	for (h = 0; h < sizeof hints / sizeof hints[0]; h++) {
		if (hints[h].context != context)
			continue;
		for (c = 0; hints[h].commands[c] != NULL; c++) {
			for (i = 0; i < n; i++) {
				if ((kb[i].contexts & context) &&
				    strcmp(kb[i].command,
				    hints[h].commands[c]) == 0)
					break;
			}
			if (i == n)
				continue;
			for (l = 0; labels[l] != NULL; l += 2) {
				if (strcmp(labels[l], hints[h].commands[c]) == 0)
					break;
			}
			keys_name(kb[i].key, name, sizeof name);
			w = view_text(LINES - 1, x, COLS - x, name,
			    VIEW_TITLE);
			x += w;
			cell = xasprintf(" %s  ", labels[l] != NULL ?
			    _(labels[l + 1]) : hints[h].commands[c]);
			x += view_text(LINES - 1, x, COLS - x, cell,
			    VIEW_NORMAL);
			free(cell);
		}
	}
}

/* The status line; returns whether a long message took the key-hint line. */
static int
view_status(struct editor *e)
{
	const struct form_field *f;
	char *left = NULL, right[64], *prompt;
	size_t count, limit;
	struct tm tm;
	int shared, rw, x;

	view_fill(LINES - 2, 0, COLS, VIEW_NORMAL);
	if (e->prompt != EDITOR_NO_PROMPT) {
		prompt = textbuf_text(e->prompt_text);
		left = xasprintf("%s%s", editor_prompt_label(e), prompt);
		x = view_text(LINES - 2, 0, COLS - 1, left, VIEW_NORMAL);
		view_cursor(LINES - 2, x);
		free(left);
		free(prompt);
		return 0;
	}
	if (e->message != NULL)
		return view_message(e);
	if (e->draft == NULL)
		return 0;
	if (e->readonly)
		snprintf(right, sizeof right, "%s", _("read-only"));
	else if (e->dirty)
		snprintf(right, sizeof right, "%s", _("not saved yet"));
	else {
		localtime_r(&e->saved_at, &tm);
		strftime(right, sizeof right, _("saved %H:%M:%S"), &tm);
	}
	rw = (int)text_width(right);
	f = &e->draft->form->fields[e->field];
	count = editor_count(e, e->field, &limit, &shared);
	if (limit != 0 && shared)
		left = xasprintf(_("%s %s  item %u together %zu/%zu字"), f->id,
		    form_mark_label(f->mark), e->draft->form->items[f->item].no,
		    count, limit);
	else if (limit != 0)
		left = xasprintf(_("%s %s  %zu/%zu字"), f->id,
		    form_mark_label(f->mark), count, limit);
	else
		left = xasprintf("%s %s", f->id, form_mark_label(f->mark));
	view_text(LINES - 2, 0, COLS - rw - 1, left, limit != 0 &&
	    count > limit ? VIEW_OVER : VIEW_NORMAL);
	view_text(LINES - 2, COLS - rw, rw, right, e->save_failed ?
	    VIEW_ERROR : VIEW_DIM);
	free(left);
	return 0;
}

/* Draw a box with a title and lines of text or the entries. */
static void
view_popup(struct editor *e)
{
	const struct form *form;
	const struct form_field *f;
	const struct form_item *item;
	char **lines = NULL, *s;
	size_t nlines = 0, i, limit, count;
	int w, h, y, x, row, shared, sel_row = -1;

	if (e->popup == EDITOR_NO_POPUP || e->draft == NULL)
		return;
	form = e->draft->form;
	f = &form->fields[e->field];
	item = &form->items[f->item];
#define ADD(str) do {							\
	lines = xreallocarray(lines, nlines + 1, sizeof *lines);	\
	lines[nlines++] = (str);					\
} while (0)
	if (e->popup == EDITOR_FIELD_HELP) {
		ADD(xasprintf("%s  %s%s%s", f->id, item->category != NULL ?
		    item->category : "", item->category != NULL ? " / " : "",
		    item->name));
		ADD(xstrdup(""));
		ADD(xstrdup(f->text));
		ADD(xstrdup(""));
		ADD(xasprintf(_("Mark: %s"), form_mark_label(f->mark)));
		count = editor_count(e, e->field, &limit, &shared);
		if (limit != 0 && shared)
			ADD(xasprintf(_("Limit: %zu字 for item %u's fields "
			    "together (now %zu字)"), limit, item->no, count));
		else if (limit != 0)
			ADD(xasprintf(_("Limit: %zu字 (now %zu字)"), limit,
			    count));
		for (i = 0; i < f->nchoices; i++)
			ADD(xasprintf("%s %s", i == 0 ? _("Choices:") : "   ",
			    f->choices[i]));
	} else if (e->popup == EDITOR_READONLY_ASK || e->popup == EDITOR_ASK) {
		ADD(e->popup == EDITOR_ASK ? xstrdup(e->ask) :
		    xasprintf(_("This draft is being edited: %s"),
		    e->lock_message));
		ADD(xstrdup(""));
		sel_row = (int)nlines;
		for (i = 0; i < e->nentries; i++)
			ADD(xstrdup(e->entries[i].label));
	} else {
		ADD(xasprintf(_("Answer for %s"), f->id));
		ADD(xstrdup(""));
		sel_row = (int)nlines;
		for (i = 0; i < e->nentries; i++)
			ADD(xstrdup(e->entries[i].label));
	}
#undef ADD
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
		view_fill(y + row, x, w, VIEW_NORMAL);
	attr_set(A_NORMAL, 0, NULL);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h + 1, x, ACS_LLCORNER);
	mvhline(y + h + 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h + 1, x + w - 1, ACS_LRCORNER);
	mvvline(y + 1, x, ACS_VLINE, h);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h);
	row = 0;
	for (i = 0; i < nlines && row < h; i++) {
		const char *p = lines[i];
		int selected = sel_row >= 0 && (int)i - sel_row ==
		    (int)e->sel;

		/* one line per row, continuing long text on the next rows */
		do {
			size_t len = strlen(p), off = 0, k;
			int used = 0, cw;
			uint32_t cp;

			while (off < len) {
				k = text_decode(p + off, len - off, &cp);
				if (k == 0)
					k = 1;
				cw = text_cpwidth(cp);
				if (used + cw > w - 4)
					break;
				used += cw;
				off += k;
			}
			s = xstrndup(p, off);
			if (selected)
				view_fill(y + 1 + row, x + 1, w - 2,
				    VIEW_SELECTED);
			view_text(y + 1 + row, x + 2, w - 4, s, selected ?
			    VIEW_SELECTED : VIEW_NORMAL);
			free(s);
			p += off;
			row++;
		} while (*p != '\0' && row < h);
	}
	for (i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
}

static int	view_hints_hidden;	/* a message is on the hint line */

/* Draw everything that the redraw bits ask for. */
static void
view_draw(struct editor *e)
{
	int rows = LINES - 3, over;

	view_cursor_y = view_cursor_x = -1;
	if (COLS < 40 || LINES < 10) {
		erase();
		view_text(0, 0, COLS, _("Too small: at least 40x10."),
		    VIEW_ERROR);
		e->redraw = 0;
		refresh();
		return;
	}
	if (e->redraw & EDITOR_REDRAW_ALL)
		erase();
	e->page_rows = rows;
	view_title(e, (e->redraw & EDITOR_REDRAW_ALL) != 0);
	view_screens[e->screen]->draw(e, 1, rows);
	view_popup(e);
	/* the key hints give way to a long message, and come back after it */
	over = view_status(e);
	if (!over)
		view_hints(e, (e->redraw & EDITOR_REDRAW_ALL) != 0 ||
		    e->popup != EDITOR_NO_POPUP || view_hints_hidden);
	view_hints_hidden = over;
	if (view_cursor_y >= 0) {
		curs_set(1);
		move(view_cursor_y, view_cursor_x);
	} else {
		curs_set(0);
		move(LINES - 2, 0);
	}
	e->redraw = 0;
	refresh();
}

/*
 * Tell curses about sequences it may not know: bracketed paste, and the
 * keys that terminal emulators send whatever TERM says (TERM=vt100 has no
 * PgUp or Home, yet people press them).
 */
static void
view_keys(void)
{
	static const struct {
		const char	*seq;
		int		 code;
	} common[] = {
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[3~", KEY_DC }, { "\033[Z", KEY_BTAB },
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
		{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
		{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
		{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
		{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) },
		{ "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
		{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) },
	};
	size_t i;

	for (i = 0; i < sizeof common / sizeof common[0]; i++) {
		if (key_defined(common[i].seq) == 0)
			define_key(common[i].seq, common[i].code);
	}
	define_key("\033[200~", VIEW_K_PASTE);
	define_key("\033[201~", VIEW_K_PASTE_END);
	define_key("\033[1;5D", VIEW_K_CLEFT);
	define_key("\033[1;5C", VIEW_K_CRIGHT);
	define_key("\033[1;5H", VIEW_K_CHOME);
	define_key("\033[1;5F", VIEW_K_CEND);
}

/* Translate a curses key code to a KEYS_* code (KEYS_NONE: ignore). */
static int
view_translate(int code)
{
	switch (code) {
	case KEY_UP:
		return KEYS_UP;
	case KEY_DOWN:
		return KEYS_DOWN;
	case KEY_LEFT:
		return KEYS_LEFT;
	case KEY_RIGHT:
		return KEYS_RIGHT;
	case KEY_HOME:
		return KEYS_HOME;
	case KEY_END:
		return KEYS_END;
	case KEY_PPAGE:
		return KEYS_PGUP;
	case KEY_NPAGE:
		return KEYS_PGDN;
	case KEY_BTAB:
		return KEYS_BTAB;
	case KEY_DC:
		return KEYS_DC;
	case KEY_BACKSPACE:
		return KEYS_BACKSPACE;
	case KEY_ENTER:
		return KEYS_ENTER;
	case KEY_RESIZE:
		return KEYS_RESIZE;
	case VIEW_K_CLEFT:
		return KEYS_C_LEFT;
	case VIEW_K_CRIGHT:
		return KEYS_C_RIGHT;
	case VIEW_K_CHOME:
		return KEYS_C_HOME;
	case VIEW_K_CEND:
		return KEYS_C_END;
	}
	if (code >= KEY_F(1) && code <= KEY_F(10))
		return KEYS_F1 + (code - KEY_F(1));
	return KEYS_NONE;
}

/*
 * Read a bracketed paste up to its end marker into a string (caller frees):
 * straight from the terminal, in blocks, not through curses key by key.
 * Curses reads the terminal a byte at a time and returns a key as soon as
 * its sequence is complete, so when it has returned the paste-start key
 * nothing after it is buffered there.  Reads are small enough that what
 * follows the end marker in the last one (keys typed after the paste) fits
 * in curses' input queue, where it is put back.  CR LF and lone CR become
 * LF, NUL bytes are dropped; the text is kept up to 4 MiB.  A pause of 2 s
 * ends a paste whose end marker never comes.
 */
static char *
view_read_paste(void)
{
	static const char end[] = "\033[201~";
	const size_t endlen = sizeof end - 1;
	char *buf = NULL, *at, *out;
	size_t len = 0, cap = 0, from, i, n, rest = 0;
	struct pollfd pfd;
	ssize_t r;

	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	for (;;) {
		if (len + VIEW_PASTE_READ + 1 > cap) {
			cap = cap == 0 ? 4096 : cap * 2;
			buf = xrealloc(buf, cap);
		}
		pfd.revents = 0;
		errno = 0;
		if (poll(&pfd, 1, 2000) <= 0) {
			if (errno == EINTR && view_signal == 0)
				continue;
			break;
		}
		r = read(STDIN_FILENO, buf + len, VIEW_PASTE_READ);
		if (r < 0 && errno == EINTR && view_signal == 0)
			continue;
		if (r <= 0)
			break;
		from = len > endlen ? len - endlen : 0;
		len += (size_t)r;
		buf[len] = '\0';
		if ((at = memmem(buf + from, len - from, end, endlen)) !=
		    NULL) {
			rest = len - (size_t)(at - buf) - endlen;
			/* what came after the paste goes back to curses */
			for (i = len; i > len - rest; i--)
				ungetch((unsigned char)buf[i - 1]);
			len = (size_t)(at - buf);
			break;
		}
		if (len > VIEW_PASTE_MAX + endlen) {
			/* keep the last bytes, in which the marker may start */
			memmove(buf + VIEW_PASTE_MAX, buf + len - endlen,
			    endlen);
			len = VIEW_PASTE_MAX + endlen;
		}
	}
	if (len > VIEW_PASTE_MAX)
		len = VIEW_PASTE_MAX;
	out = xmalloc(len + 1);
	for (i = 0, n = 0; i < len; i++) {
		if (buf[i] == '\r') {
			out[n++] = '\n';
			if (i + 1 < len && buf[i + 1] == '\n')
				i++;
		} else if (buf[i] != '\0')
			out[n++] = buf[i];
	}
	out[n] = '\0';
	free(buf);
	return out;
}

/* Read one key; ERR on timeout, interruption or a lost terminal. */
static int
view_read_key(struct editor *e, int *key, char **paste)
{
	wint_t wch, next;
	int rc;

	*paste = NULL;
	rc = get_wch(&wch);
	if (rc == ERR)
		return ERR;
	if (rc == KEY_CODE_YES) {
		if (wch == VIEW_K_PASTE) {
			*paste = view_read_paste();
			*key = KEYS_PASTE;
			return OK;
		}
		*key = view_translate((int)wch);
		return OK;
	}
	switch (wch) {
	case '\r':
	case '\n':
		*key = KEYS_ENTER;
		break;
	case 0x7f:
	case 0x08:
		*key = KEYS_BACKSPACE;
		break;
	case 0x1b:
		/* Alt-x arrives as ESC x within the escape delay */
		nodelay(stdscr, TRUE);
		rc = get_wch(&next);
		nodelay(stdscr, FALSE);
		if (rc == OK && next == 'b')
			*key = KEYS_M_B;
		else if (rc == OK && next == 'f')
			*key = KEYS_M_F;
		else if (rc == OK && next == '<')
			*key = KEYS_M_LT;
		else if (rc == OK && next == '>')
			*key = KEYS_M_GT;
		else {
			if (rc == KEY_CODE_YES)
				ungetch((int)next);
			else if (rc == OK)
				unget_wch(next);
			*key = KEYS_ESC;
		}
		break;
	default:
		*key = (int)wch;
		break;
	}
	(void)e;
	return OK;
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
	view_keys();
	view_colour = has_colors() && (getenv("NO_COLOR") == NULL ||
	    *getenv("NO_COLOR") == '\0');
	if (view_colour) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_GREEN, -1);
		init_pair(2, COLOR_RED, -1);
		init_pair(3, COLOR_YELLOW, -1);
		init_pair(4, COLOR_CYAN, -1);
	}
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
	struct sigaction sa;
	char *paste;
	time_t now;
	size_t i;
	int key, rc, status = 0, errors = 0;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = view_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	emergency_watch(e);
	xalloc_set_fatal(emergency_fatal);

	view_setup();
	while (!e->quit) {
		if (view_signal != 0)
			break;
		if (e->redraw != 0)
			view_draw(e);
		if (e->dirty && !e->readonly && !e->save_failed) {
			now = time(NULL);
			rc = (int)(e->changed_at + EDITOR_IDLE_SAVE - now);
			timeout(rc <= 0 ? 0 : rc * 1000);
		} else
			timeout(-1);
		errno = 0;
		rc = view_read_key(e, &key, &paste);
		if (rc == ERR) {
			if (view_signal != 0)
				break;
			if (e->dirty && editor_autosave(e, time(NULL)) != 0)
				e->redraw |= EDITOR_REDRAW_STATUS;
			else if (!e->dirty && ++errors > 100) {
				/* the terminal is gone */
				view_signal = SIGHUP;
				break;
			}
			continue;
		}
		errors = 0;
		if (key == KEYS_PASTE) {
			if (e->edit != NULL)
				editor_type(e, paste, 1);	/* marks it */
			else if (e->prompt != EDITOR_NO_PROMPT) {
				textbuf_insert(e->prompt_text, paste);
				e->redraw |= EDITOR_REDRAW_BODY;
			}
			free(paste);
			e->redraw |= EDITOR_REDRAW_STATUS;
			continue;
		}
		if (key == KEYS_RESIZE)
			e->redraw = EDITOR_REDRAW_ALL;
		if (key != KEYS_NONE)
			editor_key(e, key);
	}
	if (view_signal != 0 && e->draft != NULL && !e->readonly) {
		if (editor_rescue(e) != 0)
			status = 2;
		editor_remember(e);
	}
	view_teardown();
	view_title(NULL, 0);
	for (i = 0; i < sizeof view_screens / sizeof view_screens[0]; i++) {
		if (view_screens[i]->reset != NULL)
			view_screens[i]->reset();
	}
	if (view_signal != 0 && status != 0 && e->message != NULL)
		fprintf(stderr, "kaiji: %s\n", e->message);
	return status;
}
