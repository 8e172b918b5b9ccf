/*
 * cmd-summary: kaiji summary [--format text|yaml] DRAFT... — report the
 * completeness of each draft.  Exit status: 0 all complete and within
 * limits, 1 something missing or over, 2 a draft could not be read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "draft.h"
#include "i18n.h"
#include "summary.h"
#include "validate.h"

static int
cmd_summary_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *format = args->opt['f'], *path;
	struct summary_yaml *sy = NULL;
	struct findings fs;
	struct draft *d;
	char *cause;
	int yaml = 0, rc = 0, i, printed = 0;
	size_t k;

	if (format != NULL && strcmp(format, "yaml") == 0)
		yaml = 1;
	else if (format != NULL && strcmp(format, "text") != 0) {
		cmd_error(_("unknown format '%s' (use text or yaml)"), format);
		return 2;
	}
	/* checked after the format: a wrong option is said first */
	if (cmd_operands(&cmd_summary_entry, args, 1, -1) != 0)
		return 2;
	if (yaml)
		sy = summary_yaml_start(stdout);
	for (i = 0; i < args->argc; i++) {
		path = args->argv[i];
		if ((d = draft_load(path, ctx->formdir, &cause)) == NULL) {
			cmd_error("%s", cause);
			if (yaml)
				summary_yaml_add(sy, path, NULL, NULL, cause);
			free(cause);
			rc = 2;
			continue;
		}
		fs.v = NULL;
		fs.n = 0;
		validate_draft(d, &fs);
		for (k = 0; k < fs.n; k++) {
			if (validate_is_problem(&fs.v[k]) && rc == 0)
				rc = 1;
		}
		if (yaml)
			summary_yaml_add(sy, path, d, &fs, NULL);
		else {
			if (printed++)
				printf("\n");
			summary_text(stdout, path, d, &fs);
		}
		validate_free(&fs);
		draft_free(d);
	}
	if (yaml)
		summary_yaml_finish(sy);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cmd_error(_("error writing the summary"));
	return rc;
}

const struct cmd_entry cmd_summary_entry = {
	.name = "summary",
	.usage = N_("[--format text|yaml] DRAFT..."),
	.help = N_("Report what is answered, missing, over a limit or doubtful."),
	.options = (const struct cmd_option[]) {
		{ "format", 'f', CMD_VALUE },
		{ NULL, 0, 0 }
	},
	.min = 0,
	.max = -1,
	.exec = cmd_summary_exec,
};
