/*
 * editor-edit: editing an answer: starting and ending the edit, copying
 * the text into the draft, typing against the limit, and the text
 * commands, which also edit a prompt's line (see editor.h).
 *
 * State owned here, struct editor_edit: tb is the text of the current
 * field (nav.field) while it is edited; tb != NULL implies an open,
 * writable draft and the page screen (a popup or prompt may be over it).
 * The draft keeps the answer as it was until editor_edit_commit copies
 * the text in; editor_edit_end commits, saves and frees tb, and every move
 * to another field or screen ends the edit first.  goal_col is the column
 * that moving up and down keeps (-1: none yet), width the columns of an
 * answer as the view last laid it out.
 *
 * Undo reaches past the edit: begun is a copy of the answer when the edit
 * of tb began; each change of an answer (an edit ended with other text, a
 * choice) is recorded in done[0 .. ndone) (the last EDITOR_UNDO_FIELDS,
 * oldest first) by editor_edit_record, and undoing one on the page (or
 * in an edit that has nothing left to undo) puts the field's answer back
 * to its before and moves the change to undone, which any new change
 * empties.  A change is undone or redone only while the answer is what
 * it left (after, or before for a redo): a draft read again from disk
 * drops the history.
 *
 * The limit rule: typing stops at the limit of the field, or of its item
 * when the item's fields share one; a paste (and a yank, which is one) is
 * kept whole and says how far over the limit it goes.  The size rule
 * (limit.h): no edit makes the draft larger than kaiji saves; one that
 * would is refused whole.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "layout.h"
#include "popup.h"
#include "strvec.h"
#include "text.h"
#include "textbuf.h"
#include "validate.h"
#include "xalloc.h"

static const struct form_field *
edit_field(const struct editor *e)
{
	return &e->file.draft->form->fields[e->nav.field];
}

/*
 * Start editing the current field: its answer, or text when not NULL,
 * with the cursor at the end.
 */
void
editor_edit_begin(struct editor *e, const char *text)
{
	const char *a = e->file.draft->answers[e->nav.field];

	if (e->edit.tb != NULL)
		return;
	if (text == NULL)
		text = a != NULL ? a : "";
	e->edit.tb = textbuf_new(text);
	free(e->edit.begun);
	e->edit.begun = a != NULL ? xstrdup(a) : NULL;
	textbuf_set_cursor(e->edit.tb, textbuf_len(e->edit.tb));
	e->edit.goal_col = -1;
	e->ui.redraw |= EDITOR_REDRAW_BODY | EDITOR_REDRAW_STATUS;
}

/* Copy the text being edited into the draft (the edit goes on). */
void
editor_edit_commit(struct editor *e)
{
	char *text, *why;
	const char *old;

	if (e->edit.tb == NULL)
		return;
	text = textbuf_text(e->edit.tb);
	old = e->file.draft->answers[e->nav.field];
	if ((old == NULL && *text != '\0') ||
	    (old != NULL && strcmp(old, text) != 0)) {
		if (draft_set(e->file.draft, e->nav.field, text, &why) != 0)
			free(why);	/* a textbuf always holds UTF-8 */
		e->file.dirty = 1;
		e->ui.redraw |= EDITOR_REDRAW_BODY;	/* counts change */
	}
	free(text);
}

/* Let the field's type tidy the text being edited (ftype's tidy hook). */
void
editor_edit_tidy(struct editor *e)
{
	const struct form_field *f;
	char *text, *tidy;

	if (e->edit.tb == NULL || (f = edit_field(e))->type->tidy == NULL)
		return;
	text = textbuf_text(e->edit.tb);
	if ((tidy = f->type->tidy(f, text)) != NULL) {
		textbuf_free(e->edit.tb);
		e->edit.tb = textbuf_new(tidy);
		free(tidy);
	}
	free(text);
}

/* Stop editing: the text goes into the draft, which is saved. */
void
editor_edit_end(struct editor *e)
{
	if (e->edit.tb == NULL)
		return;
	editor_edit_tidy(e);
	editor_edit_commit(e);
	textbuf_free(e->edit.tb);
	e->edit.tb = NULL;
	editor_edit_record(e, e->nav.field, e->edit.begun);
	free(e->edit.begun);
	e->edit.begun = NULL;
	if (e->file.dirty)
		editor_file_save(e);
	e->ui.redraw |= EDITOR_REDRAW_BODY | EDITOR_REDRAW_STATUS;
}

static int
edit_same(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static void
edit_change_free(struct editor_change *c)
{
	free(c->before);
	free(c->after);
}

/*
 * The answer of field has changed from before (NULL: none) to what the
 * draft holds now: keep the change for undo (nothing when it is the same)
 * and forget what was undone.
 */
void
editor_edit_record(struct editor *e, size_t field, const char *before)
{
	const char *after = e->file.draft->answers[field];
	struct editor_change *c;

	if (edit_same(before, after))
		return;
	if (e->edit.done == NULL) {
		e->edit.done = xcalloc(EDITOR_UNDO_FIELDS, sizeof *c);
		e->edit.undone = xcalloc(EDITOR_UNDO_FIELDS, sizeof *c);
	}
	while (e->edit.nundone > 0)
		edit_change_free(&e->edit.undone[--e->edit.nundone]);
	if (e->edit.ndone == EDITOR_UNDO_FIELDS) {
		edit_change_free(&e->edit.done[0]);
		memmove(e->edit.done, e->edit.done + 1,
		    --e->edit.ndone * sizeof *c);
	}
	c = &e->edit.done[e->edit.ndone++];
	c->field = field;
	c->before = before != NULL ? xstrdup(before) : NULL;
	c->after = after != NULL ? xstrdup(after) : NULL;
}

/* Free what editor-edit.c holds: the text being edited, the history. */
void
editor_edit_free(struct editor *e)
{
	textbuf_free(e->edit.tb);
	e->edit.tb = NULL;
	free(e->edit.begun);
	e->edit.begun = NULL;
	while (e->edit.ndone > 0)
		edit_change_free(&e->edit.done[--e->edit.ndone]);
	while (e->edit.nundone > 0)
		edit_change_free(&e->edit.undone[--e->edit.nundone]);
	free(e->edit.done);
	free(e->edit.undone);
	e->edit.done = e->edit.undone = NULL;
}

/*
 * Undo (redo 0) or redo the newest change of an answer kept in from,
 * moving it to to: the field becomes current and its answer what it was
 * before (after, for a redo), saved; says which field.  A change whose
 * answer has changed since is not applied, and the history is dropped.
 */
static void
edit_history(struct editor *e, int redo)
{
	struct editor_change *from = redo ? e->edit.undone : e->edit.done;
	size_t *nfrom = redo ? &e->edit.nundone : &e->edit.ndone;
	struct editor_change *to = redo ? e->edit.done : e->edit.undone;
	size_t *nto = redo ? &e->edit.ndone : &e->edit.nundone;
	struct editor_change c;
	const struct form *form = e->file.draft->form;
	char *why;

	if (*nfrom == 0) {
		editor_message(e, 0, redo ? _("Nothing to redo.") :
		    _("Nothing to undo."));
		return;
	}
	c = from[--*nfrom];
	if (c.field >= form->nfields || !edit_same(e->file.draft->answers[
	    c.field], redo ? c.before : c.after)) {
		edit_change_free(&c);
		while (e->edit.ndone > 0)
			edit_change_free(&e->edit.done[--e->edit.ndone]);
		while (e->edit.nundone > 0)
			edit_change_free(&e->edit.undone[--e->edit.nundone]);
		editor_message(e, 1, _("The answer has changed since; not "
		    "undone."));
		return;
	}
	editor_nav_goto(e, c.field);
	if (draft_set(e->file.draft, c.field, redo ? c.after : c.before,
	    &why) != 0)
		free(why);	/* it was an answer of the draft */
	to[(*nto)++] = c;
	e->file.dirty = 1;
	editor_file_changed(e);
	editor_file_save(e);
	editor_message(e, 0, redo ? _("Redid the change to %s.") :
	    _("Undid the change to %s (Ctrl-R redoes it)."),
	    form->fields[c.field].id);
}

/*
 * The 全角換算 count (halves, see text_halves) a limit applies to for
 * field, including text being edited (see editor_edit_count).
 */
size_t
editor_edit_halves(const struct editor *e, size_t field)
{
	const struct draft *d = e->file.draft;
	const struct form_item *item = &d->form->items[d->form->fields[field].item];
	size_t i, first = field, end = field + 1, halves = 0;

	if (item->limit != 0) {
		first = item->first;
		end = item->first + item->nfields;
	}
	for (i = first; i < end; i++) {
		if (e->edit.tb != NULL && i == e->nav.field)
			halves += textbuf_halves(e->edit.tb);
		else if (d->answers[i] != NULL)
			halves += text_halves(d->answers[i],
			    strlen(d->answers[i]));
	}
	return halves;
}

/*
 * The count a limit applies to for field, including text being edited,
 * with the limit (0: none) and whether it is an item's shared limit.
 */
size_t
editor_edit_count(const struct editor *e, size_t field, size_t *limit,
    int *shared)
{
	const struct textbuf *tb = e->edit.tb;

	return validate_count(e->file.draft, field, tb != NULL ? e->nav.field :
	    (size_t)-1, tb != NULL ? textbuf_count(tb) : 0, limit, shared);
}

/* The status mark of a field (EDITOR_ST_*), the text being edited too. */
int
editor_edit_status(const struct editor *e, size_t field)
{
	const struct form_field *f = &e->file.draft->form->fields[field];
	struct findings fs = { NULL, 0 };
	size_t count, limit, i;
	int shared, st;

	count = editor_edit_count(e, field, &limit, &shared);
	if (limit != 0 && count > limit)
		return EDITOR_ST_OVER;
	if (e->edit.tb != NULL && field == e->nav.field)
		return textbuf_len(e->edit.tb) == 0 ? (f->mark ==
		    FORM_OPTIONAL ? EDITOR_ST_EMPTY : f->mark ==
		    FORM_MANDATORY ? EDITOR_ST_MISSING :
		    EDITOR_ST_MISSING_LEVEL) : EDITOR_ST_OK;
	validate_field(e->file.draft, field, &fs);
	st = e->file.draft->answers[field] == NULL ? EDITOR_ST_EMPTY :
	    EDITOR_ST_OK;
	for (i = 0; i < fs.n; i++) {
		switch (fs.v[i].kind) {
		case FINDING_MISSING:
			st = EDITOR_ST_MISSING;
			break;
		case FINDING_MISSING_LEVEL:
			st = EDITOR_ST_MISSING_LEVEL;
			break;
		case FINDING_OVER_LIMIT:
			st = EDITOR_ST_OVER;
			break;
		case FINDING_RENEW:	/* below */
		case FINDING_NOTE:	/* a mark of its own */
			break;
		default:
			if (st == EDITOR_ST_OK)
				st = EDITOR_ST_WARN;
			break;
		}
	}
	validate_free(&fs);
	if (e->file.draft->renew[field] != NULL && (st == EDITOR_ST_OK ||
	    st == EDITOR_ST_WARN))
		st = EDITOR_ST_RENEW;
	return st;
}

/*
 * Why the field is marked, in a phrase for the status line and F1 (the
 * caller frees it), or NULL when it is not: unanswered, over its limit
 * (or its item's), the first finding's message otherwise.  For the
 * answer being edited, only the count and whether it is empty.
 */
char *
editor_edit_why(const struct editor *e, size_t field)
{
	const struct form_field *f = &e->file.draft->form->fields[field];
	struct findings fs = { NULL, 0 };
	const struct finding *fi = NULL;
	size_t count, limit, i;
	char *why = NULL;
	int shared;

	count = editor_edit_count(e, field, &limit, &shared);
	if (limit != 0 && count > limit)
		return shared ? xasprintf(_("%zu字 over item %u's limit"),
		    count - limit, e->file.draft->form->items[f->item].no) :
		    xasprintf(_("%zu字 over the limit"), count - limit);
	if (e->edit.tb != NULL && field == e->nav.field) {
		if (textbuf_len(e->edit.tb) != 0 || f->mark == FORM_OPTIONAL)
			return NULL;
		return xstrdup(_("not answered yet"));
	}
	validate_field(e->file.draft, field, &fs);
	/* what the mark shows first: a problem, then a warning */
	for (i = 0; i < fs.n && fi == NULL; i++) {
		if (validate_is_problem(&fs.v[i]) &&
		    fs.v[i].kind != FINDING_RENEW)
			fi = &fs.v[i];
	}
	for (i = 0; i < fs.n && fi == NULL; i++)
		fi = &fs.v[i];
	if (fi != NULL) {
		switch (fi->kind) {
		case FINDING_MISSING:
		case FINDING_MISSING_LEVEL:
			why = xstrdup(_("not answered yet"));
			break;
		case FINDING_OVER_LIMIT:
			why = xasprintf(_("%zu字 over the limit"),
			    fi->count - fi->limit);
			break;
		case FINDING_RENEW:
			why = xasprintf(_("as in %s"), fi->message);
			break;
		case FINDING_NOT_CHOICE:
		case FINDING_FORMAT:
		case FINDING_NOTE:
			why = xstrdup(fi->message);
			break;
		}
	}
	validate_free(&fs);
	return why;
}

/*
 * Whether inserting text at the cursor of the answer being edited keeps
 * the draft within what kaiji saves (draft_fits); says so when not.
 */
static int
edit_fits(struct editor *e, const char *text)
{
	struct textbuf *tb = e->edit.tb;
	size_t at = 0, i, n = textbuf_cursor(tb);
	char *cur, *cand, b[4];
	int fits;

	if (draft_bound(e->file.draft, e->nav.field, textbuf_bytes(tb) +
	    strlen(text)) <= DRAFT_MAX_SIZE)
		return 1;
	cur = textbuf_text(tb);
	for (i = 0; i < n; i++)
		at += text_encode(textbuf_char(tb, i), b);
	cand = xasprintf("%.*s%s%s", (int)at, cur, text, cur + at);
	fits = draft_fits(e->file.draft, e->nav.field, cand);
	free(cand);
	free(cur);
	if (!fits)
		editor_message(e, 1, _("Not inserted: the draft would be "
		    "larger than the %u bytes kaiji saves."), DRAFT_MAX_SIZE);
	return fits;
}

static void	edit_paste(struct editor *, const char *);

/*
 * Type text into the field being edited under the limit rule (paste: kept
 * whole, see edit_paste) and the size rule.
 */
void
editor_edit_type(struct editor *e, const char *text, int paste)
{
	size_t count, limit, add;
	int shared;

	if (e->edit.tb == NULL)
		return;
	if (paste) {
		edit_paste(e, text);
		return;
	}
	count = editor_edit_count(e, e->nav.field, &limit, &shared);
	add = text_count(text, strlen(text));
	if (limit != 0 && count + add > limit && add > 0) {
		editor_message(e, 1, _("The limit of %zu字 is reached."),
		    limit);
		return;
	}
	if (!edit_fits(e, text))
		return;
	textbuf_insert(e->edit.tb, text);
	e->edit.goal_col = -1;
	editor_file_changed(e);
}

/*
 * A paste into the answer being edited: kept whole (over a limit too),
 * tidied as text_paste does for the field; the message gives its count,
 * how far over a limit it goes and what was changed.
 */
static void
edit_paste(struct editor *e, const char *text)
{
	struct strvec what = STRVEC_INIT;
	size_t count, limit, add, i;
	char *tidy, *base, *list, *p;
	unsigned changed;
	int shared, multiline = edit_field(e)->multiline, over;

	tidy = text_paste(text, multiline, &changed);
	count = editor_edit_count(e, e->nav.field, &limit, &shared);
	add = text_count(tidy, strlen(tidy));
	if (!edit_fits(e, tidy)) {
		free(tidy);
		return;
	}
	textbuf_insert(e->edit.tb, tidy);
	free(tidy);
	e->edit.goal_col = -1;
	editor_file_changed(e);
	over = limit != 0 && count + add > limit;
	if (over)
		base = xasprintf(_("Pasted %zu字: %zu/%zu字, %zu over the "
		    "limit; shorten it before you submit."), add, count + add,
		    limit, count + add - limit);
	else
		base = xasprintf(_("Pasted %zu字."), add);
	if (changed & TEXT_PASTE_END)
		strvec_add(&what, xstrdup(multiline ? _("the line break at "
		    "the end dropped") : _("the line breaks and spaces at the "
		    "end dropped")));
	if (changed & TEXT_PASTE_BREAKS)
		strvec_add(&what, xstrdup(_("line breaks became spaces (the "
		    "field is one line)")));
	if (changed & TEXT_PASTE_TABS)
		strvec_add(&what, xstrdup(_("tabs became spaces")));
	if (what.n == 0) {
		editor_message(e, over, "%s", base);
		free(base);
		return;
	}
	list = xstrdup(what.v[0]);
	for (i = 1; i < what.n; i++) {
		p = xasprintf(_("%s, %s"), list, what.v[i]);
		free(list);
		list = p;
	}
	editor_message(e, over, _("%s Changed: %s."), base, list);
	free(list);
	free(base);
	strvec_free(&what);
}

/* Enter on a field: edit its answer, or choose one from its list. */
static void
edit_edit(struct editor *e)
{
	if (edit_field(e)->nchoices > 0)
		popup_choices_open(e);
	else
		editor_edit_begin(e, NULL);
}

static void
edit_leave_field(struct editor *e)
{
	editor_edit_end(e);
}

static void
edit_leave_next(struct editor *e)
{
	editor_edit_end(e);
	editor_nav_goto(e, e->nav.field + 1);
}

static void
edit_leave_previous(struct editor *e)
{
	editor_edit_end(e);
	if (e->nav.field > 0)
		editor_nav_goto(e, e->nav.field - 1);
}

static void
edit_newline(struct editor *e)
{
	if (!edit_field(e)->multiline)
		edit_leave_next(e);
	else
		editor_edit_type(e, "\n", 0);
}

/*
 * Apply a text-buffer operation to what the text commands act on: the
 * prompt's line, or else the answer being edited.
 */
static void
edit_text(struct editor *e, int (*op)(struct textbuf *))
{
	struct textbuf *tb = e->ui.prompt != NULL ? e->ui.prompt_text :
	    e->edit.tb;

	if (tb != NULL)
		op(tb);
	e->edit.goal_col = -1;
}

static int
edit_to_start(struct textbuf *tb)
{
	textbuf_set_cursor(tb, 0);
	return 1;
}

static int
edit_to_end(struct textbuf *tb)
{
	textbuf_set_cursor(tb, textbuf_len(tb));
	return 1;
}

static void
edit_char_left(struct editor *e)
{
	edit_text(e, textbuf_left);
}

static void
edit_char_right(struct editor *e)
{
	edit_text(e, textbuf_right);
}

static void
edit_word_left(struct editor *e)
{
	edit_text(e, textbuf_word_left);
}

static void
edit_word_right(struct editor *e)
{
	edit_text(e, textbuf_word_right);
}

static void
edit_line_start(struct editor *e)
{
	edit_text(e, textbuf_home);
}

static void
edit_line_end(struct editor *e)
{
	edit_text(e, textbuf_end);
}

static void
edit_text_start(struct editor *e)
{
	edit_text(e, edit_to_start);
}

static void
edit_text_end(struct editor *e)
{
	edit_text(e, edit_to_end);
}

static void
edit_delete_back(struct editor *e)
{
	edit_text(e, textbuf_delete_back);
}

static void
edit_delete_forward(struct editor *e)
{
	edit_text(e, textbuf_delete_fwd);
}

static void
edit_kill_line(struct editor *e)
{
	edit_text(e, textbuf_kill_eol);
}

static void
edit_kill_line_start(struct editor *e)
{
	edit_text(e, textbuf_kill_bol);
}

static void
edit_kill_word(struct editor *e)
{
	edit_text(e, textbuf_kill_word);
}

/* Yank: the text cut last, typed as a paste is (the limit and size rules). */
static void
edit_yank(struct editor *e)
{
	struct textbuf *tb = e->ui.prompt != NULL ? e->ui.prompt_text :
	    e->edit.tb;
	char *text;

	if (tb == NULL || (text = textbuf_killed(tb)) == NULL)
		return;
	if (tb == e->ui.prompt_text)
		editor_prompt_type(e, text);
	else
		editor_edit_type(e, text, 1);
	free(text);
	e->edit.goal_col = -1;
}

/*
 * Undo: in a prompt, of its line; in an edit, of its text, and once the
 * edit has nothing left to undo, the edit ends and the change of an
 * answer before it is undone (edit_history), as on the page.
 */
static void
edit_undo(struct editor *e)
{
	if (e->ui.prompt != NULL || (e->edit.tb != NULL &&
	    textbuf_undo(e->edit.tb))) {
		if (e->ui.prompt != NULL)
			textbuf_undo(e->ui.prompt_text);
		e->edit.goal_col = -1;
		return;
	}
	editor_edit_end(e);
	edit_history(e, 0);
}

/* Redo: of the prompt's line or the edit's text, else of an answer. */
static void
edit_redo(struct editor *e)
{
	if (e->ui.prompt != NULL || e->edit.tb != NULL) {
		edit_text(e, textbuf_redo);
		return;
	}
	edit_history(e, 1);
}

/* Move the cursor by rows display rows (negative: up), keeping a column. */
static void
edit_move_rows(struct editor *e, long rows)
{
	struct layout_row *lr;
	size_t n, row;
	long target;
	int col;

	if (e->edit.tb == NULL)
		return;
	n = layout_wrap(e->edit.tb, e->edit.width, &lr);
	layout_locate(lr, n, e->edit.tb, textbuf_cursor(e->edit.tb), &row,
	    &col);
	if (e->edit.goal_col < 0)
		e->edit.goal_col = col;
	target = (long)row + rows;
	if (target < 0)
		target = 0;
	if (target >= (long)n)
		target = (long)n - 1;
	textbuf_set_cursor(e->edit.tb, layout_position(lr, n, e->edit.tb,
	    (size_t)target, e->edit.goal_col));
	free(lr);
}

static void
edit_line_up(struct editor *e)
{
	edit_move_rows(e, -1);
}

static void
edit_line_down(struct editor *e)
{
	edit_move_rows(e, 1);
}

/* The rows a page up or down moves: a screen, less two rows of context. */
static long
edit_page(const struct editor *e)
{
	return e->ui.page_rows > 2 ? e->ui.page_rows - 2 : 1;
}

static void
edit_page_up(struct editor *e)
{
	edit_move_rows(e, -edit_page(e));
}

static void
edit_page_down(struct editor *e)
{
	edit_move_rows(e, edit_page(e));
}

#define EDIT_TEXT	(EDITOR_CMD_WRITES | EDITOR_CMD_EDITS)

const struct editor_cmd editor_edit_cmds[] = {
	{ KEYS_CMD_EDIT, "edit", N_("edit the answer (or choose one)"),
	    N_("Edit"), edit_edit, EDITOR_CMD_WRITES },
	{ KEYS_CMD_LEAVE_FIELD, "leave-field",
	    N_("leave the field, keeping the text"), N_("Done"),
	    edit_leave_field, 0 },
	{ KEYS_CMD_LEAVE_NEXT, "leave-next",
	    N_("leave the field, go to the next"), NULL, edit_leave_next, 0 },
	{ KEYS_CMD_LEAVE_PREVIOUS, "leave-previous",
	    N_("leave the field, go to the previous"), NULL,
	    edit_leave_previous, 0 },
	{ KEYS_CMD_NEWLINE, "newline",
	    N_("new line (single-line fields: next field)"), NULL,
	    edit_newline, 0 },
	{ KEYS_CMD_CHAR_LEFT, "char-left", N_("character left"), NULL,
	    edit_char_left, 0 },
	{ KEYS_CMD_CHAR_RIGHT, "char-right", N_("character right"), NULL,
	    edit_char_right, 0 },
	{ KEYS_CMD_LINE_UP, "line-up", N_("line up"), NULL, edit_line_up,
	    0 },
	{ KEYS_CMD_LINE_DOWN, "line-down", N_("line down"), NULL,
	    edit_line_down, 0 },
	{ KEYS_CMD_LINE_START, "line-start", N_("start of line"), NULL,
	    edit_line_start, 0 },
	{ KEYS_CMD_LINE_END, "line-end", N_("end of line"), NULL,
	    edit_line_end, 0 },
	{ KEYS_CMD_WORD_LEFT, "word-left", N_("word left"), NULL,
	    edit_word_left, 0 },
	{ KEYS_CMD_WORD_RIGHT, "word-right", N_("word right"), NULL,
	    edit_word_right, 0 },
	{ KEYS_CMD_TEXT_START, "text-start", N_("start of the answer"), NULL,
	    edit_text_start, 0 },
	{ KEYS_CMD_TEXT_END, "text-end", N_("end of the answer"), NULL,
	    edit_text_end, 0 },
	{ KEYS_CMD_PAGE_UP, "page-up", N_("up a screen"), NULL, edit_page_up,
	    0 },
	{ KEYS_CMD_PAGE_DOWN, "page-down", N_("down a screen"), NULL,
	    edit_page_down, 0 },
	{ KEYS_CMD_DELETE_BACK, "delete-back",
	    N_("delete the character before the cursor"), NULL,
	    edit_delete_back, EDIT_TEXT },
	{ KEYS_CMD_DELETE_FORWARD, "delete-forward",
	    N_("delete the character at the cursor"), NULL,
	    edit_delete_forward, EDIT_TEXT },
	{ KEYS_CMD_KILL_LINE, "kill-line", N_("cut to the end of the line"),
	    NULL, edit_kill_line, EDIT_TEXT },
	{ KEYS_CMD_KILL_LINE_START, "kill-line-start",
	    N_("cut to the start of the line"), NULL, edit_kill_line_start,
	    EDIT_TEXT },
	{ KEYS_CMD_KILL_WORD, "kill-word", N_("cut the word before the "
	    "cursor"), NULL, edit_kill_word, EDIT_TEXT },
	{ KEYS_CMD_YANK, "yank", N_("paste what was cut"), NULL, edit_yank,
	    EDIT_TEXT },
	{ KEYS_CMD_UNDO, "undo", N_("undo"), N_("Undo"), edit_undo,
	    EDIT_TEXT },
	{ KEYS_CMD_REDO, "redo", N_("redo"), NULL, edit_redo, EDIT_TEXT },
	{ .name = NULL }
};
