/*
 * yemit: the YAML writer.  Between yemit_start and yemit_finish the
 * emitter is inside one document of one stream; every event goes through
 * yemit_event.
 */
#include "config.h"

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
void
yemit_start(struct yemit *y, FILE *fp)
{
	yaml_event_t ev;

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

	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	yemit_event(y, &ev);
}
