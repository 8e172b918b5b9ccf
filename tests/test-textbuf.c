/*
 * test-textbuf: the editing model of an answer (typing, deleting, moving,
 * kill and yank, undo and redo, the 字 count) and its layout into display
 * rows (wrapping, cursor location and up/down positions).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"
#include "text.h"
#include "textbuf.h"

/*
 * The text is want, valid UTF-8, and its counts agree with text_count and
 * text_halves.
 */
static void
check(const struct textbuf *tb, const char *want)
{
	char *s = textbuf_text(tb);

	assert_string_equal(s, want);
	assert_int_equal(text_invalid(s, strlen(s)), strlen(s));
	assert_int_equal(textbuf_count(tb), text_count(s, strlen(s)));
	assert_int_equal(textbuf_halves(tb), text_halves(s, strlen(s)));
	free(s);
}

/* Insert s one code point at a time, as typing does. */
static void
type(struct textbuf *tb, const char *s)
{
	char one[5];
	size_t len = strlen(s), off = 0, n;
	uint32_t cp;

	while (off < len) {
		n = text_decode(s + off, len - off, &cp);
		assert_true(n > 0);
		memcpy(one, s + off, n);
		one[n] = '\0';
		textbuf_insert(tb, one);
		off += n;
	}
}

static void
test_typing_japanese(void **state)
{
	struct textbuf *tb;

	(void)state;
	tb = textbuf_new(NULL);
	check(tb, "");
	assert_int_equal(textbuf_len(tb), 0);
	assert_int_equal(textbuf_count(tb), 0);
	assert_false(textbuf_changed(tb));

	type(tb, "開示します");
	check(tb, "開示します");
	assert_int_equal(textbuf_len(tb), 5);
	assert_int_equal(textbuf_count(tb), 5);
	assert_int_equal(textbuf_cursor(tb), 5);
	assert_int_equal(textbuf_char(tb, 0), 0x958b);	/* 開 */
	assert_int_equal(textbuf_charwidth(tb, 0), 2);
	assert_true(textbuf_changed(tb));

	/* an input method commits a whole string at once */
	textbuf_insert(tb, "。ASP・SaaS");
	check(tb, "開示します。ASP・SaaS");
	assert_int_equal(textbuf_count(tb), 14);
	assert_int_equal(textbuf_cursor(tb), 14);

	/* a character outside the BMP is one code point */
	textbuf_insert(tb, "𠮷\xf0\x9f\x98\x80");
	assert_int_equal(textbuf_len(tb), 16);
	assert_int_equal(textbuf_char(tb, 14), 0x20bb7);
	check(tb, "開示します。ASP・SaaS𠮷\xf0\x9f\x98\x80");
	textbuf_free(tb);
}

static void
test_invalid_bytes(void **state)
{
	struct textbuf *tb;
	const char *in = "a\xff\xe9\x96" "b";

	(void)state;
	tb = textbuf_new(in);
	/* each invalid byte is one U+FFFD, as text_count counts it */
	check(tb, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b");
	assert_int_equal(textbuf_len(tb), 5);
	assert_int_equal(textbuf_count(tb), text_count(in, strlen(in)));
	assert_int_equal(textbuf_char(tb, 1), 0xfffd);
	assert_false(textbuf_changed(tb));

	textbuf_set_cursor(tb, 99);
	assert_int_equal(textbuf_cursor(tb), 5);
	textbuf_insert(tb, "\xc0\xaf");		/* overlong: two bytes */
	assert_int_equal(textbuf_len(tb), 7);
	check(tb, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	    "b\xef\xbf\xbd\xef\xbf\xbd");
	textbuf_free(tb);
}

static void
test_crlf(void **state)
{
	struct textbuf *tb;

	(void)state;
	tb = textbuf_new("一\r\n二\r三\n");
	check(tb, "一\n二\n三\n");
	assert_int_equal(textbuf_len(tb), 6);
	assert_int_equal(textbuf_count(tb), 3);
	assert_false(textbuf_changed(tb));

	textbuf_set_cursor(tb, 1);
	textbuf_insert(tb, "x\r\ny\rz\r\r\n");
	check(tb, "一x\ny\nz\n\n\n二\n三\n");
	assert_int_equal(textbuf_cursor(tb), 8);

	/* Enter in a terminal sends a lone CR */
	textbuf_insert(tb, "\r");
	assert_int_equal(textbuf_char(tb, 8), '\n');
	assert_int_equal(textbuf_cursor(tb), 9);
	check(tb, "一x\ny\nz\n\n\n\n二\n三\n");
	assert_int_equal(textbuf_count(tb), 6);
	textbuf_free(tb);
}

static void
test_control_widths(void **state)
{
	struct textbuf *tb;
	static const int want[] = { 1, 2, 2, 2, 2, 8, 8, 1, 0, 1, 2, 0, 1 };
	size_t i;

	(void)state;
	/* a TAB ESC DEL U+0001 U+0085 U+009F U+00A0 LF space あ U+0301 ｶ */
	tb = textbuf_new("a\t\x1b\x7f\x01\xc2\x85\xc2\x9f\xc2\xa0"
	    "\n \xe3\x81\x82\xcc\x81\xef\xbd\xb6");
	assert_int_equal(textbuf_len(tb), sizeof want / sizeof want[0]);
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_int_equal(textbuf_charwidth(tb, i), want[i]);
	assert_int_equal(textbuf_char(tb, 5), 0x85);
	/* the count still counts controls as characters (not the LF) */
	assert_int_equal(textbuf_count(tb), 12);
	check(tb, "a\t\x1b\x7f\x01\xc2\x85\xc2\x9f\xc2\xa0\n \xe3\x81\x82"
	    "\xcc\x81\xef\xbd\xb6");
	textbuf_free(tb);
}

static void
test_delete(void **state)
{
	struct textbuf *tb;

	(void)state;
	tb = textbuf_new("日本語テキスト𠮷");
	assert_false(textbuf_delete_back(tb));		/* at the start */
	check(tb, "日本語テキスト𠮷");
	textbuf_set_cursor(tb, 3);
	assert_true(textbuf_delete_back(tb));
	check(tb, "日本テキスト𠮷");
	assert_int_equal(textbuf_cursor(tb), 2);
	assert_true(textbuf_delete_fwd(tb));
	check(tb, "日本キスト𠮷");
	assert_int_equal(textbuf_cursor(tb), 2);
	textbuf_end(tb);
	assert_false(textbuf_delete_fwd(tb));		/* at the end */
	assert_true(textbuf_delete_back(tb));		/* a 4-byte character */
	check(tb, "日本キスト");
	assert_int_equal(textbuf_count(tb), 5);
	while (textbuf_delete_back(tb))
		;
	check(tb, "");
	assert_int_equal(textbuf_cursor(tb), 0);
	assert_false(textbuf_delete_fwd(tb));
	textbuf_free(tb);
}

static void
test_insert_middle_wrapped(void **state)
{
	struct textbuf *tb;
	struct layout_row *rows;
	size_t n, row;
	int col;

	(void)state;
	tb = textbuf_new("あいうえおかきくけこさし");
	n = layout_wrap(tb, 10, &rows);
	assert_int_equal(n, 3);
	assert_int_equal(rows[1].start, 5);
	assert_int_equal(rows[2].start, 10);
	assert_int_equal(rows[2].end, 12);
	free(rows);

	/* in the middle of the second row: the rest moves on by one */
	textbuf_set_cursor(tb, 7);
	textbuf_insert(tb, "漢");
	check(tb, "あいうえおかき漢くけこさし");
	assert_int_equal(textbuf_cursor(tb), 8);
	n = layout_wrap(tb, 10, &rows);
	assert_int_equal(n, 3);
	assert_int_equal(rows[1].start, 5);
	assert_int_equal(rows[1].end, 10);
	assert_int_equal(rows[2].start, 10);
	assert_int_equal(rows[2].end, 13);
	layout_locate(rows, n, tb, textbuf_cursor(tb), &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 6);
	free(rows);

	/* a half-width character shifts the wide ones: one moves down */
	textbuf_set_cursor(tb, 0);
	textbuf_insert(tb, "a");
	n = layout_wrap(tb, 10, &rows);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].end, 5);	/* a + 4 wide = 9 columns */
	assert_int_equal(rows[1].start, 5);
	assert_int_equal(rows[1].end, 10);
	assert_int_equal(rows[2].end, 14);
	free(rows);
	textbuf_free(tb);
}

static void
test_word_moves(void **state)
{
	struct textbuf *tb;
	static const size_t right[] = { 6, 11, 14, 15 };
	static const size_t left[] = { 12, 7, 0 };
	size_t i;

	(void)state;
	/* A S P は 開 示 、 S a a S ' ' 申 請 。 */
	tb = textbuf_new("ASPは開示、SaaS 申請。");
	assert_int_equal(textbuf_len(tb), 15);
	for (i = 0; i < sizeof right / sizeof right[0]; i++) {
		assert_true(textbuf_word_right(tb));
		assert_int_equal(textbuf_cursor(tb), right[i]);
	}
	assert_false(textbuf_word_right(tb));
	for (i = 0; i < sizeof left / sizeof left[0]; i++) {
		assert_true(textbuf_word_left(tb));
		assert_int_equal(textbuf_cursor(tb), left[i]);
	}
	assert_false(textbuf_word_left(tb));
	textbuf_free(tb);

	/* kana, kanji, full-width letters and digits, ー and 々 are letters */
	tb = textbuf_new("ひらがなカタカナ漢字ｶﾀｶﾅＡ１ーデータ々「次」x");
	assert_true(textbuf_word_right(tb));
	assert_int_equal(textbuf_cursor(tb), 21);
	assert_true(textbuf_word_right(tb));
	assert_int_equal(textbuf_cursor(tb), 23);
	assert_true(textbuf_word_right(tb));
	assert_int_equal(textbuf_cursor(tb), 25);
	assert_true(textbuf_word_left(tb));
	assert_int_equal(textbuf_cursor(tb), 24);
	textbuf_free(tb);

	/* line feeds separate words too */
	tb = textbuf_new("一行\n\n二行");
	textbuf_end(tb);
	assert_int_equal(textbuf_cursor(tb), 2);
	assert_true(textbuf_word_right(tb));
	assert_int_equal(textbuf_cursor(tb), 6);
	assert_true(textbuf_word_left(tb));
	assert_int_equal(textbuf_cursor(tb), 4);
	assert_true(textbuf_left(tb));
	assert_int_equal(textbuf_cursor(tb), 3);
	assert_false(textbuf_home(tb));		/* an empty line */
	assert_false(textbuf_end(tb));
	textbuf_set_cursor(tb, 5);
	assert_true(textbuf_home(tb));
	assert_int_equal(textbuf_cursor(tb), 4);
	textbuf_free(tb);
}

static void
test_kill_yank(void **state)
{
	struct textbuf *tb;

	(void)state;
	tb = textbuf_new("一行目\n二行目\n三");
	assert_false(textbuf_yank(tb));		/* nothing killed yet */
	textbuf_set_cursor(tb, 1);
	assert_true(textbuf_kill_eol(tb));
	check(tb, "一\n二行目\n三");
	assert_int_equal(textbuf_cursor(tb), 1);
	/* at the end of the line Ctrl-K takes the LF, adding to the kill */
	assert_true(textbuf_kill_eol(tb));
	check(tb, "一二行目\n三");
	assert_true(textbuf_yank(tb));
	check(tb, "一行目\n二行目\n三");
	assert_int_equal(textbuf_cursor(tb), 4);
	/* yanking again inserts the same text again */
	assert_true(textbuf_yank(tb));
	check(tb, "一行目\n行目\n二行目\n三");
	assert_int_equal(textbuf_cursor(tb), 7);

	/* Ctrl-U: to the start of the logical line */
	textbuf_set_cursor(tb, 9);
	assert_true(textbuf_kill_bol(tb));
	check(tb, "一行目\n行目\n目\n三");
	assert_int_equal(textbuf_cursor(tb), 7);
	assert_false(textbuf_kill_bol(tb));
	textbuf_set_cursor(tb, 0);
	assert_true(textbuf_yank(tb));
	check(tb, "二行一行目\n行目\n目\n三");

	/* at the very end Ctrl-K has nothing to kill */
	textbuf_set_cursor(tb, textbuf_len(tb));
	assert_false(textbuf_kill_eol(tb));
	textbuf_free(tb);

	/* Ctrl-W kills words backwards; consecutive kills run together */
	tb = textbuf_new("ASP申請 の話");
	textbuf_end(tb);
	assert_true(textbuf_kill_word(tb));
	check(tb, "ASP申請 ");
	assert_true(textbuf_kill_word(tb));
	check(tb, "");
	assert_false(textbuf_kill_word(tb));
	assert_true(textbuf_yank(tb));
	check(tb, "ASP申請 の話");

	/* a movement between kills starts a new kill */
	textbuf_set_cursor(tb, 3);
	assert_true(textbuf_kill_eol(tb));
	check(tb, "ASP");
	assert_true(textbuf_left(tb));
	assert_true(textbuf_kill_eol(tb));
	check(tb, "AS");
	assert_true(textbuf_yank(tb));
	check(tb, "ASP");
	textbuf_free(tb);
}

static void
test_undo_coalesce(void **state)
{
	struct textbuf *tb;

	(void)state;
	tb = textbuf_new("");
	assert_false(textbuf_undo(tb));
	assert_false(textbuf_redo(tb));

	/* typing is one step */
	type(tb, "開示abc");
	assert_true(textbuf_undo(tb));
	check(tb, "");
	assert_int_equal(textbuf_cursor(tb), 0);
	assert_false(textbuf_undo(tb));
	assert_true(textbuf_redo(tb));
	check(tb, "開示abc");
	assert_int_equal(textbuf_cursor(tb), 5);
	assert_false(textbuf_redo(tb));

	/* moving the cursor ends the run */
	textbuf_set_cursor(tb, 2);
	type(tb, "xy");
	check(tb, "開示xyabc");
	assert_true(textbuf_undo(tb));
	check(tb, "開示abc");
	assert_int_equal(textbuf_cursor(tb), 2);
	assert_true(textbuf_undo(tb));
	check(tb, "");
	textbuf_free(tb);

	/* a line break ends the run and is a step of its own */
	tb = textbuf_new("");
	type(tb, "ab\ncd");
	assert_true(textbuf_undo(tb));
	check(tb, "ab\n");
	assert_true(textbuf_undo(tb));
	check(tb, "ab");
	assert_true(textbuf_undo(tb));
	check(tb, "");
	assert_false(textbuf_undo(tb));
	textbuf_free(tb);

	/* a run of Backspaces is one step; pastes and kills are steps of
	   their own */
	tb = textbuf_new("");
	type(tb, "abc");
	textbuf_delete_back(tb);
	textbuf_delete_back(tb);
	textbuf_insert(tb, "貼付");
	type(tb, "de");
	textbuf_set_cursor(tb, 0);
	textbuf_kill_eol(tb);
	check(tb, "");
	assert_true(textbuf_undo(tb));
	check(tb, "a貼付de");
	assert_int_equal(textbuf_cursor(tb), 0);
	assert_true(textbuf_undo(tb));
	check(tb, "a貼付");
	assert_int_equal(textbuf_cursor(tb), 3);
	assert_true(textbuf_undo(tb));
	check(tb, "a");
	assert_true(textbuf_undo(tb));
	check(tb, "abc");
	assert_int_equal(textbuf_cursor(tb), 3);
	assert_true(textbuf_redo(tb));
	check(tb, "a");
	assert_int_equal(textbuf_cursor(tb), 1);
	assert_true(textbuf_undo(tb));
	assert_true(textbuf_undo(tb));
	check(tb, "");
	assert_false(textbuf_undo(tb));
	textbuf_free(tb);

	/* Backspace over Japanese, forward deletes: runs, each one step; a
	   line break, a move or typing ends the run */
	tb = textbuf_new("申請書\n開示情報");
	textbuf_set_cursor(tb, textbuf_len(tb));
	textbuf_delete_back(tb);
	textbuf_delete_back(tb);
	textbuf_delete_back(tb);
	check(tb, "申請書\n開");
	textbuf_delete_back(tb);
	textbuf_delete_back(tb);	/* the line break */
	textbuf_delete_back(tb);
	check(tb, "申請");
	assert_true(textbuf_undo(tb));
	check(tb, "申請書");
	assert_true(textbuf_undo(tb));
	check(tb, "申請書\n");
	assert_true(textbuf_undo(tb));
	check(tb, "申請書\n開示情報");
	assert_int_equal(textbuf_cursor(tb), 8);
	assert_false(textbuf_undo(tb));
	textbuf_set_cursor(tb, 1);
	textbuf_delete_fwd(tb);
	textbuf_delete_fwd(tb);
	check(tb, "申\n開示情報");
	textbuf_delete_back(tb);
	type(tb, "x");
	textbuf_delete_back(tb);
	check(tb, "\n開示情報");
	assert_true(textbuf_undo(tb));
	check(tb, "x\n開示情報");
	assert_true(textbuf_undo(tb));
	check(tb, "\n開示情報");
	assert_true(textbuf_undo(tb));
	check(tb, "申\n開示情報");
	assert_true(textbuf_undo(tb));
	check(tb, "申請書\n開示情報");
	assert_int_equal(textbuf_cursor(tb), 1);
	assert_true(textbuf_redo(tb));
	check(tb, "申\n開示情報");
	textbuf_free(tb);

	/* undo restores the cursor of the step, not where it was moved to */
	tb = textbuf_new("hello");
	textbuf_set_cursor(tb, 2);
	textbuf_delete_fwd(tb);
	textbuf_set_cursor(tb, 0);
	assert_true(textbuf_undo(tb));
	check(tb, "hello");
	assert_int_equal(textbuf_cursor(tb), 2);
	/* typing after an undo is a new run, not part of the old one */
	textbuf_set_cursor(tb, 5);
	type(tb, "!");
	textbuf_undo(tb);
	check(tb, "hello");
	textbuf_free(tb);
}

static void
test_redo_discard(void **state)
{
	struct textbuf *tb;

	(void)state;
	tb = textbuf_new("base");
	textbuf_end(tb);
	textbuf_insert(tb, "12");
	textbuf_insert(tb, "34");
	assert_true(textbuf_undo(tb));
	assert_true(textbuf_undo(tb));
	check(tb, "base");
	assert_true(textbuf_redo(tb));
	check(tb, "base12");
	assert_int_equal(textbuf_cursor(tb), 6);
	/* a new edit discards what is left to redo */
	textbuf_insert(tb, "x");
	assert_false(textbuf_redo(tb));
	check(tb, "base12x");
	assert_true(textbuf_undo(tb));
	check(tb, "base12");
	assert_true(textbuf_redo(tb));
	check(tb, "base12x");
	assert_false(textbuf_redo(tb));
	/* a kill is an edit too */
	textbuf_undo(tb);
	textbuf_kill_bol(tb);
	assert_false(textbuf_redo(tb));
	check(tb, "");
	textbuf_free(tb);
}

static void
test_history_bound(void **state)
{
	struct textbuf *tb;
	char buf[16];
	int i, undos = 0;

	(void)state;
	tb = textbuf_new("");
	for (i = 0; i < 250; i++) {
		snprintf(buf, sizeof buf, "%03d", i);
		textbuf_insert(tb, buf);
	}
	assert_int_equal(textbuf_len(tb), 750);
	while (textbuf_undo(tb))
		undos++;
	assert_int_equal(undos, 200);
	/* the oldest 50 steps are kept in the text */
	assert_int_equal(textbuf_len(tb), 150);
	assert_true(textbuf_changed(tb));
	while (textbuf_redo(tb))
		undos--;
	assert_int_equal(undos, 0);
	assert_int_equal(textbuf_len(tb), 750);
	textbuf_free(tb);
}

static void
test_changed(void **state)
{
	struct textbuf *tb;

	(void)state;
	tb = textbuf_new("abc\r\n");
	assert_false(textbuf_changed(tb));
	textbuf_set_cursor(tb, 2);
	assert_false(textbuf_changed(tb));	/* moving is no change */
	textbuf_insert(tb, "x");
	assert_true(textbuf_changed(tb));
	textbuf_delete_back(tb);
	assert_false(textbuf_changed(tb));	/* same text again */
	assert_true(textbuf_undo(tb));
	assert_true(textbuf_changed(tb));
	assert_true(textbuf_undo(tb));
	assert_false(textbuf_changed(tb));
	textbuf_delete_fwd(tb);
	textbuf_insert(tb, "c");
	assert_false(textbuf_changed(tb));
	textbuf_insert(tb, "c");
	assert_true(textbuf_changed(tb));
	/* same length, other text */
	textbuf_set_cursor(tb, 0);
	textbuf_delete_fwd(tb);
	textbuf_delete_fwd(tb);
	textbuf_insert(tb, "x");
	check(tb, "xcc\n");
	assert_true(textbuf_changed(tb));
	textbuf_free(tb);
}

/*
 * The naive model for random edits: an array of characters, each a string,
 * with kill and yank as readline does them.
 */
#define MODEL_MAX	65536

struct model {
	const char	*ch[MODEL_MAX];
	size_t		 n;
	size_t		 cursor;
	const char	*kill[MODEL_MAX];
	size_t		 nkill;
	int		 killing;
};

static const struct {
	const char	*in;
	const char	*chars[4];
} pool[] = {
	{ "開", { "開" } },
	{ "示", { "示" } },
	{ "a", { "a" } },
	{ "Z", { "Z" } },
	{ "9", { "9" } },
	{ " ", { " " } },
	{ "、", { "、" } },
	{ "・", { "・" } },
	{ "ー", { "ー" } },
	{ "\t", { "\t" } },
	{ "\n", { "\n" } },
	{ "\r", { "\n" } },
	{ "申請", { "申", "請" } },
	{ "a\r\nb", { "a", "\n", "b" } },
	{ "\xff", { "\xef\xbf\xbd" } },
	{ "\xf0\x9f\x98\x80", { "\xf0\x9f\x98\x80" } },
	{ "ｶﾞ", { "ｶ", "ﾞ" } },
	{ "\xc2\x85x", { "\xc2\x85", "x" } },
};

static const char *const model_words[] = {
	"開", "示", "a", "Z", "9", "ー", "申", "請", "b", "ｶ", "ﾞ", "x", NULL
};

static int
model_isword(const char *c)
{
	size_t i;

	for (i = 0; model_words[i] != NULL; i++) {
		if (strcmp(c, model_words[i]) == 0)
			return 1;
	}
	return 0;
}

static char *
model_text(const struct model *m)
{
	size_t i, len = 0;
	char *s;

	for (i = 0; i < m->n; i++)
		len += strlen(m->ch[i]);
	s = malloc(len + 1);
	assert_non_null(s);
	*s = '\0';
	for (i = 0; i < m->n; i++)
		strcat(s, m->ch[i]);
	return s;
}

static void
model_delete(struct model *m, size_t from, size_t to)
{
	memmove(m->ch + from, m->ch + to, (m->n - to) * sizeof m->ch[0]);
	m->n -= to - from;
	m->cursor = from;
	m->killing = 0;
}

static void
model_insert(struct model *m, const char *const *chars, size_t n)
{
	assert_true(m->n + n <= MODEL_MAX);
	memmove(m->ch + m->cursor + n, m->ch + m->cursor,
	    (m->n - m->cursor) * sizeof m->ch[0]);
	memcpy(m->ch + m->cursor, chars, n * sizeof m->ch[0]);
	m->n += n;
	m->cursor += n;
	m->killing = 0;
}

static void
model_kill(struct model *m, size_t from, size_t to, int backward)
{
	size_t n = to - from;

	if (!m->killing)
		m->nkill = 0;
	if (backward) {
		memmove(m->kill + n, m->kill, m->nkill * sizeof m->kill[0]);
		memcpy(m->kill, m->ch + from, n * sizeof m->kill[0]);
	} else
		memcpy(m->kill + m->nkill, m->ch + from, n * sizeof m->kill[0]);
	m->nkill += n;
	model_delete(m, from, to);
	m->killing = 1;
}

static void
model_move(struct model *m, size_t pos)
{
	if (pos != m->cursor) {
		m->cursor = pos;
		m->killing = 0;
	}
}

static uint32_t
lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return (*seed >> 16) & 0x7fff;
}

/* The run the last random_op joins (textbuf.c): 1 a typed character,
   2 a Backspace, 3 a forward delete (not LF), 0 none. */
static int	random_typed;

/* One random operation on both; returns whether it was an edit. */
static int
random_op(struct textbuf *tb, struct model *m, uint32_t *seed)
{
	size_t i, k;

	random_typed = 0;
	switch (lcg(seed) % 14) {
	case 0:
	case 1:
	case 2:
		k = lcg(seed) % (sizeof pool / sizeof pool[0]);
		textbuf_insert(tb, pool[k].in);
		for (i = 0; i < 4 && pool[k].chars[i] != NULL; i++)
			;
		model_insert(m, pool[k].chars, i);
		random_typed = i == 1 && strcmp(pool[k].chars[0], "\n") != 0;
		return 1;
	case 3:
		if (m->cursor > 0) {
			random_typed = strcmp(m->ch[m->cursor - 1], "\n") ?
			    2 : 0;
			model_delete(m, m->cursor - 1, m->cursor);
		}
		return textbuf_delete_back(tb);
	case 4:
		if (m->cursor < m->n) {
			random_typed = strcmp(m->ch[m->cursor], "\n") ? 3 : 0;
			model_delete(m, m->cursor, m->cursor + 1);
		}
		return textbuf_delete_fwd(tb);
	case 5:
		k = lcg(seed) % (m->n + 3);
		model_move(m, k > m->n ? m->n : k);
		textbuf_set_cursor(tb, k);
		return 0;
	case 6:
		if (m->cursor > 0)
			model_move(m, m->cursor - 1);
		textbuf_left(tb);
		return 0;
	case 7:
		if (m->cursor < m->n)
			model_move(m, m->cursor + 1);
		textbuf_right(tb);
		return 0;
	case 8:
		for (i = m->cursor; i > 0 && strcmp(m->ch[i - 1], "\n"); i--)
			;
		model_move(m, i);
		textbuf_home(tb);
		return 0;
	case 9:
		for (i = m->cursor; i < m->n && strcmp(m->ch[i], "\n"); i++)
			;
		model_move(m, i);
		textbuf_end(tb);
		return 0;
	case 10:
		for (i = m->cursor; i < m->n && strcmp(m->ch[i], "\n"); i++)
			;
		if (i == m->cursor && i < m->n)
			i++;
		if (i != m->cursor)
			model_kill(m, m->cursor, i, 0);
		return textbuf_kill_eol(tb);
	case 11:
		for (i = m->cursor; i > 0 && strcmp(m->ch[i - 1], "\n"); i--)
			;
		if (i != m->cursor)
			model_kill(m, i, m->cursor, 1);
		return textbuf_kill_bol(tb);
	case 12:
		i = m->cursor;
		while (i > 0 && !model_isword(m->ch[i - 1]))
			i--;
		while (i > 0 && model_isword(m->ch[i - 1]))
			i--;
		if (i != m->cursor)
			model_kill(m, i, m->cursor, 1);
		return textbuf_kill_word(tb);
	default:
		if (lcg(seed) % 2) {
			i = m->cursor;
			while (i < m->n && !model_isword(m->ch[i]))
				i++;
			while (i < m->n && model_isword(m->ch[i]))
				i++;
			model_move(m, i);
			textbuf_word_right(tb);
			return 0;
		}
		if (m->nkill != 0)
			model_insert(m, m->kill, m->nkill);
		return textbuf_yank(tb);
	}
}

static void
test_random_edits(void **state)
{
	static struct model m;
	struct textbuf *tb;
	uint32_t seed = 20190401;
	char *start, *end, *s;
	int round, op, edits, undos;

	(void)state;
	for (round = 0; round < 40; round++) {
		memset(&m, 0, sizeof m);
		/* start from a random text typed into an empty model */
		tb = textbuf_new("");
		for (op = 0; op < 30; op++)
			random_op(tb, &m, &seed);
		start = model_text(&m);
		textbuf_free(tb);
		tb = textbuf_new(start);
		check(tb, start);
		m.cursor = 0;
		m.nkill = 0;
		m.killing = 0;

		edits = 0;
		for (op = 0; op < 150; op++) {
			/* textbuf_dirty: nothing before it changed */
			size_t nb = textbuf_len(tb), i, d;
			uint32_t *before = malloc((nb + 1) * sizeof *before);

			assert_non_null(before);
			for (i = 0; i < nb; i++)
				before[i] = textbuf_char(tb, i);
			textbuf_clean(tb);
			edits += random_op(tb, &m, &seed);
			d = textbuf_dirty(tb);
			for (i = 0; i < nb && i < textbuf_len(tb) && i < d; i++)
				assert_int_equal(before[i], textbuf_char(tb, i));
			if (d == (size_t)-1)
				assert_int_equal(textbuf_len(tb), nb);
			free(before);
			s = model_text(&m);
			check(tb, s);
			free(s);
			assert_int_equal(textbuf_len(tb), m.n);
			assert_int_equal(textbuf_cursor(tb), m.cursor);
		}
		end = model_text(&m);

		/* every step undone leads back to the start, and redone to
		 * the end */
		undos = 0;
		while (textbuf_undo(tb))
			undos++;
		assert_true(undos <= edits);
		assert_true(edits == 0 || undos > 0);
		check(tb, start);
		assert_false(textbuf_changed(tb));
		while (textbuf_redo(tb))
			undos--;
		assert_int_equal(undos, 0);
		check(tb, end);
		assert_int_equal(textbuf_changed(tb), strcmp(start, end) != 0);
		free(start);
		free(end);
		textbuf_free(tb);
	}
}

/* Wrap s at width and compare the rows with want (start, end pairs). */
/*
 * The reference for undo and redo: the history as full copies of the
 * model's text and cursor before each step (what textbuf kept before it
 * stored steps as edits), with the same rules: 200 steps, typing
 * coalesces, a new step discards the redo states.
 */
#define HIST_MAX	200

struct hist_snap {
	const char	**ch;
	size_t		 n, cursor;
};

struct hist {
	struct hist_snap undo[HIST_MAX], redo[HIST_MAX];
	size_t		 nundo, nredo;
	int		 typing;
};

static struct hist_snap
hist_take(const struct model *m)
{
	struct hist_snap sn;

	sn.ch = malloc((m->n + 1) * sizeof *sn.ch);
	assert_non_null(sn.ch);
	memcpy(sn.ch, m->ch, m->n * sizeof *sn.ch);
	sn.n = m->n;
	sn.cursor = m->cursor;
	return sn;
}

static void
hist_put(struct model *m, struct hist_snap *sn)
{
	memcpy(m->ch, sn->ch, sn->n * sizeof *sn->ch);
	m->n = sn->n;
	m->cursor = sn->cursor;
	m->killing = 0;
	free(sn->ch);
}

static void
hist_free(struct hist *h)
{
	while (h->nundo > 0)
		free(h->undo[--h->nundo].ch);
	while (h->nredo > 0)
		free(h->redo[--h->nredo].ch);
}

/*
 * Random edits, moves, undos and redos on a textbuf and on the model with
 * the reference history: after every operation both hold the same text
 * and cursor, and textbuf_undo and textbuf_redo say there was something
 * to do exactly when the reference has a state to go back to.
 */
static void
test_undo_model(void **state)
{
	static struct model m;
	static struct hist h;
	struct textbuf *tb;
	struct hist_snap pre;
	uint32_t seed = 20210625;
	size_t before;
	char *s;
	int round, op, r, did;

	(void)state;
	for (round = 0; round < 30; round++) {
		memset(&m, 0, sizeof m);
		memset(&h, 0, sizeof h);
		tb = textbuf_new("");
		for (op = 0; op < 400; op++) {
			r = (int)(lcg(&seed) % 10);
			if (r == 0 || (r == 1 && round % 2)) {
				did = textbuf_undo(tb);
				assert_int_equal(did, h.nundo > 0);
				if (did) {
					h.redo[h.nredo++] = hist_take(&m);
					hist_put(&m, &h.undo[--h.nundo]);
					h.typing = 0;
				}
			} else if (r == 1) {
				did = textbuf_redo(tb);
				assert_int_equal(did, h.nredo > 0);
				if (did) {
					h.undo[h.nundo++] = hist_take(&m);
					hist_put(&m, &h.redo[--h.nredo]);
					h.typing = 0;
				}
			} else {
				pre = hist_take(&m);
				before = m.cursor;
				if (random_op(tb, &m, &seed)) {
					if (random_typed && h.typing == random_typed)
						free(pre.ch);
					else {
						if (h.nundo == HIST_MAX) {
							free(h.undo[0].ch);
							memmove(h.undo, h.undo + 1,
							    (HIST_MAX - 1) *
							    sizeof h.undo[0]);
							h.nundo--;
						}
						h.undo[h.nundo++] = pre;
					}
					while (h.nredo > 0)
						free(h.redo[--h.nredo].ch);
					h.typing = random_typed;
				} else {
					free(pre.ch);
					if (m.cursor != before)
						h.typing = 0;
				}
			}
			s = model_text(&m);
			check(tb, s);
			free(s);
			assert_int_equal(textbuf_len(tb), m.n);
			assert_int_equal(textbuf_cursor(tb), m.cursor);
		}
		hist_free(&h);
		textbuf_free(tb);
	}
}

/* n bytes (a multiple of 3) of Japanese text, a line break now and then. */
static char *
big_text(size_t n)
{
	char *s = malloc(n + 1), *p = s;
	size_t i;

	assert_non_null(s);
	for (i = 0; (size_t)(p - s) + 3 <= n; i++) {
		if (i % 201 == 200)
			*p++ = '\n';
		else {
			memcpy(p, i % 2 ? "申" : "請", 3);
			p += 3;
		}
	}
	*p = '\0';
	return s;
}

/*
 * Undo keeps the edits, not copies of the text: 60 edits of a 4 MB answer
 * keep far less than the answer; a 2.5 MB paste and 200 Backspaces too;
 * textbuf_undo_bytes counts what a step holds; and however large the
 * steps, the history stays within twice the largest the text has been
 * (or 1 MiB), always keeping the newest step.
 */
static void
test_undo_memory(void **state)
{
	struct textbuf *tb;
	char *start, *paste;
	size_t i, j, base, peak;
	uint32_t seed = 4;

	(void)state;
	start = big_text(4000000);
	tb = textbuf_new(start);
	assert_int_equal(textbuf_undo_bytes(tb), 0);
	for (i = 0; i < 60; i++) {
		textbuf_set_cursor(tb, (lcg(&seed) << 7) % textbuf_len(tb));
		if (i % 3 == 0) {
			for (j = 0; j < 4; j++)
				textbuf_insert(tb, "追");
		} else if (i % 3 == 1)
			assert_true(textbuf_delete_back(tb));
		else
			assert_true(textbuf_delete_fwd(tb));
		assert_true(textbuf_undo_bytes(tb) <= 2 * strlen(start));
	}
	assert_true(textbuf_undo_bytes(tb) < strlen(start) / 16);
	for (i = 0; i < 60; i++)
		assert_true(textbuf_undo(tb));
	assert_false(textbuf_undo(tb));
	check(tb, start);
	for (i = 0; i < 60; i++)
		assert_true(textbuf_redo(tb));
	textbuf_free(tb);

	/* a 2.5 MB paste, then 200 Backspaces, each after a move (so that
	   each is a step of its own) */
	paste = big_text(2500002);
	tb = textbuf_new("");
	textbuf_insert(tb, paste);
	base = textbuf_undo_bytes(tb);
	assert_true(base >= strlen(paste));
	assert_true(base <= 2 * strlen(paste));
	for (i = 0; i < 200; i++) {
		assert_true(textbuf_left(tb));
		assert_true(textbuf_right(tb));
		assert_true(textbuf_delete_back(tb));
		assert_true(textbuf_undo_bytes(tb) <= 2 * strlen(paste));
	}
	/* 201 steps: the paste is the one the 200-step history dropped */
	for (i = 0; i < 200; i++)
		assert_true(textbuf_undo(tb));
	assert_false(textbuf_undo(tb));
	check(tb, paste);
	assert_true(textbuf_undo_bytes(tb) < 64 * 1024);
	textbuf_free(tb);

	/* what a step holds is counted: 1,000 字 typed in one run */
	tb = textbuf_new("");
	textbuf_insert(tb, "x");
	base = textbuf_undo_bytes(tb);
	textbuf_set_cursor(tb, 0);
	for (i = 0; i < 1000; i++)
		textbuf_insert(tb, "字");
	assert_true(textbuf_undo_bytes(tb) >= base + 3000);
	assert_true(textbuf_undo_bytes(tb) <= base + 2 * 3000 + 16);
	assert_true(textbuf_undo(tb));
	check(tb, "x");
	textbuf_free(tb);

	/* large steps: killing and yanking the whole 2.5 MB answer over and
	 * over keeps at most twice the answer (plus the step records) */
	tb = textbuf_new("");
	for (i = 0; i < 2500000 / 3; i++)
		paste[i] = i % 3 == 0 ? 'a' : 'b';
	paste[i] = '\0';
	textbuf_insert(tb, paste);
	peak = strlen(paste);
	for (i = 0; i < 20; i++) {
		textbuf_set_cursor(tb, 0);
		assert_true(textbuf_kill_eol(tb));
		check(tb, "");
		assert_true(textbuf_undo_bytes(tb) <= 2 * peak + 64 * 1024);
		if (i == 19)
			break;
		textbuf_insert(tb, "c");	/* the kill ends */
		assert_true(textbuf_delete_back(tb));
		assert_true(textbuf_yank(tb));
		assert_true(textbuf_undo_bytes(tb) <= 2 * peak + 64 * 1024);
	}
	/* the newest step is kept: the answer killed last comes back */
	assert_true(textbuf_undo(tb));
	check(tb, paste);
	free(paste);
	free(start);
	textbuf_free(tb);
}

static void
check_rows(const char *s, int width, const size_t *want, size_t nwant)
{
	struct textbuf *tb;
	struct layout_row *rows;
	size_t n, i;

	tb = textbuf_new(s);
	n = layout_wrap(tb, width, &rows);
	assert_int_equal(n, nwant / 2);
	for (i = 0; i < n; i++) {
		assert_int_equal(rows[i].start, want[2 * i]);
		assert_int_equal(rows[i].end, want[2 * i + 1]);
	}
	free(rows);
	textbuf_free(tb);
}

#define CHECK_ROWS(s, w, ...) do {					\
	static const size_t want_[] = { __VA_ARGS__ };			\
	check_rows((s), (w), want_, sizeof want_ / sizeof want_[0]);	\
} while (0)

static void
test_wrap_fullwidth(void **state)
{
	(void)state;
	/* width 10: five wide characters a row */
	CHECK_ROWS("あいうえおかきくけこさ", 10, 0, 5, 5, 10, 10, 11);
	/* a full last row is followed by an empty row for the cursor */
	CHECK_ROWS("あいうえおかきくけこ", 10, 0, 5, 5, 10, 10, 10);
	/* odd width 9: the fifth wide character moves down */
	CHECK_ROWS("あいうえおかきく", 9, 0, 4, 4, 8);
	CHECK_ROWS("aあいうえお", 9, 0, 5, 5, 6);
	CHECK_ROWS("あいうえaお", 9, 0, 5, 5, 6);
	CHECK_ROWS("あいうえa", 9, 0, 5, 5, 5);
	/* mixed: a half-width character fills the odd column */
	CHECK_ROWS("あいうえabcdefgh", 9, 0, 5, 5, 12);
	CHECK_ROWS("あいうえabcdefghij", 9, 0, 5, 5, 14, 14, 14);
	/* width 1: one character a row, wide ones overflowing */
	CHECK_ROWS("あい", 1, 0, 1, 1, 2, 2, 2);
	CHECK_ROWS("あい", 0, 0, 1, 1, 2, 2, 2);	/* as width 1 */
}

static void
test_wrap_lf(void **state)
{
	(void)state;
	CHECK_ROWS("", 10, 0, 0);
	CHECK_ROWS("\n", 10, 0, 0, 1, 1);
	CHECK_ROWS("\n\n", 10, 0, 0, 1, 1, 2, 2);
	CHECK_ROWS("あい\nう", 10, 0, 2, 3, 4);
	CHECK_ROWS("あ\n", 10, 0, 1, 2, 2);
	/* a long logical line then a short one */
	CHECK_ROWS("あいうえおかき\nく", 10, 0, 5, 5, 7, 8, 9);
	/* a full row ended by an LF: an empty row takes the LF */
	CHECK_ROWS("あいうえお\nか", 10, 0, 5, 5, 5, 6, 7);
	CHECK_ROWS("abc\n", 3, 0, 3, 3, 3, 4, 4);
	/* CR LF is one line break */
	CHECK_ROWS("ab\r\ncd", 10, 0, 2, 3, 5);
}

static void
test_wrap_controls(void **state)
{
	(void)state;
	/* ^[ is two columns */
	CHECK_ROWS("a\x1b" "b", 3, 0, 2, 2, 3);
	CHECK_ROWS("ab\x1b", 3, 0, 2, 2, 3);
	/* <U+0085> (8 columns) on a 5-column screen has its own row */
	CHECK_ROWS("x\xc2\x85y", 5, 0, 1, 1, 2, 2, 3);
	CHECK_ROWS("x\xc2\x85y", 9, 0, 2, 2, 3);
	/* a tab is ^I */
	CHECK_ROWS("\t\t\t", 5, 0, 2, 2, 3);
	/* a combining mark never starts past the edge */
	CHECK_ROWS("か\xe3\x82\x99", 3, 0, 2);
	CHECK_ROWS("か\xe3\x82\x99", 2, 0, 1, 1, 2);
}

/*
 * For every position: the column is on the screen, the (row, column) pairs
 * increase, the position is within its row, and layout_position finds it
 * again.
 */
static void
check_roundtrip(const char *s, int width)
{
	struct textbuf *tb;
	struct layout_row *rows;
	size_t n, pos, row, prow = 0;
	int col, pcol = -1;

	tb = textbuf_new(s);
	n = layout_wrap(tb, width, &rows);
	assert_int_equal(rows[0].start, 0);
	assert_int_equal(rows[n - 1].end, textbuf_len(tb));
	for (pos = 0; pos <= textbuf_len(tb); pos++) {
		layout_locate(rows, n, tb, pos, &row, &col);
		assert_true(row < n);
		assert_true(col >= 0);
		assert_true(col < width);
		assert_true(rows[row].start <= pos && pos <= rows[row].end);
		assert_true(row > prow || (row == prow && col > pcol));
		assert_int_equal(layout_position(rows, n, tb, row, col), pos);
		prow = row;
		pcol = col;
	}
	free(rows);
	textbuf_free(tb);
}

static void
test_locate_roundtrip(void **state)
{
	static const char *const texts[] = {
		"",
		"\n",
		"あいうえおかきくけこさしすせそ",
		"開示aあbいcうd\n\nＡＢＣ123４５６\x1b\t\xc2\x85x\n",
		"令和3年度 ASP・SaaS安全・信頼性に係る情報開示認定制度"
		    "\n申請書\n\n",
		"abcdefghijklmnopqrstuvwxyz",
		"\xf0\x9f\x98\x80\xf0\xa0\xae\xb7" "a\xff",
	};
	size_t i;
	int w;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		for (w = 1; w <= 13; w++)
			check_roundtrip(texts[i], w);
		check_roundtrip(texts[i], 80);
	}
}

static void
test_locate_rules(void **state)
{
	struct textbuf *tb;
	struct layout_row *rows;
	size_t n, row;
	int col;

	(void)state;
	tb = textbuf_new("あいうえおかきくけこ\nabc");
	n = layout_wrap(tb, 10, &rows);
	assert_int_equal(n, 4);
	/* the end of a full row is the start of the next */
	layout_locate(rows, n, tb, 5, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	layout_locate(rows, n, tb, 4, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 8);
	/* the end of the full logical line goes to the empty row */
	layout_locate(rows, n, tb, 10, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 0);
	layout_locate(rows, n, tb, 11, &row, &col);
	assert_int_equal(row, 3);
	assert_int_equal(col, 0);
	layout_locate(rows, n, tb, 99, &row, &col);	/* clamped */
	assert_int_equal(row, 3);
	assert_int_equal(col, 3);

	/* up and down with a goal column: never inside a wide character */
	assert_int_equal(layout_position(rows, n, tb, 0, 3), 1);
	assert_int_equal(layout_position(rows, n, tb, 0, 4), 2);
	assert_int_equal(layout_position(rows, n, tb, 3, 3), 14);
	assert_int_equal(layout_position(rows, n, tb, 3, 2), 13);
	assert_int_equal(layout_position(rows, n, tb, 3, 50), 14);
	assert_int_equal(layout_position(rows, n, tb, 2, 7), 10);
	/* past the end of a wrapped row: its last character */
	assert_int_equal(layout_position(rows, n, tb, 1, 50), 9);
	assert_int_equal(layout_position(rows, n, tb, 9, 1), 12);
	assert_int_equal(layout_position(rows, n, tb, 0, -5), 0);
	free(rows);
	textbuf_free(tb);

	/* a combining mark goes with the character before it */
	tb = textbuf_new("か\xe3\x82\x99x");
	n = layout_wrap(tb, 10, &rows);
	assert_int_equal(n, 1);
	layout_locate(rows, n, tb, 2, &row, &col);
	assert_int_equal(col, 2);
	assert_int_equal(layout_position(rows, n, tb, 0, 2), 2);
	assert_int_equal(layout_position(rows, n, tb, 0, 1), 0);
	free(rows);
	textbuf_free(tb);

	/* past the end of a wrapped row ending in a combining mark: before
	 * the character it combines with, not between them */
	tb = textbuf_new("あいうえa\xcc\x81お");
	n = layout_wrap(tb, 10, &rows);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].end, 6);
	assert_int_equal(layout_position(rows, n, tb, 0, 50), 4);
	assert_int_equal(layout_position(rows, n, tb, 0, 9), 4);
	assert_int_equal(layout_position(rows, n, tb, 1, 0), 6);
	free(rows);
	textbuf_free(tb);

	/* width 9: the last cell of a row left empty by a wide character */
	tb = textbuf_new("あいうえおか");
	n = layout_wrap(tb, 9, &rows);
	assert_int_equal(n, 2);
	assert_int_equal(layout_position(rows, n, tb, 0, 8), 3);
	assert_int_equal(layout_position(rows, n, tb, 1, 8), 6);
	layout_locate(rows, n, tb, 6, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 4);
	free(rows);
	textbuf_free(tb);
}

/* Random texts from the pool: the layout invariants hold at any width. */
static void
test_wrap_invariants(void **state)
{
	struct textbuf *tb;
	struct layout_row *rows;
	uint32_t seed = 7;
	size_t n, r, i, k;
	int round, width, cols, w;

	(void)state;
	for (round = 0; round < 60; round++) {
		tb = textbuf_new("");
		for (i = 0; i < 60; i++) {
			k = lcg(&seed) % (sizeof pool / sizeof pool[0]);
			textbuf_insert(tb, pool[k].in);
		}
		width = 1 + (int)(lcg(&seed) % 12);
		n = layout_wrap(tb, width, &rows);
		assert_int_equal(rows[0].start, 0);
		assert_int_equal(rows[n - 1].end, textbuf_len(tb));
		for (r = 0; r < n; r++) {
			cols = 0;
			for (i = rows[r].start; i < rows[r].end; i++) {
				assert_int_not_equal(textbuf_char(tb, i), '\n');
				w = textbuf_charwidth(tb, i);
				/* each character starts on the screen */
				assert_true(cols < width);
				/* and fits, unless alone and too wide */
				assert_true(cols + w <= width ||
				    (cols == 0 && i + 1 == rows[r].end));
				cols += w;
			}
			if (r + 1 == n)
				break;
			if (rows[r + 1].start == rows[r].end + 1) {
				assert_int_equal(textbuf_char(tb, rows[r].end),
				    '\n');
			} else {
				/* wrapped: the next character did not fit */
				assert_int_equal(rows[r + 1].start,
				    rows[r].end);
				i = rows[r].end;
				w = textbuf_charwidth(tb, i);
				assert_true(i == textbuf_len(tb) ||
				    textbuf_char(tb, i) == '\n' ||
				    cols + (w == 0 ? 1 : w) > width);
			}
		}
		free(rows);
		textbuf_free(tb);
	}
}

static void
test_large(void **state)
{
	struct textbuf *tb;
	struct layout_row *rows;
	char *big, *p, *s;
	size_t n, i, row, pos;
	int col, k;

	(void)state;
	/* 10,000 code points: lines of 96 wide characters and an LF */
	big = p = malloc(10000 * 3 + 1);
	assert_non_null(big);
	for (i = 0; i < 10000; i++) {
		if (i % 97 == 96)
			*p++ = '\n';
		else {
			memcpy(p, "漢", 3);
			p += 3;
		}
	}
	*p = '\0';
	tb = textbuf_new(big);
	assert_int_equal(textbuf_len(tb), 10000);
	assert_int_equal(textbuf_count(tb), 10000 - 103);
	assert_int_equal(textbuf_count(tb), text_count(big, strlen(big)));

	/* 96 wide characters at 80 columns are 40 + 40 + 16 */
	n = layout_wrap(tb, 80, &rows);
	assert_int_equal(n, 103 * 3 + 1);
	assert_int_equal(rows[3].start, 97);
	assert_int_equal(rows[309].start, 103 * 97);
	assert_int_equal(rows[309].end, 10000);
	free(rows);

	/* a keystroke: type in the middle, rewrap, locate the cursor */
	textbuf_set_cursor(tb, 5000);
	for (k = 0; k < 200; k++) {
		textbuf_insert(tb, "字");
		n = layout_wrap(tb, 80, &rows);
		pos = textbuf_cursor(tb);
		layout_locate(rows, n, tb, pos, &row, &col);
		assert_int_equal(layout_position(rows, n, tb, row, col), pos);
		free(rows);
	}
	assert_int_equal(textbuf_len(tb), 10200);
	assert_int_equal(textbuf_count(tb), 10200 - 103);
	s = textbuf_text(tb);
	assert_int_equal(text_count(s, strlen(s)), 10200 - 103);
	free(s);
	/* 200 typed characters are one undo step */
	assert_true(textbuf_undo(tb));
	check(tb, big);
	assert_int_equal(textbuf_cursor(tb), 5000);
	assert_false(textbuf_undo(tb));
	free(big);
	textbuf_free(tb);
}

/*
 * A combining mark typed or pasted after its base composes with it (NFC):
 * が from か and U+3099 counts 1字; undo takes the mark back off.
 */
static void
test_compose(void **state)
{
	struct textbuf *tb;
	char nfd[40 * 6 + 1];
	size_t i;

	(void)state;
	tb = textbuf_new(NULL);
	type(tb, "か\xe3\x82\x99き");
	check(tb, "がき");
	assert_int_equal(textbuf_len(tb), 2);
	assert_int_equal(textbuf_cursor(tb), 2);
	textbuf_delete_back(tb);
	check(tb, "が");
	type(tb, "e\xcc\x81");
	check(tb, "がé");
	assert_true(textbuf_undo(tb));
	check(tb, "がe");
	textbuf_free(tb);

	/* a paste of decomposed text, and a mark with nothing to join */
	for (i = 0; i < 40; i++)
		memcpy(nfd + 6 * i, "\xe3\x82\xab\xe3\x82\x99", 6);
	nfd[240] = '\0';
	tb = textbuf_new("x");
	textbuf_set_cursor(tb, 1);
	textbuf_insert(tb, nfd);
	assert_int_equal(textbuf_count(tb), 41);
	assert_int_equal(textbuf_cursor(tb), 41);
	textbuf_set_cursor(tb, 0);
	textbuf_insert(tb, "\xe3\x82\x99");
	assert_int_equal(textbuf_count(tb), 42);
	assert_int_equal(textbuf_cursor(tb), 1);
	textbuf_free(tb);

	/* the mark after a kana typed in the middle of a text */
	tb = textbuf_new("はな");
	textbuf_set_cursor(tb, 1);
	textbuf_insert(tb, "\xe3\x82\x9a");
	check(tb, "ぱな");
	assert_int_equal(textbuf_cursor(tb), 1);
	textbuf_free(tb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typing_japanese),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_control_widths),
		cmocka_unit_test(test_delete),
		cmocka_unit_test(test_insert_middle_wrapped),
		cmocka_unit_test(test_word_moves),
		cmocka_unit_test(test_kill_yank),
		cmocka_unit_test(test_undo_coalesce),
		cmocka_unit_test(test_redo_discard),
		cmocka_unit_test(test_history_bound),
		cmocka_unit_test(test_changed),
		cmocka_unit_test(test_random_edits),
		cmocka_unit_test(test_undo_model),
		cmocka_unit_test(test_undo_memory),
		cmocka_unit_test(test_wrap_fullwidth),
		cmocka_unit_test(test_wrap_lf),
		cmocka_unit_test(test_wrap_controls),
		cmocka_unit_test(test_locate_roundtrip),
		cmocka_unit_test(test_locate_rules),
		cmocka_unit_test(test_wrap_invariants),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_compose),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
