/*
 * import-tree: kaiji's own "export --to yaml" and "--to json" read back
 * (export.h): a mapping with "kaiji-export: 1", the form and edition and a
 * list "fields" of mappings, each with the field's "id" and "answer" (null
 * when unanswered) and, from an export with --notes, its "note".  JSON is
 * read as YAML (it is YAML's flow style); a JSON surrogate pair
 * (\ud83d\ude00, what JSON tools write for a character outside the BMP) is
 * read as the character, a lone surrogate is an error.  The other keys
 * (labels, counts, limits) are the form's and are ignored, in any order.
 *
 * Data model: libyaml's events are read once, without a tree, nesting at
 * most IMPORT_TREE_DEPTH deep and at most IMPORT_TREE_ENTRIES entries, so
 * memory stays within a small multiple of the input.  Each entry becomes
 * a row (ID, 申請内容, 様式, 版) given to csv_rows_import, which places
 * it and notes what it cannot place (unknown ids, a field given twice,
 * fields with no entry), as for kaiji CSV and workbooks.  Anchors,
 * aliases, tags other than YAML's standard ones, a key given twice, NUL
 * characters and more than one document are errors "path:line:col: ...".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "csv.h"
#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "import.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

#define IMPORT_TREE_DEPTH	8	/* nesting an export has is 4 */
#define IMPORT_TREE_ENTRIES	4096	/* entries in "fields" */

struct import_tree {
	const char	*path;
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	int		 have;		/* ev holds an event */
	char		*version, *form, *edition;
	struct csv_rows	 rows;		/* the header row, then entries */
	char		**notes;	/* per row: the field's note */
	char		*cause;
};

/* Whether buf starts (after a BOM and blank space) as an export does. */
int
import_tree_magic(const char *buf, size_t len)
{
	size_t i = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	while (i < len && strchr(" \t\r\n", buf[i]) != NULL)
		i++;
	if (len - i >= 4 && memcmp(buf + i, "---", 3) == 0 &&
	    (buf[i + 3] == '\n' || buf[i + 3] == '\r')) {
		for (i += 3; i < len && strchr(" \t\r\n", buf[i]) != NULL; i++)
			;
	}
	if (len - i >= 13 && memcmp(buf + i, "kaiji-export:", 13) == 0)
		return 1;
	return i < len && buf[i] == '{';
}

/* Set the cause "path:line:col: what" at mark (if none is set yet). */
static void
import_tree_fail(struct import_tree *t, const yaml_mark_t *m,
    const char *what)
{
	if (t->cause == NULL)
		t->cause = xasprintf("%s:%zu:%zu: %s", t->path, m->line + 1,
		    m->column + 1, what);
}

/* The next event into t->ev; 0 with a cause on an error or an alias. */
static int
import_tree_next(struct import_tree *t)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	char *why;

	if (t->have)
		yaml_event_delete(&t->ev);
	t->have = 0;
	if (!yaml_parser_parse(&t->parser, &t->ev)) {
		why = xasprintf(_("invalid YAML: %s"), t->parser.problem !=
		    NULL ? t->parser.problem : "?");
		import_tree_fail(t, &t->parser.problem_mark, why);
		free(why);
		return 0;
	}
	t->have = 1;
	switch (t->ev.type) {
	case YAML_ALIAS_EVENT:
		import_tree_fail(t, &t->ev.start_mark,
		    _("YAML aliases are not allowed"));
		return 0;
	case YAML_SCALAR_EVENT:
		anchor = t->ev.data.scalar.anchor;
		tag = t->ev.data.scalar.tag;
		if (memchr(t->ev.data.scalar.value, '\0',
		    t->ev.data.scalar.length) != NULL) {
			import_tree_fail(t, &t->ev.start_mark,
			    _("NUL character in a value"));
			return 0;
		}
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = t->ev.data.sequence_start.anchor;
		tag = t->ev.data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = t->ev.data.mapping_start.anchor;
		tag = t->ev.data.mapping_start.tag;
		break;
	default:
		break;
	}
	if (anchor != NULL || (tag != NULL && strncmp((const char *)tag,
	    "tag:yaml.org,2002:", 18) != 0)) {
		import_tree_fail(t, &t->ev.start_mark, _("anchors and tags "
		    "other than YAML's own are not read in an export"));
		return 0;
	}
	return 1;
}

/* Skip the value that t->ev starts; 0 with a cause. */
static int
import_tree_skip(struct import_tree *t)
{
	size_t depth = 0;

	for (;;) {
		switch (t->ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > IMPORT_TREE_DEPTH) {
				import_tree_fail(t, &t->ev.start_mark,
				    _("nested too deep for a kaiji export"));
				return 0;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (depth == 0)
			return 1;
		if (!import_tree_next(t))
			return 0;
	}
}

/* Whether the scalar in t->ev is YAML's null (plain null, ~ or nothing). */
static int
import_tree_null(const struct import_tree *t)
{
	const char *s = (const char *)t->ev.data.scalar.value;

	return t->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (*s == '\0' || strcmp(s, "~") == 0 || strcasecmp(s, "null") == 0);
}

/*
 * The scalar value after a key into *slot (NULL for null), or 0 with a
 * cause for a key given twice or a value that is not a scalar.
 */
static int
import_tree_scalar(struct import_tree *t, const char *key, char **slot,
    int *seen)
{
	char *why;

	if (!import_tree_next(t))
		return 0;
	if (*seen) {
		why = xasprintf(_("key '%s' given twice"), key);
		import_tree_fail(t, &t->ev.start_mark, why);
		free(why);
		return 0;
	}
	*seen = 1;
	if (t->ev.type != YAML_SCALAR_EVENT) {
		why = xasprintf(_("'%s' is not a single value"), key);
		import_tree_fail(t, &t->ev.start_mark, why);
		free(why);
		return 0;
	}
	free(*slot);
	*slot = import_tree_null(t) ? NULL :
	    xstrdup((const char *)t->ev.data.scalar.value);
	return 1;
}

/* One entry of "fields" (t->ev starts it) as a row; 0 with a cause. */
static int
import_tree_entry(struct import_tree *t)
{
	struct csv_row row;
	char *id = NULL, *answer = NULL, *note = NULL, *key;
	int sid = 0, sanswer = 0, snote = 0, ok = 0;

	row.line = t->ev.start_mark.line + 1;
	if (t->ev.type != YAML_MAPPING_START_EVENT) {
		import_tree_fail(t, &t->ev.start_mark, _("an entry of "
		    "'fields' is not a mapping"));
		return 0;
	}
	if (t->rows.n > IMPORT_TREE_ENTRIES) {
		key = xasprintf(_("more than %d entries in 'fields'; not a "
		    "kaiji export"), IMPORT_TREE_ENTRIES);
		import_tree_fail(t, &t->ev.start_mark, key);
		free(key);
		return 0;
	}
	for (;;) {
		if (!import_tree_next(t))
			goto out;
		if (t->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (t->ev.type != YAML_SCALAR_EVENT) {
			import_tree_fail(t, &t->ev.start_mark,
			    _("a key that is not a single value"));
			goto out;
		}
		key = (char *)t->ev.data.scalar.value;
		if (strcmp(key, "id") == 0) {
			if (!import_tree_scalar(t, "id", &id, &sid))
				goto out;
		} else if (strcmp(key, "answer") == 0) {
			if (!import_tree_scalar(t, "answer", &answer,
			    &sanswer))
				goto out;
		} else if (strcmp(key, "note") == 0) {
			if (!import_tree_scalar(t, "note", &note, &snote))
				goto out;
		} else if (!import_tree_next(t) || !import_tree_skip(t))
			goto out;
	}
	row.n = 4;
	row.cells = xcalloc(4, sizeof *row.cells);
	row.cells[0] = id != NULL ? id : xstrdup("");
	row.cells[1] = answer != NULL ? answer : xstrdup("");
	id = answer = NULL;
	row.cells[2] = xstrdup("");
	row.cells[3] = xstrdup("");
	t->rows.v = xgrowarray(t->rows.v, t->rows.n, sizeof *t->rows.v);
	t->notes = xreallocarray(t->notes, t->rows.n + 1, sizeof *t->notes);
	t->notes[t->rows.n] = note;
	note = NULL;
	t->rows.v[t->rows.n++] = row;
	ok = 1;
out:
	free(id);
	free(answer);
	free(note);
	return ok;
}

/* The top-level mapping (t->ev starts it); 0 with a cause. */
static int
import_tree_top(struct import_tree *t)
{
	const yaml_mark_t start = t->ev.start_mark;
	char *key;
	int sversion = 0, sform = 0, sedition = 0, sfields = 0;

	if (t->ev.type != YAML_MAPPING_START_EVENT) {
		import_tree_fail(t, &start, _("not a kaiji export (no "
		    "mapping with 'kaiji-export')"));
		return 0;
	}
	for (;;) {
		if (!import_tree_next(t))
			return 0;
		if (t->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (t->ev.type != YAML_SCALAR_EVENT) {
			import_tree_fail(t, &t->ev.start_mark,
			    _("a key that is not a single value"));
			return 0;
		}
		key = (char *)t->ev.data.scalar.value;
		if (strcmp(key, "kaiji-export") == 0) {
			if (!import_tree_scalar(t, "kaiji-export", &t->version,
			    &sversion))
				return 0;
		} else if (strcmp(key, "form") == 0) {
			if (!import_tree_scalar(t, "form", &t->form, &sform))
				return 0;
		} else if (strcmp(key, "edition") == 0) {
			if (!import_tree_scalar(t, "edition", &t->edition,
			    &sedition))
				return 0;
		} else if (strcmp(key, "fields") == 0) {
			if (!import_tree_next(t))
				return 0;
			if (sfields++ || t->ev.type !=
			    YAML_SEQUENCE_START_EVENT) {
				import_tree_fail(t, &t->ev.start_mark,
				    _("'fields' is not one list"));
				return 0;
			}
			for (;;) {
				if (!import_tree_next(t))
					return 0;
				if (t->ev.type == YAML_SEQUENCE_END_EVENT)
					break;
				if (!import_tree_entry(t))
					return 0;
			}
		} else if (!import_tree_next(t) || !import_tree_skip(t))
			return 0;
	}
	if (t->version == NULL || strcmp(t->version, "1") != 0) {
		key = t->version == NULL ? xstrdup(_("not a kaiji export (no "
		    "'kaiji-export: 1')")) : xasprintf(_("kaiji-export "
		    "version '%s'; this kaiji reads version 1"), t->version);
		import_tree_fail(t, &start, key);
		free(key);
		return 0;
	}
	if (t->form == NULL || t->edition == NULL || !sfields) {
		import_tree_fail(t, &start, _("an export names its form, "
		    "edition and fields ('form', 'edition', 'fields')"));
		return 0;
	}
	return 1;
}

/*
 * JSON's surrogate pairs in buf (len bytes; rewritten, never longer) as
 * YAML's \U escapes: the same character.  Backslashes outside strings are
 * not JSON, so each backslash read starts an escape.
 */
static size_t
import_tree_pairs(char *buf, size_t len)
{
	size_t r = 0, w = 0;
	unsigned hi, lo;
	char hex[5] = { 0 };

	while (r < len) {
		if (buf[r] != '\\' || r + 1 >= len) {
			buf[w++] = buf[r++];
			continue;
		}
		if (buf[r + 1] == 'u' && r + 12 <= len &&
		    buf[r + 6] == '\\' && buf[r + 7] == 'u' &&
		    strspn(buf + r + 2, "0123456789abcdefABCDEF") >= 4 &&
		    strspn(buf + r + 8, "0123456789abcdefABCDEF") >= 4) {
			memcpy(hex, buf + r + 2, 4);
			hi = (unsigned)strtoul(hex, NULL, 16);
			memcpy(hex, buf + r + 8, 4);
			lo = (unsigned)strtoul(hex, NULL, 16);
			if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 &&
			    lo <= 0xdfff) {
				w += (size_t)sprintf(buf + w, "\\U%08X",
				    0x10000 + ((hi - 0xd800) << 10) +
				    (lo - 0xdc00));
				r += 12;
				continue;
			}
		}
		buf[w++] = buf[r++];
		buf[w++] = buf[r++];
	}
	return w;
}

/*
 * A draft from kaiji's YAML or JSON export buf (len bytes, read from
 * path), its form found in fd.  Returns the draft (the caller frees it)
 * with notes about what could not be placed, or NULL with a cause
 * "path:line:col: ..."; then no note is added.
 */
struct draft *
import_tree(const char *path, const char *buf, size_t len,
    struct formdir *fd, struct strvec *notes, char **cause)
{
	struct import_tree t;
	struct draft *d = NULL;
	const struct form_field *f;
	char *copy, *why;
	size_t i, off, n;
	yaml_mark_t m = { 0, 0, 0 };

	memset(&t, 0, sizeof t);
	t.path = path;
	switch (text_guard(buf, len, &off)) {
	case TEXT_OK:
		break;
	case TEXT_NUL:
		m.line = text_line(buf, len, off, &m.column) - 1;
		m.column--;
		import_tree_fail(&t, &m, _("NUL byte in file"));
		*cause = t.cause;
		return NULL;
	default:
		m.line = text_line(buf, len, off, &m.column) - 1;
		m.column--;
		import_tree_fail(&t, &m, _("invalid UTF-8"));
		*cause = t.cause;
		return NULL;
	}
	copy = xmalloc(len + 1);
	memcpy(copy, buf, len);
	n = import_tree_pairs(copy, len);
	if (!yaml_parser_initialize(&t.parser))
		xfatal("out of memory");
	yaml_parser_set_input_string(&t.parser, (unsigned char *)copy, n);
	/* the header row, as kaiji CSV names the columns */
	t.rows.v = xcalloc(1, sizeof *t.rows.v);
	t.rows.v[0].n = 4;
	t.rows.v[0].line = 1;
	t.rows.v[0].cells = xcalloc(4, sizeof (char *));
	t.rows.v[0].cells[0] = xstrdup(csv_names[CSV_ID]);
	t.rows.v[0].cells[1] = xstrdup(csv_names[CSV_ANSWER]);
	t.rows.v[0].cells[2] = xstrdup(csv_names[CSV_FORM]);
	t.rows.v[0].cells[3] = xstrdup(csv_names[CSV_EDITION]);
	t.rows.n = 1;
	t.notes = xcalloc(1, sizeof *t.notes);
	if (!import_tree_next(&t) || !import_tree_next(&t) ||
	    !import_tree_next(&t))
		goto out;	/* stream start, document start, its node */
	if (!import_tree_top(&t) || !import_tree_next(&t))
		goto out;
	if (!import_tree_next(&t))
		goto out;	/* document end, then stream end */
	if (t.ev.type != YAML_STREAM_END_EVENT) {
		import_tree_fail(&t, &t.ev.start_mark, _("more than one YAML "
		    "document"));
		goto out;
	}
	if (t.rows.n == 1) {	/* no entries: one row to name the form */
		t.rows.v = xgrowarray(t.rows.v, 1, sizeof *t.rows.v);
		t.rows.v[1].n = 4;
		t.rows.v[1].line = 1;
		t.rows.v[1].cells = xcalloc(4, sizeof (char *));
		t.rows.v[1].cells[0] = xstrdup("");
		t.rows.v[1].cells[1] = xstrdup("");
		t.rows.v[1].cells[2] = xstrdup("");
		t.rows.v[1].cells[3] = xstrdup("");
		t.notes = xreallocarray(t.notes, 2, sizeof *t.notes);
		t.notes[1] = NULL;
		t.rows.n = 2;
	}
	for (i = 1; i < t.rows.n; i++) {
		free(t.rows.v[i].cells[2]);
		free(t.rows.v[i].cells[3]);
		t.rows.v[i].cells[2] = xstrdup(t.form);
		t.rows.v[i].cells[3] = xstrdup(t.edition);
	}
	if ((d = csv_rows_import(path, &t.rows, fd, notes, &t.cause)) == NULL)
		goto out;
	for (i = 1; i < t.rows.n; i++) {
		if (t.notes[i] == NULL || (f = form_field(d->form,
		    t.rows.v[i].cells[0])) == NULL || d->notes[f->index] !=
		    NULL)
			continue;
		if (draft_set_note(d, f->index, t.notes[i], &why) != 0) {
			strvec_addf(notes, "%s:%zu: %s: %s", path,
			    t.rows.v[i].line, f->id, why);
			free(why);
		}
	}
out:
	if (t.have)
		yaml_event_delete(&t.ev);
	yaml_parser_delete(&t.parser);
	for (i = 0; i < t.rows.n; i++)
		free(t.notes[i]);
	free(t.notes);
	csv_rows_free(&t.rows);
	free(t.version);
	free(t.form);
	free(t.edition);
	free(copy);
	*cause = t.cause;
	return d;
}
