/*
 * formcache: compiled copies of loaded forms.  See formcache.h.
 *
 * The file is the magic line (format and kaiji version), then in native
 * byte order: the chain of files (a count, then per file its path, device,
 * inode, size and mtime in ns), the counts of sections, items, fields,
 * pages and notes, each section with its items inline and each item with
 * its fields inline, the page starts, the header fields and the notes.
 * Strings are a 32-bit length, the bytes and a NUL.  The last 8 bytes are
 * a checksum of the rest (formcache_sum), against damage; the checks that
 * follow it hold against any contents.  What can be derived
 * (item numbers, field ids, indexes, the section and page of an item) is
 * not stored but rebuilt, so a cached form meets every invariant of
 * form.h by construction; what is stored is checked as form.c checks it.
 * The cached form's strings point into the file's bytes (form->blob).
 * The format number in the magic line changes whenever what is written
 * changes, so that no build reads another build's layout.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "form.h"
#include "formcache.h"
#include "ftype.h"
#include "limit.h"
#include "text.h"
#include "xalloc.h"
#include "xdg.h"

#define FORMCACHE_MAGIC	"kaiji form cache 2 " PACKAGE_VERSION "\n"
#define FORMCACHE_NONE		0xffffffffU

struct formcache_out {
	char		*buf;
	size_t		 len, cap;
};

struct formcache_in {
	char		*buf;
	size_t		 len, off;
	int		 bad;
};

/*
 * A checksum of p[0..n): 64-bit words (then bytes) mixed by steps that are
 * each one-to-one, so any one word changed changes the sum.
 */
uint64_t
formcache_sum(const char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL, w;
	size_t i;

	for (i = 0; i + sizeof w <= n; i += sizeof w) {
		memcpy(&w, p + i, sizeof w);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return h;
}

/*
 * The cache file for the form file at path, "form-<FNV-1a hash of the
 * path>" in the cache directory (caller frees), or NULL when there is no
 * cache directory (neither $XDG_CACHE_HOME nor $HOME is absolute).
 */
char *
formcache_file(const char *path)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const unsigned char *p;
	char leaf[32], *file;

	for (p = (const unsigned char *)path; *p != '\0'; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	snprintf(leaf, sizeof leaf, "form-%016llx", (unsigned long long)h);
	file = xdg_path("XDG_CACHE_HOME", ".cache", leaf);
	if (*file != '/') {
		free(file);
		return NULL;
	}
	return file;
}

static void
formcache_put_bytes(struct formcache_out *o, const void *p, size_t n)
{
	if (o->len + n > o->cap) {
		while (o->len + n > o->cap)
			o->cap = o->cap == 0 ? 32768 : o->cap * 2;
		o->buf = xrealloc(o->buf, o->cap);
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static void
formcache_put_u32(struct formcache_out *o, size_t v)
{
	uint32_t u = v == (size_t)-1 ? FORMCACHE_NONE : (uint32_t)v;

	formcache_put_bytes(o, &u, sizeof u);
}

static void
formcache_put_u64(struct formcache_out *o, unsigned long long v)
{
	uint64_t u = v;

	formcache_put_bytes(o, &u, sizeof u);
}

/* A string, or NULL. */
static void
formcache_put_str(struct formcache_out *o, const char *s)
{
	if (s == NULL) {
		formcache_put_u32(o, FORMCACHE_NONE);
		return;
	}
	formcache_put_u32(o, strlen(s));
	formcache_put_bytes(o, s, strlen(s) + 1);
}

/* The next n bytes into p (zeros, and in->bad set, past the end). */
static void
formcache_take(struct formcache_in *in, void *p, size_t n)
{
	if (in->len - in->off < n) {
		in->bad = 1;
		memset(p, 0, n);
		return;
	}
	memcpy(p, in->buf + in->off, n);
	in->off += n;
}

static uint32_t
formcache_u32(struct formcache_in *in)
{
	uint32_t u;

	formcache_take(in, &u, sizeof u);
	return u;
}

static unsigned long long
formcache_u64(struct formcache_in *in)
{
	uint64_t u;

	formcache_take(in, &u, sizeof u);
	return u;
}

/* A count of things each taking at least size bytes of what is left. */
static size_t
formcache_count(struct formcache_in *in, size_t size)
{
	uint32_t n = formcache_u32(in);

	if (n > (in->len - in->off) / size) {
		in->bad = 1;
		return 0;
	}
	return n;
}

/*
 * A string in the buffer: NUL-terminated where the length says, valid
 * UTF-8 (as ynode's text_guard requires of a form file), no control
 * characters (as form.c's form_str and form_ident require).  NULL when
 * absent (if null_ok) or bad.
 */
static char *
formcache_str(struct formcache_in *in, int null_ok)
{
	uint32_t n = formcache_u32(in);
	const unsigned char *p;
	char *s;
	size_t i;

	if (in->bad)
		return NULL;
	if (n == FORMCACHE_NONE) {
		in->bad |= !null_ok;
		return NULL;
	}
	if (n >= in->len - in->off || in->buf[in->off + n] != '\0') {
		in->bad = 1;
		return NULL;
	}
	s = in->buf + in->off;
	p = (const unsigned char *)s;
	if (text_invalid(s, n) != n) {
		in->bad = 1;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7f) {
			in->bad = 1;
			return NULL;
		}
	}
	in->off += n + 1;
	return s;
}

/* "<no>.<row>" into id (16 bytes; no <= 9999, row <= 99). */
static void
formcache_id(char *id, unsigned no, unsigned row)
{
	char tmp[16];
	size_t n = 0, k = 0;

	do
		tmp[n++] = (char)('0' + row % 10);
	while ((row /= 10) != 0);
	tmp[n++] = '.';
	do
		tmp[n++] = (char)('0' + no % 10);
	while ((no /= 10) != 0);
	while (n > 0)
		id[k++] = tmp[--n];
	id[k] = '\0';
}

/* Whether the chain of files recorded matches the file system now. */
static int
formcache_chain(struct formcache_in *in, const char *path, char **first)
{
	struct form_file now;
	unsigned long long dev, ino, size, mtime;
	size_t n, i;
	char *p;

	n = formcache_u32(in);
	if (n == 0 || n > FORM_MAX_BASES + 1)
		return -1;
	for (i = 0; i < n; i++) {
		p = formcache_str(in, 0);
		dev = formcache_u64(in);
		ino = formcache_u64(in);
		size = formcache_u64(in);
		mtime = formcache_u64(in);
		if (in->bad || (i == 0 && strcmp(p, path) != 0) ||
		    form_file_stat(p, &now) != 0 || now.dev != dev ||
		    now.ino != ino || now.size != size ||
		    (unsigned long long)now.mtime_ns != mtime)
			return -1;
		if (i == 0)
			*first = p;
	}
	return 0;
}

/* Read one field of item into f (index and item set by the caller). */
static int
formcache_field(struct formcache_in *in, const struct form_item *item,
    struct form_field *f)
{
	const char *type;
	size_t i;
	uint32_t mark, v;

	formcache_id(f->id, item->no, f->row);
	f->text = formcache_str(in, 0);
	mark = formcache_u32(in);
	type = formcache_str(in, 0);
	f->limit = formcache_u32(in);
	f->nchoices = formcache_count(in, 5);
	if (in->bad || mark >= FORM_NMARKS || f->limit > 100000 ||
	    (f->type = ftype_find(type)) == NULL)
		return -1;
	f->mark = (enum form_mark)mark;
	if (f->nchoices > 0) {
		f->choices = xcalloc(f->nchoices, sizeof *f->choices);
		for (i = 0; i < f->nchoices; i++) {
			f->choices[i] = formcache_str(in, 0);
			if (f->choices[i] == NULL || f->choices[i][0] == '\0')
				return -1;
		}
	}
	if ((f->nchoices > 0 && f->type->wants_choices == 0) ||
	    (f->nchoices == 0 && f->type->wants_choices == 2))
		return -1;
	if ((v = formcache_u32(in)) > 1)
		return -1;
	f->multiline = (int)v;
	if ((v = formcache_u32(in)) > 1)
		return -1;
	f->renew = (int)v;
	return in->bad ? -1 : 0;
}

/* Build the form from the rest of the file; -1 if anything is off. */
static int
formcache_form(struct formcache_in *in, struct form *form)
{
	struct form_section *sec;
	struct form_item *item;
	struct form_field *f;
	size_t s, i, j, k, nitems, nfields, p;
	uint32_t v;

	form->name = formcache_str(in, 0);
	form->edition = formcache_str(in, 0);
	form->title = formcache_str(in, 0);
	form->subtitle = formcache_str(in, 1);
	if ((v = formcache_u32(in)) > FORM_COUNT_ZENKAKU)
		return -1;
	form->count = (enum form_count)v;
	if (in->bad || !form_is_ident(form->name) ||
	    !form_is_ident(form->edition))
		return -1;
	form->nsections = formcache_count(in, 8);
	nitems = formcache_count(in, 8);
	nfields = formcache_count(in, 8);
	form->npages = formcache_count(in, 4);
	form->nnotes = formcache_count(in, 5);
	if (in->bad || form->nsections == 0 || nitems == 0 || nfields == 0 ||
	    form->npages == 0 || form->npages > nitems || nitems > 9999)
		return -1;
	form->sections = xcalloc(form->nsections, sizeof *form->sections);
	form->items = xcalloc(nitems, sizeof *form->items);
	form->fields = xcalloc(nfields, sizeof *form->fields);
	form->pages = xcalloc(form->npages + 1, sizeof *form->pages);
	form->notes = xcalloc(form->nnotes + 1, sizeof *form->notes);
	for (s = 0; s < form->nsections; s++) {
		sec = &form->sections[s];
		sec->title = formcache_str(in, 0);
		sec->first = form->nitems;
		sec->nitems = formcache_u32(in);
		if (in->bad || sec->nitems == 0 ||
		    sec->nitems > nitems - form->nitems)
			return -1;
		for (i = 0; i < sec->nitems; i++) {
			item = &form->items[form->nitems++];
			item->no = (unsigned)form->nitems;
			item->section = s;
			item->first = form->nfields;
			item->category = formcache_str(in, 1);
			item->name = formcache_str(in, 0);
			item->limit = formcache_u32(in);
			item->nfields = formcache_u32(in);
			if (in->bad || item->limit > 100000 ||
			    item->nfields == 0 || item->nfields > 99 ||
			    item->nfields > nfields - form->nfields)
				return -1;
			for (j = 0; j < item->nfields; j++) {
				f = &form->fields[form->nfields];
				f->index = form->nfields++;
				f->item = form->nitems - 1;
				f->row = (unsigned)j + 1;
				if (formcache_field(in, item, f) != 0)
					return -1;
			}
		}
	}
	if (form->nitems != nitems || form->nfields != nfields)
		return -1;
	for (p = 0; p < form->npages; p++) {
		v = formcache_u32(in);
		if (in->bad || (p == 0 && v != 0) || v >= nitems ||
		    (p > 0 && v <= form->pages[p - 1]))
			return -1;
		form->pages[p] = v;
	}
	for (p = 0; p < form->npages; p++) {
		for (k = form->pages[p]; k < form_page_end(form, p); k++)
			form->items[k].page = p;
	}
	form->service = formcache_u32(in);
	form->company = formcache_u32(in);
	if (form->service == FORMCACHE_NONE)
		form->service = (size_t)-1;
	else if (form->service >= nfields)
		return -1;
	if (form->company == FORMCACHE_NONE)
		form->company = (size_t)-1;
	else if (form->company >= nfields)
		return -1;
	for (i = 0; i < form->nnotes; i++) {
		if ((form->notes[i] = formcache_str(in, 0)) == NULL)
			return -1;
	}
	if (!form->nnotes) {
		free(form->notes);
		form->notes = NULL;
	}
	return in->bad || in->off != in->len ? -1 : 0;
}

/*
 * The cached form for the form file at path if the cache has one that is
 * valid and up to date, else NULL.
 */
struct form *
formcache_get(const char *path)
{
	struct formcache_in in = { NULL, 0, 0, 0 };
	struct form *form;
	struct stat st;
	char *file = formcache_file(path), *first = NULL;
	size_t magic = sizeof FORMCACHE_MAGIC - 1;
	uint64_t sum;
	ssize_t r;
	int fd;

	if (file == NULL)
		return NULL;
	fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(file);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() ||
	    st.st_size < (off_t)(magic + sizeof sum) ||
	    st.st_size > (off_t)FORMCACHE_MAX) {
		close(fd);
		return NULL;
	}
	in.len = (size_t)st.st_size;
	in.buf = xmalloc(in.len + 1);
	while (in.off < in.len) {
		r = read(fd, in.buf + in.off, in.len - in.off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		in.off += (size_t)r;
	}
	close(fd);
	if (in.off != in.len) {
		free(in.buf);
		return NULL;
	}
	in.len -= sizeof sum;
	memcpy(&sum, in.buf + in.len, sizeof sum);
	if (memcmp(in.buf, FORMCACHE_MAGIC, magic) != 0 ||
	    sum != formcache_sum(in.buf, in.len)) {
		free(in.buf);
		return NULL;
	}
	in.off = magic;
	if (formcache_chain(&in, path, &first) != 0) {
		free(in.buf);
		return NULL;
	}
	form = xcalloc(1, sizeof *form);
	form->blob = in.buf;
	form->path = first;
	if (formcache_form(&in, form) != 0) {
		form_free(form);
		return NULL;
	}
	return form;
}

/*
 * Write form, read from files (the form's file first), to the cache,
 * replacing what was there; silently nothing if that fails.
 */
void
formcache_put(const struct form *form, const struct form_file *files,
    size_t nfiles)
{
	struct formcache_out o = { NULL, 0, 0 };
	const struct form_section *sec;
	const struct form_item *item;
	const struct form_field *f;
	char *file, *tmp;
	size_t s, i, j, k;
	int fd, ok;

	if (files == NULL || nfiles == 0 || strcmp(files[0].path,
	    form->path) != 0 || (file = formcache_file(form->path)) == NULL)
		return;
	if (xdg_mkdirs(file) != 0) {
		free(file);
		return;
	}
	formcache_put_bytes(&o, FORMCACHE_MAGIC, sizeof FORMCACHE_MAGIC - 1);
	formcache_put_u32(&o, nfiles);
	for (i = 0; i < nfiles; i++) {
		formcache_put_str(&o, files[i].path);
		formcache_put_u64(&o, files[i].dev);
		formcache_put_u64(&o, files[i].ino);
		formcache_put_u64(&o, files[i].size);
		formcache_put_u64(&o, (unsigned long long)files[i].mtime_ns);
	}
	formcache_put_str(&o, form->name);
	formcache_put_str(&o, form->edition);
	formcache_put_str(&o, form->title);
	formcache_put_str(&o, form->subtitle);
	formcache_put_u32(&o, (size_t)form->count);
	formcache_put_u32(&o, form->nsections);
	formcache_put_u32(&o, form->nitems);
	formcache_put_u32(&o, form->nfields);
	formcache_put_u32(&o, form->npages);
	formcache_put_u32(&o, form->nnotes);
	for (s = 0; s < form->nsections; s++) {
		sec = &form->sections[s];
		formcache_put_str(&o, sec->title);
		formcache_put_u32(&o, sec->nitems);
		for (i = sec->first; i < sec->first + sec->nitems; i++) {
			item = &form->items[i];
			formcache_put_str(&o, item->category);
			formcache_put_str(&o, item->name);
			formcache_put_u32(&o, item->limit);
			formcache_put_u32(&o, item->nfields);
			for (j = item->first; j < item->first + item->nfields;
			    j++) {
				f = &form->fields[j];
				formcache_put_str(&o, f->text);
				formcache_put_u32(&o, f->mark);
				formcache_put_str(&o, f->type->name);
				formcache_put_u32(&o, f->limit);
				formcache_put_u32(&o, f->nchoices);
				for (k = 0; k < f->nchoices; k++)
					formcache_put_str(&o, f->choices[k]);
				formcache_put_u32(&o, (size_t)f->multiline);
				formcache_put_u32(&o, (size_t)f->renew);
			}
		}
	}
	for (i = 0; i < form->npages; i++)
		formcache_put_u32(&o, form->pages[i]);
	formcache_put_u32(&o, form->service);
	formcache_put_u32(&o, form->company);
	for (i = 0; i < form->nnotes; i++)
		formcache_put_str(&o, form->notes[i]);
	formcache_put_u64(&o, formcache_sum(o.buf, o.len));

	/* rename replaces whatever is there, a symbolic link too */
	tmp = xasprintf("%.*s/.form-XXXXXX", (int)(strrchr(file, '/') - file),
	    file);
	if ((fd = mkstemp(tmp)) != -1) {	/* O_EXCL, mode 0600 */
		ok = fileio_write_all(fd, o.buf, o.len) == 0 &&
		    fchmod(fd, 0600) == 0;
		if (close(fd) != 0 || !ok || rename(tmp, file) != 0)
			unlink(tmp);
	}
	free(tmp);
	free(file);
	free(o.buf);
}
