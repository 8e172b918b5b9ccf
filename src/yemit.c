/*
 * yemit: the YAML writer.  Between yemit_start and yemit_finish the
 * emitter is inside one document of one stream; every event goes through
 * yemit_event.
 *
 * Direct mode (direct not NULL): lv[0..depth) are the collections open,
 * outermost first.  A collection's first entry goes where its opening
 * left the line: YEMIT_INLINE, right after "- " (a collection in a
 * sequence); YEMIT_NEWLINE, after "key:" (a collection as a mapping's
 * value), so a line break and the indent come first; otherwise at the
 * start of a line.  Mapping entries are at indent, so are the items of a
 * sequence in a mapping (libyaml's indentless sequences); the entries of
 * a collection in a sequence are 2 further in.  n counts what a level
 * holds, so in a mapping an odd n means a key waits for its value.
 * buf holds what is not written to direct yet.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "xalloc.h"
#include "yemit.h"

/*
 * The emitter's output: a write error stays in the stream's error
 * indicator, for the caller to find with ferror, so that the emitter
 * itself fails only as yemit.h says.
 */
static int
yemit_write(void *data, unsigned char *buf, size_t size)
{
	if (fwrite(buf, 1, size, data) != size) {
		/* see above */
	}
	return 1;
}

/* Emit ev or stop: see yemit.h. */
static void
yemit_event(struct yemit *y, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&y->em, ev))
		xfatal("out of memory (YAML emitter)");
}

/* Begin a stream and its document, written to fp. */
enum { YEMIT_INLINE = 1, YEMIT_NEWLINE };

/*
 * Whether s is written plain by libyaml in any style: 1 to 64 letters,
 * digits, '.', '_' and '-', not starting with '.' or '-' (the words of a
 * report: keys, identifiers, kinds, numbers, true and false).
 */
int
yemit_word(const char *s)
{
	size_t i;

	if (*s == '\0' || *s == '.' || *s == '-')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i == 64 || !((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		    s[i] == '_' || s[i] == '-'))
			return 0;
	}
	return 1;
}

/* Write n bytes of s in direct mode, through buf. */
static void
yemit_put(struct yemit *y, const void *s, size_t n)
{
	if (y->nbuf + n > sizeof y->buf) {
		fwrite(y->buf, 1, y->nbuf, y->direct);
		y->nbuf = 0;
		if (n > sizeof y->buf) {
			fwrite(s, 1, n, y->direct);
			return;
		}
	}
	memcpy(y->buf + y->nbuf, s, n);
	y->nbuf += n;
}

static void
yemit_putc(struct yemit *y, char c)
{
	if (y->nbuf == sizeof y->buf) {
		fwrite(y->buf, 1, y->nbuf, y->direct);
		y->nbuf = 0;
	}
	y->buf[y->nbuf++] = c;
}

void
yemit_start_direct(struct yemit *y, FILE *fp)
{
	memset(y, 0, sizeof *y);
	y->direct = fp;
}

/*
 * Write s (valid UTF-8) double-quoted as libyaml's emitter does with
 * unicode on: characters outside its printable set (C0 and C1 controls,
 * DEL, U+FEFF, U+FFFE, U+FFFF, and everything past U+FFFF), line breaks,
 * '"' and '\\' escaped, the rest as it is.
 */
static void
yemit_direct_quoted(struct yemit *y, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *u = (const unsigned char *)s, *run = u;
	uint32_t c;
	int k, n;
	char e;

	yemit_putc(y, '"');
	while (*u != '\0') {
		if (*u >= 0x20 && *u < 0x7f && *u != '"' && *u != '\\') {
			u++;
			continue;
		}
		if (*u < 0x80)
			c = *u, n = 1;
		else if (*u < 0xe0)
			c = (uint32_t)(*u & 0x1f) << 6 | (u[1] & 0x3f), n = 2;
		else if (*u < 0xf0)
			c = (uint32_t)(*u & 0x0f) << 12 |
			    (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f), n = 3;
		else
			c = (uint32_t)(*u & 0x07) << 18 |
			    (uint32_t)(u[1] & 0x3f) << 12 |
			    (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f), n = 4;
		if ((c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029) ||
		    (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)) {
			u += n;
			continue;
		}
		yemit_put(y, run, (size_t)(u - run));
		u += n;
		run = u;
		yemit_putc(y, '\\');
		switch (c) {
		case 0x00: e = '0'; break;
		case 0x07: e = 'a'; break;
		case 0x08: e = 'b'; break;
		case 0x09: e = 't'; break;
		case 0x0a: e = 'n'; break;
		case 0x0b: e = 'v'; break;
		case 0x0c: e = 'f'; break;
		case 0x0d: e = 'r'; break;
		case 0x1b: e = 'e'; break;
		case 0x22: e = '"'; break;
		case 0x5c: e = '\\'; break;
		case 0x85: e = 'N'; break;
		case 0x2028: e = 'L'; break;
		case 0x2029: e = 'P'; break;
		default: e = 0; break;
		}
		if (e != 0) {
			yemit_putc(y, e);
			continue;
		}
		k = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
		yemit_putc(y, k == 2 ? 'x' : k == 4 ? 'u' : 'U');
		while (k-- > 0)
			yemit_putc(y, hex[(c >> (4 * k)) & 0xf]);
	}
	yemit_put(y, run, (size_t)(u - run));
	yemit_putc(y, '"');
}

/* Where the next entry of the innermost collection goes (see the top). */
static void
yemit_direct_place(struct yemit *y)
{
	struct yemit_level *l = &y->lv[y->depth - 1];
	int i;

	if (l->map && l->n % 2 == 1) {
		yemit_putc(y, ' ');
		return;		/* a value, after "key:" */
	}
	if (l->state == YEMIT_NEWLINE && l->n == 0)
		yemit_putc(y, '\n');
	if (l->state != YEMIT_INLINE || l->n != 0) {
		for (i = 0; i < l->indent; i++)
			yemit_putc(y, ' ');
	}
	if (!l->map)
		yemit_put(y, "- ", 2);
}

/* A scalar in direct mode. */
static void
yemit_direct_scalar(struct yemit *y, const char *s, yaml_scalar_style_t style)
{
	struct yemit_level *l = &y->lv[y->depth - 1];

	yemit_direct_place(y);
	if (style != YAML_DOUBLE_QUOTED_SCALAR_STYLE && yemit_word(s))
		yemit_put(y, s, strlen(s));
	else
		yemit_direct_quoted(y, s);
	yemit_putc(y, l->map && l->n % 2 == 0 ? ':' : '\n');
	l->n++;
}

/* A collection opens in direct mode. */
static void
yemit_direct_open(struct yemit *y, int map)
{
	struct yemit_level *l = y->depth > 0 ? &y->lv[y->depth - 1] : NULL;
	struct yemit_level *in;

	if (y->depth == YEMIT_DEPTH)
		xfatal("YAML nested too deeply (a bug)");
	in = &y->lv[y->depth];
	in->map = map;
	in->n = 0;
	if (l == NULL) {
		in->indent = 0;
		in->state = 0;
	} else if (l->map) {
		/* a value: after "key:"; a sequence's items at the key */
		in->indent = l->indent + (map ? 2 : 0);
		in->state = YEMIT_NEWLINE;
	} else {
		yemit_direct_place(y);
		in->indent = l->indent + 2;
		in->state = YEMIT_INLINE;
	}
	y->depth++;
}

/* A collection closes in direct mode; an empty one is {} or []. */
static void
yemit_direct_close(struct yemit *y)
{
	struct yemit_level *l = &y->lv[--y->depth];

	if (l->n == 0) {
		if (l->state == YEMIT_NEWLINE)
			yemit_putc(y, ' ');
		yemit_put(y, l->map ? "{}\n" : "[]\n", 3);
	}
	if (y->depth > 0)
		y->lv[y->depth - 1].n++;
}

void
yemit_start(struct yemit *y, FILE *fp)
{
	yaml_event_t ev;

	y->direct = NULL;
	y->end_marker = 0;
	if (!yaml_emitter_initialize(&y->em))
		xfatal("out of memory");
	yaml_emitter_set_output(&y->em, yemit_write, fp);
	yaml_emitter_set_unicode(&y->em, 1);
	yaml_emitter_set_width(&y->em, -1);
	yaml_emitter_set_indent(&y->em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	yemit_event(y, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	yemit_event(y, &ev);
}

/*
 * End the document (with the marker "..." if y->end_marker is set) and the
 * stream, flush everything to fp, free y's emitter.
 */
void
yemit_finish(struct yemit *y)
{
	yaml_event_t ev;

	if (y->direct != NULL) {
		if (y->end_marker)
			yemit_put(y, "...\n", 4);
		fwrite(y->buf, 1, y->nbuf, y->direct);
		y->nbuf = 0;
		return;
	}
	yaml_document_end_event_initialize(&ev, !y->end_marker);
	yemit_event(y, &ev);
	yaml_stream_end_event_initialize(&ev);
	yemit_event(y, &ev);
	if (!yaml_emitter_flush(&y->em))
		xfatal("out of memory (YAML emitter)");
	yaml_emitter_delete(&y->em);
}

/* A scalar (UTF-8) in style; the emitter falls back to another if it must. */
void
yemit_scalar(struct yemit *y, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (y->direct != NULL) {
		yemit_direct_scalar(y, s, style);
		return;
	}
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), 1, 1, style))
		xfatal("out of memory");
	yemit_event(y, &ev);
}

/* Start a block mapping (map) or a block sequence. */
void
yemit_open(struct yemit *y, int map)
{
	yaml_event_t ev;

	if (y->direct != NULL) {
		yemit_direct_open(y, map);
		return;
	}
	if (map)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_SEQUENCE_STYLE);
	yemit_event(y, &ev);
}

/* End the mapping (map) or sequence last started. */
void
yemit_close(struct yemit *y, int map)
{
	yaml_event_t ev;

	if (y->direct != NULL) {
		yemit_direct_close(y);
		return;
	}
	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	yemit_event(y, &ev);
}
