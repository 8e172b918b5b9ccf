/*
 * popup-choices: the answers a field offers, the current one selected.
 * Choosing one sets the answer and saves it; for a type whose answers are
 * a choice and a detail (ftype's compose hook: yes/no), there is also an
 * entry to write the answer freely, and choosing goes on to edit the
 * detail.  F1 shows the field's description instead.
 *
 * Entries carry the answer in value; the entry to write freely has none.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "popup.h"
#include "strvec.h"
#include "xalloc.h"

/* Open the choices of the current field. */
void
popup_choices_open(struct editor *e)
{
	const struct form_field *f = &e->file.draft->form->fields[e->nav.field];
	const char *a = e->file.draft->answers[e->nav.field];
	struct editor_entry *en;
	size_t i;

	editor_list_clear(e);
	for (i = 0; i < f->nchoices; i++) {
		en = editor_list_add(e, e->nav.field, 0,
		    xstrdup(f->choices[i]));
		en->value = xstrdup(f->choices[i]);
		if (a != NULL && strncmp(a, f->choices[i],
		    strlen(f->choices[i])) == 0)
			e->list.sel = i;
	}
	if (f->type->compose != NULL)
		editor_list_add(e, e->nav.field, 0,
		    xstrdup(_("Write the answer freely")));
	editor_popup(e, &popup_choices);
}

static void
popup_choices_text(const struct editor *e, struct strvec *lines)
{
	strvec_addf(lines, _("Answer for %s"),
	    e->file.draft->form->fields[e->nav.field].id);
	strvec_add(lines, xstrdup(""));
}

/* Set the current field from the entry chosen. */
static void
popup_choices_accept(struct editor *e)
{
	const struct form_field *f = &e->file.draft->form->fields[e->nav.field];
	char *value, *text, *why, *before;

	if (e->list.sel >= e->list.n)
		return;
	value = e->list.v[e->list.sel].value;
	value = value != NULL ? xstrdup(value) : NULL;
	e->ui.popup = NULL;
	e->ui.redraw |= EDITOR_REDRAW_ALL;
	editor_list_clear(e);
	if (f->type->compose != NULL) {
		text = f->type->compose(f, value,
		    e->file.draft->answers[e->nav.field]);
		editor_edit_begin(e, text);
		editor_file_changed(e);
		free(text);
		if (value != NULL)
			editor_message(e, 0, _("%s chosen: a detail may follow "
			    "(Esc to finish)."), value);
	} else if (value != NULL) {
		before = e->file.draft->answers[e->nav.field];
		before = before != NULL ? xstrdup(before) : NULL;
		if (draft_set(e->file.draft, e->nav.field, value, &why) != 0)
			free(why);
		editor_edit_record(e, e->nav.field, before);
		free(before);
		editor_file_changed(e);
		editor_file_save(e);
	}
	free(value);
}

/* F1: the description of the field whose answer is being chosen. */
static void
popup_choices_help(struct editor *e)
{
	editor_list_clear(e);
	editor_popup(e, &popup_help);
}

const struct popup popup_choices = {
	.name = "choices",
	.list = 1,
	.text = popup_choices_text,
	.accept = popup_choices_accept,
	.help = popup_choices_help,
};
