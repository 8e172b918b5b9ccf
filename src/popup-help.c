/*
 * popup-help: the current field's description, with its item, mark,
 * limit (and what counts against it now), choices, the formats its type
 * accepts (with an example) and why it is marked now.  F1 again shows
 * all keys.
 */
#include "config.h"


#include <stdlib.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "popup.h"
#include "strvec.h"
#include "xalloc.h"

static void
popup_help_text(const struct editor *e, struct strvec *lines)
{
	const struct form *form = e->file.draft->form;
	const struct form_field *f = &form->fields[e->nav.field];
	const struct form_item *item = &form->items[f->item];
	size_t count, limit, i;
	char *why;
	int shared;

	strvec_addf(lines, "%s  %s%s%s", f->id, item->category != NULL ?
	    item->category : "", item->category != NULL ? " / " : "",
	    item->name);
	strvec_add(lines, xstrdup(""));
	strvec_add(lines, xstrdup(f->text));
	strvec_add(lines, xstrdup(""));
	strvec_addf(lines, _("Mark: %s"), form_mark_label(f->mark));
	count = editor_edit_count(e, e->nav.field, &limit, &shared);
	if (limit != 0 && shared)
		strvec_addf(lines, _("Limit: %zu字 for item %u's fields "
		    "together (now %zu字)"), limit, item->no, count);
	else if (limit != 0)
		strvec_addf(lines, _("Limit: %zu字 (now %zu字)"), limit, count);
	for (i = 0; i < f->nchoices; i++)
		strvec_addf(lines, "%s %s", i == 0 ? _("Choices:") : "   ",
		    f->choices[i]);
	if (f->type->formats != NULL)
		strvec_addf(lines, _("Accepted: %s"), _(f->type->formats));
	if ((why = editor_edit_why(e, e->nav.field)) != NULL) {
		strvec_add(lines, xstrdup(""));
		strvec_addf(lines, _("Now: %s"), why);
		free(why);
	}
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
