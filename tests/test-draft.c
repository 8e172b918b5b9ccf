/*
 * test-draft: loading, saving and round trips of drafts; atomic saves with
 * backups and 0600 files; broken drafts fail with a position and are
 * never modified; the state of fields (to renew, notes); a draft cut at
 * any byte is never taken for a complete one; version 1 drafts still load.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <yaml.h>

#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "strvec.h"
#include "testutil.h"
#include "xalloc.h"

static struct draft *
load(struct formdir *fd, const char *path)
{
	struct draft *d;
	char *cause = NULL;

	d = draft_load(path, fd, &cause);
	if (d == NULL)
		fail_msg("%s", cause);
	return d;
}

/* Loading and saving a draft kaiji wrote gives the same bytes. */
static void
test_round_trip(void **state)
{
	static const char *const names[] = {
		"complete-2021.yaml", "complete-2019.yaml", "gaps-2021.yaml"
	};
	struct formdir *fd = testutil_formdir();
	char *dir = testutil_tmpdir(), *path, *src, *a, *b, *cause = NULL;
	size_t i, la, lb;
	struct draft *d;

	(void)state;
	for (i = 0; i < 3; i++) {
		src = testutil_data(names[i]);
		d = load(fd, src);
		path = xasprintf("%s/%s", dir, names[i]);
		assert_int_equal(draft_save(d, path, 0, &cause), 0);
		a = testutil_read(src, &la);
		b = testutil_read(path, &lb);
		assert_int_equal(la, lb);
		assert_memory_equal(a, b, la);
		free(a);
		free(b);
		free(path);
		free(src);
		draft_free(d);
	}
	testutil_rmdir(dir);
	formdir_free(fd);
}

/* Awkward answers survive save and load unchanged. */
static void
test_awkward_values(void **state)
{
	static const char *const values[] = {
		"yes", "no", "~", "null", "123", "1.5", "2021-06-25", "0x1F",
		"- item", "key: value", "# not a comment", "\"quoted\"",
		"'single'", "[a, b]", "{a: b}", "&anchor", "*alias", "!tag",
		"%percent", "@at", "`tick`", "|pipe", ">fold",
		"  leading spaces", "trailing spaces  ", "一行目\n二行目",
		"末尾の改行\n", "二つの改行\n\n", "\n先頭の改行",
		"  字下げ\n  された行", "行末空白 \n次", "tab\there",
		"esc\x1b[31m", "del\x7f", "c1\xc2\x85", "ｶﾀｶﾅ and ＡＢＣ",
		"emoji \xf0\x9f\x98\x80", "a\r\nb", "…", "¥100,000,000",
	};
	struct formdir *fd = testutil_formdir();
	const struct form *form;
	char *dir = testutil_tmpdir(), *path, *cause = NULL, *first, *second;
	struct draft *d, *back;
	size_t i, la, lb;

	(void)state;
	form = formdir_get(fd, "asp-saas", "2021", &cause);
	assert_non_null(form);
	assert_true(sizeof values / sizeof values[0] < form->nfields);
	d = draft_new(form);
	for (i = 0; i < sizeof values / sizeof values[0]; i++)
		assert_int_equal(draft_set(d, i, values[i], &cause), 0);
	path = xasprintf("%s/awkward.yaml", dir);
	assert_int_equal(draft_save(d, path, 0, &cause), 0);
	back = load(fd, path);
	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		if (back->answers[i] == NULL)
			fail_msg("value %zu lost", i);
		assert_string_equal(back->answers[i], values[i]);
	}
	for (; i < form->nfields; i++)
		assert_null(back->answers[i]);
	/* and saving what was loaded is byte-identical */
	first = testutil_read(path, &la);
	assert_int_equal(draft_save(back, path, 0, &cause), 0);
	second = testutil_read(path, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(first, second, la);
	/* multi-line answers are literal blocks, readable in the file */
	assert_non_null(strstr(first, "\"19.1\": |-\n    一行目\n    二行目\n"));
	free(first);
	free(second);
	free(path);
	draft_free(back);
	draft_free(d);
	testutil_rmdir(dir);
	formdir_free(fd);
}

/*
 * yaml (len bytes) is what libyaml writes when it emits, in one go, the
 * events it reads from yaml, each scalar in the style it was read in.
 */
static void
assert_one_emission(const char *yaml, size_t len)
{
	yaml_parser_t p;
	yaml_emitter_t em;
	yaml_event_t ev;
	char *out;
	size_t olen;
	FILE *fp;
	int done = 0;

	fp = xmemstream(&out, &olen);
	assert_true(yaml_parser_initialize(&p));
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, len);
	assert_true(yaml_emitter_initialize(&em));
	yaml_emitter_set_output_file(&em, fp);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
	while (!done) {
		assert_true(yaml_parser_parse(&p, &ev));
		done = ev.type == YAML_STREAM_END_EVENT;
		assert_true(yaml_emitter_emit(&em, &ev));
	}
	assert_true(yaml_emitter_flush(&em));
	yaml_emitter_delete(&em);
	yaml_parser_delete(&p);
	xmemclose(fp);
	assert_int_equal(olen, len);
	assert_memory_equal(out, yaml, len);
	free(out);
}

/*
 * draft_format writes the draft in pieces and reuses the pieces of
 * unchanged answers; the whole is still what one emission of the document
 * gives, with one "..." at the end, whatever answer comes last and
 * whether or not the fields' state follows, and after answers change.
 */
static void
test_format_pieces(void **state)
{
	static const char *const values[] = {
		"plain", "yes", "123", "- item", "key: value", "# c", "...",
		"---", "  leading", "trailing  ", "一行目\n二行目", "末尾\n",
		"二つの改行\n\n", "\n先頭", "  字下げ\n  行", "tab\there",
		"esc\x1b", "c1\xc2\x85", "…", "行\n...\n---\n行",
	};
	struct formdir *fd = testutil_formdir();
	const struct form *form;
	struct draft *d, *fresh;
	char *cause = NULL, *a, *b;
	size_t i, j, la, lb, last;

	(void)state;
	form = formdir_get(fd, "asp-saas", "2021", &cause);
	assert_non_null(form);
	last = form->nfields - 1;
	d = draft_new(form);
	a = draft_format(d, &la);
	assert_one_emission(a, la);
	free(a);
	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		for (j = 0; j < 3; j++) {
			assert_int_equal(draft_set(d, j == 0 ? 0 : last,
			    values[i], &cause), 0);
			if (j == 2)
				assert_int_equal(draft_set_note(d, last,
				    values[i], &cause), 0);
			a = draft_format(d, &la);
			assert_one_emission(a, la);
			assert_true(la >= 4 && memcmp(a + la - 4, "...\n", 4)
			    == 0);
			assert_null(strstr(a, "\n...\n...\n"));
			/* the same bytes as a draft with nothing reused */
			fresh = draft_parse("fresh.yaml", a, la, fd, &cause);
			assert_non_null(fresh);
			b = draft_format(fresh, &lb);
			assert_int_equal(la, lb);
			assert_memory_equal(a, b, la);
			free(a);
			free(b);
			draft_free(fresh);
		}
		assert_int_equal(draft_set_note(d, last, NULL, &cause), 0);
	}
	draft_free(d);
	formdir_free(fd);
}

static void
test_set_get(void **state)
{
	struct formdir *fd = testutil_formdir();
	char *src = testutil_data("complete-2021.yaml"), *cause = NULL;
	struct draft *d = load(fd, src);
	unsigned long version;

	(void)state;
	assert_string_equal(draft_get(d, testutil_field(d, "27.1")), "そらまめ帳票クラウド");
	assert_int_equal(draft_set(d, testutil_field(d, "27.1"), "別名", &cause), 0);
	assert_string_equal(draft_get(d, testutil_field(d, "27.1")), "別名");
	assert_int_equal(draft_set(d, testutil_field(d, "27.1"), "", &cause), 0);
	assert_null(draft_get(d, testutil_field(d, "27.1")));
	assert_int_equal(draft_set(d, testutil_field(d, "2.1"), "bad\xff", &cause), -1);
	assert_non_null(strstr(cause, "UTF-8"));
	free(cause);
	assert_string_equal(draft_get(d, testutil_field(d, "2.1")), "架空テック株式会社");
	/* every answer and note is stored in NFC */
	assert_int_equal(draft_set(d, testutil_field(d, "27.1"),
	    "\xe3\x82\xab\xe3\x82\x99イド", &cause), 0);
	assert_string_equal(draft_get(d, testutil_field(d, "27.1")), "ガイド");
	version = d->version[testutil_field(d, "27.1")];
	assert_int_equal(draft_set(d, testutil_field(d, "27.1"), "ガイド", &cause), 0);
	assert_int_equal(d->version[testutil_field(d, "27.1")], version);
	assert_int_equal(draft_set_note(d, testutil_field(d, "27.1"),
	    "\xe3\x81\xaf\xe3\x82\x9a", &cause), 0);
	assert_string_equal(d->notes[testutil_field(d, "27.1")], "ぱ");
	draft_free(d);
	free(src);
	formdir_free(fd);
}

/*
 * draft_migrate carries answers and field state by id and names the
 * answers it could not carry; draft_mark_renew marks only answered fields
 * the form marks to renew; a changed answer is no longer to renew.
 */
static void
test_migrate_renew(void **state)
{
	struct formdir *fd = testutil_formdir();
	const struct form *f2019 = formdir_get(fd, "asp-saas", "2019", NULL);
	const struct form *f2021 = formdir_get(fd, "asp-saas", "2021", NULL);
	struct strvec lost = STRVEC_INIT;
	struct draft *d, *m;
	char *cause = NULL;
	size_t i, n, want = 0;

	(void)state;
	assert_non_null(f2019);
	assert_non_null(f2021);
	d = draft_new(f2019);
	assert_int_equal(draft_set(d, testutil_field(d, "9.1"), "¥1", &cause), 0);
	assert_int_equal(draft_set(d, testutil_field(d, "2.1"), "架空", &cause), 0);
	assert_int_equal(draft_set_note(d, testutil_field(d, "2.1"), "確認中",
	    &cause), 0);
	m = draft_migrate(d, f2021, &lost);
	assert_int_equal(lost.n, 0);
	assert_ptr_equal(m->form, f2021);
	assert_string_equal(draft_get(m, testutil_field(m, "9.1")), "¥1");
	assert_string_equal(m->notes[testutil_field(m, "2.1")], "確認中");
	n = draft_mark_renew(m, "asp-saas 2019");
	for (i = 0; i < f2021->nfields; i++)
		want += f2021->fields[i].renew && m->answers[i] != NULL;
	assert_int_equal(n, want);
	assert_int_equal(n, 1);
	assert_string_equal(m->renew[testutil_field(m, "9.1")], "asp-saas 2019");
	assert_null(m->renew[testutil_field(m, "2.1")]);
	assert_null(m->renew[testutil_field(m, "1.1")]);	/* unanswered */
	/* the same answer again keeps the mark, another one clears it */
	assert_int_equal(draft_set(m, testutil_field(m, "9.1"), "¥1", &cause), 0);
	assert_non_null(m->renew[testutil_field(m, "9.1")]);
	assert_int_equal(draft_set(m, testutil_field(m, "9.1"), "¥2", &cause), 0);
	assert_null(m->renew[testutil_field(m, "9.1")]);
	draft_free(m);
	draft_free(d);
	strvec_free(&lost);
	formdir_free(fd);
}

/* New files are 0600; saves keep a backup; EXCL never overwrites. */
static void
test_save_files(void **state)
{
	struct formdir *fd = testutil_formdir();
	char *dir = testutil_tmpdir(), *path, *bak, *cause = NULL, *text;
	const struct form *form = formdir_get(fd, "asp-saas", "2021", &cause);
	struct draft *d = draft_new(form);
	struct stat st;
	mode_t old = umask(0);

	(void)state;
	path = xasprintf("%s/d.yaml", dir);
	bak = xasprintf("%s/d.yaml~", dir);
	assert_int_equal(draft_save(d, path, FILEIO_EXCL, &cause), 0);
	umask(old);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(access(bak, F_OK), -1);

	/* EXCL refuses an existing file and leaves it alone */
	draft_set(d, 0, "2021/6/25", &cause);
	assert_int_equal(draft_save(d, path, FILEIO_EXCL, &cause), -1);
	assert_non_null(strstr(cause, "d.yaml"));
	free(cause);
	text = testutil_read(path, NULL);
	assert_null(strstr(text, "2021/6/25"));
	free(text);

	/* a save with backup keeps the previous version beside it */
	assert_int_equal(draft_save(d, path, FILEIO_BACKUP, &cause), 0);
	text = testutil_read(bak, NULL);
	assert_null(strstr(text, "2021/6/25"));
	free(text);
	text = testutil_read(path, NULL);
	assert_non_null(strstr(text, "\"1.1\": 2021/6/25"));
	free(text);
	assert_int_equal(stat(bak, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* a directory that cannot be written: an error, the file untouched */
	if (geteuid() != 0) {
		chmod(dir, 0500);
		draft_set(d, 0, "2022/1/1", &cause);
		assert_int_equal(draft_save(d, path, FILEIO_BACKUP, &cause),
		    -1);
		free(cause);
		chmod(dir, 0700);
		text = testutil_read(path, NULL);
		assert_non_null(strstr(text, "2021/6/25"));
		free(text);
	}
	/* a missing directory: an error naming the file */
	free(path);
	path = xasprintf("%s/no/such/d.yaml", dir);
	assert_int_equal(draft_save(d, path, 0, &cause), -1);
	assert_non_null(strstr(cause, "no/such/d.yaml"));
	free(cause);

	free(path);
	free(bak);
	draft_free(d);
	testutil_rmdir(dir);
	formdir_free(fd);
}

static const struct {
	const char	*file;
	const char	*where;
	const char	*what;
} bad_drafts[] = {
	{ "syntax.yaml", ":6:1: ", "invalid YAML" },
	{ "not-utf8.yaml", ":5:12: ", "invalid UTF-8" },
	{ "utf16.yaml", ":1:1: ", "invalid UTF-8" },
	{ "unknown-form.yaml", ":2:7: ", "unknown form 'iaas-paas'" },
	{ "unknown-edition.yaml", ":2:7: ", "edition '2030'" },
	{ "unknown-id.yaml", ":6:3: ", "unknown field id '99.1'" },
	{ "noncanonical-id.yaml", ":5:3: ", "unknown field id '5.01'" },
	{ "wrong-type.yaml", ":6:5: ", "must be text" },
	{ "alias.yaml", ":5:10: ", "anchors are not allowed" },
	{ "no-version.yaml", ": ", "not a kaiji draft" },
	{ "bad-version.yaml", ":1:14: ", "unsupported draft version" },
	{ "dup-id.yaml", ":6:3: ", "duplicate key '2.1'" },
	{ "dup-id-large.yaml", ":17:3: ", "duplicate key '7.1'" },
	{ "answers-not-map.yaml", ":5:3: ", "must be a mapping" },
	{ "unknown-key.yaml", ":6:1: ", "unknown key 'colour'" },
	{ "empty.yaml", ": ", "empty file" },
	{ "tag.yaml", ":5:10: ", "tags are not allowed" },
	{ "nul.yaml", ":5:11: ", "NUL byte" },
	{ "control-char.yaml", ":5:11: ", "control characters" },
	{ "multi-doc.yaml", ":6:1: ", "more than one YAML document" },
	{ "path-form.yaml", ":2:7: ", "unknown form" },
	{ "no-form.yaml", ": ", "which form and edition" },
	{ "cut-v2.yaml", ": ", "the draft is cut short" },
	{ "cut-v2-head.yaml", ": ", "the draft is cut short" },
	{ "fields-unknown-key.yaml", ":8:5: ", "unknown key 'colour'" },
};

static void
test_bad_drafts(void **state)
{
	struct formdir *fd = testutil_formdir();
	struct draft *d;
	struct stat before, after;
	char *path, *cause, *expect, *text_before, *text_after, name[128];
	size_t i, lb, la;

	(void)state;
	for (i = 0; i < sizeof bad_drafts / sizeof bad_drafts[0]; i++) {
		snprintf(name, sizeof name, "../bad/drafts/%s", bad_drafts[i].file);
		path = testutil_data(name);
		assert_int_equal(stat(path, &before), 0);
		text_before = testutil_read(path, &lb);
		cause = NULL;
		d = draft_load(path, fd, &cause);
		if (d != NULL)
			fail_msg("%s loaded", bad_drafts[i].file);
		expect = xasprintf("%s%s", path, bad_drafts[i].where);
		if (strncmp(cause, expect, strlen(expect)) != 0 ||
		    strstr(cause, bad_drafts[i].what) == NULL ||
		    strchr(cause, '\n') != NULL)
			fail_msg("%s: got \"%s\"", bad_drafts[i].file, cause);
		assert_int_equal(stat(path, &after), 0);
		text_after = testutil_read(path, &la);
		assert_int_equal(la, lb);
		assert_memory_equal(text_before, text_after, la);
		assert_true(before.st_mtim.tv_sec == after.st_mtim.tv_sec &&
		    before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
		free(text_before);
		free(text_after);
		free(expect);
		free(cause);
		free(path);
	}
	formdir_free(fd);
}

/*
 * The size rule: a draft that would be larger than DRAFT_MAX_SIZE is not
 * saved (nothing is written), one a little smaller is, and one larger, up
 * to DRAFT_READ_MAX, is read.
 */
static void
test_size_rule(void **state)
{
	struct formdir *fd = testutil_formdir();
	const struct form *form;
	struct draft *d, *back;
	char *dir = testutil_tmpdir(), *path, *cause = NULL, *big, *buf;
	size_t len, half = DRAFT_MAX_SIZE / 2 + 1;

	(void)state;
	form = formdir_newest(fd, "asp-saas", &cause);
	assert_non_null(form);
	d = draft_new(form);
	big = xmalloc(half + 1);
	memset(big, 'a', half);
	big[half] = '\0';
	path = xasprintf("%s/d.yaml", dir);
	assert_int_equal(draft_set(d, testutil_field(d, "5.1"), big, &cause),
	    0);
	assert_true(draft_fits(d, (size_t)-1, NULL));
	assert_int_equal(draft_save(d, path, FILEIO_EXCL, &cause), 0);
	assert_false(draft_fits(d, testutil_field(d, "31.1"), big));
	assert_int_equal(draft_set(d, testutil_field(d, "31.1"), big, &cause),
	    0);
	assert_false(draft_fits(d, (size_t)-1, NULL));
	assert_true(draft_fits(d, testutil_field(d, "31.1"), NULL));
	assert_int_equal(draft_save(d, path, FILEIO_BACKUP, &cause), -1);
	assert_non_null(strstr(cause, "not saved: the draft would be"));
	free(cause);
	back = draft_load(path, fd, &cause);
	assert_non_null(back);
	assert_null(back->answers[testutil_field(back, "31.1")]);
	draft_free(back);
	/* what no save writes is still read */
	buf = draft_format(d, &len);
	assert_true(len > DRAFT_MAX_SIZE && len <= DRAFT_READ_MAX);
	assert_int_equal(fileio_replace(path, buf, len, 0, &cause), 0);
	back = draft_load(path, fd, &cause);
	assert_non_null(back);
	assert_string_equal(back->answers[testutil_field(back, "31.1")], big);
	draft_free(back);
	free(buf);
	free(big);
	free(path);
	draft_free(d);
	testutil_rmdir(dir);
	formdir_free(fd);
}

/* Oversized files, directories and FIFOs are refused without blocking. */
static void
test_not_drafts(void **state)
{
	struct formdir *fd = testutil_formdir();
	char *dir = testutil_tmpdir(), *path, *cause = NULL;
	FILE *fp;
	size_t i;

	(void)state;
	path = xasprintf("%s/big.yaml", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("kaiji-draft: 1\nform: asp-saas\nedition: \"2021\"\nanswers:\n"
	    "  \"2.1\": ", fp);
	for (i = 0; i < DRAFT_READ_MAX / 64 + 1; i++)
		fputs("ああああああああああああああああああああ\n    ", fp);
	fclose(fp);
	assert_null(draft_load(path, fd, &cause));
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	assert_null(draft_load(dir, fd, &cause));
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	free(path);
	path = xasprintf("%s/fifo.yaml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_null(draft_load(path, fd, &cause));
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	free(path);
	path = xasprintf("%s/missing.yaml", dir);
	assert_null(draft_load(path, fd, &cause));
	assert_non_null(strstr(cause, "missing.yaml: "));
	free(cause);
	free(path);
	testutil_rmdir(dir);
	formdir_free(fd);
}

/* A UTF-8 BOM and CRLF line ends are read; the answer has no CR. */
static void
test_bom_crlf(void **state)
{
	struct formdir *fd = testutil_formdir();
	char *src = testutil_data("bom-crlf-2021.yaml");
	struct draft *d = load(fd, src);

	(void)state;
	assert_string_equal(draft_get(d, testutil_field(d, "2.1")), "ok");
	draft_free(d);
	free(src);
	formdir_free(fd);
}

/* Whether a and b hold the same answers and field state. */
static int
same_draft(const struct draft *a, const struct draft *b)
{
	const char *const *x[3], *const *y[3];
	size_t i, k;

	if (a->form != b->form)
		return 0;
	x[0] = (const char *const *)a->answers;
	x[1] = (const char *const *)a->renew;
	x[2] = (const char *const *)a->notes;
	y[0] = (const char *const *)b->answers;
	y[1] = (const char *const *)b->renew;
	y[2] = (const char *const *)b->notes;
	for (k = 0; k < 3; k++) {
		for (i = 0; i < a->form->nfields; i++) {
			if ((x[k][i] == NULL) != (y[k][i] == NULL) ||
			    (x[k][i] != NULL && strcmp(x[k][i], y[k][i]) != 0))
				return 0;
		}
	}
	return 1;
}

/*
 * Cut text (len bytes, complete once its first complete bytes are there)
 * at every byte: each shorter text fails naming path and its backup,
 * each longer one loads as the whole.  Returns how many loaded.
 */
static size_t
cut_everywhere(struct formdir *fd, const char *path, const char *text,
    size_t len, size_t complete)
{
	struct draft *whole, *d;
	char *cause = NULL, *backup = xasprintf("%s~", path), *buf;
	size_t k, loaded = 0;

	whole = draft_parse(path, text, len, fd, &cause);
	if (whole == NULL)
		fail_msg("%s", cause);
	for (k = 0; k < len; k++) {
		buf = xmalloc(k + 1);
		memcpy(buf, text, k);
		buf[k] = '\0';
		cause = NULL;
		d = draft_parse(path, buf, k, fd, &cause);
		if (k < complete) {
			if (d != NULL)
				fail_msg("%s cut at %zu of %zu loaded", path, k,
				    len);
			if (strncmp(cause, path, strlen(path)) != 0 ||
			    strstr(cause, backup) == NULL ||
			    strstr(cause, "cut short") == NULL)
				fail_msg("cut at %zu: \"%s\"", k, cause);
			free(cause);
		} else {
			if (d == NULL)
				fail_msg("%s cut at %zu: \"%s\"", path, k,
				    cause);
			if (!same_draft(d, whole))
				fail_msg("%s cut at %zu: different", path, k);
			loaded++;
		}
		draft_free(d);
		free(buf);
	}
	draft_free(whole);
	free(backup);
	return loaded;
}

/*
 * Three drafts cut at every byte offset: the complete test draft, a draft
 * with every kind of field state and awkward answers, and a hand-edited
 * one (BOM, CR LF, a comment after the end marker).
 */
static void
test_cut_short(void **state)
{
	static const char edited[] = "\xef\xbb\xbfkaiji-draft: 2\r\n"
	    "# edited by hand\r\nform: asp-saas\r\nedition: \"2021\"\r\n"
	    "answers:\r\n  \"2.1\": 架空テック株式会社\r\n  \"30.1\": |\r\n"
	    "    一行目\r\n    二行目\r\nfields:\r\n  \"2.1\": {note: 確認中}\r\n"
	    "...  # end\r\n# more\r\n\r\n";
	struct formdir *fd = testutil_formdir();
	const struct form *form;
	char *src = testutil_data("complete-2021.yaml"), *text, *cause = NULL;
	struct draft *d;
	size_t len, i;

	(void)state;
	text = testutil_read(src, &len);
	/* only the final line break may go */
	assert_int_equal(cut_everywhere(fd, src, text, len, len - 1), 1);
	free(text);

	form = formdir_get(fd, "asp-saas", "2021", &cause);
	assert_non_null(form);
	d = draft_new(form);
	for (i = 0; i < form->nfields; i += 3) {
		assert_int_equal(draft_set(d, i, i % 2 ? "末尾の改行\n" :
		    "yes", &cause), 0);
		draft_set_renew(d, i, "asp-saas 2019");
		if (i % 4 == 0)
			assert_int_equal(draft_set_note(d, i, "財務に確認中\n"
			    "二行目", &cause), 0);
	}
	text = draft_format(d, &len);
	assert_int_equal(cut_everywhere(fd, "state.yaml", text, len, len - 1),
	    1);
	free(text);
	draft_free(d);

	len = sizeof edited - 1;
	i = (size_t)(strstr(edited, "...") - edited) + 3;
	assert_int_equal(cut_everywhere(fd, "edited.yaml", edited, len, i),
	    len - i);
	free(src);
	formdir_free(fd);
}

/* Renew marks and notes: saved, loaded, cleared as draft.h says. */
static void
test_field_state(void **state)
{
	struct formdir *fd = testutil_formdir();
	char *src = testutil_data("complete-2021.yaml"), *cause = NULL;
	char *dir = testutil_tmpdir(), *path, *text;
	struct draft *d = load(fd, src), *back;
	size_t f11, f21, f81, n, i, len;

	(void)state;
	f11 = testutil_field(d, "1.1");
	f21 = testutil_field(d, "2.1");
	f81 = testutil_field(d, "8.1");
	/* only answered fields the form marks */
	n = draft_mark_renew(d, "asp-saas 2019");
	for (i = 0; i < d->form->nfields; i++)
		assert_true((d->renew[i] != NULL) ==
		    (d->form->fields[i].renew && d->answers[i] != NULL));
	assert_non_null(d->renew[f11]);
	assert_null(d->renew[f21]);
	assert_true(n > 0);
	/* the same answer keeps the mark, another one clears it */
	assert_int_equal(draft_set(d, f11, draft_get(d, f11), &cause), 0);
	assert_string_equal(d->renew[f11], "asp-saas 2019");
	assert_int_equal(draft_set_note(d, f21, "法務に確認中", &cause), 0);
	assert_int_equal(draft_set_note(d, f81, "bad\xff", &cause), -1);
	free(cause);
	assert_null(d->notes[f81]);
	path = xasprintf("%s/state.yaml", dir);
	assert_int_equal(draft_save(d, path, 0, &cause), 0);
	text = testutil_read(path, &len);
	assert_non_null(strstr(text, "fields:\n  \"1.1\":\n    renew: asp-saas "
	    "2019\n"));
	assert_non_null(strstr(text, "  \"2.1\":\n    note: 法務に確認中\n"));
	assert_true(len > 4 && memcmp(text + len - 4, "...\n", 4) == 0);
	free(text);
	back = load(fd, path);
	assert_true(same_draft(d, back));
	assert_int_equal(draft_set(back, f11, "2023/7/1", &cause), 0);
	assert_null(back->renew[f11]);
	draft_set_renew(back, f11, "x");
	assert_int_equal(draft_set(back, f11, "", &cause), 0);
	assert_null(back->renew[f11]);
	assert_int_equal(draft_set_note(back, f21, "", &cause), 0);
	assert_null(back->notes[f21]);
	draft_free(back);
	draft_free(d);
	free(path);
	free(src);
	testutil_rmdir(dir);
	formdir_free(fd);
}

/* A version 1 draft loads, and saves as version 2 with the same answers. */
static void
test_version_1(void **state)
{
	struct formdir *fd = testutil_formdir();
	char *v1 = testutil_data("v1-2021.yaml");
	char *v2 = testutil_data("complete-2021.yaml");
	char *dir = testutil_tmpdir(), *path, *cause = NULL, *a, *b;
	struct draft *d = load(fd, v1);
	size_t la, lb;

	(void)state;
	a = testutil_read(v1, &la);
	assert_non_null(strstr(a, "kaiji-draft: 1\n"));
	assert_null(strstr(a, "\n..."));
	free(a);
	path = xasprintf("%s/v.yaml", dir);
	assert_int_equal(draft_save(d, path, 0, &cause), 0);
	a = testutil_read(path, &la);
	b = testutil_read(v2, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	free(a);
	free(b);
	free(path);
	draft_free(d);
	free(v1);
	free(v2);
	testutil_rmdir(dir);
	formdir_free(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_awkward_values),
		cmocka_unit_test(test_format_pieces),
		cmocka_unit_test(test_set_get),
		cmocka_unit_test(test_save_files),
		cmocka_unit_test(test_bad_drafts),
		cmocka_unit_test(test_not_drafts),
		cmocka_unit_test(test_size_rule),
		cmocka_unit_test(test_cut_short),
		cmocka_unit_test(test_field_state),
		cmocka_unit_test(test_version_1),
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_migrate_renew),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
