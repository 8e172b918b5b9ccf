/*
 * form: a form definition (one edition of one certification kind).
 *
 * Data model: a form has sections, items and fields in published order.
 * Items are numbered 1..nitems without gaps; an item owns the consecutive
 * fields items[i].first .. first + nfields - 1 in form->fields; a field's
 * id is "<item no>.<row>".  Pages and sections are ranges of items.  Every
 * field has an effective mark and a type.  A form is immutable once loaded.
 */
#ifndef KAIJI_FORM_H
#define KAIJI_FORM_H

#include <stddef.h>

#include "limit.h"

struct ftype;

enum form_mark {
	FORM_MANDATORY,		/* 必須 */
	FORM_MANDATORY_LEVEL,	/* 必須○ */
	FORM_OPTIONAL		/* 選択 */
};
#define FORM_NMARKS 3

struct form_field {
	char			 id[16];
	size_t			 index;		/* in form->fields */
	size_t			 item;		/* index in form->items */
	unsigned		 row;		/* 1-based */
	char			*text;		/* the 記述内容 description */
	enum form_mark		 mark;
	const struct ftype	*type;
	unsigned		 limit;		/* own limit in 字, 0 if none */
	char			**choices;
	size_t			 nchoices;
	int			 multiline;
	int			 renew;		/* must be renewed each round */
};

struct form_item {
	unsigned		 no;
	char			*category;	/* NULL if none */
	char			*name;
	unsigned		 limit;		/* shared by all fields, or 0 */
	size_t			 section;	/* index in form->sections */
	size_t			 page;		/* 0-based */
	size_t			 first;		/* first field index */
	size_t			 nfields;
};

struct form_section {
	char			*title;
	size_t			 first;		/* first item index */
	size_t			 nitems;
};

/* How answers are counted against limits (kaiji-forms(5), "count"). */
enum form_count {
	FORM_COUNT_CODE_POINTS,	/* every code point is one 字 (text_count) */
	FORM_COUNT_ZENKAKU	/* 全角換算: half-width is half (text_halves) */
};

struct form {
	char			*path;
	char			*name;		/* form kind, e.g. asp-saas */
	char			*edition;
	char			*title;
	char			*subtitle;
	enum form_count		 count;
	size_t			 service;	/* header field indexes, or */
	size_t			 company;	/* (size_t)-1 */
	struct form_section	*sections;
	size_t			 nsections;
	struct form_item	*items;
	size_t			 nitems;
	struct form_field	*fields;
	size_t			 nfields;
	size_t			*pages;		/* first item index per page */
	size_t			 npages;
	char			**notes;
	size_t			 nnotes;
	char			*blob;		/* if set, holds every string */
};

/* A file a form was read from, as stat() saw it just before reading. */
struct form_file {
	char			*path;
	unsigned long long	 dev, ino, size;
	long long		 mtime_ns;
};

#define FORM_MAX_BASES	8

struct form		*form_load(const char *, char **);
struct form		*form_load_files(const char *, struct form_file **,
			     size_t *, char **);
int			 form_file_stat(const char *, struct form_file *);
void			 form_files_free(struct form_file *, size_t);
void			 form_free(struct form *);
const struct form_field	*form_field(const struct form *, const char *);
const char		*form_mark_label(enum form_mark);
size_t			 form_page_end(const struct form *, size_t);
int			 form_is_ident(const char *);
unsigned char		*form_select(const struct form *, const char *,
			     char **);

#endif
