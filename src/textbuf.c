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
 * Undo history: undo[0..nundo) are the steps done, oldest first, and
 * redo[0..nredo) the steps undone, most recently undone last.  A step is
 * the edit itself, not a copy of the text: at pos, the text del (ndel code
 * points) was replaced by ins (nins), both kept as UTF-8; undoing it puts
 * del back, redoing it puts ins back.  before and after are the cursor to
 * restore on undo and on redo: the cursor before the step and after it,
 * each replaced by where the cursor was when the step was undone or
 * redone.  nundo + nredo <= TEXTBUF_HISTORY: a new step discards all redo
 * steps and, when the history is full, the oldest undo step.  Memory is
 * bounded too: held (the bytes of the history, textbuf_undo_bytes) stays
 * within textbuf_undo_budget (twice the most UTF-8 bytes the text has had,
 * and at least TEXTBUF_UNDO_FLOOR) by discarding the oldest steps, except
 * that the newest step is always kept, so the last edit can be undone.
 *
 * Typing coalesces: a single code point other than LF inserted while run is
 * TEXTBUF_RUN_TYPE (the last change was such an insertion and the cursor has
 * not moved since) joins that step.  Deleting coalesces the same way: one
 * code point other than LF deleted before the cursor (Backspace) while run
 * is TEXTBUF_RUN_BACK, or after it while run is TEXTBUF_RUN_FORWARD, joins
 * the step of the deletions before it.  Any other edit, any cursor
 * movement, undo and redo end the run.
 * Kills likewise run together: a kill right after a kill adds to the kill
 * buffer (at its end for forward kills, its start for backward ones)
 * instead of replacing it.
 *
 * orig[0..norig) is the decoded text the buffer was created with, for
 * textbuf_changed.  count is the 字 count of the text, halves its 全角換算
 * count in halves (text_halves of textbuf_text) and bytes its UTF-8
 * size (peak: the largest bytes has been); dirty the lowest position
 * changed since textbuf_clean ((size_t)-1: none), so that the view redraws
 * only from there, and tail the number of code points at the end of the
 * text that no edit touched since then (the same text, moved by the edits'
 * difference in length).  version is a number no other state of any
 * buffer has had (textbuf_versions counts them), taken anew by every
 * change of the text; clean_version is the version at the last
 * textbuf_clean (0: none), so that a view can tell whether what it made
 * of the text is that of the last clean.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "textbuf.h"
#include "xalloc.h"

#define TEXTBUF_HISTORY		200
/* How far back before the cursor an insertion may compose (NFC). */
#define TEXTBUF_NFC_BACK	32
#define TEXTBUF_UNDO_FLOOR	(1024 * 1024)

/* The runs of single-code-point edits that coalesce into one undo step. */
enum {
	TEXTBUF_RUN_NONE,
	TEXTBUF_RUN_TYPE,	/* inserted at the cursor */
	TEXTBUF_RUN_BACK,	/* deleted before the cursor */
	TEXTBUF_RUN_FORWARD	/* deleted after the cursor */
};

/* The versions handed out so far, to all buffers. */
static unsigned long	textbuf_versions;

struct textbuf_step {
	size_t		 pos;
	char		*del;		/* UTF-8, bdel bytes */
	char		*ins;		/* UTF-8, bins bytes (room: insroom) */
	size_t		 ndel, nins;	/* code points */
	size_t		 bdel, bins, insroom;
	size_t		 before, after;	/* cursors */
};

struct textbuf {
	uint32_t		*cp;
	unsigned char		*width;
	size_t			 len;
	size_t			 size;
	size_t			 cursor;
	size_t			 count, halves;
	size_t			 bytes, peak;
	size_t			 dirty, tail;
	unsigned long		 version, clean_version;

	uint32_t		*orig;
	size_t			 norig;

	uint32_t		*kill;
	size_t			 nkill;
	int			 killing;	/* the last edit was a kill */

	int			 run;		/* TEXTBUF_RUN_*: the run the
						   newest step can join */

	struct textbuf_step	*undo;		/* TEXTBUF_HISTORY each, */
	size_t			 nundo;
	struct textbuf_step	*redo;		/* from the first edit on */
	size_t			 nredo;
	size_t			 held;		/* bytes of the history */
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

/* The UTF-8 length of cp. */
static size_t
textbuf_cplen(uint32_t cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/*
 * Append cp[0..n) as UTF-8 to out[*len..], which has room for *room bytes
 * and is grown as needed (out may be NULL); returns out.  The caller
 * frees it.
 */
static char *
textbuf_utf8(char *out, size_t *len, size_t *room, const uint32_t *cp,
    size_t n)
{
	size_t need = *len, i;

	for (i = 0; i < n; i++)
		need += textbuf_cplen(cp[i]);
	if (need + 1 > *room || out == NULL) {
		*room = need + 1 > 2 * *room ? need + 1 : 2 * *room;
		out = xrealloc(out, *room);
	}
	for (i = 0; i < n; i++)
		*len += text_encode(cp[i], out + *len);
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

	for (i = pos; i < pos + n; i++) {
		tb->count -= tb->cp[i] != '\n';
		tb->halves -= text_cp_halves(tb->cp[i]);
		tb->bytes -= textbuf_cplen(tb->cp[i]);
	}
	tb->version = ++textbuf_versions;
	if (pos < tb->dirty)
		tb->dirty = pos;
	if (tail < tb->tail)
		tb->tail = tail;
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
		tb->halves += text_cp_halves(ins[i]);
		tb->bytes += textbuf_cplen(ins[i]);
	}
	tb->len = newlen;
	if (tb->bytes > tb->peak)
		tb->peak = tb->bytes;
}

/* The bytes a step holds. */
static size_t
textbuf_step_bytes(const struct textbuf_step *st)
{
	return st->bdel + st->insroom;
}

static void
textbuf_step_free(struct textbuf *tb, struct textbuf_step *st)
{
	tb->held -= textbuf_step_bytes(st);
	free(st->del);
	free(st->ins);
}

static void
textbuf_clear_redo(struct textbuf *tb)
{
	while (tb->nredo > 0)
		textbuf_step_free(tb, &tb->redo[--tb->nredo]);
}

/* Discard the oldest undo step. */
static void
textbuf_drop_oldest(struct textbuf *tb)
{
	textbuf_step_free(tb, &tb->undo[0]);
	memmove(tb->undo, tb->undo + 1, --tb->nundo * sizeof tb->undo[0]);
}

/* The most bytes the history keeps beyond its newest step. */
static size_t
textbuf_undo_budget(const struct textbuf *tb)
{
	return tb->peak > TEXTBUF_UNDO_FLOOR / 2 ? 2 * tb->peak :
	    TEXTBUF_UNDO_FLOOR;
}

/*
 * Put the UTF-8 text s (nbytes, n code points) at pos in place of the m
 * code points there.  O(m + n + the text after pos).
 */
static void
textbuf_apply(struct textbuf *tb, size_t pos, size_t m, const char *s,
    size_t nbytes)
{
	uint32_t *cp;
	size_t n;

	cp = text_cps(s, nbytes, &n);
	textbuf_replace(tb, pos, m, cp, n);
	free(cp);
}

/*
 * Add the one code point the newest step st deletes now to its deleted
 * text: before it for a Backspace (the step starts one earlier), after it
 * for a forward delete.  O(the step's deleted text).
 */
static void
textbuf_join_delete(struct textbuf_step *st, uint32_t cp, int back)
{
	size_t n = textbuf_cplen(cp);
	char *del;

	del = xmalloc(st->bdel + n + 1);
	if (back) {
		text_encode(cp, del);
		memcpy(del + n, st->del, st->bdel);
		st->pos--;
	} else {
		memcpy(del, st->del, st->bdel);
		text_encode(cp, del + st->bdel);
	}
	free(st->del);
	st->del = del;
	st->bdel += n;
	st->ndel++;
}

/*
 * Replace n code points at pos with ins[0..nins) as one undoable edit and
 * put the cursor after the inserted text.  run is the TEXTBUF_RUN_* the
 * edit belongs to (a typed character, one deleted by Backspace or Delete),
 * which joins the previous step if that was of the same run and the
 * cursor has not moved since.  The step costs O(n + nins), not a copy of
 * the text (a joined deletion: O(the step's deleted text)).
 */
static void
textbuf_edit(struct textbuf *tb, size_t pos, size_t n, const uint32_t *ins,
    size_t nins, int run)
{
	struct textbuf_step *st;
	size_t old;

	if (tb->undo == NULL) {
		/* most buffers are only shown, never edited: no history */
		tb->undo = xcalloc(TEXTBUF_HISTORY, sizeof *tb->undo);
		tb->redo = xcalloc(TEXTBUF_HISTORY, sizeof *tb->redo);
	}
	textbuf_clear_redo(tb);
	if (run != TEXTBUF_RUN_NONE && run == tb->run) {
		st = &tb->undo[tb->nundo - 1];
		old = textbuf_step_bytes(st);
		if (run != TEXTBUF_RUN_TYPE)
			textbuf_join_delete(st, tb->cp[pos],
			    run == TEXTBUF_RUN_BACK);
	} else {
		if (tb->nundo == TEXTBUF_HISTORY)
			textbuf_drop_oldest(tb);
		st = &tb->undo[tb->nundo++];
		memset(st, 0, sizeof *st);
		st->pos = pos;
		st->before = tb->cursor;
		st->del = textbuf_utf8(NULL, &st->bdel, &(size_t){ 0 },
		    tb->cp + pos, n);
		st->ndel = n;
		old = 0;
	}
	st->ins = textbuf_utf8(st->ins, &st->bins, &st->insroom, ins, nins);
	st->nins += nins;

	textbuf_replace(tb, pos, n, ins, nins);
	tb->cursor = pos + nins;
	st->after = tb->cursor;
	tb->held += textbuf_step_bytes(st) - old;
	while (tb->held > textbuf_undo_budget(tb) && tb->nundo > 1)
		textbuf_drop_oldest(tb);
	tb->run = run;
	tb->killing = 0;
}

/* Move the cursor to pos (<= len); return whether it moved. */
static int
textbuf_move(struct textbuf *tb, size_t pos)
{
	if (pos == tb->cursor)
		return 0;
	tb->cursor = pos;
	tb->run = TEXTBUF_RUN_NONE;
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
		textbuf_step_free(tb, &tb->undo[i]);
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
	size_t len = 0, room = tb->bytes + 1;
	char *out;

	out = textbuf_utf8(xmalloc(room), &len, &room, tb->cp, tb->len);
	out[len] = '\0';
	return out;
}

/* The UTF-8 bytes of the text, as textbuf_text has them. */
size_t
textbuf_bytes(const struct textbuf *tb)
{
	return tb->bytes;
}

/* The text a yank would insert as UTF-8 (caller frees), or NULL: none. */
char *
textbuf_killed(const struct textbuf *tb)
{
	size_t len = 0, room = 4 * tb->nkill + 1;
	char *out;

	if (tb->nkill == 0)
		return NULL;
	out = textbuf_utf8(xmalloc(room), &len, &room, tb->kill, tb->nkill);
	out[len] = '\0';
	return out;
}

/* The 全角換算 count in halves, as text_halves counts textbuf_text. */
size_t
textbuf_halves(const struct textbuf *tb)
{
	return tb->halves;
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

/*
 * Where the text changed since the last textbuf_clean ends: the code
 * points from here on are the ones that were at the end of the text then,
 * untouched by any edit (moved only by the difference in length).  It is
 * 0 when nothing changed, len when the change reached the end, and at
 * least textbuf_dirty when something changed.
 */
size_t
textbuf_dirty_end(const struct textbuf *tb)
{
	return tb->len - tb->tail;
}

void
textbuf_clean(struct textbuf *tb)
{
	tb->dirty = (size_t)-1;
	tb->tail = tb->len;
	tb->clean_version = tb->version;
}

/*
 * A number that stands for the text as it is now: it changes with every
 * change of the text, and no other buffer's text ever had it.
 */
unsigned long
textbuf_version(const struct textbuf *tb)
{
	return tb->version;
}

/* textbuf_version at the last textbuf_clean, 0 if there was none. */
unsigned long
textbuf_clean_version(const struct textbuf *tb)
{
	return tb->clean_version;
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
 * to U+FFFD, in NFC with what comes before the cursor (a combining mark
 * typed after its base composes with it: か and U+3099 become が); the
 * cursor ends up after it.  One code point other than LF is typing and
 * joins the previous undo step if that was typing at this cursor; anything
 * else (a composition too) is an undo step of its own.  Text inserted
 * before a combining mark does not compose with it.
 */
void
textbuf_insert(struct textbuf *tb, const char *utf8)
{
	uint32_t *cp, *seg, *nfc;
	size_t n, i, start, old, nn, k;

	cp = textbuf_decode(utf8, &n);
	for (i = 0; i < n && text_nfc_inert(cp[i]); i++)
		;
	if (i == n) {
		/* the common case: nothing NFC would change */
		if (n != 0)
			textbuf_edit(tb, tb->cursor, 0, cp, n, n == 1 &&
			    cp[0] != '\n' ? TEXTBUF_RUN_TYPE :
			    TEXTBUF_RUN_NONE);
		free(cp);
		return;
	}
	/* from the last inert character before the cursor, a few back */
	start = tb->cursor;
	while (start > 0 && tb->cursor - start < TEXTBUF_NFC_BACK &&
	    !text_nfc_inert(tb->cp[start - 1]))
		start--;
	if (start > 0)
		start--;
	old = tb->cursor - start;
	seg = xreallocarray(NULL, old + n, sizeof *seg);
	memcpy(seg, tb->cp + start, old * sizeof *seg);
	memcpy(seg + old, cp, n * sizeof *seg);
	nfc = text_nfc_cps(seg, old + n, &nn);
	/* what stays as it was before the cursor is left alone */
	for (k = 0; k < old && k < nn && nfc[k] == tb->cp[start + k]; k++)
		;
	if (old - k != 0 || nn - k != 0)
		textbuf_edit(tb, start + k, old - k, nfc + k, nn - k,
		    old == k && nn - k == 1 && nfc[k] != '\n' ?
		    TEXTBUF_RUN_TYPE : TEXTBUF_RUN_NONE);
	free(nfc);
	free(seg);
	free(cp);
}

/*
 * Delete the code point before the cursor; 0 if there is none.  It joins
 * the undo step of the Backspaces just before it (not a line break).
 */
int
textbuf_delete_back(struct textbuf *tb)
{
	if (tb->cursor == 0)
		return 0;
	textbuf_edit(tb, tb->cursor - 1, 1, NULL, 0,
	    tb->cp[tb->cursor - 1] != '\n' ? TEXTBUF_RUN_BACK :
	    TEXTBUF_RUN_NONE);
	return 1;
}

/*
 * Delete the code point after the cursor; 0 if there is none.  It joins
 * the undo step of the deletions just before it (not a line break).
 */
int
textbuf_delete_fwd(struct textbuf *tb)
{
	if (tb->cursor == tb->len)
		return 0;
	textbuf_edit(tb, tb->cursor, 1, NULL, 0,
	    tb->cp[tb->cursor] != '\n' ? TEXTBUF_RUN_FORWARD :
	    TEXTBUF_RUN_NONE);
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
	textbuf_edit(tb, from, n, NULL, 0, TEXTBUF_RUN_NONE);
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
	textbuf_edit(tb, tb->cursor, 0, tb->kill, tb->nkill,
	    TEXTBUF_RUN_NONE);
	return 1;
}

/*
 * Go back to the text and cursor before the last step; 0 if none.
 * O(the step's text + the text after it).
 */
int
textbuf_undo(struct textbuf *tb)
{
	struct textbuf_step *st;

	if (tb->nundo == 0)
		return 0;
	st = &tb->undo[--tb->nundo];
	st->after = tb->cursor;
	textbuf_apply(tb, st->pos, st->nins, st->del, st->bdel);
	tb->cursor = st->before;
	tb->redo[tb->nredo++] = *st;
	tb->run = TEXTBUF_RUN_NONE;
	tb->killing = 0;
	return 1;
}

/* Redo the last step undone, with its cursor; 0 if none. */
int
textbuf_redo(struct textbuf *tb)
{
	struct textbuf_step *st;

	if (tb->nredo == 0)
		return 0;
	st = &tb->redo[--tb->nredo];
	st->before = tb->cursor;
	textbuf_apply(tb, st->pos, st->ndel, st->ins, st->bins);
	tb->cursor = st->after;
	tb->undo[tb->nundo++] = *st;
	tb->run = TEXTBUF_RUN_NONE;
	tb->killing = 0;
	return 1;
}

/*
 * The bytes the undo and redo history holds: the text of its steps and
 * the step records (a buffer never edited holds none).
 */
size_t
textbuf_undo_bytes(const struct textbuf *tb)
{
	return tb->undo == NULL ? 0 : tb->held +
	    2 * TEXTBUF_HISTORY * sizeof *tb->undo;
}
