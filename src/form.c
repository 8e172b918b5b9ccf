/*
 * form: loads a form file (and the chain of files it is based on) into a
 * struct form.
 *
 * A file may name a base file ("base: stem") in its own directory; each
 * top-level key is taken from the most derived file that has it.  Errors
 * name the file, line and column of the offending node.  Nothing is
 * printed here: every failure returns NULL and a cause.  form_load_files
 * also tells which files were read, as stat() saw them before reading (for
 * formcache); a form from formcache has all its strings in form->blob.
 * A file without a base that reads without error is read from libyaml's
 * events (form-events.c); anything else through the ynode tree here.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "form-events.h"
#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "xalloc.h"
#include "ynode.h"

struct form_src {
	char		*path;
	char		*buf;
	struct ynode	*root;
	struct form_file file;		/* as it was before reading */
	int		 statted;
};

struct form_ctx {
	struct form_src	 srcs[FORM_MAX_BASES + 1];
	size_t		 nsrcs;
	const char	*path;		/* file of the node being read */
	char		*cause;
	struct form	*fast;		/* read by form_events_parse */
};

static const char *const form_top_keys[] = {
	"kaiji-form", "form", "edition", "base", "title", "subtitle",
	"count", "header", "pages", "notes", "sections", NULL
};

const char *
form_mark_label(enum form_mark mark)
{
	switch (mark) {
	case FORM_MANDATORY:
		return "必須";
	case FORM_MANDATORY_LEVEL:
		return "必須○";
	case FORM_OPTIONAL:
		break;
	}
	return "選択";
}

static int
form_fail(struct form_ctx *ctx, const struct ynode *node, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

/* Record the first error at node; always returns -1. */
static int
form_fail(struct form_ctx *ctx, const struct ynode *node, const char *fmt,
    ...)
{
	va_list ap;
	char *msg;

	if (ctx->cause != NULL)
		return -1;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = xstrdup(fmt);
	va_end(ap);
	ctx->cause = ynode_error(ctx->path, node, "%s", msg);
	free(msg);
	return -1;
}

static const struct ynode *
form_get(const struct ynode *map, const char *key)
{
	size_t i;

	for (i = 0; i + 1 < map->n; i += 2) {
		if (strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	}
	return NULL;
}

/* Fail on a key of map that is not in keys. */
static int
form_check_keys(struct form_ctx *ctx, const struct ynode *map,
    const char *const *keys)
{
	size_t i, k;

	for (i = 0; i + 1 < map->n; i += 2) {
		for (k = 0; keys[k] != NULL; k++) {
			if (strcmp(map->kids[i]->str, keys[k]) == 0)
				break;
		}
		if (keys[k] == NULL)
			return form_fail(ctx, map->kids[i], _("unknown key "
			    "'%s'"), map->kids[i]->str);
	}
	return 0;
}

static int
form_want(struct form_ctx *ctx, const struct ynode *node, enum ynode_kind kind)
{
	static const char *const names[] = {
		N_("a text value"), N_("a list"), N_("a mapping")
	};

	if (node->kind == kind && (kind != YNODE_SCALAR || !ynode_is_null(node)))
		return 0;
	return form_fail(ctx, node, _("expected %s"), _(names[kind]));
}

/* A single-line string without control characters, copied. */
static int
form_str(struct form_ctx *ctx, const struct ynode *node, char **out)
{
	size_t i;

	if (form_want(ctx, node, YNODE_SCALAR) != 0)
		return -1;
	for (i = 0; i < node->len; i++) {
		if ((unsigned char)node->str[i] < 0x20 ||
		    node->str[i] == 0x7f)
			return form_fail(ctx, node, _("control character in "
			    "text"));
	}
	*out = xstrdup(node->str);
	return 0;
}

/* A decimal integer in [min, max]. */
static int
form_uint(struct form_ctx *ctx, const struct ynode *node, unsigned min,
    unsigned max, unsigned *out)
{
	unsigned long v = 0;
	size_t i;

	if (form_want(ctx, node, YNODE_SCALAR) != 0)
		return -1;
	if (node->len == 0 || node->len > 9)
		goto bad;
	for (i = 0; i < node->len; i++) {
		if (node->str[i] < '0' || node->str[i] > '9')
			goto bad;
		v = v * 10 + (unsigned long)(node->str[i] - '0');
	}
	if (v < min || v > max)
		goto bad;
	*out = (unsigned)v;
	return 0;
bad:
	return form_fail(ctx, node, _("expected a whole number from %u to %u"),
	    min, max);
}

/*
 * Whether s is an identifier, as form names and editions must be (they
 * make up file names): 1 to 64 of [A-Za-z0-9._-], not starting with '.'
 * or '-'.
 */
int
form_is_ident(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 64 || s[0] == '.' || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		    s[i] == '_' || s[i] == '-'))
			return 0;
	}
	return 1;
}

/* An identifier (form_is_ident) from a scalar node, copied into *out. */
static int
form_ident(struct form_ctx *ctx, const struct ynode *node, char **out)
{
	if (form_want(ctx, node, YNODE_SCALAR) != 0)
		return -1;
	if (!form_is_ident(node->str))
		return form_fail(ctx, node, _("'%s' is not a valid name "
		    "(letters, digits, '.', '_' and '-')"), node->str);
	*out = xstrdup(node->str);
	return 0;
}

/* The node for top-level key in the most derived file that has it. */
static const struct ynode *
form_top(struct form_ctx *ctx, const char *key)
{
	const struct ynode *node;
	size_t i;

	for (i = 0; i < ctx->nsrcs; i++) {
		if ((node = form_get(ctx->srcs[i].root, key)) != NULL) {
			ctx->path = ctx->srcs[i].path;
			return node;
		}
	}
	ctx->path = ctx->srcs[0].path;
	return NULL;
}

/* Read path and the files it is based on into ctx->srcs. */
static int
form_read_chain(struct form_ctx *ctx, const char *first)
{
	struct form_src *src;
	const struct ynode *base, *version, *from = NULL;
	char *path = xstrdup(first), *dir, *slash, *stem;
	size_t len, i;
	unsigned v;

	for (;;) {
		for (i = 0; i < ctx->nsrcs; i++) {
			if (strcmp(ctx->srcs[i].path, path) == 0) {
				/* at the base: of the last file read */
				ctx->path = ctx->srcs[ctx->nsrcs - 1].path;
				form_fail(ctx, from, _("base '%s': the form is "
				    "based on itself"), from->str);
				free(path);
				return -1;
			}
		}
		if (ctx->nsrcs == FORM_MAX_BASES + 1) {
			ctx->cause = xasprintf(_("%s: more than %d levels of "
			    "'base'"), ctx->srcs[0].path, FORM_MAX_BASES);
			free(path);
			return -1;
		}
		src = &ctx->srcs[ctx->nsrcs];
		/* stat first: a change while reading makes the record stale */
		src->statted = form_file_stat(path, &src->file) == 0;
		if (fileio_read(path, FORM_MAX_SIZE, &src->buf, &len,
		    &ctx->cause) != 0) {
			if (from != NULL) {
				char *why = ctx->cause;

				ctx->path = ctx->srcs[ctx->nsrcs - 1].path;
				ctx->cause = NULL;
				form_fail(ctx, from, _("base '%s': %s"),
				    from->str, why);
				free(why);
			}
			free(path);
			return -1;
		}
		src->path = path;
		ctx->nsrcs++;
		ctx->path = src->path;
		if (from == NULL && (ctx->fast = form_events_parse(path,
		    src->buf, len)) != NULL)
			return 0;	/* the common case, read as it came */
		src->root = ynode_parse(path, src->buf, len, &ctx->cause);
		if (src->root == NULL)
			return -1;
		if (form_want(ctx, src->root, YNODE_MAP) != 0 ||
		    form_check_keys(ctx, src->root, form_top_keys) != 0)
			return -1;
		version = form_get(src->root, "kaiji-form");
		if (version == NULL) {
			ctx->cause = xasprintf(_("%s: not a kaiji form file "
			    "(no 'kaiji-form' key)"), src->path);
			return -1;
		}
		if (form_uint(ctx, version, 1, 1, &v) != 0)
			return -1;
		if ((base = form_get(src->root, "base")) == NULL)
			return 0;
		if (form_ident(ctx, base, &stem) != 0)
			return -1;
		dir = xstrdup(src->path);
		slash = strrchr(dir, '/');
		if (slash != NULL)
			slash[1] = '\0';
		else
			dir[0] = '\0';
		path = xasprintf("%s%s.yaml", dir, stem);
		free(dir);
		free(stem);
		from = base;
	}
}

static int
form_mark_parse(struct form_ctx *ctx, const struct ynode *node,
    enum form_mark *mark)
{
	if (form_want(ctx, node, YNODE_SCALAR) != 0)
		return -1;
	if (strcmp(node->str, "必須") == 0)
		*mark = FORM_MANDATORY;
	else if (strcmp(node->str, "必須○") == 0 ||
	    strcmp(node->str, "必須〇") == 0)
		*mark = FORM_MANDATORY_LEVEL;
	else if (strcmp(node->str, "選択") == 0)
		*mark = FORM_OPTIONAL;
	else
		return form_fail(ctx, node, _("unknown mark '%s' (use 必須, "
		    "必須○ or 選択)"), node->str);
	return 0;
}

static int
form_strlist(struct form_ctx *ctx, const struct ynode *node, char ***out,
    size_t *n)
{
	size_t i;

	if (form_want(ctx, node, YNODE_SEQ) != 0)
		return -1;
	*out = xcalloc(node->n, sizeof **out);
	*n = node->n;
	for (i = 0; i < node->n; i++) {
		if (form_str(ctx, node->kids[i], &(*out)[i]) != 0)
			return -1;
	}
	return 0;
}

/* true or false. */
static int
form_bool(struct form_ctx *ctx, const struct ynode *node, int *out)
{
	if (form_want(ctx, node, YNODE_SCALAR) != 0)
		return -1;
	if (strcmp(node->str, "true") == 0)
		*out = 1;
	else if (strcmp(node->str, "false") == 0)
		*out = 0;
	else
		return form_fail(ctx, node, _("expected true or false"));
	return 0;
}

/* Read one field of item (index ii) from its mapping. */
static int
form_read_field(struct form_ctx *ctx, struct form *form, size_t ii,
    const struct ynode *map)
{
	static const char *const keys[] = {
		"text", "mark", "type", "limit", "choices", "multiline", "renew",
		NULL
	};
	struct form_item *item = &form->items[ii];
	struct form_field *f;
	const struct ynode *node;
	const char *const *dc;
	size_t i;

	if (form_want(ctx, map, YNODE_MAP) != 0 ||
	    form_check_keys(ctx, map, keys) != 0)
		return -1;
	form->fields = xreallocarray(form->fields, form->nfields + 1,
	    sizeof *form->fields);
	f = &form->fields[form->nfields];
	memset(f, 0, sizeof *f);
	f->index = form->nfields++;
	f->item = ii;
	f->row = (unsigned)++item->nfields;
	snprintf(f->id, sizeof f->id, "%u.%u", item->no, f->row);

	if ((node = form_get(map, "text")) == NULL)
		return form_fail(ctx, map, _("field %s has no 'text'"), f->id);
	if (form_str(ctx, node, &f->text) != 0)
		return -1;

	if ((node = form_get(map, "mark")) != NULL) {
		if (form_mark_parse(ctx, node, &f->mark) != 0)
			return -1;
	} else if (f->row == 1)
		return form_fail(ctx, map, _("field %s: the first row of an "
		    "item needs a 'mark'"), f->id);
	else
		f->mark = form->fields[f->index - 1].mark;

	f->type = &ftype_text;
	if ((node = form_get(map, "type")) != NULL) {
		if (form_want(ctx, node, YNODE_SCALAR) != 0)
			return -1;
		if ((f->type = ftype_find(node->str)) == NULL)
			return form_fail(ctx, node, _("unknown field type "
			    "'%s'"), node->str);
	}
	if ((node = form_get(map, "limit")) != NULL &&
	    form_uint(ctx, node, 1, 100000, &f->limit) != 0)
		return -1;

	if ((node = form_get(map, "choices")) != NULL) {
		if (f->type->wants_choices == 0)
			return form_fail(ctx, node, _("a field of type '%s' "
			    "has no choices"), f->type->name);
		if (form_strlist(ctx, node, &f->choices, &f->nchoices) != 0)
			return -1;
		if (f->nchoices < 2)
			return form_fail(ctx, node, _("give at least two "
			    "choices"));
		for (i = 0; i < f->nchoices; i++) {
			if (f->choices[i][0] == '\0')
				return form_fail(ctx, node->kids[i],
				    _("empty choice"));
		}
	} else if (f->type->wants_choices == 2)
		return form_fail(ctx, map, _("field %s: type '%s' needs "
		    "'choices'"), f->id, f->type->name);
	else if ((dc = f->type->default_choices) != NULL) {
		while (dc[f->nchoices] != NULL)
			f->nchoices++;
		f->choices = xcalloc(f->nchoices, sizeof *f->choices);
		for (i = 0; i < f->nchoices; i++)
			f->choices[i] = xstrdup(dc[i]);
	}

	f->multiline = f->type->multiline;
	if ((node = form_get(map, "multiline")) != NULL &&
	    form_bool(ctx, node, &f->multiline) != 0)
		return -1;
	if ((node = form_get(map, "renew")) != NULL &&
	    form_bool(ctx, node, &f->renew) != 0)
		return -1;
	return 0;
}

static int
form_read_item(struct form_ctx *ctx, struct form *form, const struct ynode *map)
{
	static const char *const keys[] = {
		"number", "category", "name", "limit", "fields", NULL
	};
	struct form_item *item;
	const struct ynode *node;
	size_t ii, i;

	if (form_want(ctx, map, YNODE_MAP) != 0 ||
	    form_check_keys(ctx, map, keys) != 0)
		return -1;
	form->items = xreallocarray(form->items, form->nitems + 1,
	    sizeof *form->items);
	ii = form->nitems++;
	item = &form->items[ii];
	memset(item, 0, sizeof *item);
	item->section = form->nsections - 1;
	item->first = form->nfields;

	if ((node = form_get(map, "number")) == NULL)
		return form_fail(ctx, map, _("item has no 'number'"));
	if (form_uint(ctx, node, 1, 9999, &item->no) != 0)
		return -1;
	if (item->no != ii + 1)
		return form_fail(ctx, node, _("item number %u out of order "
		    "(expected %zu)"), item->no, ii + 1);
	if ((node = form_get(map, "category")) != NULL &&
	    form_str(ctx, node, &item->category) != 0)
		return -1;
	if ((node = form_get(map, "name")) == NULL)
		return form_fail(ctx, map, _("item %u has no 'name'"),
		    item->no);
	if (form_str(ctx, node, &item->name) != 0)
		return -1;
	if ((node = form_get(map, "limit")) != NULL &&
	    form_uint(ctx, node, 1, 100000, &item->limit) != 0)
		return -1;
	if ((node = form_get(map, "fields")) == NULL)
		return form_fail(ctx, map, _("item %u has no 'fields'"),
		    item->no);
	if (form_want(ctx, node, YNODE_SEQ) != 0)
		return -1;
	if (node->n == 0 || node->n > 99)
		return form_fail(ctx, node, _("an item has 1 to 99 fields"));
	for (i = 0; i < node->n; i++) {
		if (form_read_field(ctx, form, ii, node->kids[i]) != 0)
			return -1;
	}
	return 0;
}

static int
form_read_sections(struct form_ctx *ctx, struct form *form,
    const struct ynode *seq)
{
	static const char *const keys[] = { "title", "items", NULL };
	struct form_section *sec;
	const struct ynode *map, *node;
	size_t s, i;

	if (form_want(ctx, seq, YNODE_SEQ) != 0)
		return -1;
	if (seq->n == 0)
		return form_fail(ctx, seq, _("a form needs at least one "
		    "section"));
	form->sections = xcalloc(seq->n, sizeof *form->sections);
	for (s = 0; s < seq->n; s++) {
		map = seq->kids[s];
		if (form_want(ctx, map, YNODE_MAP) != 0 ||
		    form_check_keys(ctx, map, keys) != 0)
			return -1;
		sec = &form->sections[form->nsections++];
		sec->first = form->nitems;
		if ((node = form_get(map, "title")) == NULL)
			return form_fail(ctx, map, _("section has no "
			    "'title'"));
		if (form_str(ctx, node, &sec->title) != 0)
			return -1;
		if ((node = form_get(map, "items")) == NULL)
			return form_fail(ctx, map, _("section has no "
			    "'items'"));
		if (form_want(ctx, node, YNODE_SEQ) != 0)
			return -1;
		if (node->n == 0)
			return form_fail(ctx, node, _("a section needs at "
			    "least one item"));
		for (i = 0; i < node->n; i++) {
			if (form_read_item(ctx, form, node->kids[i]) != 0)
				return -1;
		}
		sec->nitems = form->nitems - sec->first;
	}
	return 0;
}

static int
form_read_pages(struct form_ctx *ctx, struct form *form,
    const struct ynode *seq)
{
	size_t i, p;
	unsigned no;

	form->pages = xcalloc(seq == NULL ? 1 : seq->n + 1, sizeof *form->pages);
	if (seq == NULL) {
		form->npages = 1;
		return 0;
	}
	if (form_want(ctx, seq, YNODE_SEQ) != 0)
		return -1;
	for (i = 0; i < seq->n; i++) {
		if (form_uint(ctx, seq->kids[i], 1, (unsigned)form->nitems,
		    &no) != 0)
			return -1;
		if (i == 0 && no != 1)
			return form_fail(ctx, seq->kids[i], _("the first page "
			    "must start at item 1"));
		if (i > 0 && no <= form->pages[i - 1] + 1)
			return form_fail(ctx, seq->kids[i], _("page starts "
			    "must increase"));
		form->pages[form->npages++] = no - 1;
	}
	if (form->npages == 0)
		return form_fail(ctx, seq, _("a form needs at least one "
		    "page"));
	for (p = 0; p < form->npages; p++) {
		for (i = form->pages[p]; i < form_page_end(form, p); i++)
			form->items[i].page = p;
	}
	return 0;
}

static int
form_read_header(struct form_ctx *ctx, struct form *form,
    const struct ynode *map)
{
	static const char *const keys[] = { "service", "company", NULL };
	const struct form_field *f;
	const struct ynode *node;
	size_t k;

	form->service = form->company = (size_t)-1;
	if (map == NULL)
		return 0;
	if (form_want(ctx, map, YNODE_MAP) != 0 ||
	    form_check_keys(ctx, map, keys) != 0)
		return -1;
	for (k = 0; keys[k] != NULL; k++) {
		if ((node = form_get(map, keys[k])) == NULL)
			continue;
		if (form_want(ctx, node, YNODE_SCALAR) != 0)
			return -1;
		if ((f = form_field(form, node->str)) == NULL)
			return form_fail(ctx, node, _("unknown field id "
			    "'%s'"), node->str);
		*(k == 0 ? &form->service : &form->company) = f->index;
	}
	return 0;
}

/* Build the form from the merged top-level keys of ctx->srcs. */
static struct form *
form_build(struct form_ctx *ctx)
{
	struct form *form = xcalloc(1, sizeof *form);
	const struct ynode *node;

	form->path = xstrdup(ctx->srcs[0].path);
	form->service = form->company = (size_t)-1;
	if ((node = form_top(ctx, "form")) == NULL) {
		form_fail(ctx, NULL, _("no 'form' key"));
		goto fail;
	}
	if (form_ident(ctx, node, &form->name) != 0)
		goto fail;
	if ((node = form_top(ctx, "edition")) == NULL) {
		form_fail(ctx, NULL, _("no 'edition' key"));
		goto fail;
	}
	if (form_ident(ctx, node, &form->edition) != 0)
		goto fail;
	if ((node = form_top(ctx, "title")) == NULL) {
		form_fail(ctx, NULL, _("no 'title' key"));
		goto fail;
	}
	if (form_str(ctx, node, &form->title) != 0)
		goto fail;
	if ((node = form_top(ctx, "subtitle")) != NULL &&
	    form_str(ctx, node, &form->subtitle) != 0)
		goto fail;
	if ((node = form_top(ctx, "count")) != NULL) {
		if (node->kind == YNODE_SCALAR &&
		    strcmp(node->str, "zenkaku") == 0)
			form->count = FORM_COUNT_ZENKAKU;
		else if (node->kind != YNODE_SCALAR ||
		    strcmp(node->str, "code-points") != 0) {
			form_fail(ctx, node, _("'count' must be code-points or "
			    "zenkaku"));
			goto fail;
		}
	}
	if ((node = form_top(ctx, "sections")) == NULL) {
		form_fail(ctx, NULL, _("no 'sections' key"));
		goto fail;
	}
	if (form_read_sections(ctx, form, node) != 0)
		goto fail;
	if (form_read_pages(ctx, form, form_top(ctx, "pages")) != 0)
		goto fail;
	if (form_read_header(ctx, form, form_top(ctx, "header")) != 0)
		goto fail;
	if ((node = form_top(ctx, "notes")) != NULL &&
	    form_strlist(ctx, node, &form->notes, &form->nnotes) != 0)
		goto fail;
	return form;

fail:
	form_free(form);
	return NULL;
}

/* Record what stat() says of path (the path itself is not copied). */
int
form_file_stat(const char *path, struct form_file *ff)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -1;
	ff->path = NULL;
	ff->dev = (unsigned long long)st.st_dev;
	ff->ino = (unsigned long long)st.st_ino;
	ff->size = (unsigned long long)st.st_size;
	ff->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
	    st.st_mtim.tv_nsec;
	return 0;
}

void
form_files_free(struct form_file *files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(files[i].path);
	free(files);
}

/*
 * Load the form file at path with its bases.  Returns a form the caller
 * frees with form_free, or NULL with a cause "file:line:col: problem".
 * With files, also the files read (path first, then its bases) as they
 * were before reading, or *files NULL if one could not be stat()ed.
 */
struct form *
form_load_files(const char *path, struct form_file **files, size_t *nfiles,
    char **cause)
{
	struct form_ctx ctx;
	struct form *form = NULL;
	size_t i;

	memset(&ctx, 0, sizeof ctx);
	if (form_read_chain(&ctx, path) == 0)
		form = ctx.fast != NULL ? ctx.fast : form_build(&ctx);
	if (files != NULL) {
		*files = NULL;
		*nfiles = 0;
		for (i = 0; i < ctx.nsrcs && ctx.srcs[i].statted; i++)
			;
		if (form != NULL && i == ctx.nsrcs) {
			*files = xcalloc(ctx.nsrcs, sizeof **files);
			*nfiles = ctx.nsrcs;
			for (i = 0; i < ctx.nsrcs; i++) {
				(*files)[i] = ctx.srcs[i].file;
				(*files)[i].path = xstrdup(ctx.srcs[i].path);
			}
		}
	}
	for (i = 0; i < ctx.nsrcs; i++) {
		ynode_free(ctx.srcs[i].root);
		free(ctx.srcs[i].buf);
		free(ctx.srcs[i].path);
	}
	if (form == NULL)
		*cause = ctx.cause;
	else
		free(ctx.cause);
	return form;
}

struct form *
form_load(const char *path, char **cause)
{
	return form_load_files(path, NULL, NULL, cause);
}

/* Free a form; strings are in form->blob when it is set. */
void
form_free(struct form *form)
{
	size_t i, j;
	int own = form != NULL && form->blob == NULL;

	if (form == NULL)
		return;
	for (i = 0; i < form->nfields; i++) {
		for (j = 0; own && j < form->fields[i].nchoices; j++)
			free(form->fields[i].choices[j]);
		free(form->fields[i].choices);
		if (own)
			free(form->fields[i].text);
	}
	for (i = 0; own && i < form->nitems; i++) {
		free(form->items[i].category);
		free(form->items[i].name);
	}
	for (i = 0; own && i < form->nsections; i++)
		free(form->sections[i].title);
	for (i = 0; own && i < form->nnotes; i++)
		free(form->notes[i]);
	if (own) {
		free(form->path);
		free(form->name);
		free(form->edition);
		free(form->title);
		free(form->subtitle);
	}
	free(form->notes);
	free(form->fields);
	free(form->items);
	free(form->sections);
	free(form->pages);
	free(form->blob);
	free(form);
}

/* The index after the last item of page (< npages). */
size_t
form_page_end(const struct form *form, size_t page)
{
	return page + 1 < form->npages ? form->pages[page + 1] : form->nitems;
}

/*
 * Find a field by id: "<item>.<row>", or "<item>" for an item with a single
 * row.  Returns NULL when there is no such field.
 */
const struct form_field *
form_field(const struct form *form, const char *id)
{
	unsigned long no = 0, row = 0;
	const char *p = id;
	const struct form_item *item;
	const struct form_field *f;
	int digits;

	/* digits by hand: this runs for every answer of every draft */
	for (digits = 0; *p >= '0' && *p <= '9' && digits < 9; digits++)
		no = no * 10 + (unsigned long)(*p++ - '0');
	if (digits == 0 || (*id == '0'))
		return NULL;
	if (*p == '.') {
		p++;
		for (digits = 0; *p >= '0' && *p <= '9' && digits < 9;
		    digits++)
			row = row * 10 + (unsigned long)(*p++ - '0');
		if (digits == 0 || row == 0 || p[-digits] == '0')
			return NULL;	/* "5.", "5.0", "5.01" */
	}
	if (*p != '\0' || no > form->nitems)
		return NULL;
	item = &form->items[no - 1];
	if (row == 0) {
		if (item->nfields != 1)
			return NULL;
		row = 1;
	}
	if (row > item->nfields)
		return NULL;
	f = &form->fields[item->first + row - 1];
	return f;
}

/* An item number at *p (1..nitems), moving *p past it; 0 when none. */
static unsigned long
form_item_no(const struct form *form, const char **p)
{
	unsigned long no = 0;
	int digits;

	if (**p < '1' || **p > '9')
		return 0;
	for (digits = 0; **p >= '0' && **p <= '9' && digits < 9; digits++)
		no = no * 10 + (unsigned long)(*(*p)++ - '0');
	return no <= form->nitems ? no : 0;
}

/*
 * The fields that ranges names, a comma-separated list of items ("5"),
 * ranges of items ("1-26") and field ids ("30.1"): a map of
 * form->nfields flags the caller frees, or NULL with a cause naming the
 * part that is not one.
 */
unsigned char *
form_select(const struct form *form, const char *ranges, char **cause)
{
	unsigned char *sel = xcalloc(form->nfields + 1, 1);
	const struct form_field *f;
	const char *p = ranges, *start;
	unsigned long a, b, i;
	size_t j;
	char id[16];

	for (;;) {
		start = p;
		if ((a = form_item_no(form, &p)) == 0)
			goto bad;
		if (*p == '.') {
			j = strcspn(start, ",");
			if (j >= sizeof id)
				goto bad;
			memcpy(id, start, j);
			id[j] = '\0';
			if ((f = form_field(form, id)) == NULL)
				goto bad;
			sel[f->index] = 1;
			p = start + j;
		} else {
			b = a;
			if (*p == '-') {
				p++;
				if ((b = form_item_no(form, &p)) < a)
					goto bad;
			}
			for (i = a; i <= b; i++) {
				for (j = 0; j < form->items[i - 1].nfields; j++)
					sel[form->items[i - 1].first + j] = 1;
			}
		}
		if (*p == '\0')
			return sel;
		if (*p++ != ',')
			goto bad;
	}
bad:
	j = strcspn(start, ",");
	*cause = xasprintf(_("'%.*s' is not an item (1-%zu), a range of items "
	    "(2-26) or a field id (30.1)"), (int)(j > 64 ? 64 : j), start,
	    form->nitems);
	free(sel);
	return NULL;
}
