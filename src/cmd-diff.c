/*
 * cmd-diff: kaiji diff OLD NEW — what was added, removed or changed,
 * field by field, between two drafts of the same form (of the same or
 * different editions: fields are matched by id).  Exit status as diff(1):
 * 0 no differences, 1 differences, 2 trouble.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* Print text with prefix on every line (terminal-safe when on a tty). */
static void
cmd_diff_text(const char *prefix, const char *text)
{
	char *safe = isatty(STDOUT_FILENO) ? text_safe(text, 1) : NULL;
	const char *p = safe != NULL ? safe : text, *nl;

	do {
		nl = strchr(p, '\n');
		printf("%s%.*s\n", prefix, nl != NULL ? (int)(nl - p) :
		    (int)strlen(p), p);
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL && *p != '\0');
	free(safe);
}

static int
cmd_diff_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *old = args->argv[0], *new = args->argv[1];
	struct draft *a = NULL, *b = NULL;
	const struct form_field *f, *g;
	const char *va, *vb;
	char *cause = NULL, *name;
	size_t i, added = 0, removed = 0, changed = 0;
	int rc = 2;

	if ((a = draft_load(old, ctx->formdir, &cause)) == NULL ||
	    (b = draft_load(new, ctx->formdir, &cause)) == NULL)
		goto out;
	if (strcmp(a->form->name, b->form->name) != 0) {
		cause = xasprintf(_("%s and %s answer different forms (%s, "
		    "%s)"), old, new, a->form->name, b->form->name);
		goto out;
	}
	printf("--- %s (%s %s)\n+++ %s (%s %s)\n", old, a->form->name,
	    a->form->edition, new, b->form->name, b->form->edition);
	/* in the new draft's form order, then fields only the old one has */
	for (i = 0; i < b->form->nfields; i++) {
		g = &b->form->fields[i];
		f = form_field(a->form, g->id);
		va = f != NULL ? a->answers[f->index] : NULL;
		vb = b->answers[i];
		if ((va == NULL && vb == NULL) || (va != NULL && vb != NULL &&
		    strcmp(va, vb) == 0))
			continue;
		name = text_safe(b->form->items[g->item].name, 0);
		if (va == NULL) {
			printf(_("%s %s: added\n"), g->id, name);
			added++;
		} else if (vb == NULL) {
			printf(_("%s %s: removed\n"), g->id, name);
			removed++;
		} else {
			printf(_("%s %s: changed\n"), g->id, name);
			changed++;
		}
		free(name);
		if (va != NULL)
			cmd_diff_text("  - ", va);
		if (vb != NULL)
			cmd_diff_text("  + ", vb);
	}
	for (i = 0; i < a->form->nfields; i++) {
		f = &a->form->fields[i];
		if (a->answers[i] == NULL || form_field(b->form, f->id) != NULL)
			continue;
		name = text_safe(a->form->items[f->item].name, 0);
		printf(_("%s %s: removed (no such field in edition %s)\n"),
		    f->id, name, b->form->edition);
		free(name);
		cmd_diff_text("  - ", a->answers[i]);
		removed++;
	}
	printf(_("%zu added, %zu removed, %zu changed\n"), added, removed,
	    changed);
	rc = added + removed + changed > 0;
out:
	if (cause != NULL) {
		cmd_fail(cause);
	}
	draft_free(a);
	draft_free(b);
	return rc;
}

const struct cmd_entry cmd_diff_entry = {
	.name = "diff",
	.usage = N_("OLD NEW"),
	.help = N_("Show, field by field, what was added, removed or changed "
	    "between two drafts."),
	.min = 2,
	.max = 2,
	.exec = cmd_diff_exec,
};
