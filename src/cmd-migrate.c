/*
 * cmd-migrate: kaiji migrate DRAFT --edition E [-o FILE] [--force] — move
 * a draft to another edition of its form, carrying every answer over by
 * field id, and report what changed and what needs attention: answers the
 * new edition has no field for, fields whose wording changed, and fields
 * the form marks to be renewed each round (the disclosure date, figures of
 * the last fiscal year).  The answers of those fields are marked in the
 * draft as to renew (draft_mark_renew), until changed or confirmed.  The report is printed once the draft is written
 * (or when answers would be lost, to say which); a failed write prints
 * only the error.  --force both drops the answers the new edition has no
 * field for and lets -o replace an existing file (see cmd_draft_write).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "lock.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

static void
cmd_migrate_line(FILE *fp, const char *id, const char *name,
    const char *what)
{
	char *safe = text_safe(name, 0), *safe_what = text_safe(what, 0);

	fprintf(fp, "  %-6s %s: %s\n", id, safe, safe_what);
	free(safe_what);
	free(safe);
}

static int
cmd_migrate_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *edition = args->opt['e'], *out = args->opt['o'];
	const char *path = args->argv[0];
	const struct form *from, *to;
	const struct form_field *f, *g;
	struct draft *old = NULL, *new = NULL;
	struct lock *lk = NULL;
	char *cause = NULL, *report = NULL;
	size_t i, carried = 0, lost = 0, reworded = 0, renew = 0, rsize = 0;
	struct strvec lost_ids = STRVEC_INIT;
	char *from_name = NULL;
	FILE *rp = NULL;
	int force = args->opt['f'] != NULL, rc = 2;

	if (out == NULL ? cmd_lock(path, &lk) != 0 : cmd_draft_write(NULL,
	    out, force ? CMD_DRAFT_FORCE : 0, NULL) != 0)
		return 2;
	if ((old = draft_load(path, ctx->formdir, &cause)) == NULL)
		goto out;
	from = old->form;
	if (edition == NULL)
		to = formdir_newest(ctx->formdir, from->name, &cause);
	else
		to = formdir_get(ctx->formdir, from->name, edition, &cause);
	if (to == NULL)
		goto out;
	if (to == from) {
		cause = xasprintf(_("%s is already edition %s"), path,
		    to->edition);
		goto out;
	}
	new = draft_migrate(old, to, &lost_ids);
	rp = xmemstream(&report, &rsize);
	fprintf(rp, _("%s: %s %s → %s\n"), path, from->name, from->edition,
	    to->edition);

	/* answers without a field in the new edition */
	for (i = 0; i < lost_ids.n; i++) {
		f = form_field(from, lost_ids.v[i]);
		if (i == 0)
			fprintf(rp, _("Answers with no field in edition %s "
			    "(not carried over):\n"), to->edition);
		cmd_migrate_line(rp, f->id, from->items[f->item].name,
		    old->answers[f->index]);
	}
	lost = lost_ids.n;
	for (i = 0; i < from->nfields; i++)
		carried += old->answers[i] != NULL;
	carried -= lost;
	from_name = xasprintf("%s %s", from->name, from->edition);
	draft_mark_renew(new, from_name);
	for (i = 0; i < to->nfields; i++) {
		g = &to->fields[i];
		f = form_field(from, g->id);
		if (f != NULL && strcmp(f->text, g->text) == 0 &&
		    strcmp(from->items[f->item].name, to->items[g->item].name) ==
		    0)
			continue;
		if (reworded++ == 0)
			fprintf(rp, _("Fields that are new or worded "
			    "differently in edition %s (check the answers):\n"),
			    to->edition);
		cmd_migrate_line(rp, g->id, to->items[g->item].name, g->text);
	}
	for (i = 0; i < to->nfields; i++) {
		g = &to->fields[i];
		if (!g->renew)
			continue;
		if (renew++ == 0)
			fprintf(rp, _("To renew for this application:\n"));
		cmd_migrate_line(rp, g->id, to->items[g->item].name, g->text);
	}
	fprintf(rp, _("%zu answers carried over, %zu not carried over, %zu "
	    "fields to check, %zu to renew.\n"), carried, lost, reworded,
	    renew);
	xmemclose(rp);
	rp = NULL;
	if (lost > 0 && !force) {
		fputs(report, stdout);
		cause = xasprintf(ngettext("%zu answer has no field in edition "
		    "%s; nothing written (use --force to drop it)",
		    "%zu answers have no field in edition %s; nothing written "
		    "(use --force to drop them)", lost), lost, to->edition);
		goto out;
	}
	if (out == NULL)
		rc = cmd_draft_write(new, path, CMD_DRAFT_UPDATE, lk);
	else
		rc = cmd_draft_write(new, out, force ? CMD_DRAFT_FORCE : 0,
		    NULL);
	if (rc == 0)
		fputs(report, stdout);
out:
	if (rp != NULL)
		xmemclose(rp);
	free(report);
	free(from_name);
	strvec_free(&lost_ids);
	if (cause != NULL) {
		cmd_fail(cause);
	}
	draft_free(new);
	draft_free(old);
	lock_release(lk);
	return rc;
}

const struct cmd_entry cmd_migrate_entry = {
	.name = "migrate",
	.usage = N_("DRAFT [--edition EDITION] [-o FILE] [--force]"),
	.help = N_("Move a draft to another edition (default: the newest) and "
	    "report what to check and renew."),
	.options = (const struct cmd_option[]) {
		{ "edition", 'e', CMD_VALUE },
		{ "output", 'o', CMD_VALUE },
		{ "force", 'f', 0 },
		{ NULL, 0, 0 }
	},
	.min = 1,
	.max = 1,
	.exec = cmd_migrate_exec,
};
