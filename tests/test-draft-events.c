/*
 * test-draft-events: the reader straight from libyaml's events gives the
 * draft draft_parse gives, or declines; it reads the drafts kaiji writes
 * (version 2 with the marker, version 1, with the state of fields), and
 * declines every draft that draft_parse refuses.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "draft-events.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "testutil.h"
#include "xalloc.h"

static int
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/*
 * Read buf both ways: when the event reader reads it, draft_parse must
 * read the same draft.  Returns whether the event reader read it, and in
 * *parsed whether draft_parse did.
 */
static int
both(struct formdir *fd, const char *buf, size_t len, int *parsed)
{
	struct draft *ref, *d;
	char *cause = NULL;
	size_t i;
	int read;

	ref = draft_parse("t.yaml", buf, len, fd, &cause);
	*parsed = ref != NULL;
	free(cause);
	read = draft_events_parse(buf, len, fd, &d);
	if (read) {
		assert_non_null(d);
		if (ref == NULL)
			fail_msg("read a draft draft_parse refuses: %.60s", buf);
		assert_ptr_equal(d->form, ref->form);
		for (i = 0; i < d->form->nfields; i++) {
			if (!same_text(d->answers[i], ref->answers[i]) ||
			    !same_text(d->renew[i], ref->renew[i]) ||
			    !same_text(d->notes[i], ref->notes[i]))
				fail_msg("field %s differs", d->form->fields[i].id);
		}
		draft_free(d);
	} else
		assert_null(d);
	draft_free(ref);
	return read;
}

/* base with the first from replaced by to (or to appended: from NULL). */
static char *
variant(const char *base, const char *from, const char *to)
{
	const char *p;

	if (from == NULL)
		return xasprintf("%s%s", base, to);
	p = strstr(base, from);
	assert_non_null(p);
	return xasprintf("%.*s%s%s", (int)(p - base), base, to,
	    p + strlen(from));
}

/* The drafts kaiji writes are read, and as draft_parse reads them. */
static void
test_reads_drafts(void **state)
{
	static const char *const files[] = {
		"complete-2021.yaml", "complete-2019.yaml", "gaps-2021.yaml",
		"v1-2021.yaml"
	};
	static const char *const nulls[] = {
		"~", "null", "", "\"\"", "\"null\"", "'~'"
	};
	struct formdir *fd = testutil_formdir();
	struct draft *d;
	char *path, *buf, *cause = NULL, *fmt, *more;
	size_t i, len;
	int parsed;

	(void)state;
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		path = testutil_data(files[i]);
		buf = testutil_read(path, &len);
		assert_true(both(fd, buf, len, &parsed));
		/* as kaiji saves it: version 2 with the marker */
		d = draft_parse(path, buf, len, fd, &cause);
		assert_non_null(d);
		draft_set_note(d, 0, "a note", &cause);
		draft_set_renew(d, 0, "asp-saas 2019");
		fmt = draft_format(d, &len);
		assert_true(both(fd, fmt, len, &parsed));
		draft_free(d);
		free(fmt);
		free(buf);
		free(path);
	}
	/* null and empty values are left out, quoted "null" is text */
	path = testutil_data("v1-2021.yaml");
	buf = testutil_read(path, &len);
	for (i = 0; i < sizeof nulls / sizeof nulls[0]; i++) {
		more = variant(buf, "2021/6/25", nulls[i]);
		assert_true(both(fd, more, strlen(more), &parsed));
		free(more);
	}
	free(buf);
	free(path);
	formdir_free(fd);
}

/* Whatever draft_parse refuses, the event reader declines. */
static void
test_declines(void **state)
{
	static const char *const subst[][2] = {
		{ "2021/6/25", "2021/6\x01/25" },
		{ "2021/6/25", "2021/6\xff/25" },
		{ "2021/6/25", "2021/6\xed\xa0\x80/25" },
		{ "2021/6/25", "2021/6\xc0\xaf/25" },
		{ "2021/6/25", "2021/6\xef\xbf\xbe/25" },
		{ "2021/6/25", "&a 2021/6/25" },
		{ "2021/6/25", "!!int 2021" },
		{ "2021/6/25", "[a, b]" },
		{ "2021/6/25", "\"a\\0b\"" },
		{ "2021/6/25", "x\n  \"1.1\": y" },
		{ "2021/6/25", "x\n  \"99.9\": y" },
		{ "2021/6/25", "x\n  \"01.1\": y" },
		{ "2021/6/25", "x\n  ? [a]\n  : y" },
		{ "kaiji-draft: 1", "kaiji-draft: 3" },
		{ "kaiji-draft: 1", "kaiji-draft: 2" },
		{ "kaiji-draft: 1", "kaiji-draft: {a: 1}" },
		{ "kaiji-draft: 1\n", "" },
		{ "form: asp-saas", "form: nope" },
		{ "form: asp-saas\n", "" },
		{ NULL, "form: asp-saas\n" },
		{ NULL, "other: 1\n" },
		{ NULL, "---\na: 1\n" },
		{ NULL, "fields:\n  \"1.1\": x\n" },
		{ NULL, "fields:\n  \"1.1\":\n    renew: a\n    renew: b\n" },
		{ NULL, "fields:\n  \"1.1\":\n    other: x\n" },
		{ NULL, "  bad: : [\n" },
	};
	struct formdir *fd = testutil_formdir();
	char *path, *buf, *v;
	size_t i, len;
	int parsed;

	(void)state;
	path = testutil_data("v1-2021.yaml");
	buf = testutil_read(path, &len);
	assert_non_null(strstr(buf, "\"1.1\": 2021/6/25\n"));
	for (i = 0; i < sizeof subst / sizeof subst[0]; i++) {
		v = variant(buf, subst[i][0], subst[i][1]);
		assert_false(both(fd, v, strlen(v), &parsed));
		assert_false(parsed);
		free(v);
	}
	/* a NUL byte, a UTF-16 byte order mark */
	v = xstrdup(buf);
	*strstr(v, "6/25") = '\0';
	assert_false(both(fd, v, len, &parsed));
	assert_false(parsed);
	v[0] = (char)0xff;
	v[1] = (char)0xfe;
	assert_false(both(fd, v, 2, &parsed));
	free(v);
	/* what it leaves to draft_parse, draft_parse may read */
	v = variant("answers:\n  \"1.1\": x\n", NULL, buf);
	assert_false(both(fd, v, strlen(v), &parsed));
	free(v);
	free(buf);
	free(path);
	formdir_free(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_drafts),
		cmocka_unit_test(test_declines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
