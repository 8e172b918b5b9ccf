/*
 * view-input: what the terminal sends, as the editor's keys (keys.h):
 * curses key codes translated, the sequences terminal emulators send
 * whatever TERM says taught to curses, Alt-x as ESC x, and bracketed
 * pastes read whole, and the signals that stop the loop (see view.h).
 *
 * State: input_signal (a sig_atomic_t), the last of the signals that stop
 * the loop (view_input_signals), set by the handler and read by the loop.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "keys.h"
#include "limit.h"
#include "view.h"
#include "xalloc.h"

/* Key codes for sequences curses does not know; see view_input_keys. */
enum {
	VIEW_K_PASTE = KEY_MAX + 1, VIEW_K_PASTE_END, VIEW_K_CLEFT,
	VIEW_K_CRIGHT, VIEW_K_CHOME, VIEW_K_CEND
};

#define VIEW_PASTE_READ	64	/* bytes per read(), see input_paste */

static volatile sig_atomic_t	input_signal;

static void
input_on_signal(int sig)
{
	input_signal = sig;
}

/*
 * Let the signals that would end the process (SIGHUP, SIGTERM, SIGINT,
 * SIGQUIT, SIGXCPU, SIGUSR1, SIGALRM, SIGTRAP) stop the loop, which saves
 * and puts the terminal back; ignore SIGPIPE.
 */
void
view_input_signals(void)
{
	static const int sigs[] = {
		SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGXCPU, SIGUSR1, SIGALRM,
		SIGTRAP
	};
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = input_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* Whether a signal asked the view to stop. */
int
view_input_stopped(void)
{
	return input_signal != 0;
}

/*
 * Tell curses about sequences it may not know: bracketed paste, and the
 * keys that terminal emulators send whatever TERM says (TERM=vt100 has no
 * PgUp or Home, yet people press them).
 */
void
view_input_keys(void)
{
	static const struct {
		const char	*seq;
		int		 code;
	} common[] = {
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[3~", KEY_DC }, { "\033[Z", KEY_BTAB },
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
		{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
		{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
		{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
		{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) },
		{ "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
		{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) },
	};
	size_t i;

	for (i = 0; i < sizeof common / sizeof common[0]; i++) {
		if (key_defined(common[i].seq) == 0)
			define_key(common[i].seq, common[i].code);
	}
	define_key("\033[200~", VIEW_K_PASTE);
	define_key("\033[201~", VIEW_K_PASTE_END);
	define_key("\033[1;5D", VIEW_K_CLEFT);
	define_key("\033[1;5C", VIEW_K_CRIGHT);
	define_key("\033[1;5H", VIEW_K_CHOME);
	define_key("\033[1;5F", VIEW_K_CEND);
}

/* Translate a curses key code to a KEYS_* code (KEYS_NONE: ignore). */
static int
input_translate(int code)
{
	switch (code) {
	case KEY_UP:
		return KEYS_UP;
	case KEY_DOWN:
		return KEYS_DOWN;
	case KEY_LEFT:
		return KEYS_LEFT;
	case KEY_RIGHT:
		return KEYS_RIGHT;
	case KEY_HOME:
		return KEYS_HOME;
	case KEY_END:
		return KEYS_END;
	case KEY_PPAGE:
		return KEYS_PGUP;
	case KEY_NPAGE:
		return KEYS_PGDN;
	case KEY_BTAB:
		return KEYS_BTAB;
	case KEY_DC:
		return KEYS_DC;
	case KEY_BACKSPACE:
		return KEYS_BACKSPACE;
	case KEY_ENTER:
		return KEYS_ENTER;
	case KEY_RESIZE:
		return KEYS_RESIZE;
	case VIEW_K_CLEFT:
		return KEYS_C_LEFT;
	case VIEW_K_CRIGHT:
		return KEYS_C_RIGHT;
	case VIEW_K_CHOME:
		return KEYS_C_HOME;
	case VIEW_K_CEND:
		return KEYS_C_END;
	}
	if (code >= KEY_F(1) && code <= KEY_F(10))
		return KEYS_F1 + (code - KEY_F(1));
	return KEYS_NONE;
}

/*
 * Read a bracketed paste up to its end marker into a string (caller frees):
 * straight from the terminal, in blocks, not through curses key by key.
 * Curses reads the terminal a byte at a time and returns a key as soon as
 * its sequence is complete, so when it has returned the paste-start key
 * nothing after it is buffered there.  Reads are small enough that what
 * follows the end marker in the last one (keys typed after the paste) fits
 * in curses' input queue, where it is put back.  CR LF and lone CR become
 * LF, NUL bytes are dropped; the text is kept up to 4 MiB.  A pause of 2 s
 * ends a paste whose end marker never comes.
 */
static char *
input_paste(void)
{
	static const char end[] = "\033[201~";
	const size_t endlen = sizeof end - 1;
	char *buf = NULL, *at, *out;
	size_t len = 0, cap = 0, from, i, n, rest = 0;
	struct pollfd pfd;
	ssize_t r;

	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	for (;;) {
		if (len + VIEW_PASTE_READ + 1 > cap) {
			cap = cap == 0 ? 4096 : cap * 2;
			buf = xrealloc(buf, cap);
		}
		pfd.revents = 0;
		errno = 0;
		if (poll(&pfd, 1, 2000) <= 0) {
			if (errno == EINTR && input_signal == 0)
				continue;
			break;
		}
		r = read(STDIN_FILENO, buf + len, VIEW_PASTE_READ);
		if (r < 0 && errno == EINTR && input_signal == 0)
			continue;
		if (r <= 0)
			break;
		from = len > endlen ? len - endlen : 0;
		len += (size_t)r;
		buf[len] = '\0';
		if ((at = memmem(buf + from, len - from, end, endlen)) !=
		    NULL) {
			rest = len - (size_t)(at - buf) - endlen;
			/* what came after the paste goes back to curses */
			for (i = len; i > len - rest; i--)
				ungetch((unsigned char)buf[i - 1]);
			len = (size_t)(at - buf);
			break;
		}
		if (len > PASTE_MAX_SIZE + endlen) {
			/* keep the last bytes, in which the marker may start */
			memmove(buf + PASTE_MAX_SIZE, buf + len - endlen,
			    endlen);
			len = PASTE_MAX_SIZE + endlen;
		}
	}
	if (len > PASTE_MAX_SIZE)
		len = PASTE_MAX_SIZE;
	out = xmalloc(len + 1);
	for (i = 0, n = 0; i < len; i++) {
		if (buf[i] == '\r') {
			out[n++] = '\n';
			if (i + 1 < len && buf[i + 1] == '\n')
				i++;
		} else if (buf[i] != '\0')
			out[n++] = buf[i];
	}
	out[n] = '\0';
	free(buf);
	return out;
}

/*
 * Read one key; a paste is KEYS_PASTE with its text in *paste (caller
 * frees).  ERR on timeout, interruption or a lost terminal.
 */
int
view_input_read(int *key, char **paste)
{
	wint_t wch, next;
	int rc;

	*paste = NULL;
	rc = get_wch(&wch);
	if (rc == ERR)
		return ERR;
	if (rc == KEY_CODE_YES) {
		if (wch == VIEW_K_PASTE) {
			*paste = input_paste();
			*key = KEYS_PASTE;
			return OK;
		}
		*key = input_translate((int)wch);
		return OK;
	}
	switch (wch) {
	case '\r':
	case '\n':
		*key = KEYS_ENTER;
		break;
	case 0x7f:
	case 0x08:
		*key = KEYS_BACKSPACE;
		break;
	case 0x1b:
		/* Alt-x arrives as ESC x within the escape delay */
		nodelay(stdscr, TRUE);
		rc = get_wch(&next);
		nodelay(stdscr, FALSE);
		if (rc == OK && next == 'b')
			*key = KEYS_M_B;
		else if (rc == OK && next == 'f')
			*key = KEYS_M_F;
		else if (rc == OK && next == '<')
			*key = KEYS_M_LT;
		else if (rc == OK && next == '>')
			*key = KEYS_M_GT;
		else {
			if (rc == KEY_CODE_YES)
				ungetch((int)next);
			else if (rc == OK)
				unget_wch(next);
			*key = KEYS_ESC;
		}
		break;
	default:
		*key = (int)wch;
		break;
	}
	return OK;
}
