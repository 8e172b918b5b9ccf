/*
 * form-events: a form file read from libyaml's events straight into a
 * struct form (the common case only; see form-events.c).
 */
#ifndef KAIJI_FORM_EVENTS_H
#define KAIJI_FORM_EVENTS_H

#include <stddef.h>

struct form;

struct form	*form_events_parse(const char *, const char *, size_t);

#endif
