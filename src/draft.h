/*
 * draft: the answers to one form, as stored in a draft file.
 *
 * Data model: answers[i] is the answer to form->fields[i], NULL when the
 * field is unanswered; an answer is never "" (setting "" unanswers it) and
 * is valid UTF-8.  The form belongs to whoever loaded it (a formdir).
 */
#ifndef KAIJI_DRAFT_H
#define KAIJI_DRAFT_H

#include <stddef.h>

struct form;
struct form_field;
struct formdir;

struct draft {
	const struct form	 *form;
	char			**answers;
};

#define DRAFT_MAX_SIZE	(4U * 1024 * 1024)

struct draft	*draft_new(const struct form *);
void		 draft_free(struct draft *);
struct draft	*draft_parse(const char *, const char *, size_t,
		     struct formdir *, char **);
struct draft	*draft_load(const char *, struct formdir *, char **);
char		*draft_format(const struct draft *, size_t *);
int		 draft_save(const struct draft *, const char *, int, char **);
int		 draft_set(struct draft *, size_t, const char *, char **);
const char	*draft_get(const struct draft *, size_t);

#endif
