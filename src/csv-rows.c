/*
 * csv-rows: rows of text cells read as kaiji CSV (csv.h): the first row
 * that is not empty names the columns, the others are placed in a draft
 * by their ID, 様式 and 版; kaiji CSV (csv.c) and workbooks
 * (import-xlsx.c) give their rows to csv_rows_import.
 *
 * Data model: a row is an array of NUL-terminated cells and the line (or
 * sheet row) it starts on; rows with fewer cells than the first are
 * refused, cells after the last column accepted only when empty.  What is
 * not placed is a note "path:line: ...", and so are the fields without a
 * row (in one note) and each yen amount with a backslash.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "ftype.h"
#include "i18n.h"
#include "strvec.h"
#include "xalloc.h"

/* Free the rows' cells and arrays (not rows itself). */
void
csv_rows_free(struct csv_rows *rows)
{
	size_t i, j;

	for (i = 0; i < rows->n; i++) {
		for (j = 0; j < rows->v[i].n; j++)
			free(rows->v[i].cells[j]);
		free(rows->v[i].cells);
	}
	free(rows->v);
}

/* The cell with ASCII spaces at either end left out (a new string). */
static char *
csv_trim(const char *s)
{
	size_t len = strlen(s);

	while (*s == ' ' || *s == '\t') {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return xstrndup(s, len);
}

/* The column of each needed name in the header row; -1 with a cause. */
static int
csv_header(const char *path, const struct csv_row *hdr, size_t col[CSV_NCOLS],
    char **cause)
{
	static const enum csv_col needed[] = {
		CSV_ID, CSV_ANSWER, CSV_FORM, CSV_EDITION
	};
	size_t i, j, k;
	char *name;

	for (k = 0; k < CSV_NCOLS; k++)
		col[k] = (size_t)-1;
	for (j = 0; j < hdr->n; j++) {
		name = csv_trim(hdr->cells[j]);
		for (i = 0; i < sizeof needed / sizeof needed[0]; i++) {
			k = needed[i];
			if (strcmp(name, csv_names[k]) != 0 &&
			    strcasecmp(name, csv_aliases[k]) != 0)
				continue;
			if (col[k] != (size_t)-1) {
				*cause = xasprintf(_("%s:%zu: column '%s' "
				    "appears twice"), path, hdr->line,
				    csv_names[k]);
				free(name);
				return -1;
			}
			col[k] = j;
		}
		free(name);
	}
	for (i = 0; i < sizeof needed / sizeof needed[0]; i++) {
		k = needed[i];
		if (col[k] == (size_t)-1) {
			*cause = xasprintf(_("%s:%zu: no '%s' column; the "
			    "first row must name the columns (ID, 申請内容, "
			    "様式 and 版 are needed)"), path, hdr->line,
			    csv_names[k]);
			return -1;
		}
	}
	return 0;
}

static int
csv_row_empty(const struct csv_row *row)
{
	size_t j;

	for (j = 0; j < row->n; j++) {
		if (row->cells[j][0] != '\0')
			return 0;
	}
	return 1;
}

/* The form the rows from first on answer: the first one that names one. */
static const struct form *
csv_form(const char *path, const struct csv_rows *rows, size_t first,
    const size_t *col, size_t ncols, struct formdir *fd, char **cause)
{
	const struct form *form;
	const struct csv_row *row;
	char *name, *edition, *why;
	size_t i;

	for (i = first; i < rows->n; i++) {
		row = &rows->v[i];
		if (row->n < ncols)
			continue;
		name = csv_trim(row->cells[col[CSV_FORM]]);
		edition = csv_trim(row->cells[col[CSV_EDITION]]);
		if (*name == '\0' && *edition == '\0') {
			free(name);
			free(edition);
			continue;
		}
		form = formdir_get(fd, name, edition, &why);
		if (form == NULL) {
			*cause = xasprintf("%s:%zu: %s", path, row->line, why);
			free(why);
		}
		free(name);
		free(edition);
		return form;
	}
	*cause = xasprintf(_("%s: no row names a form and edition (columns "
	    "様式 and 版)"), path);
	return NULL;
}

/* Place one row's answer in d, or note why it cannot be placed. */
static void
csv_place(const char *path, const struct csv_row *row, const size_t *col,
    size_t ncols, struct draft *d, size_t *seen, struct strvec *notes)
{
	const struct form *form = d->form;
	const struct form_field *f;
	char *id, *name, *edition, *why;
	size_t j;

	if (csv_row_empty(row))
		return;
	for (j = ncols; j < row->n && row->cells[j][0] == '\0'; j++)
		;
	if (row->n < ncols || j < row->n) {
		strvec_addf(notes, _("%s:%zu: %zu cells where the first row "
		    "has %zu; row ignored"), path, row->line, row->n, ncols);
		return;
	}
	name = csv_trim(row->cells[col[CSV_FORM]]);
	edition = csv_trim(row->cells[col[CSV_EDITION]]);
	id = csv_trim(row->cells[col[CSV_ID]]);
	if ((*name != '\0' || *edition != '\0') &&
	    (strcmp(name, form->name) != 0 ||
	    strcmp(edition, form->edition) != 0)) {
		strvec_addf(notes, _("%s:%zu: form '%s' edition '%s', but the "
		    "file answers %s %s; row ignored"), path, row->line, name,
		    edition, form->name, form->edition);
		goto out;
	}
	if (*id == '\0') {
		if (row->cells[col[CSV_ANSWER]][0] != '\0')
			strvec_addf(notes, _("%s:%zu: an answer without an "
			    "ID; row ignored"), path, row->line);
		goto out;
	}
	if ((f = form_field(form, id)) == NULL) {
		strvec_addf(notes, _("%s:%zu: unknown field id '%s' in form "
		    "%s %s; row ignored"), path, row->line, id, form->name,
		    form->edition);
		goto out;
	}
	if (seen[f->index] != 0) {
		strvec_addf(notes, _("%s:%zu: field %s given twice (first on "
		    "line %zu); row ignored"), path, row->line, f->id,
		    seen[f->index]);
		goto out;
	}
	seen[f->index] = row->line;
	if (draft_set(d, f->index, row->cells[col[CSV_ANSWER]], &why) != 0) {
		strvec_addf(notes, "%s:%zu: %s: %s", path, row->line, f->id,
		    why);
		free(why);
	}
out:
	free(id);
	free(name);
	free(edition);
}

/*
 * Note what a spreadsheet may have done to the answers: the fields without
 * a row (seen[i] == 0), all in one note, and each yen amount with a
 * backslash (what ¥ becomes when a CP932 file is saved again as UTF-8).
 */
static void
csv_doubts(const char *path, const struct draft *d, const size_t *seen,
    struct strvec *notes)
{
	const struct form *form = d->form;
	const struct form_field *f;
	FILE *fp;
	char *ids;
	size_t i, n = 0, len;

	fp = xmemstream(&ids, &len);
	for (i = 0; i < form->nfields; i++) {
		f = &form->fields[i];
		if (seen[i] == 0) {
			fprintf(fp, "%s%s", n++ > 0 ? ", " : "", f->id);
			continue;
		}
		if (d->answers[i] != NULL && strcmp(f->type->name, "yen") ==
		    0 && strchr(d->answers[i], '\\') != NULL)
			strvec_addf(notes, _("%s:%zu: %s: a backslash in an "
			    "amount in yen: a CP932 file saved again as UTF-8 "
			    "turns ¥ into \\; check the answer"), path, seen[i],
			    f->id);
	}
	xmemclose(fp);
	if (n > 0)
		strvec_addf(notes, ngettext("%s: %zu field has no row, left "
		    "unanswered: %s", "%s: %zu fields have no row, left "
		    "unanswered: %s", n), path, n, ids);
	free(ids);
}

/*
 * A draft from rows of cells (a CSV file's, or a workbook's sheet, each
 * row's line its line or row number), read as kaiji CSV: the first row
 * that is not empty names the columns.  Returns the draft (the caller
 * frees it) with notes as csv_import adds them, or NULL with a cause.
 */
struct draft *
csv_rows_import(const char *path, const struct csv_rows *rows,
    struct formdir *fd, struct strvec *notes, char **cause)
{
	const struct form *form;
	struct draft *d = NULL;
	size_t col[CSV_NCOLS], *seen = NULL, i, h, ncols;
	size_t n0 = notes->n, dropped = 0;
	struct strvec more = STRVEC_INIT;

	for (h = 0; h < rows->n && csv_row_empty(&rows->v[h]); h++)
		;	/* blank lines before the first row */
	if (h == rows->n) {
		*cause = xasprintf(_("%s:1: empty file; the first row must "
		    "name the columns"), path);
		return NULL;
	}
	if (csv_header(path, &rows->v[h], col, cause) != 0)
		return NULL;
	ncols = rows->v[h].n;
	if ((form = csv_form(path, rows, h + 1, col, ncols, fd, cause)) ==
	    NULL)
		return NULL;
	d = draft_new(form);
	seen = xcalloc(form->nfields, sizeof *seen);
	for (i = h + 1; i < rows->n; i++) {
		if (notes->n - n0 < IMPORT_MAX_NOTES) {
			csv_place(path, &rows->v[i], col, ncols, d, seen,
			    notes);
			continue;
		}
		/* the answers are still placed; the notes only counted */
		csv_place(path, &rows->v[i], col, ncols, d, seen, &more);
		dropped += more.n;
		strvec_free(&more);
	}
	if (dropped > 0)
		strvec_addf(notes, _("%s: %zu more notes left out"), path,
		    dropped);
	csv_doubts(path, d, seen, notes);
	free(seen);
	return d;
}
