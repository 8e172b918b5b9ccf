/*
 * cmd-merge: kaiji merge [--force] BASE MINE THEIRS -o OUT, or kaiji merge
 * --git BASE MINE THEIRS — a three-way merge, field by field, of two
 * copies of one draft edited apart (sent by mail, or on two branches)
 * from their common ancestor BASE.
 *
 * For each field, of the answer, the note and the to-renew state alike: a
 * change on one side only is taken; the same change on both is taken
 * once; different changes are a conflict.  A conflicting answer is kept
 * in OUT as BASE's, with a note holding both versions (after the field's
 * own note), and is listed on standard output with both texts.  The
 * drafts are of one form; BASE and THEIRS are read into MINE's edition by
 * field id (an answer with no field there is an error).
 *
 * OUT is written by the rule of cmd_draft_write.  With --git, the result
 * replaces MINE without a backup, as git's merge driver does
 * (.gitattributes "*.yaml merge=kaiji", git config merge.kaiji.driver
 * "kaiji merge --git %O %A %B"); git keeps the versions itself.
 * Exit status: 0 merged, 1 merged with conflicts, 2 an error (nothing
 * written).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

/* Whether two texts (NULL: none) are the same. */
static int
cmd_merge_same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/*
 * The three-way merge of one text: the side that changed, or *conflict
 * set (and base returned) when both changed it differently.
 */
static const char *
cmd_merge_one(const char *base, const char *mine, const char *theirs,
    int *conflict)
{
	if (cmd_merge_same(mine, theirs) || cmd_merge_same(base, theirs))
		return mine;
	if (cmd_merge_same(base, mine))
		return theirs;
	*conflict = 1;
	return base;
}

/* Print text under a heading, its lines indented (terminal-safe). */
static void
cmd_merge_show(const char *heading, const char *text)
{
	char *safe = text_safe(text != NULL ? text : _("(no answer)"), 1);
	const char *p = safe, *nl;

	printf("  %s\n", heading);
	do {
		nl = strchr(p, '\n');
		printf("    %.*s\n", nl != NULL ? (int)(nl - p) :
		    (int)strlen(p), p);
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL && *p != '\0');
	free(safe);
}

/* Read path as a draft of form (by field id); NULL with a cause. */
static struct draft *
cmd_merge_load(struct cmd_ctx *ctx, const char *path,
    const struct form *form, char **cause)
{
	struct strvec lost = STRVEC_INIT;
	struct draft *d, *m;

	if ((d = draft_load(path, ctx->formdir, cause)) == NULL)
		return NULL;
	if (form == NULL || d->form == form)
		return d;
	if (strcmp(d->form->name, form->name) != 0) {
		*cause = xasprintf(_("%s answers form %s, not %s"), path,
		    d->form->name, form->name);
		draft_free(d);
		return NULL;
	}
	m = draft_migrate(d, form, &lost);
	draft_free(d);
	if (lost.n > 0) {
		*cause = xasprintf(_("%s: field %s has no place in edition %s"),
		    path, lost.v[0], form->edition);
		draft_free(m);
		m = NULL;
	}
	strvec_free(&lost);
	return m;
}

static int
cmd_merge_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *bpath = args->argv[0], *mpath = args->argv[1];
	const char *tpath = args->argv[2], *out = args->opt['o'];
	const char *a, *note, *renew;
	struct draft *base = NULL, *mine = NULL, *theirs = NULL, *res = NULL;
	const struct form *form;
	char *cause = NULL, *both, *name;
	size_t i, nconf = 0, taken = 0;
	int git = args->opt['g'] != NULL, flags = 0, conflict, cn, cr;
	int rc = 2;

	if (git && out != NULL)
		return cmd_error(_("merge: --git writes MINE; no -o"));
	if (!git && out == NULL) {
		cmd_error(_("merge: where to? Give -o OUT (or --git)"));
		return cmd_usage(&cmd_merge_entry);
	}
	if (git) {
		out = mpath;
		flags = CMD_DRAFT_FORCE | CMD_DRAFT_NO_BACKUP;
	} else if (args->opt['f'] != NULL)
		flags = CMD_DRAFT_FORCE;
	if (cmd_draft_write(NULL, out, flags, NULL) != 0)
		return 2;
	if ((mine = cmd_merge_load(ctx, mpath, NULL, &cause)) == NULL)
		goto out;
	form = mine->form;
	if ((base = cmd_merge_load(ctx, bpath, form, &cause)) == NULL ||
	    (theirs = cmd_merge_load(ctx, tpath, form, &cause)) == NULL)
		goto out;
	res = draft_new(form);
	for (i = 0; i < form->nfields; i++) {
		conflict = cn = cr = 0;
		a = cmd_merge_one(base->answers[i], mine->answers[i],
		    theirs->answers[i], &conflict);
		note = cmd_merge_one(base->notes[i], mine->notes[i],
		    theirs->notes[i], &cn);
		renew = cmd_merge_one(base->renew[i], mine->renew[i],
		    theirs->renew[i], &cr);
		/* to renew while either side says so; both notes kept */
		if (cr || conflict)
			renew = mine->renew[i] != NULL ? mine->renew[i] :
			    theirs->renew[i];
		res->answers[i] = a != NULL ? xstrdup(a) : NULL;
		res->renew[i] = renew != NULL ? xstrdup(renew) : NULL;
		if (cn)
			res->notes[i] = xasprintf("%s%s%s",
			    mine->notes[i] != NULL ? mine->notes[i] : "",
			    mine->notes[i] != NULL && theirs->notes[i] != NULL ?
			    "\n" : "", theirs->notes[i] != NULL ?
			    theirs->notes[i] : "");
		else
			res->notes[i] = note != NULL ? xstrdup(note) : NULL;
		if (!conflict) {
			taken += !cmd_merge_same(a, base->answers[i]);
			continue;
		}
		nconf++;
		both = xasprintf(_("%s%sMerge conflict (kaiji merge): the answer "
		    "is still the base's.\n--- mine (%s):\n%s\n--- theirs "
		    "(%s):\n%s"), res->notes[i] != NULL ? res->notes[i] : "",
		    res->notes[i] != NULL ? "\n" : "", mpath,
		    mine->answers[i] != NULL ? mine->answers[i] :
		    _("(no answer)"), tpath, theirs->answers[i] != NULL ?
		    theirs->answers[i] : _("(no answer)"));
		free(res->notes[i]);
		res->notes[i] = both;
		name = text_safe(form->items[form->fields[i].item].name, 0);
		printf(_("%s %s: conflict\n"), form->fields[i].id, name);
		free(name);
		cmd_merge_show(_("mine:"), mine->answers[i]);
		cmd_merge_show(_("theirs:"), theirs->answers[i]);
	}
	if ((rc = cmd_draft_write(res, out, flags, NULL)) != 0)
		goto out;
	printf(_("%s: %zu answers taken from one side or both, %zu in "
	    "conflict\n"), out, taken, nconf);
	rc = nconf > 0;
out:
	if (cause != NULL)
		cmd_fail(cause);
	draft_free(res);
	draft_free(theirs);
	draft_free(mine);
	draft_free(base);
	return rc;
}

const struct cmd_entry cmd_merge_entry = {
	.name = "merge",
	.usage = N_("[--force] BASE MINE THEIRS -o OUT | --git BASE MINE "
	    "THEIRS"),
	.help = N_("Merge two copies of a draft edited apart, field by field; "
	    "conflicts are listed and kept as notes."),
	.options = (const struct cmd_option[]) {
		{ "output", 'o', CMD_VALUE },
		{ "force", 'f', 0 },
		{ "git", 'g', CMD_LONG },
		{ NULL, 0, 0 }
	},
	.min = 3,
	.max = 3,
	.exec = cmd_merge_exec,
};
