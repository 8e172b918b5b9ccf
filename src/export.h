/*
 * export: a draft written out for people or other programs.
 *
 * Formats: "text" and "markdown" lay the application out as the published
 * pages do (page by page, header lines, the column heading, section rows,
 * each item's 記述内容 rows with their marks and answers, the form's notes
 * under every page); "csv" is kaiji CSV (see csv.h); "yaml" and "json"
 * list every field with the form's labels and the answer; "xlsx" is a
 * workbook laid out like the form (export-xlsx.c); "html" one page that
 * prints like the form, a form page a sheet (export-html.c).  The fields'
 * notes (see draft.h) are left out unless opts->notes asks for them: a
 * "note" of each field in yaml and json, a メモ part after the pages in text
 * and markdown.  The output
 * depends only on the draft, its form and the options, never on the
 * locale or the time.
 */
#ifndef KAIJI_EXPORT_H
#define KAIJI_EXPORT_H

#include <stddef.h>

struct draft;
struct strvec;

struct export_opts {
	int	 cp932;		/* csv: CP932 instead of UTF-8 with a BOM */
	int	 replace;	/* csv: 〓 for what CP932 cannot hold */
	int	 safe;		/* for a terminal: control characters shown */
	int	 notes;		/* the fields' notes too (not csv, xlsx, html) */
	int	 quote_all;	/* csv: every cell quoted */
	int	 paged;		/* text: a sheet a page, a grid, wrapped */
	size_t	 width;		/* paged: columns of a line */
};

#define EXPORT_PAGED_MIN	40	/* columns of a paged line, at least */
#define EXPORT_PAGED_MAX	1000

int	 export_known(const char *);
/* In the module formats.so: call it through formats_get (formats.h). */
char	*export_xlsx(const struct draft *, size_t *, char **);
char	*export_html(const struct draft *, size_t *);
char	*export_paged(const struct draft *, int, size_t, size_t *);
int	 export_draft(const struct draft *, const char *,
	     const struct export_opts *, char **, size_t *, struct strvec *,
	     char **);

#endif
