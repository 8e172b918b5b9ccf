/*
 * xalloc: allocation that cannot fail, and the one fatal path.  On
 * exhaustion (or another failure only exhaustion or a bug can cause)
 * xfatal runs the fatal hook (the editor's emergency save, when one is
 * set), prints one line and aborts.  Memory the functions return is the
 * caller's to free.
 */
#ifndef KAIJI_XALLOC_H
#define KAIJI_XALLOC_H

#include <stddef.h>
#include <stdio.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
void	*xgrowarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 xalloc_set_fatal(void (*)(void));
void	 xfatal(const char *) __attribute__((noreturn));
FILE	*xmemstream(char **, size_t *);
void	 xmemclose(FILE *);

#endif
