/*
 * test-form: the form loader on both shipped editions and on broken form
 * files (tests/bad/forms), each of which must fail with a message
 * naming the file and position.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "form.h"
#include "formdir.h"
#include "ftype.h"
#include "testutil.h"

static const struct form *
get(struct formdir *fd, const char *edition)
{
	const struct form *form;
	char *cause = NULL;

	form = formdir_get(fd, "asp-saas", edition, &cause);
	if (form == NULL)
		fail_msg("%s", cause);
	return form;
}

static const struct form_field *
field(const struct form *form, const char *id)
{
	const struct form_field *f = form_field(form, id);

	if (f == NULL)
		fail_msg("no field %s", id);
	return f;
}

/* What both editions share: items, fields, marks, limits, choices. */
static void
check_structure(const struct form *form)
{
	size_t i, level = 0, mandatory = 0, optional = 0;

	assert_int_equal(form->nitems, 93);
	assert_int_equal(form->nfields, 133);
	assert_int_equal(form->nsections, 11);
	for (i = 0; i < form->nitems; i++)
		assert_int_equal(form->items[i].no, i + 1);
	for (i = 0; i < form->nfields; i++) {
		level += form->fields[i].mark == FORM_MANDATORY_LEVEL;
		mandatory += form->fields[i].mark == FORM_MANDATORY;
		optional += form->fields[i].mark == FORM_OPTIONAL;
	}
	assert_int_equal(level, 20);
	assert_int_equal(mandatory + level + optional, 133);

	/* ids and rows */
	assert_string_equal(field(form, "30.2")->id, "30.2");
	assert_int_equal(field(form, "30.2")->row, 2);
	assert_int_equal(form->items[field(form, "87.4")->item].no, 87);
	assert_null(form_field(form, "87.5"));
	assert_null(form_field(form, "94.1"));
	assert_null(form_field(form, "0.1"));
	assert_null(form_field(form, "5.01"));
	assert_null(form_field(form, "5."));
	assert_null(form_field(form, "05"));
	assert_null(form_field(form, "05.1"));
	assert_null(form_field(form, "x"));
	assert_ptr_equal(form_field(form, "5"), field(form, "5.1"));
	assert_null(form_field(form, "30"));	/* two rows: ambiguous */

	/* marks, including inheritance from the previous row */
	assert_int_equal(field(form, "6.1")->mark, FORM_MANDATORY);
	assert_int_equal(field(form, "6.2")->mark, FORM_OPTIONAL);
	assert_int_equal(field(form, "6.4")->mark, FORM_OPTIONAL);
	assert_int_equal(field(form, "24.2")->mark, FORM_MANDATORY_LEVEL);
	assert_int_equal(field(form, "91.3")->mark, FORM_MANDATORY_LEVEL);
	assert_int_equal(field(form, "93.1")->mark, FORM_MANDATORY);

	/* limits: own and shared */
	assert_int_equal(field(form, "5.1")->limit, 100);
	assert_int_equal(field(form, "31.1")->limit, 200);
	assert_int_equal(field(form, "51.1")->limit, 0);
	assert_int_equal(field(form, "51.2")->limit, 200);
	assert_int_equal(form->items[29].limit, 500);
	assert_int_equal(field(form, "30.1")->limit, 0);
	assert_int_equal(field(form, "30.2")->limit, 0);

	/* choices and types */
	assert_ptr_equal(field(form, "16.1")->type, &ftype_choice);
	assert_int_equal(field(form, "16.1")->nchoices, 4);
	assert_string_equal(field(form, "16.1")->choices[3], "④いずれでもない");
	assert_ptr_equal(field(form, "29.1")->type, &ftype_choice);
	assert_string_equal(field(form, "29.1")->choices[0],
	    "アプリケーションサービス");
	assert_ptr_equal(field(form, "43.1")->type, &ftype_yesno);
	assert_string_equal(field(form, "43.1")->choices[0], "あり");
	assert_string_equal(field(form, "48.1")->choices[1], "添付されない");
	assert_ptr_equal(field(form, "1.1")->type, &ftype_date);
	assert_ptr_equal(field(form, "3.1")->type, &ftype_year);
	assert_ptr_equal(field(form, "11.1")->type, &ftype_yen);
	assert_false(field(form, "27.1")->multiline);
	assert_true(field(form, "30.1")->multiline);

	/* names and sections */
	assert_string_equal(form->items[4].name, "主な事業の概要");
	assert_string_equal(form->items[4].category, "事業の概要");
	assert_string_equal(form->sections[form->items[92].section].title,
	    "サービスサポート");
	assert_string_equal(form->sections[form->items[50].section].title,
	    "アプリケーション、プラットフォーム、サーバ・ストレージ等");
	assert_non_null(strstr(field(form, "5.1")->text, "<100字以内で記述>"));
	assert_string_equal(form->fields[form->service].id, "27.1");
	assert_string_equal(form->fields[form->company].id, "2.1");
}

static void
check_pages(const struct form *form, const unsigned *starts, size_t n)
{
	size_t p;

	assert_int_equal(form->npages, n);
	for (p = 0; p < n; p++) {
		assert_int_equal(form->items[form->pages[p]].no, starts[p]);
		assert_int_equal(form->items[form->pages[p]].page, p);
		if (starts[p] > 1)
			assert_int_equal(form->items[form->pages[p] - 1].page,
			    p - 1);
	}
	assert_int_equal(form->items[92].page, n - 1);
}

static void
test_edition_2021(void **state)
{
	static const unsigned starts[] = { 1, 16, 27, 33, 43, 60, 77, 89 };
	struct formdir *fd = testutil_formdir();
	const struct form *form = get(fd, "2021");

	(void)state;
	check_structure(form);
	check_pages(form, starts, 8);
	assert_int_equal(form->nnotes, 2);
	formdir_free(fd);
}

static void
test_edition_2019(void **state)
{
	static const unsigned starts[] = { 1, 18, 29, 38, 53, 71, 85 };
	struct formdir *fd = testutil_formdir();
	const struct form *form = get(fd, "2019"), *newer = get(fd, "2021");
	size_t i;

	(void)state;
	check_structure(form);
	check_pages(form, starts, 7);
	assert_int_equal(form->nnotes, 3);
	assert_string_equal(form->edition, "2019");
	/* same ids, texts and marks as the edition it is based on */
	for (i = 0; i < form->nfields; i++) {
		assert_string_equal(form->fields[i].id, newer->fields[i].id);
		assert_string_equal(form->fields[i].text, newer->fields[i].text);
		assert_int_equal(form->fields[i].mark, newer->fields[i].mark);
	}
	formdir_free(fd);
}

static void
test_list_and_newest(void **state)
{
	struct formdir *fd = testutil_formdir();
	const struct form **forms, *newest;
	char *cause = NULL;
	size_t n;

	(void)state;
	assert_int_equal(formdir_list(fd, &forms, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(forms[0]->edition, "2019");
	assert_string_equal(forms[1]->edition, "2021");
	free(forms);
	newest = formdir_newest(fd, "asp-saas", &cause);
	assert_non_null(newest);
	assert_string_equal(newest->edition, "2021");
	assert_null(formdir_newest(fd, "iaas-paas", &cause));
	assert_non_null(strstr(cause, "iaas-paas"));
	free(cause);
	assert_null(formdir_get(fd, "asp-saas", "1999", &cause));
	assert_non_null(strstr(cause, "1999"));
	free(cause);
	assert_null(formdir_get(fd, "../forms/asp-saas", "2021", &cause));
	free(cause);
	formdir_free(fd);
}

static const struct {
	const char	*file;
	const char	*where;		/* expected after "<file>" */
	const char	*what;
} bad_forms[] = {
	{ "syntax.yaml", ":6:3: ", "invalid YAML" },
	{ "unknown-key.yaml", ":13:1: ", "unknown key 'colour'" },
	{ "bad-type.yaml", ":13:19: ", "unknown field type 'rainbow'" },
	{ "no-mark.yaml", ":11:13: ", "needs a 'mark'" },
	{ "bad-mark.yaml", ":12:19: ", "unknown mark '必要'" },
	{ "out-of-order.yaml", ":8:17: ", "out of order" },
	{ "choice-without-choices.yaml", ":11:13: ", "needs 'choices'" },
	{ "self-base.yaml", ":3:7: ", "base 'self-base': the form is based on itself" },
	/* reported at the base: that closes the loop, in loop-b.yaml */
	{ "loop-a.yaml", ":2:7: ", "base 'loop-a': the form is based on itself" },
	{ "alias.yaml", ":4:8: ", "anchors are not allowed" },
	{ "bad-pages.yaml", ":13:12: ", "must increase" },
	{ "bad-header.yaml", ":14:12: ", "unknown field id '99.1'" },
	{ "not-utf8.yaml", ":9:16: ", "invalid UTF-8" },
	{ "limit-zero.yaml", ":13:20: ", "whole number" },
	{ "no-version.yaml", ": ", "not a kaiji form file" },
	{ "empty.yaml", ": ", "empty file" },
	{ "dup-key.yaml", ":13:1: ", "duplicate key 'title'" },
	{ "missing-base.yaml", ":3:7: ", "base 'nowhere'" },
	{ "one-choice.yaml", ":15:22: ", "at least two choices" },
	{ "not-a-map.yaml", ":1:1: ", "expected a mapping" },
	{ "deep.yaml", ":2:35: ", "nested too deeply" },
};

static void
test_bad_forms(void **state)
{
	struct form *form;
	char *path, *cause, *expect;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad_forms / sizeof bad_forms[0]; i++) {
		char name[128];

		snprintf(name, sizeof name, "../bad/forms/%s", bad_forms[i].file);
		path = testutil_data(name);
		cause = NULL;
		form = form_load(path, &cause);
		if (form != NULL)
			fail_msg("%s loaded", bad_forms[i].file);
		assert_non_null(cause);
		if (strcmp(bad_forms[i].file, "loop-a.yaml") == 0) {
			free(path);
			path = testutil_data("../bad/forms/loop-b.yaml");
		}
		expect = malloc(strlen(path) + strlen(bad_forms[i].where) + 1);
		strcpy(expect, path);
		strcat(expect, bad_forms[i].where);
		if (strstr(cause, expect) == NULL ||
		    strstr(cause, bad_forms[i].what) == NULL)
			fail_msg("%s: got \"%s\"", bad_forms[i].file, cause);
		free(expect);
		free(cause);
		free(path);
	}
}

/* form_select: items, ranges of items and field ids; the rest refused. */
static void
test_select(void **state)
{
	struct formdir *fd = testutil_formdir();
	const struct form *form = formdir_get(fd, "asp-saas", "2021", NULL);
	static const char *const bad[] = {
		"", "0", "94", "5-3", "2-", "-3", "2,,3", "30.3", "30.0", "x",
		"2 ", "1-94", "30.1-30.2", NULL
	};
	unsigned char *sel;
	char *cause = NULL;
	size_t i, n;

	(void)state;
	assert_non_null(form);
	sel = form_select(form, "2-26", &cause);
	assert_non_null(sel);
	for (i = n = 0; i < form->nfields; i++) {
		n += sel[i];
		assert_int_equal(sel[i], form->items[form->fields[i].item].no >=
		    2 && form->items[form->fields[i].item].no <= 26);
	}
	assert_true(n > 25);
	free(sel);
	sel = form_select(form, "5,30.2,93", &cause);
	assert_non_null(sel);
	for (i = n = 0; i < form->nfields; i++)
		n += sel[i];
	assert_int_equal(n, 3);
	assert_true(sel[form_field(form, "30.2")->index]);
	assert_false(sel[form_field(form, "30.1")->index]);
	assert_true(sel[form_field(form, "93.1")->index]);
	free(sel);
	for (i = 0; bad[i] != NULL; i++) {
		cause = NULL;
		sel = form_select(form, bad[i], &cause);
		if (sel != NULL)
			fail_msg("'%s' was taken", bad[i]);
		assert_non_null(strstr(cause, "is not an item"));
		free(cause);
	}
	formdir_free(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edition_2021),
		cmocka_unit_test(test_edition_2019),
		cmocka_unit_test(test_list_and_newest),
		cmocka_unit_test(test_bad_forms),
		cmocka_unit_test(test_select),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
