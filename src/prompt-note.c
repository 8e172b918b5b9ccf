/*
 * prompt-note: "Note (empty: none): " — the current field's note for
 * whoever fills it in (see editor-state.c).
 */
#include "config.h"

#include <stdlib.h>

#include "editor.h"
#include "i18n.h"
#include "prompt.h"

static void
prompt_note_accept(struct editor *e, char *text)
{
	if (editor_state_set_note(e, text))
		editor_message(e, 0, *text == '\0' ? _("Note removed.") :
		    _("Note kept in the draft."));
	free(text);
}

const struct prompt prompt_note = {
	.name = "note",
	.label = N_("Note (empty: none): "),
	.accept = prompt_note_accept,
};
