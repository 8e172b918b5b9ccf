/*
 * cmd-diff: kaiji diff [-w] [--whole] [--context N] [--format text|yaml]
 * [--color WHEN] OLD NEW — what was added, removed or changed, field by
 * field, between two drafts of the same form (of the same or different
 * editions: fields are matched by id).
 *
 * A changed answer is shown by what changed inside it, character by
 * character (see chardiff.h), with the unchanged text around each change
 * cut to --context characters (default CMD_DIFF_CONTEXT) on either side
 * (an answer less than half of which is unchanged is shown whole):
 * one line per change, removed text as [-...-] and added text as {+...+},
 * or in red and green instead on a terminal (--color auto, the default;
 * always; never).  Line breaks inside an answer show as ↵.  -w ignores
 * whitespace and line breaks (answers that differ only in them are the
 * same); --whole shows the whole old and new answers, as "  - " and
 * "  + " lines.  --format yaml gives the same for programs: every field
 * that differs with both answers and, for a changed one, its edits (at:
 * the code point offset in the old answer, removed, added).
 *
 * Text from drafts goes through text_safe.  Exit status as diff(1): 0 no
 * differences, 1 differences, 2 trouble.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chardiff.h"
#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"
#include "yemit.h"

#define CMD_DIFF_CONTEXT	15	/* characters of context by default */

struct cmd_diff {
	int		 flags;		/* CHARDIFF_SPACE */
	int		 whole;
	int		 colour;
	size_t		 context;
	struct yemit	*y;		/* --format yaml */
	size_t		 added, removed, changed;
};

/* Print text with prefix on every line (terminal-safe). */
static void
cmd_diff_text(const struct cmd_diff *cd, const char *prefix, const char *text,
    const char *colour)
{
	char *safe = text_safe(text, 1);
	const char *p = safe, *nl;

	do {
		nl = strchr(p, '\n');
		printf("%s%s%.*s%s\n", prefix, cd->colour ? colour : "",
		    nl != NULL ? (int)(nl - p) : (int)strlen(p), p,
		    cd->colour ? "\033[m" : "");
		p = nl != NULL ? nl + 1 : NULL;
	} while (p != NULL && *p != '\0');
	free(safe);
}

/* Bytes of the first k code points of s (len bytes), at most len. */
static size_t
cmd_diff_head(const char *s, size_t len, size_t k)
{
	size_t i = 0;

	while (i < len && k > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		k--;
	}
	return i;
}

/* Bytes from where the last k code points of s (len bytes) start. */
static size_t
cmd_diff_tail(const char *s, size_t len, size_t k)
{
	size_t i = len;

	while (i > 0 && k > 0) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
		k--;
	}
	return i;
}

/* Print len bytes of s, line breaks as ↵, terminal-safe. */
static void
cmd_diff_span(const char *s, size_t len)
{
	char *copy = xmalloc(len + 1), *safe, *p;

	memcpy(copy, s, len);
	copy[len] = '\0';
	safe = text_safe(copy, 1);
	for (p = safe; *p != '\0'; p++) {
		if (*p == '\n')
			fputs("↵", stdout);
		else
			putchar(*p);
	}
	free(safe);
	free(copy);
}

/* An unchanged stretch: first or last (or both), cut to the context. */
static void
cmd_diff_same(const struct cmd_diff *cd, const char *s, size_t len,
    int first, int last)
{
	size_t c = cd->context, h, t;

	h = cmd_diff_head(s, len, c);
	t = cmd_diff_tail(s, len, c);
	if (first && last)
		cmd_diff_span(s, len);
	else if (first) {
		if (t > 0)
			fputs("…", stdout);
		cmd_diff_span(s + t, len - t);
	} else if (last) {
		cmd_diff_span(s, h);
		if (h < len)
			fputs("…", stdout);
	} else if (cmd_diff_head(s, len, 2 * c) < len) {
		cmd_diff_span(s, h);
		fputs("…\n  …", stdout);
		cmd_diff_span(s + t, len - t);
	} else
		cmd_diff_span(s, len);
}

/* A changed answer as its changes in context, one line each. */
static void
cmd_diff_inline(const struct cmd_diff *cd, const char *a, const char *b,
    const struct chardiff_run *r, size_t n)
{
	size_t i;

	fputs("  ", stdout);
	for (i = 0; i < n; i++) {
		switch (r[i].kind) {
		case CHARDIFF_SAME:
			cmd_diff_same(cd, b + r[i].b, r[i].blen, i == 0,
			    i + 1 == n);
			break;
		case CHARDIFF_DEL:
			fputs(cd->colour ? "\033[31m" : "[-", stdout);
			cmd_diff_span(a + r[i].a, r[i].alen);
			fputs(cd->colour ? "\033[m" : "-]", stdout);
			break;
		case CHARDIFF_ADD:
			fputs(cd->colour ? "\033[32m" : "{+", stdout);
			cmd_diff_span(b + r[i].b, r[i].blen);
			fputs(cd->colour ? "\033[m" : "+}", stdout);
			break;
		}
	}
	fputs("\n", stdout);
}

/* Emit s (len bytes; all of it with len (size_t)-1) as a quoted scalar. */
static void
cmd_diff_scalar(struct cmd_diff *cd, const char *s, size_t len)
{
	char *copy;

	if (s == NULL) {
		yemit_scalar(cd->y, "null", YAML_PLAIN_SCALAR_STYLE);
		return;
	}
	if (len == (size_t)-1)
		len = strlen(s);
	copy = xmalloc(len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	yemit_scalar(cd->y, copy, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	free(copy);
}

static void
cmd_diff_key(struct cmd_diff *cd, const char *key)
{
	yemit_scalar(cd->y, key, YAML_PLAIN_SCALAR_STYLE);
}

/* The edits of a changed answer in YAML (at: code points into a). */
static void
cmd_diff_edits(struct cmd_diff *cd, const char *a, const char *b,
    const struct chardiff_run *r, size_t n)
{
	size_t i, at = 0;
	char num[32];

	cmd_diff_key(cd, "edits");
	yemit_open(cd->y, 0);
	for (i = 0; i < n; i++) {
		if (r[i].kind == CHARDIFF_SAME) {
			at += text_count(a + r[i].a, r[i].alen);
			continue;
		}
		yemit_open(cd->y, 1);
		cmd_diff_key(cd, "at");
		snprintf(num, sizeof num, "%zu", at);
		yemit_scalar(cd->y, num, YAML_PLAIN_SCALAR_STYLE);
		cmd_diff_key(cd, "removed");
		cmd_diff_scalar(cd, r[i].kind == CHARDIFF_DEL ? a + r[i].a : "",
		    r[i].kind == CHARDIFF_DEL ? r[i].alen : 0);
		if (r[i].kind == CHARDIFF_DEL) {
			at += text_count(a + r[i].a, r[i].alen);
			if (i + 1 < n && r[i + 1].kind == CHARDIFF_ADD)
				i++;
		}
		cmd_diff_key(cd, "added");
		cmd_diff_scalar(cd, r[i].kind == CHARDIFF_ADD ? b + r[i].b : "",
		    r[i].kind == CHARDIFF_ADD ? r[i].blen : 0);
		yemit_close(cd->y, 1);
	}
	yemit_close(cd->y, 0);
}

/*
 * Whether a and b have enough in common to show the changes inside: at
 * least half of the longer one unchanged.  Else both are shown whole.
 */
static int
cmd_diff_similar(const char *a, const char *b, const struct chardiff_run *r,
    size_t n)
{
	size_t i, same = 0, na = text_count(a, strlen(a));
	size_t nb = text_count(b, strlen(b));

	for (i = 0; i < n; i++) {
		if (r[i].kind == CHARDIFF_SAME)
			same += text_count(b + r[i].b, r[i].blen);
	}
	return 2 * same >= (na > nb ? na : nb);
}

/*
 * Report one field whose answers are va and vb (either NULL), unless they
 * are the same (by the options); nofield: the new edition has none.
 */
static void
cmd_diff_field(struct cmd_diff *cd, const struct form *form,
    const struct form_field *f, const char *va, const char *vb, int nofield,
    const char *edition)
{
	struct chardiff_run *r = NULL;
	size_t n = 0, i;
	const char *what;
	char *name;

	if (va == NULL && vb == NULL)
		return;
	if (va != NULL && vb != NULL) {
		n = chardiff_run(va, vb, cd->flags, &r);
		for (i = 0; i < n && r[i].kind == CHARDIFF_SAME; i++)
			continue;
		if (i == n) {
			free(r);
			return;
		}
	}
	if (va == NULL) {
		what = "added";
		cd->added++;
	} else if (vb == NULL) {
		what = "removed";
		cd->removed++;
	} else {
		what = "changed";
		cd->changed++;
	}
	if (cd->y != NULL) {
		yemit_open(cd->y, 1);
		cmd_diff_key(cd, "id");
		cmd_diff_scalar(cd, f->id, (size_t)-1);
		cmd_diff_key(cd, "name");
		cmd_diff_scalar(cd, form->items[f->item].name, (size_t)-1);
		cmd_diff_key(cd, "change");
		cmd_diff_key(cd, what);
		if (nofield) {
			cmd_diff_key(cd, "no-field-in");
			cmd_diff_scalar(cd, edition, (size_t)-1);
		}
		cmd_diff_key(cd, "old");
		cmd_diff_scalar(cd, va, (size_t)-1);
		cmd_diff_key(cd, "new");
		cmd_diff_scalar(cd, vb, (size_t)-1);
		if (n > 0 && !cd->whole)
			cmd_diff_edits(cd, va, vb, r, n);
		yemit_close(cd->y, 1);
		free(r);
		return;
	}
	name = text_safe(form->items[f->item].name, 0);
	if (nofield)
		printf(_("%s %s: removed (no such field in edition %s)\n"),
		    f->id, name, edition);
	else if (va == NULL)
		printf(_("%s %s: added\n"), f->id, name);
	else if (vb == NULL)
		printf(_("%s %s: removed\n"), f->id, name);
	else
		printf(_("%s %s: changed\n"), f->id, name);
	free(name);
	if (n > 0 && !cd->whole && cmd_diff_similar(va, vb, r, n))
		cmd_diff_inline(cd, va, vb, r, n);
	else {
		if (va != NULL)
			cmd_diff_text(cd, "  - ", va, "\033[31m");
		if (vb != NULL)
			cmd_diff_text(cd, "  + ", vb, "\033[32m");
	}
	free(r);
}

/* Whether to colour: WHEN is auto (a terminal), always or never. */
static int
cmd_diff_colour(const char *when)
{
	const char *term = getenv("TERM");

	if (when == NULL || strcmp(when, "auto") == 0)
		return isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL &&
		    term != NULL && strcmp(term, "dumb") != 0;
	if (strcmp(when, "always") == 0)
		return 1;
	if (strcmp(when, "never") == 0)
		return 0;
	return -1;
}

static int
cmd_diff_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *old = args->argv[0], *new = args->argv[1];
	const char *format = args->opt['f'], *context = args->opt['C'];
	struct draft *a = NULL, *b = NULL;
	const struct form_field *f, *g;
	struct cmd_diff cd;
	struct yemit y;
	char *cause = NULL, *end, num[32];
	size_t i;
	unsigned long c;
	int rc = 2;

	memset(&cd, 0, sizeof cd);
	cd.flags = args->opt['w'] != NULL ? CHARDIFF_SPACE : 0;
	cd.whole = args->opt['W'] != NULL;
	cd.context = CMD_DIFF_CONTEXT;
	if (format != NULL && strcmp(format, "yaml") != 0 &&
	    strcmp(format, "text") != 0)
		return cmd_error(_("unknown format '%s' (use text or yaml)"),
		    format);
	if ((cd.colour = cmd_diff_colour(args->opt['c'])) == -1)
		return cmd_error(_("--color takes auto, always or never, not "
		    "'%s'"), args->opt['c']);
	if (context != NULL) {
		c = strtoul(context, &end, 10);
		if (*context < '0' || *context > '9' || *end != '\0' ||
		    c > 100000)
			return cmd_error(_("--context takes a number of "
			    "characters, not '%s'"), context);
		cd.context = c;
	}
	if ((a = draft_load(old, ctx->formdir, &cause)) == NULL ||
	    (b = draft_load(new, ctx->formdir, &cause)) == NULL)
		goto out;
	if (strcmp(a->form->name, b->form->name) != 0) {
		cause = xasprintf(_("%s and %s answer different forms (%s, "
		    "%s)"), old, new, a->form->name, b->form->name);
		goto out;
	}
	if (format != NULL && strcmp(format, "yaml") == 0) {
		cd.y = &y;
		yemit_start(&y, stdout);
		yemit_open(&y, 1);
		cmd_diff_key(&cd, "old");
		cmd_diff_scalar(&cd, old, (size_t)-1);
		cmd_diff_key(&cd, "new");
		cmd_diff_scalar(&cd, new, (size_t)-1);
		cmd_diff_key(&cd, "fields");
		yemit_open(&y, 0);
	} else
		printf("--- %s (%s %s)\n+++ %s (%s %s)\n", old, a->form->name,
		    a->form->edition, new, b->form->name, b->form->edition);
	/* in the new draft's form order, then fields only the old one has */
	for (i = 0; i < b->form->nfields; i++) {
		g = &b->form->fields[i];
		f = form_field(a->form, g->id);
		cmd_diff_field(&cd, b->form, g, f != NULL ?
		    a->answers[f->index] : NULL, b->answers[i], 0, NULL);
	}
	for (i = 0; i < a->form->nfields; i++) {
		f = &a->form->fields[i];
		if (form_field(b->form, f->id) == NULL)
			cmd_diff_field(&cd, a->form, f, a->answers[i], NULL, 1,
			    b->form->edition);
	}
	if (cd.y != NULL) {
		yemit_close(&y, 0);
		cmd_diff_key(&cd, "added");
		snprintf(num, sizeof num, "%zu", cd.added);
		yemit_scalar(&y, num, YAML_PLAIN_SCALAR_STYLE);
		cmd_diff_key(&cd, "removed");
		snprintf(num, sizeof num, "%zu", cd.removed);
		yemit_scalar(&y, num, YAML_PLAIN_SCALAR_STYLE);
		cmd_diff_key(&cd, "changed");
		snprintf(num, sizeof num, "%zu", cd.changed);
		yemit_scalar(&y, num, YAML_PLAIN_SCALAR_STYLE);
		yemit_close(&y, 1);
		yemit_finish(&y);
	} else
		printf(_("%zu added, %zu removed, %zu changed\n"), cd.added,
		    cd.removed, cd.changed);
	rc = cd.added + cd.removed + cd.changed > 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = cmd_error(_("error writing the differences"));
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
	.usage = N_("[-w] [--whole] [--context N] [--format text|yaml] "
	    "[--color auto|always|never] OLD NEW"),
	.help = N_("Show, field by field, what was added, removed or changed "
	    "between two drafts, character by character."),
	.options = (const struct cmd_option[]) {
		{ "ignore-space", 'w', 0 },
		{ "whole", 'W', CMD_LONG },
		{ "context", 'C', CMD_VALUE | CMD_LONG },
		{ "format", 'f', CMD_VALUE },
		{ "color", 'c', CMD_VALUE | CMD_LONG },
		{ NULL, 0, 0 }
	},
	.min = 2,
	.max = 2,
	.exec = cmd_diff_exec,
};
