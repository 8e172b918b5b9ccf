/*
 * cmd-import: kaiji import [--format published|csv] [--encoding ENC]
 * [--force] FILE -o DRAFT — make a draft from a certified service's
 * published disclosure text (see import.h) or from kaiji's own CSV (see
 * csv.h).  The notes (fields to fill in, cells not placed) go to stderr,
 * one per line, then a count line.  DRAFT is written (0600, atomically)
 * only when it does not exist, or with --force (keeping it as DRAFT~).
 * Exit status: 0 written (notes or not), 2 an error (nothing written).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cmd.h"
#include "csv.h"
#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "i18n.h"
#include "import.h"
#include "lock.h"
#include "strvec.h"
#include "xalloc.h"

/* The encoding name csv_import takes for a user's spelling, or NULL. */
static const char *
cmd_import_encoding(const char *name)
{
	static const char *const utf8[] = { "utf-8", "utf8", NULL };
	static const char *const cp932[] = {
		"cp932", "sjis", "shift_jis", "shift-jis", "windows-31j", NULL
	};
	size_t i;

	for (i = 0; utf8[i] != NULL; i++) {
		if (strcasecmp(name, utf8[i]) == 0)
			return "utf-8";
	}
	for (i = 0; cp932[i] != NULL; i++) {
		if (strcasecmp(name, cp932[i]) == 0)
			return "cp932";
	}
	return NULL;
}

static int
cmd_import_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "format", required_argument, NULL, 'F' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *format = NULL, *encoding = NULL, *path;
	enum import_kind kind = IMPORT_PUBLISHED;
	struct draft *d = NULL;
	struct lock *lk = NULL;
	struct stat sb;
	struct strvec notes = STRVEC_INIT;
	char *buf = NULL, *cause = NULL;
	size_t len, i, answered;
	int c, force = 0, rc = 2;

	while ((c = cmd_getopt(&cmd_import_entry, argc, argv, ":o:fh",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'f':
			force = 1;
			break;
		case 'F':
			format = optarg;
			break;
		case 'E':
			encoding = optarg;
			break;
		case 'h':
			return 0;
		default:
			return 2;
		}
	}
	if (cmd_operands(&cmd_import_entry, argc, argv, 1, 1) != 0)
		return 2;
	if (out == NULL) {
		cmd_error(_("import: which draft? Give -o DRAFT"));
		return cmd_usage(&cmd_import_entry);
	}
	path = argv[optind];
	if (format != NULL && strcmp(format, "published") != 0 &&
	    strcmp(format, "csv") != 0)
		return cmd_error(_("unknown format '%s' (published or csv)"),
		    format);
	if (encoding != NULL && cmd_import_encoding(encoding) == NULL)
		return cmd_error(_("unknown encoding '%s' (utf-8 or cp932)"),
		    encoding);
	if (encoding != NULL)
		encoding = cmd_import_encoding(encoding);
	if (!force && lstat(out, &sb) == 0)
		return cmd_error(_("%s: File exists (use --force to replace "
		    "it)"), out);
	if (fileio_read(path, IMPORT_MAX_SIZE, &buf, &len, &cause) != 0)
		goto out;
	if (format != NULL)
		kind = strcmp(format, "csv") == 0 ? IMPORT_CSV :
		    IMPORT_PUBLISHED;
	else
		kind = import_detect(buf, len);
	if (kind == IMPORT_CSV)
		d = csv_import(path, buf, len, encoding, ctx->formdir, &notes,
		    &cause);
	else if (encoding != NULL && strcmp(encoding, "utf-8") != 0) {
		cause = xasprintf(_("%s: a published disclosure is read as "
		    "UTF-8; --encoding is for CSV"), path);
		goto out;
	} else
		d = import_published(path, buf, len, ctx->formdir, NULL,
		    &notes, &cause);
	if (d == NULL)
		goto out;
	for (i = 0; i < notes.n; i++)
		cmd_error("%s", notes.v[i]);
	/* replacing a draft: not one an editor holds */
	if (force && lstat(out, &sb) == 0 && cmd_lock(out, &lk) != 0)
		goto out;
	if (draft_save(d, out, force ? FILEIO_BACKUP : FILEIO_EXCL,
	    &cause) != 0)
		goto out;
	for (answered = 0, i = 0; i < d->form->nfields; i++)
		answered += d->answers[i] != NULL;
	cmd_error(ngettext("%s: %zu of %zu fields answered (%s %s), %zu note",
	    "%s: %zu of %zu fields answered (%s %s), %zu notes", notes.n), out,
	    answered, d->form->nfields, d->form->name, d->form->edition,
	    notes.n);
	rc = 0;
out:
	if (cause != NULL) {
		cmd_fail(cause);
	}
	strvec_free(&notes);
	lock_release(lk);
	draft_free(d);
	free(buf);
	return rc;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = N_("[--format published|csv] [--encoding ENCODING] [--force] "
	    "FILE -o DRAFT"),
	.help = N_("Make a draft from a published disclosure or a kaiji CSV; "
	    "report what to fill in."),
	.exec = cmd_import_exec,
};
