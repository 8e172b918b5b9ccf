/*
 * strvec: a list of strings that owns them, for notes, messages and cells.
 *
 * Data model: v[0..n) are strings the list owns (each freed by
 * strvec_free); v is NULL when n is 0.  STRVEC_INIT is the empty list;
 * strvec_free makes a list empty again.
 */
#ifndef KAIJI_STRVEC_H
#define KAIJI_STRVEC_H

#include <stddef.h>

struct strvec {
	char	**v;
	size_t	  n;
};

#define STRVEC_INIT	{ NULL, 0 }

void	strvec_add(struct strvec *, char *);
void	strvec_addf(struct strvec *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	strvec_free(struct strvec *);

#endif
