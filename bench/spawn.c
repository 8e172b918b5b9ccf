/*
 * spawn: run a program as a fresh child and report its resource usage.
 *
 *	spawn FD PROGRAM [ARGUMENT]...
 *
 * Writes to file descriptor FD, one line each:
 *
 *	start PID T0_NS         right after the fork (T0: CLOCK_MONOTONIC,
 *	                        taken just before the fork)
 *	end STATUS UTIME_US STIME_US MAXRSS_KB
 *	                        after wait4(); STATUS is the exit status, or
 *	                        128 + the signal number
 *
 * and exits with STATUS.
 *
 * Why a separate process: Linux carries the peak RSS of a process over
 * exec(), so a program forked and exec'd straight from the Python driver
 * would report the driver's RSS (tens of MiB) as its own maximum.  This
 * helper is small (built static when the C library allows it), so the
 * program it forks starts from the helper's few hundred KiB.  The program
 * stays in the helper's session and process group: it gets the terminal's
 * signals (SIGWINCH, SIGINT) as if it had been started from a shell.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void
report(int fd, const char *line)
{
	size_t len = strlen(line), off = 0;
	ssize_t n;

	while (off < len) {
		n = write(fd, line + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		off += (size_t)n;
	}
}

int
main(int argc, char **argv)
{
	struct timespec ts;
	struct rusage ru;
	char line[256];
	pid_t pid;
	int fd, st, code;

	if (argc < 3) {
		fprintf(stderr, "usage: spawn FD PROGRAM [ARGUMENT]...\n");
		return 127;
	}
	fd = atoi(argv[1]);
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	pid = fork();
	if (pid == -1) {
		perror("spawn: fork");
		return 127;
	}
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		close(fd);
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	snprintf(line, sizeof line, "start %ld %lld\n", (long)pid,
	    (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
	report(fd, line);
	while (wait4(pid, &st, 0, &ru) == -1) {
		if (errno != EINTR) {
			perror("spawn: wait4");
			return 127;
		}
	}
	code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	snprintf(line, sizeof line, "end %d %lld %lld %ld\n", code,
	    (long long)ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec,
	    (long long)ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec,
	    ru.ru_maxrss);
	report(fd, line);
	return code;
}
