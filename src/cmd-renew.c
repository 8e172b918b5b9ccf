/*
 * cmd-renew: kaiji renew [--format published|csv|xlsx|html|export]
 * [--encoding ENCODING]
 * [--force] OLD -o NEW — start the application that renews a
 * certification from the previous one, in one step: read OLD (a kaiji
 * draft, kaiji's CSV or the published disclosure; see cmd_import_read),
 * carry its answers over to the newest edition of its form by field id,
 * and mark the fields the form marks to renew as carried over from OLD's
 * edition, so that the editor and summary ask for each until it is
 * changed or confirmed unchanged.  NEW is written by the rule of
 * cmd_draft_write.  Answers the newest edition has no field for stop the
 * renewal, unless --force drops them.
 * Exit status: 0 written, 2 an error (nothing written).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "strvec.h"
#include "xalloc.h"

static int
cmd_renew_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *out = args->opt['o'], *path = args->argv[0];
	const struct form *to;
	struct draft *old = NULL, *new = NULL;
	struct strvec notes = STRVEC_INIT, lost = STRVEC_INIT;
	char *cause = NULL, *from = NULL;
	size_t i, marked;
	int force = args->opt['f'] != NULL, rc = 2;

	if (out == NULL) {
		cmd_error(_("renew: which draft? Give -o NEW"));
		return cmd_usage(&cmd_renew_entry);
	}
	if (cmd_import_check(args->opt['F'], args->opt['E']) != 0 ||
	    cmd_draft_write(NULL, out, force ? CMD_DRAFT_FORCE : 0, NULL) != 0)
		return 2;
	if ((old = cmd_import_read(ctx, path, args->opt['F'], args->opt['E'],
	    &notes, &cause)) == NULL)
		goto out;
	if ((to = formdir_newest(ctx->formdir, old->form->name, &cause)) ==
	    NULL)
		goto out;
	new = draft_migrate(old, to, &lost);
	if (lost.n > 0 && !force) {
		for (i = 0; i < lost.n; i++)
			cmd_error(_("%s: no field %s in edition %s"), path,
			    lost.v[i], to->edition);
		cause = xasprintf(ngettext("%zu answer has no field in edition "
		    "%s; nothing written (use --force to drop it)",
		    "%zu answers have no field in edition %s; nothing written "
		    "(use --force to drop them)", lost.n), lost.n,
		    to->edition);
		goto out;
	}
	from = xasprintf("%s %s", old->form->name, old->form->edition);
	marked = draft_mark_renew(new, from);
	if ((rc = cmd_draft_write(new, out, force ? CMD_DRAFT_FORCE : 0,
	    NULL)) != 0)
		goto out;
	for (i = 0; i < notes.n; i++)
		cmd_error("%s", notes.v[i]);
	printf(_("%s: %s → %s %s, %zu answers to renew (change, or confirm "
	    "with 'kaiji set %s ID --keep')\n"), out, from, to->name,
	    to->edition, marked, out);
out:
	if (cause != NULL)
		cmd_fail(cause);
	free(from);
	strvec_free(&lost);
	strvec_free(&notes);
	draft_free(new);
	draft_free(old);
	return rc;
}

const struct cmd_entry cmd_renew_entry = {
	.name = "renew",
	.usage = N_("[--format published|csv|xlsx|html|export] "
	    "[--encoding ENCODING] [--force] "
	    "OLD -o NEW"),
	.help = N_("Start a renewal: read the last application, move it to the "
	    "newest edition, mark what to renew."),
	.options = (const struct cmd_option[]) {
		{ "output", 'o', CMD_VALUE },
		{ "force", 'f', 0 },
		{ "format", 'F', CMD_VALUE | CMD_LONG },
		{ "encoding", 'E', CMD_VALUE | CMD_LONG },
		{ NULL, 0, 0 }
	},
	.min = 1,
	.max = 1,
	.exec = cmd_renew_exec,
};
