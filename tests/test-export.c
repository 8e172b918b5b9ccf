/*
 * test-export: the export formats.  text and markdown of the complete
 * drafts match the files under tests/data/export (laid out as the
 * published pages); kaiji CSV round trips drafts exactly in UTF-8 and
 * CP932 (every character CP932 holds, ¥ included), folds the JIS
 * characters CP932 writes differently with a note, refuses or replaces
 * (〓) the characters CP932 lacks, naming field and position, exactly
 * as a writer converting one character at a time over U+0001..U+FFFF;
 * the reader finds columns by name and reports rows it cannot place; yaml
 * and json
 * hold every answer exactly and escape control characters.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv.h"
#include "draft.h"
#include "export.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "strvec.h"
#include "testutil.h"
#include "text.h"
#include "xalloc.h"
#include "ynode.h"

static struct draft *
load(struct formdir *fd, const char *name)
{
	struct draft *d;
	char *path = testutil_data(name), *cause = NULL;

	if ((d = draft_load(path, fd, &cause)) == NULL)
		fail_msg("%s", cause);
	free(path);
	return d;
}

/* Export d (format, options) successfully; the notes are freed. */
static char *
export(const struct draft *d, const char *format, int cp932, int replace,
    size_t *len)
{
	struct export_opts opts = { .cp932 = cp932, .replace = replace };
	struct strvec notes = STRVEC_INIT;
	char *out = NULL, *cause = NULL;

	if (export_draft(d, format, &opts, &out, len, &notes, &cause) != 0)
		fail_msg("export %s: %s", format, cause);
	assert_int_equal(strlen(out), *len);
	strvec_free(&notes);
	return out;
}

/* Import a CSV held in memory, as if read from path. */
static struct draft *
import(struct formdir *fd, const char *path, const char *buf, size_t len,
    const char *encoding, struct strvec *notes)
{
	struct draft *d;
	char *cause = NULL;

	d = csv_import(path, buf, len, encoding, fd, notes, &cause);
	if (d == NULL)
		fail_msg("import %s: %s", path, cause);
	return d;
}

/* The two drafts hold the same answers (compared as draft files). */
static void
assert_same_draft(const struct draft *a, const struct draft *b)
{
	char *fa, *fb;
	size_t la, lb;

	assert_ptr_equal(a->form, b->form);
	fa = draft_format(a, &la);
	fb = draft_format(b, &lb);
	assert_string_equal(fa, fb);
	free(fa);
	free(fb);
}

/* text and markdown are the expected pages, and the same every time. */
static void
test_pages(void **state)
{
	static const char *const cases[][3] = {
		{ "complete-2021.yaml", "text", "export/complete-2021.txt" },
		{ "complete-2021.yaml", "markdown", "export/complete-2021.md" },
		{ "complete-2019.yaml", "text", "export/complete-2019.txt" },
		{ "complete-2019.yaml", "markdown", "export/complete-2019.md" },
		{ "gaps-2021.yaml", "text", "export/gaps-2021.txt" },
		{ "export/edge-2021.yaml", "markdown", "export/edge-2021.md" },
	};
	struct formdir *fd = testutil_formdir();
	struct draft *d;
	char *out, *again, *path, *want;
	size_t i, len, alen, wlen;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		d = load(fd, cases[i][0]);
		out = export(d, cases[i][1], 0, 0, &len);
		again = export(d, cases[i][1], 0, 0, &alen);
		assert_int_equal(len, alen);
		assert_memory_equal(out, again, len);
		path = testutil_data(cases[i][2]);
		want = testutil_read(path, &wlen);
		if (len != wlen || memcmp(out, want, len) != 0)
			fail_msg("%s --to %s differs from %s", cases[i][0],
			    cases[i][1], path);
		free(want);
		free(path);
		free(again);
		free(out);
		draft_free(d);
	}
	formdir_free(fd);
}

/* The page layout: headers, section rows, marks, notes on every page. */
static void
test_page_layout(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct draft *d = load(fd, "complete-2021.yaml");
	char *out, *p;
	size_t len, n;

	(void)state;
	out = export(d, "text", 0, 0, &len);
	assert_non_null(strstr(out, "ASP・SaaS安全・信頼性に係る情報開示認定制度 "
	    "認定サービスの申請内容 (1/8)\n\n様式:asp-saas 2021, "
	    "サービス名称:そらまめ帳票クラウド, 事業者名称:架空テック株式会社\n\n"
	    "【審査対象項目】\t\t\t【記述内容】\t必須/選択\t申請内容\n1\t"
	    "開示情報の時点\t開示情報の日付\t開示情報の年月日(西暦)\t必須\t"
	    "2021/6/25\n- 事業所・事業\t\t\t\t\t\n2\t"));
	assert_non_null(strstr(out, "(8/8)"));
	assert_null(strstr(out, "(9/8)"));
	/* the number, name and mark once per item; a changed mark again */
	assert_non_null(strstr(out, "\n3\t\t設立年・事業年数\t事業者の設立年(西暦)"
	    "\t必須\t2008年\n\t\t\t設立後の事業年数(1年に満たない場合は月数)\t\t"
	    "13年\n"));
	assert_non_null(strstr(out, "\t代表者氏名\t必須\t山田 花子\n\t\t\t"
	    "代表者写真\t選択\t"));
	/* a multi-line answer stays in the answer column */
	assert_non_null(strstr(out, "作成し、\n\t\t\t\t\t承認・送付"));
	/* the notes under each of the 8 pages */
	for (n = 0, p = out; (p = strstr(p, "\n(注) 必須/選択欄")) != NULL; p++)
		n++;
	assert_int_equal(n, 8);
	free(out);
	out = export(d, "markdown", 0, 0, &len);
	assert_non_null(strstr(out, "## ASP・SaaS安全・信頼性に係る情報開示認定制度 "
	    "認定サービスの申請内容 (1/8)\n"));
	assert_non_null(strstr(out, "| 【審査対象項目】 | | | 【記述内容】 | "
	    "必須/選択 | 申請内容 |\n|---|---|---|---|---|---|\n"));
	assert_non_null(strstr(out, "| - 事業所・事業 | | | | | |\n"));
	assert_non_null(strstr(out, "作成し、<br>承認・送付"));
	assert_non_null(strstr(out, "\\<100字以内で記述\\>"));
	free(out);
	draft_free(d);
	formdir_free(fd);
}

/* Markdown cells show exactly their text: | escaped, line breaks as br. */
static void
test_markdown_escapes(void **state)
{
	struct formdir *fd = testutil_formdir();
	const struct form *form = formdir_get(fd, "asp-saas", "2021", NULL);
	struct draft *d;
	char *out, *cause = NULL;
	size_t len;

	(void)state;
	assert_non_null(form);
	d = draft_new(form);
	assert_int_equal(draft_set(d, testutil_field(d, "30.1"),
	    "a|b *c* <i>d</i>\r\ne\rf\n\ng", &cause), 0);
	assert_int_equal(draft_set(d, testutil_field(d, "27.1"), "# 名称|x",
	    &cause), 0);
	out = export(d, "markdown", 0, 0, &len);
	assert_non_null(strstr(out, "| a\\|b \\*c\\* \\<i\\>d\\</i\\><br>e<br>"
	    "f<br><br>g |\n"));
	assert_non_null(strstr(out, "サービス名称:# 名称\\|x, 事業者名称:\n"));
	assert_null(strstr(out, "\r"));
	free(out);
	draft_free(d);
	formdir_free(fd);
}

/* Unanswered fields show an empty answer. */
static void
test_unanswered(void **state)
{
	struct formdir *fd = testutil_formdir();
	const struct form *form = formdir_get(fd, "asp-saas", "2021", NULL);
	struct draft *d = draft_new(form);
	char *out;
	size_t len;

	(void)state;
	out = export(d, "text", 0, 0, &len);
	assert_non_null(strstr(out, "様式:asp-saas 2021, サービス名称:, "
	    "事業者名称:\n"));
	assert_non_null(strstr(out, "\t開示情報の年月日(西暦)\t必須\t\n"));
	free(out);
	out = export(d, "markdown", 0, 0, &len);
	assert_non_null(strstr(out, "| 開示情報の年月日(西暦) | 必須 | |\n"));
	free(out);
	out = export(d, "json", 0, 0, &len);
	assert_non_null(strstr(out, "\"answer\": null"));
	free(out);
	draft_free(d);
	formdir_free(fd);
}

/* For a terminal, control characters in answers are shown, not sent. */
static void
test_safe(void **state)
{
	static const char *const formats[] = { "text", "markdown", "csv" };
	struct export_opts opts = { .safe = 1 };
	struct formdir *fd = testutil_formdir();
	struct draft *d = load(fd, "export/edge-2021.yaml");
	struct strvec notes = STRVEC_INIT;
	char *out, *cause = NULL;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		assert_int_equal(export_draft(d, formats[i], &opts, &out, &len,
		    &notes, &cause), 0);
		assert_null(memchr(out, '\x1b', len));
		assert_null(memchr(out, '\x7f', len));
		assert_non_null(strstr(out, i == 1 ? "エスケープ^\\[\\[31m赤" :
		    "エスケープ^[[31m赤^[[0m と DEL^?"));
		free(out);
		strvec_free(&notes);
	}
	/* files get the exact text */
	out = export(d, "text", 0, 0, &len);
	assert_non_null(strstr(out, "エスケープ\x1b[31m赤\x1b[0m と DEL\x7f"));
	free(out);
	draft_free(d);
	formdir_free(fd);
}

/* Drafts go through CSV and back unchanged, in UTF-8 and in CP932. */
static void
test_csv_round_trip(void **state)
{
	static const char *const names[] = {
		"complete-2021.yaml", "complete-2019.yaml", "gaps-2021.yaml",
		"export/edge-2021.yaml"
	};
	static const char *const encodings[] = { NULL, "utf-8", "cp932" };
	struct formdir *fd = testutil_formdir();
	struct draft *d, *back;
	struct strvec notes = STRVEC_INIT;
	char *csv, *cause = NULL;
	size_t i, e, len;
	int cp932;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		d = load(fd, names[i]);
		for (cp932 = 0; cp932 <= 1; cp932++) {
			csv = csv_export(d, cp932, 0, &len, &notes, &cause);
			if (csv == NULL)
				fail_msg("%s: %s", names[i], cause);
			assert_int_equal(notes.n, 0);
			assert_int_equal(memcmp(csv, "\xef\xbb\xbf", 3) == 0,
			    !cp932);
			for (e = 0; e < 3; e++) {
				if (encodings[e] != NULL &&
				    (strcmp(encodings[e], "cp932") == 0) !=
				    cp932)
					continue;
				back = import(fd, "x.csv", csv, len,
				    encodings[e], &notes);
				if (notes.n > 0)
					fail_msg("%s", notes.v[0]);
				assert_same_draft(d, back);
				draft_free(back);
			}
			free(csv);
		}
		draft_free(d);
	}
	formdir_free(fd);
}

/* The CSV layout: header, one CRLF row per field, quoting, limits, counts. */
static void
test_csv_layout(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct draft *d = load(fd, "export/edge-2021.yaml");
	struct strvec notes = STRVEC_INIT;
	char *csv, *cause = NULL, *p;
	size_t len, rows = 0;

	(void)state;
	csv = csv_export(d, 0, 0, &len, &notes, &cause);
	assert_non_null(csv);
	assert_int_equal(strncmp(csv, "\xef\xbb\xbfID,ページ,区分,項目番号,分類,"
	    "審査対象項目,記述内容,必須/選択,字数制限,字数,申請内容,様式,版\r\n",
	    strlen("\xef\xbb\xbfID,ページ,区分,項目番号,分類,審査対象項目,"
	    "記述内容,必須/選択,字数制限,字数,申請内容,様式,版\r\n")), 0);
	for (p = csv; (p = strstr(p, ",asp-saas,2021\r\n")) != NULL; p++)
		rows++;
	assert_int_equal(rows, d->form->nfields);
	assert_non_null(strstr(csv, "\r\n1.1,1,開示情報の時点,1,開示情報の時点,"
	    "開示情報の日付,開示情報の年月日(西暦),必須,,9,2021/6/25,asp-saas,"
	    "2021\r\n"));
	assert_non_null(strstr(csv, ",必須,500(30.1+30.2),29,\"一行目, "
	    "カンマ入り\n\"\"引用\"\" 入りの二行目\n\n空行の後の四行目\","));
	assert_non_null(strstr(csv, ",100,0,,asp-saas,2021\r\n"));
	assert_non_null(strstr(csv, ",\"  先頭と末尾に空白のある架空株式会社  \","));
	assert_non_null(strstr(csv, ",1,\"\"\"\",asp-saas"));
	assert_non_null(strstr(csv, ",1,\",\",asp-saas"));
	assert_non_null(strstr(csv, "\"CRLF の\r\n改行と\r単独の CR\""));
	free(csv);
	strvec_free(&notes);
	draft_free(d);
	formdir_free(fd);
}

/*
 * Every character CP932 holds (every byte sequence iconv decodes, with
 * 0x5C as ¥) goes through a CP932 file and back as itself, without notes;
 * but the few that NFC changes, which no draft holds.
 */
static void
test_csv_every_cp932_character(void **state)
{
	struct formdir *fd = testutil_formdir();
	const struct form *form = formdir_get(fd, "asp-saas", "2021", NULL);
	struct draft *d = draft_new(form), *back;
	iconv_t cd = iconv_open("UTF-8", "CP932");
	struct strvec notes = STRVEC_INIT;
	char in[2], out[8], *ip, *op, *csv, *cause = NULL;
	char *answer = xmalloc(form->nfields * 4096), *nfc;
	size_t il, ol, len, field = 0, alen = 0, nchars = 0, inchars, nlen;
	size_t nnfc = 0;
	unsigned lead, trail;

	(void)state;
	assert_true(cd != (iconv_t)-1);
	for (lead = 1; lead < 0x100; lead++) {
		for (trail = 0; trail < 0x100; trail++) {
			int dbcs = (lead >= 0x81 && lead <= 0x9f) ||
			    (lead >= 0xe0 && lead <= 0xfc);

			if (!dbcs && trail > 0)
				break;
			if (dbcs && (trail < 0x40 || trail == 0x7f ||
			    trail > 0xfc))
				continue;
			in[0] = (char)lead;
			in[1] = (char)trail;
			ip = in;
			il = dbcs ? 2 : 1;
			op = out;
			ol = sizeof out;
			iconv(cd, NULL, NULL, NULL, NULL);
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
				continue;
			if (lead == 0x5c) {
				out[0] = '\xc2';
				out[1] = '\xa5';
				op = out + 2;
			}
			/* stored as NFC makes it (Å U+212B as U+00C5,
			   IBM's 塚 U+FA10 as 塚): not itself */
			if ((nfc = text_nfc(out, (size_t)(op - out),
			    &nlen)) != NULL) {
				free(nfc);
				nnfc++;
				continue;
			}
			memcpy(answer + alen, out, (size_t)(op - out));
			alen += (size_t)(op - out);
			nchars++;
			if (alen > 600) {
				answer[alen] = '\0';
				assert_int_equal(draft_set(d, field++, answer,
				    &cause), 0);
				alen = 0;
			}
		}
	}
	answer[alen] = '\0';
	assert_int_equal(draft_set(d, field, answer, &cause), 0);
	iconv_close(cd);
	/* JIS X 0208, NEC and IBM extensions, kana and ASCII: over 7,000 */
	assert_true(nchars > 7000);
	/* 23 characters, most at two codes (IBM and NEC-selected IBM) */
	assert_true(nnfc > 0 && nnfc < 60);
	assert_true(field < form->nfields);
	for (inchars = 0, field = 0; field < form->nfields; field++) {
		if (d->answers[field] != NULL)
			inchars += text_count(d->answers[field],
			    strlen(d->answers[field]));
	}
	assert_true(inchars > 7000);

	csv = csv_export(d, 1, 0, &len, &notes, &cause);
	if (csv == NULL)
		fail_msg("%s", cause);
	assert_int_equal(notes.n, 0);
	back = import(fd, "all.csv", csv, len, "cp932", &notes);
	assert_int_equal(notes.n, 0);
	assert_same_draft(d, back);
	draft_free(back);
	free(csv);
	free(answer);
	draft_free(d);
	formdir_free(fd);
}

/*
 * The CP932 writer as it was, one iconv call per character, as the
 * reference for the one that converts whole runs: the bytes of cp, or 0
 * when kaiji's CP932 does not hold it (csv.h has the rule).
 */
static size_t
ref_cp932(iconv_t to, iconv_t from, uint32_t cp, char *out)
{
	char u[4], back[8], *ip, *op;
	size_t ulen, il, ol, n;

	if (cp == 0xa5) {
		out[0] = 0x5c;
		return 1;
	}
	if (cp == 0x5c)
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	ulen = text_encode(cp, u);
	ip = u;
	il = ulen;
	op = out;
	ol = 4;
	iconv(to, NULL, NULL, NULL, NULL);
	if (iconv(to, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 ||
	    iconv(to, NULL, NULL, &op, &ol) == (size_t)-1)
		return 0;
	n = (size_t)(op - out);
	if (n == 0 || n > 2 || (n == 1 && (unsigned char)out[0] == 0x5c))
		return 0;
	ip = out;
	il = n;
	op = back;
	ol = sizeof back;
	iconv(from, NULL, NULL, NULL, NULL);
	if (iconv(from, &ip, &il, &op, &ol) == (size_t)-1 || il != 0 ||
	    iconv(from, NULL, NULL, &op, &ol) == (size_t)-1 ||
	    (size_t)(op - back) != ulen || memcmp(back, u, ulen) != 0)
		return 0;
	return n;
}

/*
 * Every code point U+0001..U+FFFF but the surrogates and CR, LF, in the
 * answers, 500 to a field, exported as CP932 with replace: each answer is
 * written exactly as the per-character writer wrote it (as itself, as ¥'s
 * 0x5C, folded, or as 〓; a double quote doubled), and the notes name
 * the same fields, positions and characters.
 */
static void
test_csv_cp932_every_code_point(void **state)
{
	static const uint32_t folds[][2] = {
		{ 0x005c, 0xff3c }, { 0x00a2, 0xffe0 }, { 0x00a3, 0xffe1 },
		{ 0x00a6, 0xffe4 }, { 0x00ac, 0xffe2 }, { 0x2014, 0x2015 },
		{ 0x2016, 0x2225 }, { 0x203e, 0xffe3 }, { 0x2212, 0xff0d },
		{ 0x301c, 0xff5e },
	};
	/* written in CP932's equivalent form, silently (NFC gives these) */
	static const uint32_t canon[][2] = {
		{ 0x00c5, 0x212b }, { 0x51de, 0xfa15 }, { 0x8612, 0xfa20 },
	};
	struct formdir *fd = testutil_formdir();
	const struct form *form = formdir_get(fd, "asp-saas", "2021", NULL);
	struct draft *d = draft_new(form);
	iconv_t to = iconv_open("CP932", "UTF-8");
	iconv_t from = iconv_open("UTF-8", "CP932");
	char *answer = xmalloc(500 * 4 + 1), *want = xmalloc(500 * 4 + 1);
	char *csv, *cause = NULL, b[4], cu[5], fu[5], *note;
	size_t len, field, n, k, nwant, alen, pos, i;
	uint32_t cp = 1, to_cp;
	struct strvec notes = STRVEC_INIT, ref = STRVEC_INIT;
	int folded = 0, replaced = 0;

	(void)state;
	assert_true(to != (iconv_t)-1 && from != (iconv_t)-1);
	for (field = 0; cp <= 0xffff; field++) {
		assert_true(field < form->nfields);
		for (alen = 0, n = 0; n < 500 && cp <= 0xffff; cp++) {
			if ((cp >= 0xd800 && cp <= 0xdfff) || cp == '\r' ||
			    cp == '\n')
				continue;
			alen += text_encode(cp, answer + alen);
			n++;
		}
		answer[alen] = '\0';
		if (draft_set(d, field, answer, &cause) != 0)
			fail_msg("%s", cause);
	}
	csv = csv_export(d, 1, 1, &len, &notes, &cause);
	if (csv == NULL)
		fail_msg("%s", cause);
	for (field = 0; field < form->nfields; field++) {
		const char *a = d->answers[field];

		if (a == NULL)
			continue;
		nwant = 0;
		for (i = 0, pos = 1; a[i] != '\0'; i += k, pos++) {
			k = text_decode(a + i, strlen(a + i), &cp);
			assert_true(k > 0);
			if (cp == '"')
				want[nwant++] = '"';
			if ((n = ref_cp932(to, from, cp, b)) != 0) {
				memcpy(want + nwant, b, n);
				nwant += n;
				continue;
			}
			for (to_cp = 0, n = 0; n < sizeof canon / sizeof canon[0];
			    n++) {
				if (canon[n][0] == cp)
					to_cp = canon[n][1];
			}
			if (to_cp != 0 && (n = ref_cp932(to, from, to_cp, b)) !=
			    0) {
				memcpy(want + nwant, b, n);
				nwant += n;
				continue;
			}
			cu[text_encode(cp, cu)] = '\0';
			for (to_cp = 0, n = 0; n < sizeof folds / sizeof folds[0];
			    n++) {
				if (folds[n][0] == cp)
					to_cp = folds[n][1];
			}
			if (to_cp != 0 && (n = ref_cp932(to, from, to_cp, b)) !=
			    0) {
				fu[text_encode(to_cp, fu)] = '\0';
				note = xasprintf("%s: 字 %zu: %s (U+%04X) written "
				    "as %s (U+%04X), its CP932 form",
				    form->fields[field].id, pos, cu, (unsigned)cp,
				    fu, (unsigned)to_cp);
				folded++;
			} else {
				n = ref_cp932(to, from, 0x3013, b);
				note = xasprintf("%s: 字 %zu: %s (U+%04X) is not "
				    "in CP932; written as 〓",
				    form->fields[field].id, pos, cu,
				    (unsigned)cp);
				replaced++;
			}
			assert_true(n > 0);
			memcpy(want + nwant, b, n);
			nwant += n;
			strvec_add(&ref, note);
		}
		if (memmem(csv, len, want, nwant) == NULL)
			fail_msg("%s: not written as one character at a time",
			    form->fields[field].id);
	}
	/* the ten folds, and most of Unicode outside JIS replaced */
	assert_int_equal(folded, 10);
	assert_true(replaced > 40000);
	assert_int_equal(notes.n, ref.n);
	for (i = 0; i < ref.n; i++)
		assert_string_equal(notes.v[i], ref.v[i]);
	strvec_free(&ref);
	strvec_free(&notes);
	iconv_close(to);
	iconv_close(from);
	free(csv);
	free(want);
	free(answer);
	draft_free(d);
	formdir_free(fd);
}

/* The characters of the yen rule and the classic CP932 pairs, by byte. */
static void
test_csv_cp932_bytes(void **state)
{
	static const char *const cases[][2] = {
		{ "¥", "\x5c" }, { "￥", "\x81\x8f" }, { "\\", "\x81\x5f" },
		{ "＼", "\x81\x5f" }, { "〜", "\x81\x60" }, { "～", "\x81\x60" },
		{ "−", "\x81\x7c" }, { "－", "\x81\x7c" }, { "‖", "\x81\x61" },
		{ "∥", "\x81\x61" }, { "¢", "\x81\x91" }, { "£", "\x81\x92" },
		{ "¬", "\x81\xca" }, { "~", "\x7e" }, { "ｶﾞ", "\xb6\xde" },
		{ "—", "\x81\x5c" }, { "―", "\x81\x5c" },
	};
	struct formdir *fd = testutil_formdir();
	const struct form *form = formdir_get(fd, "asp-saas", "2021", NULL);
	struct draft *d = draft_new(form);
	struct strvec notes = STRVEC_INIT;
	char *csv, *cause = NULL, *want;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(draft_set(d, testutil_field(d, "2.1"),
		    cases[i][0], &cause), 0);
		csv = csv_export(d, 1, 0, &len, &notes, &cause);
		assert_non_null(csv);
		want = xasprintf(",%s,asp-saas,2021\r\n3.1,", cases[i][1]);
		if (strstr(csv, want) == NULL)
			fail_msg("%s is not written as expected", cases[i][0]);
		free(want);
		free(csv);
		strvec_free(&notes);
	}
	draft_free(d);
	formdir_free(fd);
}

/* 〜 and its kin become CP932's forms, with a note naming each. */
static void
test_csv_folds(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct draft *d = load(fd, "export/fold-2021.yaml");
	struct draft *want = load(fd, "export/fold-2021-cp932.yaml"), *back;
	struct strvec notes = STRVEC_INIT;
	struct strvec inotes = STRVEC_INIT;
	char *csv, *cause = NULL;
	size_t len;

	(void)state;
	csv = csv_export(d, 1, 0, &len, &notes, &cause);
	if (csv == NULL)
		fail_msg("%s", cause);
	back = import(fd, "fold.csv", csv, len, NULL, &inotes);
	assert_int_equal(inotes.n, 0);
	assert_same_draft(want, back);
	assert_int_equal(notes.n, 2 + 1 + 8 + 1);
	assert_string_equal(notes.v[0], "9.1: 字 3: \\ (U+005C) written as ＼ "
	    "(U+FF3C), its CP932 form");
	assert_string_equal(notes.v[2], "12.1: 字 1: − (U+2212) written as － "
	    "(U+FF0D), its CP932 form");
	assert_string_equal(notes.v[3], "13.1: 字 1: 〜 (U+301C) written as ～ "
	    "(U+FF5E), its CP932 form");
	assert_string_equal(notes.v[11], "86.1: 字 8: 〜 (U+301C) written as ～ "
	    "(U+FF5E), its CP932 form");
	strvec_free(&notes);
	free(csv);
	draft_free(back);
	/* UTF-8 keeps them all */
	csv = csv_export(d, 0, 0, &len, &notes, &cause);
	assert_int_equal(notes.n, 0);
	back = import(fd, "fold.csv", csv, len, NULL, &inotes);
	assert_same_draft(d, back);
	assert_int_equal(inotes.n, 1);	/* 9.1: a backslash in yen */
	assert_non_null(strstr(inotes.v[0], "9.1: a backslash in an amount "
	    "in yen"));
	strvec_free(&inotes);
	free(csv);
	draft_free(back);
	draft_free(want);
	draft_free(d);
	formdir_free(fd);
}

/* What CP932 lacks fails the export, naming every place, or becomes 〓. */
static void
test_csv_unencodable(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct draft *d = load(fd, "export/unencodable-2021.yaml"), *back;
	struct strvec notes = STRVEC_INIT;
	struct strvec inotes = STRVEC_INIT;
	char *csv, *cause = NULL;
	size_t len;

	(void)state;
	csv = csv_export(d, 1, 0, &len, &notes, &cause);
	assert_null(csv);
	assert_null(notes.v);
	assert_string_equal(cause, "4 characters CP932 cannot hold: 1.1 字 1 ㋿ "
	    "(U+32FF), 30.1 字 4 😀 (U+1F600), 47.1 字 2 😀 (U+1F600), 47.1 "
	    "字 4 😀 (U+1F600)");
	free(cause);

	csv = csv_export(d, 1, 1, &len, &notes, &cause);
	assert_non_null(csv);
	assert_null(strchr(csv, '?'));
	assert_int_equal(notes.n, 4);
	assert_string_equal(notes.v[0], "1.1: 字 1: ㋿ (U+32FF) is not in CP932; "
	    "written as 〓");
	assert_string_equal(notes.v[3], "47.1: 字 4: 😀 (U+1F600) is not in "
	    "CP932; written as 〓");
	back = import(fd, "geta.csv", csv, len, "cp932", &inotes);
	assert_int_equal(inotes.n, 0);
	assert_string_equal(back->answers[testutil_field(back, "1.1")],
	    "〓3年6月25日");
	assert_string_equal(back->answers[testutil_field(back, "30.1")],
	    "絵文字〓です");
	assert_string_equal(back->answers[testutil_field(back, "47.1")],
	    "a〓b〓");
	strvec_free(&notes);
	draft_free(back);
	free(csv);

	/* UTF-8 holds everything */
	csv = csv_export(d, 0, 0, &len, &notes, &cause);
	assert_non_null(csv);
	back = import(fd, "utf8.csv", csv, len, NULL, &inotes);
	assert_same_draft(d, back);
	draft_free(back);
	free(csv);
	draft_free(d);
	formdir_free(fd);
}

/* Whether note says that fields had no row (csv_import's last note). */
static int
no_rows_note(const char *note)
{
	return strstr(note, " have no row, left unanswered: ") != NULL ||
	    strstr(note, " has no row, left unanswered: ") != NULL;
}

/* Columns are found by name: reordered, deleted or added columns are fine. */
static void
test_csv_columns(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct draft *d;
	char *path = testutil_data("export/reordered.csv"), *buf, *sjis;
	struct strvec notes = STRVEC_INIT;
	char *ip, *op, *cause = NULL;
	size_t len, il, ol;
	iconv_t cd;

	(void)state;
	buf = testutil_read(path, &len);
	d = import(fd, path, buf, len, NULL, &notes);
	assert_int_equal(notes.n, 1);	/* the fields it has no row for */
	assert_true(no_rows_note(notes.v[0]));
	strvec_free(&notes);
	assert_string_equal(d->form->edition, "2021");
	assert_string_equal(d->answers[testutil_field(d, "27.1")],
	    "架空の帳票クラウド");
	assert_string_equal(d->answers[testutil_field(d, "30.1")],
	    "二行の\n回答");
	assert_string_equal(d->answers[testutil_field(d, "30.2")], "なし");
	assert_null(d->answers[testutil_field(d, "1.1")]);
	draft_free(d);

	/* the same file as CP932 (Excel's "CSV (comma separated)") */
	cd = iconv_open("CP932", "UTF-8");
	sjis = xmalloc(len * 2 + 1);
	ip = buf;
	il = len;
	op = sjis;
	ol = len * 2;
	assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
	iconv_close(cd);
	d = csv_import(path, sjis, (size_t)(op - sjis), NULL, fd, &notes,
	    &cause);
	assert_non_null(d);
	assert_string_equal(d->answers[testutil_field(d, "27.1")],
	    "架空の帳票クラウド");
	strvec_free(&notes);
	draft_free(d);
	free(sjis);
	free(buf);
	free(path);
	formdir_free(fd);
}

/* 0x5C in a CP932 file is ¥; a UTF-8 file keeps its backslash. */
static void
test_csv_yen_byte(void **state)
{
	static const char sjis[] = "ID,\x97\x6c\x8e\xae,\x94\xc5,"
	    "\x90\x5c\x90\xbf\x93\xe0\x97\x65\r\n9.1,asp-saas,2021,\x5c"
	    "100\r\n";	/* ID,様式,版,申請内容 / ¥100 */
	static const char utf8[] = "ID,様式,版,申請内容\r\n9.1,asp-saas,2021,"
	    "\\100\r\n";
	struct formdir *fd = testutil_formdir();
	struct draft *d;
	struct strvec notes = STRVEC_INIT;

	(void)state;
	d = import(fd, "sjis.csv", sjis, sizeof sjis - 1, NULL, &notes);
	assert_string_equal(d->answers[testutil_field(d, "9.1")], "¥100");
	assert_int_equal(notes.n, 1);	/* only the fields without a row */
	strvec_free(&notes);
	draft_free(d);
	d = import(fd, "utf8.csv", utf8, sizeof utf8 - 1, NULL, &notes);
	assert_string_equal(d->answers[testutil_field(d, "9.1")], "\\100");
	assert_int_equal(notes.n, 2);
	assert_string_equal(notes.v[0], "utf8.csv:2: 9.1: a backslash in an "
	    "amount in yen: a CP932 file saved again as UTF-8 turns ¥ into \\; "
	    "check the answer");
	strvec_free(&notes);
	draft_free(d);
	formdir_free(fd);
}

/* Rows that cannot be placed are notes "path:line: ..."; the rest is read. */
static void
test_csv_notes(void **state)
{
	static const char blank[] = "\r\n\nID,様式,版,申請内容\r\n,,,\r\n"
	    "1.1,asp-saas,2021,2021/6/25";
	struct formdir *fd = testutil_formdir();
	struct draft *d;
	struct strvec notes = STRVEC_INIT;
	char *path, *buf, *want;
	size_t len, i;

	(void)state;
	path = testutil_data("export/wrong-cells.csv");
	buf = testutil_read(path, &len);
	d = import(fd, path, buf, len, NULL, &notes);
	assert_int_equal(notes.n, 3);
	assert_true(no_rows_note(notes.v[2]));
	want = xasprintf("%s:3: 3 cells where the first row has 4; row "
	    "ignored", path);
	assert_string_equal(notes.v[0], want);
	free(want);
	want = xasprintf("%s:4: 5 cells where the first row has 4; row "
	    "ignored", path);
	assert_string_equal(notes.v[1], want);
	free(want);
	assert_string_equal(d->answers[testutil_field(d, "1.1")], "2021/6/25");
	assert_string_equal(d->answers[testutil_field(d, "3.1")], "2008年");
	assert_null(d->answers[testutil_field(d, "27.1")]);
	strvec_free(&notes);
	draft_free(d);
	free(buf);
	free(path);

	path = testutil_data("export/unknown-id.csv");
	buf = testutil_read(path, &len);
	d = import(fd, path, buf, len, NULL, &notes);
	{
		const char *const expect[] = {
			"3: unknown field id '94.1' in form asp-saas 2021; row "
			    "ignored",
			"4: unknown field id '30' in form asp-saas 2021; row "
			    "ignored",
			"5: field 1.1 given twice (first on line 2); row "
			    "ignored",
			"6: an answer without an ID; row ignored",
			"7: form 'asp-saas' edition '2019', but the file "
			    "answers asp-saas 2021; row ignored",
		};

		assert_int_equal(notes.n, 6);
		assert_true(no_rows_note(notes.v[5]));
		for (i = 0; i < 5; i++) {
			want = xasprintf("%s:%s", path, expect[i]);
			assert_string_equal(notes.v[i], want);
			free(want);
		}
	}
	assert_string_equal(d->answers[testutil_field(d, "1.1")], "2021/6/25");
	assert_string_equal(d->answers[testutil_field(d, "5.1")],
	    "短いIDの回答");
	assert_null(d->answers[testutil_field(d, "2.1")]);
	strvec_free(&notes);
	draft_free(d);
	free(buf);
	free(path);

	/* blank lines before the first row, a row without a line break */
	d = import(fd, "blank.csv", blank, strlen(blank), NULL, &notes);
	assert_int_equal(notes.n, 1);
	assert_non_null(strstr(notes.v[0], "blank.csv: 132 fields have no "
	    "row, left unanswered: 2.1, 3.1, "));
	strvec_free(&notes);
	assert_string_equal(d->answers[0], "2021/6/25");
	draft_free(d);
	formdir_free(fd);
}

/* Files that are not kaiji CSV give NULL and a cause "path:line: ...". */
static void
test_csv_broken(void **state)
{
	static const char *const cases[][3] = {
		{ "export/unknown-form.csv", NULL,
		    ":2: unknown form 'kaiji-unknown' edition '2021'" },
		{ "export/unclosed.csv", NULL,
		    ":2: a quoted cell is not closed" },
		{ "export/no-id.csv", NULL, ":1: no 'ID' column" },
		{ "complete-2021.yaml", NULL, ":1: no 'ID' column" },
	};
	static const char header[] = "ID,様式,版,申請内容\r\n";
	struct formdir *fd = testutil_formdir();
	struct draft *d;
	struct strvec notes = STRVEC_INIT;
	char *path, *buf, *cause = NULL, *want;
	size_t len, i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		path = testutil_data(cases[i][0]);
		buf = testutil_read(path, &len);
		d = csv_import(path, buf, len, cases[i][1], fd, &notes, &cause);
		assert_null(d);
		assert_null(notes.v);
		want = xasprintf("%s%s", path, cases[i][2]);
		if (strncmp(cause, want, strlen(want)) != 0)
			fail_msg("%s: '%s', expected '%s...'", cases[i][0],
			    cause, want);
		free(want);
		free(cause);
		free(buf);
		free(path);
	}
	d = csv_import("hdr.csv", header, strlen(header), NULL, fd, &notes,
	    &cause);
	assert_null(d);
	assert_string_equal(cause, "hdr.csv: no row names a form and edition "
	    "(columns 様式 and 版)");
	free(cause);
	d = csv_import("empty.csv", "", 0, NULL, fd, &notes, &cause);
	assert_null(d);
	assert_string_equal(cause, "empty.csv:1: empty file; the first row "
	    "must name the columns");
	free(cause);
	d = csv_import("bom.csv", "\xef\xbb\xbfID", 5, "cp932", fd, &notes,
	    &cause);
	assert_null(d);
	assert_non_null(strstr(cause, "UTF-8 BOM"));
	free(cause);
	d = csv_import("nul.csv", "ID,\n1\0", 6, NULL, fd, &notes, &cause);
	assert_null(d);
	assert_string_equal(cause, "nul.csv:2: NUL byte; not a CSV file");
	free(cause);
	d = csv_import("bad.csv", "ID,\x97\x6c\x8e\xae\r\n\x85\x40", 11,
	    "cp932", fd, &notes, &cause);
	assert_null(d);
	assert_string_equal(cause, "bad.csv:2: not valid CP932 (byte 0x85)");
	free(cause);
	d = csv_import("x.csv", "ID", 2, "latin1", fd, &notes, &cause);
	assert_null(d);
	assert_non_null(strstr(cause, "unknown encoding 'latin1'"));
	free(cause);
	formdir_free(fd);
}

/* yaml holds every answer exactly, read back with kaiji's YAML reader. */
static void
test_yaml(void **state)
{
	static const char *const names[] = {
		"complete-2021.yaml", "export/edge-2021.yaml",
		"export/unencodable-2021.yaml"
	};
	struct formdir *fd = testutil_formdir();
	const struct ynode *fields, *e, *k, *v;
	struct ynode *root;
	struct draft *d;
	char *out, *cause = NULL;
	const char *id, *answer;
	size_t i, j, m, len, answered;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		d = load(fd, names[i]);
		out = export(d, "yaml", 0, 0, &len);
		if ((root = ynode_parse("x.yaml", out, len, &cause)) == NULL)
			fail_msg("%s", cause);
		assert_int_equal(root->kind, YNODE_MAP);
		fields = NULL;
		for (j = 0; j + 1 < root->n; j += 2) {
			if (strcmp(root->kids[j]->str, "fields") == 0)
				fields = root->kids[j + 1];
		}
		assert_non_null(fields);
		assert_int_equal(fields->n, d->form->nfields);
		for (j = 0, answered = 0; j < fields->n; j++) {
			e = fields->kids[j];
			id = answer = NULL;
			for (m = 0; m + 1 < e->n; m += 2) {
				k = e->kids[m];
				v = e->kids[m + 1];
				if (strcmp(k->str, "id") == 0)
					id = v->str;
				if (strcmp(k->str, "answer") == 0 &&
				    !ynode_is_null(v))
					answer = v->str;
			}
			assert_string_equal(id, d->form->fields[j].id);
			if (d->answers[j] == NULL) {
				assert_null(answer);
				continue;
			}
			assert_non_null(answer);
			assert_string_equal(answer, d->answers[j]);
			answered++;
		}
		assert_true(answered > 0);
		ynode_free(root);
		free(out);
		draft_free(d);
	}
	formdir_free(fd);
}

/* json escapes quotes, backslashes and control characters; UTF-8 as is. */
static void
test_json(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct draft *d = load(fd, "export/edge-2021.yaml");
	char *out;
	size_t len, i;

	(void)state;
	out = export(d, "json", 0, 0, &len);
	assert_int_equal(out[0], '{');
	assert_int_equal(out[len - 1], '\n');
	for (i = 0; i < len; i++) {
		if ((unsigned char)out[i] < 0x20 && out[i] != '\n')
			fail_msg("control character 0x%02x at %zu", out[i], i);
	}
	assert_null(memchr(out, 0x7f, len));
	assert_non_null(strstr(out, "\"answer\": \"エスケープ\\u001b[31m赤"
	    "\\u001b[0m と DEL\\u007f\""));
	assert_non_null(strstr(out, "\"answer\": \"CRLF の\\r\\n改行と\\r単独の "
	    "CR\""));
	assert_non_null(strstr(out, "\"answer\": \"\\\"引用符\\\" と \\\"\\\" "
	    "二重の引用符\""));
	assert_non_null(strstr(out, "\"id\": \"30.1\",\n      \"page\": 3,"));
	assert_non_null(strstr(out, "\"limit\": 500,\n      \"shared\": true"));
	assert_non_null(strstr(out, "\"kaiji-export\": 1,\n  \"form\": "
	    "\"asp-saas\",\n  \"edition\": \"2021\""));
	free(out);
	draft_free(d);
	formdir_free(fd);
}

static void
test_unknown_format(void **state)
{
	struct export_opts opts = { 0 };
	struct formdir *fd = testutil_formdir();
	struct draft *d = load(fd, "complete-2021.yaml");
	struct strvec notes = STRVEC_INIT;
	char *out = NULL, *cause = NULL;
	size_t len;

	(void)state;
	assert_false(export_known("xml"));
	assert_true(export_known("markdown"));
	assert_int_equal(export_draft(d, "xml", &opts, &out, &len, &notes,
	    &cause), -1);
	assert_string_equal(cause, "unknown format 'xml' (use text, markdown, "
	    "csv, yaml, json, xlsx or html)");
	free(cause);
	draft_free(d);
	formdir_free(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_page_layout),
		cmocka_unit_test(test_markdown_escapes),
		cmocka_unit_test(test_unanswered),
		cmocka_unit_test(test_safe),
		cmocka_unit_test(test_csv_round_trip),
		cmocka_unit_test(test_csv_layout),
		cmocka_unit_test(test_csv_every_cp932_character),
		cmocka_unit_test(test_csv_cp932_bytes),
		cmocka_unit_test(test_csv_folds),
		cmocka_unit_test(test_csv_unencodable),
		cmocka_unit_test(test_csv_columns),
		cmocka_unit_test(test_csv_yen_byte),
		cmocka_unit_test(test_csv_notes),
		cmocka_unit_test(test_csv_broken),
		cmocka_unit_test(test_csv_cp932_every_code_point),
		cmocka_unit_test(test_yaml),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_unknown_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
