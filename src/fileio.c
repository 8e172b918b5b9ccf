/*
 * fileio: whole-file reads and atomic replacement.
 *
 * fileio_read accepts only regular files no larger than a limit and never
 * blocks on a FIFO.  fileio_replace writes a temporary file
 * ".<name>.<pid>.XXXXXX" in the target's directory (O_EXCL, mode 0600
 * whatever the umask), fsyncs it, optionally hard-links the old version to
 * "<path>~.tmp", renames the temporary file over the target, then the
 * backup link over "<path>~", and fsyncs the directory.  The previous
 * backup is replaced only once the new version is in place.  At every
 * instant the target is either the old or the new version; on any error
 * the target is untouched and the temporary removed.  A temporary file
 * left by a process killed mid-save is removed by the next draft save in
 * that directory.
 *
 * Nothing is written through a symbolic link: a target that is one is
 * refused, links are made with linkat() without AT_SYMLINK_FOLLOW and new
 * names are created with O_EXCL.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <signal.h>
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
	int fd, rc;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	rc = fileio_read_fd(fd, path, max, bufp, lenp, NULL, cause);
	close(fd);
	return rc;
}

/*
 * Read the regular file open on fd (named path in messages; at most max
 * bytes) as fileio_read does, and when id is not NULL set it to the
 * identity of what was read (fstat of fd, never a second look up of the
 * name).  fd stays open.  Returns 0, or -1 with a cause.
 */
int
fileio_read_fd(int fd, const char *path, size_t max, char **bufp,
    size_t *lenp, struct fileio_id *id, char **cause)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	ssize_t n;

	if (fstat(fd, &st) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*cause = xasprintf(_("%s: not a regular file"), path);
		return -1;
	}
	if ((unsigned long long)st.st_size > max) {
		*cause = xasprintf(_("%s: file too large (more than %zu bytes)"),
		    path, max);
		return -1;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	for (;;) {
		n = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xasprintf("%s: %s", path, strerror(errno));
			free(buf);
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > (size_t)st.st_size) {
			*cause = xasprintf(_("%s: file changed while reading"),
			    path);
			free(buf);
			return -1;
		}
	}
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	if (id != NULL)
		fileio_id_set(id, &st);
	return 0;
}

/*
 * Write all len bytes of p to fd, retrying after a signal.  Returns 0, or
 * -1 with errno set (EIO for a write that wrote nothing).  Async-signal-
 * safe, for the emergency save.
 */
int
fileio_write_all(int fd, const void *p, size_t len)
{
	const char *buf = p;
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The identity of the file path (not following a symbolic link). */
int
fileio_id_get(const char *path, struct fileio_id *id)
{
	struct stat st;

	if (lstat(path, &st) == -1)
		return -1;
	fileio_id_set(id, &st);
	return 0;
}

void
fileio_id_set(struct fileio_id *id, const struct stat *st)
{
	memset(id, 0, sizeof *id);
	id->dev = st->st_dev;
	id->ino = st->st_ino;
	id->size = st->st_size;
	id->mtime = st->st_mtim;
	id->known = 1;
}

/* Whether two identities name the same, unchanged file. */
int
fileio_id_same(const struct fileio_id *a, const struct fileio_id *b)
{
	return a->known && b->known && a->dev == b->dev &&
	    a->ino == b->ino && a->size == b->size &&
	    a->mtime.tv_sec == b->mtime.tv_sec &&
	    a->mtime.tv_nsec == b->mtime.tv_nsec;
}

/* The directory part of path and its last component (caller frees *dir). */
static const char *
fileio_split(const char *path, char **dir)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		*dir = xstrdup(".");
		return path;
	}
	*dir = slash == path ? xstrdup("/") : xstrndup(path,
	    (size_t)(slash - path));
	return slash + 1;
}

/*
 * Remove the temporary files ".<base>.<pid>.XXXXXX" in dir left by
 * processes of this host that no longer exist (killed mid-save).  Only
 * regular files of ours are removed; best effort.
 */
void
fileio_tidy(const char *dir, const char *base)
{
	struct dirent *de;
	struct stat st;
	size_t blen = strlen(base), tail;
	const char *p;
	char *end;
	long pid;
	DIR *dp;
	int dfd;

	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return;
	if ((dp = fdopendir(dfd)) == NULL) {
		close(dfd);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		p = de->d_name;
		if (p[0] != '.' || strncmp(p + 1, base, blen) != 0 ||
		    p[1 + blen] != '.')
			continue;
		p += blen + 2;
		errno = 0;
		pid = strtol(p, &end, 10);
		if (end == p || *end != '.' || errno != 0 || pid <= 0 ||
		    pid == (long)getpid())
			continue;
		tail = strlen(end + 1);
		if (tail != 6 || strchr(end + 1, '.') != NULL)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode) && st.st_uid == geteuid())
			unlinkat(dfd, de->d_name, 0);
	}
	closedir(dp);
}

/*
 * Make bak a hard link to (or, where links fail, a copy of) path, never
 * following a symbolic link.  Returns 1 when made, 0 when there is no path
 * to back up, -1 with a cause.
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
	if (linkat(AT_FDCWD, path, AT_FDCWD, bak, 0) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;
	if (errno == EEXIST) {	/* made again meanwhile: not ours */
		*cause = xasprintf("%s: %s", bak, strerror(errno));
		return -1;
	}
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
	return fileio_replace_id(path, buf, len, flags, NULL, cause);
}

/*
 * fileio_replace, also giving the identity of the new file in *id (when
 * id is not NULL).
 */
int
fileio_replace_id(const char *path, const char *buf, size_t len, int flags,
    struct fileio_id *id, char **cause)
{
	char *dir, *tmp = NULL, *bak = NULL, *baktmp = NULL;
	const char *base;
	struct stat st;
	int fd, dfd, saved, backed = 0;

	base = fileio_split(path, &dir);
	if (lstat(path, &st) == 0) {
		if (flags & FILEIO_EXCL) {
			*cause = xasprintf("%s: %s", path, strerror(EEXIST));
			goto fail;
		}
		if (S_ISLNK(st.st_mode)) {
			*cause = xasprintf(_("%s: is a symbolic link; kaiji "
			    "does not write through symbolic links"), path);
			goto fail;
		}
		if (!S_ISREG(st.st_mode)) {
			*cause = xasprintf(_("%s: not a regular file"), path);
			goto fail;
		}
	}
	tmp = xasprintf("%s/.%s.%ld.XXXXXX", dir, base, (long)getpid());
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	if (fchmod(fd, S_IRUSR | S_IWUSR) == -1 ||
	    fileio_write_all(fd, buf, len) == -1 || fsync(fd) == -1 ||
	    fstat(fd, &st) == -1) {
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
	if ((flags & FILEIO_EXCL) ? linkat(AT_FDCWD, tmp, AT_FDCWD, path,
	    0) == -1 : rename(tmp, path) == -1) {
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
	if (flags & (FILEIO_BACKUP | FILEIO_EXCL))
		fileio_tidy(dir, base);
	if (id != NULL)
		fileio_id_set(id, &st);
	free(bak);
	free(baktmp);
	free(tmp);
	free(dir);
	return 0;

fail:
	free(bak);
	free(baktmp);
	free(tmp);
	free(dir);
	return -1;
}
