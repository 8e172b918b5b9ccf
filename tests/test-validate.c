/*
 * test-validate: every finding kind, limits (own and shared), and the
 * checks of each field type.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "ftype.h"
#include "testutil.h"
#include "text.h"
#include "validate.h"
#include "xalloc.h"

static struct formdir *fd;

static int
setup(void **state)
{
	(void)state;
	fd = testutil_formdir();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	formdir_free(fd);
	return 0;
}

static struct draft *
load(const char *name)
{
	char *path = testutil_data(name), *cause = NULL;
	struct draft *d = draft_load(path, fd, &cause);

	if (d == NULL)
		fail_msg("%s", cause);
	free(path);
	return d;
}

static void
set(struct draft *d, const char *id, const char *value)
{
	char *cause = NULL;

	if (draft_set(d, testutil_field(d, id), value, &cause) != 0)
		fail_msg("%s", cause);
}

static char *
repeat(const char *s, size_t n)
{
	size_t len = strlen(s), i;
	char *out = xmalloc(len * n + 1);

	for (i = 0; i < n; i++)
		memcpy(out + i * len, s, len);
	out[len * n] = '\0';
	return out;
}

static void
test_complete(void **state)
{
	static const char *const names[] = {
		"complete-2021.yaml", "complete-2019.yaml"
	};
	struct findings fs = { NULL, 0 };
	struct draft *d;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		d = load(names[i]);
		validate_draft(d, &fs);
		if (fs.n != 0)
			fail_msg("%s: %zu findings, first %s at %s", names[i],
			    fs.n, validate_kind_name(fs.v[0].kind),
			    d->form->fields[fs.v[0].field].id);
		validate_free(&fs);
		draft_free(d);
	}
}

static void
test_gaps(void **state)
{
	static const struct {
		enum finding_kind	 kind;
		const char		*id;
		size_t			 count, limit;
		int			 shared;
	} expect[] = {
		{ FINDING_FORMAT, "1.1", 0, 0, 0 },
		{ FINDING_MISSING, "2.1", 0, 0, 0 },
		{ FINDING_FORMAT, "3.1", 0, 0, 0 },
		{ FINDING_OVER_LIMIT, "5.1", 101, 100, 0 },
		{ FINDING_FORMAT, "11.1", 0, 0, 0 },
		{ FINDING_MISSING_LEVEL, "24.1", 0, 0, 0 },
		{ FINDING_NOT_CHOICE, "29.1", 0, 0, 0 },
		{ FINDING_OVER_LIMIT, "30.1", 514, 500, 1 },
		{ FINDING_MISSING_LEVEL, "92.1", 0, 0, 0 },
	};
	struct findings fs = { NULL, 0 };
	struct draft *d = load("gaps-2021.yaml");
	size_t i, problems = 0;

	(void)state;
	validate_draft(d, &fs);
	assert_int_equal(fs.n, sizeof expect / sizeof expect[0]);
	for (i = 0; i < fs.n; i++) {
		assert_int_equal(fs.v[i].kind, expect[i].kind);
		assert_string_equal(d->form->fields[fs.v[i].field].id,
		    expect[i].id);
		assert_int_equal(fs.v[i].count, expect[i].count);
		assert_int_equal(fs.v[i].limit, expect[i].limit);
		assert_int_equal(fs.v[i].shared, expect[i].shared);
		problems += validate_is_problem(&fs.v[i]);
	}
	assert_int_equal(problems, 6);
	assert_non_null(strstr(fs.v[4].message, "100,000,00"));
	validate_free(&fs);
	draft_free(d);
}

/*
 * Characters that only look like ordinary ones (Kangxi radicals, CJK
 * compatibility ideographs, as PDF files give them) are warnings at
 * their field, with the character to write; the unified ideographs of
 * the compatibility block (﨑 U+FA11) are ordinary.
 */
static void
test_lookalikes(void **state)
{
	struct findings fs = { NULL, 0 };
	struct draft *d = load("complete-2021.yaml");
	size_t field = testutil_field(d, "2.1");

	(void)state;
	/* as a draft written elsewhere holds them: set would store 豈 */
	free(d->answers[field]);
	d->answers[field] = strdup("株式会社\xe2\xbc\x88材\xef\xa4\x80");	/* ⼈ U+2F08, 豈 U+F900 */
	validate_field(d, field, &fs);
	assert_int_equal(fs.n, 1);
	assert_int_equal(fs.v[0].kind, FINDING_FORMAT);
	assert_false(validate_is_problem(&fs.v[0]));
	assert_string_equal(fs.v[0].message, "\xe2\xbc\x88 (U+2F08) only "
	    "looks like 人; write 人 (2 such characters)");
	validate_free(&fs);
	/* NFC on the way in: the compatibility ideograph becomes 豈 */
	set(d, "2.1", "株式会社\xe2\xbc\x88材\xef\xa4\x80");
	assert_string_equal(d->answers[field], "株式会社\xe2\xbc\x88材豈");
	validate_field(d, field, &fs);
	assert_int_equal(fs.n, 1);
	assert_non_null(strstr(fs.v[0].message, "(1 such character)"));
	validate_free(&fs);
	set(d, "2.1", "株式会社山\xef\xa8\x91");	/* 﨑 U+FA11 */
	validate_field(d, field, &fs);
	assert_int_equal(fs.n, 0);
	validate_free(&fs);
	assert_int_equal(text_lookalike(0x2f08), 0x4eba);
	assert_int_equal(text_lookalike(0xf900), 0x8c48);
	assert_int_equal(text_lookalike(0x4eba), 0);
	assert_int_equal(text_lookalike(0xfa11), 0);
	draft_free(d);
}

/*
 * Characters a CP932 export cannot hold are warnings at their field,
 * with the NFKC form to write when CP932 holds it; look-alikes have their
 * own warning only; what CP932 holds folded (〜, \) is no doubt.
 */
static void
test_cp932(void **state)
{
	struct findings fs = { NULL, 0 };
	struct draft *d = load("complete-2021.yaml");
	size_t field = testutil_field(d, "2.1");

	(void)state;
	set(d, "2.1", "株式会社㋿システム㋿");
	validate_field(d, field, &fs);
	assert_int_equal(fs.n, 1);
	assert_int_equal(fs.v[0].kind, FINDING_FORMAT);
	assert_false(validate_is_problem(&fs.v[0]));
	assert_string_equal(fs.v[0].message, "㋿ (U+32FF) is not in CP932 "
	    "(export --encoding cp932); write 令和 (2 such characters)");
	validate_free(&fs);
	set(d, "2.1", "森鷗外商事");
	validate_field(d, field, &fs);
	assert_int_equal(fs.n, 1);
	assert_string_equal(fs.v[0].message, "鷗 (U+9DD7) is not in CP932 "
	    "(export --encoding cp932) (1 such character)");
	validate_free(&fs);
	/* a look-alike: its own warning, not a second one */
	set(d, "2.1", "株式会社\xe2\xbc\x88材");
	validate_field(d, field, &fs);
	assert_int_equal(fs.n, 1);
	assert_non_null(strstr(fs.v[0].message, "only looks like"));
	validate_free(&fs);
	set(d, "2.1", "髙﨑〜C:\\\\dir ①");
	validate_field(d, field, &fs);
	assert_int_equal(fs.n, 0);
	validate_free(&fs);
	draft_free(d);
}

static size_t
count_kind(struct draft *d, enum finding_kind kind)
{
	struct findings fs = { NULL, 0 };
	size_t i, n = 0;

	validate_draft(d, &fs);
	for (i = 0; i < fs.n; i++)
		n += fs.v[i].kind == kind;
	validate_free(&fs);
	return n;
}

static void
test_limits(void **state)
{
	struct draft *d = load("complete-2021.yaml");
	size_t limit;
	int shared;
	char *s;

	(void)state;
	/* own limit: 100 is fine, 101 is over */
	s = repeat("字", 100);
	set(d, "5.1", s);
	free(s);
	assert_int_equal(count_kind(d, FINDING_OVER_LIMIT), 0);
	set(d, "5.1", "");
	set(d, "5.1", "a");
	s = repeat("ｶ", 101);
	set(d, "5.1", s);
	free(s);
	assert_int_equal(count_kind(d, FINDING_OVER_LIMIT), 1);
	set(d, "5.1", "事業の概要");

	/* shared limit of item 30: both rows together */
	s = repeat("あ\n", 400);
	set(d, "30.1", s);
	free(s);
	s = repeat("い", 100);
	set(d, "30.2", s);
	free(s);
	assert_int_equal(validate_count(d, testutil_field(d, "30.2"), (size_t)-1,
	    0, &limit, &shared),
	    500);
	assert_int_equal(limit, 500);
	assert_true(shared);
	assert_int_equal(count_kind(d, FINDING_OVER_LIMIT), 0);
	s = repeat("い", 101);
	set(d, "30.2", s);
	free(s);
	assert_int_equal(validate_count(d, testutil_field(d, "30.1"), (size_t)-1,
	    0, &limit, &shared),
	    501);
	assert_int_equal(count_kind(d, FINDING_OVER_LIMIT), 1);

	/* 51.2 has its own 200; 51.1 none */
	s = repeat("x", 5000);
	set(d, "51.1", s);
	free(s);
	assert_int_equal(validate_count(d, testutil_field(d, "51.1"), (size_t)-1,
	    0, &limit, &shared),
	    5000);
	assert_int_equal(limit, 0);
	assert_false(shared);
	assert_int_equal(count_kind(d, FINDING_OVER_LIMIT), 1);
	s = repeat("x", 201);
	set(d, "51.2", s);
	free(s);
	assert_int_equal(count_kind(d, FINDING_OVER_LIMIT), 2);
	draft_free(d);
}

static void
test_missing(void **state)
{
	struct draft *d = load("complete-2021.yaml");
	size_t i;

	(void)state;
	/* optional fields may stay empty */
	set(d, "6.2", "");
	set(d, "87.4", "");
	assert_int_equal(count_kind(d, FINDING_MISSING), 0);
	assert_int_equal(count_kind(d, FINDING_MISSING_LEVEL), 0);
	set(d, "93.1", "");
	set(d, "91.3", "");
	set(d, "85.2", "");
	assert_int_equal(count_kind(d, FINDING_MISSING), 1);
	assert_int_equal(count_kind(d, FINDING_MISSING_LEVEL), 2);
	for (i = 0; i < d->form->nfields; i++)
		set(d, d->form->fields[i].id, "");
	assert_int_equal(count_kind(d, FINDING_MISSING), 72);
	assert_int_equal(count_kind(d, FINDING_MISSING_LEVEL), 20);
	draft_free(d);
}

static const struct {
	const char		*id;
	const char		*value;
	enum ftype_verdict	 verdict;
} type_cases[] = {
	{ "1.1", "2021/6/25", FTYPE_OK },
	{ "1.1", "2021/06/25", FTYPE_OK },
	{ "1.1", "2021-06-25", FTYPE_OK },
	{ "1.1", "2021年6月25日", FTYPE_OK },
	{ "1.1", "２０２１／６／２５", FTYPE_OK },
	{ "1.1", "２０２４－０４－０１", FTYPE_OK },
	{ "1.1", "2024年4月1日(月)", FTYPE_OK },
	{ "1.1", "2024/4/1（月）", FTYPE_OK },
	{ "1.1", "2024/4/1 (月曜日)", FTYPE_OK },
	{ "1.1", "2024年4月1日(月曜)", FTYPE_OK },
	{ "1.1", "2024/4/1(火)", FTYPE_WARN },
	{ "1.1", "2024/4/1(月", FTYPE_WARN },
	{ "1.1", "2024/4/1(祝)", FTYPE_WARN },
	{ "1.1", "2000/2/29(火)", FTYPE_OK },
	{ "1.1", "2021/6/25(金)", FTYPE_OK },
	{ "1.1", "２０２１年６月２５日", FTYPE_OK },
	{ "1.1", " 2021/6/25 ", FTYPE_OK },
	{ "1.1", "2020/2/29", FTYPE_OK },
	{ "1.1", "2021/2/29", FTYPE_WARN },
	{ "1.1", "2021/13/1", FTYPE_WARN },
	{ "1.1", "2021/6/31", FTYPE_WARN },
	{ "1.1", "21/6/25", FTYPE_WARN },
	{ "1.1", "2021/6-25", FTYPE_WARN },
	{ "1.1", "令和3年6月25日", FTYPE_WARN },
	{ "1.1", "R3/6/25", FTYPE_WARN },
	{ "1.1", "2021/6/25 頃", FTYPE_WARN },
	{ "28.1", "2006年4月21日", FTYPE_OK },
	{ "3.1", "1981年", FTYPE_OK },
	{ "3.1", "1981", FTYPE_OK },
	{ "3.1", "１９８１年", FTYPE_OK },
	{ "3.1", "1981年(昭和56年)", FTYPE_OK },
	{ "3.1", "昭和56年", FTYPE_WARN },
	{ "3.1", "56年", FTYPE_WARN },
	{ "3.1", "19810年", FTYPE_WARN },
	{ "3.1", "創業1981年", FTYPE_WARN },
	{ "9.1", "¥57,054,000,000(平成30年3月期)", FTYPE_OK },
	{ "9.1", "57054000000円", FTYPE_OK },
	{ "9.1", "¥100,000,00(平成30年3月期)", FTYPE_WARN },
	{ "9.1", "¥1000,000", FTYPE_WARN },
	{ "9.1", "¥1,0000", FTYPE_WARN },
	{ "9.1", "¥1,234.50", FTYPE_OK },
	{ "9.1", "１，２３４円", FTYPE_OK },
	{ "9.1", "１，２３円", FTYPE_WARN },
	{ "9.1", "非公開", FTYPE_WARN },
	{ "9.1", "約12億円", FTYPE_OK },
	{ "43.1", "あり", FTYPE_OK },
	{ "43.1", "なし", FTYPE_OK },
	{ "43.1", "あり; 利用規約に明示", FTYPE_OK },
	{ "43.1", "あり:30日", FTYPE_OK },
	{ "43.1", "あり（Webサイト）", FTYPE_OK },
	{ "43.1", "あり\n詳細", FTYPE_OK },
	{ "43.1", "ありません", FTYPE_WARN },
	{ "43.1", "有り", FTYPE_WARN },
	{ "48.1", "添付される: 利用規約に記載", FTYPE_OK },
	{ "48.1", "あり", FTYPE_WARN },
	{ "29.1", "アプリケーションサービス", FTYPE_OK },
	{ "29.1", "その他サービス", FTYPE_OK },
	{ "29.1", "アプリケーションサービス ", FTYPE_NOT_CHOICE },
	{ "29.1", "SaaS", FTYPE_NOT_CHOICE },
	{ "16.1", "④いずれでもない", FTYPE_OK },
	{ "16.1", "④", FTYPE_NOT_CHOICE },
	{ "30.1", "\x1b[2J anything", FTYPE_OK },
};

static void
test_types(void **state)
{
	const struct form *form;
	const struct form_field *f;
	enum ftype_verdict v;
	char *cause = NULL, *msg;
	size_t i;

	(void)state;
	form = formdir_get(fd, "asp-saas", "2021", &cause);
	assert_non_null(form);
	for (i = 0; i < sizeof type_cases / sizeof type_cases[0]; i++) {
		f = form_field(form, type_cases[i].id);
		assert_non_null(f);
		msg = NULL;
		v = f->type->check(f, type_cases[i].value, &msg);
		if (v != type_cases[i].verdict)
			fail_msg("%s \"%s\": verdict %d, expected %d (%s)",
			    type_cases[i].id, type_cases[i].value, (int)v,
			    (int)type_cases[i].verdict, msg ? msg : "");
		if (v == FTYPE_OK)
			assert_null(msg);
		else
			assert_non_null(msg);
		free(msg);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_lookalikes),
		cmocka_unit_test(test_cp932),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
