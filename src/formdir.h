/*
 * formdir: the directory of form files and a cache of the forms loaded
 * from it.  A form kind and edition live in "<dir>/<form>-<edition>.yaml".
 */
#ifndef KAIJI_FORMDIR_H
#define KAIJI_FORMDIR_H

#include <stddef.h>

struct form;
struct formdir;

int			 formdir_uninstalled(const char *);
char			*formdir_default(const char *);
int			 formdir_uninstalled(const char *);
struct formdir		*formdir_open(const char *);
void			 formdir_free(struct formdir *);
const char		*formdir_path(const struct formdir *);
const struct form	*formdir_get(struct formdir *, const char *,
			     const char *, char **);
int			 formdir_list(struct formdir *,
			     const struct form ***, size_t *, char **);
const struct form	*formdir_newest(struct formdir *, const char *,
			     char **);

#endif
