/*
 * test-helpers: the helpers that have one home each: the string list, the
 * memory stream, the YAML writer, XDG paths, the write-all loop, the input
 * guard and line numbers, display widths and range tables, encoding
 * names, identifiers, page ends, and the counts and tallies of validate.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "csv.h"
#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "strvec.h"
#include "testutil.h"
#include "text.h"
#include "validate.h"
#include "xalloc.h"
#include "xdg.h"
#include "yemit.h"

static void
test_strvec(void **state)
{
	struct strvec sv = STRVEC_INIT;
	size_t i;

	(void)state;
	strvec_add(&sv, xstrdup("first"));
	for (i = 0; i < 100; i++)
		strvec_addf(&sv, "note %zu: %s", i, "x");
	assert_int_equal(sv.n, 101);
	assert_string_equal(sv.v[0], "first");
	assert_string_equal(sv.v[1], "note 0: x");
	assert_string_equal(sv.v[100], "note 99: x");
	strvec_free(&sv);
	assert_int_equal(sv.n, 0);
	assert_null(sv.v);
	strvec_free(&sv);	/* an empty list frees again */
}

static void
test_memstream_and_yemit(void **state)
{
	struct yemit y;
	char *buf;
	size_t len;
	FILE *fp;

	(void)state;
	fp = xmemstream(&buf, &len);
	fputs("abc", fp);
	xmemclose(fp);
	assert_int_equal(len, 3);
	assert_string_equal(buf, "abc");
	free(buf);

	fp = xmemstream(&buf, &len);
	yemit_start(&y, fp);
	yemit_open(&y, 1);
	yemit_scalar(&y, "key", YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, "申請内容", YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	yemit_scalar(&y, "list", YAML_PLAIN_SCALAR_STYLE);
	yemit_open(&y, 0);
	yemit_scalar(&y, "a very long line that is never folded, a very long "
	    "line that is never folded", YAML_PLAIN_SCALAR_STYLE);
	yemit_close(&y, 0);
	yemit_close(&y, 1);
	yemit_finish(&y);
	xmemclose(fp);
	assert_string_equal(buf, "key: \"申請内容\"\nlist:\n- a very long line "
	    "that is never folded, a very long line that is never folded\n");
	assert_int_equal(len, strlen(buf));
	free(buf);
}

/* A report-like document through y, with scalars hard to quote. */
static void
yemit_sample(struct yemit *y)
{
	static const char *const hard[] = {
		"", " ", "a\"b\\c", "tab\there", "line\nbreak\r\n", "\x01\x07\x08"
		    "\x0b\x0c\x1b\x7f", "\xc2\x80\xc2\x85\xc2\x9f\xc2\xa0",
		"\xe2\x80\xa8\xe2\x80\xa9", "\xef\xbb\xbf bom", "\xef\xbf\xbd"
		    "\xef\xbf\xbe\xef\xbf\xbf", "\xed\x9f\xbf\xee\x80\x80",
		"😀 \xf4\x8f\xbf\xbf", "申請内容: # - ? 'x'", "...", "--- x",
		"- a", "  leading and trailing  ",
	};
	static const char *const words[] = {
		"draft", "mandatory-level", "asp-saas", "2021", "0", "true",
		"a.b_c", "x-",
	};
	size_t i;

	yemit_open(y, 0);
	for (i = 0; i < sizeof hard / sizeof hard[0]; i++) {
		yemit_open(y, 1);
		yemit_scalar(y, words[i % (sizeof words / sizeof words[0])],
		    YAML_ANY_SCALAR_STYLE);
		yemit_scalar(y, hard[i], YAML_DOUBLE_QUOTED_SCALAR_STYLE);
		yemit_scalar(y, "nested", YAML_ANY_SCALAR_STYLE);
		yemit_open(y, 1);
		yemit_scalar(y, "answered", YAML_ANY_SCALAR_STYLE);
		yemit_scalar(y, "72", YAML_ANY_SCALAR_STYLE);
		yemit_scalar(y, "deeper", YAML_ANY_SCALAR_STYLE);
		yemit_open(y, 1);
		yemit_close(y, 1);
		yemit_close(y, 1);
		yemit_scalar(y, "list", YAML_ANY_SCALAR_STYLE);
		yemit_open(y, 0);
		if (i % 3 != 0) {
			yemit_open(y, 1);
			yemit_scalar(y, "id", YAML_ANY_SCALAR_STYLE);
			yemit_scalar(y, hard[i], YAML_DOUBLE_QUOTED_SCALAR_STYLE);
			yemit_scalar(y, "fields", YAML_ANY_SCALAR_STYLE);
			yemit_open(y, 0);
			yemit_scalar(y, "30.1", YAML_DOUBLE_QUOTED_SCALAR_STYLE);
			yemit_scalar(y, words[i % 4], YAML_ANY_SCALAR_STYLE);
			yemit_close(y, 0);
			yemit_close(y, 1);
			yemit_open(y, 0);
			yemit_close(y, 0);
		}
		yemit_close(y, 0);
		yemit_close(y, 1);
	}
	yemit_close(y, 0);
	yemit_finish(y);
}

/* yemit_start_direct writes what libyaml's emitter writes. */
static void
test_yemit_direct(void **state)
{
	struct yemit y;
	char *want, *got;
	size_t wlen, glen;
	FILE *fp;

	(void)state;
	fp = xmemstream(&want, &wlen);
	yemit_start(&y, fp);
	yemit_sample(&y);
	xmemclose(fp);
	fp = xmemstream(&got, &glen);
	yemit_start_direct(&y, fp);
	yemit_sample(&y);
	xmemclose(fp);
	assert_string_equal(got, want);
	assert_int_equal(glen, wlen);
	assert_non_null(strstr(want, "\\U0001F600"));
	free(want);
	free(got);
	/* an empty document, and one ending with the marker */
	fp = xmemstream(&want, &wlen);
	yemit_start(&y, fp);
	yemit_open(&y, 0);
	yemit_close(&y, 0);
	y.end_marker = 1;
	yemit_finish(&y);
	xmemclose(fp);
	fp = xmemstream(&got, &glen);
	yemit_start_direct(&y, fp);
	yemit_open(&y, 0);
	yemit_close(&y, 0);
	y.end_marker = 1;
	yemit_finish(&y);
	xmemclose(fp);
	assert_string_equal(got, want);
	free(want);
	free(got);
}

static void
test_xdg(void **state)
{
	char *tmp = testutil_tmpdir(), *path, *home = NULL;
	struct stat st;

	(void)state;
	if (getenv("HOME") != NULL)
		home = xstrdup(getenv("HOME"));
	setenv("XDG_STATE_HOME", "/state", 1);
	setenv("HOME", "/home/user", 1);
	path = xdg_path("XDG_STATE_HOME", ".local/state", "positions");
	assert_string_equal(path, "/state/kaiji/positions");
	free(path);
	setenv("XDG_STATE_HOME", "relative", 1);	/* ignored */
	path = xdg_path("XDG_STATE_HOME", ".local/state", "positions");
	assert_string_equal(path, "/home/user/.local/state/kaiji/positions");
	free(path);
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	path = xdg_path("XDG_STATE_HOME", ".local/state", "positions");
	assert_string_equal(path, "./.local/state/kaiji/positions");
	free(path);
	if (home != NULL)
		setenv("HOME", home, 1);
	free(home);

	path = xasprintf("%s/a/b/c/leaf", tmp);
	assert_int_equal(xdg_mkdirs(path), 0);
	assert_int_equal(xdg_mkdirs(path), 0);	/* they exist: fine */
	assert_int_equal(lstat(path, &st), -1);	/* the leaf is not made */
	*strrchr(path, '/') = '\0';
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	free(path);
	/* a file where a directory must be */
	path = xasprintf("%s/file", tmp);
	assert_int_equal(close(open(path, O_CREAT | O_WRONLY, 0600)), 0);
	free(path);
	path = xasprintf("%s/file/sub/leaf", tmp);
	errno = 0;
	assert_int_equal(xdg_mkdirs(path), -1);
	assert_int_equal(errno, ENOTDIR);
	free(path);
	testutil_rmdir(tmp);
}

static void
test_write_all(void **state)
{
	char *tmp = testutil_tmpdir(), *path, *buf, *back;
	size_t len = 3 * 1024 * 1024 + 7, i, blen;
	int fd;

	(void)state;
	buf = xmalloc(len);
	for (i = 0; i < len; i++)
		buf[i] = (char)('a' + i % 26);
	path = xasprintf("%s/out", tmp);
	fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(fileio_write_all(fd, buf, len), 0);
	assert_int_equal(close(fd), 0);
	back = testutil_read(path, &blen);
	assert_int_equal(blen, len);
	assert_memory_equal(back, buf, len);
	errno = 0;
	assert_int_equal(fileio_write_all(-1, "x", 1), -1);
	assert_int_equal(errno, EBADF);
	free(back);
	free(path);
	free(buf);
	testutil_rmdir(tmp);
}

static void
test_guard_and_lines(void **state)
{
	static const char lines[] = "a\nb\r\nc\rd";
	static const char jp[] = "あい\nうえ";
	size_t off, col;

	(void)state;
	assert_int_equal(text_guard("", 0, &off), TEXT_OK);
	assert_int_equal(text_guard("漢字 ok\n", 10, &off), TEXT_OK);
	assert_int_equal(text_guard("\xff\xfe" "a\0", 4, &off), TEXT_WIDE_BOM);
	assert_int_equal(off, 0);
	assert_int_equal(text_guard("\xfe\xff\0a", 4, &off), TEXT_WIDE_BOM);
	assert_int_equal(text_guard("ab\0\xff", 4, &off), TEXT_NUL);
	assert_int_equal(off, 2);
	assert_int_equal(text_guard("a\xff" "b\0", 4, &off), TEXT_INVALID);
	assert_int_equal(off, 1);
	assert_int_equal(text_guard("a\xe3\x81", 3, &off), TEXT_INVALID);
	assert_int_equal(off, 1);

	assert_int_equal(text_line(lines, 8, 0, &col), 1);
	assert_int_equal(col, 1);
	assert_int_equal(text_line(lines, 8, 2, &col), 2);
	assert_int_equal(text_line(lines, 8, 5, &col), 3);	/* CR LF */
	assert_int_equal(text_line(lines, 8, 7, &col), 4);	/* lone CR */
	assert_int_equal(col, 1);
	assert_int_equal(text_line(lines, 8, 99, NULL), 4);	/* clamped */
	assert_int_equal(text_line(jp, strlen(jp), 10, &col), 2);
	assert_int_equal(col, 2);				/* え */
	assert_int_equal(text_line(jp, strlen(jp), 3, &col), 1);
	assert_int_equal(col, 2);				/* い */
}

static void
test_widths_and_ranges(void **state)
{
	static const uint32_t table[][2] = { { 10, 20 }, { 30, 40 } };

	(void)state;
	assert_int_equal(text_safe_width('\n'), 0);
	assert_int_equal(text_safe_width('\t'), 2);
	assert_int_equal(text_safe_width(0x1b), 2);
	assert_int_equal(text_safe_width(0x7f), 2);
	assert_int_equal(text_safe_width(0x85), 8);
	assert_int_equal(text_safe_width('a'), 1);
	assert_int_equal(text_safe_width(0x3042), 2);	/* あ */
	assert_int_equal(text_safe_width(0xff21), 2);	/* Ａ */
	assert_int_equal(text_safe_width(0xff71), 1);	/* ｱ */
	assert_int_equal(text_safe_width(0x0301), 0);	/* combining */

	assert_false(text_in_ranges(table, 2, 9));
	assert_true(text_in_ranges(table, 2, 10));
	assert_true(text_in_ranges(table, 2, 20));
	assert_false(text_in_ranges(table, 2, 25));
	assert_true(text_in_ranges(table, 2, 40));
	assert_false(text_in_ranges(table, 2, 41));
	assert_false(text_in_ranges(table, 0, 10));
}

static void
test_encoding_names(void **state)
{
	static const char *const utf8[] = { "utf-8", "UTF-8", "utf8", "Utf8" };
	static const char *const cp932[] = {
		"cp932", "CP932", "sjis", "SJIS", "shift_jis", "Shift_JIS",
		"shift-jis", "windows-31j", "Windows-31J"
	};
	static const char *const other[] = {
		"", "latin1", "euc-jp", "utf-16", "shiftjis", "cp 932"
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof utf8 / sizeof utf8[0]; i++)
		assert_int_equal(csv_encoding(utf8[i]), 0);
	for (i = 0; i < sizeof cp932 / sizeof cp932[0]; i++)
		assert_int_equal(csv_encoding(cp932[i]), 1);
	for (i = 0; i < sizeof other / sizeof other[0]; i++)
		assert_int_equal(csv_encoding(other[i]), -1);
}

static void
test_identifiers(void **state)
{
	char name[70];

	(void)state;
	assert_true(form_is_ident("asp-saas"));
	assert_true(form_is_ident("2021"));
	assert_true(form_is_ident("a.b_c-D9"));
	assert_true(form_is_ident("_x"));
	assert_false(form_is_ident(""));
	assert_false(form_is_ident(".hidden"));
	assert_false(form_is_ident("-x"));
	assert_false(form_is_ident("a/b"));
	assert_false(form_is_ident("a b"));
	assert_false(form_is_ident("様式"));
	memset(name, 'a', 64);
	name[64] = '\0';
	assert_true(form_is_ident(name));
	name[64] = 'a';
	name[65] = '\0';
	assert_false(form_is_ident(name));
}

/* form_page_end and validate_tally against a count by each item's page. */
static void
test_pages_and_tally(void **state)
{
	struct formdir *fd = testutil_formdir();
	char *path = testutil_data("gaps-2021.yaml"), *cause = NULL;
	struct draft *d = draft_load(path, fd, &cause);
	const struct form *form;
	size_t p, i, j, done[FORM_NMARKS], total[FORM_NMARKS];
	size_t want_done[FORM_NMARKS], want_total[FORM_NMARKS], all = 0;
	int m, answered = 0;

	(void)state;
	if (d == NULL)
		fail_msg("%s", cause);
	form = d->form;
	assert_int_equal(form_page_end(form, form->npages - 1), form->nitems);
	for (p = 0; p < form->npages; p++) {
		assert_true(form_page_end(form, p) > form->pages[p]);
		if (p + 1 < form->npages)
			assert_int_equal(form_page_end(form, p),
			    form->pages[p + 1]);
		memset(want_done, 0, sizeof want_done);
		memset(want_total, 0, sizeof want_total);
		for (j = 0; j < form->nfields; j++) {
			if (form->items[form->fields[j].item].page != p)
				continue;
			want_total[form->fields[j].mark]++;
			want_done[form->fields[j].mark] +=
			    d->answers[j] != NULL;
		}
		/* the arrays are set, not added to */
		for (m = 0; m < FORM_NMARKS; m++)
			done[m] = total[m] = 999;
		validate_tally(d, form->pages[p], form_page_end(form, p), done,
		    total);
		for (m = 0; m < FORM_NMARKS; m++) {
			assert_int_equal(done[m], want_done[m]);
			assert_int_equal(total[m], want_total[m]);
			all += total[m];
			answered |= done[m] > 0 && done[m] < total[m];
		}
	}
	assert_int_equal(all, form->nfields);
	assert_true(answered);	/* the draft has gaps to count */
	for (i = 0; i < FORM_NMARKS; i++)
		done[i] = total[i] = 1;
	validate_tally(d, 3, 3, done, total);
	for (i = 0; i < FORM_NMARKS; i++)
		assert_int_equal(done[i] + total[i], 0);
	draft_free(d);
	free(path);
	formdir_free(fd);
}

static void
test_counts(void **state)
{
	struct formdir *fd = testutil_formdir();
	const struct form *form = formdir_get(fd, "asp-saas", "2021", NULL);
	struct draft *d = draft_new(form);
	size_t f301 = testutil_field(d, "30.1");
	size_t f302 = testutil_field(d, "30.2");
	size_t f512 = testutil_field(d, "51.2"), limit;
	char *cause = NULL, *s;
	int shared;

	(void)state;
	assert_int_equal(draft_set(d, f301, "あいう\nえお", &cause), 0);
	assert_int_equal(draft_set(d, f302, "かきく", &cause), 0);
	assert_int_equal(validate_count(d, f301, (size_t)-1, 0, &limit,
	    &shared), 8);
	assert_int_equal(limit, 500);
	assert_true(shared);
	/* 30.1 being edited, 450 字 long: the item counts 453 */
	assert_int_equal(validate_count(d, f302, f301, 450, &limit, &shared),
	    453);
	/* editing another item's field changes nothing here */
	assert_int_equal(validate_count(d, f302, f512, 450, &limit, &shared),
	    8);
	assert_int_equal(validate_count(d, f512, f512, 201, &limit, &shared),
	    201);
	assert_int_equal(limit, 200);
	assert_false(shared);
	assert_int_equal(validate_count(d, f512, (size_t)-1, 0, &limit,
	    &shared), 0);

	s = validate_limit_text(form, 80, 160, 100);
	assert_string_equal(s, "80/100字 (全角換算 80)");
	free(s);
	s = validate_limit_text(form, 100, 193, 100);
	assert_string_equal(s, "100/100字 (全角換算 96.5)");
	free(s);
	s = validate_limit_text(form, 520, 1040, 500);
	assert_string_equal(s, "520/500字 (20 over; 全角換算 520)");
	free(s);
	/* the example: 101 code points, 7 of them half-width */
	s = validate_limit_text(form, 101, 195, 100);
	assert_string_equal(s, "101/100字 (1 over; 全角換算 97.5, within)");
	free(s);
	assert_true(validate_over(form, 101, 195, 100));
	((struct form *)form)->count = FORM_COUNT_ZENKAKU;
	assert_false(validate_over(form, 101, 195, 100));
	assert_true(validate_over(form, 101, 201, 100));
	s = validate_limit_text(form, 101, 195, 100);
	assert_string_equal(s, "全角換算 97.5/100字 (101 characters)");
	free(s);
	s = validate_limit_text(form, 110, 205, 100);
	assert_string_equal(s, "全角換算 102.5/100字 (2.5 over; 110 characters)");
	free(s);
	((struct form *)form)->count = FORM_COUNT_CODE_POINTS;
	draft_free(d);
	formdir_free(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strvec),
		cmocka_unit_test(test_memstream_and_yemit),
		cmocka_unit_test(test_yemit_direct),
		cmocka_unit_test(test_xdg),
		cmocka_unit_test(test_write_all),
		cmocka_unit_test(test_guard_and_lines),
		cmocka_unit_test(test_widths_and_ranges),
		cmocka_unit_test(test_encoding_names),
		cmocka_unit_test(test_identifiers),
		cmocka_unit_test(test_pages_and_tally),
		cmocka_unit_test(test_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
