/*
 * emergency: the last save of an editor that crashes.
 *
 * On SIGSEGV, SIGBUS, SIGFPE, SIGILL or SIGABRT, and when memory runs out
 * (xalloc's fatal hook), the handler restores the terminal with bytes and
 * terminal modes the view handed over at start-up, writes every answer of
 * the watched session (the one being edited included) to a new file
 * "<draft>.save" (or ".save.1" ... ".save.9" when that exists), mode
 * 0600, as a draft the normal loader reads, prints its path on standard
 * error and lets the signal kill the process.  Only async-signal-safe
 * calls are made, and nothing is allocated.
 *
 * The session tells this module where its draft is through struct
 * emergency_source: the addresses of its own variables, read at the
 * moment of the save, so that they are current without being reported at
 * each change.  One session is watched at a time.
 */
#ifndef KAIJI_EMERGENCY_H
#define KAIJI_EMERGENCY_H

#include <stddef.h>

struct draft;
struct termios;
struct textbuf;

struct emergency_source {
	char *const		*path;		/* the draft file */
	struct draft *const	*draft;		/* its answers (NULL: none) */
	const size_t		*field;		/* the field being edited */
	struct textbuf *const	*edit;		/* its text (NULL: none) */
	const int		*readonly;	/* nothing may be written */
};

void	emergency_watch(const struct emergency_source *);
void	emergency_install(void);
void	emergency_terminal(const char *, size_t, const struct termios *);
int	emergency_save(char *, size_t);

#endif
