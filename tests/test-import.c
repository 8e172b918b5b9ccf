/*
 * test-import: import_published on synthetic published disclosures of a
 * fictional service (tests/data/import), in the two layouts the real ones
 * come in, with their kinds of misalignment; every one of the 133 fields
 * is compared with a draft written by hand, and every note with a list
 * written by hand.  The two real published documents (when the directory
 * $KAIJI_SEEDS_DIR, set by make check, exists) are only checked
 * for structural figures, never for their answers.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "import.h"
#include "strvec.h"
#include "testutil.h"
#include "xalloc.h"

#define T21 "ASP・SaaS安全・信頼性に係る情報開示認定制度 認定サービスの申請内容"

struct result {
	struct draft		*d;
	struct import_stats	 st;
	struct strvec		 notes;
	char			*cause;
	char			*path;
};

static void
import_buf(struct formdir *fd, const char *path, const char *buf, size_t len,
    struct result *r)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(path);
	r->d = import_published(path, buf, len, fd, &r->st, &r->notes,
	    &r->cause);
}

static void
import_file(struct formdir *fd, const char *path, struct result *r)
{
	char *buf;
	size_t len;

	buf = testutil_read(path, &len);
	import_buf(fd, path, buf, len, r);
	free(buf);
}

static void
result_free(struct result *r)
{
	draft_free(r->d);
	strvec_free(&r->notes);
	free(r->cause);
	free(r->path);
}

/* Whether a note, with "@" for the path, is in the result. */
static int
has_note(const struct result *r, const char *want)
{
	size_t i, n = strlen(r->path);

	for (i = 0; i < r->notes.n; i++) {
		if (want[0] == '@' && strncmp(r->notes.v[i], r->path, n) == 0 &&
		    strcmp(r->notes.v[i] + n, want + 1) == 0)
			return 1;
		if (strcmp(r->notes.v[i], want) == 0)
			return 1;
	}
	return 0;
}

/* Every field of the import equals the hand-written expected draft. */
static void
check_fields(const struct result *r, struct formdir *fd, const char *name)
{
	struct draft *want;
	const char *a, *b;
	char *path, *cause = NULL;
	size_t i, compared = 0;

	path = testutil_data(name);
	want = draft_load(path, fd, &cause);
	if (want == NULL)
		fail_msg("%s", cause);
	assert_ptr_equal(want->form, r->d->form);
	for (i = 0; i < want->form->nfields; i++) {
		a = draft_get(r->d, i);
		b = draft_get(want, i);
		if ((a == NULL) != (b == NULL) ||
		    (a != NULL && strcmp(a, b) != 0))
			fail_msg("%s: imported '%s', expected '%s'",
			    want->form->fields[i].id, a != NULL ? a : "(none)",
			    b != NULL ? b : "(none)");
		compared++;
	}
	assert_int_equal(compared, 133);
	draft_free(want);
	free(path);
}

/* The notes are exactly the hand-written list (one a line, path "@"). */
static void
check_notes(const struct result *r, const char *name)
{
	char *path, *buf, *line, *save = NULL;
	size_t n = 0, plen = strlen(r->path);

	path = testutil_data(name);
	buf = testutil_read(path, NULL);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (n >= r->notes.n)
			fail_msg("missing note %zu: %s", n + 1, line);
		if (strncmp(r->notes.v[n], r->path, plen) != 0 ||
		    strcmp(r->notes.v[n] + plen, line + 1) != 0)
			fail_msg("note %zu is '%s', expected '%s'", n + 1,
			    r->notes.v[n], line);
		n++;
	}
	if (n != r->notes.n)
		fail_msg("unexpected note %zu: %s", n + 1, r->notes.v[n]);
	free(buf);
	free(path);
}

static void
test_import_2021(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct result r;
	char *path = testutil_data("import/kohaku-2021.txt");

	(void)state;
	import_file(fd, path, &r);
	if (r.d == NULL)
		fail_msg("%s", r.cause);
	assert_string_equal(r.d->form->name, "asp-saas");
	assert_string_equal(r.d->form->edition, "2021");
	assert_int_equal(r.st.layout, IMPORT_LAYOUT_TAB);
	assert_int_equal(r.st.pages, 8);
	check_fields(&r, fd, "import/expected-2021.yaml");
	check_notes(&r, "import/expected-2021.notes");
	/* 13 cells "-" and "—", 8 rows without an answer */
	assert_int_equal(r.st.answered, 112);
	assert_int_equal(r.st.replaced, 13);
	assert_int_equal(r.st.missing, 8);
	assert_int_equal(r.st.placed, 133);
	assert_int_equal(r.st.unplaced, 2);
	assert_true(has_note(&r, "@:19: 6.2: - (the publisher hid the "
	    "answer): fill it in"));
	assert_true(has_note(&r, "@:46: 18.1: — (the publisher hid the "
	    "answer): fill it in"));
	/* the description in the answer column is not taken as an answer */
	assert_true(has_note(&r, "@:133: 53.1: the document gives no answer: "
	    "fill it in"));
	assert_null(draft_get(r.d, testutil_field(r.d, "53.1")));
	/* the row without an item number is item 61 */
	assert_string_equal(draft_get(r.d, testutil_field(r.d, "61.1")),
	    "あり; 下り10Mbps以上を推奨");
	result_free(&r);
	free(path);
	formdir_free(fd);
}

static void
test_import_2019(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct result r;
	char *path = testutil_data("import/kohaku-2019.txt");

	(void)state;
	import_file(fd, path, &r);
	if (r.d == NULL)
		fail_msg("%s", r.cause);
	assert_string_equal(r.d->form->edition, "2019");
	assert_int_equal(r.st.layout, IMPORT_LAYOUT_PIPE);
	assert_int_equal(r.st.pages, 7);
	check_fields(&r, fd, "import/expected-2019.yaml");
	check_notes(&r, "import/expected-2019.notes");
	assert_int_equal(r.st.answered, 117);
	assert_int_equal(r.st.replaced, 13);
	assert_int_equal(r.st.missing, 3);
	assert_int_equal(r.st.unplaced, 1);
	assert_true(has_note(&r, "@:20: 6.2: 記述有り(*) (the publisher hid "
	    "the answer): fill it in"));
	assert_true(has_note(&r, "@:21: 6.3: 記述無し(*) (the publisher hid "
	    "the answer): fill it in"));
	/* the same description on both rows of item 7: order decides */
	assert_string_equal(draft_get(r.d, testutil_field(r.d, "7.1")),
	    "5名");
	/* surplus <p> paragraphs join the field before them */
	assert_string_equal(draft_get(r.d, testutil_field(r.d, "30.1")),
	    "こはく勤怠クラウドは、出退勤の打刻、休暇申請、残業の承認と集計を"
	    "ブラウザで行える勤怠管理サービスです。\n集計結果は給与計算ソフトへ"
	    "連携できます。");
	assert_string_equal(draft_get(r.d, testutil_field(r.d, "30.2")),
	    "なし");
	result_free(&r);
	free(path);
	formdir_free(fd);
}

static void
test_import_clean(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct result r;
	char *path = testutil_data("import/clean-2021.txt");

	(void)state;
	import_file(fd, path, &r);
	if (r.d == NULL)
		fail_msg("%s", r.cause);
	check_fields(&r, fd, "import/expected-clean-2021.yaml");
	assert_int_equal(r.notes.n, 0);
	assert_int_equal(r.st.answered, 133);
	result_free(&r);
	free(path);
	formdir_free(fd);
}

/* CR LF line breaks and a BOM change nothing. */
static void
test_import_crlf(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct result r;
	char *path = testutil_data("import/kohaku-2019.txt"), *buf, *crlf;
	size_t len, i, n = 0;

	(void)state;
	buf = testutil_read(path, &len);
	crlf = xmalloc(2 * len + 4);
	memcpy(crlf, "\xef\xbb\xbf", 3);
	n = 3;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = buf[i];
	}
	crlf[n] = '\0';
	import_buf(fd, path, crlf, n, &r);
	if (r.d == NULL)
		fail_msg("%s", r.cause);
	check_fields(&r, fd, "import/expected-2019.yaml");
	check_notes(&r, "import/expected-2019.notes");
	result_free(&r);
	free(crlf);
	free(buf);
	free(path);
	formdir_free(fd);
}

static void
expect_failure(struct formdir *fd, const char *name, const char *want)
{
	struct result r;
	char *path = testutil_data(name);

	import_file(fd, path, &r);
	assert_null(r.d);
	assert_null(r.notes.v);
	assert_int_equal(r.notes.n, 0);
	assert_non_null(r.cause);
	if (strstr(r.cause, want) == NULL)
		fail_msg("%s: cause '%s' lacks '%s'", name, r.cause, want);
	assert_true(strncmp(r.cause, path, strlen(path)) == 0);
	result_free(&r);
	free(path);
}

static void
test_import_garbage(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct result r;

	(void)state;
	expect_failure(fd, "import/not-disclosure.txt",
	    ": not a published disclosure (no page header such as '" T21
	    " (1/8)')");
	expect_failure(fd, "import/pages-9.txt", ":2: no form has 9 pages "
	    "(pages per form: asp-saas 2019: 7, asp-saas 2021: 8)");
	expect_failure(fd, "import/pages-mixed.txt", ":6: the page header "
	    "says (2/7), but the one on line 2 says 8 pages");
	expect_failure(fd, "import/no-rows.txt", ": no table rows of form "
	    "asp-saas 2021");
	expect_failure(fd, "import/not-utf8.txt", ":2: not UTF-8 text");
	expect_failure(fd, "import/expected-2021.yaml",
	    ": not a published disclosure");

	import_buf(fd, "empty", "", 0, &r);
	assert_null(r.d);
	assert_non_null(strstr(r.cause, "empty: not a published disclosure"));
	result_free(&r);
	import_buf(fd, "nul", "a\n\0b", 4, &r);
	assert_null(r.d);
	assert_string_equal(r.cause, "nul:2: NUL byte; not a text file");
	result_free(&r);
	formdir_free(fd);
}

/* Rows and lines that cannot be placed, pages and items not there. */
static void
test_import_unplaced(void **state)
{
	static const char doc[] =
	    T21 " (1/8)\n"
	    "\t\tどこにも属さない行\t\n"
	    "1\t開示情報の時点\t開示情報の日付\t開示情報の年月日(西暦)\t必須\t"
	    "2021/7/1\n"
	    "94\t\t存在しない項目\t\t必須\tなにか\n"
	    "２\t事業所等の概要\t事業者名\t\t必須\t架空ワークス株式会社\n"
	    "この行は表の一部ではない\n"
	    "3\t\t設立年・事業年数\t事業者の設立年(西暦)\t必須\t2009年\n"
	    "- 存在しない区分\t\t\t\t\t\n";
	struct formdir *fd = testutil_formdir();
	struct result r;
	char *want;
	size_t i;

	(void)state;
	import_buf(fd, "mem", doc, sizeof doc - 1, &r);
	if (r.d == NULL)
		fail_msg("%s", r.cause);
	assert_string_equal(draft_get(r.d, 0), "2021/7/1");
	assert_string_equal(draft_get(r.d, testutil_field(r.d, "2.1")),
	    "架空ワークス株式会社");
	assert_string_equal(draft_get(r.d, testutil_field(r.d, "3.1")),
	    "2009年");
	for (i = 2; i <= 8; i++) {
		want = xasprintf("mem: page %zu/8 is not in the document", i);
		assert_true(has_note(&r, want));
		free(want);
	}
	assert_true(has_note(&r, "mem:2: a row before the first item: not "
	    "imported: 'どこにも属さない行'"));
	assert_true(has_note(&r, "mem:4: form asp-saas 2021 has no item 94: "
	    "row not imported"));
	assert_true(has_note(&r, "mem:6: not a part of the form: not "
	    "imported: 'この行は表の一部ではない'"));
	assert_true(has_note(&r, "mem:7: 3.2: item 3 has no row for it: fill "
	    "it in"));
	assert_true(has_note(&r, "mem:8: not a part of the form: not "
	    "imported: '- 存在しない区分'"));
	assert_true(has_note(&r, "mem: 93.1: item 93 (定期報告) is not in "
	    "the document: fill it in"));
	assert_int_equal(r.st.answered, 3);
	assert_int_equal(r.st.unplaced, 4);
	assert_int_equal(r.st.missing, 130);
	/* the missing pages first (no line), then by line */
	assert_string_equal(r.notes.v[0], "mem: page 2/8 is not in the document");
	assert_string_equal(r.notes.v[7], "mem:2: a row before the first item: "
	    "not imported: 'どこにも属さない行'");
	result_free(&r);
	formdir_free(fd);
}

/* A long answer cell quoted in a note is cut short. */
static void
test_import_snippet(void **state)
{
	static const char doc[] =
	    T21 " (1/7)\n"
	    "| 1 | 開示情報の時点 | 開示情報の日付 | 開示情報の年月日(西暦) | "
	    "必須 2019/7/1 |\n"
	    "| | | | | あいうえおかきくけこさしすせそたちつてと"
	    "なにぬねのはひふへほまみむめも |\n";
	struct formdir *fd = testutil_formdir();
	struct result r;

	(void)state;
	import_buf(fd, "mem", doc, sizeof doc - 1, &r);
	if (r.d == NULL)
		fail_msg("%s", r.cause);
	assert_string_equal(r.d->form->edition, "2019");
	assert_string_equal(draft_get(r.d, 0), "2019/7/1");
	assert_true(has_note(&r, "mem:3: 'あいうえおかきくけこさしすせそたちつ"
	    "てとなにぬねのはひふへほ…': item 1 has no field left for this "
	    "row: not imported"));
	result_free(&r);
	formdir_free(fd);
}

static void
test_import_detect(void **state)
{
	static const char bom[] = "\xef\xbb\xbfID,ページ,区分,項目番号,分類,"
	    "審査対象項目,記述内容,必須/選択,字数制限,字数,申請内容,様式,版\r\n"
	    "1.1,1,開示情報の時点,1,,,,,,,2021/7/1,asp-saas,2021\r\n";
	static const char *const csv[] = {
		bom,
		"\"ID\",\"申請内容\",\"様式\",\"版\"\r\n",
		"id,answer,form,edition\n",
		"\n\n申請内容,ID\n",
		NULL
	};
	static const char *const published[] = {
		"",
		"\n\n",
		T21 " (1/8)\n\n認定番号:1, サービス名称:a, 事業者名称:b\n",
		"【審査対象項目】\t\tID\t申請内容\n",
		"| ID | 申請内容 |\n",
		"議事録, 2021年\n",
		"ID\n",
		NULL
	};
	size_t i;

	(void)state;
	for (i = 0; csv[i] != NULL; i++) {
		if (import_detect(csv[i], strlen(csv[i])) != IMPORT_CSV)
			fail_msg("not taken for CSV: %s", csv[i]);
	}
	for (i = 0; published[i] != NULL; i++) {
		if (import_detect(published[i], strlen(published[i])) !=
		    IMPORT_PUBLISHED)
			fail_msg("taken for CSV: %s", published[i]);
	}
}

/*
 * The real published documents: only structural facts (edition, layout,
 * fields placed, cells replaced), never their answers.
 */
static void
test_import_seeds(void **state)
{
	static const struct {
		const char	*file;
		const char	*edition;
		enum import_layout layout;
		size_t		 pages, placed, replaced, answered;
	} seeds[] = {
		{ "000_3710dc54b8044aa5.txt", "2019", IMPORT_LAYOUT_PIPE, 7,
		    132, 41, 88 },
		{ "001_504e23ea2b521099.txt", "2021", IMPORT_LAYOUT_TAB, 8,
		    133, 35, 80 },
	};
	struct formdir *fd;
	struct result r;
	struct stat sb;
	const char *dir = getenv("KAIJI_SEEDS_DIR");
	char *path;
	size_t i;

	(void)state;
	if (dir == NULL || *dir == '\0' || stat(dir, &sb) != 0 ||
	    !S_ISDIR(sb.st_mode))
		skip();
	fd = testutil_formdir();
	for (i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		path = xasprintf("%s/%s", dir, seeds[i].file);
		if (stat(path, &sb) != 0) {
			free(path);
			continue;
		}
		import_file(fd, path, &r);
		if (r.d == NULL)
			fail_msg("%s", r.cause);
		assert_string_equal(r.d->form->edition, seeds[i].edition);
		assert_int_equal(r.st.layout, seeds[i].layout);
		assert_int_equal(r.st.pages, seeds[i].pages);
		assert_int_equal(r.st.placed, seeds[i].placed);
		assert_int_equal(r.st.replaced, seeds[i].replaced);
		assert_int_equal(r.st.answered, seeds[i].answered);
		assert_int_equal(r.st.unplaced, 0);
		result_free(&r);
		free(path);
	}
	formdir_free(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_2021),
		cmocka_unit_test(test_import_2019),
		cmocka_unit_test(test_import_clean),
		cmocka_unit_test(test_import_crlf),
		cmocka_unit_test(test_import_garbage),
		cmocka_unit_test(test_import_unplaced),
		cmocka_unit_test(test_import_snippet),
		cmocka_unit_test(test_import_detect),
		cmocka_unit_test(test_import_seeds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
