/*
 * cmd-export: kaiji export DRAFT --to text|markdown|csv|yaml|json|xlsx|html
 * [-o FILE] [--encoding utf-8|cp932] [--replace] [--quote-all] [--final]
 * [--notes] [--paged [--width N]] — write the draft out for printing,
 * review, spreadsheets or other programs (--paged: text to print, a form
 * page a sheet, wrapped to N columns, export-paged.c).
 *
 * The export goes to standard output, or with -o to FILE, replaced
 * atomically with mode 0600 (never the draft itself).  A draft with
 * problems (what makes kaiji summary exit 1) is exported all the same,
 * its problems listed on standard error; with --final nothing is written
 * and the exit status is 1.  When standard output is a terminal, control
 * characters in answers are made visible in text, markdown and csv (yaml
 * and json escape them always).  Exit status: 0 exported, 1 refused by
 * --final, 2 an error (nothing written).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "csv.h"
#include "draft.h"
#include "export.h"
#include "fileio.h"
#include "form.h"
#include "i18n.h"
#include "strvec.h"
#include "text.h"
#include "validate.h"
#include "xalloc.h"

/* Whether the paths name the same file (or the same string). */
static int
cmd_export_same(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return 1;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Print the draft's problems on stderr, one a line; return how many. */
static size_t
cmd_export_problems(const struct draft *d)
{
	const struct form *form = d->form;
	const struct form_field *f;
	const struct form_item *item;
	const struct finding *fi;
	struct findings fs = { NULL, 0 };
	char id[64], *detail;
	size_t i, n = 0;

	validate_draft(d, &fs);
	for (i = 0; i < fs.n; i++) {
		fi = &fs.v[i];
		if (!validate_is_problem(fi))
			continue;
		n++;
		f = &form->fields[fi->field];
		item = &form->items[f->item];
		if (fi->shared)
			snprintf(id, sizeof id, "%u.1-%u.%zu", item->no,
			    item->no, item->nfields);
		else
			snprintf(id, sizeof id, "%s", f->id);
		switch (fi->kind) {
		case FINDING_OVER_LIMIT:
			detail = validate_limit_text(form, fi->count,
			    fi->halves, fi->limit);
			break;
		case FINDING_NOT_CHOICE:
		case FINDING_FORMAT:
		case FINDING_RENEW:
		case FINDING_NOTE:
			detail = xstrdup(fi->message != NULL ? fi->message :
			    "");
			break;
		case FINDING_MISSING:
		case FINDING_MISSING_LEVEL:
		default:
			detail = xstrdup(f->text);
			break;
		}
		cmd_error("%s: %s: %s", id, validate_kind_name(fi->kind),
		    detail);
		free(detail);
	}
	validate_free(&fs);
	return n;
}

/* Write len bytes of buf to output, or standard output when NULL. */
static int
cmd_export_write(const char *output, const char *buf, size_t len)
{
	char *cause;

	if (output != NULL) {
		if (fileio_replace(output, buf, len, 0, &cause) != 0) {
			cmd_fail(cause);
			return -1;
		}
		return 0;
	}
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0 ||
	    ferror(stdout)) {
		cmd_error(_("error writing the export"));
		return -1;
	}
	return 0;
}

/*
 * Make the export in *out (*len bytes) safe for a terminal: every control
 * character but LF and tab shown (text_safe; CR LF as LF), from the form's
 * strings as from the answers.  Returns 0, or -1 after saying why for an
 * export that is not UTF-8 (CP932 is for files).
 */
static int
cmd_export_terminal(char **out, size_t *len)
{
	char *s = *out, *safe;
	size_t i, j;

	if (memchr(s, '\0', *len) != NULL || text_invalid(s, *len) != *len) {
		cmd_error(_("this export is not UTF-8 text for a terminal; give "
		    "-o FILE"));
		return -1;
	}
	for (i = j = 0; i < *len; i++) {
		if (s[i] != '\r' || i + 1 >= *len || s[i + 1] != '\n')
			s[j++] = s[i];
	}
	s[j] = '\0';
	safe = text_safe(s, 1);
	free(s);
	*out = safe;
	*len = strlen(safe);
	return 0;
}

/*
 * Check --paged and --width (the paged text export only, 40 to 1000
 * columns) into opts; 0, or 2 after saying what is wrong.
 */
static int
cmd_export_paged(const char *format, int paged, const char *width,
    struct export_opts *opts)
{
	char *end;
	unsigned long n;

	if (paged && strcmp(format, "text") != 0)
		return cmd_error(_("--paged applies only to --to text"));
	if (width != NULL && !paged)
		return cmd_error(_("--width applies only to --to text "
		    "--paged"));
	opts->paged = paged;
	if (width == NULL)
		return 0;
	n = strtoul(width, &end, 10);
	if (*width < '0' || *width > '9' || *end != '\0' ||
	    n < EXPORT_PAGED_MIN || n > EXPORT_PAGED_MAX)
		return cmd_error(_("--width %s: give a number of columns from "
		    "%d to %d"), width, EXPORT_PAGED_MIN, EXPORT_PAGED_MAX);
	opts->width = n;
	return 0;
}

static int
cmd_export_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct export_opts opts = { .replace = args->opt['r'] != NULL,
	    .notes = args->opt['n'] != NULL };
	const char *format = args->opt['t'], *output = args->opt['o'];
	const char *encoding = args->opt['e'], *path = args->argv[0];
	struct draft *d = NULL;
	struct strvec notes = STRVEC_INIT;
	char *out = NULL, *cause;
	size_t len, problems, i;
	int final = args->opt['F'] != NULL, rc = 2;

	if (output != NULL && strcmp(output, "-") == 0)
		output = NULL;
	if (format == NULL) {
		cmd_error(_("export: which format? Give --to text, markdown, "
		    "csv, yaml, json, xlsx or html"));
		return 2;
	}
	if (!export_known(format)) {
		cmd_error(_("unknown format '%s' (use text, markdown, csv, "
		    "yaml, json, xlsx or html)"), format);
		return 2;
	}
	if ((encoding != NULL || opts.replace || args->opt['q'] != NULL) &&
	    strcmp(format, "csv") != 0) {
		cmd_error(_("--encoding, --replace and --quote-all apply only "
		    "to --to csv"));
		return 2;
	}
	if (opts.notes && (strcmp(format, "csv") == 0 ||
	    strcmp(format, "xlsx") == 0 || strcmp(format, "html") == 0)) {
		cmd_error(_("--notes applies to text, markdown, yaml and json, "
		    "not to csv, xlsx or html"));
		return 2;
	}
	opts.quote_all = args->opt['q'] != NULL;
	if (cmd_export_paged(format, args->opt['p'] != NULL, args->opt['w'],
	    &opts) != 0)
		return 2;
	if (encoding != NULL && (opts.cp932 = csv_encoding(encoding)) == -1) {
		cmd_error(_("unknown encoding '%s' (use utf-8 or cp932)"),
		    encoding);
		return 2;
	}
	if (output != NULL && cmd_export_same(output, path)) {
		cmd_error(_("%s: will not write the export over the draft"),
		    output);
		return 2;
	}
	if ((d = draft_load(path, ctx->formdir, &cause)) == NULL) {
		return cmd_fail(cause);
	}
	if ((problems = cmd_export_problems(d)) > 0) {
		if (final) {
			cmd_error(ngettext("%s: %zu problem; --final exports "
			    "only a complete draft, nothing written",
			    "%s: %zu problems; --final exports only a complete "
			    "draft, nothing written", problems), path,
			    problems);
			rc = 1;
			goto out;
		}
		cmd_error(ngettext("warning: %s: %zu problem (above); "
		    "exported anyway", "warning: %s: %zu problems (above); "
		    "exported anyway", problems), path, problems);
	}
	opts.safe = output == NULL && isatty(STDOUT_FILENO);
	if (opts.safe && strcmp(format, "xlsx") == 0) {
		cmd_error(_("a workbook is not for a terminal; give -o "
		    "FILE.xlsx"));
		goto out;
	}
	if (export_draft(d, format, &opts, &out, &len, &notes, &cause) != 0) {
		cmd_fail(cause);
		if (opts.cp932 && !opts.replace)
			cmd_error(_("nothing written; --replace writes 〓 for "
			    "each character CP932 cannot hold"));
		goto out;
	}
	for (i = 0; i < notes.n; i++)
		cmd_error(_("warning: %s"), notes.v[i]);
	if (opts.safe && cmd_export_terminal(&out, &len) != 0)
		goto out;
	if (cmd_export_write(output, out, len) == 0)
		rc = 0;
out:
	strvec_free(&notes);
	free(out);
	draft_free(d);
	return rc;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = N_("DRAFT --to text|markdown|csv|yaml|json|xlsx|html [-o FILE] "
	    "[--encoding utf-8|cp932] [--replace] [--quote-all] [--final] "
	    "[--notes] [--paged [--width N]]"),
	.help = N_("Write the draft out as the printed pages (text or "
	    "a page to print from a browser), CSV or a workbook for "
	    "spreadsheets, YAML or JSON."),
	.options = (const struct cmd_option[]) {
		{ "to", 't', CMD_VALUE },
		{ "output", 'o', CMD_VALUE },
		{ "encoding", 'e', CMD_VALUE },
		{ "replace", 'r', CMD_LONG },
		{ "quote-all", 'q', CMD_LONG },
		{ "final", 'F', CMD_LONG },
		{ "notes", 'n', CMD_LONG },
		{ "paged", 'p', CMD_LONG },
		{ "width", 'w', CMD_VALUE | CMD_LONG },
		{ NULL, 0, 0 }
	},
	.min = 1,
	.max = 1,
	.exec = cmd_export_exec,
};
