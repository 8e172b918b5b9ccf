/*
 * cmd-summary: kaiji summary [--format text|yaml] DRAFT... — report the
 * completeness of each draft.  Exit status: 0 all complete and within
 * limits, 1 something missing or over, 2 a draft could not be read.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "draft.h"
#include "i18n.h"
#include "summary.h"
#include "validate.h"

static int
cmd_summary_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct summary_yaml *sy = NULL;
	struct findings fs;
	struct draft *d;
	char *cause;
	int c, yaml = 0, rc = 0, i, printed = 0;
	size_t k;

	while ((c = cmd_getopt(&cmd_summary_entry, argc, argv, ":f:h",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "yaml") == 0)
				yaml = 1;
			else if (strcmp(optarg, "text") != 0) {
				cmd_error(_("unknown format '%s' (use text "
				    "or yaml)"), optarg);
				return 2;
			}
			break;
		case 'h':
			return 0;
		default:
			return 2;
		}
	}
	if (cmd_operands(&cmd_summary_entry, argc, argv, 1, INT_MAX) != 0)
		return 2;
	if (yaml)
		sy = summary_yaml_start(stdout);
	for (i = optind; i < argc; i++) {
		if ((d = draft_load(argv[i], ctx->formdir, &cause)) == NULL) {
			cmd_error("%s", cause);
			if (yaml)
				summary_yaml_add(sy, argv[i], NULL, NULL,
				    cause);
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
			summary_yaml_add(sy, argv[i], d, &fs, NULL);
		else {
			if (printed++)
				printf("\n");
			summary_text(stdout, argv[i], d, &fs);
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
	.exec = cmd_summary_exec,
};
