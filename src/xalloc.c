/*
 * xalloc: allocation wrappers.  None of them returns NULL: on failure they
 * call the fatal hook once (so the editor can save what the user typed),
 * print one line and abort.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

static void	(*xalloc_fatal_hook)(void);

/* Set the function run before aborting on exhaustion. */
void
xalloc_set_fatal(void (*fn)(void))
{
	xalloc_fatal_hook = fn;
}

static void __attribute__((noreturn))
xalloc_die(void)
{
	static const char msg[] = "kaiji: out of memory\n";
	void (*hook)(void) = xalloc_fatal_hook;

	xalloc_fatal_hook = NULL;
	if (hook != NULL)
		hook();
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
		/* nothing more can be done */
	}
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size == 0 ? 1 : size);

	if (p == NULL)
		xalloc_die();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL)
		xalloc_die();
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	p = realloc(p, size == 0 ? 1 : size);
	if (p == NULL)
		xalloc_die();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		xalloc_die();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	n = strnlen(s, n);
	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * v (holding n elements of size bytes) with room for one more: the room
 * doubles at powers of two, so that appending one at a time is linear.
 */
void *
xgrowarray(void *v, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		return xreallocarray(v, n == 0 ? 1 : 2 * n, size);
	return v;
}

/* Free the n strings of v, then v. */
void
xfreev(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		xalloc_die();
	va_end(ap);
	return s;
}
