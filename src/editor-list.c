/*
 * editor-list: the entries that list screens and popups show, and the
 * screens built of them: the overview of pages and sections, the summary
 * of findings, the keys, and the field help popup (see editor.h).
 *
 * State owned here, struct editor_list: the entries v[0 .. n - 1] of the
 * list screen showing, or of the popup over the page (choices, a
 * question); none on the page itself.  sel is the selected entry, never a
 * heading when the list has any other entry.  serial changes whenever the
 * list is emptied, so that the view knows a new list from a changed one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "i18n.h"
#include "keys.h"
#include "popup.h"
#include "validate.h"
#include "xalloc.h"

/* Empty the list. */
void
editor_list_clear(struct editor *e)
{
	struct editor_list *l = &e->list;
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].label);
		free(l->v[i].value);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
	l->sel = 0;
	l->serial++;
}

/* Add an entry showing label (taken) that goes to field; returns it. */
struct editor_entry *
editor_list_add(struct editor *e, size_t field, int heading, char *label)
{
	struct editor_list *l = &e->list;
	struct editor_entry *en;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	en = &l->v[l->n++];
	memset(en, 0, sizeof *en);
	en->label = label;
	en->field = field;
	en->heading = heading;
	return en;
}

/* Leave a list screen for the page. */
void
editor_list_close(struct editor *e)
{
	e->ui.screen = EDITOR_PAGE;
	editor_list_clear(e);
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

/* Select the entry by entries away (negative: up), passing headings. */
static void
list_move(struct editor *e, long by)
{
	const struct editor_list *l = &e->list;
	long sel = (long)l->sel, n = (long)l->n, step = by < 0 ? -1 : 1;
	long moved = 0, next;

	if (n == 0)
		return;
	while (moved != by) {
		next = sel + step;
		while (next >= 0 && next < n && l->v[next].heading)
			next += step;
		if (next < 0 || next >= n)
			break;
		sel = next;
		moved += step;
	}
	e->list.sel = (size_t)sel;
	e->ui.redraw |= EDITOR_REDRAW_BODY;
}

static void
list_down(struct editor *e)
{
	list_move(e, 1);
}

static void
list_up(struct editor *e)
{
	list_move(e, -1);
}

/* The entries a page up or down moves: a screen less its title. */
static long
list_page(const struct editor *e)
{
	return e->ui.page_rows > 1 ? e->ui.page_rows - 1 : 1;
}

static void
list_page_down(struct editor *e)
{
	list_move(e, list_page(e));
}

static void
list_page_up(struct editor *e)
{
	list_move(e, -list_page(e));
}

static void
list_first(struct editor *e)
{
	list_move(e, -(long)e->list.n);
}

static void
list_last(struct editor *e)
{
	list_move(e, (long)e->list.n);
}

/* "必須 done/total 必須○ ... 選択 ...  name" over items first .. end - 1. */
static char *
list_tally(const struct editor *e, size_t first_item, size_t end_item,
    const char *name)
{
	size_t done[FORM_NMARKS], total[FORM_NMARKS];

	validate_tally(e->file.draft, first_item, end_item, done, total);
	return xasprintf("必須 %3zu/%-3zu 必須○ %2zu/%-2zu 選択 %2zu/%-2zu  %s",
	    done[0], total[0], done[1], total[1], done[2], total[2], name);
}

/* The overview: each page and its sections with their completeness. */
static void
list_overview(struct editor *e)
{
	const struct form *form = e->file.draft->form;
	size_t p, i, start, end, cur = 0;
	size_t item = form->fields[e->nav.field].item;
	char *name;

	editor_edit_end(e);
	editor_list_clear(e);
	for (p = 0; p < form->npages; p++) {
		end = form_page_end(form, p);
		name = xasprintf(_("Page %zu/%zu"), p + 1, form->npages);
		editor_list_add(e, form->items[form->pages[p]].first, 0,
		    list_tally(e, form->pages[p], end, name))->level = 0;
		free(name);
		for (i = form->pages[p]; i < end; i = start) {
			start = i + 1;
			while (start < end && form->items[start].section ==
			    form->items[i].section)
				start++;
			if (item >= i && item < start)
				cur = e->list.n;
			editor_list_add(e, form->items[i].first, 0,
			    list_tally(e, i, start,
			    form->sections[form->items[i].section].title))->level
			    = 1;
		}
	}
	e->list.sel = cur;
	e->ui.screen = EDITOR_OVERVIEW;
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

/* The summary: the findings by kind, each going to its field. */
static void
list_summary(struct editor *e)
{
	static const struct {
		enum finding_kind	 kind;
		const char		*heading;
	} kinds[] = {
		{ FINDING_MISSING, N_("Missing 必須 answers (%zu):") },
		{ FINDING_MISSING_LEVEL, N_("Missing 必須○ answers (%zu):") },
		{ FINDING_OVER_LIMIT, N_("Over the limit (%zu):") },
		{ FINDING_NOT_CHOICE, N_("Not among the choices (%zu):") },
		{ FINDING_RENEW,
		    N_("To renew: change, or confirm unchanged (%zu):") },
		{ FINDING_FORMAT, N_("Warnings (%zu):") },
		{ FINDING_NOTE, N_("Open notes (%zu):") },
	};
	const struct form *form = e->file.draft->form;
	struct findings fs = { NULL, 0 };
	const struct finding *fd;
	const struct form_field *f;
	size_t k, i, n;
	char *label, *count, *id;

	editor_edit_end(e);
	editor_list_clear(e);
	validate_draft(e->file.draft, &fs);
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		for (i = n = 0; i < fs.n; i++)
			n += fs.v[i].kind == kinds[k].kind;
		if (n == 0)
			continue;
		editor_list_add(e, (size_t)-1, 1, xasprintf(_(kinds[k].heading),
		    n));
		for (i = 0; i < fs.n; i++) {
			if ((fd = &fs.v[i])->kind != kinds[k].kind)
				continue;
			f = &form->fields[fd->field];
			count = fd->kind == FINDING_OVER_LIMIT ?
			    validate_limit_text(form, fd->count, fd->halves,
			    fd->limit) : NULL;
			/* an item's shared limit: its fields, as the CLI
			   names them */
			id = fd->shared ? xasprintf("%u.1-%u.%zu",
			    form->items[f->item].no, form->items[f->item].no,
			    form->items[f->item].nfields) : xstrdup(f->id);
			label = xasprintf("%s %s: %s", id,
			    form->items[f->item].name, count != NULL ? count :
			    fd->message != NULL ? fd->message : f->text);
			free(count);
			free(id);
			editor_list_add(e, f->index, 0, label)->level = 1;
		}
	}
	if (fs.n == 0)
		editor_list_add(e, (size_t)-1, 1, xstrdup(_("Complete: "
		    "nothing is missing or over a limit.")));
	validate_free(&fs);
	e->list.sel = 0;
	while (e->list.sel < e->list.n && e->list.v[e->list.sel].heading)
		e->list.sel++;
	if (e->list.sel == e->list.n)
		e->list.sel = 0;
	e->ui.screen = EDITOR_SUMMARY;
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

/* The keys of command in context, "F2, Ctrl-S", into buf (size bytes). */
static void
list_keys_of(enum keys_cmd command, int context, char *buf, size_t size)
{
	const struct keys_binding *kb;
	char name[32];
	size_t n, i;

	buf[0] = '\0';
	kb = keys_table(&n);
	for (i = 0; i < n; i++) {
		if (!(kb[i].contexts & context) || kb[i].command != command ||
		    keys_lookup(context, kb[i].key) != command)
			continue;
		if (buf[0] != '\0')
			strncat(buf, ", ", size - strlen(buf) - 1);
		strncat(buf, keys_name(kb[i].key, name, sizeof name), size -
		    strlen(buf) - 1);
	}
}

/* The keys screen: per context, each command with its keys and help. */
void
editor_list_keys(struct editor *e)
{
	static const struct {
		int		 context;
		const char	*title;
	} contexts[] = {
		{ KEYS_PAGE, N_("On a page") },
		{ KEYS_EDIT, N_("Editing an answer") },
		{ KEYS_LIST, N_("In lists") },
		{ KEYS_PROMPT, N_("In the search and jump prompts") },
	};
	const struct keys_binding *kb = NULL;
	size_t n, i, j, c;
	char keys[128];

	editor_edit_end(e);
	editor_list_clear(e);
	e->ui.popup = NULL;
	kb = keys_table(&n);
	for (c = 0; c < sizeof contexts / sizeof contexts[0]; c++) {
		editor_list_add(e, (size_t)-1, 1,
		    xstrdup(_(contexts[c].title)));
		for (i = 0; i < n; i++) {
			if (!(kb[i].contexts & contexts[c].context) ||
			    kb[i].key == KEYS_RESIZE)
				continue;
			/* first binding of this command in this context? */
			for (j = 0; j < i; j++) {
				if ((kb[j].contexts & contexts[c].context) &&
				    kb[j].command == kb[i].command)
					break;
			}
			if (j < i)
				continue;
			list_keys_of(kb[i].command, contexts[c].context, keys,
			    sizeof keys);
			editor_list_add(e, (size_t)-1, 0, xasprintf("%-22s %s",
			    keys, editor_command_help(kb[i].command)))->level =
			    1;
		}
	}
	e->list.sel = 1;
	e->ui.screen = EDITOR_KEYS;
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

/* The field help popup, or back from it. */
static void
list_field_help(struct editor *e)
{
	if (e->ui.popup == &popup_help)
		e->ui.popup = NULL;
	else
		e->ui.popup = &popup_help;
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

const struct editor_cmd editor_list_cmds[] = {
	{ KEYS_CMD_KEYS, "keys", N_("all keys"), NULL, editor_list_keys,
	    EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_FIELD_HELP, "field-help", N_("the field's description, "
	    "mark, limit, choices"), NULL, list_field_help, 0 },
	{ KEYS_CMD_OVERVIEW, "overview", N_("all pages and sections"),
	    N_("Pages"), list_overview, 0 },
	{ KEYS_CMD_SUMMARY, "summary", N_("what is missing, over or "
	    "doubtful"), N_("Summary"), list_summary, 0 },
	{ KEYS_CMD_LIST_DOWN, "list-down", N_("next line"), NULL, list_down,
	    EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_LIST_UP, "list-up", N_("previous line"), NULL, list_up,
	    EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_LIST_PAGE_DOWN, "list-page-down", N_("down a screen"), NULL,
	    list_page_down, EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_LIST_PAGE_UP, "list-page-up", N_("up a screen"), NULL,
	    list_page_up, EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_LIST_FIRST, "list-first", N_("first line"), NULL,
	    list_first, EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_LIST_LAST, "list-last", N_("last line"), NULL, list_last,
	    EDITOR_CMD_NO_DRAFT },
	{ .name = NULL }
};
