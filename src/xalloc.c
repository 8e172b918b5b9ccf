/*
 * xalloc: allocation wrappers.  None of them returns NULL: on failure they
 * go through xfatal, which calls the fatal hook once (so the editor can
 * save what the user typed), prints one line and aborts.  Only this file
 * and emergency.c call abort().
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

/*
 * Stop the program: run the fatal hook (once), print "kaiji: what" and
 * abort.  what is not translated: the catalogue may need memory there is
 * none of.
 */
void
xfatal(const char *what)
{
	void (*hook)(void) = xalloc_fatal_hook;
	char line[256];
	size_t n = strlen(what);

	xalloc_fatal_hook = NULL;
	if (hook != NULL)
		hook();
	if (n > sizeof line - 9)
		n = sizeof line - 9;
	memcpy(line, "kaiji: ", 7);
	memcpy(line + 7, what, n);
	line[7 + n] = '\n';
	if (write(STDERR_FILENO, line, 8 + n) < 0) {
		/* nothing more can be done */
	}
	abort();
}

static void __attribute__((noreturn))
xalloc_die(void)
{
	xfatal("out of memory");
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

/*
 * A stream writing into memory (open_memstream): once closed with
 * xmemclose, *buf holds what was written, NUL-terminated, *len bytes long,
 * for the caller to free.
 */
FILE *
xmemstream(char **buf, size_t *len)
{
	FILE *fp;

	*buf = NULL;
	*len = 0;
	if ((fp = open_memstream(buf, len)) == NULL)
		xalloc_die();
	return fp;
}

/* Close a stream from xmemstream, completing its buffer. */
void
xmemclose(FILE *fp)
{
	if (fclose(fp) != 0)
		xalloc_die();
}
