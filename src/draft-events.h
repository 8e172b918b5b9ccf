/*
 * draft-events: the common case of a draft file read straight from
 * libyaml's events, without a node tree, for reading many drafts at once;
 * whatever it declines, draft_parse reads (see draft-events.c).
 */
#ifndef KAIJI_DRAFT_EVENTS_H
#define KAIJI_DRAFT_EVENTS_H

#include <stddef.h>

struct draft;
struct formdir;

int	draft_events_parse(const char *, size_t, struct formdir *,
	    struct draft **);

#endif
