/*
 * validate: computes findings.  The only character count used is
 * text_count; a shared item limit counts all the item's answers together.
 */
#include "config.h"

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
	const char *a;
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
		else if ((a = d->answers[i]) != NULL)
			count += text_count(a, strlen(a));
	}
	return count;
}

/*
 * The count against a limit (> 0) as shown everywhere: "120/100字 (20
 * over)" when over it, else "80/100字".  The caller frees the result.
 */
char *
validate_count_text(size_t count, size_t limit)
{
	if (count > limit)
		return xasprintf(_("%zu/%zu字 (%zu over)"), count, limit,
		    count - limit);
	return xasprintf(_("%zu/%zu字"), count, limit);
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
 * A warning about the first character of a that only looks like an
 * ordinary one (a Kangxi radical or a CJK compatibility ideograph, often
 * pasted from PDF files), with the character to write instead, or NULL.
 * The caller frees it.
 */
static char *
validate_lookalike(const char *a)
{
	size_t len = strlen(a), off = 0, k, n = 0;
	uint32_t cp, to, first = 0, first_to = 0;
	char c[5], t[5];
	char *msg;

	while (off < len) {
		if ((k = text_decode(a + off, len - off, &cp)) == 0)
			k = 1;
		else if ((to = text_lookalike(cp)) != 0 && n++ == 0) {
			first = cp;
			first_to = to;
		}
		off += k;
	}
	if (n == 0)
		return NULL;
	c[text_encode(first, c)] = '\0';
	t[text_encode(first_to, t)] = '\0';
	msg = xasprintf(ngettext("%s (U+%04X) only looks like %s; write %s "
	    "(%zu such character)", "%s (U+%04X) only looks like %s; write %s "
	    "(%zu such characters)", n), c, (unsigned)first, t, t, n);
	return msg;
}

/* Findings about one field, not counting its item's shared limit. */
void
validate_field(const struct draft *d, size_t field, struct findings *fs)
{
	const struct form_field *f = &d->form->fields[field];
	const char *a = d->answers[field];
	enum ftype_verdict verdict;
	struct finding *fi;
	char *msg = NULL;
	size_t count;

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
	if (f->limit != 0 && (count = text_count(a, strlen(a))) > f->limit) {
		fi = validate_add(fs, FINDING_OVER_LIMIT, field);
		fi->count = count;
		fi->limit = f->limit;
	}
	verdict = f->type->check(f, a, &msg);
	if (verdict != FTYPE_OK) {
		fi = validate_add(fs, verdict == FTYPE_NOT_CHOICE ?
		    FINDING_NOT_CHOICE : FINDING_FORMAT, field);
		fi->message = msg;
	}
	if ((msg = validate_lookalike(a)) != NULL)
		validate_add(fs, FINDING_FORMAT, field)->message = msg;
}

/* All findings of the draft, in form order, appended to fs. */
void
validate_draft(const struct draft *d, struct findings *fs)
{
	const struct form *form = d->form;
	const struct form_item *item;
	struct finding *fi;
	size_t i, j, count, limit;
	int shared;

	for (i = 0; i < form->nitems; i++) {
		item = &form->items[i];
		for (j = item->first; j < item->first + item->nfields; j++)
			validate_field(d, j, fs);
		if (item->limit == 0)
			continue;
		count = validate_count(d, item->first, (size_t)-1, 0, &limit,
		    &shared);
		if (count > limit) {
			fi = validate_add(fs, FINDING_OVER_LIMIT, item->first);
			fi->shared = 1;
			fi->count = count;
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
