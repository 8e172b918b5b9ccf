/*
 * lock: one editor at a time may write a draft.
 *
 * The lock of draft "<path>" is the file "<path>.lock" beside it, mode 0644
 * (so that every user of a shared directory can judge it), holding the
 * line "kaiji-lock 1 <user> <host> <pid> <since>\n".  A lock naming this
 * host and a process that no longer exists, or a lock file that is not
 * such a line and is over LOCK_STALE_AGE seconds old, is stale and is
 * taken over.  Locks of other hosts, and lock files we cannot read,
 * are never judged dead: lock_describe names the file to remove.
 */
#ifndef KAIJI_LOCK_H
#define KAIJI_LOCK_H

#define LOCK_STALE_AGE	60	/* seconds before a garbage lock is stale */

/*
 * Who holds a lock.  When the lock file exists but its line cannot be
 * used (not readable by us, or not a kaiji lock), pid is 0, host is "",
 * user is the file's owner and since its modification time.
 */
struct lock_holder {
	char		user[64];
	char		host[256];
	long		pid;
	long long	since;		/* unix time */
};

struct lock;

int	 lock_acquire(const char *, struct lock **, struct lock_holder *,
	     char **);
void	 lock_release(struct lock *);
char	*lock_describe(const struct lock_holder *, const char *);

#endif
