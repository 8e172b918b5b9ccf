/*
 * prompt-new: "Name of the new draft: " — on the start screen, after an
 * edition was chosen: the file name of the new draft in the drafts
 * directory, offered as draft-YYYYMMDD-HHMMSS.yaml.
 */
#include "config.h"

#include <stdlib.h>

#include "editor.h"
#include "i18n.h"
#include "prompt.h"

static void
prompt_new_accept(struct editor *e, char *text)
{
	editor_start_new(e, text);
	free(text);
}

const struct prompt prompt_new = {
	.name = "new",
	.label = N_("Name of the new draft (Enter: create, Esc: back): "),
	.accept = prompt_new_accept,
};
