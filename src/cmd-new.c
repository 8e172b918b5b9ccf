/*
 * cmd-new: kaiji new [--form F] [--edition E] DRAFT — create an empty
 * draft (mode 0600), never overwriting a file.
 */
#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "draft.h"
#include "fileio.h"
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
	if (draft_save(d, args->argv[0], FILEIO_EXCL, &cause) != 0) {
		cmd_fail(cause);
		draft_free(d);
		return 2;
	}
	draft_free(d);
	return 0;
}

const struct cmd_entry cmd_new_entry = {
	.name = "new",
	.usage = N_("[--form FORM] [--edition EDITION] DRAFT"),
	.help = N_("Create an empty draft (default: the newest edition)."),
	.options = (const struct cmd_option[]) {
		{ "form", 'f', CMD_VALUE },
		{ "edition", 'e', CMD_VALUE },
		{ NULL, 0, 0 }
	},
	.min = 1,
	.max = 1,
	.exec = cmd_new_exec,
};
