/*
 * view-status: the title line (form, page, path, completeness of the
 * page and of the whole form), the status line (the field, its count against the limit, when it
 * was saved; a message; a prompt) and the key-hint line, whose labels come
 * from the command table (see view.h).
 *
 * State, struct view_status: what the title, status and hint lines show,
 * so that they are drawn again only when that changes (the status line:
 * only the part that changed); hints_hidden: a long
 * message went on over the hint line, which must come back after it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "text.h"
#include "textbuf.h"
#include "validate.h"
#include "view.h"
#include "xalloc.h"

/* The title line; drawn again only when it changed, unless all. */
void
view_status_title(struct view_status *vs, const struct editor *e, int all)
{
	const struct form *form;
	const struct draft *d = e->file.draft;
	size_t done[FORM_NMARKS], total[FORM_NMARKS], page;
	char *left, right[160], *key, *name, *all_s;
	int rw, lw;

	if (d == NULL) {
		view_draw_fill(0, 0, COLS, VIEW_TITLE);
		view_draw_text(0, 1, COLS - 2, "kaiji", VIEW_TITLE);
		return;
	}
	form = d->form;
	page = form->items[form->fields[e->nav.field].item].page;
	/* the whole form's 必須 and 必須○ answered, then the page's */
	validate_tally(d, 0, form->nitems, done, total);
	all_s = xasprintf(_("form %zu/%zu"), done[0] + done[1], total[0] +
	    total[1]);
	validate_tally(d, form->pages[page], form_page_end(form, page), done,
	    total);
	snprintf(right, sizeof right, "必須 %zu/%zu 必須○ %zu/%zu  %s ",
	    done[0], total[0], done[1], total[1], all_s);
	if (COLS < 72)	/* narrow: the whole form only */
		snprintf(right, sizeof right, "%s ", all_s);
	free(all_s);
	rw = (int)text_width(right);
	/* the file name cut from the left, so that its name shows */
	left = xasprintf(_(" %s %s  page %zu/%zu  %s"), form->name,
	    form->edition, page + 1, form->npages, "");
	lw = (int)text_width(left);
	name = text_tail(e->file.path, COLS - rw - 1 - lw > 0 ?
	    (size_t)(COLS - rw - 1 - lw) : 0);
	free(left);
	left = xasprintf(_(" %s %s  page %zu/%zu  %s"), form->name,
	    form->edition, page + 1, form->npages, name);
	free(name);
	/* the line is on the screen already unless it changed */
	key = xasprintf("%d %s%s", COLS, left, right);
	if (!all && vs->title != NULL && strcmp(key, vs->title) == 0) {
		free(key);
		free(left);
		return;
	}
	free(vs->title);
	vs->title = key;
	view_draw_fill(0, 0, COLS, VIEW_TITLE);
	view_draw_text(0, 0, COLS - rw - 1, left, VIEW_TITLE);
	if (COLS - rw > 0)
		view_draw_text(0, COLS - rw, rw, right, VIEW_TITLE);
	free(left);
}

/*
 * Draw cps in at most maxw columns; when they are wider, their middle gives
 * way to "..." so that both ends show (a message names the file at its
 * start and says what to do at its end).
 */
static void
status_cps_ends(int y, int x, int maxw, const uint32_t *cps, size_t n,
    enum view_style style)
{
	static const uint32_t dots[] = { '.', '.', '.' };
	size_t i, tail;
	int width = 0, tailw = maxw / 2 - 2, w, used;

	for (i = 0; i < n; i++)
		width += text_safe_width(cps[i]);
	if (width <= maxw || tailw <= 0) {
		view_draw_cps(y, x, maxw, cps, n, style);
		return;
	}
	for (tail = n, w = 0; tail > 0; tail--) {
		if (w + text_safe_width(cps[tail - 1]) > tailw)
			break;
		w += text_safe_width(cps[tail - 1]);
	}
	used = view_draw_cps(y, x, maxw - w - 3, cps, tail, style);
	used += view_draw_cps(y, x + used, 3, dots, 3, style);
	view_draw_cps(y, x + used, maxw - used, cps + tail, n - tail, style);
}

/*
 * The status message on the status line, going on over the key-hint line
 * when it is wider than the screen (its middle cut only when two lines do
 * not hold it).  Returns whether it took the key-hint line.
 */
static int
status_message(const struct editor *e)
{
	enum view_style style = e->ui.message_error ? VIEW_ERROR : VIEW_NORMAL;
	uint32_t *cps;
	size_t n, i, j;
	int w = 0;

	cps = text_cps(e->ui.message, strlen(e->ui.message), &n);
	for (i = 0; i < n; i++) {
		if (w + text_safe_width(cps[i]) > COLS)
			break;
		w += text_safe_width(cps[i]);
	}
	/* break after a space in the second half of the line, if any */
	for (j = i; i < n && j > i / 2; j--) {
		if (cps[j - 1] == ' ') {
			i = j;
			break;
		}
	}
	view_draw_cps(LINES - 2, 0, COLS, cps, i, style);
	if (i < n) {
		view_draw_fill(LINES - 1, 0, COLS, VIEW_NORMAL);
		status_cps_ends(LINES - 1, 0, COLS, cps + i, n - i, style);
	}
	free(cps);
	return i < n;
}

/*
 * The key hints for the context: the first key of each command, both keys
 * of quit (F-keys are often taken by the terminal).  When they do not all
 * fit, the hints before the last give way, so that quit always shows.
 */
static void
status_hints(struct view_status *vs, const struct editor *e, int all)
{
	static const struct {
		int		 context;
		enum keys_cmd	 commands[9];
	} hints[] = {
		{ KEYS_PAGE, { KEYS_CMD_HELP, KEYS_CMD_EDIT, KEYS_CMD_SEARCH,
		    KEYS_CMD_NEXT_MISSING, KEYS_CMD_OVERVIEW,
		    KEYS_CMD_SUMMARY, KEYS_CMD_SAVE, KEYS_CMD_QUIT,
		    KEYS_CMD_NONE } },
		{ KEYS_EDIT, { KEYS_CMD_HELP, KEYS_CMD_LEAVE_FIELD,
		    KEYS_CMD_UNDO, KEYS_CMD_SAVE, KEYS_CMD_QUIT,
		    KEYS_CMD_NONE } },
		{ KEYS_LIST, { KEYS_CMD_ACCEPT, KEYS_CMD_CANCEL, KEYS_CMD_HELP,
		    KEYS_CMD_QUIT, KEYS_CMD_NONE } },
		{ KEYS_PROMPT, { KEYS_CMD_ACCEPT, KEYS_CMD_CANCEL,
		    KEYS_CMD_NONE } },
	};
	const struct keys_binding *kb;
	const char *label;
	enum keys_cmd cmd;
	size_t n, h, c, i, ncells = 0, skip;
	int context = editor_context(e), x = 0, width = 0, keys;
	char name[32], *key[9], *cell[9];

	if (!all && context == vs->hint_context && COLS == vs->hint_cols)
		return;		/* on the screen already */
	vs->hint_context = context;
	vs->hint_cols = COLS;
	view_draw_fill(LINES - 1, 0, COLS, VIEW_NORMAL);
	kb = keys_table(&n);
	for (h = 0; h < sizeof hints / sizeof hints[0]; h++) {
		if (hints[h].context != context)
			continue;
		for (c = 0; (cmd = hints[h].commands[c]) != KEYS_CMD_NONE;
		    c++) {
			key[ncells] = NULL;
			for (i = 0, keys = 0; i < n && keys < (cmd ==
			    KEYS_CMD_QUIT ? 2 : 1); i++) {
				if (!(kb[i].contexts & context) ||
				    kb[i].command != cmd)
					continue;
				keys_name(kb[i].key, name, sizeof name);
				label = key[ncells];
				key[ncells] = label == NULL ? xstrdup(name) :
				    xasprintf("%s/%s", label, name);
				free((char *)label);
				keys++;
			}
			if (key[ncells] == NULL)
				continue;
			label = editor_command_hint(cmd);
			cell[ncells] = xasprintf(" %s  ", label != NULL ?
			    label : editor_command_name(cmd));
			width += (int)(text_width(key[ncells]) +
			    text_width(cell[ncells]));
			ncells++;
		}
	}
	/* the cells before the last give way, from the end, until they fit */
	for (skip = ncells > 1 ? ncells - 1 : 0; skip > 0 && width - 2 > COLS;
	    skip--)
		width -= (int)(text_width(key[skip - 1]) +
		    text_width(cell[skip - 1]));
	for (c = 0; c < ncells; c++) {
		if (width - 2 > COLS || c < skip || c + 1 == ncells) {
			x += view_draw_text(LINES - 1, x, COLS - x, key[c],
			    VIEW_TITLE);
			x += view_draw_text(LINES - 1, x, COLS - x, cell[c],
			    VIEW_NORMAL);
		}
	}
	for (c = 0; c < ncells; c++) {
		free(key[c]);
		free(cell[c]);
	}
}

/*
 * After the field's count on the status line: why it is to renew, and its
 * note (on one line).
 */
static void
status_state(const struct editor *e, char **left)
{
	const struct draft *d = e->file.draft;
	const char *renew = d->renew[e->nav.field];
	const char *note = d->notes[e->nav.field];
	char *s, *p;

	if (renew != NULL) {
		s = xasprintf(_("%s  ↻ to renew: as in %s; change it or confirm "
		    "it unchanged"), *left, renew);
		free(*left);
		*left = s;
	}
	if (note != NULL) {
		s = xasprintf("%s  ✎ %s", *left, note);
		for (p = s; *p != '\0'; p++) {
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		}
		free(*left);
		*left = s;
	}
}

/* Forget what the status line shows. */
static void
status_forget(struct view_status *vs)
{
	free(vs->left);
	free(vs->right);
	vs->left = vs->right = NULL;
}

/*
 * Draw the field's part of the status line, left in style ls and right in
 * rs: only what differs from what the line shows (vs), which is mostly
 * the count at the end of left while typing.  The last code point the
 * old and the new left share is drawn again, in case what follows is a
 * combining mark.  Takes left (malloc'd).
 */
static void
status_field_line(struct view_status *vs, char *left, int ls,
    const char *right, int rs)
{
	size_t same = 0, back;
	int rw = (int)text_width(right), from, oldw;
	char *head;

	if (vs->left == NULL || vs->line_cols != COLS ||
	    vs->left_style != ls || vs->right_style != rs ||
	    strcmp(vs->right, right) != 0) {
		status_forget(vs);
		view_draw_fill(LINES - 2, 0, COLS, VIEW_NORMAL);
		view_draw_text(LINES - 2, 0, COLS - rw - 1, left,
		    (enum view_style)ls);
		view_draw_text(LINES - 2, COLS - rw, rw, right,
		    (enum view_style)rs);
		vs->left = left;
		vs->right = xstrdup(right);
		vs->left_style = ls;
		vs->right_style = rs;
		vs->line_cols = COLS;
		return;
	}
	while (left[same] != '\0' && left[same] == vs->left[same])
		same++;
	if (left[same] == '\0' && vs->left[same] == '\0') {
		free(left);
		return;		/* on the screen already */
	}
	/* back to the start of the last code point both have in full */
	back = same;
	while (back > 0 && ((unsigned char)left[back] & 0xc0) == 0x80)
		back--;
	if (back > 0) {
		back--;
		while (back > 0 && ((unsigned char)left[back] & 0xc0) == 0x80)
			back--;
	}
	head = xstrndup(left, back);
	from = (int)text_width(head);
	free(head);
	oldw = (int)text_width(vs->left);
	if (oldw > COLS - rw - 1)
		oldw = COLS - rw - 1;
	if (from < COLS - rw - 1) {
		if (oldw > from)
			view_draw_fill(LINES - 2, from, oldw - from,
			    VIEW_NORMAL);
		view_draw_text(LINES - 2, from, COLS - rw - 1 - from,
		    left + back, (enum view_style)ls);
	}
	free(vs->left);
	vs->left = left;
}

/* The status line; returns whether a long message took the key-hint line. */
static int
status_line(struct view_status *vs, const struct editor *e, int all,
    struct view_frame *frame)
{
	const struct form_field *f;
	char *left = NULL, right[64], *prompt, *why, *s;
	size_t count, limit, halves;
	char *counted, half[32];
	int zenkaku;
	struct tm tm;
	int shared, x;

	if (all || e->ui.prompt != NULL || e->ui.message != NULL ||
	    e->file.draft == NULL)
		status_forget(vs);
	if (vs->left == NULL)
		view_draw_fill(LINES - 2, 0, COLS, VIEW_NORMAL);
	if (e->ui.prompt != NULL) {
		prompt = textbuf_text(e->ui.prompt_text);
		left = xasprintf("%s%s", editor_prompt_label(e), prompt);
		x = view_draw_text(LINES - 2, 0, COLS - 1, left, VIEW_NORMAL);
		frame->cursor_y = LINES - 2;
		frame->cursor_x = x;
		free(left);
		free(prompt);
		return 0;
	}
	if (e->ui.message != NULL)
		return status_message(e);
	if (e->file.draft == NULL)
		return 0;
	if (e->file.readonly)
		snprintf(right, sizeof right, "%s", _("read-only"));
	else if (e->file.dirty)
		snprintf(right, sizeof right, "%s", _("not saved yet"));
	else if (e->file.saved_at != 0) {
		localtime_r(&e->file.saved_at, &tm);
		strftime(right, sizeof right, _("saved %H:%M:%S"), &tm);
	} else
		right[0] = '\0';	/* nothing saved since it was opened */
	f = &e->file.draft->form->fields[e->nav.field];
	count = editor_edit_count(e, e->nav.field, &limit, &shared);
	halves = limit != 0 ? editor_edit_halves(e, e->nav.field) : 0;
	zenkaku = e->file.draft->form->count == FORM_COUNT_ZENKAKU;
	counted = limit != 0 && zenkaku ? validate_limit_text(
	    e->file.draft->form, count, halves, limit) : NULL;
	if (limit != 0 && shared && zenkaku)
		left = xasprintf(_("%s %s  item %u together %s"), f->id,
		    form_mark_label(f->mark),
		    e->file.draft->form->items[f->item].no, counted);
	else if (limit != 0 && zenkaku)
		left = xasprintf("%s %s  %s", f->id, form_mark_label(f->mark),
		    counted);
	else if (limit != 0 && shared)
		left = xasprintf(_("%s %s  item %u together %zu/%zu字"), f->id,
		    form_mark_label(f->mark),
		    e->file.draft->form->items[f->item].no, count, limit);
	else if (limit != 0)
		left = xasprintf(_("%s %s  %zu/%zu字"), f->id,
		    form_mark_label(f->mark), count, limit);
	else
		left = xasprintf("%s %s", f->id, form_mark_label(f->mark));
	free(counted);
	status_state(e, &left);
	if ((why = editor_edit_why(e, e->nav.field)) != NULL) {
		/* why the field is marked, after what the line says */
		s = xasprintf("%s  %s", left, why);
		free(left);
		free(why);
		left = s;
	}
	if (limit != 0 && !zenkaku) {
		/* the 全角換算 figure last: a narrow line keeps the count */
		snprintf(half, sizeof half, halves % 2 ? "%zu.5" : "%zu",
		    halves / 2);
		s = xasprintf(count > limit && halves <= 2 * limit ?
		    _("%s  全角換算 %s, within the limit") : "%s  全角換算 %s",
		    left, half);
		free(left);
		left = s;
	}
	/* a narrow screen keeps the count and drops the time */
	if (!e->file.readonly && (int)(text_width(left) + text_width(right)) +
	    1 > COLS)
		right[0] = '\0';
	status_field_line(vs, left, limit != 0 && validate_over(
	    e->file.draft->form, count, halves, limit) ? VIEW_OVER :
	    VIEW_NORMAL, right, e->file.save_failed ? VIEW_ERROR : VIEW_DIM);
	return 0;
}

/*
 * The status line, then the key hints unless a long message took their
 * line; they come back after it.  all: draw the hints even if unchanged.
 */
void
view_status_lines(struct view_status *vs, const struct editor *e, int all,
    struct view_frame *frame)
{
	int over = status_line(vs, e, all, frame);

	if (!over)
		status_hints(vs, e, all || vs->hints_hidden);
	vs->hints_hidden = over;
}

/* Forget what is on the lines (the end of the session). */
void
view_status_free(struct view_status *vs)
{
	free(vs->title);
	vs->title = NULL;
	vs->hint_context = -1;
	status_forget(vs);
}
