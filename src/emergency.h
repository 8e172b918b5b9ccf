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
 */
#ifndef KAIJI_EMERGENCY_H
#define KAIJI_EMERGENCY_H

#include <stddef.h>

struct editor;
struct termios;

void	emergency_watch(const struct editor *);
void	emergency_terminal(const char *, size_t, const struct termios *);
int	emergency_save(char *, size_t);
void	emergency_fatal(void);

#endif
