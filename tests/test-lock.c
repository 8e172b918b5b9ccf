/*
 * test-lock: the lock file beside a draft: its line and mode, holders seen
 * by this and other processes, stale and garbage locks taken over (and
 * live or recent ones not), symbolic links refused, release sparing
 * another's lock, read-only directories, and processes racing for a lock.
 *
 * Other editors are forked children; they report through a pipe and leave
 * with _exit, never through cmocka.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "lock.h"
#include "xalloc.h"

#define RACERS		10
#define ROUNDS		20	/* races for a free lock */
#define STALE_ROUNDS	200	/* races for a stale lock, a narrower window */

struct fixture {
	char		*dir;
	char		*draft;		/* "<dir>/draft.yaml", never created */
	char		*lock;		/* "<dir>/draft.yaml.lock" */
	struct lock	*lk;		/* held here, so children see it */
};

/* What a child editor got from lock_acquire. */
struct result {
	int			rc;
	long			pid;	/* the child's */
	struct lock_holder	holder;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	f->dir = xstrdup("/tmp/kaiji-test-lock.XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		perror("mkdtemp");
		free(f->dir);
		free(f);
		return -1;
	}
	f->draft = xasprintf("%s/draft.yaml", f->dir);
	f->lock = xasprintf("%s.lock", f->draft);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	struct dirent *de;
	char *path;
	DIR *d;
	int rc = 0;

	lock_release(f->lk);
	chmod(f->dir, 0700);
	if ((d = opendir(f->dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			path = xasprintf("%s/%s", f->dir, de->d_name);
			if (unlink(path) == -1)
				rc = -1;
			free(path);
		}
		closedir(d);
	}
	if (rmdir(f->dir) == -1) {
		fprintf(stderr, "could not remove %s\n", f->dir);
		rc = -1;
	}
	free(f->dir);
	free(f->draft);
	free(f->lock);
	free(f);
	return rc;
}

/* Check that dir holds want entries (no temporary file left, say). */
static void
assert_entries(const char *dir, size_t want)
{
	struct dirent *de;
	char names[1024] = "";
	size_t n = 0;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		fail_msg("%s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		n++;
		if (strlen(names) + strlen(de->d_name) + 2 < sizeof names) {
			strcat(names, " ");
			strcat(names, de->d_name);
		}
	}
	closedir(d);
	if (n != want)
		fail_msg("%zu entries, want %zu:%s", n, want, names);
}

static void
write_file(const char *path, const char *buf, size_t len)
{
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
	if (fd == -1)
		fail_msg("%s: %s", path, strerror(errno));
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
}

/* A file's contents, NUL-terminated (the caller frees them). */
static char *
read_file(const char *path)
{
	char *buf = xmalloc(4096);
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW)) == -1)
		fail_msg("%s: %s", path, strerror(errno));
	n = read(fd, buf, 4095);
	assert_true(n >= 0);
	buf[n] = '\0';
	close(fd);
	return buf;
}

static void
assert_file(const char *path, const char *want)
{
	char *got = read_file(path);

	assert_string_equal(got, want);
	free(got);
}

static void
assert_absent(const char *path)
{
	struct stat st;

	assert_int_equal(lstat(path, &st), -1);
	assert_int_equal(errno, ENOENT);
}

/* Set path's modification time to age seconds ago. */
static time_t
set_age(const char *path, time_t age)
{
	struct timespec ts[2];

	ts[0].tv_sec = ts[1].tv_sec = time(NULL) - age;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	if (utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW) == -1)
		fail_msg("%s: %s", path, strerror(errno));
	return ts[1].tv_sec;
}

static const char *
my_user(void)
{
	struct passwd *pw = getpwuid(geteuid());

	assert_non_null(pw);
	return pw->pw_name;
}

static const char *
my_host(void)
{
	static char host[256];

	assert_int_equal(gethostname(host, sizeof host), 0);
	host[sizeof host - 1] = '\0';
	return host;
}

/* A process id that no longer exists: a child's, reaped. */
static long
dead_pid(void)
{
	pid_t pid;
	int status;

	if ((pid = fork()) == -1)
		fail_msg("fork: %s", strerror(errno));
	if (pid == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(kill(pid, 0), -1);
	assert_int_equal(errno, ESRCH);
	return (long)pid;
}

static char *
lock_line(const char *user, const char *host, long pid, long long since)
{
	return xasprintf("kaiji-lock 1 %s %s %ld %lld\n", user, host, pid,
	    since);
}

/* Check that the lock file is ours, taken between t0 and t1. */
static void
assert_ours(const char *path, time_t t0, time_t t1)
{
	char *got = read_file(path), *want, *end;
	long long since;
	size_t len;

	want = xasprintf("kaiji-lock 1 %s %s %ld ", my_user(), my_host(),
	    (long)getpid());
	len = strlen(want);
	if (strncmp(got, want, len) != 0)
		fail_msg("lock line %s, want %s<since>", got, want);
	since = strtoll(got + len, &end, 10);
	assert_string_equal(end, "\n");
	assert_in_range(since, t0, t1);
	free(want);
	free(got);
}

/* In a child process, try to lock the draft; release what it gets. */
static struct result
child_acquire(const char *draft)
{
	struct result r;
	struct lock *lk = NULL;
	char *cause = NULL;
	int fds[2], status;
	pid_t pid;

	memset(&r, 0, sizeof r);
	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == -1)
		fail_msg("fork: %s", strerror(errno));
	if (pid == 0) {
		close(fds[0]);
		r.pid = (long)getpid();
		r.rc = lock_acquire(draft, &lk, &r.holder, &cause);
		if (r.rc == 0)
			lock_release(lk);
		free(cause);
		_exit(write(fds[1], &r, sizeof r) == sizeof r ? 0 : 1);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &r, sizeof r), sizeof r);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return r;
}

/* A fresh draft gets a 0644 lock naming us, whatever the umask. */
static void
test_fresh(void **state)
{
	struct fixture *f = *state;
	struct lock *lk = NULL;
	struct stat st;
	char *cause = NULL;
	time_t t0, t1;
	mode_t mask;

	mask = umask(0277);
	t0 = time(NULL);
	assert_int_equal(lock_acquire(f->draft, &lk, NULL, &cause), 0);
	t1 = time(NULL);
	umask(mask);
	assert_non_null(lk);
	assert_null(cause);

	assert_int_equal(lstat(f->lock, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0644);
	assert_int_equal(st.st_uid, geteuid());
	assert_int_equal(st.st_nlink, 1);
	assert_ours(f->lock, t0, t1);
	assert_entries(f->dir, 1);	/* no temporary file left */

	lock_release(lk);
	assert_absent(f->lock);
	assert_entries(f->dir, 0);
	lock_release(NULL);
}

/* A held lock gives 1 and its holder, here and in another process. */
static void
test_held(void **state)
{
	struct fixture *f = *state;
	struct lock_holder h;
	struct lock *lk2 = NULL;
	struct result r;
	struct stat st, st2;
	char *cause = NULL, *want;

	assert_int_equal(lock_acquire(f->draft, &f->lk, NULL, &cause), 0);
	assert_int_equal(lstat(f->lock, &st), 0);

	memset(&h, 0, sizeof h);
	assert_int_equal(lock_acquire(f->draft, &lk2, &h, &cause), 1);
	assert_null(lk2);
	assert_null(cause);
	assert_string_equal(h.user, my_user());
	assert_string_equal(h.host, my_host());
	assert_int_equal(h.pid, getpid());

	r = child_acquire(f->draft);
	assert_int_equal(r.rc, 1);
	assert_int_equal(r.holder.pid, getpid());
	assert_string_equal(r.holder.user, my_user());
	assert_string_equal(r.holder.host, my_host());
	assert_true(r.holder.since == h.since);

	/* nothing changed, nothing left behind */
	assert_int_equal(lstat(f->lock, &st2), 0);
	assert_true(st.st_ino == st2.st_ino);
	want = lock_line(h.user, h.host, h.pid, h.since);
	assert_file(f->lock, want);
	free(want);
	assert_entries(f->dir, 1);

	lock_release(f->lk);
	f->lk = NULL;
	assert_absent(f->lock);
	r = child_acquire(f->draft);
	assert_int_equal(r.rc, 0);
	assert_entries(f->dir, 0);
}

static void
test_describe(void **state)
{
	struct fixture *f = *state;
	struct lock_holder h;
	struct lock *lk = NULL;
	struct tm tm;
	char *s, *cause = NULL, *want;
	time_t t;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = 2026 - 1900;
	tm.tm_mon = 10;
	tm.tm_mday = 22;
	tm.tm_hour = 10;
	tm.tm_min = 15;
	tm.tm_isdst = -1;
	t = mktime(&tm);

	memset(&h, 0, sizeof h);
	snprintf(h.user, sizeof h.user, "alice");
	snprintf(h.host, sizeof h.host, "host");
	h.pid = 123;
	h.since = (long long)t;
	/* another host's editor cannot be judged: name the file */
	s = lock_describe(&h, "/d/x.yaml");
	if (strcmp(my_host(), "host") != 0)
		assert_string_equal(s, "held by alice@host (pid 123) since "
		    "2026-11-22 10:15; if that editor is gone, remove "
		    "/d/x.yaml.lock");
	free(s);
	snprintf(h.host, sizeof h.host, "%s", my_host());
	s = lock_describe(&h, "/d/x.yaml");
	want = xasprintf("held by alice@%s (pid 123) since 2026-11-22 10:15",
	    my_host());
	assert_string_equal(s, want);
	free(want);
	free(s);

	h.pid = 0;
	h.host[0] = '\0';
	s = lock_describe(&h, "/d/x.yaml");
	assert_string_equal(s, "held by alice since 2026-11-22 10:15; kaiji "
	    "cannot tell from /d/x.yaml.lock whether that editor still runs: "
	    "if no one is editing the draft, remove that file");
	free(s);

	/* a recent foreign file is described by its owner */
	write_file(f->lock, "x\n", 2);
	t = set_age(f->lock, 5);
	memset(&h, 0, sizeof h);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), 1);
	s = lock_describe(&h, f->draft);
	localtime_r(&t, &tm);
	want = xasprintf("held by %s since %04d-%02d-%02d %02d:%02d; kaiji "
	    "cannot tell from %s whether that editor still runs: if no one "
	    "is editing the draft, remove that file", my_user(),
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, f->lock);
	assert_string_equal(s, want);
	free(want);
	free(s);
}

/* A lock of a dead process of this host is taken over; others are not. */
static void
test_stale(void **state)
{
	struct fixture *f = *state;
	struct lock_holder h;
	struct lock *lk = NULL;
	char *cause = NULL, *line;
	time_t t0, t1;
	long dead = dead_pid();

	/* this host, dead process */
	line = lock_line("ghost", my_host(), dead, 1000);
	write_file(f->lock, line, strlen(line));
	free(line);
	t0 = time(NULL);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), 0);
	t1 = time(NULL);
	assert_null(cause);
	assert_ours(f->lock, t0, t1);
	assert_entries(f->dir, 1);	/* no guard or temporary */
	lock_release(lk);
	assert_absent(f->lock);

	/* another host: its processes cannot be checked */
	line = lock_line("ghost", "elsewhere.invalid", dead, 1000);
	write_file(f->lock, line, strlen(line));
	lk = NULL;
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), 1);
	assert_null(lk);
	assert_string_equal(h.user, "ghost");
	assert_string_equal(h.host, "elsewhere.invalid");
	assert_int_equal(h.pid, dead);
	assert_true(h.since == 1000);
	assert_file(f->lock, line);
	free(line);

	/* this host, a live process we may not signal (EPERM) */
	line = lock_line("root", my_host(), 1, 1000);
	write_file(f->lock, line, strlen(line));
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), 1);
	assert_int_equal(h.pid, 1);
	assert_file(f->lock, line);
	free(line);
	assert_entries(f->dir, 1);
}

/* A lock file that is not a lock line is taken over only when old. */
static void
test_garbage(void **state)
{
	static const char *const bad[] = {
		"",
		"garbage\n",
		"kaiji-lock 1 alice\n",
		"kaiji-lock 2 alice %s 1 1000\n",
		"kaiji-lock 1 alice %s 0 1000\n",
		"kaiji-lock 1 alice %s -1 1000\n",
		"kaiji-lock 1 alice %s 99999999999 1000\n",
		"kaiji-lock 1 alice %s 1 1000",
		"kaiji-lock 1 alice %s 1 1000\nmore\n",
		"kaiji-lock 1 alice %s 1 1000 extra\n",
		"kaiji-lock 1 alice  %s 1 1000\n",
		"kaiji-lock 1 al\033[2Jce %s 1 1000\n",
		"kaiji-lock 1 alice %s 1 x1000\n",
	};
	struct fixture *f = *state;
	struct lock_holder h;
	struct lock *lk;
	char *cause = NULL, *buf, *big;
	size_t i, len;
	time_t mtime, t0, t1;
	int rc;

	for (i = 0; i < sizeof bad / sizeof bad[0] + 2; i++) {
		if (i == sizeof bad / sizeof bad[0]) {
			/* far too long */
			big = xmalloc(600);
			memset(big, 'a', 599);
			big[599] = '\0';
			buf = xasprintf("kaiji-lock 1 %s %s 1 1000\n", big,
			    my_host());
			free(big);
			len = strlen(buf);
		} else if (i == sizeof bad / sizeof bad[0] + 1) {
			/* a NUL byte */
			buf = lock_line("alice", my_host(), 1, 1000);
			len = strlen(buf);
			buf[5] = '\0';
		} else {
			buf = xasprintf(bad[i], my_host());
			len = strlen(buf);
		}
		/* recent: held by the file's owner */
		write_file(f->lock, buf, len);
		mtime = set_age(f->lock, 30);
		memset(&h, 0, sizeof h);
		lk = NULL;
		if ((rc = lock_acquire(f->draft, &lk, &h, &cause)) != 1)
			fail_msg("recent garbage %zu: %d", i, rc);
		assert_null(lk);
		assert_int_equal(h.pid, 0);
		assert_string_equal(h.host, "");
		assert_string_equal(h.user, my_user());
		assert_true(h.since == (long long)mtime);
		assert_entries(f->dir, 1);

		/* over a minute old: taken over */
		set_age(f->lock, LOCK_STALE_AGE + 60);
		t0 = time(NULL);
		if ((rc = lock_acquire(f->draft, &lk, &h, &cause)) != 0)
			fail_msg("old garbage %zu: %d", i, rc);
		t1 = time(NULL);
		assert_ours(f->lock, t0, t1);
		assert_entries(f->dir, 1);
		lock_release(lk);
		assert_absent(f->lock);
		free(buf);
	}
}

/* A symbolic link at the lock name is refused and left alone. */
static void
test_symlink(void **state)
{
	struct fixture *f = *state;
	struct lock_holder h;
	struct lock *lk = NULL;
	struct stat st;
	char *cause = NULL, *victim, *absent, *line;

	victim = xasprintf("%s/victim", f->dir);
	absent = xasprintf("%s/absent", f->dir);

	/* to a file holding a stale lock line */
	line = lock_line("ghost", my_host(), dead_pid(), 1000);
	write_file(victim, line, strlen(line));
	set_age(victim, LOCK_STALE_AGE + 60);
	assert_int_equal(symlink(victim, f->lock), 0);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), -1);
	assert_null(lk);
	assert_non_null(cause);
	assert_non_null(strstr(cause, f->lock));
	assert_non_null(strstr(cause, "symbolic link"));
	free(cause);
	cause = NULL;
	assert_file(victim, line);
	assert_int_equal(lstat(f->lock, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_entries(f->dir, 2);

	/* dangling */
	assert_int_equal(unlink(f->lock), 0);
	assert_int_equal(symlink(absent, f->lock), 0);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), -1);
	assert_non_null(strstr(cause, f->lock));
	free(cause);
	assert_absent(absent);
	assert_int_equal(lstat(f->lock, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_entries(f->dir, 2);

	free(line);
	free(victim);
	free(absent);
}

/* Release removes only our own lock file. */
static void
test_release_foreign(void **state)
{
	struct fixture *f = *state;
	struct lock *lk = NULL;
	char *cause = NULL, *other, *line, *copy;

	other = xasprintf("%s/other", f->dir);
	line = lock_line("bob", my_host(), 1, 2000);

	/* replaced by another file */
	assert_int_equal(lock_acquire(f->draft, &lk, NULL, &cause), 0);
	write_file(other, line, strlen(line));
	assert_int_equal(rename(other, f->lock), 0);
	lock_release(lk);
	assert_file(f->lock, line);
	assert_int_equal(unlink(f->lock), 0);

	/* rewritten in place: same file, another line */
	assert_int_equal(lock_acquire(f->draft, &lk, NULL, &cause), 0);
	write_file(f->lock, line, strlen(line));
	lock_release(lk);
	assert_file(f->lock, line);
	assert_int_equal(unlink(f->lock), 0);

	/* replaced by a copy: the same line, but not the file we made */
	assert_int_equal(lock_acquire(f->draft, &lk, NULL, &cause), 0);
	copy = read_file(f->lock);
	write_file(other, copy, strlen(copy));
	assert_int_equal(rename(other, f->lock), 0);
	lock_release(lk);
	assert_file(f->lock, copy);
	assert_int_equal(unlink(f->lock), 0);
	free(copy);

	/* gone */
	assert_int_equal(lock_acquire(f->draft, &lk, NULL, &cause), 0);
	assert_int_equal(unlink(f->lock), 0);
	lock_release(lk);
	assert_entries(f->dir, 0);

	free(line);
	free(other);
}

/* A directory we cannot write: -1 naming the lock file, or its holder. */
static void
test_readonly(void **state)
{
	struct fixture *f = *state;
	struct lock_holder h;
	struct lock *lk = NULL;
	char *cause = NULL, *line, *want;

	if (geteuid() == 0)
		skip();

	assert_int_equal(chmod(f->dir, 0500), 0);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), -1);
	assert_null(lk);
	want = xasprintf("%s: %s", f->lock, strerror(EACCES));
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	cause = NULL;
	assert_entries(f->dir, 0);

	/* held by a live process: say so */
	assert_int_equal(chmod(f->dir, 0700), 0);
	line = lock_line("root", my_host(), 1, 1000);
	write_file(f->lock, line, strlen(line));
	assert_int_equal(chmod(f->dir, 0500), 0);
	memset(&h, 0, sizeof h);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), 1);
	assert_null(cause);
	assert_int_equal(h.pid, 1);
	assert_file(f->lock, line);
	free(line);

	/* stale, but cannot be taken over */
	assert_int_equal(chmod(f->dir, 0700), 0);
	line = lock_line("ghost", my_host(), dead_pid(), 1000);
	write_file(f->lock, line, strlen(line));
	assert_int_equal(chmod(f->dir, 0500), 0);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), -1);
	assert_null(lk);
	assert_non_null(strstr(cause, f->lock));
	free(cause);
	assert_file(f->lock, line);
	assert_entries(f->dir, 1);
	free(line);
}

/* A lock file we may not read is held by its owner, however old. */
static void
test_unreadable(void **state)
{
	struct fixture *f = *state;
	struct lock_holder h;
	struct lock *lk = NULL;
	char *cause = NULL, *line;
	time_t mtime;

	if (geteuid() == 0)
		skip();

	line = lock_line("ghost", my_host(), dead_pid(), 1000);
	write_file(f->lock, line, strlen(line));
	mtime = set_age(f->lock, LOCK_STALE_AGE + 60);
	assert_int_equal(chmod(f->lock, 0), 0);
	memset(&h, 0, sizeof h);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), 1);
	assert_null(lk);
	assert_int_equal(h.pid, 0);
	assert_string_equal(h.user, my_user());
	assert_true(h.since == (long long)mtime);
	assert_int_equal(chmod(f->lock, 0600), 0);
	assert_file(f->lock, line);
	assert_entries(f->dir, 1);
	free(line);
}

/*
 * A guard left by a takeover whose process died is removed; a live one
 * keeps others from taking over until it goes.
 */
static void
test_guard(void **state)
{
	struct fixture *f = *state;
	struct lock_holder h;
	struct lock *lk = NULL;
	char *cause = NULL, *guard, *stale, *line;
	time_t t0, t1;

	guard = xasprintf("%s.takeover", f->lock);
	stale = lock_line("ghost", my_host(), dead_pid(), 1000);

	/* a dead process's guard, then an old garbage one */
	line = lock_line("ghost", my_host(), dead_pid(), 1000);
	write_file(guard, line, strlen(line));
	free(line);
	write_file(f->lock, stale, strlen(stale));
	t0 = time(NULL);
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), 0);
	t1 = time(NULL);
	assert_ours(f->lock, t0, t1);
	assert_absent(guard);
	lock_release(lk);

	write_file(guard, "x", 1);
	set_age(guard, LOCK_STALE_AGE + 60);
	write_file(f->lock, stale, strlen(stale));
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), 0);
	assert_absent(guard);
	lock_release(lk);

	/* a live process's guard */
	line = lock_line("root", my_host(), 1, (long long)time(NULL));
	write_file(guard, line, strlen(line));
	write_file(f->lock, stale, strlen(stale));
	assert_int_equal(lock_acquire(f->draft, &lk, &h, &cause), -1);
	assert_non_null(strstr(cause, f->lock));
	free(cause);
	assert_file(f->lock, stale);
	assert_file(guard, line);
	assert_entries(f->dir, 2);
	free(line);

	free(stale);
	free(guard);
}

/*
 * RACERS children try for the lock at once (on a stale lock if stale):
 * exactly one wins and the others name it as the holder.  The winner
 * holds the lock until all have tried; everything is collected and the
 * children reaped before anything is checked.
 */
static void
race(struct fixture *f, int stale)
{
	struct result r[RACERS];
	pid_t pids[RACERS];
	struct lock *lk;
	char *cause, *line, *want, c;
	int start[2], results[2], finish[2], status[RACERS];
	int i, got, won = -1;
	struct stat st;

	if (stale) {
		line = lock_line("ghost", my_host(), dead_pid(), 1000);
		write_file(f->lock, line, strlen(line));
		free(line);
	}
	assert_int_equal(pipe(start), 0);
	assert_int_equal(pipe(results), 0);
	assert_int_equal(pipe(finish), 0);
	for (i = 0; i < RACERS; i++) {
		if ((pids[i] = fork()) == -1)
			fail_msg("fork: %s", strerror(errno));
		if (pids[i] != 0)
			continue;
		alarm(60);
		close(start[1]);
		close(results[0]);
		close(finish[1]);
		while (read(start[0], &c, 1) == -1 && errno == EINTR)
			;
		memset(&r[0], 0, sizeof r[0]);
		r[0].pid = (long)getpid();
		lk = NULL;
		cause = NULL;
		r[0].rc = lock_acquire(f->draft, &lk, &r[0].holder, &cause);
		if (write(results[1], &r[0], sizeof r[0]) != sizeof r[0])
			_exit(1);
		/* hold the lock until everyone has tried */
		while (read(finish[0], &c, 1) == -1 && errno == EINTR)
			;
		if (r[0].rc == 0)
			lock_release(lk);
		free(cause);
		_exit(0);
	}
	close(start[0]);
	close(results[1]);
	close(finish[0]);
	close(start[1]);	/* go */

	for (got = 0; got < RACERS; got++) {
		if (read(results[0], &r[got], sizeof r[got]) != sizeof r[got])
			break;
	}
	line = got == RACERS ? read_file(f->lock) : NULL;
	close(finish[1]);
	close(results[0]);
	for (i = 0; i < RACERS; i++) {
		if (waitpid(pids[i], &status[i], 0) != pids[i])
			status[i] = -1;
	}

	assert_int_equal(got, RACERS);
	for (i = 0; i < RACERS; i++) {
		if (r[i].rc == 0) {
			if (won != -1)
				fail_msg("pids %ld and %ld both won",
				    r[won].pid, r[i].pid);
			won = i;
		} else if (r[i].rc != 1)
			fail_msg("pid %ld got %d", r[i].pid, r[i].rc);
	}
	assert_int_not_equal(won, -1);
	for (i = 0; i < RACERS; i++) {
		if (i != won)
			assert_int_equal(r[i].holder.pid, r[won].pid);
		assert_true(WIFEXITED(status[i]) && WEXITSTATUS(status[i]) == 0);
	}
	want = lock_line(my_user(), my_host(), r[won].pid,
	    r[(won + 1) % RACERS].holder.since);
	assert_string_equal(line, want);
	free(want);
	free(line);

	/* the winner released it; no guard or temporary file is left */
	assert_int_equal(lstat(f->lock, &st), -1);
	assert_entries(f->dir, 0);
}

static void
test_race(void **state)
{
	int i;

	for (i = 0; i < ROUNDS; i++)
		race(*state, 0);
}

static void
test_race_stale(void **state)
{
	int i;

	for (i = 0; i < STALE_ROUNDS; i++)
		race(*state, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh, setup, teardown),
		cmocka_unit_test_setup_teardown(test_held, setup, teardown),
		cmocka_unit_test_setup_teardown(test_describe, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_symlink, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_release_foreign, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_readonly, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unreadable, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_guard, setup, teardown),
		cmocka_unit_test_setup_teardown(test_race, setup, teardown),
		cmocka_unit_test_setup_teardown(test_race_stale, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
