/*
 * draft: reading and writing draft files.
 *
 * A draft file is YAML (format version 2):
 *
 *	kaiji-draft: 2
 *	form: asp-saas
 *	edition: "2021"
 *	answers:
 *	  "1.1": 2021/6/25
 *	  "30.1": |-
 *	    first line
 *	    second line
 *	fields:
 *	  "1.1":
 *	    renew: asp-saas 2019
 *	  "30.1":
 *	    note: 財務に確認中
 *	...
 *
 * Answers are written in form order, only for answered fields, multi-line
 * ones in literal block style; "fields" holds the state of the fields
 * that have any (to renew, a note), in form order, and is left out when
 * none has.  Every save ends with the document end marker "...", so that
 * a file cut short is told from a complete one: a version 2 draft without
 * it is refused (draft_cut), a version 1 draft (written before the
 * marker) is read without it.  The writer's output depends only on the
 * draft, so loading and saving a draft kaiji wrote gives the same bytes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft-events.h"
#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"
#include "yemit.h"
#include "ynode.h"

/* The format version kaiji writes, and the first line of its drafts. */
#define DRAFT_VERSION	"2"
#define DRAFT_HEAD	"kaiji-draft: " DRAFT_VERSION

/*
 * What draft_format last wrote for one answer: the entry's YAML (key and
 * value, at the answers mapping's indent, through to its final line
 * break; len bytes) for the answer text (a copy).  Empty: text NULL.
 */
struct draft_chunk {
	char	*text;
	char	*yaml;
	size_t	 len;
	/* draft_count's: the 字 count of the answer at count_of, version */
	const char	*count_of;
	unsigned long	 count_version;
	size_t		 count;
};

/* The answer versions handed out so far, to all drafts. */
static unsigned long draft_versions;

/* An empty draft of form. */
struct draft *
draft_new(const struct form *form)
{
	struct draft *d = xcalloc(1, sizeof *d);
	size_t i;

	d->form = form;
	d->answers = xcalloc(form->nfields, sizeof *d->answers);
	d->renew = xcalloc(form->nfields, sizeof *d->renew);
	d->notes = xcalloc(form->nfields, sizeof *d->notes);
	d->version = xcalloc(form->nfields, sizeof *d->version);
	d->chunk = xcalloc(form->nfields, sizeof *d->chunk);
	for (i = 0; i < form->nfields; i++)
		d->version[i] = ++draft_versions;
	return d;
}

void
draft_free(struct draft *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->form->nfields; i++) {
		free(d->answers[i]);
		free(d->renew[i]);
		free(d->notes[i]);
		free(d->chunk[i].text);
		free(d->chunk[i].yaml);
	}
	free(d->chunk);
	free(d->answers);
	free(d->renew);
	free(d->notes);
	free(d->version);
	free(d);
}

/*
 * The 字 count (text_count) of field's answer, 0 when unanswered; counted
 * again only when the answer is another string or has another version.
 */
size_t
draft_count(const struct draft *d, size_t field)
{
	struct draft_chunk *c = &d->chunk[field];
	const char *a = d->answers[field];

	if (a == NULL)
		return 0;
	if (c->count_of != a || c->count_version != d->version[field]) {
		c->count = text_count(a, strlen(a));
		c->count_of = a;
		c->count_version = d->version[field];
	}
	return c->count;
}

const char *
draft_get(const struct draft *d, size_t field)
{
	return d->answers[field];
}

/*
 * A copy of value in *copy (NULL for NULL or ""), checked UTF-8, in NFC
 * (text_nfc: every way text comes into a draft passes here).
 */
static int
draft_copy(const char *value, char **copy, char **cause)
{
	size_t len, bad, nlen;

	*copy = NULL;
	if (value == NULL || *value == '\0')
		return 0;
	len = strlen(value);
	if ((bad = text_invalid(value, len)) != len) {
		*cause = xasprintf(_("invalid UTF-8 at byte %zu"), bad + 1);
		return -1;
	}
	if ((*copy = text_nfc(value, len, &nlen)) == NULL)
		*copy = xstrdup(value);
	return 0;
}

/*
 * Set the answer of field (an index) to a copy of value in NFC; "" or NULL
 * clears it.  An answer that changes is no longer to renew.  Fails,
 * changing nothing, when value is not valid UTF-8.
 */
int
draft_set(struct draft *d, size_t field, const char *value, char **cause)
{
	char *old = d->answers[field], *copy;

	if (draft_copy(value, &copy, cause) != 0)
		return -1;
	if (copy == NULL ? old != NULL : old == NULL || strcmp(old, copy) != 0) {
		free(d->renew[field]);
		d->renew[field] = NULL;
		d->version[field] = ++draft_versions;
	}
	free(old);		/* after the copy: value may be old */
	d->answers[field] = copy;
	return 0;
}

/* Set field's note to a copy of text ("" or NULL: none); see draft_set. */
int
draft_set_note(struct draft *d, size_t field, const char *text, char **cause)
{
	char *copy;

	if (draft_copy(text, &copy, cause) != 0)
		return -1;
	free(d->notes[field]);	/* after the copy: text may be the note */
	d->notes[field] = copy;
	return 0;
}

/*
 * Mark field to renew, its answer carried over from what from names
 * (valid UTF-8, not ""), or confirm it (from NULL: no longer to renew).
 */
void
draft_set_renew(struct draft *d, size_t field, const char *from)
{
	free(d->renew[field]);
	d->renew[field] = from != NULL ? xstrdup(from) : NULL;
}

/*
 * Mark every answered field that the form marks to renew as carried over
 * from what from names (see draft_set_renew); returns how many.
 */
size_t
draft_mark_renew(struct draft *d, const char *from)
{
	size_t i, n = 0;

	for (i = 0; i < d->form->nfields; i++) {
		if (d->form->fields[i].renew && d->answers[i] != NULL) {
			draft_set_renew(d, i, from);
			n++;
		}
	}
	return n;
}

/*
 * A draft of form to holding d's answers and field state (to renew,
 * notes), carried over by field id.  The ids of d's answers that to has
 * no field for are added to lost.  The caller frees the draft.
 */
struct draft *
draft_migrate(const struct draft *d, const struct form *to,
    struct strvec *lost)
{
	const struct form_field *g;
	struct draft *n = draft_new(to);
	size_t i;

	for (i = 0; i < d->form->nfields; i++) {
		if ((g = form_field(to, d->form->fields[i].id)) == NULL) {
			if (d->answers[i] != NULL)
				strvec_add(lost, xstrdup(d->form->fields[i].id));
			continue;
		}
		if (d->answers[i] != NULL)
			n->answers[g->index] = xstrdup(d->answers[i]);
		if (d->renew[i] != NULL)
			n->renew[g->index] = xstrdup(d->renew[i]);
		if (d->notes[i] != NULL)
			n->notes[g->index] = xstrdup(d->notes[i]);
	}
	return n;
}

static const struct ynode *
draft_key(const struct ynode *map, const char *key, const struct ynode **k)
{
	size_t i;

	for (i = 0; i + 1 < map->n; i += 2) {
		if (strcmp(map->kids[i]->str, key) == 0) {
			if (k != NULL)
				*k = map->kids[i];
			return map->kids[i + 1];
		}
	}
	return NULL;
}

/*
 * Whether buf ends with the document end marker: its last line that is
 * not blank or a comment is "..." (a comment may follow on that line).
 */
static int
draft_marked(const char *buf, size_t len)
{
	size_t end = len, start, p;

	for (;;) {
		while (end > 0 && (buf[end - 1] == ' ' || buf[end - 1] == '\t' ||
		    buf[end - 1] == '\n' || buf[end - 1] == '\r'))
			end--;
		if (end == 0)
			return 0;
		start = end;
		while (start > 0 && buf[start - 1] != '\n' &&
		    buf[start - 1] != '\r')
			start--;
		for (p = start; p < end && (buf[p] == ' ' || buf[p] == '\t');
		    p++)
			continue;
		if (buf[p] != '#')
			break;
		end = start;
	}
	return end - start >= 3 && memcmp(buf + start, "...", 3) == 0 &&
	    (end - start == 3 || buf[start + 3] == ' ' ||
	    buf[start + 3] == '\t');
}

/* The length of buf's byte order mark (0 without one). */
static size_t
draft_bom(const char *buf, size_t len)
{
	return len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/*
 * Whether buf starts as a draft kaiji writes, or is a beginning of one
 * (cut within the first line, or empty), after a byte order mark.
 */
static int
draft_v2_start(const char *buf, size_t len)
{
	size_t n = sizeof DRAFT_HEAD - 1, bom = draft_bom(buf, len);

	if (len < 3 && memcmp(buf, "\xef\xbb\xbf", len) == 0 && len > 0)
		return 1;
	buf += bom;
	len -= bom;
	if (len < n)
		return memcmp(buf, DRAFT_HEAD, len) == 0;
	return memcmp(buf, DRAFT_HEAD, n) == 0 && (len == n ||
	    memchr(" \t\r\n#", buf[n], 5) != NULL);
}

/* The cause for a draft that has lost its end, pointing at the backup. */
static char *
draft_cut(const char *path, const char *buf, size_t len)
{
	if (len == draft_bom(buf, len))
		return xasprintf(_("%s: empty file (cut short?); %s~, if it "
		    "exists, holds the version before the last save"), path,
		    path);
	return xasprintf(_("%s: the draft is cut short (it does not end with "
	    "the line '...'); %s~, if it exists, holds the version before "
	    "the last save"), path, path);
}

/* Whether root's top-level keys are a draft's, with text where needed. */
static int
draft_check_keys(const char *path, const struct ynode *root, char **cause)
{
	static const char *const keys[] = {
		"kaiji-draft", "form", "edition", "answers", "fields", NULL
	};
	const struct ynode *key;
	size_t i, k;

	for (i = 0; i + 1 < root->n; i += 2) {
		key = root->kids[i];
		for (k = 0; keys[k] != NULL && strcmp(key->str, keys[k]) != 0;
		    k++)
			continue;
		if (keys[k] == NULL) {
			*cause = ynode_error(path, key, _("unknown key '%s'"),
			    key->str);
			return -1;
		}
		if (k < 3 && root->kids[i + 1]->kind != YNODE_SCALAR) {
			*cause = ynode_error(path, root->kids[i + 1],
			    _("expected a text value"));
			return -1;
		}
	}
	return 0;
}

/* The field a key of "answers" or "fields" names, or NULL with a cause. */
static const struct form_field *
draft_id(const char *path, const struct form *form, const struct ynode *key,
    char **cause)
{
	const struct form_field *f = form_field(form, key->str);

	if (f == NULL || strcmp(f->id, key->str) != 0) {
		*cause = ynode_error(path, key, _("unknown field id '%s' in "
		    "form %s %s"), key->str, form->name, form->edition);
		return NULL;
	}
	return f;
}

/* Take a scalar's text (not null, not "") into *slot. */
static void
draft_take(char **slot, const struct ynode *val)
{
	if (!ynode_is_null(val) && val->len > 0) {
		free(*slot);
		*slot = val->str;
		((struct ynode *)val)->str = NULL;
	}
}

/* Read the "answers" mapping into d. */
static int
draft_answers(const char *path, struct draft *d, const struct ynode *answers,
    char **cause)
{
	const struct form_field *f;
	const struct ynode *val;
	size_t i;

	if (answers == NULL || ynode_is_null(answers))
		return 0;
	if (answers->kind != YNODE_MAP) {
		*cause = ynode_error(path, answers, _("'answers' must be a "
		    "mapping of field ids to answers"));
		return -1;
	}
	for (i = 0; i + 1 < answers->n; i += 2) {
		val = answers->kids[i + 1];
		if ((f = draft_id(path, d->form, answers->kids[i], cause)) ==
		    NULL)
			return -1;
		if (val->kind != YNODE_SCALAR) {
			*cause = ynode_error(path, val, _("the answer to %s "
			    "must be text"), f->id);
			return -1;
		}
		/* the whole file was checked for UTF-8 already: take it */
		draft_take(&d->answers[f->index], val);
	}
	return 0;
}

/* Read the "fields" mapping (field id: renew, note) into d. */
static int
draft_fields(const char *path, struct draft *d, const struct ynode *fields,
    char **cause)
{
	const struct form_field *f;
	const struct ynode *st, *key, *val;
	size_t i, j;

	if (fields == NULL || ynode_is_null(fields))
		return 0;
	if (fields->kind != YNODE_MAP) {
		*cause = ynode_error(path, fields, _("'fields' must be a "
		    "mapping of field ids to their state"));
		return -1;
	}
	for (i = 0; i + 1 < fields->n; i += 2) {
		st = fields->kids[i + 1];
		if ((f = draft_id(path, d->form, fields->kids[i], cause)) ==
		    NULL)
			return -1;
		if (ynode_is_null(st))
			continue;
		if (st->kind != YNODE_MAP) {
			*cause = ynode_error(path, st, _("the state of %s must "
			    "be a mapping (renew, note)"), f->id);
			return -1;
		}
		for (j = 0; j + 1 < st->n; j += 2) {
			key = st->kids[j];
			val = st->kids[j + 1];
			if (strcmp(key->str, "renew") != 0 &&
			    strcmp(key->str, "note") != 0) {
				*cause = ynode_error(path, key, _("unknown key "
				    "'%s' in the state of %s"), key->str,
				    f->id);
				return -1;
			}
			if (val->kind != YNODE_SCALAR) {
				*cause = ynode_error(path, val,
				    _("expected a text value"));
				return -1;
			}
			draft_take(key->str[0] == 'r' ? &d->renew[f->index] :
			    &d->notes[f->index], val);
		}
	}
	return 0;
}

/*
 * Parse a draft file's contents (buf, len bytes, read from path), finding
 * its form in fd.  Returns a draft the caller frees, or NULL with a cause
 * "path:line:col: problem"; a draft cut short is such an error (see the
 * top of this file).
 */
struct draft *
draft_parse(const char *path, const char *buf, size_t len, struct formdir *fd,
    char **cause)
{
	struct ynode *root;
	const struct ynode *node, *form_node, *ed_node;
	const struct form *form;
	struct draft *d = NULL;
	int marked = draft_marked(buf, len);
	char *why;

	if (!marked && draft_v2_start(buf, len)) {
		*cause = draft_cut(path, buf, len);
		return NULL;
	}
	if ((root = ynode_parse(path, buf, len, cause)) == NULL)
		return NULL;
	if (root->kind != YNODE_MAP) {
		*cause = ynode_error(path, root, _("not a kaiji draft (expected "
		    "a mapping)"));
		goto out;
	}
	if (draft_check_keys(path, root, cause) != 0)
		goto out;
	node = draft_key(root, "kaiji-draft", NULL);
	if (node == NULL) {
		*cause = xasprintf(_("%s: not a kaiji draft (no 'kaiji-draft' "
		    "key)"), path);
		goto out;
	}
	if (strcmp(node->str, DRAFT_VERSION) == 0 && !marked) {
		*cause = draft_cut(path, buf, len);
		goto out;
	}
	if (strcmp(node->str, "1") != 0 &&
	    strcmp(node->str, DRAFT_VERSION) != 0) {
		*cause = ynode_error(path, node, _("unsupported draft version "
		    "'%s'"), node->str);
		goto out;
	}
	form_node = draft_key(root, "form", NULL);
	ed_node = draft_key(root, "edition", NULL);
	if (form_node == NULL || ed_node == NULL) {
		*cause = xasprintf(_("%s: the draft does not say which form "
		    "and edition it answers"), path);
		goto out;
	}
	if ((form = formdir_get(fd, form_node->str, ed_node->str, &why)) ==
	    NULL) {
		*cause = ynode_error(path, form_node, "%s", why);
		free(why);
		goto out;
	}
	d = draft_new(form);
	if (draft_answers(path, d, draft_key(root, "answers", NULL),
	    cause) != 0 ||
	    draft_fields(path, d, draft_key(root, "fields", NULL),
	    cause) != 0) {
		draft_free(d);
		d = NULL;
	}
out:
	ynode_free(root);
	return d;
}

/*
 * Load the draft file at path, up to DRAFT_READ_MAX bytes (more than a
 * save writes: see limit.h); see draft_parse.  The common case is read
 * straight from the parser's events (draft-events.c), to the same draft.
 */
struct draft *
draft_load(const char *path, struct formdir *fd, char **cause)
{
	struct draft *d;
	char *buf, *nfc;
	size_t len, nlen;

	if (fileio_read(path, DRAFT_READ_MAX, &buf, &len, cause) != 0)
		return NULL;
	/* a draft written on a Mac is read in NFC; kaiji's are NFC */
	if (text_nfd_marks(buf, len) &&
	    (nfc = text_nfc(buf, len, &nlen)) != NULL) {
		free(buf);
		buf = nfc;
		len = nlen;
	}
	if (!draft_events_parse(buf, len, fd, &d))
		d = draft_parse(path, buf, len, fd, cause);
	free(buf);
	return d;
}

/*
 * Whether a plain scalar would be read by YAML 1.1 tools as something other
 * than a string (null, bool, number, date): such answers are quoted.
 */
static int
draft_needs_quotes(const char *s)
{
	static const char *const words[] = {
		"~", "null", "true", "false", "yes", "no", "on", "off", "y",
		"n", ".inf", "-.inf", "+.inf", ".nan", NULL
	};
	size_t i;

	for (i = 0; words[i] != NULL; i++) {
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	}
	if (strchr("0123456789+-.", *s) == NULL)
		return 0;
	return strspn(s, "0123456789+-.:_eExXoObBaAcCdDfF") == strlen(s);
}

/* Write text (an answer, a note) in the style that reads back as it is. */
static void
draft_text(struct yemit *y, const char *a)
{
	yaml_scalar_style_t style;

	if (strchr(a, '\n') != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (draft_needs_quotes(a))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	else
		style = YAML_PLAIN_SCALAR_STYLE;
	yemit_scalar(y, a, style);
}

/*
 * Drop the "...\n" that libyaml ends a document with after an open-ended
 * scalar (a literal block kept with "|+") from the piece buf (*len bytes):
 * inside a whole draft the document goes on after it.
 */
static void
draft_unend(char *buf, size_t *len)
{
	if (*len >= 5 && memcmp(buf + *len - 5, "\n...\n", 5) == 0) {
		*len -= 4;
		buf[*len] = '\0';
	}
}

/*
 * The YAML of answer a to field as libyaml writes it inside the answers
 * mapping: the emission of {answers: {id: a}} less its first line, which
 * is "answers:\n".  With no line width (yemit_start) a scalar is written
 * the same whatever else the document holds, so the entries of a whole
 * draft are these pieces one after the other.  The caller frees it.
 */
static char *
draft_entry(const struct form_field *field, const char *a, size_t *len)
{
	struct yemit y;
	char *buf, *nl;
	FILE *fp;

	fp = xmemstream(&buf, len);
	yemit_start(&y, fp);
	yemit_open(&y, 1);
	yemit_scalar(&y, "answers", YAML_PLAIN_SCALAR_STYLE);
	yemit_open(&y, 1);
	yemit_scalar(&y, field->id, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
	draft_text(&y, a);
	yemit_close(&y, 1);
	yemit_close(&y, 1);
	yemit_finish(&y);
	xmemclose(fp);
	if ((nl = strchr(buf, '\n')) == NULL)
		xfatal("draft: unexpected YAML from the emitter (a bug)");
	*len -= (size_t)(nl + 1 - buf);
	memmove(buf, nl + 1, *len + 1);
	draft_unend(buf, len);
	return buf;
}

/*
 * The draft as YAML text (NUL-terminated, *len bytes), in form order,
 * ending with the line "...": the head (format, form, edition), each
 * answer's entry (draft_entry, reused from d->chunk while the answer is
 * the same text), the fields' state, each part emitted by libyaml on its
 * own, which gives the bytes one emission of the whole would (tests/
 * test-draft.c compares them).  The caller frees the result.
 */
char *
draft_format(const struct draft *d, size_t *len)
{
	const struct form *form = d->form;
	struct draft_chunk *c;
	struct yemit y;
	char *buf, *head;
	size_t i, n = 0, hlen;
	int state = 0;
	FILE *out, *fp;

	for (i = 0; i < form->nfields; i++)
		n += d->answers[i] != NULL;
	for (i = 0; i < form->nfields && !state; i++)
		state = d->renew[i] != NULL || d->notes[i] != NULL;

	fp = xmemstream(&head, &hlen);
	yemit_start(&y, fp);
	yemit_open(&y, 1);
	yemit_scalar(&y, "kaiji-draft", YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, DRAFT_VERSION, YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, "form", YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, form->name, YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, "edition", YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, form->edition, draft_needs_quotes(form->edition) ?
	    YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE);
	if (n == 0) {
		yemit_scalar(&y, "answers", YAML_PLAIN_SCALAR_STYLE);
		yemit_open(&y, 1);
		yemit_close(&y, 1);
	}
	yemit_close(&y, 1);
	yemit_finish(&y);
	xmemclose(fp);
	draft_unend(head, &hlen);

	out = xmemstream(&buf, len);
	fwrite(head, 1, hlen, out);
	free(head);
	if (n != 0)
		fputs("answers:\n", out);
	for (i = 0; i < form->nfields; i++) {
		c = &d->chunk[i];
		if (d->answers[i] == NULL)
			continue;
		if (c->text == NULL || strcmp(c->text, d->answers[i]) != 0) {
			free(c->text);
			free(c->yaml);
			c->text = xstrdup(d->answers[i]);
			c->yaml = draft_entry(&form->fields[i], c->text,
			    &c->len);
		}
		fwrite(c->yaml, 1, c->len, out);
	}

	if (state) {
		/* the last part: libyaml writes the "..." */
		yemit_start(&y, out);
		y.end_marker = 1;
		yemit_open(&y, 1);
		yemit_scalar(&y, "fields", YAML_PLAIN_SCALAR_STYLE);
		yemit_open(&y, 1);
		for (i = 0; i < form->nfields; i++) {
			if (d->renew[i] == NULL && d->notes[i] == NULL)
				continue;
			yemit_scalar(&y, form->fields[i].id,
			    YAML_DOUBLE_QUOTED_SCALAR_STYLE);
			yemit_open(&y, 1);
			if (d->renew[i] != NULL) {
				yemit_scalar(&y, "renew",
				    YAML_PLAIN_SCALAR_STYLE);
				draft_text(&y, d->renew[i]);
			}
			if (d->notes[i] != NULL) {
				yemit_scalar(&y, "note",
				    YAML_PLAIN_SCALAR_STYLE);
				draft_text(&y, d->notes[i]);
			}
			yemit_close(&y, 1);
		}
		yemit_close(&y, 1);
		yemit_close(&y, 1);
		yemit_finish(&y);
	} else
		fputs("...\n", out);
	xmemclose(out);
	return buf;
}

/*
 * A bound on the bytes draft_format writes for d when the answer to field
 * (none: (size_t)-1) has bytes bytes: every byte of text takes at most 8
 * (an escape, or a line break and its indent), every field at most its
 * id escaped and the punctuation around it.  O(fields).
 */
size_t
draft_bound(const struct draft *d, size_t field, size_t bytes)
{
	const struct form *form = d->form;
	size_t i, n = 256 + 8 * (strlen(form->name) + strlen(form->edition));

	for (i = 0; i < form->nfields; i++) {
		n += 64 + 8 * strlen(form->fields[i].id);
		if (i == field)
			n += 8 * bytes;
		else if (d->answers[i] != NULL)
			n += 8 * strlen(d->answers[i]);
		if (d->renew[i] != NULL)
			n += 8 * strlen(d->renew[i]);
		if (d->notes[i] != NULL)
			n += 8 * strlen(d->notes[i]);
	}
	return n;
}

/*
 * Whether d, with text as the answer to field (none: (size_t)-1; text
 * NULL or "": unanswered), is saved in at most DRAFT_MAX_SIZE bytes, the
 * rule of every writer (limit.h).  Formats the draft only when
 * draft_bound cannot tell.
 */
int
draft_fits(const struct draft *d, size_t field, const char *text)
{
	char *buf, *old = NULL;
	size_t len;

	if (draft_bound(d, field, text != NULL ? strlen(text) : 0) <=
	    DRAFT_MAX_SIZE)
		return 1;
	if (field < d->form->nfields) {
		old = d->answers[field];
		d->answers[field] = text != NULL && *text != '\0' ?
		    (char *)text : NULL;
	}
	buf = draft_format(d, &len);
	if (field < d->form->nfields)
		d->answers[field] = old;
	free(buf);
	return len <= DRAFT_MAX_SIZE;
}

/*
 * The draft as it is saved to path (*len bytes, the caller frees it), or
 * NULL with a cause when it is larger than DRAFT_MAX_SIZE, which no writer
 * writes (limit.h).
 */
char *
draft_bytes(const struct draft *d, const char *path, size_t *len,
    char **cause)
{
	char *buf = draft_format(d, len);

	if (*len <= DRAFT_MAX_SIZE)
		return buf;
	free(buf);
	*cause = xasprintf(_("%s: not saved: the draft would be %zu bytes, "
	    "more than the %u that kaiji reads back; shorten an answer"),
	    path, *len, DRAFT_MAX_SIZE);
	return NULL;
}

/*
 * Save the draft to path atomically (fileio_replace flags: FILEIO_BACKUP,
 * FILEIO_EXCL), when it fits (draft_bytes).  Returns 0, or -1 with a
 * cause; on failure the file at path is unchanged.
 */
int
draft_save(const struct draft *d, const char *path, int flags, char **cause)
{
	char *buf;
	size_t len;
	int rc;

	if ((buf = draft_bytes(d, path, &len, cause)) == NULL)
		return -1;
	rc = fileio_replace(path, buf, len, flags, cause);
	free(buf);
	return rc;
}
