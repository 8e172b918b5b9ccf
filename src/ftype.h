/*
 * ftype: field types.  Each type is a const struct in its own file
 * (ftype-<name>.c), listed in ftype_table.  A type says whether its fields
 * are multi-line by default and checks a non-empty answer.  A type whose
 * answers are a choice followed by a free detail ("あり; 保存期間13ヶ月")
 * has compose and tidy hooks: choosing an answer keeps the detail and goes
 * on to edit it, and what is left when the editing ends is tidied.
 */
#ifndef KAIJI_FTYPE_H
#define KAIJI_FTYPE_H

#include <stddef.h>

struct form_field;

enum ftype_verdict {
	FTYPE_OK,
	FTYPE_WARN,		/* a format warning */
	FTYPE_NOT_CHOICE	/* not among the field's choices */
};

struct ftype {
	const char	*name;
	int		 multiline;		/* default for fields */
	int		 wants_choices;		/* 2: required, 1: allowed */
	const char	*const *default_choices;
	/* What answers the type accepts, with examples (N_()), or NULL. */
	const char	*formats;
	/* Check value; on a verdict other than FTYPE_OK set *msg (caller frees). */
	enum ftype_verdict (*check)(const struct form_field *, const char *,
			     char **);
	/*
	 * The answer to edit after choosing choice (NULL: to write the
	 * answer freely) when the field held old (NULL: nothing); the caller
	 * frees it.  NULL for types whose choice is the whole answer.
	 */
	char		*(*compose)(const struct form_field *, const char *,
			     const char *);
	/* The answer edited, tidied (caller frees), or NULL: keep it. */
	char		*(*tidy)(const struct form_field *, const char *);
};

extern const struct ftype ftype_text;
extern const struct ftype ftype_choice;
extern const struct ftype ftype_yesno;
extern const struct ftype ftype_date;
extern const struct ftype ftype_year;
extern const struct ftype ftype_yen;

const struct ftype	*ftype_find(const char *);

#endif
