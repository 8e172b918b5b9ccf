/*
 * prompt-save-as: "Save as (Enter: save, Esc: cancel): " — the file to
 * save the answers to and edit from then on; in restricted mode, a name
 * in its drafts directory.
 */
#include "config.h"

#include <stdlib.h>

#include "confine.h"
#include "editor.h"
#include "i18n.h"
#include "prompt.h"

static void
prompt_save_as_accept(struct editor *e, char *text)
{
	char *target, *cause;

	if ((target = confine_path(text, &cause)) == NULL) {
		editor_message(e, 1, _("Not saved: %s"), cause);
		free(cause);
	} else
		editor_file_save_as(e, target, 0);
	free(target);
	free(text);
}

const struct prompt prompt_save_as = {
	.name = "save-as",
	.label = N_("Save as (Enter: save, Esc: cancel): "),
	.accept = prompt_save_as_accept,
};
