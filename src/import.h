/*
 * import: a draft from the published disclosure of a certified service.
 *
 * The certification body publishes the 申請内容 of each certified service as
 * pages of one table: "<title> (n/N)" page headers, a header line (認定番号,
 * サービス名称, 事業者名称), table rows and page notes.  Text extracted from
 * those pages comes in two layouts: pipe rows ("| 2 | 事業所等の概要 | ...
 * |", the 2019 edition) and tab-separated rows (the 2021 edition).  The
 * edition is the form whose page count is N.  Cells are often misaligned,
 * so fields are found by matching the form's descriptions and item names,
 * not by column.  Cells the publisher replaced (記述有り(*), 記述無し(*),
 * —, -) become unanswered fields.
 *
 * Every field without an answer, every replaced cell and every cell, row or
 * line that could not be placed is reported as a note "path:line: ...".
 *
 * The reader is import-published.c (lines, page headers, the form),
 * import-row.c (table rows), import-fill.c (rows onto fields) and import.c
 * (what they share, and import_detect).
 */
#ifndef KAIJI_IMPORT_H
#define KAIJI_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "limit.h"

struct draft;
struct formdir;
struct strvec;

enum import_kind {
	IMPORT_PUBLISHED,	/* the published disclosure text */
	IMPORT_CSV,		/* kaiji's own CSV (see csv.h) */
	IMPORT_XLSX,		/* a workbook (import-xlsx.c) */
	IMPORT_ASPIC,		/* ASPIC's web page (import-aspic.c) */
	IMPORT_TREE		/* kaiji's YAML or JSON export */
};

enum import_layout {
	IMPORT_LAYOUT_PIPE,	/* "| 1 | ... |" rows */
	IMPORT_LAYOUT_TAB	/* tab-separated rows */
};

struct import_stats {
	enum import_layout	layout;
	size_t			pages;		/* N of the "(n/N)" headers */
	size_t			rows;		/* table rows read */
	size_t			placed;		/* fields given a row */
	size_t			answered;	/* fields given an answer */
	size_t			replaced;	/* fields the publisher hid */
	size_t			missing;	/* fields with no answer else */
	size_t			unplaced;	/* cells, rows, lines dropped */
};

enum import_kind	 import_detect(const char *, size_t);
int			 import_xlsx_magic(const char *, size_t);
/* In the module formats.so: call it through formats_get (formats.h). */
struct draft		*import_xlsx(const char *, const char *, size_t,
			     struct formdir *, struct strvec *, char **);
int			 import_tree_magic(const char *, size_t);
struct draft		*import_tree(const char *, const char *, size_t,
			     struct formdir *, struct strvec *, char **);
int			 import_utf16_bom(const char *, size_t);
char			*import_utf16(const char *, const char *, size_t,
			     size_t *, char **);
char			*import_sniff(const char *, const char *, size_t,
			     enum import_kind);
struct draft		*import_published(const char *, const char *, size_t,
			     struct formdir *, struct import_stats *,
			     struct strvec *, char **);
int			 import_aspic_magic(const char *, size_t);
/* In the module formats.so: call it through formats_get (formats.h). */
struct draft		*import_aspic(const char *, const char *, size_t,
			     struct formdir *, struct import_stats *,
			     struct strvec *, char **);

/*
 * The rest is shared by the files of the reader of published disclosures
 * (import.c, import-published.c, import-row.c, import-fill.c) and the
 * reader of ASPIC's web pages (import-aspic.c), which gives the same
 * machinery the rows of its table.
 */
struct form;

#define IMPORT_NONE	((size_t)-1)

/* A string normalized for comparison, as UTF-8 and as code points. */
struct import_str {
	char		*s;
	uint32_t	*cp;
	size_t		 n;
};

/* What one table row (or one paragraph of a cell) says about one field. */
struct import_row {
	size_t		 line;
	size_t		 item;		/* index in form->items */
	int		 desc;		/* field row named, 0-based, or -1 */
	char		*answer;	/* NULL when the row has none */
	size_t		 alen, aroom;	/* its bytes, and room for them */
	int		 replaced;	/* answer is the publisher's */
	int		 field;		/* assigned field row, or -1 */
};

struct import_note {
	size_t		 key;		/* the line it is about, for sorting */
	size_t		 seq;
	char		*text;
};

/* The reading of one document. */
struct import_ctx {
	const char		*path;
	const struct form	*form;
	struct import_str	*labels;	/* per item: category, name, */
						/* category and name */
	struct import_str	*texts;		/* per field */
	struct import_str	*sections;
	struct import_row	*rows;
	size_t			 nrows;
	size_t			*item_rows;	/* per item: its rows */
	struct import_note	*notes;
	size_t			 nnotes;	/* IMPORT_MAX_NOTES at most */
	size_t			 dropped;	/* notes left out */
	size_t			 cur;		/* current item, or NONE */
	size_t			 pipes;		/* rows of each layout */
	size_t			 tabs;
	int			 ours;		/* written by kaiji export */
	struct import_stats	*st;
};

void	 import_str_init(struct import_str *, const char *, size_t);
void	 import_str_free(struct import_str *);
int	 import_like(const struct import_str *, const struct import_str *);
int	 import_in(const char *, const char *const *);
char	*import_snippet(const char *);
size_t	 import_trim_left(const char *, size_t);
char	*import_trim(const char *, size_t);
int	 import_blank(const char *, size_t);
const char *import_find(const char *, const char *);
char	*import_breaks(char *);
char	*import_entities(char *);
int	 import_is_table(const char *, size_t);
int	 import_starts(const char *, const char *);

void	 import_note(struct import_ctx *, size_t, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
void	 import_row_read(struct import_ctx *, const char *, size_t, size_t,
	     int);
void	 import_fill(struct import_ctx *, struct draft *);
void	 import_published_init(struct import_ctx *, const char *,
	     const struct form *, struct import_stats *);
void	 import_published_free(struct import_ctx *);
int	 import_published_note_cmp(const void *, const void *);

#endif
