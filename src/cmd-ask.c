/*
 * cmd-ask: kaiji ask DRAFT [ID...] — the line mode: an interview on
 * standard input and output, without curses, for dumb terminals, screen
 * readers and scripts.
 *
 * Data model: the draft, read under its lock, which is held to the end
 * as the editor holds it (a draft that does not exist is made, as the
 * editor makes it, and written at the first answer); and the fields to
 * ask, fixed at the start: those the IDs name (items, ranges and field
 * ids as form_select reads them, full-width digits too), in the order
 * given and each once, or else every field with a finding (missing, over
 * a limit, not a choice, a format warning, to renew, an open note) in
 * form order.
 * Invariants:
 * - what is printed is plain lines: no box drawing, no colour, no cursor
 *   movement; the mark in words; every text from the form, the draft or
 *   the input goes through text_safe, so no control character reaches
 *   the terminal;
 * - an answer is one line, or for a multi-line field the lines up to one
 *   holding only "."; for a field with choices, a choice's number (or
 *   its text) given first is the whole answer.  Nothing typed keeps the
 *   answer; a line that is not valid UTF-8 is refused and asked again;
 *   a line taken is in NFC from then on;
 * - every answer that changes the draft is saved at once by
 *   cmd_draft_write (atomic, with DRAFT~), so that end of input, which
 *   stops the interview, or a killed process loses nothing saved.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "confine.h"
#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "ftype.h"
#include "i18n.h"
#include "lock.h"
#include "text.h"
#include "validate.h"
#include "xalloc.h"

/* What ask_read found. */
enum ask_read {
	ASK_LINE,		/* a line, in *line */
	ASK_EOF,		/* end of input (or a read error) */
	ASK_LONG,		/* a line longer than a draft holds */
	ASK_CONFIRM		/* "=": the answer to renew, confirmed */
};

/* The interview: the draft, its lock and the fields to ask. */
struct ask {
	const char	*path;
	struct draft	*d;
	struct lock	*lk;
	size_t		*fields;
	size_t		 n;
	size_t		 saved;		/* answers saved */
	int		 first;		/* no line read yet (a BOM may start it) */
	int		 echo;		/* input is not a terminal: echo it */
};

/* Print s (from a form, a draft or the input) made terminal-safe by fmt. */
static void
ask_put(const char *fmt, const char *s)
{
	char *safe = text_safe(s, 0);

	printf(fmt, safe);
	free(safe);
}

/*
 * Print "label s": on one line when s has none, else the label on its
 * own line and each line of s indented, so that a screen reader reads
 * the lines of the text as lines.
 */
static void
ask_text(const char *label, const char *s)
{
	const char *nl;
	char *line;

	if (strchr(s, '\n') == NULL) {
		fputs(label, stdout);
		ask_put(" %s\n", s);
		return;
	}
	printf("%s\n", label);
	while (s != NULL) {
		nl = strchr(s, '\n');
		line = nl != NULL ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
		ask_put("  %s\n", line);
		free(line);
		s = nl != NULL ? nl + 1 : NULL;
	}
}

/* The mark in words (translated; static). */
static const char *
ask_mark(enum form_mark mark)
{
	switch (mark) {
	case FORM_MANDATORY:
		return _("必須 (required)");
	case FORM_MANDATORY_LEVEL:
		return _("必須○ (required; a certain level of practice is "
		    "expected)");
	case FORM_OPTIONAL:
		break;
	}
	return _("選択 (optional)");
}

/* One finding said in a phrase (the caller frees it). */
static char *
ask_finding(const struct form *form, const struct finding *fi)
{
	char *text, *s;

	switch (fi->kind) {
	case FINDING_MISSING:
	case FINDING_MISSING_LEVEL:
		return xstrdup(_("not answered yet"));
	case FINDING_OVER_LIMIT:
		text = validate_limit_text(form, fi->count, fi->halves,
		    fi->limit);
		if (!fi->shared)
			return text;
		s = xasprintf(_("item %u together %s"),
		    form->items[form->fields[fi->field].item].no, text);
		free(text);
		return s;
	case FINDING_RENEW:
		return xasprintf(_("carried over from %s: change it, or type "
		    "\"=\" to confirm it unchanged"), fi->message);
	case FINDING_NOTE:
		return xasprintf(_("note: %s"), fi->message);
	case FINDING_NOT_CHOICE:
	case FINDING_FORMAT:
		break;
	}
	return xstrdup(fi->message);
}

/*
 * Print the findings about field, and about its item's shared limit,
 * one a line as a problem or a warning.  Returns how many.
 */
static size_t
ask_findings(const struct draft *d, size_t field)
{
	const struct form_item *item =
	    &d->form->items[d->form->fields[field].item];
	struct findings fs = { NULL, 0 };
	struct finding *fi;
	size_t i, n, count, limit;
	char *text;
	int shared;

	validate_field(d, field, &fs);
	count = validate_count(d, field, (size_t)-1, 0, &limit, &shared);
	if (shared && validate_over(d->form, count, validate_halves(d,
	    field), limit)) {
		fs.v = xreallocarray(fs.v, fs.n + 1, sizeof *fs.v);
		fi = &fs.v[fs.n++];
		memset(fi, 0, sizeof *fi);
		fi->kind = FINDING_OVER_LIMIT;
		fi->field = item->first;
		fi->shared = 1;
		fi->count = count;
		fi->halves = validate_halves(d, field);
		fi->limit = limit;
	}
	for (i = 0; i < fs.n; i++) {
		text = ask_finding(d->form, &fs.v[i]);
		ask_put(validate_is_problem(&fs.v[i]) ? _("Problem: %s\n") :
		    _("Warning: %s\n"), text);
		free(text);
	}
	n = fs.n;
	validate_free(&fs);
	return n;
}

/* The count of field's answer, and against its limit (caller frees). */
static char *
ask_count(const struct draft *d, size_t field)
{
	const struct form_field *f = &d->form->fields[field];
	const char *a = d->answers[field] != NULL ? d->answers[field] : "";
	size_t count = text_count(a, strlen(a)), limit, total;
	char *own, *together, *s;
	int shared;

	own = f->limit != 0 ? validate_limit_text(d->form, count,
	    text_halves(a, strlen(a)), f->limit) : xasprintf("%zu字", count);
	total = validate_count(d, field, (size_t)-1, 0, &limit, &shared);
	if (!shared)
		return own;
	together = validate_limit_text(d->form, total,
	    validate_halves(d, field), limit);
	s = xasprintf(_("%s; item %u together %s"), own,
	    d->form->items[f->item].no, together);
	free(own);
	free(together);
	return s;
}

/* Print what there is to know about field before its answer is asked. */
static void
ask_describe(const struct ask *a, size_t k)
{
	const struct form *form = a->d->form;
	const struct form_field *f = &form->fields[a->fields[k]];
	const struct form_item *item = &form->items[f->item];
	const char *cur = a->d->answers[f->index];
	size_t i, count, limit;
	int shared;

	printf("\n");
	printf(_("Question %zu of %zu: field %s\n"), k + 1, a->n, f->id);
	if (item->category != NULL) {
		char *s = xasprintf("%s / %s", item->category, item->name);

		printf(_("Item %u:"), item->no);
		ask_put(" %s\n", s);
		free(s);
	} else {
		printf(_("Item %u:"), item->no);
		ask_put(" %s\n", item->name);
	}
	ask_text(_("Description:"), f->text);
	printf(_("Mark: %s"), ask_mark(f->mark));
	printf("\n");
	count = validate_count(a->d, f->index, (size_t)-1, 0, &limit, &shared);
	if (limit != 0 && shared)
		printf(_("Limit: %zu字 for item %u's fields together (now %zu字)"),
		    limit, item->no, count);
	else if (limit != 0)
		printf(_("Limit: %zu字 (now %zu字)"), limit, count);
	else
		printf("%s", _("Limit: none"));
	printf("\n");
	if (f->nchoices > 0) {
		printf("%s\n", _("Choices:"));
		for (i = 0; i < f->nchoices; i++) {
			printf("  %zu", i + 1);
			ask_put(" %s\n", f->choices[i]);
		}
	}
	if (f->type->formats != NULL) {
		printf(_("Accepted: %s"), _(f->type->formats));
		printf("\n");
	}
	ask_text(_("Current answer:"), cur != NULL ? cur : _("(not answered)"));
	ask_findings(a->d, f->index);
	if (f->multiline && f->nchoices > 0 && f->type->compose != NULL)
		printf("%s\n", _("Type a choice's number (a detail may follow "
		    "it, as in \"1; detail\"), or type the answer and end it "
		    "with a line holding only \".\"; an empty line first "
		    "keeps the current answer."));
	else if (f->multiline && f->nchoices > 0)
		printf("%s\n", _("Type a choice's number, or type the answer "
		    "and end it with a line holding only \".\"; an empty "
		    "line first keeps the current answer."));
	else if (f->multiline)
		printf("%s\n", _("Type the answer and end it with a line "
		    "holding only \".\"; an empty line first keeps the "
		    "current answer."));
	else if (f->nchoices > 0)
		printf("%s\n", _("Type a choice's number or its text; an "
		    "empty line keeps the current answer."));
	else
		printf("%s\n", _("Type the answer on one line; an empty line "
		    "keeps the current answer."));
}

/*
 * Read one line of standard input into *line (the caller frees it),
 * without its line break and a CR before it; bytes past what a draft
 * holds are read and dropped (ASK_LONG).
 */
static enum ask_read
ask_read(char **line, size_t *lenp)
{
	size_t len = 0, cap = 256;
	char *buf = xmalloc(cap);
	int c, got = 0, lng = 0;

	fflush(stdout);
	while ((c = getchar()) != EOF && c != '\n') {
		got = 1;
		if (len >= DRAFT_MAX_SIZE) {
			lng = 1;
			continue;
		}
		if (len + 1 >= cap)
			buf = xrealloc(buf, cap *= 2);
		buf[len++] = (char)c;
	}
	if (c == EOF && !got) {
		free(buf);
		return ASK_EOF;
	}
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	if (lng) {
		free(buf);
		return ASK_LONG;
	}
	*line = buf;
	*lenp = len;
	return ASK_LINE;
}

/*
 * Read one line that is text (valid UTF-8, no NUL), saying why and
 * reading again while it is not; the line is put in NFC (text_nfc), so
 * that what is compared with the answer and the choices, and stored, is
 * what the draft holds.  ASK_EOF at the end of input.
 */
static enum ask_read
ask_line(struct ask *a, char **line)
{
	enum ask_read r;
	size_t off, len;
	char *nfc;

	for (;;) {
		printf("> ");
		r = ask_read(line, &len);
		/* a transcript shows what was read, as a terminal echoes it */
		if (a->echo && r == ASK_LINE)
			ask_put("%s\n", *line);
		else if (a->echo || r == ASK_EOF)
			printf("\n");
		fflush(stdout);		/* before any message on stderr */
		switch (r) {
		case ASK_EOF:
			return ASK_EOF;
		case ASK_LONG:
			printf(_("That line is longer than the %u bytes a "
			    "draft holds; not taken.  Type it again.\n"),
			    DRAFT_MAX_SIZE);
			continue;
		case ASK_LINE:
		case ASK_CONFIRM:	/* not from ask_read */
			break;
		}
		/* a file from Windows may start with a byte order mark */
		if (a->first && len >= 3 &&
		    memcmp(*line, "\xef\xbb\xbf", 3) == 0) {
			len -= 3;
			memmove(*line, *line + 3, len + 1);
		}
		a->first = 0;
		if (text_guard(*line, len, &off) == TEXT_OK) {
			/* in NFC, as the draft stores it and choices are */
			if ((nfc = text_nfc(*line, len, &len)) != NULL) {
				free(*line);
				*line = nfc;
			}
			return ASK_LINE;
		}
		printf(_("That line is not valid UTF-8 text (byte %zu); not "
		    "taken.  Type it again.\n"), off + 1);
		free(*line);
	}
}

/*
 * The answer a line chooses for a field with choices: a choice's number
 * ("2", "２") or, folded as text_fold folds, its text; for a type whose
 * answer is a choice and a detail (yes/no), the choice with the detail
 * typed after the number ("1; 13ヶ月", "１　13ヶ月"), else with the detail
 * the old answer had.  NULL when the line chooses none; *bad is set when
 * it starts with a number that is not a choice's.  The caller frees the
 * result.
 */
static char *
ask_choose(const struct form_field *f, const char *line, const char *old,
    int *bad)
{
	static const char *const seps[] = { ";", ":", ",", "；", "：", "、",
	    "，", NULL };
	const char *p = line + text_space(line), *detail;
	char *folded, *c, *out = NULL;
	unsigned long no = 0;
	size_t n, i;
	int digit, digits = 0;

	*bad = 0;
	while ((n = text_digit(p, &digit)) != 0 && digits < 9) {
		no = no * 10 + (unsigned long)digit;
		p += n;
		digits++;
	}
	detail = p + text_space(p);
	for (i = 0; seps[i] != NULL; i++) {
		if (strncmp(detail, seps[i], strlen(seps[i])) == 0) {
			detail += strlen(seps[i]);
			detail += text_space(detail);
			break;
		}
	}
	/* a number alone; with a detail only where the type has one */
	if (digits > 0 && text_digit(p, &digit) == 0 && (*detail == '\0' ||
	    (f->type->compose != NULL && detail != p))) {
		if (no < 1 || no > f->nchoices) {
			*bad = 1;
			return NULL;
		}
		if (f->type->compose == NULL)
			return xstrdup(f->choices[no - 1]);
		if (*detail != '\0')
			return xasprintf("%s; %s", f->choices[no - 1], detail);
		out = xstrdup(f->choices[no - 1]);
	}
	folded = text_fold(line);
	for (i = 0; out == NULL && i < f->nchoices; i++) {
		c = text_fold(f->choices[i]);
		if (strcmp(c, folded) == 0)
			out = xstrdup(f->choices[i]);
		free(c);
	}
	free(folded);
	if (out != NULL && f->type->compose != NULL) {
		c = f->type->compose(f, out, old);
		free(out);
		out = c;
		if (f->type->tidy != NULL && (c = f->type->tidy(f, out)) !=
		    NULL) {
			free(out);
			out = c;
		}
	}
	return out;
}

/*
 * Read what is typed for field into *value (the caller frees it; NULL:
 * nothing typed).  Returns ASK_EOF at the end of input (a multi-line
 * answer cut by it is kept as far as it was typed), ASK_CONFIRM for a
 * line "=" when the answer is to renew.
 */
static enum ask_read
ask_typed(struct ask *a, const struct form_field *f, char **value)
{
	char *line, *chosen, *safe;
	size_t len = 0, nlines = 0, n;
	int bad, over = 0;

	*value = NULL;
	for (;;) {
		if (ask_line(a, &line) == ASK_EOF) {
			if (over) {
				free(*value);
				*value = NULL;
			}
			return ASK_EOF;
		}
		if (nlines == 0 && *line == '\0') {
			free(line);
			return ASK_LINE;	/* kept */
		}
		if (nlines == 0 && a->d->renew[f->index] != NULL &&
		    strcmp(line, "=") == 0) {
			free(line);
			return ASK_CONFIRM;
		}
		if (nlines == 0 && f->nchoices > 0) {
			chosen = ask_choose(f, line, a->d->answers[f->index],
			    &bad);
			if (bad) {
				safe = text_safe(line, 0);
				printf(_("There is no choice %s: type a number "
				    "from 1 to %zu, or the text.\n"), safe,
				    f->nchoices);
				free(safe);
				free(line);
				continue;
			}
			if (chosen != NULL) {
				free(line);
				*value = chosen;
				return ASK_LINE;
			}
		}
		if (!f->multiline) {
			*value = line;
			return ASK_LINE;
		}
		if (strcmp(line, ".") == 0) {
			free(line);
			if (!over)
				return ASK_LINE;
			/* all of it read and dropped: the answer again */
			printf(_("With that answer the draft would be larger "
			    "than the %u bytes kaiji saves; not taken.\n"),
			    DRAFT_MAX_SIZE);
			over = 0;
			nlines = 0;
			continue;
		}
		n = strlen(line);
		if (over || len + n + 1 > DRAFT_MAX_SIZE) {
			/* more than a draft holds: read on to the "." */
			free(*value);
			*value = NULL;
			len = 0;
			over = nlines = 1;
			free(line);
			continue;
		}
		*value = xrealloc(*value, len + n + 2);
		if (nlines++ > 0)
			(*value)[len++] = '\n';
		memcpy(*value + len, line, n + 1);
		len += n;
		free(line);
	}
}

/*
 * Read the answer to field: *value (the caller frees it) is what to
 * store, NULL to keep the answer.  A closed list's field takes only its
 * choices: anything else is said and asked again.  Returns ASK_EOF at
 * the end of input.
 */
static enum ask_read
ask_answer(struct ask *a, const struct form_field *f, char **value)
{
	enum ask_read r;
	enum ftype_verdict v;
	char *why = NULL;

	for (;;) {
		r = ask_typed(a, f, value);
		if (*value == NULL)
			return r;
		v = f->type->check(f, *value, &why);
		if (v != FTYPE_OK)
			free(why);
		if (v != FTYPE_NOT_CHOICE)
			return r;
		free(*value);
		*value = NULL;
		if (r == ASK_EOF)
			return r;
		printf("%s\n", _("Not one of the choices: type its number or "
		    "its text."));
	}
}

/*
 * Ask field k: describe it, read the answer, store and save it, say the
 * count and findings.  Returns ASK_EOF at the end of input, -1 when the
 * draft could not be saved (said on stderr).
 */
static int
ask_one(struct ask *a, size_t k)
{
	const struct form_field *f = &a->d->form->fields[a->fields[k]];
	const char *old;
	char *value = NULL, *cause, *count;
	enum ask_read r;

	ask_describe(a, k);
	for (;;) {
		r = ask_answer(a, f, &value);
		if (value == NULL || draft_fits(a->d, f->index, value))
			break;
		printf(_("With that answer the draft would be larger than "
		    "the %u bytes kaiji saves; not taken.\n"),
		    DRAFT_MAX_SIZE);
		free(value);
		value = NULL;
		if (r == ASK_EOF)
			return ASK_EOF;
	}
	if (r == ASK_CONFIRM) {
		/* as kaiji set --keep: the answer stays, confirmed */
		draft_set_renew(a->d, f->index, NULL);
		if (cmd_draft_write(a->d, a->path, CMD_DRAFT_UPDATE,
		    a->lk) != 0)
			return -1;
		a->saved++;
		printf(_("Confirmed the answer to %s unchanged.\n"), f->id);
		ask_findings(a->d, f->index);
		return ASK_LINE;
	}
	old = a->d->answers[f->index];
	if (value == NULL || (old != NULL && strcmp(old, value) == 0)) {
		if (r != ASK_EOF)
			printf(_("Kept the answer to %s.\n"), f->id);
		free(value);
		return r;
	}
	if (draft_set(a->d, f->index, value, &cause) != 0) {
		/* ask_line let only valid UTF-8 through */
		cmd_fail(cause);
		free(value);
		return -1;
	}
	if (cmd_draft_write(a->d, a->path, CMD_DRAFT_UPDATE, a->lk) != 0) {
		/* the words stay on the screen, or in the transcript */
		ask_text(_("Not saved; the answer typed was:"), value);
		free(value);
		return -1;
	}
	free(value);
	a->saved++;
	count = ask_count(a->d, f->index);
	printf(_("Saved %s: %s\n"), f->id, count);
	free(count);
	ask_findings(a->d, f->index);
	return r;
}

/*
 * The fields to ask (*n of them, the caller frees the array): those ids
 * name, or every field with a finding.  NULL with a cause naming the id
 * that names none.
 */
static size_t *
ask_fields(const struct draft *d, int nids, char **ids, size_t *n,
    char **cause)
{
	const struct form *form = d->form;
	struct findings fs = { NULL, 0 };
	unsigned char *seen = xcalloc(form->nfields, 1), *sel;
	size_t *v = xcalloc(form->nfields, sizeof *v), i, j;
	const struct form_item *item;
	char *folded, *why;
	int k;

	*n = 0;
	for (k = 0; k < nids; k++) {
		folded = text_fold(ids[k]);
		sel = form_select(form, folded, &why);
		free(folded);
		if (sel == NULL) {
			*cause = xasprintf("%s: %s", d->form->name, why);
			free(why);
			free(seen);
			free(v);
			return NULL;
		}
		for (i = 0; i < form->nfields; i++) {
			if (sel[i] && !seen[i]) {
				seen[i] = 1;
				v[(*n)++] = i;
			}
		}
		free(sel);
	}
	if (nids == 0) {
		validate_draft(d, &fs);
		for (i = 0; i < fs.n; i++) {
			item = &form->items[form->fields[fs.v[i].field].item];
			if (!fs.v[i].shared)
				seen[fs.v[i].field] = 1;
			else
				for (j = 0; j < item->nfields; j++)
					seen[item->first + j] = 1;
		}
		validate_free(&fs);
		for (i = 0; i < form->nfields; i++) {
			if (seen[i])
				v[(*n)++] = i;
		}
	}
	free(seen);
	return v;
}

/*
 * The draft at path, read under the lock already taken (in restricted
 * mode through the drafts directory), or, when there is no such file, a
 * new one of the newest asp-saas edition (*created set).  NULL with a
 * cause.
 */
static struct draft *
ask_load(struct cmd_ctx *ctx, const char *path, int *created, char **cause)
{
	const struct form *form;
	struct draft *d = NULL;
	char *buf;
	size_t len;
	int fd;

	*created = 0;
	if ((fd = confine_open(path, cause)) == -1) {
		if (errno != ENOENT)
			return NULL;
		free(*cause);
		if ((form = formdir_newest(ctx->formdir, "asp-saas",
		    cause)) == NULL)
			return NULL;
		*created = 1;
		return draft_new(form);
	}
	if (fileio_read_fd(fd, path, DRAFT_READ_MAX, &buf, &len, NULL,
	    cause) == 0) {
		d = draft_parse(path, buf, len, ctx->formdir, cause);
		free(buf);
	}
	close(fd);
	if (d != NULL && !draft_fits(d, (size_t)-1, NULL)) {
		*cause = xasprintf(_("%s is larger than the %u bytes kaiji "
		    "saves; shorten an answer with \"kaiji set\""), path,
		    DRAFT_MAX_SIZE);
		draft_free(d);
		d = NULL;
	}
	return d;
}

/* Print how far the draft is answered, as the summary ends. */
static void
ask_tally(const struct draft *d)
{
	size_t done[FORM_NMARKS], total[FORM_NMARKS];

	validate_tally(d, 0, d->form->nitems, done, total);
	printf(_("Answered: 必須 %zu/%zu, 必須○ %zu/%zu, 選択 %zu/%zu\n"),
	    done[FORM_MANDATORY], total[FORM_MANDATORY],
	    done[FORM_MANDATORY_LEVEL], total[FORM_MANDATORY_LEVEL],
	    done[FORM_OPTIONAL], total[FORM_OPTIONAL]);
}

static int
cmd_ask_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	struct ask a;
	char *path, *cause = NULL;
	size_t k;
	int created, rc = 0, r = ASK_LINE;

	memset(&a, 0, sizeof a);
	a.first = 1;
	a.echo = !isatty(STDIN_FILENO);
	if ((path = confine_path(args->argv[0], &cause)) == NULL)
		return cmd_fail(cause);
	a.path = path;
	if (cmd_lock(path, &a.lk) != 0) {
		free(path);
		return 2;
	}
	if ((a.d = ask_load(ctx, path, &created, &cause)) == NULL ||
	    (a.fields = ask_fields(a.d, args->argc - 1, args->argv + 1, &a.n,
	    &cause)) == NULL) {
		rc = cmd_fail(cause);
		goto out;
	}
	if (created)
		ask_put(_("There is no draft %s: a new one is made, and "
		    "written at the first answer.\n"), path);
	ask_put(_("Draft: %s"), path);
	ask_put(" (%s", a.d->form->name);
	ask_put(" %s)\n", a.d->form->edition);
	if (a.n == 0) {
		printf("%s\n", _("Nothing to ask: no field is unanswered or "
		    "doubtful."));
		ask_tally(a.d);
		goto out;
	}
	printf(ngettext("%zu field to ask.", "%zu fields to ask.", a.n), a.n);
	printf("\n%s\n", _("Each answer is saved at once; an empty line keeps "
	    "an answer; the end of input (Ctrl-D) stops."));
	for (k = 0; k < a.n && r != ASK_EOF; k++) {
		if ((r = ask_one(&a, k)) < 0) {
			rc = 2;
			goto out;
		}
	}
	printf("\n");
	if (r == ASK_EOF)
		printf(_("End of input: stopped at question %zu of %zu.\n"), k,
		    a.n);
	else
		printf(ngettext("Asked %zu field.\n",
		    "Asked all %zu fields.\n", a.n), a.n);
	printf(ngettext("%zu answer saved.\n", "%zu answers saved.\n",
	    a.saved), a.saved);
	ask_tally(a.d);
out:
	free(a.fields);
	draft_free(a.d);
	lock_release(a.lk);
	free(path);
	return rc;
}

const struct cmd_entry cmd_ask_entry = {
	.name = "ask",
	.usage = N_("DRAFT [ID...]"),
	.help = N_("Ask for answers line by line, without a full screen (for "
	    "TERM=dumb, screen readers, scripts): the IDs given, or every "
	    "unanswered or doubtful field; each answer is saved at once."),
	.min = 1,
	.max = -1,
	.exec = cmd_ask_exec,
};
