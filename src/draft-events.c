/*
 * draft-events: a draft file read straight from libyaml's events into a
 * struct draft, without building a ynode tree, for reading many drafts at
 * once (kaiji summary).
 *
 * It reads only the common case: a draft that draft_parse would read
 * without error and whose top-level keys give the form and edition before
 * "answers" and "fields" (as kaiji writes them): a version 2 draft ending
 * with a "..." line, or a version 1 draft.  Anything else (any error,
 * anchors, tags, duplicate keys, an unknown key or field, a value of the
 * wrong kind, a version 2 draft without the marker as its very last line,
 * a byte order mark) makes it decline, and the caller reads the file with
 * draft_parse, which gives the answer or the error as always.  So where it
 * reads a draft, the draft is the one draft_parse would give: the same
 * answers, renew and note texts (null and empty scalars left out).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "draft-events.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "xalloc.h"

/* The reader's state: the parser, the draft once the form is known. */
struct draft_events {
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	int		 have;		/* ev holds an event */
	struct draft	*d;
	char		*version, *form, *edition;
	unsigned char	*seen;		/* per field: answered, in state */
};

/* The next event into ev (the last one deleted); 0 on a YAML error. */
static int
draft_events_next(struct draft_events *de)
{
	if (de->have)
		yaml_event_delete(&de->ev);
	de->have = 0;
	if (!yaml_parser_parse(&de->parser, &de->ev))
		return 0;
	de->have = 1;
	return 1;
}

/*
 * Whether ev is a node draft_parse takes as it is: no anchor, only the
 * standard tags, no NUL in a scalar.
 */
static int
draft_events_plain_node(const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		/* the reader refuses NUL bytes: only an escape makes one */
		if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
		    memchr(ev->data.scalar.value, '\0',
		    ev->data.scalar.length) != NULL)
			return 0;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	default:
		return 1;
	}
	return anchor == NULL && (tag == NULL ||
	    strcmp((const char *)tag, YAML_STR_TAG) == 0 ||
	    strcmp((const char *)tag, YAML_SEQ_TAG) == 0 ||
	    strcmp((const char *)tag, YAML_MAP_TAG) == 0);
}

/* The next event, which must be a node draft_parse takes as it is. */
static int
draft_events_node(struct draft_events *de)
{
	return draft_events_next(de) && draft_events_plain_node(&de->ev);
}

/* Whether the scalar in ev is null as ynode_is_null reads it. */
static int
draft_events_null(const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return ev->data.scalar.length == 0 || strcmp(s, "~") == 0 ||
	    strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	    strcmp(s, "NULL") == 0;
}

/* Take the scalar in ev into *slot unless it is null or empty. */
static void
draft_events_take(struct draft_events *de, char **slot)
{
	if (draft_events_null(&de->ev) || de->ev.data.scalar.length == 0)
		return;
	*slot = (char *)de->ev.data.scalar.value;
	de->ev.data.scalar.value = NULL;
}

/* The field the scalar key in ev names, as draft_parse reads it, or NULL. */
static const struct form_field *
draft_events_field(const struct draft_events *de)
{
	const char *id = (const char *)de->ev.data.scalar.value;
	const struct form_field *f = form_field(de->d->form, id);

	return f != NULL && strcmp(f->id, id) == 0 ? f : NULL;
}

/* The value of a top-level key that must be text, taken into *slot. */
static int
draft_events_text(struct draft_events *de, char **slot)
{
	if (*slot != NULL || !draft_events_node(de) ||
	    de->ev.type != YAML_SCALAR_EVENT)
		return 0;
	*slot = (char *)de->ev.data.scalar.value;
	de->ev.data.scalar.value = NULL;
	return 1;
}

/* Make the draft once the form and edition are known. */
static int
draft_events_draft(struct draft_events *de, struct formdir *fd)
{
	const struct form *form;
	char *why;

	if (de->d != NULL)
		return 1;
	if (de->form == NULL || de->edition == NULL)
		return 0;
	if ((form = formdir_get(fd, de->form, de->edition, &why)) == NULL) {
		free(why);
		return 0;
	}
	de->d = draft_new(form);
	de->seen = xcalloc(form->nfields, 1);
	return 1;
}

/*
 * The start of a value that is null or a mapping: 1 for null, 0 for
 * anything else the fast path declines, -1 when a mapping has begun.
 */
static int
draft_events_open(struct draft_events *de)
{
	if (!draft_events_node(de))
		return 0;
	if (de->ev.type == YAML_SCALAR_EVENT)
		return draft_events_null(&de->ev);
	return de->ev.type == YAML_MAPPING_START_EVENT ? -1 : 0;
}

/* The value of "answers": null, or a mapping of field ids to text. */
static int
draft_events_answers(struct draft_events *de)
{
	const struct form_field *f;
	int rc;

	if ((rc = draft_events_open(de)) != -1)
		return rc;
	for (;;) {
		if (!draft_events_node(de))
			return 0;
		if (de->ev.type == YAML_MAPPING_END_EVENT)
			return 1;
		if (de->ev.type != YAML_SCALAR_EVENT ||
		    (f = draft_events_field(de)) == NULL ||
		    (de->seen[f->index] & 1))
			return 0;
		de->seen[f->index] |= 1;
		if (!draft_events_node(de) || de->ev.type != YAML_SCALAR_EVENT)
			return 0;
		draft_events_take(de, &de->d->answers[f->index]);
	}
}

/* One field's state: null, or a mapping of renew and note to text. */
static int
draft_events_state(struct draft_events *de, size_t field)
{
	int got = 0, bit, rc;

	if ((rc = draft_events_open(de)) != -1)
		return rc;
	for (;;) {
		if (!draft_events_node(de))
			return 0;
		if (de->ev.type == YAML_MAPPING_END_EVENT)
			return 1;
		if (de->ev.type != YAML_SCALAR_EVENT)
			return 0;
		if (strcmp((const char *)de->ev.data.scalar.value,
		    "renew") == 0)
			bit = 1;
		else if (strcmp((const char *)de->ev.data.scalar.value,
		    "note") == 0)
			bit = 2;
		else
			return 0;
		if (got & bit)
			return 0;
		got |= bit;
		if (!draft_events_node(de) || de->ev.type != YAML_SCALAR_EVENT)
			return 0;
		draft_events_take(de, bit == 1 ? &de->d->renew[field] :
		    &de->d->notes[field]);
	}
}

/* The value of "fields": null, or a mapping of field ids to states. */
static int
draft_events_fields(struct draft_events *de)
{
	const struct form_field *f;
	int rc;

	if ((rc = draft_events_open(de)) != -1)
		return rc;
	for (;;) {
		if (!draft_events_node(de))
			return 0;
		if (de->ev.type == YAML_MAPPING_END_EVENT)
			return 1;
		if (de->ev.type != YAML_SCALAR_EVENT ||
		    (f = draft_events_field(de)) == NULL ||
		    (de->seen[f->index] & 2))
			return 0;
		de->seen[f->index] |= 2;
		if (!draft_events_state(de, f->index))
			return 0;
	}
}

/* The whole stream: one document, a mapping of the draft's keys. */
static int
draft_events_stream(struct draft_events *de, struct formdir *fd)
{
	const char *key;
	int answers = 0, fields = 0;

	if (!draft_events_next(de) || de->ev.type != YAML_STREAM_START_EVENT ||
	    !draft_events_next(de) ||
	    de->ev.type != YAML_DOCUMENT_START_EVENT ||
	    !draft_events_node(de) || de->ev.type != YAML_MAPPING_START_EVENT)
		return 0;
	for (;;) {
		if (!draft_events_node(de))
			return 0;
		if (de->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (de->ev.type != YAML_SCALAR_EVENT)
			return 0;
		key = (const char *)de->ev.data.scalar.value;
		if (strcmp(key, "kaiji-draft") == 0) {
			if (!draft_events_text(de, &de->version))
				return 0;
		} else if (strcmp(key, "form") == 0) {
			if (!draft_events_text(de, &de->form))
				return 0;
		} else if (strcmp(key, "edition") == 0) {
			if (!draft_events_text(de, &de->edition))
				return 0;
		} else if (strcmp(key, "answers") == 0) {
			if (answers++ || !draft_events_draft(de, fd) ||
			    !draft_events_answers(de))
				return 0;
		} else if (strcmp(key, "fields") == 0) {
			if (fields++ || !draft_events_draft(de, fd) ||
			    !draft_events_fields(de))
				return 0;
		} else
			return 0;
	}
	if (de->version == NULL || (strcmp(de->version, "1") != 0 &&
	    strcmp(de->version, "2") != 0) || !draft_events_draft(de, fd))
		return 0;
	/* the end of the document and of the stream, nothing more */
	return draft_events_next(de) &&
	    de->ev.type == YAML_DOCUMENT_END_EVENT &&
	    draft_events_next(de) && de->ev.type == YAML_STREAM_END_EVENT;
}

/*
 * Read the draft in buf (len bytes) with its form from fd, if
 * it is the common case (see the top of this file): returns 1 with the
 * draft in *out (the caller frees it), or 0 when the caller must read buf
 * with draft_parse instead.
 */
int
draft_events_parse(const char *buf, size_t len, struct formdir *fd,
    struct draft **out)
{
	static const char v2[] = "kaiji-draft: 2";
	const unsigned char *u = (const unsigned char *)buf;
	struct draft_events de;
	int ok, marked;

	*out = NULL;
	/* the marker as kaiji writes it: the last line is "..." */
	marked = len >= 5 && memcmp(buf + len - 5, "\n...\n", 5) == 0;
	/* without it, only a version 1 draft (what draft_v2_start is not) */
	if (!marked && (len < sizeof v2 - 1 || memcmp(buf, v2, sizeof v2 -
	    1) == 0 || memcmp(buf, "\xef\xbb\xbf", 3) == 0))
		return 0;
	/*
	 * text_guard's checks but one are libyaml's: its reader refuses
	 * bytes that are not UTF-8 and control characters (NUL among them)
	 * anywhere in the stream.  It would read a UTF-16 byte order mark.
	 */
	if (len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
	    (u[0] == 0xff && u[1] == 0xfe)))
		return 0;
	memset(&de, 0, sizeof de);
	if (!yaml_parser_initialize(&de.parser))
		return 0;
	yaml_parser_set_input_string(&de.parser, (const unsigned char *)buf,
	    len);
	ok = draft_events_stream(&de, fd) && (marked ||
	    strcmp(de.version, "1") == 0);
	if (de.have)
		yaml_event_delete(&de.ev);
	yaml_parser_delete(&de.parser);
	free(de.version);
	free(de.form);
	free(de.edition);
	free(de.seen);
	if (!ok) {
		draft_free(de.d);
		return 0;
	}
	*out = de.d;
	return 1;
}
