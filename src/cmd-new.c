/*
 * cmd-new: kaiji new [--form F] [--edition E] [--force] DRAFT — create an
 * empty draft (mode 0600); an existing file is replaced only with --force
 * (see cmd_draft_write).
 */
#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"

static int
cmd_new_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *name = args->opt['f'], *edition = args->opt['e'];
	const struct form *form;
	struct draft *d;
	char *cause;
	int rc;

	if (name == NULL)
		name = "asp-saas";
	if (edition == NULL)
		form = formdir_newest(ctx->formdir, name, &cause);
	else
		form = formdir_get(ctx->formdir, name, edition, &cause);
	if (form == NULL) {
		return cmd_fail(cause);
	}
	d = draft_new(form);
	rc = cmd_draft_write(d, args->argv[0], args->opt['F'] != NULL ?
	    CMD_DRAFT_FORCE : 0, NULL);
	draft_free(d);
	return rc;
}

const struct cmd_entry cmd_new_entry = {
	.name = "new",
	.usage = N_("[--form FORM] [--edition EDITION] [--force] DRAFT"),
	.help = N_("Create an empty draft (default: the newest edition)."),
	.options = (const struct cmd_option[]) {
		{ "form", 'f', CMD_VALUE },
		{ "edition", 'e', CMD_VALUE },
		{ "force", 'F', CMD_LONG },
		{ NULL, 0, 0 }
	},
	.min = 1,
	.max = 1,
	.exec = cmd_new_exec,
};
