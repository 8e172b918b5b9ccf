/*
 * cmd-note: kaiji note DRAFT ID TEXT — attach a note to a field ("財務に
 * 確認中"), for whoever fills it in; '' removes it.  Notes are kept in the
 * draft (its "fields" state), listed by summary as open notes and left
 * out of exports unless asked for.  kaiji note DRAFT ID prints the note.
 * The draft is written by the rule of cmd_draft_write, under its lock.
 * Exit status: 0 done, 1 (printing) the field has no note, 2 an error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "lock.h"
#include "text.h"
#include "xalloc.h"

static int
cmd_note_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *path = args->argv[0], *id = args->argv[1];
	const struct form_field *f;
	struct draft *d = NULL;
	struct lock *lk = NULL;
	char *cause = NULL, *why, *safe;
	int rc = 2;

	if (args->argc == 3 && cmd_lock(path, &lk) != 0)
		return 2;
	if ((d = draft_load(path, ctx->formdir, &cause)) == NULL)
		goto out;
	if ((f = form_field(d->form, id)) == NULL) {
		cause = xasprintf(_("%s: no field '%s' in form %s %s"), path,
		    id, d->form->name, d->form->edition);
		goto out;
	}
	if (args->argc == 2) {
		if (d->notes[f->index] == NULL) {
			rc = 1;
			goto out;
		}
		safe = text_safe(d->notes[f->index], 1);
		printf("%s\n", safe);
		free(safe);
		rc = 0;
		goto out;
	}
	if (draft_set_note(d, f->index, args->argv[2], &cause) != 0) {
		why = cause;
		cause = xasprintf("%s: %s", id, why);
		free(why);
		goto out;
	}
	rc = cmd_draft_write(d, path, CMD_DRAFT_UPDATE, lk);
out:
	if (cause != NULL)
		cmd_fail(cause);
	draft_free(d);
	lock_release(lk);
	return rc;
}

const struct cmd_entry cmd_note_entry = {
	.name = "note",
	.usage = N_("DRAFT ID [TEXT]"),
	.help = N_("Attach a note to field ID for whoever fills it in ('' "
	    "removes it); without TEXT, print it."),
	.min = 2,
	.max = 3,
	.exec = cmd_note_exec,
};
