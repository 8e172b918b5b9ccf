/*
 * view-probe: ask the terminal how wide it draws East Asian Ambiguous
 * characters, before curses starts (see view.h).
 *
 * The probe (as vim's ambiwidth detection): at the start of the current
 * line, write U+25BD (an Ambiguous character), ask for the cursor position
 * (CPR, ESC [ 6 n) and read the answer ESC [ row ; col R: column 3 means
 * the character took two columns.  The line is erased again and the
 * terminal's modes put back.  A terminal that does not answer in time
 * leaves the width unknown, quietly.
 *
 * State: probe_ahead, what the user typed before the answer came (at most
 * VIEW_PROBE_AHEAD bytes), handed to curses once it has started
 * (view_probe_unread), so that no key typed at start-up is lost.
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "text.h"
#include "view.h"

#define VIEW_PROBE_AHEAD	256

static char	probe_ahead[VIEW_PROBE_AHEAD];
static size_t	probe_nahead;

/* Keep byte c, typed before the answer, for view_probe_unread. */
static void
probe_keep(char c)
{
	if (probe_nahead < sizeof probe_ahead)
		probe_ahead[probe_nahead++] = c;
}

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
 * or 0 when none came.  Other bytes are kept (probe_keep).
 */
static int
probe_read(int fd, int wait_ms)
{
	struct timespec deadline;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char buf[64], c;
	size_t len = 0, i;
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
			break;
		if (c == '\033') {
			for (i = 0; i < len; i++)
				probe_keep(buf[i]);
			len = 0;
		}
		if (len == 0 && c != '\033') {
			probe_keep(c);
			continue;
		}
		buf[len++] = c;
		if (c == 'R') {
			buf[len] = '\0';
			if (sscanf(buf, "\033[%d;%dR", &row, &col) == 2)
				return col;
		}
		/* not the start of ESC [ digits ; digits R: typed */
		if (c == 'R' || c == '\0' || len == sizeof buf - 1 ||
		    (len == 2 && c != '[') ||
		    (len > 2 && strchr("0123456789;", c) == NULL)) {
			for (i = 0; i < len; i++)
				probe_keep(buf[i]);
			len = 0;
		}
	}
	for (i = 0; i < len; i++)
		probe_keep(buf[i]);
	return 0;
}

/*
 * Give curses what was typed during the probe, as characters (an escape
 * sequence comes back as Esc and its characters); call after initscr.
 */
void
view_probe_unread(void)
{
	uint32_t cps[VIEW_PROBE_AHEAD], cp;
	size_t off = 0, n = 0, k;

	while (off < probe_nahead) {
		k = text_decode(probe_ahead + off, probe_nahead - off, &cp);
		if (k == 0) {
			k = 1;
			cp = (unsigned char)probe_ahead[off];
		}
		cps[n++] = cp;
		off += k;
	}
	while (n > 0)
		unget_wch((wchar_t)cps[--n]);
	probe_nahead = 0;
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
