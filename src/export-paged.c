/*
 * export-paged: the application as text to print, "export --to text
 * --paged": each form page on a sheet of its own (a form feed before each
 * page after the first, so a printer or pr(1) starts a new sheet), every
 * line at most width columns, the table in a grid of ASCII + - | (line
 * drawing characters are East Asian Ambiguous and would be two columns on
 * a terminal or printer set for Japanese).
 *
 * Data model: a page is its title line with the page header "(n/N)" as
 * published, the header line, the table and the form's notes, each
 * paragraph wrapped to width.  The table has five columns, No, 審査対象項目
 * (the category where it changes, then the item's name), 記述内容,
 * 必須/選択 and 申請内容, whose widths are fixed shares of width; a cell's
 * text is wrapped to its column by display width as kaiji counts it
 * (text_cpwidth: wide characters two columns, ambiguous ones as the
 * ambiguous-width setting says), at a space where a line of Latin text
 * allows, else between any two characters.  An item's No and 審査対象項目
 * cells span its fields' rows, as the printed form's merged cells do.  A
 * tab becomes four spaces and leading spaces are kept, so no answer moves
 * a column; line breaks (LF, CR LF, CR) start a new line of the cell;
 * other control characters are shown as text_safe shows them.  A section
 * is a row across the table.  With notes, the fields' notes follow the
 * last page, wrapped too.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "export.h"
#include "form.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

#define PAGED_COLS	5
#define PAGED_NO	3	/* columns of No: "93" */
#define PAGED_MARK	6	/* of 必須/選択: "必須○", ○ maybe wide */

struct paged {
	const struct draft	*d;
	FILE			*fp;
	size_t			 width;
	size_t			 col[PAGED_COLS];	/* column widths */
};

/*
 * s with line breaks as LF, control characters shown (text_safe) and each
 * tab as four spaces; the caller frees it.
 */
static char *
paged_clean(const char *s)
{
	char *lf = xstrdup(s), *safe, *out;
	size_t i, j;

	for (i = j = 0; lf[i] != '\0'; i++) {
		if (lf[i] == '\r') {
			lf[j++] = '\n';
			if (lf[i + 1] == '\n')
				i++;
		} else
			lf[j++] = lf[i];
	}
	lf[j] = '\0';
	safe = text_safe(lf, 1);
	free(lf);
	out = xmalloc(strlen(safe) * 4 + 1);
	for (i = j = 0; safe[i] != '\0'; i++) {
		if (safe[i] == '\t') {
			memcpy(out + j, "    ", 4);
			j += 4;
		} else
			out[j++] = safe[i];
	}
	out[j] = '\0';
	free(safe);
	return out;
}

static int
paged_latin(uint32_t cp)
{
	return cp > ' ' && cp < 0x80;
}

/* Whether cp may not start a line (closing brackets, 、。 and the like). */
static int
paged_closing(uint32_t cp)
{
	static const char closing[] = ")]},.:;!?、。，．）］｝〕〉》」』】"
	    "〙〗・：；！？ー";
	char u[8];
	size_t n = text_encode(cp, u);

	u[n] = '\0';
	return cp != 0 && strstr(closing, u) != NULL;
}

/*
 * Append to lines the text s wrapped to width columns (width >= 2): each
 * line at most width columns, a line break a new line, a break at the
 * last space of the line when the line would split a Latin word there and
 * that space is past half the line (the space is then dropped, as is a
 * space that falls at a break), else before the character that does not
 * fit, or before the one before it when that one may not start a line
 * (a closing bracket, 、 or 。).  An empty s gives one empty line.
 */
static void
paged_wrap(struct strvec *lines, const char *s, size_t width)
{
	char *text = paged_clean(s);
	size_t len = strlen(text), off = 0, start = 0, w = 0, n;
	size_t space = (size_t)-1, spacew = 0, prevoff = 0, prevw = 0;
	uint32_t cp, prev = 0;
	size_t cw;

	for (;;) {
		if (off == len || text[off] == '\n') {
			strvec_add(lines, xstrndup(text + start, off - start));
			if (off == len)
				break;
			start = ++off;
			w = 0;
			space = (size_t)-1;
			prev = 0;
			continue;
		}
		if ((n = text_decode(text + off, len - off, &cp)) == 0)
			n = 1;	/* text_safe left only UTF-8 */
		cw = (size_t)text_cpwidth(cp);
		if (w + cw > width) {
			if (paged_latin(cp) && paged_latin(prev) &&
			    space != (size_t)-1 && spacew * 2 > width) {
				strvec_add(lines, xstrndup(text + start,
				    space - start));
				w -= spacew + 1;
				start = space + 1;
			} else if (paged_closing(cp) && prevoff > start &&
			    prevw + cw <= width) {
				/* the character before goes down with it */
				strvec_add(lines, xstrndup(text + start,
				    prevoff - start));
				start = prevoff;
				w = prevw;
			} else {
				strvec_add(lines, xstrndup(text + start,
				    off - start));
				start = off;
				w = 0;
			}
			space = (size_t)-1;
			if (cp == ' ' && start == off) {
				start = off += n;
				prev = cp;
				continue;
			}
		}
		if (cp == ' ') {
			space = off;
			spacew = w;
		}
		prevoff = off;
		prevw = cw;
		w += cw;
		off += n;
		prev = cp;
	}
	free(text);
}

/* Write a paragraph (title, header, note) wrapped to the page width. */
static void
paged_para(struct paged *pg, const char *s)
{
	struct strvec lines = STRVEC_INIT;
	size_t i;

	paged_wrap(&lines, s, pg->width);
	for (i = 0; i < lines.n; i++)
		fprintf(pg->fp, "%s\n", lines.v[i]);
	strvec_free(&lines);
}

/* Write s padded with spaces to width columns (s is no wider). */
static void
paged_pad(FILE *fp, const char *s, size_t width)
{
	size_t w = text_width(s);

	fputs(s, fp);
	for (; w < width; w++)
		fputc(' ', fp);
}

/* Line row of a cell's lines, or an empty line past them. */
static const char *
paged_at(const struct strvec *lines, size_t row)
{
	return row < lines->n ? lines->v[row] : "";
}

/*
 * A rule under the columns from first on ("+" at their boundaries, "-"
 * under them); the columns before first are merged cells going on, and
 * show their line row of left.
 */
static void
paged_rule(struct paged *pg, size_t first, const struct strvec *left,
    size_t row)
{
	size_t c, i;

	for (c = 0; c < PAGED_COLS; c++) {
		fputc(c < first ? '|' : '+', pg->fp);
		if (c < first) {
			paged_pad(pg->fp, paged_at(&left[c], row), pg->col[c]);
			continue;
		}
		for (i = 0; i < pg->col[c]; i++)
			fputc('-', pg->fp);
	}
	fputs("+\n", pg->fp);
}

/*
 * A table line: of the columns before split (merged cells) line lrow, of
 * the others line rrow.
 */
static void
paged_line(struct paged *pg, const struct strvec *cells, size_t split,
    size_t lrow, size_t rrow)
{
	size_t c;

	for (c = 0; c < PAGED_COLS; c++) {
		fputc('|', pg->fp);
		paged_pad(pg->fp, paged_at(&cells[c], c < split ? lrow : rrow),
		    pg->col[c]);
	}
	fputs("|\n", pg->fp);
}

/* A row across the table (the heading of a section), then a rule. */
static void
paged_across(struct paged *pg, const char *s)
{
	struct strvec lines = STRVEC_INIT;
	size_t i;

	paged_wrap(&lines, s, pg->width - 2);
	for (i = 0; i < lines.n; i++) {
		fputc('|', pg->fp);
		paged_pad(pg->fp, lines.v[i], pg->width - 2);
		fputs("|\n", pg->fp);
	}
	strvec_free(&lines);
	paged_rule(pg, 0, NULL, 0);
}

static void
paged_cells_free(struct strvec *cells, size_t from)
{
	size_t c;

	for (c = from; c < PAGED_COLS; c++)
		strvec_free(&cells[c]);
}

/*
 * Item i's rows, then a rule: No and 審査対象項目 (with the category when
 * cat) span the rows of its fields, which rules part.
 */
static void
paged_item(struct paged *pg, size_t i, int cat)
{
	const struct form *form = pg->d->form;
	const struct form_item *item = &form->items[i];
	const struct form_field *f;
	struct strvec cells[PAGED_COLS];
	const char *a;
	char no[32], *name;
	size_t r, c, h, k, row = 0, total = 0, left;

	for (c = 0; c < PAGED_COLS; c++)
		cells[c] = (struct strvec)STRVEC_INIT;
	snprintf(no, sizeof no, "%u", item->no);
	paged_wrap(&cells[0], no, pg->col[0]);
	name = cat && item->category != NULL ? xasprintf("%s\n%s",
	    item->category, item->name) : xstrdup(item->name);
	paged_wrap(&cells[1], name, pg->col[1]);
	free(name);
	left = cells[0].n > cells[1].n ? cells[0].n : cells[1].n;
	for (r = 0; r < item->nfields; r++) {
		f = &form->fields[item->first + r];
		a = pg->d->answers[f->index];
		paged_cells_free(cells, 2);
		paged_wrap(&cells[2], f->text, pg->col[2]);
		paged_wrap(&cells[3], r == 0 || f[-1].mark != f->mark ?
		    form_mark_label(f->mark) : "", pg->col[3]);
		paged_wrap(&cells[4], a != NULL ? a : "", pg->col[4]);
		for (h = 0, c = 2; c < PAGED_COLS; c++)
			h = cells[c].n > h ? cells[c].n : h;
		if (r > 0)
			paged_rule(pg, 2, cells, row++);
		total += h + (r > 0);
		/* the last field's rows hold what is left of No and 項目 */
		if (r + 1 == item->nfields && left > total)
			h += left - total;
		for (k = 0; k < h; k++)
			paged_line(pg, cells, 2, row++, k);
	}
	paged_cells_free(cells, 0);
	paged_rule(pg, 0, NULL, 0);
}

static int
paged_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* The printed form's column heading, as a table line between rules. */
static void
paged_heading(struct paged *pg)
{
	static const char *const heading[PAGED_COLS] = {
		"No", "【審査対象項目】", "【記述内容】", "必須/選択", "申請内容"
	};
	struct strvec cells[PAGED_COLS];
	size_t c, h = 0, k;

	for (c = 0; c < PAGED_COLS; c++) {
		cells[c] = (struct strvec)STRVEC_INIT;
		paged_wrap(&cells[c], heading[c], pg->col[c]);
		h = cells[c].n > h ? cells[c].n : h;
	}
	paged_rule(pg, 0, NULL, 0);
	for (k = 0; k < h; k++)
		paged_line(pg, cells, 0, 0, k);
	paged_rule(pg, 0, NULL, 0);
	paged_cells_free(cells, 0);
}

/* The header line: form and edition, then the header answers. */
static void
paged_header(struct paged *pg)
{
	const struct form *form = pg->d->form;
	const char *service = "", *company = "";
	char *line;

	if (form->service != (size_t)-1 && pg->d->answers[form->service] !=
	    NULL)
		service = pg->d->answers[form->service];
	if (form->company != (size_t)-1 && pg->d->answers[form->company] !=
	    NULL)
		company = pg->d->answers[form->company];
	line = xasprintf("様式:%s %s%s%s%s%s", form->name, form->edition,
	    form->service != (size_t)-1 ? ", サービス名称:" : "",
	    form->service != (size_t)-1 ? service : "",
	    form->company != (size_t)-1 ? ", 事業者名称:" : "",
	    form->company != (size_t)-1 ? company : "");
	paged_para(pg, line);
	free(line);
}

/* Page p (from 0) on a sheet of its own. */
static void
paged_page(struct paged *pg, size_t p)
{
	const struct form *form = pg->d->form;
	const struct form_section *sec;
	const struct form_item *item;
	size_t i, first = form->pages[p], end = form_page_end(form, p);
	char *title;

	if (p > 0)
		fputc('\f', pg->fp);
	title = xasprintf("%s%s%s (%zu/%zu)", form->title,
	    form->subtitle != NULL ? " " : "",
	    form->subtitle != NULL ? form->subtitle : "", p + 1, form->npages);
	paged_para(pg, title);
	free(title);
	fputc('\n', pg->fp);
	paged_header(pg);
	fputc('\n', pg->fp);
	paged_heading(pg);
	for (i = first; i < end; i++) {
		item = &form->items[i];
		sec = &form->sections[item->section];
		if (sec->first == i && !paged_same(item->category,
		    sec->title)) {
			title = xasprintf("- %s", sec->title);
			paged_across(pg, title);
			free(title);
		}
		paged_item(pg, i, i == first || sec->first == i ||
		    !paged_same(item->category, form->items[i - 1].category));
	}
	for (i = 0; i < form->nnotes; i++) {
		fputc('\n', pg->fp);
		paged_para(pg, form->notes[i]);
	}
}

/* After the last page, with notes: the fields' notes, wrapped. */
static void
paged_notes(struct paged *pg)
{
	const struct form *form = pg->d->form;
	char *para;
	size_t i;
	int any = 0;

	for (i = 0; i < form->nfields; i++) {
		if (pg->d->notes[i] == NULL)
			continue;
		if (!any++)
			fputs("\nメモ\n", pg->fp);
		fputc('\n', pg->fp);
		para = xasprintf("%s %s: %s", form->fields[i].id,
		    form->items[form->fields[i].item].name, pg->d->notes[i]);
		paged_para(pg, para);
		free(para);
	}
}

/*
 * The application d as paged text, every line at most width columns
 * (EXPORT_PAGED_MIN..EXPORT_PAGED_MAX), with notes the fields' notes;
 * *len bytes, NUL-terminated, the caller frees it.
 */
char *
export_paged(const struct draft *d, int notes, size_t width, size_t *len)
{
	struct paged pg;
	size_t rest, p;
	char *buf;

	pg.d = d;
	pg.width = width;
	/* five columns and six borders */
	rest = width - (PAGED_COLS + 1) - PAGED_NO - PAGED_MARK;
	pg.col[0] = PAGED_NO;
	pg.col[1] = rest * 22 / 100;
	pg.col[2] = rest * 33 / 100;
	pg.col[3] = PAGED_MARK;
	pg.col[4] = rest - pg.col[1] - pg.col[2];
	pg.fp = xmemstream(&buf, len);
	for (p = 0; p < d->form->npages; p++)
		paged_page(&pg, p);
	if (notes)
		paged_notes(&pg);
	xmemclose(pg.fp);
	return buf;
}
