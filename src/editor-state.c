/*
 * editor-state: the state of fields in the editor — answers to renew
 * (carried over from an earlier application, see draft.h) and notes.
 * "keep" confirms the current field's answer unchanged for this
 * application; "note" opens the note prompt (prompt_note) on the current
 * field's note.  Both change the draft as an edit does
 * (editor_file_changed), so they are saved and undone with the file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "editor.h"
#include "i18n.h"
#include "keys.h"
#include "prompt.h"
#include "xalloc.h"

/* c: the answer is right for this application as it is. */
static void
state_keep(struct editor *e)
{
	struct draft *d = e->file.draft;
	size_t f = e->nav.field;

	editor_edit_end(e);
	if (d->renew[f] == NULL) {
		editor_message(e, 0, _("This answer is not to renew."));
		return;
	}
	draft_set_renew(d, f, NULL);
	editor_file_changed(e);
	editor_message(e, 0, _("Confirmed unchanged for this application."));
}

/* N: the note prompt, with the note (its line breaks as spaces). */
static void
state_note(struct editor *e)
{
	const char *note = e->file.draft->notes[e->nav.field];
	char *text = xstrdup(note != NULL ? note : ""), *p;

	editor_edit_end(e);
	for (p = text; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	}
	editor_prompt(e, &prompt_note, text);
	free(text);
}

/*
 * Set the current field's note to text ("" removes it); the prompt's
 * accept.  Returns whether it changed.
 */
int
editor_state_set_note(struct editor *e, const char *text)
{
	struct draft *d = e->file.draft;
	size_t f = e->nav.field;
	const char *old = d->notes[f];
	char *cause;

	if (old == NULL ? *text == '\0' : strcmp(old, text) == 0)
		return 0;
	if (draft_set_note(d, f, text, &cause) != 0) {
		editor_message(e, 1, "%s", cause);
		free(cause);
		return 0;
	}
	editor_file_changed(e);
	return 1;
}

const struct editor_cmd editor_state_cmds[] = {
	{ KEYS_CMD_KEEP, "keep",
	    N_("confirm an answer to renew unchanged for this application"),
	    NULL, state_keep, EDITOR_CMD_WRITES },
	{ KEYS_CMD_NOTE, "note", N_("add, edit or remove the field's note"),
	    N_("Note"), state_note, EDITOR_CMD_WRITES },
	{ .name = NULL }
};
