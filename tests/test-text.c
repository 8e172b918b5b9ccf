/*
 * test-text: the 字 count, UTF-8 checks, display width and terminal-safe
 * copies.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include <uninorm.h>
#include <unictype.h>

#include "text.h"

static size_t
count(const char *s)
{
	return text_count(s, strlen(s));
}

static void
test_count_japanese(void **state)
{
	(void)state;
	assert_int_equal(count(""), 0);
	assert_int_equal(count("開示"), 2);
	assert_int_equal(count("写真・映像・情報サービス企業"), 14);
	/* full-width and half-width alike */
	assert_int_equal(count("ＡＢＣ１２３"), 6);
	assert_int_equal(count("ABC123"), 6);
	assert_int_equal(count("ｶﾀｶﾅ"), 4);
	assert_int_equal(count("ASP・SaaS"), 8);
	assert_int_equal(count("　"), 1);	/* ideographic space */
}

/* 全角換算 in halves: half-width characters count as half. */
static void
test_halves(void **state)
{
	(void)state;
	assert_int_equal(text_halves("", 0), 0);
	assert_int_equal(text_halves("開示", strlen("開示")), 4);
	assert_int_equal(text_halves("ASP・SaaS", strlen("ASP・SaaS")), 9);
	assert_int_equal(text_halves("ＡＢＣ", strlen("ＡＢＣ")), 6);
	assert_int_equal(text_halves("ｶﾀｶﾅ", strlen("ｶﾀｶﾅ")), 4);
	assert_int_equal(text_halves("一行\r\n二", strlen("一行\r\n二")), 6);
	assert_int_equal(text_halves("a\tb", 3), 4);	/* a tab is no glyph */
	assert_int_equal(text_halves("\xff", 1), 2);
}

static void
test_count_breaks(void **state)
{
	(void)state;
	assert_int_equal(count("一行目\n二行目"), 6);
	assert_int_equal(count("一行目\r\n二行目\n"), 6);
	assert_int_equal(count("\n\n\n"), 0);
	assert_int_equal(count("a\tb"), 3);	/* a tab is a character */
}

static void
test_count_combining(void **state)
{
	(void)state;
	/* precomposed が is one code point; か + combining ゛ is two */
	assert_int_equal(count("が"), 1);
	assert_int_equal(count("か\xe3\x82\x99"), 2);
	/* half-width ｶﾞ is two code points too */
	assert_int_equal(count("ｶﾞ"), 2);
	/* e + combining acute */
	assert_int_equal(count("e\xcc\x81"), 2);
	/* an emoji outside the BMP is one code point */
	assert_int_equal(count("\xf0\x9f\x98\x80"), 1);
	/* an invalid byte still counts as one */
	assert_int_equal(count("a\xff" "b"), 3);
}

static void
test_invalid(void **state)
{
	(void)state;
	assert_int_equal(text_invalid("開示", 6), 6);
	assert_int_equal(text_invalid("ab\xff", 3), 2);
	assert_int_equal(text_invalid("\xc0\xaf", 2), 0);	/* overlong */
	assert_int_equal(text_invalid("\xed\xa0\x80", 3), 0);	/* surrogate */
	assert_int_equal(text_invalid("\xf4\x90\x80\x80", 4), 0); /* > U+10FFFF */
	assert_int_equal(text_invalid("x\xe9\x96", 3), 1);	/* truncated */
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("開示"), 4);
	assert_int_equal(text_width("ｶﾀｶﾅ"), 4);
	assert_int_equal(text_width("ＡＢ"), 4);
	assert_int_equal(text_width("か\xe3\x82\x99"), 2);
	assert_int_equal(text_width("必須○"), 5);
}

/*
 * East Asian Ambiguous characters: one column, or two after
 * text_set_ambiguous(2); wide, narrow, Neutral (✓ ✗) and zero-width
 * characters are the same in both; wcwidth answers the same as
 * text_cpwidth.
 */
static void
test_width_ambiguous(void **state)
{
	static const char *const ambiguous[] = {
		"○", "■", "─", "┌", "│", "※", "①", "→", "×", "°", "Ω", "§",
		"…", "☆", "Ⅰ", "\xee\x80\x80" /* U+E000, private use */
	};
	static const char *const same[][2] = {
		{ "abc", "3" }, { "開示", "4" }, { "ｶﾀｶﾅ", "4" },
		{ "ＡＢ", "4" }, { "か\xe3\x82\x99", "2" }, { "✓✗", "2" },
		{ "e\xcc\x81", "1" }, { "\xe2\x80\x8b", "0" },
		{ "\xf0\x9f\x98\x80", "2" }, { "【】", "4" },
	};
	size_t i, w;
	int mode;

	(void)state;
	for (mode = 1; mode <= 2; mode++) {
		text_set_ambiguous(mode);
		assert_int_equal(text_ambiguous_width(), mode);
		for (i = 0; i < sizeof ambiguous / sizeof ambiguous[0]; i++) {
			if (text_width(ambiguous[i]) != (size_t)mode)
				fail_msg("'%s' in mode %d: %zu columns",
				    ambiguous[i], mode,
				    text_width(ambiguous[i]));
		}
		for (i = 0; i < sizeof same / sizeof same[0]; i++) {
			w = (size_t)atoi(same[i][1]);
			if (text_width(same[i][0]) != w)
				fail_msg("'%s' in mode %d: %zu columns",
				    same[i][0], mode, text_width(same[i][0]));
		}
		assert_int_equal(text_width("必須○"), 4 + mode);
		assert_int_equal(text_width("※ ① ○ → × ■ ° Ω §"),
		    8 + 9 * mode);
		assert_int_equal(wcwidth(L'○'), mode);
		assert_int_equal(wcwidth(L'開'), 2);
		assert_int_equal(wcwidth(L'a'), 1);
		assert_int_equal(wcwidth(0x301), 0);
		assert_int_equal(wcwidth(L'\0'), 0);
		assert_int_equal(wcwidth(0x07), -1);
		assert_int_equal(wcwidth(0x85), -1);
		assert_int_equal(wcswidth(L"○開a", 3), mode + 3);
		assert_int_equal(wcswidth(L"○開a", 1), mode);
		assert_int_equal(wcswidth(L"a\x07", 2), -1);
	}
	text_set_ambiguous(0);
	assert_int_equal(text_ambiguous_width(), 1);
}

/*
 * The linked ncursesw measures with kaiji's width: after "○a" the cursor
 * is at column 2, or 3 when ambiguous characters are wide (the program's
 * wcwidth takes the place of the C library's).
 */
static void
test_width_curses(void **state)
{
	FILE *out, *in;
	SCREEN *sp;
	int mode;

	(void)state;
	setlocale(LC_CTYPE, "C.UTF-8");
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	assert_non_null(out);
	assert_non_null(in);
	if ((sp = newterm("xterm", out, in)) == NULL) {
		fclose(out);
		fclose(in);
		skip();
	}
	for (mode = 1; mode <= 2; mode++) {
		text_set_ambiguous(mode);
		move(0, 0);
		addwstr(L"○a");
		assert_int_equal(getcurx(stdscr), mode + 1);
		move(1, 0);
		addwstr(L"開○");
		assert_int_equal(getcurx(stdscr), 2 + mode);
	}
	text_set_ambiguous(1);
	endwin();
	delscreen(sp);
	fclose(out);
	fclose(in);
}

/* Pastes tidied for a one-line and a multi-line field (text_paste). */
static void
test_paste(void **state)
{
	static const struct {
		const char	*in;
		int		 multiline;
		const char	*out;
		unsigned	 changed;
	} cases[] = {
		{ "abc", 0, "abc", 0 },
		{ "abc", 1, "abc", 0 },
		{ "a\tb\r\n", 0, "a b", TEXT_PASTE_END | TEXT_PASTE_TABS },
		{ "a\tb\r\n", 1, "a\tb", TEXT_PASTE_END },
		{ "一\r\n二\r三\n", 1, "一\n二\n三", TEXT_PASTE_END },
		{ "一\r\n二  \t\r\n\r\n", 0, "一 二", TEXT_PASTE_END |
		    TEXT_PASTE_BREAKS },
		{ "  lead", 0, "  lead", 0 },
		{ "\n\n", 1, "", TEXT_PASTE_END },
		{ "a \n", 1, "a ", TEXT_PASTE_END },
		{ "\xe3\x82\xab\xe3\x82\x99\r\n", 0, "ガ", TEXT_PASTE_END },
		{ "\xe3\x81\xaf\xe3\x82\x9a\tは\n", 1, "ぱ\tは",
		    TEXT_PASTE_END },
	};
	size_t i;
	unsigned changed;
	char *out;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		out = text_paste(cases[i].in, cases[i].multiline, &changed);
		assert_string_equal(out, cases[i].out);
		assert_int_equal(changed, cases[i].changed);
		free(out);
	}
}

/* text_tail: the end of a string in a width, after "…". */
static void
test_tail(void **state)
{
	char *s;
	int mode;

	(void)state;
	for (mode = 1; mode <= 2; mode++) {
		text_set_ambiguous(mode);
		s = text_tail("/home/user/drafts/a.yaml", 30);
		assert_string_equal(s, "/home/user/drafts/a.yaml");
		free(s);
		s = text_tail("/home/user/drafts/a.yaml", 10);
		assert_true(text_width(s) <= 10);
		assert_string_equal(s, mode == 1 ? "…ts/a.yaml" : "…s/a.yaml");
		free(s);
		s = text_tail("/下書き/申請.yaml", 9);
		assert_true(text_width(s) <= 9);
		assert_string_equal(s, "…請.yaml");
		free(s);
		s = text_tail("abc", 0);
		assert_string_equal(s, "");
		free(s);
	}
	text_set_ambiguous(1);
}

static void
test_safe(void **state)
{
	char *s;

	(void)state;
	s = text_safe("a\x1b[31mb", 0);
	assert_string_equal(s, "a^[[31mb");
	free(s);
	s = text_safe("x\xc2\x9b" "y\x7f", 0);
	assert_string_equal(s, "x<U+009B>y^?");
	free(s);
	s = text_safe("一\n二\r", 1);
	assert_string_equal(s, "一\n二^M");
	free(s);
	s = text_safe("一\n二", 0);
	assert_string_equal(s, "一^J二");
	free(s);
	s = text_safe("bad\xff", 0);
	assert_string_equal(s, "bad<0xFF>");
	free(s);
}

/*
 * A file name shown on the start screen: controls, bidirectional
 * overrides, zero-width characters and combining marks are shown, so that
 * names that differ never look alike (a decomposed が and a composed one).
 */
static void
test_safe_name(void **state)
{
	char *s, *t;

	(void)state;
	s = text_safe_name("a\nb.yaml");
	assert_string_equal(s, "a^Jb.yaml");
	free(s);
	s = text_safe_name("x\xe2\x80\xaelmth.yaml");	/* RLO */
	assert_string_equal(s, "x<U+202E>lmth.yaml");
	free(s);
	s = text_safe_name("a\xe2\x80\x8b" "b.yaml");	/* ZWSP */
	assert_string_equal(s, "a<U+200B>b.yaml");
	free(s);
	s = text_safe_name("\xe3\x81\x8b\xe3\x82\x99.yaml");	/* か + ゙ */
	t = text_safe_name("\xe3\x81\x8c.yaml");		/* が */
	assert_string_equal(s, "か<U+3099>.yaml");
	assert_string_equal(t, "が.yaml");
	free(s);
	free(t);
	s = text_safe("a\xe2\x80\x8b" "b", 0);	/* text: kept */
	assert_string_equal(s, "a\xe2\x80\x8b" "b");
	free(s);
}

static void
test_digits_era(void **state)
{
	int v = -1;

	(void)state;
	assert_int_equal(text_digit("7", &v), 1);
	assert_int_equal(v, 7);
	assert_int_equal(text_digit("９", &v), 3);
	assert_int_equal(v, 9);
	assert_int_equal(text_digit("x", &v), 0);
	assert_int_equal(text_space(" 　x"), 4);
	assert_true(text_has_era("令和3年"));
	assert_false(text_has_era("2021年"));
}

/* NFC of s, or s itself when text_nfc says it is NFC already. */
static char *
nfc(const char *s)
{
	size_t len;
	char *r = text_nfc(s, strlen(s), &len);

	if (r == NULL)
		return strdup(s);
	assert_int_equal(strlen(r), len);
	return r;
}

/*
 * text_nfc composes what a Mac decomposes (60 ガ count 60字), reorders
 * marks, maps compatibility ideographs, and leaves NFC text without a copy.
 */
static void
test_nfc(void **state)
{
	char nfd[60 * 6 + 1], *r;
	size_t len, i;

	(void)state;
	for (i = 0; i < 60; i++)
		memcpy(nfd + 6 * i, "\xe3\x82\xab\xe3\x82\x99", 6);	/* カ ゙ */
	nfd[360] = '\0';
	assert_int_equal(count(nfd), 120);
	r = nfc(nfd);
	assert_int_equal(count(r), 60);
	assert_int_equal(strncmp(r, "ガガ", strlen("ガガ")), 0);
	free(r);
	assert_null(text_nfc("plain ASCII", 11, &len));
	assert_null(text_nfc("ガイドライン、ｶﾞ１２。", strlen("ガイドライン、ｶﾞ１２。"), &len));
	assert_null(text_nfc("", 0, &len));
	assert_null(text_nfc("bad\xff\xcc", 5, &len));
	r = nfc("Cafe\xcc\x81");		/* e + U+0301 */
	assert_string_equal(r, "Café");
	free(r);
	r = nfc("a\xcc\x81\xcc\x96");		/* marks out of order */
	assert_string_equal(r, "\xc3\xa1\xcc\x96");	/* á, U+0316 */
	free(r);
	r = nfc("\xef\xa4\xa9");			/* U+F929 */
	assert_string_equal(r, "朗");
	free(r);
	r = nfc("は\xe3\x82\x9aン");		/* は + U+309A */
	assert_string_equal(r, "ぱン");
	free(r);
	/* the 字 count of an NFC answer: the mark has nothing to join */
	r = nfc("\xe3\x82\x99x");
	assert_string_equal(r, "\xe3\x82\x99x");
	free(r);
	r = text_nfkc("\xe2\xbc\x88\xe3\x8b\xbf");	/* ⼈ ㋿ */
	assert_string_equal(r, "人令和");
	free(r);
}

/*
 * Every character text_nfc_inert calls inert is one NFC leaves alone and
 * one of combining class 0 (the BMP, and the planes' first characters).
 */
static void
test_nfc_inert(void **state)
{
	uint32_t cp, *r;
	size_t n, inert = 0;

	(void)state;
	for (cp = 0; cp < 0x20000; cp++) {
		if ((cp >= 0xd800 && cp <= 0xdfff) || !text_nfc_inert(cp))
			continue;
		inert++;
		assert_int_equal(uc_combining_class(cp), 0);
		r = text_nfc_cps(&cp, 1, &n);
		assert_int_equal(n, 1);
		assert_int_equal(r[0], cp);
		free(r);
	}
	assert_true(inert > 0x10000);
	assert_false(text_nfc_inert(0x3099));
	assert_false(text_nfc_inert(0x0301));
	assert_false(text_nfc_inert(0xf929));
	assert_true(text_nfc_inert(0x304b));
}

/* text_fold: full-width ASCII, half-width katakana and NFD fold alike. */
static void
test_fold(void **state)
{
	static const char *const same[][2] = {
		{ "ＩＳＭＳ", "ISMS" },
		{ "ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン" },
		{ "カﾞイド", "ガイド" },
		{ "ﾊﾟｽﾜｰﾄﾞ｡", "パスワード。" },
		{ "\xe3\x82\xab\xe3\x82\x99", "ガ" },
		{ "ｳﾞｪﾝﾀﾞｰ", "ヴェンダー" },
		{ "２０２４／４／１", "2024/4/1" },
	};
	size_t i;
	char *f;

	(void)state;
	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		f = text_fold(same[i][0]);
		assert_string_equal(f, same[i][1]);
		free(f);
	}
	f = text_fold("bad\xff");
	assert_string_equal(f, "bad\xff");
	free(f);
}

/* Convert all of in with cd, as csv.c does; the length or (size_t)-1. */
static size_t
conv(iconv_t cd, const char *in, size_t inlen, char *out, size_t size)
{
	char *ip = (char *)in, *op = out;
	size_t il = inlen, ol = size;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		return (size_t)-1;
	return size - ol;
}

/*
 * text_cp932_holds agrees with the C library's CP932 for every character
 * of the BMP, read as the CSV export reads it: bytes that read back as
 * the character, ¥ as 0x5C, \ and the folds as their CP932 forms, and
 * the three characters NFC gives that CP932 has in an equivalent form.
 */
static void
test_cp932(void **state)
{
	iconv_t to = iconv_open("CP932", "UTF-8"), from;
	char u[5], b[8], back[8];
	size_t ulen, n;
	uint32_t cp, first = 0;
	int held;

	(void)state;
	if (to == (iconv_t)-1)
		skip();
	from = iconv_open("UTF-8", "CP932");
	assert_true(from != (iconv_t)-1);
	for (cp = 0x80; cp < 0x10000; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		ulen = text_encode(cp, u);
		n = conv(to, u, ulen, b, sizeof b);
		held = cp == 0xa5 || (n != (size_t)-1 && n > 0 && n <= 2 &&
		    !(n == 1 && b[0] == 0x5c) && conv(from, b, n, back,
		    sizeof back) == ulen && memcmp(back, u, ulen) == 0);
		if (!held && text_cp932_fold(cp) != 0)
			held = 1;
		if (!held && text_cp932_canon(cp) != 0) {
			/* its equivalent form reads back as itself */
			ulen = text_encode(text_cp932_canon(cp), u);
			n = conv(to, u, ulen, b, sizeof b);
			held = n == 2 && conv(from, b, n, back, sizeof back) ==
			    ulen && memcmp(back, u, ulen) == 0;
			assert_true(held);
		}
		if (held != text_cp932_holds(cp))
			fail_msg("U+%04X: CP932 %s it", (unsigned)cp,
			    held ? "holds" : "lacks");
	}
	iconv_close(to);
	iconv_close(from);
	assert_true(text_cp932_holds('\\'));
	assert_false(text_cp932_holds(0x1f600));
	assert_true(text_cp932_holds(0xc5) && text_cp932_holds(0x51de) &&
	    text_cp932_holds(0x8612));
	/* what an answer holds that CP932 lacks, look-alikes aside */
	assert_int_equal(text_cp932_lacks("株式会社ABC\\", 13, &first), 0);
	assert_int_equal(text_cp932_lacks("森鷗外 ⑴ ⼈ 😀 é", strlen("森鷗外 ⑴ ⼈ 😀 é"),
	    &first), 4);
	assert_int_equal(first, 0x9dd7);	/* 鷗 */
	assert_int_equal(text_cp932_lacks("髙﨑〜", strlen("髙﨑〜"), &first), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count_japanese),
		cmocka_unit_test(test_count_breaks),
		cmocka_unit_test(test_halves),
		cmocka_unit_test(test_count_combining),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_ambiguous),
		cmocka_unit_test(test_width_curses),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_tail),
		cmocka_unit_test(test_safe),
		cmocka_unit_test(test_safe_name),
		cmocka_unit_test(test_digits_era),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_nfc_inert),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_cp932),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
