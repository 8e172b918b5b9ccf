/*
 * textbuf: the editing model of one answer.
 *
 * Data model: cp[0..len) holds the text as Unicode code points and
 * width[0..len) the display width of each (text_safe_width); both arrays
 * have room for size entries.  The text never holds CR or NUL: input is
 * decoded by textbuf_decode, which turns CR LF and a lone CR into LF and
 * each byte that is not valid UTF-8 into U+FFFD, so the 字 count of the
 * text (code points other than LF) equals text_count of textbuf_text.
 * 0 <= cursor <= len.
 *
 * Every change of the text goes through textbuf_edit, which records the
 * undo step, and then textbuf_replace, which keeps cp and width in step.
 * Undo history: undo[0..nundo) are snapshots of the text and cursor before
 * each step, oldest first; redo[0..nredo) the states undone, most recently
 * undone last.  nundo + nredo <= TEXTBUF_HISTORY: a new step discards all
 * redo states and, when the history is full, the oldest undo state.
 *
 * Typing coalesces: a single code point other than LF inserted while typing
 * is set (the last change was such an insertion and the cursor has not moved
 * since) joins that step.  Any other edit, any cursor movement, undo and
 * redo clear typing and so end the run.
 * Kills likewise run together: a kill right after a kill adds to the kill
 * buffer (at its end for forward kills, its start for backward ones)
 * instead of replacing it.
 *
 * orig[0..norig) is the decoded text the buffer was created with, for
 * textbuf_changed.  count is the 字 count of the text; dirty the lowest
 * position changed since textbuf_clean ((size_t)-1: none), so that the
 * view redraws only from there.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "textbuf.h"
#include "xalloc.h"

#define TEXTBUF_HISTORY	200

struct textbuf_snap {
	uint32_t	*cp;
	size_t		 len;
	size_t		 cursor;
};

struct textbuf {
	uint32_t		*cp;
	unsigned char		*width;
	size_t			 len;
	size_t			 size;
	size_t			 cursor;
	size_t			 count;
	size_t			 dirty;

	uint32_t		*orig;
	size_t			 norig;

	uint32_t		*kill;
	size_t			 nkill;
	int			 killing;	/* the last edit was a kill */

	int			 typing;	/* in a run of typing */

	struct textbuf_snap	*undo;		/* TEXTBUF_HISTORY each, */
	size_t			 nundo;
	struct textbuf_snap	*redo;		/* from the first edit on */
	size_t			 nredo;
};

/* Code point ranges that make up words, besides ASCII letters and digits. */
static const uint32_t textbuf_wordchars[][2] = {
	{ 0x00c0, 0x00d6 }, { 0x00d8, 0x00f6 }, { 0x00f8, 0x036f },
	{ 0x0370, 0x052f }, { 0x1100, 0x11ff }, { 0x3005, 0x3007 },
	{ 0x3041, 0x3096 }, { 0x3099, 0x309f }, { 0x30a1, 0x30fa },
	{ 0x30fc, 0x30ff }, { 0x31f0, 0x31ff }, { 0x3400, 0x4dbf },
	{ 0x4e00, 0x9fff }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
	{ 0xff10, 0xff19 }, { 0xff21, 0xff3a }, { 0xff41, 0xff5a },
	{ 0xff66, 0xff9f }, { 0x20000, 0x3fffd },
};

/*
 * Whether cp belongs in a word: letters and digits, ASCII or not, including
 * kanji, kana (and the prolonged sound mark ー) and combining marks.
 * Spaces, punctuation such as 、。・「」 and symbols do not.
 */
static int
textbuf_isword(uint32_t cp)
{
	if (cp < 0x80) {
		return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 'a' && cp <= 'z');
	}
	return text_in_ranges(textbuf_wordchars, sizeof textbuf_wordchars /
	    sizeof textbuf_wordchars[0], cp);
}

/*
 * Decode the UTF-8 string s into code points, storing their number in *np:
 * CR LF and lone CR become LF, each invalid byte becomes U+FFFD.  The
 * caller frees the result (never NULL, even for an empty string).
 */
static uint32_t *
textbuf_decode(const char *s, size_t *np)
{
	uint32_t *out;
	size_t n, i, o = 0;

	out = text_cps(s, strlen(s), &n);
	for (i = 0; i < n; i++) {
		if (out[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < n && out[i + 1] == '\n')
				i++;
		} else
			out[o++] = out[i];
	}
	*np = o;
	return out;
}

/* Copy n code points into a new array (never NULL) the caller frees. */
static uint32_t *
textbuf_copy(const uint32_t *cp, size_t n)
{
	uint32_t *out;

	out = xreallocarray(NULL, n, sizeof *out);
	if (n != 0)
		memcpy(out, cp, n * sizeof *out);
	return out;
}

/*
 * Replace the n code points at pos (pos + n <= len) with ins[0..nins),
 * keeping the widths in step.  The cursor and the history are untouched.
 */
static void
textbuf_replace(struct textbuf *tb, size_t pos, size_t n, const uint32_t *ins,
    size_t nins)
{
	size_t newlen = tb->len - n + nins, tail = tb->len - pos - n, i;

	for (i = pos; i < pos + n; i++)
		tb->count -= tb->cp[i] != '\n';
	if (pos < tb->dirty)
		tb->dirty = pos;
	if (newlen > tb->size) {
		tb->size = tb->size * 2 > newlen ? tb->size * 2 : newlen;
		tb->cp = xreallocarray(tb->cp, tb->size, sizeof *tb->cp);
		tb->width = xreallocarray(tb->width, tb->size, 1);
	}
	if (tail != 0 && n != nins) {
		memmove(tb->cp + pos + nins, tb->cp + pos + n,
		    tail * sizeof *tb->cp);
		memmove(tb->width + pos + nins, tb->width + pos + n, tail);
	}
	for (i = 0; i < nins; i++) {
		tb->cp[pos + i] = ins[i];
		tb->width[pos + i] = (unsigned char)text_safe_width(ins[i]);
		tb->count += ins[i] != '\n';
	}
	tb->len = newlen;
}

/* Snapshot of the text and cursor; the caller frees snap->cp. */
static void
textbuf_save(const struct textbuf *tb, struct textbuf_snap *snap)
{
	snap->cp = textbuf_copy(tb->cp, tb->len);
	snap->len = tb->len;
	snap->cursor = tb->cursor;
}

/* Make the snapshot the text and cursor, and free it. */
static void
textbuf_restore(struct textbuf *tb, struct textbuf_snap *snap)
{
	textbuf_replace(tb, 0, tb->len, snap->cp, snap->len);
	tb->cursor = snap->cursor;
	free(snap->cp);
	snap->cp = NULL;
}

static void
textbuf_clear_redo(struct textbuf *tb)
{
	while (tb->nredo > 0)
		free(tb->redo[--tb->nredo].cp);
}

/*
 * Replace n code points at pos with ins[0..nins) as one undoable edit and
 * put the cursor after the inserted text.  typing is set for a typed
 * character, which joins the previous step if that was typing too and the
 * cursor has not moved since.
 */
static void
textbuf_edit(struct textbuf *tb, size_t pos, size_t n, const uint32_t *ins,
    size_t nins, int typing)
{
	if (tb->undo == NULL) {
		/* most buffers are only shown, never edited: no history */
		tb->undo = xcalloc(TEXTBUF_HISTORY, sizeof *tb->undo);
		tb->redo = xcalloc(TEXTBUF_HISTORY, sizeof *tb->redo);
	}
	if (!typing || !tb->typing) {
		if (tb->nundo == TEXTBUF_HISTORY) {
			free(tb->undo[0].cp);
			memmove(tb->undo, tb->undo + 1,
			    (TEXTBUF_HISTORY - 1) * sizeof tb->undo[0]);
			tb->nundo--;
		}
		textbuf_save(tb, &tb->undo[tb->nundo++]);
	}
	textbuf_clear_redo(tb);

	textbuf_replace(tb, pos, n, ins, nins);
	tb->cursor = pos + nins;
	tb->typing = typing;
	tb->killing = 0;
}

/* Move the cursor to pos (<= len); return whether it moved. */
static int
textbuf_move(struct textbuf *tb, size_t pos)
{
	if (pos == tb->cursor)
		return 0;
	tb->cursor = pos;
	tb->typing = 0;
	tb->killing = 0;
	return 1;
}

/*
 * A buffer holding utf8 (NULL: empty), cursor at the start, no history.
 * The caller frees it with textbuf_free.
 */
struct textbuf *
textbuf_new(const char *utf8)
{
	struct textbuf *tb;
	uint32_t *cp;
	size_t n;

	tb = xcalloc(1, sizeof *tb);
	cp = textbuf_decode(utf8 == NULL ? "" : utf8, &n);
	tb->size = n < 64 ? 64 : n;
	tb->cp = xreallocarray(NULL, tb->size, sizeof *tb->cp);
	tb->width = xmalloc(tb->size);
	textbuf_replace(tb, 0, 0, cp, n);
	tb->orig = cp;
	tb->norig = n;
	return tb;
}

void
textbuf_free(struct textbuf *tb)
{
	size_t i;

	if (tb == NULL)
		return;
	for (i = 0; i < tb->nundo; i++)
		free(tb->undo[i].cp);
	textbuf_clear_redo(tb);
	free(tb->undo);
	free(tb->redo);
	free(tb->cp);
	free(tb->width);
	free(tb->orig);
	free(tb->kill);
	free(tb);
}

/* The text as UTF-8 (LF line breaks); the caller frees it. */
char *
textbuf_text(const struct textbuf *tb)
{
	char *out, *p;
	size_t i;

	out = p = xreallocarray(NULL, tb->len + 1, 4);
	for (i = 0; i < tb->len; i++)
		p += text_encode(tb->cp[i], p);
	*p = '\0';
	return out;
}

/* The 字 count: code points other than LF, as text_count counts them. */
size_t
textbuf_count(const struct textbuf *tb)
{
	return tb->count;
}

/*
 * The lowest position whose code point changed (or moved) since the last
 * textbuf_clean, or (size_t)-1 if none did.  A new buffer has changed
 * from 0.
 */
size_t
textbuf_dirty(const struct textbuf *tb)
{
	return tb->dirty;
}

void
textbuf_clean(struct textbuf *tb)
{
	tb->dirty = (size_t)-1;
}

/* The number of code points. */
size_t
textbuf_len(const struct textbuf *tb)
{
	return tb->len;
}

/* The code point at i (< len). */
uint32_t
textbuf_char(const struct textbuf *tb, size_t i)
{
	return tb->cp[i];
}

/*
 * Columns the view gives the code point at i (< len): 0 for LF, 2 for the
 * ^X of other C0 controls and DEL, 8 for the <U+0085> of C1 controls,
 * else text_cpwidth (0, 1 or 2).
 */
int
textbuf_charwidth(const struct textbuf *tb, size_t i)
{
	return tb->width[i];
}

/*
 * Whether the text differs from the one the buffer was created with (after
 * CR and invalid bytes were converted): undoing back to it, or typing a
 * character and deleting it again, makes this false again.
 */
int
textbuf_changed(const struct textbuf *tb)
{
	if (tb->len != tb->norig)
		return 1;
	return tb->len != 0 &&
	    memcmp(tb->cp, tb->orig, tb->len * sizeof *tb->cp) != 0;
}

size_t
textbuf_cursor(const struct textbuf *tb)
{
	return tb->cursor;
}

/* Put the cursor at pos, or at the end when pos is past it. */
void
textbuf_set_cursor(struct textbuf *tb, size_t pos)
{
	textbuf_move(tb, pos > tb->len ? tb->len : pos);
}

/* Movements return 1 if the cursor moved, 0 if it was already there. */
int
textbuf_left(struct textbuf *tb)
{
	return tb->cursor > 0 && textbuf_move(tb, tb->cursor - 1);
}

int
textbuf_right(struct textbuf *tb)
{
	return tb->cursor < tb->len && textbuf_move(tb, tb->cursor + 1);
}

/* The start of the word before the cursor (or 0), skipping non-word first. */
static size_t
textbuf_word_start(const struct textbuf *tb)
{
	size_t i = tb->cursor;

	while (i > 0 && !textbuf_isword(tb->cp[i - 1]))
		i--;
	while (i > 0 && textbuf_isword(tb->cp[i - 1]))
		i--;
	return i;
}

int
textbuf_word_left(struct textbuf *tb)
{
	return textbuf_move(tb, textbuf_word_start(tb));
}

/* To the end of the word after the cursor (or the end of the text). */
int
textbuf_word_right(struct textbuf *tb)
{
	size_t i = tb->cursor;

	while (i < tb->len && !textbuf_isword(tb->cp[i]))
		i++;
	while (i < tb->len && textbuf_isword(tb->cp[i]))
		i++;
	return textbuf_move(tb, i);
}

/* The start of the logical line holding the cursor. */
static size_t
textbuf_bol(const struct textbuf *tb)
{
	size_t i = tb->cursor;

	while (i > 0 && tb->cp[i - 1] != '\n')
		i--;
	return i;
}

/* The end of the logical line holding the cursor: its LF, or len. */
static size_t
textbuf_eol(const struct textbuf *tb)
{
	size_t i = tb->cursor;

	while (i < tb->len && tb->cp[i] != '\n')
		i++;
	return i;
}

int
textbuf_home(struct textbuf *tb)
{
	return textbuf_move(tb, textbuf_bol(tb));
}

int
textbuf_end(struct textbuf *tb)
{
	return textbuf_move(tb, textbuf_eol(tb));
}

/*
 * Insert utf8 at the cursor, converting line breaks to LF and invalid bytes
 * to U+FFFD; the cursor ends up after it.  One code point other than LF is
 * typing and joins the previous undo step if that was typing at this
 * cursor; anything else is an undo step of its own.
 */
void
textbuf_insert(struct textbuf *tb, const char *utf8)
{
	uint32_t *cp;
	size_t n;

	cp = textbuf_decode(utf8, &n);
	if (n != 0)
		textbuf_edit(tb, tb->cursor, 0, cp, n, n == 1 && cp[0] != '\n');
	free(cp);
}

/* Delete the code point before the cursor; 0 if there is none. */
int
textbuf_delete_back(struct textbuf *tb)
{
	if (tb->cursor == 0)
		return 0;
	textbuf_edit(tb, tb->cursor - 1, 1, NULL, 0, 0);
	return 1;
}

/* Delete the code point after the cursor; 0 if there is none. */
int
textbuf_delete_fwd(struct textbuf *tb)
{
	if (tb->cursor == tb->len)
		return 0;
	textbuf_edit(tb, tb->cursor, 1, NULL, 0, 0);
	return 1;
}

/*
 * Delete [from, to) (from < to; the cursor is at one end) as one undo step
 * and keep it in the kill buffer: instead of it if the last edit was not a
 * kill, else added after it (backward 0) or before it (backward 1).
 */
static void
textbuf_kill(struct textbuf *tb, size_t from, size_t to, int backward)
{
	size_t n = to - from;
	uint32_t *k;

	if (!tb->killing) {
		free(tb->kill);
		tb->kill = textbuf_copy(tb->cp + from, n);
		tb->nkill = n;
	} else {
		k = xreallocarray(NULL, tb->nkill + n, sizeof *k);
		if (backward) {
			memcpy(k, tb->cp + from, n * sizeof *k);
			if (tb->nkill != 0)
				memcpy(k + n, tb->kill, tb->nkill * sizeof *k);
		} else {
			if (tb->nkill != 0)
				memcpy(k, tb->kill, tb->nkill * sizeof *k);
			memcpy(k + tb->nkill, tb->cp + from, n * sizeof *k);
		}
		free(tb->kill);
		tb->kill = k;
		tb->nkill += n;
	}
	textbuf_edit(tb, from, n, NULL, 0, 0);
	tb->killing = 1;
}

/*
 * Ctrl-K: kill to the end of the logical line, or the LF itself when the
 * cursor is already there; 0 at the end of the text.
 */
int
textbuf_kill_eol(struct textbuf *tb)
{
	size_t end = textbuf_eol(tb);

	if (end == tb->cursor) {
		if (end == tb->len)
			return 0;
		end++;
	}
	textbuf_kill(tb, tb->cursor, end, 0);
	return 1;
}

/* Ctrl-U: kill to the start of the logical line; 0 if already there. */
int
textbuf_kill_bol(struct textbuf *tb)
{
	size_t start = textbuf_bol(tb);

	if (start == tb->cursor)
		return 0;
	textbuf_kill(tb, start, tb->cursor, 1);
	return 1;
}

/*
 * Ctrl-W: kill back to where textbuf_word_left would go (the word before
 * the cursor and anything between it and the cursor); 0 at the start.
 */
int
textbuf_kill_word(struct textbuf *tb)
{
	size_t start = textbuf_word_start(tb);

	if (start == tb->cursor)
		return 0;
	textbuf_kill(tb, start, tb->cursor, 1);
	return 1;
}

/* Ctrl-Y: insert the kill buffer at the cursor; 0 if it is empty. */
int
textbuf_yank(struct textbuf *tb)
{
	if (tb->nkill == 0)
		return 0;
	textbuf_edit(tb, tb->cursor, 0, tb->kill, tb->nkill, 0);
	return 1;
}

/* Go back to the text and cursor before the last step; 0 if none. */
int
textbuf_undo(struct textbuf *tb)
{
	if (tb->nundo == 0)
		return 0;
	textbuf_save(tb, &tb->redo[tb->nredo++]);
	textbuf_restore(tb, &tb->undo[--tb->nundo]);
	tb->typing = 0;
	tb->killing = 0;
	return 1;
}

/* Redo the last step undone, with its cursor; 0 if none. */
int
textbuf_redo(struct textbuf *tb)
{
	if (tb->nredo == 0)
		return 0;
	textbuf_save(tb, &tb->undo[tb->nundo++]);
	textbuf_restore(tb, &tb->redo[--tb->nredo]);
	tb->typing = 0;
	tb->killing = 0;
	return 1;
}
