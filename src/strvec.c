/*
 * strvec: the string list.  Appending is amortized constant time (the
 * array grows at powers of two, see xgrowarray).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "strvec.h"
#include "xalloc.h"

/* Append s, which the list takes over. */
void
strvec_add(struct strvec *sv, char *s)
{
	sv->v = xgrowarray(sv->v, sv->n, sizeof *sv->v);
	sv->v[sv->n++] = s;
}

/* Append the string that printf would print for fmt. */
void
strvec_addf(struct strvec *sv, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		xfatal("out of memory");
	va_end(ap);
	strvec_add(sv, s);
}

/* Free every string and the array; the list is then empty. */
void
strvec_free(struct strvec *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = 0;
}
