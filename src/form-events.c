/*
 * form-events: a form file read straight from libyaml's events into a
 * struct form, without building a ynode tree, for the start that finds
 * no compiled copy of the form (formcache).
 *
 * It reads only the common case: a form file with no 'base' that
 * form_load would read without error, its item mappings giving 'number'
 * before 'fields'.  Anything else (any error, a 'base', anchors, aliases,
 * tags, duplicate or unknown keys, a value of the wrong kind, a byte order
 * mark, a NUL byte, more than one document) makes it decline, and
 * form_load_files reads the file through the tree as always, which gives
 * the form or the error (with its file:line:col) as before.  So where it
 * reads a form, the form is the one the tree would give.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "form-events.h"
#include "form.h"
#include "ftype.h"
#include "xalloc.h"

struct form_events {
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	int		 have;		/* ev holds an event */
	struct form	*form;
};

/* The next event into ev (the last one deleted); 0 on a YAML error. */
static int
form_events_next(struct form_events *fe)
{
	if (fe->have)
		yaml_event_delete(&fe->ev);
	fe->have = 0;
	if (!yaml_parser_parse(&fe->parser, &fe->ev))
		return 0;
	fe->have = 1;
	return 1;
}

/*
 * The next event, which must be of type want and a node the tree takes
 * as it is: no anchor, no tag (the forms have none; declining a standard
 * one costs only speed).
 */
static int
form_events_want(struct form_events *fe, yaml_event_type_t want)
{
	const yaml_event_t *ev = &fe->ev;

	if (!form_events_next(fe) || ev->type != want)
		return 0;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		/* the tree refuses a NUL (only an escape makes one) */
		return ev->data.scalar.anchor == NULL &&
		    ev->data.scalar.tag == NULL &&
		    memchr(ev->data.scalar.value, '\0',
		    ev->data.scalar.length) == NULL;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor == NULL &&
		    ev->data.sequence_start.tag == NULL;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor == NULL &&
		    ev->data.mapping_start.tag == NULL;
	default:
		return 1;
	}
}

/*
 * The next key of the mapping being read: its index in keys, with the
 * bit of seen set; -1 at the mapping's end (*end set) or on a key that is
 * unknown, repeated or not a plain scalar.
 */
static int
form_events_key(struct form_events *fe, const char *const *keys,
    unsigned *seen, int *end)
{
	int k;

	*end = 0;
	if (!form_events_next(fe))
		return -1;
	if (fe->ev.type == YAML_MAPPING_END_EVENT) {
		*end = 1;
		return -1;
	}
	if (fe->ev.type != YAML_SCALAR_EVENT ||
	    fe->ev.data.scalar.anchor != NULL ||
	    fe->ev.data.scalar.tag != NULL ||
	    strlen((const char *)fe->ev.data.scalar.value) !=
	    fe->ev.data.scalar.length)
		return -1;
	for (k = 0; keys[k] != NULL; k++) {
		if (strcmp((const char *)fe->ev.data.scalar.value,
		    keys[k]) == 0)
			break;
	}
	if (keys[k] == NULL || (*seen & (1U << k)) != 0)
		return -1;
	*seen |= 1U << k;
	return k;
}

/* The next value as form_str takes it: text, not null, no control. */
static int
form_events_str(struct form_events *fe, char **out)
{
	const char *s;
	size_t i, len;

	if (!form_events_want(fe, YAML_SCALAR_EVENT))
		return 0;
	s = (const char *)fe->ev.data.scalar.value;
	len = fe->ev.data.scalar.length;
	if (fe->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0))
		return 0;
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	}
	free(*out);
	*out = (char *)fe->ev.data.scalar.value;
	fe->ev.data.scalar.value = NULL;
	return 1;
}

/* The next value as form_uint takes it, a number in [min, max]. */
static int
form_events_uint(struct form_events *fe, unsigned min, unsigned max,
    unsigned *out)
{
	unsigned long v = 0;
	const char *s;
	size_t i, len;

	if (!form_events_want(fe, YAML_SCALAR_EVENT))
		return 0;
	s = (const char *)fe->ev.data.scalar.value;
	len = fe->ev.data.scalar.length;
	if (len == 0 || len > 9)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	if (v < min || v > max)
		return 0;
	*out = (unsigned)v;
	return 1;
}

/* The next value as form_bool takes it. */
static int
form_events_bool(struct form_events *fe, int *out)
{
	const char *s;

	if (!form_events_want(fe, YAML_SCALAR_EVENT))
		return 0;
	s = (const char *)fe->ev.data.scalar.value;
	if (strcmp(s, "true") == 0)
		*out = 1;
	else if (strcmp(s, "false") == 0)
		*out = 0;
	else
		return 0;
	return 1;
}

/* A list of texts (form_strlist), added to *list. */
static int
form_events_strlist(struct form_events *fe, char ***list, size_t *n)
{
	char *s;

	if (!form_events_want(fe, YAML_SEQUENCE_START_EVENT))
		return 0;
	for (;;) {
		s = NULL;
		if (!form_events_str(fe, &s))
			return fe->have && fe->ev.type ==
			    YAML_SEQUENCE_END_EVENT;
		*list = xreallocarray(*list, *n + 1, sizeof **list);
		(*list)[(*n)++] = s;
	}
}

/* One field of item ii, as form_read_field reads its mapping. */
static int
form_events_field(struct form_events *fe, size_t ii)
{
	static const char *const keys[] = {
		"text", "mark", "type", "limit", "choices", "multiline", "renew",
		NULL
	};
	struct form *form = fe->form;
	struct form_item *item = &form->items[ii];
	struct form_field *f;
	char *mark = NULL, *type = NULL;
	unsigned seen = 0;
	int k, end, multiline = -1, ok = 0;
	const char *const *dc;
	size_t i;

	form->fields = xreallocarray(form->fields, form->nfields + 1,
	    sizeof *form->fields);
	f = &form->fields[form->nfields];
	memset(f, 0, sizeof *f);
	f->index = form->nfields++;
	f->item = ii;
	f->row = (unsigned)++item->nfields;
	snprintf(f->id, sizeof f->id, "%u.%u", item->no, f->row);
	while ((k = form_events_key(fe, keys, &seen, &end)) != -1) {
		if (!(k == 0 ? form_events_str(fe, &f->text) :
		    k == 1 ? form_events_str(fe, &mark) :
		    k == 2 ? form_events_str(fe, &type) :
		    k == 3 ? form_events_uint(fe, 1, 100000, &f->limit) :
		    k == 4 ? form_events_strlist(fe, &f->choices,
		    &f->nchoices) :
		    k == 5 ? form_events_bool(fe, &multiline) :
		    form_events_bool(fe, &f->renew)))
			goto out;
	}
	if (!end || f->text == NULL)
		goto out;
	if (mark == NULL && f->row == 1)
		goto out;
	if (mark == NULL)
		f->mark = form->fields[f->index - 1].mark;
	else if (strcmp(mark, "必須") == 0)
		f->mark = FORM_MANDATORY;
	else if (strcmp(mark, "必須○") == 0 || strcmp(mark, "必須〇") == 0)
		f->mark = FORM_MANDATORY_LEVEL;
	else if (strcmp(mark, "選択") == 0)
		f->mark = FORM_OPTIONAL;
	else
		goto out;
	f->type = type == NULL ? &ftype_text : ftype_find(type);
	if (f->type == NULL)
		goto out;
	if ((seen & 1U << 4) != 0) {
		if (f->type->wants_choices == 0 || f->nchoices < 2)
			goto out;
		for (i = 0; i < f->nchoices; i++) {
			if (f->choices[i][0] == '\0')
				goto out;
		}
	} else if (f->type->wants_choices == 2)
		goto out;
	else if ((dc = f->type->default_choices) != NULL) {
		while (dc[f->nchoices] != NULL)
			f->nchoices++;
		f->choices = xcalloc(f->nchoices, sizeof *f->choices);
		for (i = 0; i < f->nchoices; i++)
			f->choices[i] = xstrdup(dc[i]);
	}
	f->multiline = multiline == -1 ? f->type->multiline : multiline;
	ok = 1;
out:
	free(mark);
	free(type);
	return ok;
}

/* One item, as form_read_item reads its mapping ('number' first). */
static int
form_events_item(struct form_events *fe)
{
	static const char *const keys[] = {
		"number", "category", "name", "limit", "fields", NULL
	};
	struct form *form = fe->form;
	struct form_item *item;
	unsigned seen = 0;
	size_t ii;
	int k, end;

	form->items = xreallocarray(form->items, form->nitems + 1,
	    sizeof *form->items);
	ii = form->nitems++;
	item = &form->items[ii];
	memset(item, 0, sizeof *item);
	item->section = form->nsections - 1;
	item->first = form->nfields;
	while ((k = form_events_key(fe, keys, &seen, &end)) != -1) {
		item = &form->items[ii];
		if (k == 0) {
			if (!form_events_uint(fe, 1, 9999, &item->no) ||
			    item->no != ii + 1)
				return 0;
		} else if (k == 1 || k == 2) {
			if (!form_events_str(fe, k == 1 ? &item->category :
			    &item->name))
				return 0;
		} else if (k == 3) {
			if (!form_events_uint(fe, 1, 100000, &item->limit))
				return 0;
		} else {
			if ((seen & 1U) == 0 ||
			    !form_events_want(fe, YAML_SEQUENCE_START_EVENT))
				return 0;
			while (form_events_want(fe, YAML_MAPPING_START_EVENT))
				if (!form_events_field(fe, ii))
					return 0;
			if (!fe->have || fe->ev.type != YAML_SEQUENCE_END_EVENT)
				return 0;
			item = &form->items[ii];
			if (item->nfields == 0 || item->nfields > 99)
				return 0;
		}
	}
	return end && (seen & 0x15U) == 0x15U;	/* number, name, fields */
}

/* The sections, as form_read_sections reads them. */
static int
form_events_sections(struct form_events *fe)
{
	static const char *const keys[] = { "title", "items", NULL };
	struct form *form = fe->form;
	struct form_section *sec;
	unsigned seen;
	int k, end;

	if (!form_events_want(fe, YAML_SEQUENCE_START_EVENT))
		return 0;
	while (form_events_want(fe, YAML_MAPPING_START_EVENT)) {
		form->sections = xreallocarray(form->sections,
		    form->nsections + 1, sizeof *form->sections);
		sec = &form->sections[form->nsections++];
		memset(sec, 0, sizeof *sec);
		sec->first = form->nitems;
		seen = 0;
		while ((k = form_events_key(fe, keys, &seen, &end)) != -1) {
			sec = &form->sections[form->nsections - 1];
			if (k == 0) {
				if (!form_events_str(fe, &sec->title))
					return 0;
				continue;
			}
			if (!form_events_want(fe, YAML_SEQUENCE_START_EVENT))
				return 0;
			while (form_events_want(fe, YAML_MAPPING_START_EVENT))
				if (!form_events_item(fe))
					return 0;
			if (!fe->have || fe->ev.type != YAML_SEQUENCE_END_EVENT)
				return 0;
			sec = &form->sections[form->nsections - 1];
			if (form->nitems == sec->first)
				return 0;
		}
		if (!end || seen != 3U)
			return 0;
		sec->nitems = form->nitems - sec->first;
	}
	return fe->have && fe->ev.type == YAML_SEQUENCE_END_EVENT &&
	    form->nsections > 0;
}

/* The page starts (read before the items are known), into *starts. */
static int
form_events_pages(struct form_events *fe, unsigned **starts, size_t *n)
{
	unsigned no;

	if (!form_events_want(fe, YAML_SEQUENCE_START_EVENT))
		return 0;
	while (form_events_uint(fe, 1, 9999, &no)) {
		*starts = xreallocarray(*starts, *n + 1, sizeof **starts);
		(*starts)[(*n)++] = no;
	}
	return fe->have && fe->ev.type == YAML_SEQUENCE_END_EVENT;
}

/* The header's field ids (read before the fields are known). */
static int
form_events_header(struct form_events *fe, char **ids)
{
	static const char *const keys[] = { "service", "company", NULL };
	unsigned seen = 0;
	int k, end;

	if (!form_events_want(fe, YAML_MAPPING_START_EVENT))
		return 0;
	while ((k = form_events_key(fe, keys, &seen, &end)) != -1) {
		if (!form_events_want(fe, YAML_SCALAR_EVENT) ||
		    (fe->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    fe->ev.data.scalar.length == 0))
			return 0;
		ids[k] = (char *)fe->ev.data.scalar.value;
		fe->ev.data.scalar.value = NULL;
	}
	return end;
}

/* Pages and header onto the form, as form_read_pages and _header do. */
static int
form_events_finish(struct form *form, const unsigned *starts,
    size_t nstarts, int havepages, char *const *ids)
{
	const struct form_field *f;
	size_t i, p;

	form->pages = xcalloc(nstarts + 1, sizeof *form->pages);
	if (!havepages)
		form->npages = 1;
	for (i = 0; i < nstarts; i++) {
		if (starts[i] > form->nitems || (i == 0 && starts[i] != 1) ||
		    (i > 0 && starts[i] <= form->pages[i - 1] + 1))
			return 0;
		form->pages[form->npages++] = starts[i] - 1;
	}
	if (form->npages == 0)
		return 0;
	for (p = 0; p < form->npages; p++) {
		for (i = form->pages[p]; i < form_page_end(form, p); i++)
			form->items[i].page = p;
	}
	for (i = 0; i < 2; i++) {
		if (ids[i] == NULL)
			continue;
		if ((f = form_field(form, ids[i])) == NULL)
			return 0;
		*(i == 0 ? &form->service : &form->company) = f->index;
	}
	return 1;
}

/* The top-level mapping of the form file into fe->form. */
static int
form_events_top(struct form_events *fe)
{
	static const char *const keys[] = {
		"kaiji-form", "form", "edition", "base", "title", "subtitle",
		"count", "header", "pages", "notes", "sections", NULL
	};
	struct form *form = fe->form;
	unsigned seen = 0, v, *starts = NULL;
	size_t nstarts = 0;
	char *ids[2] = { NULL, NULL }, *count = NULL;
	int k, end, ok = 0;

	if (!form_events_want(fe, YAML_STREAM_START_EVENT) ||
	    !form_events_want(fe, YAML_DOCUMENT_START_EVENT) ||
	    !form_events_want(fe, YAML_MAPPING_START_EVENT))
		return 0;
	while ((k = form_events_key(fe, keys, &seen, &end)) != -1) {
		if (!(k == 0 ? form_events_uint(fe, 1, 1, &v) :
		    k == 1 ? form_events_str(fe, &form->name) &&
		    form_is_ident(form->name) :
		    k == 2 ? form_events_str(fe, &form->edition) &&
		    form_is_ident(form->edition) :
		    k == 3 ? 0 :
		    k == 4 ? form_events_str(fe, &form->title) :
		    k == 5 ? form_events_str(fe, &form->subtitle) :
		    k == 6 ? form_events_str(fe, &count) :
		    k == 7 ? form_events_header(fe, ids) :
		    k == 8 ? form_events_pages(fe, &starts, &nstarts) :
		    k == 9 ? form_events_strlist(fe, &form->notes,
		    &form->nnotes) :
		    form_events_sections(fe)))
			goto out;
	}
	/* kaiji-form, form, edition, title and sections */
	if (!end || (seen & 0x417U) != 0x417U)
		goto out;
	if (count != NULL && strcmp(count, "zenkaku") == 0)
		form->count = FORM_COUNT_ZENKAKU;
	else if (count != NULL && strcmp(count, "code-points") != 0)
		goto out;
	if (!form_events_want(fe, YAML_DOCUMENT_END_EVENT) ||
	    !form_events_want(fe, YAML_STREAM_END_EVENT))
		goto out;
	ok = form_events_finish(form, starts, nstarts, (seen & 1U << 8) != 0,
	    ids);
out:
	free(starts);
	free(ids[0]);
	free(ids[1]);
	free(count);
	return ok;
}

/*
 * The form in len bytes of buf, read from path, when it is the common
 * case (see above): a form the caller frees, or NULL to read it through
 * the tree.
 */
struct form *
form_events_parse(const char *path, const char *buf, size_t len)
{
	struct form_events fe;
	int ok;

	/* a byte order mark (EF, FE, FF first) or a NUL: the tree's */
	if ((len > 0 && (unsigned char)buf[0] >= 0xef) ||
	    memchr(buf, '\0', len) != NULL)
		return NULL;
	memset(&fe, 0, sizeof fe);
	if (!yaml_parser_initialize(&fe.parser))
		return NULL;
	yaml_parser_set_input_string(&fe.parser, (const unsigned char *)buf,
	    len);
	fe.form = xcalloc(1, sizeof *fe.form);
	fe.form->path = xstrdup(path);
	fe.form->service = fe.form->company = (size_t)-1;
	ok = form_events_top(&fe);
	if (fe.have)
		yaml_event_delete(&fe.ev);
	yaml_parser_delete(&fe.parser);
	if (!ok) {
		form_free(fe.form);
		return NULL;
	}
	return fe.form;
}
