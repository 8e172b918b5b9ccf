/*
 * test-chardiff: the character diff of answers (chardiff.c): runs cover
 * both texts, SAME runs read alike, small changes stay small, whitespace
 * is ignored when asked, and the clean-up joins scattered matches.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "chardiff.h"
#include "xalloc.h"

/*
 * The runs of a and b as "=same-del+add" marks, checking that they cover
 * both texts in order; the caller frees the result.
 */
static char *
marks(const char *a, const char *b, int flags)
{
	struct chardiff_run *r;
	size_t n, i, apos = 0, bpos = 0;
	char *out, *p;

	n = chardiff_run(a, b, flags, &r);
	out = p = xmalloc(strlen(a) + strlen(b) + 4 * n + 1);
	for (i = 0; i < n; i++) {
		assert_int_equal(r[i].a, apos);
		assert_int_equal(r[i].b, bpos);
		if (i > 0)
			assert_int_not_equal(r[i].kind, r[i - 1].kind);
		apos += r[i].alen;
		bpos += r[i].blen;
		switch (r[i].kind) {
		case CHARDIFF_SAME:
			if (!(flags & CHARDIFF_SPACE)) {
				assert_int_equal(r[i].alen, r[i].blen);
				assert_memory_equal(a + r[i].a, b + r[i].b,
				    r[i].alen);
			}
			*p++ = '=';
			memcpy(p, b + r[i].b, r[i].blen);
			p += r[i].blen;
			break;
		case CHARDIFF_DEL:
			assert_int_equal(r[i].blen, 0);
			*p++ = '-';
			memcpy(p, a + r[i].a, r[i].alen);
			p += r[i].alen;
			break;
		case CHARDIFF_ADD:
			assert_int_equal(r[i].alen, 0);
			assert_true(i == 0 || r[i - 1].kind != CHARDIFF_ADD);
			*p++ = '+';
			memcpy(p, b + r[i].b, r[i].blen);
			p += r[i].blen;
			break;
		}
		*p++ = '|';
	}
	*p = '\0';
	assert_int_equal(apos, strlen(a));
	assert_int_equal(bpos, strlen(b));
	free(r);
	return out;
}

static void
check(const char *a, const char *b, int flags, const char *want)
{
	char *got = marks(a, b, flags);

	assert_string_equal(got, want);
	free(got);
}

static void
test_basic(void **state)
{
	(void)state;
	check("", "", 0, "");
	check("同じ", "同じ", 0, "=同じ|");
	check("", "新しい", 0, "+新しい|");
	check("古い", "", 0, "-古い|");
	check("2019/6/26", "2021/6/25", 0, "=20|-19|+21|=/6/2|-6|+5|");
	check("富士フィルム", "富士フイルム", 0, "=富士フ|-ィ|+イ|=ルム|");
	check("あいうえお", "あいXうえお", 0, "=あい|+X|=うえお|");
	check("あいうえお", "あいえお", 0, "=あい|-う|=えお|");
}

/* A two-character change in a long answer: three runs, whatever its length. */
static void
test_long(void **state)
{
	char *a = xmalloc(3 * 2000 + 1), *b, *got, *p;
	size_t i;

	(void)state;
	for (i = 0; i < 2000; i++)
		memcpy(a + 3 * i, i % 7 == 0 ? "字" : "あ", 3);
	a[3 * 2000] = '\0';
	b = xstrdup(a);
	memcpy(b + 3 * 1000, "変", 3);
	memcpy(b + 3 * 1001, "更", 3);
	got = marks(a, b, 0);
	assert_non_null(strstr(got, "|-あ字|+変更|="));
	for (i = 0, p = got; (p = strchr(p, '|')) != NULL; p++)
		i++;
	assert_int_equal(i, 4);
	free(got);
	free(b);
	free(a);
}

static void
test_space(void **state)
{
	(void)state;
	check("一行目\n二行目", "一行目 二行目", CHARDIFF_SPACE, "=一行目 二行目|");
	check("一行目\n二行目", "一行目 二行目", 0, "=一行目|-\n|+ |=二行目|");
	check("あ い", "あ　いう ", CHARDIFF_SPACE, "=あ　い|+う|= |");
	check("  ", "", CHARDIFF_SPACE, "=|");
}

/* Characters a rewritten phrase shares by chance do not split it. */
static void
test_cleanup(void **state)
{
	(void)state;
	check("データセンター専用建物", "Microsoft Azureを利用(非公開)", 0,
	    "-データセンター専用建物|+Microsoft Azureを利用(非公開)|");
	check("¥57,054,000,000", "¥55,355,000,000", 0,
	    "=¥5|-7,054|+5,355|=,000,000|");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_space),
		cmocka_unit_test(test_cleanup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
