/*
 * xdg: the XDG base directories kaiji keeps its files in ($XDG_DATA_HOME
 * for drafts, $XDG_STATE_HOME for positions, $XDG_CACHE_HOME for compiled
 * forms), each with a "kaiji" directory of its own.
 */
#ifndef KAIJI_XDG_H
#define KAIJI_XDG_H

char	*xdg_path(const char *, const char *, const char *);
int	 xdg_mkdirs(const char *);

#endif
