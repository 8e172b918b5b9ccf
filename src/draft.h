/*
 * draft: the answers to one form, as stored in a draft file.
 *
 * Data model: answers[i] is the answer to form->fields[i], NULL when the
 * field is unanswered; an answer is never "" (setting "" unanswers it) and
 * is valid UTF-8.  The state of field i: renew[i], when not NULL, says
 * what its answer was carried over from (an earlier application) and that
 * it is still to be renewed (changed, or confirmed unchanged); notes[i] is
 * a note about it for whoever fills it in.  Both are NULL or non-empty
 * valid UTF-8.  version[i] names answers[i] as it is: a number no other
 * answer of any draft has had, taken anew whenever draft_set changes it,
 * so that a view can tell an answer it has seen without comparing text.
 * chunk[i] is draft.c's own: the YAML draft_format last wrote for
 * answers[i], so that a save re-emits only the answers that changed, and
 * its 字 count (draft_count).
 * The form belongs to whoever loaded it (a formdir).
 */
#ifndef KAIJI_DRAFT_H
#define KAIJI_DRAFT_H

#include <stddef.h>

#include "limit.h"

struct form;
struct form_field;
struct formdir;
struct strvec;
struct draft_chunk;

struct draft {
	const struct form	 *form;
	char			**answers;
	char			**renew;
	char			**notes;
	unsigned long		 *version;
	struct draft_chunk	 *chunk;
};


struct draft	*draft_new(const struct form *);
void		 draft_free(struct draft *);
size_t		 draft_count(const struct draft *, size_t);
struct draft	*draft_parse(const char *, const char *, size_t,
		     struct formdir *, char **);
struct draft	*draft_load(const char *, struct formdir *, char **);
char		*draft_format(const struct draft *, size_t *);
size_t		 draft_bound(const struct draft *, size_t, size_t);
int		 draft_fits(const struct draft *, size_t, const char *);
char		*draft_bytes(const struct draft *, const char *, size_t *,
		     char **);
int		 draft_save(const struct draft *, const char *, int, char **);
int		 draft_set(struct draft *, size_t, const char *, char **);
int		 draft_set_note(struct draft *, size_t, const char *, char **);
void		 draft_set_renew(struct draft *, size_t, const char *);
size_t		 draft_mark_renew(struct draft *, const char *);
struct draft	*draft_migrate(const struct draft *, const struct form *,
		     struct strvec *);
const char	*draft_get(const struct draft *, size_t);

#endif
