/*
 * ynode: builds a ynode tree from libyaml's event parser.
 *
 * Invariants: every node has a position; a mapping's kids alternate key
 * and value, keys are scalars and no two keys are equal; the tree is at
 * most YNODE_MAX_DEPTH deep; nothing in it came from an alias; no scalar
 * holds a NUL (so str is the whole value).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "i18n.h"
#include "text.h"
#include "xalloc.h"
#include "ynode.h"

/* Return a cause "path:line:col: message" for a node (caller frees). */
char *
ynode_error(const char *path, const struct ynode *node, const char *fmt, ...)
{
	va_list ap;
	char *msg, *cause;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = xstrdup(fmt);
	va_end(ap);
	if (node != NULL)
		cause = xasprintf("%s:%u:%u: %s", path, node->line, node->col,
		    msg);
	else
		cause = xasprintf("%s: %s", path, msg);
	free(msg);
	return cause;
}

/* A plain scalar that YAML reads as null: empty, "~" or null/Null/NULL. */
int
ynode_is_null(const struct ynode *node)
{
	if (node == NULL)
		return 1;
	if (node->kind != YNODE_SCALAR || !node->plain)
		return 0;
	return node->len == 0 || strcmp(node->str, "~") == 0 ||
	    strcmp(node->str, "null") == 0 || strcmp(node->str, "Null") == 0 ||
	    strcmp(node->str, "NULL") == 0;
}

void
ynode_free(struct ynode *node)
{
	size_t i;

	if (node == NULL)
		return;
	for (i = 0; i < node->n; i++)
		ynode_free(node->kids[i]);
	free(node->kids);
	free(node->str);
	free(node);
}

/* Line and column (1-based, column in characters) of a byte offset. */
static void
ynode_offset_pos(const char *buf, size_t len, size_t off, unsigned *line,
    unsigned *col)
{
	size_t c;

	*line = (unsigned)text_line(buf, len, off, &c);
	*col = (unsigned)c;
}

static struct ynode *
ynode_new(enum ynode_kind kind, const yaml_mark_t *mark)
{
	struct ynode *node = xcalloc(1, sizeof *node);

	node->kind = kind;
	node->line = (unsigned)mark->line + 1;
	node->col = (unsigned)mark->column + 1;
	return node;
}

static void
ynode_add(struct ynode *parent, struct ynode *kid)
{
	/* capacity doubles at each power of two from 4 on */
	if (parent->n >= 4 && (parent->n & (parent->n - 1)) == 0)
		parent->kids = xreallocarray(parent->kids, parent->n * 2,
		    sizeof *parent->kids);
	else if (parent->n == 0)
		parent->kids = xreallocarray(NULL, 4, sizeof *parent->kids);
	parent->kids[parent->n++] = kid;
}

/* Only the plain string, sequence and mapping tags are accepted. */
static int
ynode_tag_ok(const yaml_char_t *tag)
{
	const char *t = (const char *)tag;

	return t == NULL || strcmp(t, YAML_STR_TAG) == 0 ||
	    strcmp(t, YAML_SEQ_TAG) == 0 || strcmp(t, YAML_MAP_TAG) == 0;
}

static int
ynode_key_cmp(const void *a, const void *b)
{
	const struct ynode *ka = *(const struct ynode *const *)a;
	const struct ynode *kb = *(const struct ynode *const *)b;
	int c = strcmp(ka->str, kb->str);

	if (c != 0)
		return c;
	/* equal keys: in document order */
	if (ka->line != kb->line)
		return ka->line < kb->line ? -1 : 1;
	return ka->col < kb->col ? -1 : ka->col > kb->col;
}

/*
 * The first repeated key of a mapping (the later of the two, in document
 * order), or NULL.  Sorting keeps a 10,000-key mapping cheap.
 */
static struct ynode *
ynode_duplicate(const struct ynode *map)
{
	struct ynode **keys, *dup = NULL;
	size_t n = map->n / 2, i;

	if (n < 2)
		return NULL;
	if (n <= 8) {
		size_t j;

		for (i = 1; i < n; i++) {
			for (j = 0; j < i; j++) {
				if (strcmp(map->kids[2 * i]->str,
				    map->kids[2 * j]->str) == 0)
					return map->kids[2 * i];
			}
		}
		return NULL;
	}
	keys = xreallocarray(NULL, n, sizeof *keys);
	for (i = 0; i < n; i++)
		keys[i] = map->kids[2 * i];
	qsort(keys, n, sizeof *keys, ynode_key_cmp);
	for (i = 1; i < n; i++) {
		/* the second of each run of equal keys is a repeat */
		if (strcmp(keys[i]->str, keys[i - 1]->str) != 0 ||
		    (i >= 2 && strcmp(keys[i - 1]->str, keys[i - 2]->str) == 0))
			continue;
		if (dup == NULL || keys[i]->line < dup->line ||
		    (keys[i]->line == dup->line && keys[i]->col < dup->col))
			dup = keys[i];
	}
	free(keys);
	return dup;
}

/*
 * Parse len bytes of buf (read from path) into a tree the caller frees.
 * Returns NULL with a cause "path:line:col: problem" on any error.
 */
struct ynode *
ynode_parse(const char *path, const char *buf, size_t len, char **cause)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct ynode *stack[YNODE_MAX_DEPTH + 1], *root = NULL, *node, *top;
	size_t depth = 0, off;
	int done = 0, docs = 0;
	unsigned line, col;
	const char *why;

	*cause = NULL;
	switch (text_guard(buf, len, &off)) {
	case TEXT_OK:
		break;
	case TEXT_WIDE_BOM:
		*cause = xasprintf(_("%s:1:1: invalid UTF-8 (a UTF-16 or "
		    "UTF-32 file?)"), path);
		return NULL;
	case TEXT_NUL:
		ynode_offset_pos(buf, len, off, &line, &col);
		*cause = xasprintf(_("%s:%u:%u: NUL byte in file"), path, line,
		    col);
		return NULL;
	case TEXT_INVALID:
		ynode_offset_pos(buf, len, off, &line, &col);
		*cause = xasprintf(_("%s:%u:%u: invalid UTF-8"), path, line,
		    col);
		return NULL;
	}
	if (!yaml_parser_initialize(&parser)) {
		*cause = xasprintf("%s: %s", path, _("out of memory"));
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.problem_mark.line != 0 ||
			    parser.problem_mark.column != 0 ||
			    parser.problem_offset == 0) {
				line = (unsigned)parser.problem_mark.line + 1;
				col = (unsigned)parser.problem_mark.column + 1;
			} else
				ynode_offset_pos(buf, len,
				    parser.problem_offset, &line, &col);
			/* what libyaml's reader refuses beyond the guard */
			if (parser.error == YAML_READER_ERROR &&
			    parser.problem != NULL &&
			    (strstr(parser.problem, "UTF-8") != NULL ||
			    strstr(parser.problem, "Unicode") != NULL))
				*cause = xasprintf(_("%s:%u:%u: invalid UTF-8"),
				    path, line, col);
			else
				*cause = xasprintf(_("%s:%u:%u: invalid YAML: "
				    "%s"), path, line, col, parser.problem !=
				    NULL ? parser.problem : "?");
			goto fail;
		}
		node = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				*cause = xasprintf(_("%s:%u:%u: more than one "
				    "YAML document"), path,
				    (unsigned)ev.start_mark.line + 1,
				    (unsigned)ev.start_mark.column + 1);
				yaml_event_delete(&ev);
				goto fail;
			}
			break;
		case YAML_ALIAS_EVENT:
			*cause = xasprintf(_("%s:%u:%u: YAML aliases are not "
			    "allowed"), path, (unsigned)ev.start_mark.line + 1,
			    (unsigned)ev.start_mark.column + 1);
			yaml_event_delete(&ev);
			goto fail;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			why = NULL;
			if ((ev.type == YAML_SCALAR_EVENT ?
			    ev.data.scalar.anchor : ev.type ==
			    YAML_SEQUENCE_START_EVENT ?
			    ev.data.sequence_start.anchor :
			    ev.data.mapping_start.anchor) != NULL)
				why = _("YAML anchors are not allowed");
			else if (!ynode_tag_ok(ev.type == YAML_SCALAR_EVENT ?
			    ev.data.scalar.tag : ev.type ==
			    YAML_SEQUENCE_START_EVENT ?
			    ev.data.sequence_start.tag :
			    ev.data.mapping_start.tag))
				why = _("YAML tags are not allowed");
			else if (ev.type == YAML_SCALAR_EVENT &&
			    memchr(ev.data.scalar.value, '\0',
			    ev.data.scalar.length) != NULL)
				/* an escape ("\0", "\x00") makes one */
				why = _("NUL character in a value");
			if (why != NULL) {
				*cause = xasprintf("%s:%u:%u: %s", path,
				    (unsigned)ev.start_mark.line + 1,
				    (unsigned)ev.start_mark.column + 1, why);
				yaml_event_delete(&ev);
				goto fail;
			}
			if (ev.type == YAML_SCALAR_EVENT) {
				node = ynode_new(YNODE_SCALAR, &ev.start_mark);
				node->len = ev.data.scalar.length;
				/* take libyaml's NUL-terminated copy */
				node->str = (char *)ev.data.scalar.value;
				ev.data.scalar.value = NULL;
				node->plain = ev.data.scalar.style ==
				    YAML_PLAIN_SCALAR_STYLE;
			} else
				node = ynode_new(ev.type ==
				    YAML_SEQUENCE_START_EVENT ? YNODE_SEQ :
				    YNODE_MAP, &ev.start_mark);
			break;
		case YAML_MAPPING_END_EVENT:
			if ((node = ynode_duplicate(stack[depth - 1])) !=
			    NULL) {
				*cause = ynode_error(path, node,
				    _("duplicate key '%s'"), node->str);
				yaml_event_delete(&ev);
				goto fail;
			}
			depth--;
			break;
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (node != NULL) {
			top = depth > 0 ? stack[depth - 1] : NULL;
			if (top == NULL)
				root = node;
			else {
				if (top->kind == YNODE_MAP && top->n % 2 == 0 &&
				    node->kind != YNODE_SCALAR) {
					*cause = ynode_error(path, node,
					    _("a mapping key must be a plain "
					    "value"));
					ynode_free(node);
					yaml_event_delete(&ev);
					goto fail;
				}
				ynode_add(top, node);
			}
			if (node->kind != YNODE_SCALAR) {
				if (depth == YNODE_MAX_DEPTH) {
					*cause = ynode_error(path, node,
					    _("nested too deeply"));
					yaml_event_delete(&ev);
					goto fail;
				}
				stack[depth++] = node;
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (root == NULL)
		*cause = xasprintf(_("%s: empty file"), path);
	return root;

fail:
	yaml_parser_delete(&parser);
	ynode_free(root);
	return NULL;
}
