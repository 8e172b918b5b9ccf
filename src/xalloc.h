/*
 * xalloc: allocation that cannot fail.  On exhaustion the fatal hook (the
 * editor's emergency save, when one is set) runs, a message is printed and
 * the process aborts.  Memory the functions return is the caller's to free.
 */
#ifndef KAIJI_XALLOC_H
#define KAIJI_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
void	*xgrowarray(void *, size_t, size_t);
void	 xfreev(char **, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 xalloc_set_fatal(void (*)(void));

#endif
