/*
 * validate: computes findings.  Answers are counted by text_count (code
 * points) and, beside it, by text_halves (全角換算); which of the two a
 * limit applies to is the form's rule (form->count, code points unless
 * the form file says).  A shared item limit counts all the item's answers
 * together.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "text.h"
#include "validate.h"
#include "xalloc.h"

static struct finding *
validate_add(struct findings *fs, enum finding_kind kind, size_t field)
{
	struct finding *f;

	fs->v = xreallocarray(fs->v, fs->n + 1, sizeof *fs->v);
	f = &fs->v[fs->n++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->field = field;
	return f;
}

/*
 * The count that field's limit applies to and that limit (0: none): the
 * field's own answer and limit, or, for an item with a shared limit, the
 * total over the item's fields and the item's limit (*shared set).  The
 * answer of edit_field ((size_t)-1: none) counts as edit_count instead of
 * what the draft holds, for text being edited.
 */
size_t
validate_count(const struct draft *d, size_t field, size_t edit_field,
    size_t edit_count, size_t *limit, int *shared)
{
	const struct form_field *f = &d->form->fields[field];
	const struct form_item *item = &d->form->items[f->item];
	size_t i, first = field, end = field + 1, count = 0;

	*shared = item->limit != 0;
	*limit = *shared ? item->limit : f->limit;
	if (*shared) {
		first = item->first;
		end = item->first + item->nfields;
	}
	for (i = first; i < end; i++) {
		if (i == edit_field)
			count += edit_count;
		else
			count += draft_count(d, i);
	}
	return count;
}

/* The 全角換算 count (in halves) that field's limit applies to. */
size_t
validate_halves(const struct draft *d, size_t field)
{
	const struct form_field *f = &d->form->fields[field];
	const struct form_item *item = &d->form->items[f->item];
	size_t i, first = field, end = field + 1, halves = 0;
	const char *a;

	if (item->limit != 0) {
		first = item->first;
		end = item->first + item->nfields;
	}
	for (i = first; i < end; i++) {
		if ((a = d->answers[i]) != NULL)
			halves += text_halves(a, strlen(a));
	}
	return halves;
}

/* Whether count code points, halves 全角換算 halves are over limit. */
int
validate_over(const struct form *form, size_t count, size_t halves,
    size_t limit)
{
	if (form->count == FORM_COUNT_ZENKAKU)
		return halves > 2 * limit;
	return count > limit;
}

/* "97.5" or "98": halves / 2 (into buf of 32 bytes). */
static const char *
validate_half_text(char buf[32], size_t halves)
{
	snprintf(buf, 32, halves % 2 ? "%zu.5" : "%zu", halves / 2);
	return buf;
}

/*
 * The count against a limit by the form's rule, with the other figure
 * beside it: "101/100字 (1 over; 全角換算 97.5, within)", "80/100字 (全角換算
 * 79.5)"; for a form that counts 全角換算, "全角換算 97.5/100字 (101
 * characters)".  The caller frees the result.
 */
char *
validate_limit_text(const struct form *form, size_t count, size_t halves,
    size_t limit)
{
	char h[32], over[32];

	validate_half_text(h, halves);
	if (form->count == FORM_COUNT_ZENKAKU) {
		if (halves > 2 * limit)
			return xasprintf(_("全角換算 %s/%zu字 (%s over; %zu "
			    "characters)"), h, limit, validate_half_text(over,
			    halves - 2 * limit), count);
		return xasprintf(_("全角換算 %s/%zu字 (%zu characters)"), h,
		    limit, count);
	}
	if (count > limit && halves <= 2 * limit)
		return xasprintf(_("%zu/%zu字 (%zu over; 全角換算 %s, within)"),
		    count, limit, count - limit, h);
	if (count > limit)
		return xasprintf(_("%zu/%zu字 (%zu over; 全角換算 %s)"), count,
		    limit, count - limit, h);
	return xasprintf(_("%zu/%zu字 (全角換算 %s)"), count, limit, h);
}

/*
 * How many fields of each mark items first_item..end_item - 1 have
 * (total[mark]) and how many of them are answered (done[mark]).
 */
void
validate_tally(const struct draft *d, size_t first_item, size_t end_item,
    size_t done[FORM_NMARKS], size_t total[FORM_NMARKS])
{
	const struct form *form = d->form;
	const struct form_item *item;
	size_t i, j;
	int m;

	for (m = 0; m < FORM_NMARKS; m++)
		done[m] = total[m] = 0;
	for (i = first_item; i < end_item; i++) {
		item = &form->items[i];
		for (j = item->first; j < item->first + item->nfields; j++) {
			total[form->fields[j].mark]++;
			done[form->fields[j].mark] += d->answers[j] != NULL;
		}
	}
}

/*
 * A warning about the first of the characters of a that only look like an
 * ordinary one (a Kangxi radical or a CJK compatibility ideograph, often
 * pasted from PDF files), with the character to write instead, or NULL.
 * The caller frees it.
 */
static char *
validate_lookalike(const struct text_doubts *td)
{
	char c[5], t[5];

	if (td->nlookalike == 0)
		return NULL;
	c[text_encode(td->lookalike, c)] = '\0';
	t[text_encode(td->lookalike_to, t)] = '\0';
	return xasprintf(ngettext("%s (U+%04X) only looks like %s; write %s "
	    "(%zu such character)", "%s (U+%04X) only looks like %s; write %s "
	    "(%zu such characters)", td->nlookalike), c,
	    (unsigned)td->lookalike, t, t, td->nlookalike);
}

/*
 * A warning about the other characters of a that a CP932 export cannot
 * hold, naming the first and, when its NFKC form is one CP932 holds (㋿ as
 * 令和, ⑴ as (1)), that form to write instead; NULL when there are none.
 * The caller frees it.
 */
static char *
validate_cp932(const struct text_doubts *td)
{
	uint32_t cp;
	size_t n = td->nlacks, i, len, k;
	char c[5], *to, *msg;

	if (n == 0)
		return NULL;
	c[text_encode(td->lacks, c)] = '\0';
	if ((to = text_nfkc(c)) != NULL && strcmp(to, c) != 0) {
		len = strlen(to);
		for (i = 0; i < len; i += k) {
			if ((k = text_decode(to + i, len - i, &cp)) == 0 ||
			    !text_cp932_holds(cp))
				break;
		}
		if (i == len) {
			msg = xasprintf(ngettext("%s (U+%04X) is not in "
			    "CP932 (export --encoding cp932); write %s (%zu "
			    "such character)", "%s (U+%04X) is not in CP932 "
			    "(export --encoding cp932); write %s (%zu such "
			    "characters)", n), c, (unsigned)td->lacks, to, n);
			free(to);
			return msg;
		}
	}
	free(to);
	return xasprintf(ngettext("%s (U+%04X) is not in CP932 (export "
	    "--encoding cp932) (%zu such character)", "%s (U+%04X) is not in "
	    "CP932 (export --encoding cp932) (%zu such characters)", n), c,
	    (unsigned)td->lacks, n);
}

/* Findings about one field, not counting its item's shared limit. */
void
validate_field(const struct draft *d, size_t field, struct findings *fs)
{
	const struct form_field *f = &d->form->fields[field];
	const char *a = d->answers[field];
	enum ftype_verdict verdict;
	struct text_doubts td;
	struct finding *fi;
	char *msg = NULL;
	size_t count, halves;

	if (d->renew[field] != NULL)
		validate_add(fs, FINDING_RENEW, field)->message =
		    xstrdup(d->renew[field]);
	if (d->notes[field] != NULL)
		validate_add(fs, FINDING_NOTE, field)->message =
		    xstrdup(d->notes[field]);
	if (a == NULL) {
		if (f->mark == FORM_MANDATORY)
			validate_add(fs, FINDING_MISSING, field);
		else if (f->mark == FORM_MANDATORY_LEVEL)
			validate_add(fs, FINDING_MISSING_LEVEL, field);
		return;
	}
	if (f->limit != 0 && validate_over(d->form, count = text_count(a,
	    strlen(a)), halves = text_halves(a, strlen(a)), f->limit)) {
		fi = validate_add(fs, FINDING_OVER_LIMIT, field);
		fi->count = count;
		fi->halves = halves;
		fi->limit = f->limit;
	}
	verdict = f->type->check(f, a, &msg);
	if (verdict != FTYPE_OK) {
		fi = validate_add(fs, verdict == FTYPE_NOT_CHOICE ?
		    FINDING_NOT_CHOICE : FINDING_FORMAT, field);
		fi->message = msg;
	}
	text_doubts(a, strlen(a), &td);
	if ((msg = validate_lookalike(&td)) != NULL)
		validate_add(fs, FINDING_FORMAT, field)->message = msg;
	if ((msg = validate_cp932(&td)) != NULL)
		validate_add(fs, FINDING_FORMAT, field)->message = msg;
}

/* All findings of the draft, in form order, appended to fs. */
void
validate_draft(const struct draft *d, struct findings *fs)
{
	const struct form *form = d->form;
	const struct form_item *item;
	struct finding *fi;
	size_t i, j, count, halves, limit;
	int shared;

	for (i = 0; i < form->nitems; i++) {
		item = &form->items[i];
		for (j = item->first; j < item->first + item->nfields; j++)
			validate_field(d, j, fs);
		if (item->limit == 0)
			continue;
		count = validate_count(d, item->first, (size_t)-1, 0, &limit,
		    &shared);
		halves = validate_halves(d, item->first);
		if (validate_over(form, count, halves, limit)) {
			fi = validate_add(fs, FINDING_OVER_LIMIT, item->first);
			fi->shared = 1;
			fi->count = count;
			fi->halves = halves;
			fi->limit = limit;
		}
	}
}

int
validate_is_problem(const struct finding *f)
{
	return f->kind != FINDING_FORMAT && f->kind != FINDING_NOTE;
}

/* The kind's name in machine-readable output. */
const char *
validate_kind_name(enum finding_kind kind)
{
	switch (kind) {
	case FINDING_MISSING:
		return "missing";
	case FINDING_MISSING_LEVEL:
		return "missing-level";
	case FINDING_OVER_LIMIT:
		return "over-limit";
	case FINDING_NOT_CHOICE:
		return "not-choice";
	case FINDING_RENEW:
		return "renewal";
	case FINDING_NOTE:
		return "note";
	case FINDING_FORMAT:
		break;
	}
	return "format";
}

void
validate_free(struct findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		free(fs->v[i].message);
	free(fs->v);
	fs->v = NULL;
	fs->n = 0;
}
