/*
 * main: the command line front.  "kaiji COMMAND ..." runs a scripting
 * command; "kaiji [DRAFT]" is the interactive editor.
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "confine.h"
#include "editor.h"
#include "formdir.h"
#include "i18n.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

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
	    "  -h, --help        show this help and exit\n"
	    "  -V, --version     show the version and exit\n"
	    "  -r, --restricted  edit only drafts in one directory, by name\n"
	    "                    (also when run as rkaiji); no commands\n"
	    "                    but ask (rkaiji ask NAME [ID]...)\n"
	    "  -d, --dir=DIR     the drafts directory of --restricted\n"
	    "      --ambiguous-width=auto|1|2\n"
	    "                    columns of East Asian Ambiguous characters\n"
	    "                    (○ ■ ※ ①) in the terminal; auto asks it\n"
	    "                    (also $KAIJI_AMBIGUOUS_WIDTH)\n"
	    "      --frame=auto|line|ascii\n"
	    "                    boxes and marks with line drawing, or ASCII\n"
	    "                    only (also $KAIJI_FRAME)\n\n"
	    "Exit status: 0 success, 1 an incomplete draft (summary), "
	    "2 an error.\n"
	    "Forms are read from $KAIJI_FORMS_DIR if set.\n"
	    "See kaiji(1) and kaiji-forms(5).\n"));
}

/*
 * Messages from the catalogue in $KAIJI_LOCALEDIR (tests), else the build
 * tree's (po/locale, made by make) when the program runs uninstalled from
 * it, else the installed one; as UTF-8 whatever the locale's character set.
 */
static void
main_textdomain(const char *argv0)
{
#ifdef ENABLE_NLS
	const char *localedir = getenv("KAIJI_LOCALEDIR");

	if (localedir == NULL || *localedir == '\0')
		localedir = formdir_uninstalled(argv0) ?
		    KAIJI_BUILDDIR "/po/locale" : LOCALEDIR;
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)argv0;
#endif
}

/* How the terminal is drawn: --ambiguous-width and --frame. */
enum { MAIN_AUTO, MAIN_NARROW, MAIN_WIDE };
enum { MAIN_FRAME_AUTO, MAIN_FRAME_LINE, MAIN_FRAME_ASCII };
static const char *const main_widths[] = { "auto", "1", "2", NULL };
static const char *const main_frames[] = { "auto", "line", "ascii", NULL };

/*
 * The index of value in names (NULL-terminated); an unset or empty value
 * is 0 (auto).  -1, with a message naming what (an option or variable),
 * for any other value.
 */
static int
main_choice(const char *what, const char *value, const char *const *names)
{
	int i;

	if (value == NULL || *value == '\0')
		return 0;
	for (i = 0; names[i] != NULL; i++) {
		if (strcmp(value, names[i]) == 0)
			return i;
	}
	cmd_error(_("%s: '%s' is not one of %s, %s, %s"), what, value,
	    names[0], names[1], names[2]);
	return -1;
}

/*
 * Set up the width of ambiguous characters and the frame: width and frame
 * as given (auto: the terminal is asked, and a terminal that draws them
 * wide gets boxes in ASCII, since line drawing is ambiguous too).
 */
static void
main_terminal(int width, int frame)
{
	int cols = width == MAIN_WIDE ? 2 : width == MAIN_NARROW ? 1 :
	    view_probe_ambiguous(500);

	text_set_ambiguous(cols == 2 ? 2 : 1);
	view_draw_ascii(frame == MAIN_FRAME_AUTO && text_ambiguous_width() == 2,
	    frame == MAIN_FRAME_ASCII);
}

/* The interactive editor on path (or the start screen). */
static int
main_editor(const char *argv0, const char *path, int width, int frame)
{
	const char *term = getenv("TERM");
	struct editor *e;
	struct formdir *fd;
	char *dir, *cause;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		if (confine_dir() != NULL)
			cmd_error(_("the editor needs a terminal (with ssh, "
			    "use ssh -t)"));
		else
			cmd_error(_("the editor needs a terminal; without one, "
			    "use 'kaiji ask DRAFT' to answer line by line, or "
			    "'kaiji summary DRAFT', 'kaiji get' and 'kaiji "
			    "set'"));
		return 2;
	}
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		/* restricted mode runs no command: recommend none */
		if (confine_dir() != NULL)
			cmd_error(_("the editor cannot work with TERM='%s'; set "
			    "TERM to your terminal's type (e.g. "
			    "xterm-256color)"), term != NULL ? term : "");
		else
			cmd_error(_("the editor cannot work with TERM='%s'; "
			    "use 'kaiji ask DRAFT' to answer line by line, "
			    "without a full screen"), term != NULL ? term :
			    "");
		return 2;
	}
	/* curses needs a UTF-8 character type to show Japanese */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
		cmd_error(_("no UTF-8 locale; set LANG, e.g. LANG=C.UTF-8"));
		return 2;
	}
	main_terminal(width, frame);
	dir = formdir_default(argv0);
	fd = formdir_open(dir);
	free(dir);
	e = editor_new(fd);
	if (path != NULL) {
		if (editor_open(e, path, &cause) != 0) {
			cmd_fail(cause);
			editor_free(e);
			formdir_free(fd);
			return 2;
		}
	} else
		editor_start(e);
	rc = view_run(e);
	editor_free(e);
	formdir_free(fd);
	return rc;
}

/*
 * Whether argv0 names the restricted program: rkaiji, or -rkaiji as a
 * login shell.
 */
static int
main_is_restricted(const char *argv0)
{
	const char *base = strrchr(argv0, '/');

	base = base != NULL ? base + 1 : argv0;
	if (*base == '-')
		base++;
	return strcmp(base, "rkaiji") == 0;
}

/*
 * Restricted mode: drafts only by name in drafts_dir (or the default
 * drafts directory), the editor only.
 */
static int
main_restricted(const char *argv0, const char *drafts_dir, const char *name,
    int width, int frame)
{
	char *dir, *cause, *path = NULL;
	int rc;

	dir = drafts_dir != NULL ? xstrdup(drafts_dir) : editor_drafts_dir();
	rc = confine_start(dir, &cause);
	free(dir);
	if (rc != 0)
		return cmd_fail(cause);
	if (name != NULL && (path = confine_path(name, &cause)) == NULL)
		return cmd_fail(cause);
	rc = main_editor(argv0, path, width, frame);
	free(path);
	return rc;
}

/* Run command ce (argv[0] is its name) with the forms argv0 finds. */
static int
main_command(const struct cmd_entry *ce, const char *argv0, int argc,
    char **argv)
{
	struct cmd_ctx ctx;
	char *dir;
	int rc;

	dir = formdir_default(argv0);
	ctx.argv0 = argv0;
	ctx.formdir = formdir_open(dir);
	free(dir);
	rc = cmd_run(ce, &ctx, argc, argv);
	formdir_free(ctx.formdir);
	if (fflush(stdout) != 0 && rc == 0)
		rc = cmd_error(_("error writing output"));
	return rc;
}

/*
 * Restricted mode's one command, the line mode (kaiji ask): on a draft
 * named in drafts_dir (or the default drafts directory), as the editor.
 */
static int
main_restricted_ask(const char *argv0, const char *drafts_dir, int argc,
    char **argv)
{
	char *dir, *cause;
	int rc;

	dir = drafts_dir != NULL ? xstrdup(drafts_dir) : editor_drafts_dir();
	rc = confine_start(dir, &cause);
	free(dir);
	if (rc != 0)
		return cmd_fail(cause);
	return main_command(&cmd_ask_entry, argv0, argc, argv);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "restricted", no_argument, NULL, 'r' },
		{ "dir", required_argument, NULL, 'd' },
		{ "ambiguous-width", required_argument, NULL, 'A' },
		{ "frame", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry *ce;
	const char *drafts_dir = NULL;
	int c, restricted = main_is_restricted(argv[0]), width, frame;

	/* a file size limit (ulimit -f) makes writes fail with EFBIG */
	signal(SIGXFSZ, SIG_IGN);
	setlocale(LC_ALL, "");
	main_textdomain(argv[0]);
	width = main_choice("KAIJI_AMBIGUOUS_WIDTH",
	    getenv("KAIJI_AMBIGUOUS_WIDTH"), main_widths);
	frame = main_choice("KAIJI_FRAME", getenv("KAIJI_FRAME"), main_frames);
	if (width < 0 || frame < 0)
		return 2;
	/* commands measure ambiguous characters as the variable says */
	text_set_ambiguous(width == MAIN_WIDE ? 2 : 1);

	if (!restricted && argc > 1 && (ce = cmd_find(argv[1])) != NULL)
		return main_command(ce, argv[0], argc - 1, argv + 1);

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hVrd:c", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			main_help();
			return 0;
		case 'V':
			printf("kaiji %s\n", PACKAGE_VERSION);
			return 0;
		case 'r':
			restricted = 1;
			break;
		case 'd':
			drafts_dir = optarg;
			break;
		case 'A':
			if ((width = main_choice("--ambiguous-width", optarg,
			    main_widths)) < 0)
				return 2;
			break;
		case 'F':
			if ((frame = main_choice("--frame", optarg,
			    main_frames)) < 0)
				return 2;
			break;
		case 'c':
			/* a restricted login shell asked to run a command */
			if (restricted) {
				cmd_error(_("restricted: commands cannot be "
				    "run here, only the editor"));
				return 2;
			}
			/* FALLTHROUGH */
		default:
			cmd_error(_("unknown option '%s'"), argv[optind - 1]);
			fprintf(stderr, _("Try 'kaiji --help' for more "
			    "information.\n"));
			return 2;
		}
	}
	if (drafts_dir != NULL && !restricted) {
		cmd_error(_("--dir is for --restricted"));
		return 2;
	}
	if (restricted && argc > optind &&
	    cmd_find(argv[optind]) == &cmd_ask_entry)
		return main_restricted_ask(argv[0], drafts_dir, argc - optind,
		    argv + optind);
	if (restricted && argc > optind && cmd_find(argv[optind]) != NULL) {
		cmd_error(_("restricted: commands cannot be run here, only "
		    "the editor and 'ask'"));
		return 2;
	}
	if (restricted && argc - optind <= 1)
		return main_restricted(argv[0], drafts_dir,
		    argc > optind ? argv[optind] : NULL, width, frame);
	if (argc - optind > 1) {
		cmd_error(_("unknown command '%s'"), argv[optind]);
		fprintf(stderr, _("Try 'kaiji --help' for more information.\n"));
		return 2;
	}
	return main_editor(argv[0], argc > optind ? argv[optind] : NULL, width,
	    frame);
}
