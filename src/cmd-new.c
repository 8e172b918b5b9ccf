/*
 * cmd-new: kaiji new [--form F] [--edition E] DRAFT — create an empty
 * draft (mode 0600), never overwriting a file.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "cmd.h"
#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"

static int
cmd_new_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "form", required_argument, NULL, 'f' },
		{ "edition", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *name = "asp-saas", *edition = NULL;
	const struct form *form;
	struct draft *d;
	char *cause;
	int c;

	while ((c = cmd_getopt(&cmd_new_entry, argc, argv, ":f:e:h",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			name = optarg;
			break;
		case 'e':
			edition = optarg;
			break;
		case 'h':
			return 0;
		default:
			return 2;
		}
	}
	if (cmd_operands(&cmd_new_entry, argc, argv, 1, 1) != 0)
		return 2;
	if (edition == NULL)
		form = formdir_newest(ctx->formdir, name, &cause);
	else
		form = formdir_get(ctx->formdir, name, edition, &cause);
	if (form == NULL) {
		return cmd_fail(cause);
	}
	d = draft_new(form);
	if (draft_save(d, argv[optind], FILEIO_EXCL, &cause) != 0) {
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
	.exec = cmd_new_exec,
};
