/*
 * main: the command line front.  "kaiji COMMAND ..." runs a scripting
 * command; "kaiji [DRAFT]" is the interactive editor.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "formdir.h"
#include "i18n.h"

#include <getopt.h>

static void
main_help(void)
{
	printf(_("Usage: kaiji [DRAFT]\n"
	    "       kaiji COMMAND [ARGUMENT]...\n"
	    "Fill in the ASP・SaaS 安全・信頼性に係る情報開示認定制度 "
	    "application in a terminal.\n\n"));
	printf(_("Commands:\n"));
	cmd_list(stdout);
	printf(_("\nOptions:\n"
	    "  -h, --help     show this help and exit\n"
	    "  -V, --version  show the version and exit\n\n"
	    "Exit status: 0 success, 1 an incomplete draft (summary), "
	    "2 an error.\n"
	    "Forms are read from $KAIJI_FORMS_DIR if set.\n"
	    "See kaiji(1) and kaiji-forms(5).\n"));
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry *ce;
	struct cmd_ctx ctx;
	const char *localedir;
	char *dir;
	int c, rc;

	setlocale(LC_ALL, "");
	localedir = getenv("KAIJI_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir != NULL && *localedir != '\0' ?
	    localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);

	if (argc > 1 && (ce = cmd_find(argv[1])) != NULL) {
		dir = formdir_default(argv[0]);
		ctx.argv0 = argv[0];
		ctx.formdir = formdir_open(dir);
		free(dir);
		optind = 0;
		rc = ce->exec(&ctx, argc - 1, argv + 1);
		formdir_free(ctx.formdir);
		if (fflush(stdout) != 0 && rc == 0)
			rc = cmd_error(_("error writing output"));
		return rc;
	}

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			main_help();
			return 0;
		case 'V':
			printf("kaiji %s\n", PACKAGE_VERSION);
			return 0;
		default:
			cmd_error(_("unknown option '%s'"), argv[optind - 1]);
			fprintf(stderr, _("Try 'kaiji --help' for more "
			    "information.\n"));
			return 2;
		}
	}
	if (argc - optind > 1) {
		cmd_error(_("unknown command '%s'"), argv[optind]);
		fprintf(stderr, _("Try 'kaiji --help' for more information.\n"));
		return 2;
	}
	return cmd_error(_("the interactive editor is not available in this "
	    "version; use 'kaiji new', 'kaiji set' and 'kaiji summary'"));
}
