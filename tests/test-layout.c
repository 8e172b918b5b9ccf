/*
 * test-layout: re-wrapping after an edit (layout_rewrap) gives exactly the
 * rows a full layout_wrap gives, over random edits at many widths, and
 * cuts again only the rows about the change: typing in a long answer
 * re-wraps the rest of its paragraph, not the answer.  Also where a
 * textbuf says the change ends (textbuf_dirty_end).
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

/* Text to insert: wide, narrow, zero-width, line breaks, controls. */
static const char *const pool[] = {
	"開", "示", "a", "Z", " ", "、", "\t", "\n", "\n\n", "\xc2\x85",
	"e\xcc\x81", "ｶﾞ", "申請内容", "abc def", "a\nb", "\xf0\x9f\x98\x80",
	"漢字漢字漢字漢字漢字漢字漢字漢字", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
};
#define NPOOL (sizeof pool / sizeof pool[0])

static uint32_t
lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return (*seed >> 16) & 0x7fff;
}

/* One random edit (or undo, redo) somewhere in tb. */
static void
random_edit(struct textbuf *tb, uint32_t *seed)
{
	textbuf_set_cursor(tb, lcg(seed) % (textbuf_len(tb) + 1));
	switch (lcg(seed) % 10) {
	case 0:
		textbuf_delete_back(tb);
		break;
	case 1:
		textbuf_delete_fwd(tb);
		break;
	case 2:
		textbuf_kill_eol(tb);
		break;
	case 3:
		textbuf_kill_word(tb);
		break;
	case 4:
		textbuf_yank(tb);
		break;
	case 5:
		textbuf_undo(tb);
		break;
	case 6:
		textbuf_redo(tb);
		break;
	default:
		textbuf_insert(tb, pool[lcg(seed) % NPOOL]);
		break;
	}
}

/*
 * textbuf_dirty_end, from which layout_rewrap reuses rows: after any
 * edits since textbuf_clean, the code points from it on are the ones at
 * the end of the text at the clean, and it is not before textbuf_dirty.
 */
static void
test_dirty_end(void **state)
{
	struct textbuf *tb;
	uint32_t seed = 7, *old;
	size_t nold, i, k, end;
	int round, op;

	(void)state;
	tb = textbuf_new("");
	assert_int_equal(textbuf_dirty(tb), 0);
	for (round = 0; round < 400; round++) {
		textbuf_clean(tb);
		assert_int_equal(textbuf_dirty_end(tb), 0);
		nold = textbuf_len(tb);
		old = malloc((nold + 1) * sizeof *old);
		assert_non_null(old);
		for (i = 0; i < nold; i++)
			old[i] = textbuf_char(tb, i);
		k = 1 + lcg(&seed) % 4;
		for (op = 0; op < (int)k; op++)
			random_edit(tb, &seed);
		end = textbuf_dirty_end(tb);
		assert_true(end <= textbuf_len(tb));
		assert_true(textbuf_len(tb) - end <= nold);
		if (textbuf_dirty(tb) != (size_t)-1)
			assert_true(end >= textbuf_dirty(tb));
		for (i = end; i < textbuf_len(tb); i++)
			assert_int_equal(textbuf_char(tb, i),
			    old[nold - (textbuf_len(tb) - i)]);
		free(old);
	}
	textbuf_free(tb);
}

/* rows[0..n) are the rows layout_wrap gives for tb at width. */
static void
check_same(const struct textbuf *tb, int width, const struct layout_row *rows,
    size_t n)
{
	struct layout_row *full;
	size_t nfull, i;

	nfull = layout_wrap(tb, width, &full);
	assert_int_equal(n, nfull);
	for (i = 0; i < n; i++) {
		assert_int_equal(rows[i].start, full[i].start);
		assert_int_equal(rows[i].end, full[i].end);
	}
	free(full);
}

/*
 * At each width, 1 to 4 random edits between layouts, 400 times: the rows
 * brought up to date are the rows of a full wrap, and the rows outside
 * the ones reported as cut anew are the old rows (those after moved).
 */
static void
test_rewrap_random(void **state)
{
	static const int widths[] = { 1, 2, 3, 4, 7, 10, 16, 73 };
	struct layout_row *rows, *old;
	struct textbuf *tb;
	uint32_t seed = 2021;
	size_t n, nold, first, nfresh, i, k, len0;
	int w, round, op;

	(void)state;
	for (w = 0; w < (int)(sizeof widths / sizeof widths[0]); w++) {
		tb = textbuf_new("");
		for (op = 0; op < 40; op++)
			textbuf_insert(tb, pool[lcg(&seed) % NPOOL]);
		n = layout_wrap(tb, widths[w], &rows);
		textbuf_clean(tb);
		for (round = 0; round < 400; round++) {
			nold = n;
			old = malloc(nold * sizeof *old);
			assert_non_null(old);
			memcpy(old, rows, nold * sizeof *old);
			len0 = textbuf_len(tb);
			k = 1 + lcg(&seed) % 4;
			for (op = 0; op < (int)k; op++)
				random_edit(tb, &seed);
			n = layout_rewrap(tb, widths[w], &rows, n, &first,
			    &nfresh);
			check_same(tb, widths[w], rows, n);
			assert_true(first + nfresh <= n);
			for (i = 0; i < first; i++) {
				assert_int_equal(rows[i].start, old[i].start);
				assert_int_equal(rows[i].end, old[i].end);
			}
			for (i = first + nfresh; i < n; i++) {
				assert_true(n - i <= nold - first);
				k = nold - (n - i);
				assert_int_equal(rows[i].start + len0,
				    old[k].start + textbuf_len(tb));
				assert_int_equal(rows[i].end + len0,
				    old[k].end + textbuf_len(tb));
			}
			free(old);
			textbuf_clean(tb);
		}
		free(rows);
		textbuf_free(tb);
	}
}

/* Nothing changed: the rows stay, none is cut anew. */
static void
test_rewrap_unchanged(void **state)
{
	struct layout_row *rows;
	struct textbuf *tb;
	size_t n, first = 9, nfresh = 9;

	(void)state;
	tb = textbuf_new("申請内容\n\nabc");
	n = layout_wrap(tb, 4, &rows);
	textbuf_clean(tb);
	textbuf_set_cursor(tb, 2);	/* a move is no change */
	assert_int_equal(layout_rewrap(tb, 4, &rows, n, &first, &nfresh), n);
	assert_int_equal(first, 0);
	assert_int_equal(nfresh, 0);
	check_same(tb, 4, rows, n);
	free(rows);
	textbuf_free(tb);
}

/*
 * 100 paragraphs of 200 wide characters at 73 columns (6 rows each):
 * typing, deleting and pasting in the middle, at the end of a paragraph
 * and at the end of the text cut again at most the rows of the paragraph
 * changed, whatever the number of paragraphs.
 */
static void
test_rewrap_long(void **state)
{
	struct layout_row *rows;
	struct textbuf *tb;
	char *text, *p;
	size_t n, first, nfresh, i, j, pos;
	int k;

	(void)state;
	text = p = malloc(100 * 201 * 3 + 1);
	assert_non_null(text);
	for (i = 0; i < 100; i++) {
		for (j = 0; j < 200; j++) {
			memcpy(p, j % 3 ? "申" : "請", 3);
			p += 3;
		}
		if (i < 99)
			*p++ = '\n';
	}
	*p = '\0';
	tb = textbuf_new(text);
	n = layout_wrap(tb, 73, &rows);
	assert_int_equal(n, 600);
	textbuf_clean(tb);
	for (k = 0; k < 3; k++) {
		pos = k == 0 ? 50 * 201 : k == 1 ? 50 * 201 + 100 : 51 * 201 - 1;
		textbuf_set_cursor(tb, pos);
		for (i = 0; i < 40; i++) {
			textbuf_insert(tb, i % 5 ? "字" : "a");
			n = layout_rewrap(tb, 73, &rows, n, &first, &nfresh);
			textbuf_clean(tb);
			assert_true(nfresh <= 8);
			assert_true(first >= 6 * 50 - 1);
		}
		for (i = 0; i < 40; i++) {
			assert_true(textbuf_delete_back(tb));
			n = layout_rewrap(tb, 73, &rows, n, &first, &nfresh);
			textbuf_clean(tb);
			assert_true(nfresh <= 8);
		}
		check_same(tb, 73, rows, n);
	}
	/* a paste of a paragraph with its own line break in the middle */
	textbuf_set_cursor(tb, 30 * 201);
	textbuf_insert(tb, "貼り付けた段落\n");
	n = layout_rewrap(tb, 73, &rows, n, &first, &nfresh);
	textbuf_clean(tb);
	assert_true(nfresh <= 2);
	check_same(tb, 73, rows, n);
	/* at the end of the text */
	textbuf_set_cursor(tb, textbuf_len(tb));
	textbuf_insert(tb, "\n");
	n = layout_rewrap(tb, 73, &rows, n, &first, &nfresh);
	textbuf_clean(tb);
	assert_true(nfresh <= 2);
	assert_int_equal(first + nfresh, n);
	check_same(tb, 73, rows, n);
	/* undoing everything is one change from the first edit on */
	while (textbuf_undo(tb))
		;
	n = layout_rewrap(tb, 73, &rows, n, &first, &nfresh);
	check_same(tb, 73, rows, n);
	free(rows);
	free(text);
	textbuf_free(tb);
}

/*
 * Ambiguous characters in both widths: "○※①→○" (5 characters) is one row
 * of 5 columns at width 6 when they are narrow, and rows of 3 and 2
 * characters when they are wide; the cursor before the last ○ is at
 * column 4 of the first row, or 2 of the second; random edits with
 * ambiguous characters re-wrap as a full wrap does.
 */
static void
test_ambiguous(void **state)
{
	struct layout_row *rows;
	struct textbuf *tb;
	size_t n, row, first, nfresh;
	uint32_t seed = 11;
	int col, mode, i;

	(void)state;
	for (mode = 1; mode <= 2; mode++) {
		text_set_ambiguous(mode);
		tb = textbuf_new("○※①→○");
		n = layout_wrap(tb, 6, &rows);
		if (mode == 1) {
			assert_int_equal(n, 1);
			assert_int_equal(rows[0].end, 5);
		} else {
			assert_int_equal(n, 2);
			assert_int_equal(rows[0].end, 3);
			assert_int_equal(rows[1].start, 3);
			assert_int_equal(rows[1].end, 5);
		}
		layout_locate(rows, n, tb, 4, &row, &col);
		assert_int_equal(row, mode - 1);
		assert_int_equal(col, mode == 1 ? 4 : 2);
		assert_int_equal(layout_position(rows, n, tb, row, col), 4);
		free(rows);
		n = layout_wrap(tb, 7, &rows);
		textbuf_clean(tb);
		for (i = 0; i < 200; i++) {
			random_edit(tb, &seed);
			if (i % 3 == 0)
				textbuf_insert(tb, "○■─");
			n = layout_rewrap(tb, 7, &rows, n, &first, &nfresh);
			check_same(tb, 7, rows, n);
			textbuf_clean(tb);
		}
		free(rows);
		textbuf_free(tb);
	}
	text_set_ambiguous(1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dirty_end),
		cmocka_unit_test(test_rewrap_random),
		cmocka_unit_test(test_rewrap_unchanged),
		cmocka_unit_test(test_rewrap_long),
		cmocka_unit_test(test_ambiguous),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
