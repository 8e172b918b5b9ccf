/*
 * prompt-jump: "Go to item or field: " — a field id ("30.2") or an item
 * number ("30", its first field), in ASCII or full-width ("３０．２").
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

static void
prompt_jump_accept(struct editor *e, char *typed)
{
	const struct form *form = e->file.draft->form;
	char *text = text_fold(typed), *end;
	const struct form_field *f = form_field(form, text);
	unsigned long no;

	if (f == NULL && strchr(text, '.') == NULL) {
		no = strtoul(text, &end, 10);
		if (*end == '\0' && end != text && no >= 1 &&
		    no <= form->nitems)
			f = &form->fields[form->items[no - 1].first];
	}
	if (f == NULL)
		editor_message(e, 1, _("No item or field '%s'."), typed);
	else
		editor_nav_goto(e, f->index);
	free(text);
	free(typed);
}

const struct prompt prompt_jump = {
	.name = "jump",
	.label = N_("Go to item or field: "),
	.accept = prompt_jump_accept,
};
