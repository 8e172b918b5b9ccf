/*
 * lock: the lock file beside a draft.
 *
 * A lock file only ever appears complete: it is written under a unique
 * temporary name ".<draft>.lock.<pid>.XXXXXX" in the draft's directory (such
 * names left by a killed process are removed by the next lock taken there)
 * and link()ed to "<path>.lock",
 * which fails with EEXIST while the lock exists.  The user and host in the
 * line are printable ASCII without spaces (anything else is written as
 * '?'), so the line can be parsed back and shown on a terminal.
 *
 * An existing lock is replaced only by a takeover, and only while holding
 * the guard "<path>.lock.takeover", itself made by link()ing the temporary
 * file: under the guard the lock is read again and, if still stale,
 * replaced by rename(), which never leaves the lock name empty.  So when
 * a stale lock is raced for, one process renames and every other finds a
 * live lock and reports its holder.  A guard whose process is gone or that
 * is over LOCK_STALE_AGE seconds old is removed (a takeover takes
 * microseconds); two processes can both win only if a guard is removed
 * while its holder is still working.
 *
 * Nothing here opens, follows or writes through the lock name: it is read
 * with O_NOFOLLOW after lstat, and only link(), rename() and unlink()
 * change it.  Lock files are written mode 0644 whatever the umask: the
 * line names only a user, a host, a process and a time, and every user
 * sharing the directory must be able to read it to judge it stale.  A
 * lock file that we cannot read (an older kaiji's, mode 0600, or one made
 * private by hand) is never taken over, and neither is a stale lock that
 * the directory does not let us replace (another user's file in a sticky
 * directory): lock_describe then names the file and says how to remove it.
 *
 * A struct lock records the lock file's device, inode and line;
 * lock_release removes the file only while all three still match.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "i18n.h"
#include "lock.h"
#include "xalloc.h"

#define LOCK_MAGIC	"kaiji-lock"
#define LOCK_VERSION	"1"
#define LOCK_MAX	512	/* longer files are not locks */
#define LOCK_TRIES	100	/* link() attempts, LOCK_PAUSE apart when busy */
#define LOCK_PAUSE	10	/* milliseconds */

struct lock {
	char			*path;		/* "<draft>.lock" */
	struct lock_holder	 self;		/* the line we wrote */
	dev_t			 dev;
	ino_t			 ino;
};

/* How the line of an existing lock file could be used. */
enum lock_kind {
	LOCK_VALID,		/* parsed */
	LOCK_GARBAGE,		/* read, but not a lock line */
	LOCK_PRIVATE		/* not readable by us */
};

/* Copy src to dst (size bytes), printable ASCII without spaces. */
static void
lock_clean(char *dst, size_t size, const char *src)
{
	size_t i;

	for (i = 0; i + 1 < size && src[i] != '\0'; i++) {
		if (src[i] > ' ' && src[i] < 0x7f)
			dst[i] = src[i];
		else
			dst[i] = '?';
	}
	if (i == 0 && size > 1)
		dst[i++] = '?';
	dst[i] = '\0';
}

/* The user name of uid, or its number. */
static void
lock_user(uid_t uid, char *dst, size_t size)
{
	struct passwd *pw;

	pw = getpwuid(uid);
	if (pw != NULL && pw->pw_name != NULL && *pw->pw_name != '\0')
		lock_clean(dst, size, pw->pw_name);
	else
		snprintf(dst, size, "%lu", (unsigned long)uid);
}

/* This host's name as written in lock lines. */
static void
lock_host(char *dst, size_t size)
{
	char host[256];

	if (gethostname(host, sizeof host) == -1)
		snprintf(host, sizeof host, "localhost");
	host[sizeof host - 1] = '\0';
	lock_clean(dst, size, host);
}

/* A decimal number of at most max, or -1 if s is anything else. */
static long long
lock_number(const char *s, long long max)
{
	long long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* Parse len bytes of buf into h.  Returns 0, or -1 unless it is a lock line. */
static int
lock_parse(const char *buf, size_t len, struct lock_holder *h)
{
	char copy[LOCK_MAX], *p, *field[6];
	long long pid, since;
	size_t i, ulen, hlen;

	if (len == 0 || len > sizeof copy || buf[len - 1] != '\n')
		return -1;
	for (i = 0; i < len - 1; i++) {
		if (buf[i] != ' ' && (buf[i] <= ' ' || buf[i] >= 0x7f))
			return -1;
	}
	memcpy(copy, buf, len - 1);
	copy[len - 1] = '\0';

	p = copy;
	for (i = 0; i < 6; i++) {
		field[i] = strsep(&p, " ");
		if (field[i] == NULL || *field[i] == '\0')
			return -1;
	}
	if (p != NULL)
		return -1;
	if (strcmp(field[0], LOCK_MAGIC) != 0 ||
	    strcmp(field[1], LOCK_VERSION) != 0)
		return -1;
	if ((ulen = strlen(field[2])) >= sizeof h->user ||
	    (hlen = strlen(field[3])) >= sizeof h->host)
		return -1;
	if ((pid = lock_number(field[4], INT_MAX)) < 1)
		return -1;
	if ((since = lock_number(field[5], LLONG_MAX)) < 0)
		return -1;

	memset(h, 0, sizeof *h);
	memcpy(h->user, field[2], ulen + 1);
	memcpy(h->host, field[3], hlen + 1);
	h->pid = (long)pid;
	h->since = since;
	return 0;
}

/*
 * Read the lock file at path without following a symbolic link: fill h,
 * *st (of the file read) and *kind.  Returns 0, 1 if there is no such
 * file, or -1 with a cause (a symbolic link or not a regular file).
 */
static int
lock_read(const char *path, struct lock_holder *h, struct stat *st,
    enum lock_kind *kind, char **cause)
{
	char buf[LOCK_MAX + 1];
	size_t len = 0;
	ssize_t n;
	int fd;

	if (lstat(path, st) == -1) {
		if (errno == ENOENT)
			return 1;
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISLNK(st->st_mode)) {
		*cause = xasprintf(_("%s: lock file is a symbolic link"), path);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		*cause = xasprintf(_("%s: lock file is not a regular file"),
		    path);
		return -1;
	}

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC);
	if (fd == -1) {
		if (errno == ENOENT)
			return 1;
		if (errno == EACCES || errno == EPERM) {
			*kind = LOCK_PRIVATE;
			goto owner;
		}
		if (errno == ELOOP) {
			*cause = xasprintf(_("%s: lock file is a symbolic "
			    "link"), path);
		} else
			*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, st) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		*cause = xasprintf(_("%s: lock file is not a regular file"),
		    path);
		close(fd);
		return -1;
	}
	while (len < sizeof buf) {
		n = read(fd, buf + len, sizeof buf - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xasprintf("%s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);

	if (memchr(buf, '\0', len) == NULL && lock_parse(buf, len, h) == 0) {
		*kind = LOCK_VALID;
		return 0;
	}
	*kind = LOCK_GARBAGE;
owner:
	memset(h, 0, sizeof *h);
	lock_user(st->st_uid, h->user, sizeof h->user);
	h->since = (long long)st->st_mtime;
	return 0;
}

/* Whether a lock file read by lock_read may be taken over. */
static int
lock_stale(const struct lock_holder *h, enum lock_kind kind,
    const struct stat *st, const char *host)
{
	switch (kind) {
	case LOCK_VALID:
		if (strcmp(h->host, host) != 0)
			return 0;
		return kill((pid_t)h->pid, 0) == -1 && errno == ESRCH;
	case LOCK_GARBAGE:
		return time(NULL) - st->st_mtime > LOCK_STALE_AGE;
	case LOCK_PRIVATE:
		break;
	}
	return 0;
}

static void
lock_pause(void)
{
	struct timespec ts = { 0, LOCK_PAUSE * 1000L * 1000L };

	nanosleep(&ts, NULL);
}

/*
 * Write our lock line to a new temporary file beside the lock, mode 0600,
 * and return its name; *st is its status.  NULL with a cause on error.
 */
static char *
lock_tempfile(const char *lockpath, const struct lock_holder *self,
    struct stat *st, char **cause)
{
	char *copy, *tmp, *line;
	const char *base;
	size_t len;
	int fd, saved;

	copy = xstrdup(lockpath);
	base = strrchr(lockpath, '/') != NULL ? strrchr(lockpath, '/') + 1 :
	    lockpath;
	tmp = xasprintf("%s/.%s.%ld.XXXXXX", dirname(copy), base,
	    (long)self->pid);
	free(copy);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s: %s", lockpath, strerror(errno));
		free(tmp);
		return NULL;
	}

	line = xasprintf("%s %s %s %s %ld %lld\n", LOCK_MAGIC, LOCK_VERSION,
	    self->user, self->host, self->pid, self->since);
	len = strlen(line);
	saved = 0;
	if (fchmod(fd, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH) == -1)
		saved = errno;
	if (saved == 0 && fileio_write_all(fd, line, len) == -1)
		saved = errno;
	if (saved == 0 && fstat(fd, st) == -1)
		saved = errno;
	if (close(fd) == -1 && saved == 0)
		saved = errno;
	free(line);
	if (saved != 0) {
		unlink(tmp);
		*cause = xasprintf("%s: %s", lockpath, strerror(saved));
		free(tmp);
		return NULL;
	}
	return tmp;
}

/*
 * Take over the stale lock at lockpath with the temporary file tmp (status
 * *tst) under the guard described above.  Returns 0 if tmp is now the lock
 * (tmp no longer exists), 1 to look at the lock again, -1 with a cause.
 */
static int
lock_takeover(const char *lockpath, const char *tmp, const struct stat *tst,
    const char *host, char **cause)
{
	struct lock_holder h;
	enum lock_kind kind;
	struct stat st;
	char *guard;
	int rc;

	guard = xasprintf("%s.takeover", lockpath);
	if (link(tmp, guard) == -1) {
		if (errno != EEXIST) {
			*cause = xasprintf("%s: %s", guard, strerror(errno));
			free(guard);
			return -1;
		}
		rc = lock_read(guard, &h, &st, &kind, cause);
		if (rc == 0 && (lock_stale(&h, kind, &st, host) ||
		    time(NULL) - st.st_mtime > LOCK_STALE_AGE)) {
			/* its process died in a takeover */
			if (unlink(guard) == -1 && errno != ENOENT) {
				*cause = xasprintf("%s: %s", guard,
				    strerror(errno));
				rc = -1;
			}
		} else if (rc == 0)
			lock_pause();
		free(guard);
		return rc == -1 ? -1 : 1;
	}

	/* Only a guard holder replaces an existing lock: look again. */
	rc = lock_read(lockpath, &h, &st, &kind, cause);
	if (rc == 0 && lock_stale(&h, kind, &st, host)) {
		if (rename(tmp, lockpath) == -1) {
			if (errno == EPERM || errno == EACCES)
				*cause = xasprintf(_("%s: a stale lock of %s "
				    "that this user may not replace; if no one "
				    "is editing the draft, %s or the owner of "
				    "the directory can remove it"), lockpath,
				    h.user, h.user);
			else
				*cause = xasprintf("%s: %s", lockpath,
				    strerror(errno));
			rc = -1;
		}
	} else if (rc == 0)
		rc = 1;

	if (lstat(guard, &st) == 0 && st.st_dev == tst->st_dev &&
	    st.st_ino == tst->st_ino)
		unlink(guard);
	free(guard);
	return rc;
}

/* Remove lock temporaries left by processes killed while locking. */
static void
lock_tidy(const char *lockpath)
{
	char *copy = xstrdup(lockpath);
	const char *base = strrchr(lockpath, '/') != NULL ?
	    strrchr(lockpath, '/') + 1 : lockpath;

	fileio_tidy(dirname(copy), base);
	free(copy);
}

/*
 * Lock the draft at path.  Returns 0 and *lkp; 1 and *holder if the lock
 * is held by a live process, a process of another host or an unreadable
 * or recent foreign file; -1 with a cause naming the lock file.  Only on 0
 * is anything on disk changed (bar a stale takeover guard) or *lkp set.
 */
int
lock_acquire(const char *path, struct lock **lkp, struct lock_holder *holder,
    char **cause)
{
	struct lock_holder self, h;
	enum lock_kind kind;
	struct stat tst, st;
	struct lock *lk;
	char *lockpath, *tmp, *why = NULL, *ignore = NULL;
	int i, rc;

	memset(&self, 0, sizeof self);
	lock_user(geteuid(), self.user, sizeof self.user);
	lock_host(self.host, sizeof self.host);
	self.pid = (long)getpid();
	self.since = (long long)time(NULL);
	lockpath = xasprintf("%s.lock", path);

	if ((tmp = lock_tempfile(lockpath, &self, &tst, &why)) == NULL) {
		/* Cannot write here; still say if someone holds it. */
		if (lock_read(lockpath, &h, &st, &kind, &ignore) == 0 &&
		    !lock_stale(&h, kind, &st, self.host)) {
			free(why);
			rc = 1;
			goto held;
		}
		free(ignore);
		free(lockpath);
		*cause = why;
		return -1;
	}

	for (i = 0; i < LOCK_TRIES; i++) {
		if (link(tmp, lockpath) == 0)
			goto won;
		if (errno != EEXIST) {
			*cause = xasprintf("%s: %s", lockpath, strerror(errno));
			goto fail;
		}
		rc = lock_read(lockpath, &h, &st, &kind, cause);
		if (rc == -1)
			goto fail;
		if (rc == 1)
			continue;	/* released meanwhile */
		if (st.st_dev == tst.st_dev && st.st_ino == tst.st_ino)
			goto won;	/* link() succeeded but said not (NFS) */
		if (!lock_stale(&h, kind, &st, self.host)) {
			unlink(tmp);
			rc = 1;
			goto held;
		}
		rc = lock_takeover(lockpath, tmp, &tst, self.host, cause);
		if (rc == 0)
			goto taken;
		if (rc == -1)
			goto fail;
	}
	*cause = xasprintf(_("%s: lock file keeps changing; try again later"),
	    lockpath);
fail:
	unlink(tmp);
	free(tmp);
	free(lockpath);
	return -1;

held:
	free(tmp);
	free(lockpath);
	if (holder != NULL)
		*holder = h;
	return rc;

won:
	unlink(tmp);
taken:
	free(tmp);
	lock_tidy(lockpath);
	lk = xcalloc(1, sizeof *lk);
	lk->path = lockpath;
	lk->self = self;
	lk->dev = tst.st_dev;
	lk->ino = tst.st_ino;
	*lkp = lk;
	return 0;
}

/* Remove the lock file if it is still the one we wrote; free lk. */
void
lock_release(struct lock *lk)
{
	struct lock_holder h;
	enum lock_kind kind;
	struct stat st;
	char *cause = NULL;

	if (lk == NULL)
		return;
	if (lock_read(lk->path, &h, &st, &kind, &cause) == 0 &&
	    kind == LOCK_VALID &&
	    st.st_dev == lk->dev && st.st_ino == lk->ino &&
	    strcmp(h.user, lk->self.user) == 0 &&
	    strcmp(h.host, lk->self.host) == 0 &&
	    h.pid == lk->self.pid && h.since == lk->self.since)
		unlink(lk->path);
	free(cause);
	free(lk->path);
	free(lk);
}

/*
 * One translated line saying who holds the lock of the draft at path; when
 * kaiji cannot judge the holder (an unreadable or foreign lock file, or
 * another host's editor) it names the lock file to remove if no one is
 * editing.  The caller frees it.
 */
char *
lock_describe(const struct lock_holder *h, const char *path)
{
	char when[64], host[256];
	time_t t = (time_t)h->since;
	struct tm tm;
	char *s;

	if ((long long)t != h->since || localtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(when, sizeof when, "%lld", h->since);
	if (h->pid <= 0)
		return xasprintf(_("held by %s since %s; kaiji cannot tell "
		    "from %s.lock whether that editor still runs: if no one "
		    "is editing the draft, remove that file"), h->user, when,
		    path);
	lock_host(host, sizeof host);
	if (strcmp(h->host, host) != 0)
		s = xasprintf(_("held by %s@%s (pid %ld) since %s; if that "
		    "editor is gone, remove %s.lock"), h->user, h->host,
		    h->pid, when, path);
	else
		s = xasprintf(_("held by %s@%s (pid %ld) since %s"), h->user,
		    h->host, h->pid, when);
	return s;
}
