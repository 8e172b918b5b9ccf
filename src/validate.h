/*
 * validate: findings about a draft against its form.
 *
 * Findings come in form order.  Missing answers, answers over a limit and
 * answers not among a closed list of choices are problems (the draft is
 * incomplete); format findings are warnings.
 */
#ifndef KAIJI_VALIDATE_H
#define KAIJI_VALIDATE_H

#include <stddef.h>

#include "form.h"

struct draft;

enum finding_kind {
	FINDING_MISSING,	/* a 必須 field is unanswered */
	FINDING_MISSING_LEVEL,	/* a 必須○ field is unanswered */
	FINDING_OVER_LIMIT,	/* count > limit (a field's or an item's) */
	FINDING_NOT_CHOICE,	/* not among a closed list of choices */
	FINDING_FORMAT,		/* warning: not in the form the type implies */
	FINDING_RENEW,		/* carried over from an earlier application,
				   still to renew (changed or confirmed) */
	FINDING_NOTE		/* warning: an open note on the field */
};

struct finding {
	enum finding_kind	 kind;
	size_t			 field;		/* index; first field if shared */
	int			 shared;	/* the item's shared limit */
	size_t			 count;		/* OVER_LIMIT: 字 counted */
	size_t			 halves;	/* OVER_LIMIT: 全角換算 x 2 */
	size_t			 limit;		/* OVER_LIMIT: the limit */
	char			*message;	/* NOT_CHOICE, FORMAT, RENEW
						   (from what), NOTE */
};

struct findings {
	struct finding		*v;
	size_t			 n;
};

void		 validate_draft(const struct draft *, struct findings *);
void		 validate_field(const struct draft *, size_t,
		     struct findings *);
size_t		 validate_count(const struct draft *, size_t, size_t, size_t,
		     size_t *, int *);
size_t		 validate_halves(const struct draft *, size_t);
int		 validate_over(const struct form *, size_t, size_t, size_t);
char		*validate_limit_text(const struct form *, size_t, size_t,
		     size_t);
void		 validate_tally(const struct draft *, size_t, size_t,
		     size_t[FORM_NMARKS], size_t[FORM_NMARKS]);
int		 validate_is_problem(const struct finding *);
const char	*validate_kind_name(enum finding_kind);
void		 validate_free(struct findings *);

#endif
