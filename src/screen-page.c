/*
 * screen-page: the fields of the current page, laid out like the printed
 * form: section headings with counts, items, and for each field its
 * status mark, id, mark, description and answer.
 *
 * The page is turned into display rows (pure arithmetic over widths), the
 * view scrolls so that the current field (and the cursor while editing)
 * is visible, and only the visible rows are drawn.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "layout.h"
#include "text.h"
#include "textbuf.h"
#include "view.h"
#include "xalloc.h"

#define PAGE_INDENT	6	/* columns before an answer */
#define PAGE_MAX_ROWS	3	/* answer rows shown for other fields */

enum page_row_kind {
	ROW_SECTION, ROW_ITEM, ROW_FIELD, ROW_DESC, ROW_ANSWER, ROW_EMPTY,
	ROW_MORE
};

struct page_row {
	enum page_row_kind	 kind;
	size_t			 index;		/* section, item or field */
	size_t			 start, end;	/* code points (desc, answer) */
	size_t			 more;		/* ROW_MORE: rows not shown */
};

struct page {
	struct page_row		*rows;
	size_t			 n;
	size_t			 ffirst;	/* first field of the page */
	size_t			 nf;
	struct textbuf		**desc;		/* per field of the page */
	struct textbuf		**ans;		/* (ans: e->edit when editing) */
	size_t			 cur_first, cur_last;	/* current field */
	size_t			 cursor_row;
	int			 cursor_col;
};

static size_t	page_top;	/* first display row on screen */
static size_t	page_shown_page = (size_t)-1;

static void
page_add(struct page *pg, enum page_row_kind kind, size_t index, size_t start,
    size_t end)
{
	struct page_row *r;

	pg->rows = xreallocarray(pg->rows, pg->n + 1, sizeof *pg->rows);
	r = &pg->rows[pg->n++];
	r->kind = kind;
	r->index = index;
	r->start = start;
	r->end = end;
	r->more = 0;
}

/* The textbuf that shows field's answer (the edit buffer when editing). */
static struct textbuf *
page_textbuf(struct editor *e, size_t field, int *owned)
{
	const char *a = e->draft->answers[field];

	if (e->edit != NULL && field == e->field) {
		*owned = 0;
		return e->edit;
	}
	*owned = 1;
	return textbuf_new(a != NULL ? a : "");
}

/* The column where a field's description starts. */
static int
page_desc_x(const struct form_field *f)
{
	return 3 + (int)strlen(f->id) + 1 + (int)text_width(
	    form_mark_label(f->mark)) + 1;
}

/* The width of a field's description rows (room kept for a counter). */
static int
page_desc_w(const struct editor *e, const struct form_field *f, int cols)
{
	const struct form_item *item = &e->draft->form->items[f->item];
	int w = cols - page_desc_x(f) - (f->limit != 0 || item->limit != 0 ?
	    14 : 1);

	return w < 4 ? 4 : w;
}

/* Split a description into rows of width (code point ranges). */
static void
page_desc_rows(struct page *pg, size_t field, const struct textbuf *tb,
    int width, int all)
{
	struct layout_row *lr;
	size_t n, i;

	n = layout_wrap(tb, width, &lr);
	for (i = 0; i < n && (all || i == 0); i++)
		page_add(pg, i == 0 ? ROW_FIELD : ROW_DESC, field, lr[i].start,
		    lr[i].end);
	free(lr);
}

/* Lay out the rows of the page of the current field. */
static void
page_build(struct editor *e, struct page *pg, int cols)
{
	const struct form *form = e->draft->form;
	const struct form_item *item;
	struct textbuf *tb, *desc;
	struct layout_row *lr;
	size_t page, first, end, i, j, n, k, section = (size_t)-1;
	int owned, width = cols - PAGE_INDENT - 1;

	memset(pg, 0, sizeof *pg);
	page = form->items[form->fields[e->field].item].page;
	first = form->pages[page];
	end = page + 1 < form->npages ? form->pages[page + 1] : form->nitems;
	if (width < 10)
		width = 10;
	e->edit_width = width;
	pg->ffirst = form->items[first].first;
	pg->nf = form->items[end - 1].first + form->items[end - 1].nfields -
	    pg->ffirst;
	pg->desc = xcalloc(pg->nf, sizeof *pg->desc);
	pg->ans = xcalloc(pg->nf, sizeof *pg->ans);
	for (i = first; i < end; i++) {
		item = &form->items[i];
		if (item->section != section) {
			section = item->section;
			page_add(pg, ROW_SECTION, section, 0, 0);
		}
		page_add(pg, ROW_ITEM, i, 0, 0);
		for (j = item->first; j < item->first + item->nfields; j++) {
			int current = j == e->field;

			if (current)
				pg->cur_first = pg->n;
			desc = pg->desc[j - pg->ffirst] =
			    textbuf_new(form->fields[j].text);
			page_desc_rows(pg, j, desc, page_desc_w(e,
			    &form->fields[j], cols), current);
			tb = pg->ans[j - pg->ffirst] = page_textbuf(e, j,
			    &owned);
			if (textbuf_len(tb) == 0 && !(current &&
			    e->edit != NULL))
				page_add(pg, ROW_EMPTY, j, 0, 0);
			else {
				n = layout_wrap(tb, width, &lr);
				for (k = 0; k < n; k++) {
					if (!current && k == PAGE_MAX_ROWS &&
					    n > PAGE_MAX_ROWS + 1) {
						page_add(pg, ROW_MORE, j, 0, 0);
						pg->rows[pg->n - 1].more = n - k;
						break;
					}
					page_add(pg, ROW_ANSWER, j,
					    lr[k].start, lr[k].end);
				}
				if (current && e->edit != NULL) {
					size_t row;

					layout_locate(lr, n, tb,
					    textbuf_cursor(tb), &row,
					    &pg->cursor_col);
					pg->cursor_row = pg->n - n + row;
				}
				free(lr);
			}
			if (current)
				pg->cur_last = pg->n - 1;
		}
	}
}

/* Keep the current field, and the cursor, on screen. */
static void
page_scroll(struct editor *e, struct page *pg, size_t rows, size_t page)
{
	size_t want_first = pg->cur_first, want_last = pg->cur_last;

	if (page != page_shown_page) {
		page_top = 0;
		page_shown_page = page;
	}
	/* show the item heading above the first field of an item */
	if (want_first > 0 && pg->rows[want_first - 1].kind == ROW_ITEM)
		want_first--;
	if (want_first > 0 && pg->rows[want_first - 1].kind == ROW_SECTION)
		want_first--;
	if (e->edit != NULL) {
		if (pg->cursor_row < page_top)
			page_top = pg->cursor_row;
		if (pg->cursor_row >= page_top + rows)
			page_top = pg->cursor_row - rows + 1;
		if (want_last - want_first < rows) {
			if (want_first < page_top)
				page_top = want_first;
			if (want_last >= page_top + rows)
				page_top = want_last - rows + 1;
		}
		return;
	}
	if (want_first < page_top)
		page_top = want_first;
	if (want_last >= page_top + rows) {
		page_top = want_last - rows + 1;
		if (page_top > want_first)
			page_top = want_first;
	}
	if (page_top + rows > pg->n)
		page_top = pg->n > rows ? pg->n - rows : 0;
}

static const char *
page_mark_glyph(int st, enum view_style *style)
{
	switch (st) {
	case EDITOR_ST_OK:
		*style = VIEW_OK;
		return "✓";
	case EDITOR_ST_MISSING:
		*style = VIEW_MISSING;
		return "✗";
	case EDITOR_ST_MISSING_LEVEL:
		*style = VIEW_LEVEL;
		return "✗";
	case EDITOR_ST_OVER:
		*style = VIEW_OVER;
		return "+";
	case EDITOR_ST_WARN:
		*style = VIEW_WARN;
		return "?";
	}
	*style = VIEW_DIM;
	return " ";
}

/* Draw code points start..end of tb, the part over the limit in style. */
static int
page_draw_range(int y, int x, int maxw, const struct textbuf *tb, size_t start,
    size_t end, size_t over_from, enum view_style style)
{
	uint32_t *cps;
	size_t i, split;
	int used;

	if (end <= start)
		return 0;
	cps = xreallocarray(NULL, end - start, sizeof *cps);
	for (i = start; i < end; i++)
		cps[i - start] = textbuf_char(tb, i);
	split = over_from < start ? start : over_from > end ? end : over_from;
	used = view_cps(y, x, maxw, cps, split - start, style);
	used += view_cps(y, x + used, maxw - used, cps + (split - start),
	    end - split, VIEW_OVER);
	free(cps);
	return used;
}

/* The code point index in tb from which text is over field's limit. */
static size_t
page_over_from(struct editor *e, size_t field, const struct textbuf *tb)
{
	const struct form *form = e->draft->form;
	const struct form_field *f = &form->fields[field];
	const struct form_item *item = &form->items[f->item];
	size_t limit = item->limit != 0 ? item->limit : f->limit;
	size_t before = 0, i, count = 0;
	const char *a;

	if (limit == 0)
		return (size_t)-1;
	if (item->limit != 0) {
		for (i = item->first; i < field; i++) {
			if (e->edit != NULL && i == e->field)
				before += textbuf_count(e->edit);
			else if ((a = e->draft->answers[i]) != NULL)
				before += text_count(a, strlen(a));
		}
	}
	for (i = 0; i < textbuf_len(tb); i++) {
		uint32_t c = textbuf_char(tb, i);

		if (c == '\n' || c == '\r')
			continue;
		if (before + ++count > limit)
			return i;
	}
	return (size_t)-1;
}

static void
page_draw_row(struct editor *e, const struct page *pg,
    const struct page_row *r, int y, int cols)
{
	const struct form *form = e->draft->form;
	const struct form_field *f;
	const struct form_item *item;
	const struct form_section *sec;
	struct textbuf *tb;
	enum view_style style;
	size_t count, limit, i, j, done[FORM_NMARKS] = { 0 };
	size_t total[FORM_NMARKS] = { 0 }, page;
	char *s, counter[64];
	int x, shared, st, cw;

	switch (r->kind) {
	case ROW_SECTION:
		sec = &form->sections[r->index];
		page = form->items[form->fields[e->field].item].page;
		for (i = sec->first; i < sec->first + sec->nitems; i++) {
			if (form->items[i].page != page)
				continue;
			for (j = form->items[i].first; j <
			    form->items[i].first + form->items[i].nfields;
			    j++) {
				total[form->fields[j].mark]++;
				done[form->fields[j].mark] +=
				    e->draft->answers[j] != NULL;
			}
		}
		s = xasprintf("■ %s  必須 %zu/%zu  必須○ %zu/%zu", sec->title,
		    done[0], total[0], done[1], total[1]);
		view_text(y, 0, cols, s, VIEW_HEADING);
		free(s);
		break;
	case ROW_ITEM:
		item = &form->items[r->index];
		s = xasprintf("%u %s%s%s", item->no, item->category != NULL ?
		    item->category : "", item->category != NULL ? " / " : "",
		    item->name);
		view_text(y, 1, cols - 1, s, VIEW_ITEM);
		free(s);
		break;
	case ROW_FIELD:
		f = &form->fields[r->index];
		st = editor_status(e, r->index);
		s = (char *)page_mark_glyph(st, &style);
		x = 1 + view_text(y, 1, 2, s, style);
		x = 3;
		x += view_text(y, x, cols - x, f->id, r->index == e->field ?
		    VIEW_CURRENT : VIEW_NORMAL);
		x += view_text(y, x, cols - x, " ", VIEW_NORMAL);
		x += view_text(y, x, cols - x, form_mark_label(f->mark),
		    f->mark == FORM_OPTIONAL ? VIEW_DIM : f->mark ==
		    FORM_MANDATORY ? VIEW_MISSING : VIEW_LEVEL);
		x += view_text(y, x, cols - x, " ", VIEW_NORMAL);
		count = editor_count(e, r->index, &limit, &shared);
		counter[0] = '\0';
		if (limit != 0)
			snprintf(counter, sizeof counter, " %zu/%zu字", count,
			    limit);
		cw = (int)text_width(counter);
		page_draw_range(y, page_desc_x(f), page_desc_w(e, f, cols),
		    pg->desc[r->index - pg->ffirst], r->start, r->end,
		    (size_t)-1, VIEW_DIM);
		if (cw > 0)
			view_text(y, cols - cw, cw, counter, count > limit ?
			    VIEW_OVER : VIEW_DIM);
		break;
	case ROW_DESC:
		f = &form->fields[r->index];
		page_draw_range(y, page_desc_x(f), page_desc_w(e, f, cols),
		    pg->desc[r->index - pg->ffirst], r->start, r->end,
		    (size_t)-1, VIEW_DIM);
		break;
	case ROW_ANSWER:
		tb = pg->ans[r->index - pg->ffirst];
		page_draw_range(y, PAGE_INDENT, cols - PAGE_INDENT - 1, tb,
		    r->start, r->end, page_over_from(e, r->index, tb),
		    VIEW_NORMAL);
		break;
	case ROW_EMPTY:
		f = &form->fields[r->index];
		view_text(y, PAGE_INDENT, cols - PAGE_INDENT, f->nchoices > 0 ?
		    _("(not answered: Enter to choose)") : _("(not answered)"),
		    VIEW_DIM);
		break;
	case ROW_MORE:
		s = xasprintf(_("… (%zu more lines)"), r->more);
		view_text(y, PAGE_INDENT, cols - PAGE_INDENT, s, VIEW_DIM);
		free(s);
		break;
	}
}

static void
screen_page_draw(struct editor *e, int top, int rows)
{
	const struct form *form = e->draft->form;
	struct page pg;
	size_t i, page;
	int cols = view_cols();

	page = form->items[form->fields[e->field].item].page;
	page_build(e, &pg, cols);
	page_scroll(e, &pg, (size_t)rows, page);
	for (i = 0; i < (size_t)rows; i++) {
		view_fill(top + (int)i, 0, cols, VIEW_NORMAL);
		if (page_top + i < pg.n)
			page_draw_row(e, &pg, &pg.rows[page_top + i],
			    top + (int)i, cols);
	}
	if (e->edit != NULL && pg.cursor_row >= page_top &&
	    pg.cursor_row < page_top + (size_t)rows)
		view_cursor(top + (int)(pg.cursor_row - page_top),
		    PAGE_INDENT + pg.cursor_col);
	for (i = 0; i < pg.nf; i++) {
		textbuf_free(pg.desc[i]);
		if (pg.ans[i] != e->edit)
			textbuf_free(pg.ans[i]);
	}
	free(pg.desc);
	free(pg.ans);
	free(pg.rows);
}

const struct screen screen_page = {
	.name = "page",
	.draw = screen_page_draw,
};
