/*
 * cmd-set: kaiji set DRAFT ID VALUE | --file FILE | - — set one answer and
 * save the draft atomically (keeping a backup).  The answer is stored even
 * when a finding applies (as a paste would be); findings go to stderr.
 * kaiji set DRAFT ID --keep confirms an answer to renew unchanged.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "i18n.h"
#include "lock.h"
#include "validate.h"
#include "xalloc.h"

/* Read all of standard input (at most max bytes); NULL with a cause. */
static char *
cmd_set_stdin(size_t max, size_t *len, char **cause)
{
	char *buf = xmalloc(max + 1);
	size_t n;

	n = fread(buf, 1, max + 1, stdin);
	if (ferror(stdin) || n > max) {
		*cause = xstrdup(n > max ? _("standard input: too large") :
		    _("standard input: read error"));
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Print the findings about field (and its item's shared limit) on stderr. */
static void
cmd_set_report(const struct draft *d, const struct form_field *f)
{
	struct findings fs = { NULL, 0 };
	size_t i, count, halves, limit;
	char *text;
	int shared;

	validate_field(d, f->index, &fs);
	for (i = 0; i < fs.n; i++) {
		if (fs.v[i].kind == FINDING_OVER_LIMIT) {
			text = validate_limit_text(d->form, fs.v[i].count,
			    fs.v[i].halves, fs.v[i].limit);
			cmd_error(_("warning: %s: %s; stored anyway"), f->id,
			    text);
			free(text);
		} else if (fs.v[i].kind != FINDING_RENEW &&
		    fs.v[i].kind != FINDING_NOTE && fs.v[i].message != NULL)
			cmd_error(_("warning: %s: %s"), f->id,
			    fs.v[i].message);
	}
	validate_free(&fs);
	count = validate_count(d, f->index, (size_t)-1, 0, &limit, &shared);
	halves = validate_halves(d, f->index);
	if (shared && validate_over(d->form, count, halves, limit)) {
		text = validate_limit_text(d->form, count, halves, limit);
		cmd_error(_("warning: %s: item %u together %s; stored anyway"),
		    f->id, d->form->items[f->item].no, text);
		free(text);
	}
}

static int
cmd_set_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const struct form_field *f;
	const char *file = args->opt['f'], *path, *id;
	struct draft *d = NULL;
	struct lock *lk = NULL;
	char *value = NULL, *cause = NULL;
	size_t len;
	unsigned wait = 0;
	int keep = args->opt['k'] != NULL, rc = 2;

	/* the value is an operand unless --file gives it or --keep */
	if (keep && file != NULL)
		return cmd_error(_("set: --keep and --file exclude each other"));
	if (cmd_operands(&cmd_set_entry, args, file == NULL && !keep ? 3 : 2,
	    file == NULL && !keep ? 3 : 2) != 0)
		return 2;
	path = args->argv[0];
	id = args->argv[1];
	if (file == NULL && !keep && strcmp(args->argv[2], "-") == 0)
		file = "-";
	if (args->opt['w'] != NULL) {
		char *end;
		unsigned long secs = strtoul(args->opt['w'], &end, 10);

		if (*args->opt['w'] == '\0' || *end != '\0' || secs > 3600)
			return cmd_error(_("set: --wait takes a number of "
			    "seconds (at most 3600)"));
		wait = (unsigned)secs;
	}
	if (cmd_lock_wait(path, &lk, wait) != 0)
		return 2;
	if ((d = draft_load(path, ctx->formdir, &cause)) == NULL)
		goto out;
	if ((f = form_field(d->form, id)) == NULL) {
		cause = xasprintf(_("%s: no field '%s' in form %s %s"), path,
		    id, d->form->name, d->form->edition);
		goto out;
	}
	if (keep) {
		/* the answer stays as it is, confirmed for this round */
		draft_set_renew(d, f->index, NULL);
		rc = cmd_draft_write(d, path, CMD_DRAFT_UPDATE, lk);
		goto out;
	}
	if (file == NULL)
		value = xstrdup(args->argv[2]);
	else {
		if (strcmp(file, "-") == 0)
			value = cmd_set_stdin(DRAFT_MAX_SIZE, &len, &cause);
		else if (fileio_read(file, DRAFT_MAX_SIZE, &value, &len,
		    &cause) != 0)
			value = NULL;
		if (value == NULL)
			goto out;
		if (strlen(value) != len) {
			cause = xasprintf(_("%s: NUL byte in the answer"),
			    strcmp(file, "-") == 0 ? _("standard input") :
			    file);
			goto out;
		}
		/* one final line break ends the text; it is not part of it */
		if (len > 0 && value[len - 1] == '\n') {
			value[--len] = '\0';
			if (len > 0 && value[len - 1] == '\r')
				value[--len] = '\0';
		}
	}
	if (draft_set(d, f->index, value, &cause) != 0) {
		char *why = cause;

		cause = xasprintf("%s: %s", id, why);
		free(why);
		goto out;
	}
	cmd_set_report(d, f);
	rc = cmd_draft_write(d, path, CMD_DRAFT_UPDATE, lk);
out:
	if (cause != NULL) {
		cmd_fail(cause);
	}
	free(value);
	draft_free(d);
	lock_release(lk);
	return rc;
}

const struct cmd_entry cmd_set_entry = {
	.name = "set",
	.usage = N_("[--wait SECONDS] DRAFT ID VALUE | DRAFT ID --file FILE | "
	    "DRAFT ID - | DRAFT ID --keep"),
	.help = N_("Set the answer to field ID and save; '' clears it, '-' "
	    "reads standard input, --keep confirms it unchanged."),
	.options = (const struct cmd_option[]) {
		{ "file", 'f', CMD_VALUE },
		{ "keep", 'k', CMD_LONG },
		{ "wait", 'w', CMD_VALUE },
		{ NULL, 0, 0 }
	},
	.min = 2,
	.max = 3,
	.exec = cmd_set_exec,
};
