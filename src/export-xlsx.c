/*
 * export-xlsx: a draft as an Excel workbook (libxlsxwriter), laid out like
 * the published form and readable back by xlsx_import.
 *
 * Data model: one sheet.  Row 1 names the columns (No, 項目, 小項目,
 * 記述内容, 必須/選択, 申請内容, 字数, 制限, then ID, 様式, 版) and is
 * repeated at the top of every printed page; then, for each form page, a
 * title row "<title> <subtitle> (n/N)", the header line row (様式,
 * サービス名称, 事業者名称), section rows "- <title>" and one row per field.
 * A page break comes before each form page but the first.  Every answer
 * and every form text is a string cell in a text-formatted column ("@"),
 * so dates, numbers, percents and yen stay exactly as typed, also when
 * the cell is edited in a spreadsheet; 字数 is the only number.  The
 * columns ID, 様式 and 版 are on every field row (outside the print area)
 * so that the file imports back as kaiji CSV does (csv.h).  Print set-up:
 * A4 portrait, fit to one page wide, the page header "<title>  (n/N)".
 *
 * libxlsxwriter 1.1 writes only to a named file: the workbook is written
 * in a private temporary directory, read into memory and removed, so an
 * export that fails writes nothing where the user asked.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "draft.h"
#include "export.h"
#include "fileio.h"
#include "form.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#ifdef HAVE_XLSXWRITER
#include <xlsxwriter.h>

#define XLSX_NCOLS	11
#define XLSX_PRINTED	8	/* columns A to H are printed */
#define XLSX_MAX_CELL	32767	/* characters in one cell, Excel's limit */

static const char *const xlsx_heading[XLSX_NCOLS] = {
	"No", "項目", "小項目", "記述内容", "必須/選択", "申請内容", "字数",
	"制限", "ID", "様式", "版"
};
static const double xlsx_widths[XLSX_NCOLS] = {
	5, 12, 16, 36, 8, 50, 6, 14, 7, 9, 6
};

struct xlsx_out {
	lxw_worksheet	*ws;
	lxw_format	*text;		/* wrapped, top-aligned text */
	lxw_format	*head;		/* the column heading */
	lxw_format	*title;		/* page titles and header lines */
	lxw_format	*num;
	lxw_row_t	 row;
	int		 err;		/* the first lxw error */
};

static void
xlsx_check(struct xlsx_out *o, lxw_error e)
{
	if (e != LXW_NO_ERROR && o->err == LXW_NO_ERROR)
		o->err = (int)e;
}

/*
 * s with every "_xHHHH_" that is text written "_x005F_xHHHH_", so that a
 * reader's decoding of OOXML escapes gives s back (the caller frees it).
 */
static char *
xlsx_escape(const char *s)
{
	FILE *fp;
	char *buf;
	size_t len;

	fp = xmemstream(&buf, &len);
	for (; *s != '\0'; s++) {
		if (s[0] == '_' && s[1] == 'x' &&
		    strspn(s + 2, "0123456789abcdefABCDEF") >= 4 &&
		    s[6] == '_')
			fputs("_x005F", fp);
		fputc(*s, fp);
	}
	xmemclose(fp);
	return buf;
}

static void
xlsx_str(struct xlsx_out *o, lxw_col_t col, const char *s, lxw_format *fmt)
{
	char *e;

	if (s == NULL || *s == '\0') {
		xlsx_check(o, worksheet_write_blank(o->ws, o->row, col, fmt));
		return;
	}
	e = xlsx_escape(s);
	xlsx_check(o, worksheet_write_string(o->ws, o->row, col, e, fmt));
	free(e);
}

/* A row of one text across the printed columns (title, header line). */
static void
xlsx_banner(struct xlsx_out *o, const char *s)
{
	xlsx_check(o, worksheet_merge_range(o->ws, o->row, 0, o->row,
	    XLSX_PRINTED - 1, s, o->title));
	o->row++;
}

/* The 制限 cell: "100", "500(30.1+30.2)" for a shared limit, or "". */
static void
xlsx_limit(const struct form_item *item, const struct form_field *f,
    char *buf, size_t size)
{
	if (item->limit != 0)
		csv_shared_limit(item, buf, size);
	else if (f->limit != 0)
		snprintf(buf, size, "%u", f->limit);
	else
		buf[0] = '\0';
}

/* One field's row; cat says whether its item's category is shown. */
static void
xlsx_field(struct xlsx_out *o, const struct draft *d, size_t i, int cat)
{
	const struct form *form = d->form;
	const struct form_field *f = &form->fields[i];
	const struct form_item *item = &form->items[f->item];
	const char *a = d->answers[i];
	char no[16], limit[128];
	int first = f->row == 1;

	snprintf(no, sizeof no, "%u", item->no);
	xlsx_limit(item, f, limit, sizeof limit);
	xlsx_str(o, 0, first ? no : NULL, o->text);
	xlsx_str(o, 1, first && cat ? item->category : NULL, o->text);
	xlsx_str(o, 2, first ? item->name : NULL, o->text);
	xlsx_str(o, 3, f->text, o->text);
	xlsx_str(o, 4, first || f[-1].mark != f->mark ?
	    form_mark_label(f->mark) : NULL, o->text);
	xlsx_str(o, 5, a, o->text);
	xlsx_check(o, worksheet_write_number(o->ws, o->row, 6,
	    a != NULL ? (double)text_count(a, strlen(a)) : 0, o->num));
	xlsx_str(o, 7, limit, o->text);
	xlsx_str(o, 8, f->id, o->text);
	xlsx_str(o, 9, form->name, o->text);
	xlsx_str(o, 10, form->edition, o->text);
	o->row++;
}

/* The header line, as the text export writes it. */
static char *
xlsx_header_line(const struct draft *d)
{
	const struct form *form = d->form;
	const char *svc = NULL, *co = NULL;

	if (form->service != (size_t)-1)
		svc = d->answers[form->service];
	if (form->company != (size_t)-1)
		co = d->answers[form->company];
	return xasprintf("様式:%s %s, サービス名称:%s, 事業者名称:%s",
	    form->name, form->edition, svc != NULL ? svc : "",
	    co != NULL ? co : "");
}

/* The sheet's rows; breaks gets the row of each page but the first. */
static void
xlsx_rows(struct xlsx_out *o, const struct draft *d, lxw_row_t *breaks)
{
	const struct form *form = d->form;
	const struct form_item *item;
	const struct form_section *sec;
	char *s;
	size_t p, i, k, end;
	int cat;

	for (k = 0; k < XLSX_NCOLS; k++)
		xlsx_str(o, (lxw_col_t)k, xlsx_heading[k], o->head);
	o->row++;
	for (p = 0; p < form->npages; p++) {
		if (p > 0)
			breaks[p - 1] = o->row;
		s = xasprintf("%s%s%s (%zu/%zu)", form->title,
		    form->subtitle != NULL ? " " : "",
		    form->subtitle != NULL ? form->subtitle : "", p + 1,
		    form->npages);
		xlsx_banner(o, s);
		free(s);
		s = xlsx_header_line(d);
		xlsx_banner(o, s);
		free(s);
		end = form_page_end(form, p);
		for (i = form->pages[p]; i < end; i++) {
			item = &form->items[i];
			sec = &form->sections[item->section];
			if (sec->first == i && (item->category == NULL ||
			    strcmp(item->category, sec->title) != 0)) {
				s = xasprintf("- %s", sec->title);
				xlsx_banner(o, s);
				free(s);
			}
			cat = i == form->pages[p] || sec->first == i ||
			    item->category == NULL ||
			    form->items[i - 1].category == NULL ||
			    strcmp(item->category,
			    form->items[i - 1].category) != 0;
			for (k = 0; k < item->nfields; k++)
				xlsx_field(o, d, item->first + k, cat);
		}
	}
	breaks[form->npages > 0 ? form->npages - 1 : 0] = 0;
}

/* The page header: the title, then "(page/pages)"; & doubled. */
static char *
xlsx_page_header(const struct form *form)
{
	char *out = xmalloc(strlen(form->title) * 2 + 32), *p = out;
	const char *s;
	size_t n = 0;

	p += sprintf(p, "&L");
	for (s = form->title; *s != '\0' && n < 200; s++, n++) {
		if (*s == '&')
			*p++ = '&';
		*p++ = *s;
	}
	while (n > 0 && ((unsigned char)p[-1] & 0xc0) == 0x80 &&
	    *s != '\0' && ((unsigned char)*s & 0xc0) == 0x80) {
		p--;	/* cut at a character, not inside one */
		s--;
	}
	strcpy(p, "&R(&P/&N)");
	return out;
}

/* The first field whose answer Excel cannot hold in one cell, or -1. */
static long
xlsx_too_long(const struct draft *d)
{
	size_t i;

	for (i = 0; i < d->form->nfields; i++) {
		if (d->answers[i] != NULL &&
		    text_count(d->answers[i], strlen(d->answers[i])) >
		    XLSX_MAX_CELL)
			return (long)i;
	}
	return -1;
}

/* Write the workbook to path; 0, or -1 with a cause. */
static int
xlsx_write(const struct draft *d, const char *path, const char *tmpdir,
    char **cause)
{
	lxw_workbook_options wo = { .constant_memory = LXW_FALSE,
	    .tmpdir = (char *)tmpdir, .use_zip64 = LXW_FALSE };
	lxw_doc_properties props;
	struct xlsx_out o;
	lxw_workbook *wb;
	lxw_row_t *breaks;
	char *header;
	lxw_error e;
	size_t k;

	memset(&o, 0, sizeof o);
	memset(&props, 0, sizeof props);
	if ((wb = workbook_new_opt(path, &wo)) == NULL) {
		*cause = xasprintf(_("cannot start the workbook in %s"),
		    tmpdir);
		return -1;
	}
	/* a fixed time: the export depends only on the draft */
	props.title = d->form->title;
	props.created = 946684800;	/* 2000-01-01 */
	xlsx_check(&o, workbook_set_properties(wb, &props));
	o.ws = workbook_add_worksheet(wb, d->form->edition);
	o.text = workbook_add_format(wb);
	format_set_num_format(o.text, "@");
	format_set_text_wrap(o.text);
	format_set_align(o.text, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(o.text, LXW_BORDER_THIN);
	o.head = workbook_add_format(wb);
	format_set_num_format(o.head, "@");
	format_set_bold(o.head);
	format_set_text_wrap(o.head);
	format_set_border(o.head, LXW_BORDER_THIN);
	format_set_bg_color(o.head, 0xD9D9D9);
	o.title = workbook_add_format(wb);
	format_set_num_format(o.title, "@");
	format_set_bold(o.title);
	o.num = workbook_add_format(wb);
	format_set_align(o.num, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(o.num, LXW_BORDER_THIN);
	for (k = 0; k < XLSX_NCOLS; k++)
		xlsx_check(&o, worksheet_set_column(o.ws, (lxw_col_t)k,
		    (lxw_col_t)k, xlsx_widths[k], k == 6 ? o.num : o.text));
	breaks = xcalloc(d->form->npages + 1, sizeof *breaks);
	xlsx_rows(&o, d, breaks);
	worksheet_set_paper(o.ws, 9);		/* A4 */
	worksheet_set_portrait(o.ws);
	worksheet_fit_to_pages(o.ws, 1, 0);
	worksheet_set_margins(o.ws, 0.4, 0.4, 0.6, 0.6);
	xlsx_check(&o, worksheet_repeat_rows(o.ws, 0, 0));
	xlsx_check(&o, worksheet_print_area(o.ws, 0, 0, o.row - 1,
	    XLSX_PRINTED - 1));
	worksheet_freeze_panes(o.ws, 1, 0);
	if (d->form->npages > 1)
		xlsx_check(&o, worksheet_set_h_pagebreaks(o.ws, breaks));
	header = xlsx_page_header(d->form);
	xlsx_check(&o, worksheet_set_header(o.ws, header));
	free(header);
	e = workbook_close(wb);
	free(breaks);
	if (o.err != LXW_NO_ERROR || e != LXW_NO_ERROR) {
		*cause = xasprintf(_("cannot write the workbook: %s"),
		    lxw_strerror(o.err != LXW_NO_ERROR ? (lxw_error)o.err :
		    e));
		return -1;
	}
	return 0;
}

/*
 * The workbook of d (see above) in *out (*len bytes; the caller frees it),
 * or NULL with a cause (an answer too long for a cell, no temporary
 * directory, a write error).
 */
char *
export_xlsx(const struct draft *d, size_t *len, char **cause)
{
	const char *base = getenv("TMPDIR");
	char *dir, *path, *buf = NULL, *why;
	long too;

	if ((too = xlsx_too_long(d)) != -1) {
		*cause = xasprintf(_("field %s: more than %d characters, more "
		    "than a spreadsheet cell holds"),
		    d->form->fields[too].id, XLSX_MAX_CELL);
		return NULL;
	}
	if (base == NULL || *base == '\0')
		base = "/tmp";
	dir = xasprintf("%s/kaiji-xlsx-XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		*cause = xasprintf(_("%s: cannot make a temporary directory"),
		    dir);
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/export.xlsx", dir);
	if (xlsx_write(d, path, dir, cause) == 0 &&
	    fileio_read(path, SIZE_MAX / 2, &buf, len, &why) != 0) {
		*cause = why;
		buf = NULL;
	}
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return buf;
}

#else /* !HAVE_XLSXWRITER */

/* Without libxlsxwriter: the cause says so. */
char *
export_xlsx(const struct draft *d, size_t *len, char **cause)
{
	(void)d;
	(void)len;
	*cause = xstrdup(_("this kaiji was built without xlsx support "
	    "(libxlsxwriter was not found when it was configured)"));
	return NULL;
}

#endif
