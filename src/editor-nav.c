/*
 * editor-nav: moving between fields: by field, item, section and page,
 * to the first and last field of a page, to the next field that needs
 * attention, and by search (see editor.h).
 *
 * State owned here, struct editor_nav: field is the current field, an
 * index into the form's fields (0 while no draft is open); search is the
 * last search, or NULL before the first.  Every move goes through
 * editor_nav_goto, which first ends the edit of the field being left.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "i18n.h"
#include "prompt.h"
#include "text.h"

static const struct form *
nav_form(const struct editor *e)
{
	return e->file.draft->form;
}

static size_t
nav_item(const struct editor *e)
{
	return nav_form(e)->fields[e->nav.field].item;
}

/* The page of the current field. */
static size_t
nav_page(const struct editor *e)
{
	return nav_form(e)->items[nav_item(e)].page;
}

/* The first field of item i. */
static size_t
nav_first(const struct editor *e, size_t i)
{
	return nav_form(e)->items[i].first;
}

/* Make field the current one (leaving the field being edited). */
void
editor_nav_goto(struct editor *e, size_t field)
{
	if (e->file.draft == NULL || field >= nav_form(e)->nfields)
		return;
	editor_edit_end(e);
	e->nav.field = field;
	e->ui.screen = EDITOR_PAGE;
	e->ui.redraw |= EDITOR_REDRAW_BODY | EDITOR_REDRAW_STATUS;
}

static void
nav_next_field(struct editor *e)
{
	if (e->nav.field + 1 < nav_form(e)->nfields)
		editor_nav_goto(e, e->nav.field + 1);
}

static void
nav_previous_field(struct editor *e)
{
	if (e->nav.field > 0)
		editor_nav_goto(e, e->nav.field - 1);
}

static void
nav_first_field(struct editor *e)
{
	editor_nav_goto(e, nav_first(e, nav_form(e)->pages[nav_page(e)]));
}

static void
nav_last_field(struct editor *e)
{
	const struct form *form = nav_form(e);
	size_t end = form_page_end(form, nav_page(e));

	editor_nav_goto(e, nav_first(e, end - 1) + form->items[end -
	    1].nfields - 1);
}

static void
nav_next_item(struct editor *e)
{
	size_t item = nav_item(e);

	if (item + 1 < nav_form(e)->nitems)
		editor_nav_goto(e, nav_first(e, item + 1));
}

static void
nav_previous_item(struct editor *e)
{
	size_t item = nav_item(e);

	if (e->nav.field != nav_first(e, item))
		editor_nav_goto(e, nav_first(e, item));
	else if (item > 0)
		editor_nav_goto(e, nav_first(e, item - 1));
}

/* The first field of section s. */
static size_t
nav_section_first(const struct editor *e, size_t s)
{
	return nav_first(e, nav_form(e)->sections[s].first);
}

static void
nav_next_section(struct editor *e)
{
	size_t s = nav_form(e)->items[nav_item(e)].section;

	if (s + 1 < nav_form(e)->nsections)
		editor_nav_goto(e, nav_section_first(e, s + 1));
}

static void
nav_previous_section(struct editor *e)
{
	size_t s = nav_form(e)->items[nav_item(e)].section;

	if (e->nav.field != nav_section_first(e, s))
		editor_nav_goto(e, nav_section_first(e, s));
	else if (s > 0)
		editor_nav_goto(e, nav_section_first(e, s - 1));
}

static void
nav_next_page(struct editor *e)
{
	const struct form *form = nav_form(e);
	size_t p = nav_page(e);

	if (p + 1 < form->npages)
		editor_nav_goto(e, nav_first(e, form->pages[p + 1]));
	else
		nav_last_field(e);
}

static void
nav_previous_page(struct editor *e)
{
	const struct form *form = nav_form(e);
	size_t p = nav_page(e), first = nav_first(e, form->pages[p]);

	if (e->nav.field != first)
		editor_nav_goto(e, first);
	else if (p > 0)
		editor_nav_goto(e, nav_first(e, form->pages[p - 1]));
}

static int
nav_needs_attention(const struct editor *e, size_t field)
{
	int st = editor_edit_status(e, field);

	return st == EDITOR_ST_MISSING || st == EDITOR_ST_MISSING_LEVEL ||
	    st == EDITOR_ST_OVER || st == EDITOR_ST_RENEW;
}

/* Go to the next (dir 1) or previous (-1) field that needs attention. */
static void
nav_find_missing(struct editor *e, int dir)
{
	size_t n = nav_form(e)->nfields, i, f;

	editor_edit_end(e);
	for (i = 1; i <= n; i++) {
		f = (e->nav.field + n + (size_t)dir * i) % n;
		if (nav_needs_attention(e, f)) {
			editor_nav_goto(e, f);
			return;
		}
	}
	editor_message(e, 0, _("Nothing is missing, over a limit or to "
	    "renew."));
}

static void
nav_next_missing(struct editor *e)
{
	nav_find_missing(e, 1);
}

static void
nav_previous_missing(struct editor *e)
{
	nav_find_missing(e, -1);
}

/* Whether hay holds needle (folded by text_fold), ignoring ASCII case. */
static int
nav_contains(const char *hay, const char *needle)
{
	char *h;
	int found;

	if (hay == NULL)
		return 0;
	h = text_fold(hay);
	found = strcasestr(h, needle) != NULL;
	free(h);
	return found;
}

/*
 * Go to the next field (after the current one, wrapping) whose text, item,
 * id or answer holds the last search, ignoring ASCII case, the width of
 * ASCII (ＩＳＭＳ finds ISMS) and of katakana (ｶﾞ finds ガ; text_fold);
 * says so when the search wrapped.
 */
void
editor_nav_search_next(struct editor *e)
{
	const struct form *form = nav_form(e);
	const struct form_field *f;
	const struct form_item *item;
	char *s;
	size_t n = form->nfields, i, k;

	if (e->nav.search == NULL || *e->nav.search == '\0')
		return;
	editor_edit_end(e);
	s = text_fold(e->nav.search);
	for (i = 1; i <= n; i++) {
		k = (e->nav.field + i) % n;
		f = &form->fields[k];
		item = &form->items[f->item];
		if (nav_contains(f->text, s) || nav_contains(item->name, s) ||
		    nav_contains(item->category, s) || nav_contains(f->id, s) ||
		    nav_contains(e->file.draft->answers[k], s)) {
			if (e->nav.field + i >= n)
				editor_message(e, 0, _("Search wrapped to the "
				    "start of the form."));
			editor_nav_goto(e, k);
			free(s);
			return;
		}
	}
	editor_message(e, 0, _("Not found: %s"), e->nav.search);
	free(s);
}

static void
nav_search(struct editor *e)
{
	editor_prompt(e, &prompt_search, "");
}

static void
nav_search_next(struct editor *e)
{
	if (e->nav.search == NULL)
		nav_search(e);
	else
		editor_nav_search_next(e);
}

static void
nav_jump(struct editor *e)
{
	editor_prompt(e, &prompt_jump, "");
}

const struct editor_cmd editor_nav_cmds[] = {
	{ KEYS_CMD_NEXT_FIELD, "next-field", N_("next field"), NULL,
	    nav_next_field, 0 },
	{ KEYS_CMD_PREVIOUS_FIELD, "previous-field", N_("previous field"),
	    NULL, nav_previous_field, 0 },
	{ KEYS_CMD_NEXT_ITEM, "next-item", N_("next item"), NULL,
	    nav_next_item, 0 },
	{ KEYS_CMD_PREVIOUS_ITEM, "previous-item", N_("previous item"), NULL,
	    nav_previous_item, 0 },
	{ KEYS_CMD_NEXT_SECTION, "next-section", N_("next section"), NULL,
	    nav_next_section, 0 },
	{ KEYS_CMD_PREVIOUS_SECTION, "previous-section",
	    N_("previous section"), NULL, nav_previous_section, 0 },
	{ KEYS_CMD_NEXT_PAGE, "next-page", N_("next page"), NULL,
	    nav_next_page, 0 },
	{ KEYS_CMD_PREVIOUS_PAGE, "previous-page", N_("previous page"), NULL,
	    nav_previous_page, 0 },
	{ KEYS_CMD_FIRST_FIELD, "first-field", N_("first field of the page"),
	    NULL, nav_first_field, 0 },
	{ KEYS_CMD_LAST_FIELD, "last-field", N_("last field of the page"),
	    NULL, nav_last_field, 0 },
	{ KEYS_CMD_JUMP, "jump", N_("go to an item or field number"), NULL,
	    nav_jump, 0 },
	{ KEYS_CMD_SEARCH, "search", N_("search descriptions and answers"),
	    N_("Search"), nav_search, 0 },
	{ KEYS_CMD_SEARCH_NEXT, "search-next", N_("search again"), NULL,
	    nav_search_next, 0 },
	{ KEYS_CMD_NEXT_MISSING, "next-missing",
	    N_("next missing, over-limit or to-renew field"), N_("Missing"),
	    nav_next_missing, 0 },
	{ KEYS_CMD_PREVIOUS_MISSING, "previous-missing",
	    N_("previous missing, over-limit or to-renew field"), NULL,
	    nav_previous_missing, 0 },
	{ .name = NULL }
};
