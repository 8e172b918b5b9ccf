/*
 * xdg: paths under the XDG base directories.  A variable that is unset,
 * empty or not an absolute path is ignored, as the XDG Base Directory
 * specification says; the directories are created 0700 when first needed.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "xalloc.h"
#include "xdg.h"

/*
 * "$VAR/kaiji/leaf" when the variable var is an absolute path, else
 * "$HOME/fallback/kaiji/leaf" ("." for an unset HOME).  The caller frees
 * the result.
 */
char *
xdg_path(const char *var, const char *fallback, const char *leaf)
{
	const char *xdg = getenv(var), *home = getenv("HOME");

	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/kaiji/%s", xdg, leaf);
	return xasprintf("%s/%s/kaiji/%s", home != NULL ? home : ".",
	    fallback, leaf);
}

/*
 * Create the directories above path that do not exist yet (mode 0700).
 * Returns 0, or -1 with errno set.
 */
int
xdg_mkdirs(const char *path)
{
	char *p = xstrdup(path), *s;
	int saved;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
			saved = errno;
			free(p);
			errno = saved;
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}
