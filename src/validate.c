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
 * total over the item's fields and the item's limit (*shared set).
 */
size_t
validate_count(const struct draft *d, size_t field, size_t *limit, int *shared)
{
	const struct form_field *f = &d->form->fields[field];
	const struct form_item *item = &d->form->items[f->item];
	const char *a;
	size_t i, count = 0;

	if (item->limit != 0) {
		for (i = item->first; i < item->first + item->nfields; i++) {
			if ((a = d->answers[i]) != NULL)
				count += text_count(a, strlen(a));
		}
		*limit = item->limit;
		*shared = 1;
		return count;
	}
	a = d->answers[field];
	*limit = f->limit;
	*shared = 0;
	return a == NULL ? 0 : text_count(a, strlen(a));
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
		count = validate_count(d, item->first, &limit, &shared);
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
	return f->kind != FINDING_FORMAT;
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
