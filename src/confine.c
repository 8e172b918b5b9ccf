/*
 * confine: the restricted mode (kaiji --restricted, or the program invoked
 * as rkaiji), for servers where applicants reach the editor through SSH
 * with ForceCommand and nothing else.
 *
 * Data model: one process-wide drafts directory, an absolute path without
 * symbolic links, set once by confine_start; NULL when not restricted;
 * and a descriptor of that directory (confine_fd), through which drafts
 * are opened (confine_open), so that no name is resolved twice: the file
 * read is the one that was checked.
 * Invariants, in restricted mode:
 * - every draft the editor opens, creates or saves as is a regular file
 *   directly in that directory, named by a plain file name (no '/', no
 *   leading '.', no control characters, valid UTF-8, ending in .yaml);
 *   a name that is a symbolic link (to anywhere) is refused;
 * - the only files written besides drafts are the draft's own companions
 *   in the same directory (DRAFT~, DRAFT.lock, DRAFT.txt, DRAFT.save),
 *   the positions file under the user's XDG state directory and, when
 *   the drafts directory takes no emergency copy, that copy there too,
 *   and the compiled forms under the XDG cache directory (formcache);
 * - no subcommand runs but ask, the line mode (rkaiji ask NAME [ID]...),
 *   which opens its draft by name through confine_path and confine_open
 *   and writes only the draft and its companions, as the editor does;
 *   no program is started (kaiji never starts programs; the restriction
 *   is on paths).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "confine.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#define CONFINE_NAME_MAX	200	/* bytes, well inside NAME_MAX */

static char	*confine_drafts;
static int	 confine_fd = -1;

/*
 * Enter restricted mode with drafts in dir (created 0700 when missing).
 * Returns -1 with a cause when the directory cannot be had.
 */
int
confine_start(const char *dir, char **cause)
{
	struct stat st;
	char *real;
	int fd = -1;

	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		return -1;
	}
	if ((real = realpath(dir, NULL)) == NULL) {
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		return -1;
	}
	if ((fd = open(real, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1 || fstat(fd, &st) == -1 ||
	    !S_ISDIR(st.st_mode)) {
		*cause = xasprintf(_("%s: not a directory"), dir);
		if (fd != -1)
			close(fd);
		free(real);
		return -1;
	}
	free(confine_drafts);
	confine_drafts = real;
	if (confine_fd != -1)
		close(confine_fd);
	confine_fd = fd;
	return 0;
}

/* The drafts directory in restricted mode, or NULL. */
const char *
confine_dir(void)
{
	return confine_drafts;
}

/* Whether name is a plain draft file name (see the invariants). */
static int
confine_name_ok(const char *name)
{
	size_t len = strlen(name);
	const char *s;

	if (len == 0 || len > CONFINE_NAME_MAX || name[0] == '.' ||
	    strchr(name, '/') != NULL || text_invalid(name, len) != len)
		return 0;
	for (s = name; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '\\')
			return 0;
	}
	return len > 5 && strcmp(name + len - 5, ".yaml") == 0;
}

/*
 * The path of the draft called name: in restricted mode name must be a
 * plain name (".yaml" is added when it has no such ending) of a file in
 * the drafts directory that, if it exists, is a regular file; otherwise
 * name itself.  Returns NULL with a cause when refused; caller frees.
 */
char *
confine_path(const char *name, char **cause)
{
	char *plain, *path, *safe;
	size_t len = strlen(name);

	if (confine_drafts == NULL)
		return xstrdup(name);
	if (len < 5 || strcmp(name + len - 5, ".yaml") != 0)
		plain = xasprintf("%s.yaml", name);
	else
		plain = xstrdup(name);
	if (!confine_name_ok(plain)) {
		free(plain);
		safe = text_safe(name, 0);
		*cause = xasprintf(_("'%s': only the name of a draft in %s "
		    "can be given here (no '/', no leading '.')"), safe,
		    confine_drafts);
		free(safe);
		return NULL;
	}
	path = xasprintf("%s/%s", confine_drafts, plain);
	free(plain);
	if (confine_check(path, cause) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

/*
 * Whether the editor may open or write path: always outside restricted
 * mode; in it, only a plain name directly in the drafts directory that is
 * not a symbolic link or anything but a regular file.  Returns -1 with a
 * cause when not.
 */
int
confine_check(const char *path, char **cause)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	size_t dlen;
	char *safe;
	int exists;

	if (confine_drafts == NULL)
		return 0;
	dlen = strlen(confine_drafts);
	exists = lstat(path, &st) == 0;
	safe = text_safe(path, 0);
	if (slash == NULL || (size_t)(slash - path) != dlen ||
	    strncmp(path, confine_drafts, dlen) != 0 ||
	    !confine_name_ok(slash + 1))
		*cause = xasprintf(_("%s: not a draft in %s"), safe,
		    confine_drafts);
	else if (exists && S_ISLNK(st.st_mode))
		*cause = xasprintf(_("%s: a symbolic link; only drafts that "
		    "are files in %s can be opened"), safe, confine_drafts);
	else if (exists && !S_ISREG(st.st_mode))
		*cause = xasprintf(_("%s: not a regular file"), safe);
	else {
		free(safe);
		return 0;
	}
	free(safe);
	return -1;
}

/*
 * Open the draft at path to read it: in restricted mode only by its name
 * in the drafts directory's descriptor, never following a link (what is
 * opened is then fstat'ed by its reader, fileio_read_fd); otherwise path
 * as it is.  Returns the descriptor, or -1 with a cause and errno set
 * (ENOENT: there is no such file).
 */
int
confine_open(const char *path, char **cause)
{
	const int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
	int fd, err;
	char *safe;

	if (confine_drafts == NULL)
		fd = open(path, flags);
	else if (confine_check(path, cause) != 0) {
		errno = EPERM;
		return -1;
	} else
		fd = openat(confine_fd, strrchr(path, '/') + 1,
		    flags | O_NOFOLLOW);
	if (fd != -1)
		return fd;
	err = errno;
	safe = text_safe(path, 0);
	if (confine_drafts != NULL && err == ELOOP)
		*cause = xasprintf(_("%s: a symbolic link; only drafts that "
		    "are files in %s can be opened"), safe, confine_drafts);
	else
		*cause = xasprintf("%s: %s", safe, strerror(err));
	free(safe);
	errno = err;
	return -1;
}
