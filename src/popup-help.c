/*
 * popup-help: the current field's description, with its item, mark,
 * limit (and what counts against it now) and choices.  F1 again shows
 * all keys.
 */
#include "config.h"

#include <stdlib.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "i18n.h"
#include "popup.h"
#include "xalloc.h"

static char **
popup_help_text(const struct editor *e, size_t *n)
{
	const struct form *form = e->file.draft->form;
	const struct form_field *f = &form->fields[e->nav.field];
	const struct form_item *item = &form->items[f->item];
	char **lines = xreallocarray(NULL, 6 + f->nchoices, sizeof *lines);
	size_t count, limit, i, k = 0;
	int shared;

	lines[k++] = xasprintf("%s  %s%s%s", f->id, item->category != NULL ?
	    item->category : "", item->category != NULL ? " / " : "",
	    item->name);
	lines[k++] = xstrdup("");
	lines[k++] = xstrdup(f->text);
	lines[k++] = xstrdup("");
	lines[k++] = xasprintf(_("Mark: %s"), form_mark_label(f->mark));
	count = editor_edit_count(e, e->nav.field, &limit, &shared);
	if (limit != 0 && shared)
		lines[k++] = xasprintf(_("Limit: %zu字 for item %u's fields "
		    "together (now %zu字)"), limit, item->no, count);
	else if (limit != 0)
		lines[k++] = xasprintf(_("Limit: %zu字 (now %zu字)"), limit,
		    count);
	for (i = 0; i < f->nchoices; i++)
		lines[k++] = xasprintf("%s %s", i == 0 ? _("Choices:") : "   ",
		    f->choices[i]);
	*n = k;
	return lines;
}

static void
popup_help_accept(struct editor *e)
{
	e->ui.popup = NULL;
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

static void
popup_help_help(struct editor *e)
{
	e->ui.popup = NULL;
	editor_list_keys(e);
}

const struct popup popup_help = {
	.name = "help",
	.list = 0,
	.text = popup_help_text,
	.accept = popup_help_accept,
	.help = popup_help_help,
};
