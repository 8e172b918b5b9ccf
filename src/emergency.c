/*
 * emergency: writing what the user typed when everything else has failed
 * (see emergency.h).
 *
 * State: the watched session (read, never changed), the bytes that put the
 * terminal back (rmcup, cnorm, sgr0, rmkx and bracketed paste off, without
 * padding) and the terminal modes from before curses, set by the view while
 * curses owns the terminal, and the messages, translated in advance.  The
 * writer works from a static buffer with write(2), never more than
 * DRAFT_READ_MAX bytes (a copy that would be larger is removed, so that
 * whatever it leaves the draft reader reads); the YAML it writes uses
 * double-quoted scalars only, escaping what YAML would not keep as it is
 * (controls, C1 controls, NEL, LS, PS, BOM and non-characters).
 *
 * A copy goes beside the draft; when that directory takes none (full,
 * read-only, gone), into $XDG_STATE_HOME/kaiji, then $HOME (not in
 * restricted mode), directories set before any handler runs.
 *
 * The handler may find the session in the middle of a change; it reads
 * only pointers that are always valid between two statements of the
 * editor, and SA_RESETHAND makes a fault inside it end the process.
 * UTF-8 is decoded and encoded by text.c's pure functions.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "confine.h"
#include "draft.h"
#include "emergency.h"
#include "fileio.h"
#include "form.h"
#include "i18n.h"
#include "text.h"
#include "textbuf.h"
#include "xalloc.h"
#include "xdg.h"

#define EM_TRIES	10	/* .save, .save.1 ... .save.9 */

static struct emergency_source		em_source;
static volatile sig_atomic_t		em_watching;
static volatile sig_atomic_t		em_done;	/* written once */
static volatile sig_atomic_t		em_term_on;	/* curses is active */
static char				em_reset[256];
static size_t				em_reset_len;
static struct termios			em_tio;
static const char			*em_msg_saved = "kaiji: the answers "
    "were saved in ";
static const char			*em_msg_failed = "kaiji: the answers "
    "could not be saved";
static const char			*em_msg_signal = "kaiji: stopped by "
    "signal ";
static char				em_stack[64 * 1024];
/* Where a copy goes when the draft's directory takes none (em_write). */
static char				em_fallback[2][PATH_MAX];

/* The writer: buf holds len bytes not yet written, total all of them. */
struct em_out {
	int	fd;
	int	failed;
	size_t	len;
	size_t	total;
	char	buf[4096];
};

/* Write what is held; more than the draft reader reads is a failure. */
static void
em_flush(struct em_out *o)
{
	o->total += o->len;
	if (o->total > DRAFT_READ_MAX)
		o->failed = 1;
	if (o->len > 0 && !o->failed &&
	    fileio_write_all(o->fd, o->buf, o->len) != 0)
		o->failed = 1;
	o->len = 0;
}

static void
em_put(struct em_out *o, const char *s, size_t n)
{
	while (n > 0) {
		size_t k = sizeof o->buf - o->len;

		if (k == 0) {
			em_flush(o);
			continue;
		}
		if (k > n)
			k = n;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
}

static void
em_puts(struct em_out *o, const char *s)
{
	em_put(o, s, strlen(s));
}

/* One code point inside a double-quoted scalar. */
static void
em_cp(struct em_out *o, uint32_t c)
{
	static const char hex[] = "0123456789ABCDEF";
	char b[10];
	size_t n = 0;
	int i;

	if (c == '"' || c == '\\') {
		b[n++] = '\\';
		b[n++] = (char)c;
	} else if (c == '\n') {
		b[n++] = '\\';
		b[n++] = 'n';
	} else if (c == '\t') {
		b[n++] = '\\';
		b[n++] = 't';
	} else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 ||
	    c == 0x2029 || c == 0xfeff || c == 0xfffe || c == 0xffff ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff) {
		if (c > 0xffff || (c >= 0xd800 && c <= 0xdfff))
			c = 0xfffd;
		b[n++] = '\\';
		b[n++] = 'u';
		for (i = 12; i >= 0; i -= 4)
			b[n++] = hex[(c >> i) & 0xf];
	} else
		n += text_encode(c, b + n);
	em_put(o, b, n);
}

/* A UTF-8 string as a double-quoted scalar (bad bytes become U+FFFD). */
static void
em_quoted(struct em_out *o, const char *s)
{
	size_t len = strlen(s), off = 0, k;
	uint32_t c;

	em_put(o, "\"", 1);
	while (off < len) {
		if ((k = text_decode(s + off, len - off, &c)) == 0) {
			c = 0xfffd;
			k = 1;
		}
		em_cp(o, c);
		off += k;
	}
	em_put(o, "\"", 1);
}

/* The text being edited as a double-quoted scalar. */
static void
em_quoted_tb(struct em_out *o, const struct textbuf *tb)
{
	size_t i, n = textbuf_len(tb);

	em_put(o, "\"", 1);
	for (i = 0; i < n; i++)
		em_cp(o, textbuf_char(tb, i));
	em_put(o, "\"", 1);
}

/* The watched session as a draft file on fd.  Returns 0 if all was written. */
static int
em_draft(int fd, const struct draft *d, size_t field,
    const struct textbuf *tb)
{
	const struct form *form = d->form;
	static struct em_out o;
	size_t i;

	o.fd = fd;
	o.failed = 0;
	o.len = 0;
	o.total = 0;
	em_puts(&o, "kaiji-draft: 1\nform: ");
	em_quoted(&o, form->name);
	em_puts(&o, "\nedition: ");
	em_quoted(&o, form->edition);
	em_puts(&o, "\nanswers:\n");
	for (i = 0; i < form->nfields; i++) {
		if (tb != NULL && i == field) {
			if (textbuf_len(tb) == 0)
				continue;
			em_puts(&o, "  ");
			em_quoted(&o, form->fields[i].id);
			em_puts(&o, ": ");
			em_quoted_tb(&o, tb);
		} else if (d->answers[i] != NULL) {
			em_puts(&o, "  ");
			em_quoted(&o, form->fields[i].id);
			em_puts(&o, ": ");
			em_quoted(&o, d->answers[i]);
		} else
			continue;
		em_put(&o, "\n", 1);
	}
	em_flush(&o);
	return o.failed ? -1 : 0;
}

/*
 * Write the watched session to a new "<dir><name>.save[.N]" (dir empty
 * or ending in '/'); its name goes to path (size bytes).  Returns 0, or
 * -1 leaving no file.  Async-signal-safe.
 */
static int
em_write_in(const char *dir, const char *name, char *path, size_t size)
{
	const struct emergency_source *src = &em_source;
	size_t dlen = strlen(dir), len = strlen(name);
	int fd = -1, i, rc;

	if (dlen + len + sizeof ".save.9" > size)
		return -1;
	memcpy(path, dir, dlen);
	len += dlen;
	for (i = 0; i < EM_TRIES && fd == -1; i++) {
		memcpy(path + dlen, name, len - dlen);
		memcpy(path + len, ".save", sizeof ".save");
		if (i > 0) {
			path[len + 5] = '.';
			path[len + 6] = (char)('0' + i);
			path[len + 7] = '\0';
		}
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_NOCTTY | O_CLOEXEC, S_IRUSR | S_IWUSR);
		if (fd == -1 && errno != EEXIST)
			return -1;
	}
	if (fd == -1)
		return -1;
	rc = fchmod(fd, S_IRUSR | S_IWUSR) == 0 ? em_draft(fd, *src->draft,
	    *src->field, *src->edit) : -1;
	if (fsync(fd) == -1)
		rc = -1;
	if (close(fd) == -1)
		rc = -1;
	if (rc != 0)
		unlink(path);	/* never a copy that is cut short or empty */
	return rc;
}

/* Create the directories of dir (ending in '/') that are missing. */
static void
em_mkdirs(char *dir)
{
	char *s;

	for (s = dir + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(dir, S_IRWXU);
		*s = '/';
	}
}

/*
 * Write the watched session to a new "<draft>.save[.N]" beside the draft,
 * or, when that directory takes none (full, read-only, gone), in
 * $XDG_STATE_HOME/kaiji, then $HOME; its name goes to path (size bytes).
 * Returns 0, 1 when there is nothing to save, or -1.  Never leaves an
 * empty or partial copy.  Async-signal-safe.
 */
static int
em_write(char *path, size_t size)
{
	const struct emergency_source *src = &em_source;
	const char *draft, *slash;
	size_t i;

	if (!em_watching || *src->draft == NULL ||
	    (draft = *src->path) == NULL || *src->readonly)
		return 1;
	if (em_write_in("", draft, path, size) == 0)
		return 0;
	slash = strrchr(draft, '/');
	for (i = 0; i < sizeof em_fallback / sizeof em_fallback[0]; i++) {
		if (em_fallback[i][0] == '\0')
			continue;
		em_mkdirs(em_fallback[i]);
		if (em_write_in(em_fallback[i], slash != NULL ? slash + 1 :
		    draft, path, size) == 0)
			return 0;
	}
	return -1;
}

/* Set the fallback directories from the environment (outside a handler). */
static void
em_fallbacks(void)
{
	const char *home = getenv("HOME");
	char *state = xdg_path("XDG_STATE_HOME", ".local/state", "");

	if (state[0] == '/' && strlen(state) < sizeof em_fallback[0])
		memcpy(em_fallback[0], state, strlen(state) + 1);
	free(state);
	if (confine_dir() == NULL && home != NULL && home[0] == '/' &&
	    strlen(home) + 2 < sizeof em_fallback[1]) {
		memcpy(em_fallback[1], home, strlen(home));
		memcpy(em_fallback[1] + strlen(home), "/", 2);
	}
}

/* Put the terminal back as it was before curses.  Async-signal-safe. */
static void
em_restore(void)
{
	if (!em_term_on)
		return;
	em_term_on = 0;
	fileio_write_all(STDOUT_FILENO, em_reset, em_reset_len);
	tcsetattr(STDIN_FILENO, TCSANOW, &em_tio);
}

static void
em_say(const char *s)
{
	fileio_write_all(STDERR_FILENO, s, strlen(s));
}

/*
 * A path, with what a terminal would act on (C0 and C1 controls, DEL,
 * invalid bytes) shown as \xNN, \u0085.  Async-signal-safe.
 */
static void
em_say_path(const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t len = strlen(s), off = 0, k;
	uint32_t c;
	char b[8];

	while (off < len) {
		k = text_decode(s + off, len - off, &c);
		if (k == 0 || c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
			if (k == 0) {
				c = (unsigned char)s[off];
				k = 1;
			}
			b[0] = '\\';
			b[1] = c < 0x80 || k == 1 ? 'x' : 'u';
			if (b[1] == 'x') {
				b[2] = hex[(c >> 4) & 0xf];
				b[3] = hex[c & 0xf];
				fileio_write_all(STDERR_FILENO, b, 4);
			} else {
				b[2] = '0';
				b[3] = '0';
				b[4] = hex[(c >> 4) & 0xf];
				b[5] = hex[c & 0xf];
				fileio_write_all(STDERR_FILENO, b, 6);
			}
		} else
			fileio_write_all(STDERR_FILENO, s + off, k);
		off += k;
	}
}

/* Restore the terminal and save, once.  Async-signal-safe. */
static void
em_rescue(int sig)
{
	static char path[PATH_MAX + 16];
	char num[8];
	int rc, n = 0;

	em_restore();
	if (em_done)
		return;
	em_done = 1;
	if (sig > 0) {
		em_say(em_msg_signal);
		if (sig >= 10)
			num[n++] = (char)('0' + sig / 10);
		num[n++] = (char)('0' + sig % 10);
		num[n++] = '\n';
		num[n] = '\0';
		em_say(num);
	}
	rc = em_write(path, sizeof path);
	if (rc == 0) {
		em_say(em_msg_saved);
		em_say_path(path);
		em_say("\n");
	} else if (rc == -1) {
		em_say(em_msg_failed);
		em_say("\n");
	}
}

static void
em_handler(int sig)
{
	int saved = errno;

	em_rescue(sig);
	errno = saved;
	/* SA_RESETHAND restored the default action: it runs on return */
	raise(sig);
}

/*
 * Watch the session that src describes (copied; the variables it points
 * to must outlive the watch), or none (NULL).
 */
void
emergency_watch(const struct emergency_source *src)
{
	em_watching = 0;
	if (src == NULL)
		return;
	em_source = *src;
	em_watching = 1;
}

/* xalloc's fatal hook: restore the terminal and save, once. */
static void
em_fatal(void)
{
	em_rescue(0);
}

/*
 * Install the handlers and xalloc's fatal hook, once.  The messages are
 * translated here, outside any handler.
 */
void
emergency_install(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	static int installed;
	struct sigaction sa;
	stack_t ss;
	size_t i;

	if (installed)
		return;
	installed = 1;
	em_msg_saved = _("kaiji: the answers were saved in ");
	em_msg_failed = _("kaiji: the answers could not be saved");
	em_msg_signal = _("kaiji: stopped by signal ");
	em_fallbacks();
	memset(&ss, 0, sizeof ss);
	ss.ss_sp = em_stack;
	ss.ss_size = sizeof em_stack;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = em_handler;
	sigfillset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND | (sigaltstack(&ss, NULL) == 0 ?
	    SA_ONSTACK : 0);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	xalloc_set_fatal(em_fatal);
}

/*
 * While curses owns the terminal: the len bytes that undo its set-up and
 * the terminal modes from before it (NULL: curses has let go).
 */
void
emergency_terminal(const char *reset, size_t len, const struct termios *tio)
{
	em_term_on = 0;
	if (reset == NULL || tio == NULL)
		return;
	if (len > sizeof em_reset)
		len = sizeof em_reset;
	memcpy(em_reset, reset, len);
	em_reset_len = len;
	em_tio = *tio;
	em_term_on = 1;
}

/*
 * Save the watched session to a new "<draft>.save[.N]" now, outside a
 * handler (when a normal save is impossible); the file name goes to path.
 * Returns 0, 1 when there is nothing to save, or -1.
 */
int
emergency_save(char *path, size_t size)
{
	return em_write(path, size);
}

