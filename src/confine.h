/*
 * confine: the restricted mode for SSH ForceCommand setups (see
 * confine.c): drafts only by plain name in one directory.
 */
#ifndef KAIJI_CONFINE_H
#define KAIJI_CONFINE_H

int		 confine_start(const char *, char **);
const char	*confine_dir(void);
char		*confine_path(const char *, char **);
int		 confine_check(const char *, char **);
int		 confine_open(const char *, char **);

#endif
