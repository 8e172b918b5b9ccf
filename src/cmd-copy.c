/*
 * cmd-copy: kaiji copy [--force] FROM TO RANGES — copy the answers of the
 * items and fields RANGES names (see form_select: "2-26", "5,30.1") from
 * one draft (or anything kaiji reads, of any edition) into an existing
 * draft, by field id; and cmd_copy_fields, which kaiji new --from shares.
 *
 * An answer TO already has, different from FROM's, is newer work on TO
 * (kaiji keeps no time per answer): it is kept and reported, unless
 * --force replaces it.  TO is read and written under its lock, by the rule
 * of cmd_draft_write (atomically, keeping TO~).  The report, one line per
 * field copied, kept or without a field in TO's edition and a count line,
 * goes to standard output once TO is written.
 * Exit status: 0 all copied, 1 some answers kept, 2 an error (TO as it
 * was).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "lock.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

static void
cmd_copy_line(FILE *fp, const struct form *form, const struct form_field *f,
    const char *what)
{
	char *name = text_safe(form->items[f->item].name, 0);

	fprintf(fp, "  %-6s %s: %s\n", f->id, name, what);
	free(name);
}

/*
 * Copy the answers of the fields sel marks (by from's form) into to, by
 * field id; an answer to has, different from from's, only with force.
 * The report (see the top) goes to fp.  Returns how many were kept, and
 * how many copied in *ncopied.
 */
size_t
cmd_copy_fields(const struct draft *from, struct draft *to,
    const unsigned char *sel, int force, FILE *fp, size_t *ncopied)
{
	const struct form_field *f, *g;
	size_t i, copied = 0, same = 0, kept = 0, none = 0;
	char *cause;

	for (i = 0; i < from->form->nfields; i++) {
		f = &from->form->fields[i];
		if (!sel[i] || from->answers[i] == NULL)
			continue;
		if ((g = form_field(to->form, f->id)) == NULL ||
		    strcmp(g->id, f->id) != 0) {
			cmd_copy_line(fp, from->form, f, _("no such field in "
			    "this edition, not copied"));
			none++;
			continue;
		}
		if (to->answers[g->index] != NULL &&
		    strcmp(to->answers[g->index], from->answers[i]) == 0) {
			same++;
			continue;
		}
		if (to->answers[g->index] != NULL && !force) {
			cmd_copy_line(fp, to->form, g, _("kept: it has its own "
			    "answer (--force replaces it)"));
			kept++;
			continue;
		}
		if (draft_set(to, g->index, from->answers[i], &cause) != 0)
			free(cause);	/* a loaded answer is UTF-8 */
		cmd_copy_line(fp, to->form, g, _("copied"));
		copied++;
	}
	fprintf(fp, _("%zu copied, %zu the same already, %zu kept, %zu without "
	    "a field\n"), copied, same, kept, none);
	*ncopied = copied;
	return kept;
}

static int
cmd_copy_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *src = args->argv[0], *path = args->argv[1];
	struct draft *from = NULL, *to = NULL;
	struct strvec notes = STRVEC_INIT;
	struct lock *lk = NULL;
	unsigned char *sel = NULL;
	char *cause = NULL, *report = NULL;
	size_t rsize, kept, copied;
	FILE *rp;
	int rc = 2;

	if (cmd_lock(path, &lk) != 0)
		return 2;
	if ((to = draft_load(path, ctx->formdir, &cause)) == NULL ||
	    (from = cmd_import_read(ctx, src, NULL, NULL, &notes,
	    &cause)) == NULL)
		goto out;
	if (strcmp(from->form->name, to->form->name) != 0) {
		cause = xasprintf(_("%s and %s answer different forms (%s, "
		    "%s)"), src, path, from->form->name, to->form->name);
		goto out;
	}
	if ((sel = form_select(from->form, args->argv[2], &cause)) == NULL)
		goto out;
	rp = xmemstream(&report, &rsize);
	kept = cmd_copy_fields(from, to, sel, args->opt['f'] != NULL, rp,
	    &copied);
	xmemclose(rp);
	/* nothing copied: nothing to write */
	if (copied == 0 || (rc = cmd_draft_write(to, path, CMD_DRAFT_UPDATE,
	    lk)) == 0) {
		fputs(report, stdout);
		rc = kept > 0;
	}
out:
	if (cause != NULL)
		cmd_fail(cause);
	free(report);
	free(sel);
	strvec_free(&notes);
	draft_free(from);
	draft_free(to);
	lock_release(lk);
	return rc;
}

const struct cmd_entry cmd_copy_entry = {
	.name = "copy",
	.usage = N_("[--force] FROM TO RANGES"),
	.help = N_("Copy the answers of items (2-26) or fields (30.1) from one "
	    "draft into another; --force over its own answers."),
	.options = (const struct cmd_option[]) {
		{ "force", 'f', 0 },
		{ NULL, 0, 0 }
	},
	.min = 3,
	.max = 3,
	.exec = cmd_copy_exec,
};
