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
 */
#ifndef KAIJI_IMPORT_H
#define KAIJI_IMPORT_H

#include <stddef.h>

struct draft;
struct formdir;
struct strvec;

enum import_kind {
	IMPORT_PUBLISHED,	/* the published disclosure text */
	IMPORT_CSV		/* kaiji's own CSV (see csv.h) */
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

#define IMPORT_MAX_SIZE	(16U * 1024 * 1024)

enum import_kind	 import_detect(const char *, size_t);
struct draft		*import_published(const char *, const char *, size_t,
			     struct formdir *, struct import_stats *,
			     struct strvec *, char **);

#endif
