/*
 * test-formcache: the compiled form cache.  A form read from the cache
 * (form->blob set) must equal the form parsed from its YAML; the cache file
 * is 0600; a change to the form file or to a file of its base chain makes
 * the cache stale; a truncated or damaged cache file is ignored, and one
 * changed on purpose (checksum made to match) still gives a well-formed
 * form (memory-safe under the sanitizers).  A form read from libyaml's
 * events (the start with no cache) must equal the form of the ynode tree,
 * and the events reader must decline every file the tree refuses.
 * XDG_CACHE_HOME points into a
 * temporary directory, so the tests never touch a real cache.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fileio.h"
#include "form-events.h"
#include "form.h"
#include "formcache.h"
#include "formdir.h"
#include "testutil.h"
#include "xalloc.h"

static char	*tmp, *dir, *p2021, *p2019;

static void
write_file(const char *path, const char *buf, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(buf, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

static void
copy_file(const char *from, const char *to)
{
	size_t len;
	char *buf = testutil_read(from, &len);

	write_file(to, buf, len);
	free(buf);
}

/* Replace the first occurrence of old in the file by new. */
static void
edit_file(const char *path, const char *old, const char *new)
{
	size_t len;
	char *buf = testutil_read(path, &len), *at, *out;

	at = strstr(buf, old);
	assert_non_null(at);
	out = xasprintf("%.*s%s%s", (int)(at - buf), buf, new,
	    at + strlen(old));
	write_file(path, out, strlen(out));
	free(out);
	free(buf);
}

static int
setup(void **state)
{
	char *forms;

	(void)state;
	tmp = testutil_tmpdir();
	dir = xasprintf("%s/forms", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	p2021 = xasprintf("%s/asp-saas-2021.yaml", dir);
	p2019 = xasprintf("%s/asp-saas-2019.yaml", dir);
	forms = getenv("KAIJI_FORMS_DIR");
	assert_non_null(forms);
	{
		char *a = xasprintf("%s/asp-saas-2021.yaml", forms);
		char *b = xasprintf("%s/asp-saas-2019.yaml", forms);

		copy_file(a, p2021);
		copy_file(b, p2019);
		free(a);
		free(b);
	}
	{
		char *cache = xasprintf("%s/cache", tmp);

		setenv("XDG_CACHE_HOME", cache, 1);
		free(cache);
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	testutil_rmdir(tmp);
	free(dir);
	free(p2021);
	free(p2019);
	return 0;
}

static int
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Every member of two forms, deeply. */
static void
assert_same_form(const struct form *a, const struct form *b)
{
	size_t i, j;

	assert_string_equal(a->path, b->path);
	assert_string_equal(a->name, b->name);
	assert_string_equal(a->edition, b->edition);
	assert_string_equal(a->title, b->title);
	assert_true(str_eq(a->subtitle, b->subtitle));
	assert_int_equal(a->service, b->service);
	assert_int_equal(a->company, b->company);
	assert_int_equal(a->nsections, b->nsections);
	for (i = 0; i < a->nsections; i++) {
		assert_string_equal(a->sections[i].title, b->sections[i].title);
		assert_int_equal(a->sections[i].first, b->sections[i].first);
		assert_int_equal(a->sections[i].nitems, b->sections[i].nitems);
	}
	assert_int_equal(a->nitems, b->nitems);
	for (i = 0; i < a->nitems; i++) {
		const struct form_item *x = &a->items[i], *y = &b->items[i];

		assert_int_equal(x->no, y->no);
		assert_true(str_eq(x->category, y->category));
		assert_string_equal(x->name, y->name);
		assert_int_equal(x->limit, y->limit);
		assert_int_equal(x->section, y->section);
		assert_int_equal(x->page, y->page);
		assert_int_equal(x->first, y->first);
		assert_int_equal(x->nfields, y->nfields);
	}
	assert_int_equal(a->nfields, b->nfields);
	for (i = 0; i < a->nfields; i++) {
		const struct form_field *x = &a->fields[i], *y = &b->fields[i];

		assert_string_equal(x->id, y->id);
		assert_int_equal(x->index, y->index);
		assert_int_equal(x->item, y->item);
		assert_int_equal(x->row, y->row);
		assert_string_equal(x->text, y->text);
		assert_int_equal(x->mark, y->mark);
		assert_ptr_equal(x->type, y->type);
		assert_int_equal(x->limit, y->limit);
		assert_int_equal(x->nchoices, y->nchoices);
		for (j = 0; j < x->nchoices; j++)
			assert_string_equal(x->choices[j], y->choices[j]);
		assert_int_equal(x->multiline, y->multiline);
		assert_int_equal(x->renew, y->renew);
	}
	assert_int_equal(a->npages, b->npages);
	for (i = 0; i < a->npages; i++)
		assert_int_equal(a->pages[i], b->pages[i]);
	assert_int_equal(a->nnotes, b->nnotes);
	for (i = 0; i < a->nnotes; i++)
		assert_string_equal(a->notes[i], b->notes[i]);
}

/* The invariants of form.h, for a form read from a damaged cache. */
static void
assert_well_formed(const struct form *f)
{
	size_t i, j, nf = 0, ni = 0;

	assert_true(f->nitems > 0 && f->nfields > 0 && f->npages > 0);
	for (i = 0; i < f->nsections; i++) {
		assert_int_equal(f->sections[i].first, ni);
		ni += f->sections[i].nitems;
	}
	assert_int_equal(ni, f->nitems);
	for (i = 0; i < f->nitems; i++) {
		assert_int_equal(f->items[i].no, i + 1);
		assert_int_equal(f->items[i].first, nf);
		assert_true(f->items[i].section < f->nsections);
		assert_true(f->items[i].page < f->npages);
		for (j = 0; j < f->items[i].nfields; j++) {
			assert_int_equal(f->fields[nf].item, i);
			assert_int_equal(f->fields[nf].index, nf);
			assert_non_null(f->fields[nf].type);
			assert_non_null(f->fields[nf].text);
			assert_ptr_equal(form_field(f, f->fields[nf].id),
			    &f->fields[nf]);
			nf++;
		}
	}
	assert_int_equal(nf, f->nfields);
	assert_true(f->service == (size_t)-1 || f->service < f->nfields);
	assert_true(f->company == (size_t)-1 || f->company < f->nfields);
}

/* The form parsed from its YAML, without the cache. */
static struct form *
parsed(const char *path)
{
	char *cause = NULL;
	struct form *form = form_load(path, &cause);

	if (form == NULL)
		fail_msg("%s", cause);
	return form;
}

/*
 * Load an edition through a fresh form directory (which uses the cache),
 * check it against the parsed form, and say whether it came from the
 * cache.
 */
static int
load_check(const char *edition, const char *path)
{
	struct formdir *fd = formdir_open(dir);
	const struct form *form;
	struct form *ref = parsed(path);
	char *cause = NULL;
	int cached;

	form = formdir_get(fd, "asp-saas", edition, &cause);
	if (form == NULL)
		fail_msg("%s", cause);
	assert_same_form(form, ref);
	cached = form->blob != NULL;
	form_free(ref);
	formdir_free(fd);
	return cached;
}

static void
test_written_and_used(void **state)
{
	struct stat st;
	char *file = formcache_file(p2021);

	(void)state;
	assert_non_null(file);
	unlink(file);
	umask(0);
	assert_false(load_check("2021", p2021));	/* parsed, written */
	umask(022);
	assert_int_equal(lstat(file, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_true(load_check("2021", p2021));	/* from the cache */
	assert_true(load_check("2021", p2021));
	free(file);
}

static void
test_stale_after_change(void **state)
{
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { 1000000000, 0 } };
	struct formdir *fd;
	const struct form *form;
	char *cause = NULL;

	(void)state;
	load_check("2021", p2021);
	assert_true(load_check("2021", p2021));
	/* same size, other text, and an mtime surely different */
	edit_file(p2021, "subtitle: 認定サービスの申請内容",
	    "subtitle: 認定サービスの申請内訳");
	assert_int_equal(utimensat(AT_FDCWD, p2021, ts, 0), 0);
	assert_false(load_check("2021", p2021));
	assert_true(load_check("2021", p2021));
	fd = formdir_open(dir);
	form = formdir_get(fd, "asp-saas", "2021", &cause);
	assert_non_null(form);
	assert_string_equal(form->subtitle, "認定サービスの申請内訳");
	formdir_free(fd);
}

static void
test_base_chain(void **state)
{
	struct formdir *fd;
	const struct form *form;
	char *cause = NULL;

	(void)state;
	load_check("2019", p2019);
	assert_true(load_check("2019", p2019));
	/* 2019 takes its title from its base, 2021 */
	edit_file(p2021, "title: ASP・SaaS安全",
	    "title: ASP・SaaS安全性");
	assert_false(load_check("2019", p2019));
	fd = formdir_open(dir);
	form = formdir_get(fd, "asp-saas", "2019", &cause);
	assert_non_null(form);
	assert_non_null(strstr(form->title, "安全性"));
	formdir_free(fd);
	assert_true(load_check("2019", p2019));
	/* the base replaced by a copy of the same size and mtime */
	{
		char *copy = xasprintf("%s/copy.yaml", tmp);
		struct stat st;
		struct timespec ts[2];

		assert_int_equal(stat(p2021, &st), 0);
		copy_file(p2021, copy);
		ts[0] = st.st_atim;
		ts[1] = st.st_mtim;
		assert_int_equal(utimensat(AT_FDCWD, copy, ts, 0), 0);
		assert_int_equal(rename(copy, p2021), 0);
		free(copy);
	}
	assert_false(load_check("2019", p2019));
	assert_true(load_check("2019", p2019));
}

static void
test_damaged(void **state)
{
	struct formdir *fd;
	const struct form *form;
	char *file = formcache_file(p2021), *good, *bad, *cause;
	size_t len, i, step;

	(void)state;
	load_check("2021", p2021);
	assert_true(load_check("2021", p2021));
	good = testutil_read(file, &len);
	assert_true(len > 1000);
	/* truncated anywhere: ignored, the YAML parsed, the cache rewritten */
	step = getenv("KAIJI_TEST_THOROUGH") != NULL ? 1 : 211;
	for (i = 0; i < len; i += step) {
		write_file(file, good, i);
		assert_false(load_check("2021", p2021));
		assert_true(load_check("2021", p2021));
	}
	/* one byte changed anywhere: caught by the checksum, ignored */
	bad = xmalloc(len);
	for (i = 0; i < len; i += step / 4 + 1) {
		memcpy(bad, good, len);
		bad[i] ^= (char)(i % 2 == 0 ? 0xff : 0x01);
		write_file(file, bad, len);
		assert_false(load_check("2021", p2021));
	}
	/*
	 * one byte changed and the checksum made to match (a file made on
	 * purpose): still a well-formed form, or the YAML parsed instead
	 */
	for (i = 0; i + 8 < len; i += step / 4 + 1) {
		uint64_t sum;

		memcpy(bad, good, len);
		bad[i] ^= (char)(i % 2 == 0 ? 0xff : 0x01);
		sum = formcache_sum(bad, len - 8);
		memcpy(bad + len - 8, &sum, 8);
		write_file(file, bad, len);
		fd = formdir_open(dir);
		cause = NULL;
		form = formdir_get(fd, "asp-saas", "2021", &cause);
		if (form == NULL)
			fail_msg("%s", cause);
		assert_well_formed(form);
		formdir_free(fd);
	}
	/*
	 * invalid UTF-8 in a string, the checksum made to match: the cache
	 * is refused as form.c refuses such a form file, and the YAML read
	 */
	{
		char *at = memmem(good, len, "\xe3\x83\xbb", 3);	/* ・ */
		uint64_t sum;

		assert_non_null(at);
		memcpy(bad, good, len);
		bad[at - good] = (char)0xff;
		sum = formcache_sum(bad, len - 8);
		memcpy(bad + len - 8, &sum, 8);
		write_file(file, bad, len);
		assert_false(load_check("2021", p2021));
		assert_true(load_check("2021", p2021));
	}
	/* a symbolic link, even to a good cache file: ignored */
	{
		char *other = xasprintf("%s/other", tmp);

		write_file(other, good, len);
		unlink(file);
		assert_int_equal(symlink(other, file), 0);
		assert_false(load_check("2021", p2021));
		free(other);
	}
	assert_true(load_check("2021", p2021));
	free(bad);
	free(good);
	free(file);
}

/*
 * The form in buf read from its events and through the tree (the same
 * bytes after a byte order mark, which the events reader declines), at
 * the same path: when the events reader takes it, the tree gives the same
 * form; with fast, it must take it.
 */
static void
events_as_tree(const char *buf, size_t len, int fast, const char *what)
{
	char *path = xasprintf("%s/events.yaml", tmp), *bom, *cause = NULL;
	struct form *tree, *ev;

	bom = xmalloc(len + 3);
	memcpy(bom, "\xef\xbb\xbf", 3);
	memcpy(bom + 3, buf, len);
	write_file(path, bom, len + 3);
	free(bom);
	tree = form_load(path, &cause);
	ev = form_events_parse(path, buf, len);
	if (fast && ev == NULL)
		fail_msg("%s: declined", what);
	if (ev != NULL && tree == NULL)
		fail_msg("%s: taken, but the tree says %s", what, cause);
	if (ev != NULL)
		assert_same_form(ev, tree);
	form_free(ev);
	form_free(tree);
	free(cause);
	unlink(path);
	free(path);
}

static void
test_events(void **state)
{
	static const char other_order[] =
	    "sections:\n"
	    "  - items:\n"
	    "      - number: 1\n"
	    "        fields:\n"
	    "          - choices: [甲, 乙]\n"
	    "            type: choice\n"
	    "            text: 種別\n"
	    "            mark: 必須○\n"
	    "          - {renew: true, text: \"日付\", type: date, "
	    "multiline: true}\n"
	    "          - {text: 'x', mark: 選択, limit: 200}\n"
	    "        name: 一\n"
	    "        limit: 500\n"
	    "    title: 甲\n"
	    "  - title: 乙\n"
	    "    items:\n"
	    "      - {number: 2, category: 分類, name: 二, fields: [{text: y, "
	    "mark: 必須, type: yesno}]}\n"
	    "header: {company: \"2\", service: \"1.2\"}\n"
	    "pages: [1, 2]\n"
	    "count: zenkaku\n"
	    "notes: [注]\n"
	    "title: 題\n"
	    "edition: \"9\"\n"
	    "form: f\n"
	    "kaiji-form: 1\n";
	static const char *const declined[] = {
		"kaiji-form: 1\nform: f\nedition: e\ntitle: t\n"
		"sections: [{title: s, items: [{fields: [{text: a, mark: 必須}],"
		" number: 1, name: n}]}]\n",	/* fields before number */
		"kaiji-form: 1\nform: f\nedition: e\ntitle: !!str t\n"
		"sections: [{title: s, items: [{number: 1, name: n, fields: "
		"[{text: a, mark: 必須}]}]}]\n",	/* a tag */
	};
	char *forms = getenv("KAIJI_FORMS_DIR"), *bad, *path, *buf;
	struct dirent *de;
	size_t i, len;
	DIR *d;

	(void)state;
	buf = testutil_read(p2021, &len);
	events_as_tree(buf, len, 1, p2021);
	free(buf);
	events_as_tree(other_order, sizeof other_order - 1, 1, "other order");
	for (i = 0; i < sizeof declined / sizeof declined[0]; i++)
		events_as_tree(declined[i], strlen(declined[i]), 0, "declined");
	/* every bad form: declined where the tree gives its error */
	assert_non_null(forms);
	bad = xasprintf("%s/../tests/bad/forms", forms);
	assert_non_null(d = opendir(bad));
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", bad, de->d_name);
		buf = testutil_read(path, &len);
		events_as_tree(buf, len, 0, path);
		free(buf);
		free(path);
	}
	closedir(d);
	free(bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_written_and_used),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_stale_after_change),
		cmocka_unit_test(test_base_chain),
		cmocka_unit_test(test_damaged),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
