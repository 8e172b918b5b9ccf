/*
 * fileio: whole-file reads and atomic replacement.
 *
 * fileio_read accepts only regular files no larger than a limit and never
 * blocks on a FIFO.  fileio_replace writes a temporary file in the target's
 * directory (mode 0600), fsyncs it, optionally hard-links the old version to
 * "<path>~.tmp", renames the temporary file over the target, then the
 * backup link over "<path>~", and fsyncs the directory.  The previous
 * backup is replaced only once the new version is in place.  At every instant the target is either the old or the new
 * version; on any error the target is untouched and the temporary removed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "i18n.h"
#include "xalloc.h"

/*
 * Read the regular file path (at most max bytes) into a NUL-terminated
 * buffer the caller frees.  Returns 0, or -1 with a cause.
 */
int
fileio_read(const char *path, size_t max, char **bufp, size_t *lenp,
    char **cause)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		*cause = xasprintf(_("%s: not a regular file"), path);
		goto fail;
	}
	if ((unsigned long long)st.st_size > max) {
		*cause = xasprintf(_("%s: file too large (more than %zu bytes)"),
		    path, max);
		goto fail;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	for (;;) {
		n = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xasprintf("%s: %s", path, strerror(errno));
			free(buf);
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > (size_t)st.st_size) {
			*cause = xasprintf(_("%s: file changed while reading"),
			    path);
			free(buf);
			goto fail;
		}
	}
	close(fd);
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	return 0;

fail:
	close(fd);
	return -1;
}

static int
fileio_write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Make bak a hard link to (or, where links fail, a copy of) path.  Returns
 * 1 when made, 0 when there is no path to back up, -1 with a cause.
 */
static int
fileio_link_backup(const char *path, const char *bak, char **cause)
{
	char *buf;
	size_t len;
	int rc;

	if (unlink(bak) == -1 && errno != ENOENT) {
		*cause = xasprintf("%s: %s", bak, strerror(errno));
		return -1;
	}
	if (link(path, bak) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;
	if (fileio_read(path, (size_t)-1 / 2, &buf, &len, cause) != 0)
		return -1;
	rc = fileio_replace(bak, buf, len, 0, cause);
	free(buf);
	return rc == 0 ? 1 : -1;
}

/*
 * Replace path with len bytes of buf, atomically, as described above.
 * Returns 0, or -1 with a cause naming the file.
 */
int
fileio_replace(const char *path, const char *buf, size_t len, int flags,
    char **cause)
{
	char *copy, *dir, *tmp, *bak = NULL, *baktmp = NULL;
	struct stat st;
	int fd, dfd, saved, backed = 0;

	if ((flags & FILEIO_EXCL) && lstat(path, &st) == 0) {
		*cause = xasprintf("%s: %s", path, strerror(EEXIST));
		return -1;
	}
	copy = xstrdup(path);
	dir = dirname(copy);
	tmp = xasprintf("%s/.%s.XXXXXX", dir, strrchr(path, '/') != NULL ?
	    strrchr(path, '/') + 1 : path);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	if (fchmod(fd, S_IRUSR | S_IWUSR) == -1 ||
	    fileio_write_all(fd, buf, len) == -1 || fsync(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		*cause = xasprintf("%s: %s", path, strerror(saved));
		goto fail;
	}
	if (close(fd) == -1) {
		saved = errno;
		unlink(tmp);
		*cause = xasprintf("%s: %s", path, strerror(saved));
		goto fail;
	}
	if (flags & FILEIO_BACKUP) {
		bak = xasprintf("%s~", path);
		baktmp = xasprintf("%s~.tmp", path);
		if ((backed = fileio_link_backup(path, baktmp, cause)) == -1) {
			unlink(tmp);
			goto fail;
		}
	}
	if ((flags & FILEIO_EXCL) ? link(tmp, path) == -1 :
	    rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		if (backed == 1)
			unlink(baktmp);
		*cause = xasprintf("%s: %s", path, strerror(saved));
		goto fail;
	}
	/* only now does the old version replace the previous backup */
	if (backed == 1 && rename(baktmp, bak) == -1)
		unlink(baktmp);
	if (flags & FILEIO_EXCL)
		unlink(tmp);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd != -1) {
		fsync(dfd);
		close(dfd);
	}
	free(bak);
	free(baktmp);
	free(tmp);
	free(copy);
	return 0;

fail:
	free(bak);
	free(baktmp);
	free(tmp);
	free(copy);
	return -1;
}
