/*
 * view-probe: ask the terminal how wide it draws East Asian Ambiguous
 * characters, before curses starts (see view.h).
 *
 * The probe (as vim's ambiwidth detection): at the start of the current
 * line, write U+25BD (an Ambiguous character), ask for the cursor position
 * (CPR, ESC [ 6 n) and read the answer ESC [ row ; col R: column 3 means
 * the character took two columns.  The line is erased again and the
 * terminal's modes put back.  A terminal that does not answer in time
 * leaves the width unknown, quietly.  No state.
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "view.h"

/* Milliseconds from now until deadline (CLOCK_MONOTONIC), at least 0. */
static int
probe_left(const struct timespec *deadline)
{
	struct timespec now;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (deadline->tv_sec - now.tv_sec) * 1000 +
	    (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms > 0 ? (int)ms : 0;
}

/*
 * Read a cursor position report from fd within wait_ms; return its column,
 * or 0 when none came.  Bytes before the report are dropped.
 */
static int
probe_read(int fd, int wait_ms)
{
	struct timespec deadline;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char buf[64], c;
	size_t len = 0;
	int row, col;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += wait_ms / 1000;
	deadline.tv_nsec += (long)(wait_ms % 1000) * 1000000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	while (poll(&pfd, 1, probe_left(&deadline)) > 0) {
		if (read(fd, &c, 1) != 1)
			return 0;
		if (c == '\033')
			len = 0;
		if (len < sizeof buf - 1)
			buf[len++] = c;
		if (c == 'R') {
			buf[len] = '\0';
			if (sscanf(buf, "\033[%d;%dR", &row, &col) == 2)
				return col;
			len = 0;
		}
	}
	return 0;
}

/*
 * The columns the terminal on /dev/tty gives an East Asian Ambiguous
 * character: 1 or 2, or 0 when it cannot be told within wait_ms.
 */
int
view_probe_ambiguous(int wait_ms)
{
	static const char probe[] = "\r\xe2\x96\xbd\033[6n";
	static const char erase[] = "\r\033[K";
	struct termios saved, raw;
	int fd, col = 0;

	if ((fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
		return 0;
	if (tcgetattr(fd, &saved) != 0) {
		close(fd);
		return 0;
	}
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) == 0) {
		if (write(fd, probe, sizeof probe - 1) ==
		    (ssize_t)(sizeof probe - 1))
			col = probe_read(fd, wait_ms);
		if (write(fd, erase, sizeof erase - 1) < 0)
			col = 0;
		tcsetattr(fd, TCSANOW, &saved);
	}
	close(fd);
	return col == 3 ? 2 : col == 2 ? 1 : 0;
}
