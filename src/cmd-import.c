/*
 * cmd-import: kaiji import [--format published|csv|xlsx|html|export]
 * [--encoding ENC] [--force] FILE -o DRAFT — make a draft from a certified
 * service's published disclosure text (see import.h), from ASPIC's web page
 * of the service (import-aspic.c), from kaiji's own CSV (see csv.h), from a
 * workbook (import-xlsx.c) or from kaiji's YAML or JSON export
 * (import-tree.c).  A UTF-16 file with its byte order mark (Excel's
 * "Unicode テキスト") is read as the same text in UTF-8; a file no reader
 * can use gets a message saying what it appears to be (import-sniff.c).
 * The notes (fields to fill in, cells not placed) go to stderr,
 * one per line, then a count line, once DRAFT is written (0600,
 * atomically, by the rule of cmd_draft_write: only when it does not exist,
 * or with --force, keeping it as DRAFT~).
 * With --renew, the fields the form marks to renew are marked so in the
 * draft (an earlier application imported to renew it).
 * Exit status: 0 written (notes or not), 2 an error (nothing written).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "csv.h"
#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "formats.h"
#include "i18n.h"
#include "import.h"
#include "strvec.h"
#include "xalloc.h"

/*
 * Read the file at path as a draft by any reader kaiji has: a kaiji draft,
 * kaiji's CSV, kaiji's workbook, ASPIC's page of a service or a published
 * disclosure (format: NULL to tell them by the contents, "published",
 * "csv", "xlsx" or "html").  The readers' notes are added to notes.
 * Returns a draft the caller frees, or NULL with a cause.
 */
struct draft *
cmd_import_read(struct cmd_ctx *ctx, const char *path, const char *format,
    const char *encoding, struct strvec *notes, char **cause)
{
	struct draft *d = NULL;
	const struct formats *f;
	enum import_kind kind;
	char *buf, *text, *why;
	size_t len, skip;

	if (fileio_read(path, IMPORT_MAX_SIZE, &buf, &len, cause) != 0)
		return NULL;
	if (import_utf16_bom(buf, len) != 0) {
		if (encoding != NULL) {
			*cause = xasprintf(_("%s: a UTF-16 file (its byte "
			    "order mark says so); leave out --encoding"),
			    path);
			free(buf);
			return NULL;
		}
		text = import_utf16(path, buf, len, &len, cause);
		free(buf);
		if ((buf = text) == NULL)
			return NULL;
	}
	skip = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	if (format == NULL && len - skip >= 12 &&
	    memcmp(buf + skip, "kaiji-draft:", 12) == 0) {
		d = draft_parse(path, buf, len, ctx->formdir, cause);
		free(buf);
		return d;
	}
	if (format != NULL)
		kind = strcmp(format, "csv") == 0 ? IMPORT_CSV :
		    strcmp(format, "xlsx") == 0 ? IMPORT_XLSX :
		    strcmp(format, "html") == 0 ? IMPORT_ASPIC :
		    strcmp(format, "export") == 0 ? IMPORT_TREE :
		    IMPORT_PUBLISHED;
	else
		kind = import_detect(buf, len);
	if (encoding != NULL && (kind == IMPORT_XLSX || kind == IMPORT_TREE))
		*cause = xasprintf(_("%s: a workbook or a kaiji export holds "
		    "its own encoding; --encoding is for CSV"), path);
	else if (kind == IMPORT_XLSX)
		d = (f = formats_get(cause)) == NULL ? NULL :
		    f->import_xlsx(path, buf, len, ctx->formdir, notes, cause);
	else if (kind == IMPORT_ASPIC && encoding != NULL)
		*cause = xasprintf(_("%s: a web page is read as UTF-8; "
		    "--encoding is for CSV"), path);
	else if (kind == IMPORT_ASPIC)
		d = (f = formats_get(cause)) == NULL ? NULL :
		    f->import_aspic(path, buf, len, ctx->formdir, NULL, notes,
		    cause);
	else if (kind == IMPORT_TREE)
		d = import_tree(path, buf, len, ctx->formdir, notes, cause);
	else if (kind == IMPORT_CSV)
		d = csv_import(path, buf, len, encoding, ctx->formdir, notes,
		    cause);
	else if (encoding != NULL && csv_encoding(encoding) == 1)
		*cause = xasprintf(_("%s: a published disclosure is read as "
		    "UTF-8; --encoding is for CSV"), path);
	else
		d = import_published(path, buf, len, ctx->formdir, NULL,
		    notes, cause);
	if (d == NULL && (why = import_sniff(path, buf, len, kind)) != NULL) {
		free(*cause);
		*cause = why;
	}
	free(buf);
	return d;
}

/* Check --format and --encoding; 0, or 2 after saying what is wrong. */
int
cmd_import_check(const char *format, const char *encoding)
{
	if (format != NULL && strcmp(format, "published") != 0 &&
	    strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0 &&
	    strcmp(format, "html") != 0 && strcmp(format, "export") != 0)
		return cmd_error(_("unknown format '%s' (published, csv, xlsx, "
		    "html or export)"), format);
	if (encoding != NULL && csv_encoding(encoding) == -1)
		return cmd_error(_("unknown encoding '%s' (utf-8 or cp932)"),
		    encoding);
	return 0;
}

static int
cmd_import_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *out = args->opt['o'], *format = args->opt['F'];
	const char *encoding = args->opt['E'], *path = args->argv[0];
	struct draft *d = NULL;
	struct strvec notes = STRVEC_INIT;
	char *cause = NULL, *from;
	size_t i, answered;
	int force = args->opt['f'] != NULL, rc = 2;

	if (out == NULL) {
		cmd_error(_("import: which draft? Give -o DRAFT"));
		return cmd_usage(&cmd_import_entry);
	}
	if (cmd_import_check(format, encoding) != 0)
		return 2;
	if (cmd_draft_write(NULL, out, force ? CMD_DRAFT_FORCE : 0, NULL) != 0)
		return 2;
	if ((d = cmd_import_read(ctx, path, format, encoding,
	    &notes, &cause)) == NULL)
		goto out;
	if (args->opt['r'] != NULL) {
		from = xasprintf("%s %s", d->form->name, d->form->edition);
		draft_mark_renew(d, from);
		free(from);
	}
	if ((rc = cmd_draft_write(d, out, force ? CMD_DRAFT_FORCE : 0,
	    NULL)) != 0)
		goto out;
	for (i = 0; i < notes.n; i++)
		cmd_error("%s", notes.v[i]);
	for (answered = 0, i = 0; i < d->form->nfields; i++)
		answered += d->answers[i] != NULL;
	cmd_error(ngettext("%s: %zu of %zu fields answered (%s %s), %zu note",
	    "%s: %zu of %zu fields answered (%s %s), %zu notes", notes.n), out,
	    answered, d->form->nfields, d->form->name, d->form->edition,
	    notes.n);
out:
	if (cause != NULL) {
		cmd_fail(cause);
	}
	strvec_free(&notes);
	draft_free(d);
	return rc;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = N_("[--format published|csv|xlsx|html|export] "
	    "[--encoding ENCODING] [--renew] [--force] FILE -o DRAFT"),
	.help = N_("Make a draft from a published disclosure, ASPIC's page of "
	    "a service, a kaiji CSV, a workbook or kaiji's YAML or JSON "
	    "export; report what to fill in."),
	.options = (const struct cmd_option[]) {
		{ "output", 'o', CMD_VALUE },
		{ "force", 'f', 0 },
		{ "format", 'F', CMD_VALUE | CMD_LONG },
		{ "encoding", 'E', CMD_VALUE | CMD_LONG },
		{ "renew", 'r', CMD_LONG },
		{ NULL, 0, 0 }
	},
	.min = 1,
	.max = 1,
	.exec = cmd_import_exec,
};
