/*
 * screen-page: the fields of the current page, laid out like the printed
 * form: section headings with counts, items, and for each field its
 * status mark, id, mark, description and answer.
 *
 * The page is turned into display rows (pure arithmetic over widths), the
 * view scrolls so that the current field (and the cursor while editing)
 * is visible, and only the visible rows are drawn.
 *
 * State, struct page_state: the cache of laid-out descriptions and
 * answers (for one form; an answer is known by its draft version, not
 * its text), the rows of the answer being edited (brought up to date by
 * layout_rewrap from the rows of the text at the last textbuf_clean, known
 * by textbuf_version), the first display row on screen, and the rows the
 * last frame drew with what they showed, so that a frame in which only
 * the answer being edited changed draws only the cells that may differ:
 * the status marks and counters that changed, and each answer row from
 * the first changed position on.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "editor.h"
#include "form.h"
#include "i18n.h"
#include "layout.h"
#include "text.h"
#include "textbuf.h"
#include "validate.h"
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
	size_t			 more;		/* ROW_MORE: rows not shown;
						   ROW_FIELD: description
						   rows not shown (it ends
						   with …) */
};

struct page {
	struct page_row		*rows;
	size_t			 n, cap;

	size_t			 cur_first, cur_last;	/* current field */
	size_t			 cursor_row;
	int			 cursor_col;
};

/*
 * What stays the same from one frame to the next: per field, the decoded
 * description and its rows at the last width, the decoded answer (as
 * last seen in the draft: aver is its draft version) and its rows, and
 * the status mark and count its first row showed last (shown: drawn at
 * all since the last full frame of the row).
 */
struct page_cache {
	struct textbuf		*desc;
	struct layout_row	*drows;
	size_t			 ndrows;
	int			 dwidth;
	unsigned long		 aver;
	struct textbuf		*ans;
	struct layout_row	*arows;
	size_t			 narows;
	int			 awidth;
	int			 shown, st;
	size_t			 count, limit;
};

/* The screen between frames. */
struct page_state {
	struct page_cache	*cache;		/* one per field of form */
	size_t			 ncache;
	const struct form	*form;

	size_t			 top;		/* first display row shown */
	size_t			 shown_page;	/* the page top belongs to */

	/* The rows drawn by the last frame, to redraw only what changed. */
	struct page_row		*last;
	size_t			 nlast, last_top, last_page;
	size_t			 last_field, last_over;
	const struct textbuf	*last_edit;
	int			 last_cols, last_rows;

	/* the last search, folded (page_fold), to highlight; n 0: none */
	uint32_t		*needle;
	size_t			 nneedle;

	/* page_over_from of one field, computed once per field and frame */
	size_t			 over_field, over_at;

	/* the rows of the answer being edited: its text at version ever */
	struct layout_row	*erows;
	size_t			 nerows;
	int			 ewidth;
	unsigned long		 ever;
};

static void
page_add(struct page *pg, enum page_row_kind kind, size_t index, size_t start,
    size_t end)
{
	struct page_row *r;

	if (pg->n == pg->cap) {
		pg->cap = pg->cap == 0 ? 64 : pg->cap * 2;
		pg->rows = xreallocarray(pg->rows, pg->cap, sizeof *pg->rows);
	}
	r = &pg->rows[pg->n++];
	r->kind = kind;
	r->index = index;
	r->start = start;
	r->end = end;
	r->more = 0;
}

/* Forget the cache and the last frame (a new form). */
static void
page_forget(struct page_state *ps)
{
	size_t i;

	free(ps->last);
	ps->last = NULL;
	ps->nlast = 0;
	free(ps->erows);
	ps->erows = NULL;
	ps->nerows = 0;
	for (i = 0; i < ps->ncache; i++) {
		textbuf_free(ps->cache[i].desc);
		free(ps->cache[i].drows);
		textbuf_free(ps->cache[i].ans);
		free(ps->cache[i].arows);
	}
	free(ps->cache);
	ps->cache = NULL;
	ps->ncache = 0;
	ps->form = NULL;
}

static void *
screen_page_create(void)
{
	struct page_state *ps = xcalloc(1, sizeof *ps);

	ps->shown_page = (size_t)-1;
	ps->over_field = (size_t)-1;
	return ps;
}

static void
screen_page_destroy(void *state)
{
	struct page_state *ps = state;

	page_forget(ps);
	free(ps->needle);
	free(ps);
}

static struct page_cache *
page_cached(struct page_state *ps, const struct editor *e, size_t field)
{
	const struct form *form = e->file.draft->form;

	if (ps->form != form) {
		page_forget(ps);
		ps->cache = xcalloc(form->nfields, sizeof *ps->cache);
		ps->ncache = form->nfields;
		ps->form = form;
	}
	return &ps->cache[field];
}

/* The description of field laid out at width (cached). */
static const struct page_cache *
page_desc(struct page_state *ps, const struct editor *e, size_t field,
    int width)
{
	struct page_cache *pc = page_cached(ps, e, field);

	if (pc->desc == NULL)
		pc->desc = textbuf_new(e->file.draft->form->fields[field].text);
	if (pc->drows == NULL || pc->dwidth != width) {
		free(pc->drows);
		pc->ndrows = layout_wrap(pc->desc, width, &pc->drows);
		pc->dwidth = width;
	}
	return pc;
}

/* The answer of field (not the one being edited) laid out at width. */
static const struct page_cache *
page_answer(struct page_state *ps, const struct editor *e, size_t field,
    int width)
{
	struct page_cache *pc = page_cached(ps, e, field);
	const struct draft *d = e->file.draft;

	if (pc->ans == NULL || pc->aver != d->version[field]) {
		pc->aver = d->version[field];
		textbuf_free(pc->ans);
		pc->ans = textbuf_new(d->answers[field]);
		free(pc->arows);
		pc->arows = NULL;
	}
	if (pc->arows == NULL || pc->awidth != width) {
		free(pc->arows);
		pc->narows = layout_wrap(pc->ans, width, &pc->arows);
		pc->awidth = width;
	}
	return pc;
}

/*
 * The rows of the answer being edited, tb, at width (ps->erows): kept when
 * the text is the one they were made for, brought up to date by
 * layout_rewrap when they are those of the text at the last textbuf_clean,
 * made afresh otherwise.  Returns their number.
 */
static size_t
page_edit_rows(struct page_state *ps, const struct textbuf *tb, int width)
{
	unsigned long v = textbuf_version(tb);

	if (ps->erows != NULL && ps->ewidth == width && ps->ever == v)
		return ps->nerows;
	if (ps->erows != NULL && ps->ewidth == width &&
	    ps->ever == textbuf_clean_version(tb))
		ps->nerows = layout_rewrap(tb, width, &ps->erows, ps->nerows,
		    NULL, NULL);
	else {
		free(ps->erows);
		ps->nerows = layout_wrap(tb, width, &ps->erows);
	}
	ps->ewidth = width;
	ps->ever = v;
	return ps->nerows;
}

/* The text buffer that shows field's answer on screen. */
static const struct textbuf *
page_answer_tb(struct page_state *ps, const struct editor *e, size_t field)
{
	if (e->edit.tb != NULL && field == e->nav.field)
		return e->edit.tb;
	return page_cached(ps, e, field)->ans;
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
	const struct form_item *item = &e->file.draft->form->items[f->item];
	int w = cols - page_desc_x(f) - (f->limit != 0 || item->limit != 0 ?
	    14 : 1);

	return w < 4 ? 4 : w;
}

/* The rows of a description: the first, or all of them. */
static void
page_desc_rows(struct page_state *ps, struct page *pg, const struct editor *e,
    size_t field, int width, int all)
{
	const struct page_cache *pc = page_desc(ps, e, field, width);
	size_t i;

	for (i = 0; i < pc->ndrows && (all || i == 0); i++)
		page_add(pg, i == 0 ? ROW_FIELD : ROW_DESC, field,
		    pc->drows[i].start, pc->drows[i].end);
	if (!all && pc->ndrows > 1)
		pg->rows[pg->n - 1].more = pc->ndrows - 1;
}

/* Lay out the rows of the page of the current field; returns the width. */
static int
page_build(struct page_state *ps, const struct editor *e, struct page *pg,
    int cols)
{
	const struct form *form = e->file.draft->form;
	const struct form_item *item;
	const struct page_cache *pc;
	const struct layout_row *lr;
	size_t page, first, end, i, j, n, k, section = (size_t)-1;
	int width = cols - PAGE_INDENT - 1;

	memset(pg, 0, sizeof *pg);
	/* room for as many rows as the last frame had */
	if (ps->nlast > 0) {
		pg->cap = ps->nlast;
		pg->rows = xreallocarray(NULL, pg->cap, sizeof *pg->rows);
	}
	page = form->items[form->fields[e->nav.field].item].page;
	first = form->pages[page];
	end = form_page_end(form, page);
	if (width < 10)
		width = 10;
	for (i = first; i < end; i++) {
		item = &form->items[i];
		if (item->section != section) {
			section = item->section;
			page_add(pg, ROW_SECTION, section, 0, 0);
		}
		page_add(pg, ROW_ITEM, i, 0, 0);
		for (j = item->first; j < item->first + item->nfields; j++) {
			int current = j == e->nav.field;
			int editing = current && e->edit.tb != NULL;

			if (current)
				pg->cur_first = pg->n;
			page_desc_rows(ps, pg, e, j, page_desc_w(e,
			    &form->fields[j], cols), current);
			if (editing) {
				n = page_edit_rows(ps, e->edit.tb, width);
				lr = ps->erows;
			} else {
				pc = page_answer(ps, e, j, width);
				n = pc->narows;
				lr = pc->arows;
			}
			if (!editing && textbuf_len(page_answer_tb(ps, e,
			    j)) == 0)
				page_add(pg, ROW_EMPTY, j, 0, 0);
			else {
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
			}
			if (editing) {
				size_t row;

				layout_locate(lr, n, e->edit.tb,
				    textbuf_cursor(e->edit.tb), &row,
				    &pg->cursor_col);
				pg->cursor_row = pg->n - n + row;
			}
			if (current)
				pg->cur_last = pg->n - 1;
		}
	}
	return width;
}

/* Keep the current field, and the cursor, on screen. */
static void
page_scroll(struct page_state *ps, const struct editor *e, struct page *pg,
    size_t rows, size_t page)
{
	size_t want_first = pg->cur_first, want_last = pg->cur_last;

	if (page != ps->shown_page) {
		ps->top = 0;
		ps->shown_page = page;
	}
	/* show the item heading above the first field of an item */
	if (want_first > 0 && pg->rows[want_first - 1].kind == ROW_ITEM)
		want_first--;
	if (want_first > 0 && pg->rows[want_first - 1].kind == ROW_SECTION)
		want_first--;
	if (e->edit.tb != NULL) {
		if (pg->cursor_row < ps->top)
			ps->top = pg->cursor_row;
		if (pg->cursor_row >= ps->top + rows)
			ps->top = pg->cursor_row - rows + 1;
		if (want_last - want_first < rows) {
			if (want_first < ps->top)
				ps->top = want_first;
			if (want_last >= ps->top + rows)
				ps->top = want_last - rows + 1;
		}
		return;
	}
	/*
	 * A jump (not a step to the next or previous field) to a field off
	 * the screen: its item from the heading at the top, with its rows,
	 * as far as the field still shows in full.
	 */
	if (e->nav.field + 1 != ps->last_field && e->nav.field !=
	    ps->last_field + 1 && e->nav.field != ps->last_field &&
	    (pg->cur_last < ps->top || pg->cur_first >= ps->top + rows)) {
		ps->top = pg->cur_first;
		while (ps->top > 0 && pg->rows[ps->top].kind != ROW_ITEM)
			ps->top--;
		if (ps->top > 0 && pg->rows[ps->top - 1].kind == ROW_SECTION)
			ps->top--;
		if (want_last >= ps->top + rows)
			ps->top = want_first;
	}
	if (want_first < ps->top)
		ps->top = want_first;
	if (want_last >= ps->top + rows) {
		ps->top = want_last - rows + 1;
		if (ps->top > want_first)
			ps->top = want_first;
	}
	if (ps->top + rows > pg->n)
		ps->top = pg->n > rows ? pg->n - rows : 0;
}

static const char *
page_mark_glyph(int st, enum view_style *style)
{
	switch (st) {
	case EDITOR_ST_OK:
		*style = VIEW_OK;
		return view_draw_glyph(VIEW_GLYPH_OK);
	case EDITOR_ST_MISSING:
		*style = VIEW_MISSING;
		return view_draw_glyph(VIEW_GLYPH_MISSING);
	case EDITOR_ST_MISSING_LEVEL:
		*style = VIEW_LEVEL;
		return view_draw_glyph(VIEW_GLYPH_MISSING);
	case EDITOR_ST_OVER:
		*style = VIEW_OVER;
		return "+";
	case EDITOR_ST_WARN:
		*style = VIEW_WARN;
		return "?";
	case EDITOR_ST_RENEW:
		*style = VIEW_LEVEL;
		return "↻";
	}
	*style = VIEW_DIM;
	return " ";
}

/*
 * A code point as the search compares it: full-width ASCII as ASCII, the
 * ideographic space as a space (as text_fold), ASCII letters in lower case.
 */
static uint32_t
page_fold(uint32_t cp)
{
	if (cp >= 0xff01 && cp <= 0xff5e)
		cp -= 0xfee0;
	else if (cp == 0x3000)
		cp = ' ';
	return cp >= 'A' && cp <= 'Z' ? cp + 'a' - 'A' : cp;
}

/* Keep the last search of e, folded, in ps->needle (none when empty). */
static void
page_needle(struct page_state *ps, const struct editor *e)
{
	const char *q = e->nav.search;
	size_t i;

	free(ps->needle);
	ps->needle = NULL;
	ps->nneedle = 0;
	if (q == NULL || *q == '\0')
		return;
	ps->needle = text_cps(q, strlen(q), &ps->nneedle);
	for (i = 0; i < ps->nneedle; i++)
		ps->needle[i] = page_fold(ps->needle[i]);
}

/*
 * Mark in match[0..n) the code points of cps that the last search
 * (ps->needle) finds within the row.  O(n times the search's length).
 */
static void
page_match(const struct page_state *ps, const uint32_t *cps, size_t n,
    unsigned char *match)
{
	size_t i, j;

	memset(match, 0, n);
	for (i = 0; ps->nneedle != 0 && i + ps->nneedle <= n; i++) {
		for (j = 0; j < ps->nneedle; j++) {
			if (page_fold(cps[i + j]) != ps->needle[j])
				break;
		}
		if (j == ps->nneedle)
			memset(match + i, 1, ps->nneedle);
	}
}

/*
 * Draw code points start..end of tb, the part over the limit in style;
 * cut: the text goes on beyond end, which the row shows by ending with …
 * (view_draw_cps); what the last search finds stands out (ps NULL: not
 * looked for).
 */
static int
page_draw_range(const struct page_state *ps, int y, int x, int maxw,
    const struct textbuf *tb, size_t start, size_t end, size_t over_from,
    enum view_style style, int cut)
{
	uint32_t *cps;
	unsigned char *match = NULL;
	size_t i, j, split, n = end - start;
	enum view_style st;
	int used = 0;

	if (end <= start)
		return 0;
	cps = xreallocarray(NULL, n + 1, sizeof *cps);
	for (i = start; i < end; i++)
		cps[i - start] = textbuf_char(tb, i);
	if (cut) {
		/* a newline at the end of the row is not shown */
		if (n > 0 && cps[n - 1] == '\n')
			n--;
		cps[n++] = 0x2026;	/* … */
	}
	/* the cps before split are within the limit (the … goes with the
	   rest of the row) */
	split = over_from <= start ? 0 : over_from >= end ? n : over_from -
	    start;
	if (ps == NULL || ps->nneedle == 0) {
		used = view_draw_cps(y, x, maxw, cps, split, style);
		used += view_draw_cps(y, x + used, maxw - used, cps + split,
		    n - split, VIEW_OVER);
		free(cps);
		return used;
	}
	match = xmalloc(n);
	page_match(ps, cps, n, match);
	/* runs of one style: within or over the limit, found or not */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && match[j] == match[i] && (j < split) ==
		    (i < split); j++)
			;
		st = match[i] ? VIEW_MATCH : i < split ? style : VIEW_OVER;
		used += view_draw_cps(y, x + used, maxw - used, cps + i, j - i,
		    st);
	}
	free(match);
	free(cps);
	return used;
}

/* The code point index in tb from which text is over field's limit. */
static size_t
page_over_from(const struct editor *e, size_t field, const struct textbuf *tb)
{
	const struct form *form = e->file.draft->form;
	const struct form_field *f = &form->fields[field];
	const struct form_item *item = &form->items[f->item];
	size_t limit = item->limit != 0 ? item->limit : f->limit;
	size_t before = 0, i, count = 0;
	const char *a;

	if (limit == 0)
		return (size_t)-1;
	if (item->limit != 0) {
		for (i = item->first; i < field; i++) {
			if (e->edit.tb != NULL && i == e->nav.field)
				before += textbuf_count(e->edit.tb);
			else if ((a = e->file.draft->answers[i]) != NULL)
				before += text_count(a, strlen(a));
		}
	}
	if (before + textbuf_count(tb) <= limit)
		return (size_t)-1;
	for (i = 0; i < textbuf_len(tb); i++) {
		uint32_t c = textbuf_char(tb, i);

		if (c == '\n' || c == '\r')
			continue;
		if (before + ++count > limit)
			return i;
	}
	return (size_t)-1;
}

/* The counter of a field's first row in buf ("" without a limit); returns
 * its width. */
static int
page_counter(char *buf, size_t size, size_t count, size_t limit)
{
	buf[0] = '\0';
	if (limit != 0)
		snprintf(buf, size, " %zu/%zu字", count, limit);
	return (int)text_width(buf);
}

static void
page_draw_row(struct page_state *ps, const struct editor *e,
    const struct page_row *r, int y, int cols)
{
	const struct draft *d = e->file.draft;
	const struct form *form = d->form;
	const struct form_field *f;
	const struct form_item *item;
	const struct form_section *sec;
	const struct textbuf *tb;
	enum view_style style;
	size_t count, limit, done[FORM_NMARKS], total[FORM_NMARKS];
	size_t page, first, end;
	char *s, counter[64];
	int x, shared, st, cw;

	switch (r->kind) {
	case ROW_SECTION:
		/* the section's items on this page */
		sec = &form->sections[r->index];
		page = form->items[form->fields[e->nav.field].item].page;
		first = sec->first > form->pages[page] ? sec->first :
		    form->pages[page];
		end = sec->first + sec->nitems;
		if (end > form_page_end(form, page))
			end = form_page_end(form, page);
		validate_tally(d, first, end, done, total);
		s = xasprintf("%s%s%s  必須 %zu/%zu  必須○ %zu/%zu",
		    view_draw_glyph(VIEW_GLYPH_OPEN), sec->title,
		    view_draw_glyph(VIEW_GLYPH_CLOSE), done[0], total[0],
		    done[1], total[1]);
		view_draw_text(y, 0, cols, s, VIEW_HEADING);
		free(s);
		break;
	case ROW_ITEM:
		item = &form->items[r->index];
		s = xasprintf("%u %s%s%s", item->no, item->category != NULL ?
		    item->category : "", item->category != NULL ? " / " : "",
		    item->name);
		view_draw_text(y, 1, cols - 1, s, VIEW_ITEM);
		free(s);
		break;
	case ROW_FIELD:
		f = &form->fields[r->index];
		st = editor_edit_status(e, r->index);
		s = (char *)page_mark_glyph(st, &style);
		x = 1 + view_draw_text(y, 1, 1, s, style);
		/* the column before the id: a note */
		view_draw_text(y, 2, 1, d->notes[r->index] != NULL ? "✎" : " ",
		    VIEW_WARN);
		x = 3;
		x += view_draw_text(y, x, cols - x, f->id, r->index ==
		    e->nav.field ? VIEW_CURRENT : VIEW_NORMAL);
		x += view_draw_text(y, x, cols - x, " ", VIEW_NORMAL);
		x += view_draw_text(y, x, cols - x, form_mark_label(f->mark),
		    f->mark == FORM_OPTIONAL ? VIEW_DIM : VIEW_NORMAL);
		x += view_draw_text(y, x, cols - x, " ", VIEW_NORMAL);
		count = editor_edit_count(e, r->index, &limit, &shared);
		cw = page_counter(counter, sizeof counter, count, limit);
		ps->cache[r->index].shown = 1;
		ps->cache[r->index].st = st;
		ps->cache[r->index].count = count;
		ps->cache[r->index].limit = limit;
		page_draw_range(ps, y, page_desc_x(f), page_desc_w(e, f, cols),
		    ps->cache[r->index].desc, r->start, r->end, (size_t)-1,
		    VIEW_DIM, r->more != 0);
		if (cw > 0)
			view_draw_text(y, cols - cw, cw, counter, count >
			    limit ? VIEW_OVER : VIEW_DIM);
		break;
	case ROW_DESC:
		f = &form->fields[r->index];
		page_draw_range(ps, y, page_desc_x(f), page_desc_w(e, f, cols),
		    ps->cache[r->index].desc, r->start, r->end, (size_t)-1,
		    VIEW_DIM, 0);
		break;
	case ROW_ANSWER:
		tb = page_answer_tb(ps, e, r->index);
		if (ps->over_field != r->index) {
			ps->over_field = r->index;
			ps->over_at = page_over_from(e, r->index, tb);
		}
		/* the answer being edited: no search highlighted */
		page_draw_range(tb == e->edit.tb ? NULL : ps, y, PAGE_INDENT,
		    cols - PAGE_INDENT - 1, tb, r->start, r->end, ps->over_at,
		    VIEW_NORMAL, 0);
		break;
	case ROW_EMPTY:
		f = &form->fields[r->index];
		view_draw_text(y, PAGE_INDENT, cols - PAGE_INDENT,
		    f->nchoices > 0 ? _("(not answered: Enter to choose)") :
		    _("(not answered)"), VIEW_DIM);
		break;
	case ROW_MORE:
		s = xasprintf(_("… (%zu more lines)"), r->more);
		view_draw_text(y, PAGE_INDENT, cols - PAGE_INDENT, s, VIEW_DIM);
		free(s);
		break;
	}
}

/*
 * Bring the first row of a field (r, on the screen as the last frame drew
 * it) up to date while an answer is edited: only its status mark and its
 * counter can change, and only what changed of them is drawn.
 */
static void
page_draw_marks(struct page_state *ps, const struct editor *e,
    const struct page_row *r, int y, int cols)
{
	struct page_cache *pc = &ps->cache[r->index];
	enum view_style style;
	size_t count, limit;
	char counter[64];
	const char *s;
	int st, shared, cw, ocw;

	st = editor_edit_status(e, r->index);
	count = editor_edit_count(e, r->index, &limit, &shared);
	if (!pc->shown || limit != pc->limit) {
		view_draw_fill(y, 0, cols, VIEW_NORMAL);
		page_draw_row(ps, e, r, y, cols);
		return;
	}
	if (st != pc->st) {
		s = page_mark_glyph(st, &style);
		view_draw_fill(y, 1, 2, VIEW_NORMAL);
		view_draw_text(y, 1, 2, s, style);
		pc->st = st;
	}
	if (count != pc->count) {
		ocw = page_counter(counter, sizeof counter, pc->count, limit);
		cw = page_counter(counter, sizeof counter, count, limit);
		if (ocw > cw)
			view_draw_fill(y, cols - ocw, ocw - cw, VIEW_NORMAL);
		if (cw > 0)
			view_draw_text(y, cols - cw, cw, counter, count >
			    limit ? VIEW_OVER : VIEW_DIM);
		pc->count = count;
	}
}

/*
 * Draw the row r of the answer being edited, tb, from position from on:
 * the cells before it show what they showed (the text before from has not
 * changed and the row starts where it did).  A character from which on
 * the text changed may have lost or gained a combining mark, so drawing
 * starts one character earlier, at a base character.
 */
static void
page_draw_answer_from(struct page_state *ps, const struct textbuf *tb,
    const struct page_row *r, int y, int cols, size_t from)
{
	size_t i;
	int x = PAGE_INDENT;

	if (from < r->start)
		from = r->start;
	if (from > r->end)
		from = r->end;
	if (from > r->start)
		from--;
	while (from > r->start && textbuf_charwidth(tb, from) == 0)
		from--;
	for (i = r->start; i < from; i++)
		x += textbuf_charwidth(tb, i);
	view_draw_fill(y, x, cols - x, VIEW_NORMAL);
	page_draw_range(NULL, y, x, cols - 1 - x, tb, from, r->end,
	    ps->over_at, VIEW_NORMAL, 0);
}

/* Whether two display rows show the same thing (NULL: an empty row). */
static int
page_same_row(const struct page_row *a, const struct page_row *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->kind == b->kind && a->index == b->index &&
	    a->start == b->start && a->end == b->end && a->more == b->more;
}

/*
 * Whether a display row that is where it was in the last frame must be
 * drawn again: the rows of the current field's item; while a field is
 * edited only the first row of each field of its item (counter and mark),
 * the answer rows of its other fields if the item has a shared limit (what
 * is over it moves), and the rows of the edited answer that hold text from
 * position dirty on.
 */
static int
page_row_stale(const struct editor *e, const struct page_row *r, size_t dirty)
{
	const struct form *form = e->file.draft->form;
	size_t item = form->fields[e->nav.field].item;

	if (r == NULL || r->kind == ROW_SECTION || r->kind == ROW_ITEM ||
	    r->kind == ROW_DESC || form->fields[r->index].item != item)
		return 0;
	if (r->kind == ROW_FIELD || e->edit.tb == NULL)
		return 1;
	if (r->index != e->nav.field)
		return form->items[item].limit != 0;
	return r->kind != ROW_ANSWER || dirty < r->end;
}

static void
screen_page_draw(void *state, const struct editor *e, int top, int rows,
    struct view_frame *frame)
{
	struct page_state *ps = state;
	const struct form *form = e->file.draft->form;
	const struct textbuf *tb = e->edit.tb;
	const struct page_row *r, *l;
	struct page pg;
	size_t i, page, dirty = 0, over = (size_t)-1;
	int cols = view_draw_cols(), partial;

	page = form->items[form->fields[e->nav.field].item].page;
	page_needle(ps, e);
	frame->editor.edit_width = page_build(ps, e, &pg, cols);
	page_scroll(ps, e, &pg, (size_t)rows, page);
	ps->over_field = (size_t)-1;
	if (tb != NULL) {
		/* text from dirty on changed, or is coloured otherwise */
		dirty = textbuf_dirty(tb);
		over = page_over_from(e, e->nav.field, tb);
		if (over != ps->last_over) {
			if (over < dirty)
				dirty = over;
			if (ps->last_over < dirty)
				dirty = ps->last_over;
		}
		ps->over_field = e->nav.field;
		ps->over_at = over;
	}
	/*
	 * When only the answer being edited changed, the other rows are on
	 * the screen already (curses keeps them): draw the rows that differ
	 * from the last frame and those that show what changed.
	 */
	partial = !(e->ui.redraw & (EDITOR_REDRAW_ALL | EDITOR_REDRAW_BODY)) &&
	    ps->last != NULL && ps->last_page == page &&
	    ps->last_top == ps->top && ps->last_field == e->nav.field &&
	    ps->last_edit == tb && ps->last_cols == cols &&
	    ps->last_rows == rows;
	for (i = 0; i < (size_t)rows; i++) {
		r = ps->top + i < pg.n ? &pg.rows[ps->top + i] : NULL;
		l = partial && ps->last_top + i < ps->nlast ?
		    &ps->last[ps->last_top + i] : NULL;
		if (partial && page_same_row(r, l) &&
		    !page_row_stale(e, r, dirty))
			continue;
		if (partial && tb != NULL && r != NULL && l != NULL &&
		    r->kind == ROW_ANSWER && l->kind == ROW_ANSWER &&
		    r->index == e->nav.field && l->index == r->index &&
		    r->start == l->start) {
			page_draw_answer_from(ps, tb, r, top + (int)i, cols,
			    dirty);
			continue;
		}
		if (partial && tb != NULL && r != NULL && r->kind ==
		    ROW_FIELD && page_same_row(r, l)) {
			page_draw_marks(ps, e, r, top + (int)i, cols);
			continue;
		}
		view_draw_fill(top + (int)i, 0, cols, VIEW_NORMAL);
		if (r != NULL)
			page_draw_row(ps, e, r, top + (int)i, cols);
	}
	free(ps->last);
	ps->last = pg.rows;
	ps->nlast = pg.n;
	ps->last_top = ps->top;
	ps->last_page = page;
	ps->last_field = e->nav.field;
	ps->last_edit = tb;
	ps->last_over = over;
	ps->last_cols = cols;
	ps->last_rows = rows;
	if (tb != NULL && pg.cursor_row >= ps->top &&
	    pg.cursor_row < ps->top + (size_t)rows) {
		frame->cursor_y = top + (int)(pg.cursor_row - ps->top);
		frame->cursor_x = PAGE_INDENT + pg.cursor_col;
	}
}

const struct screen screen_page = {
	.name = "page",
	.create = screen_page_create,
	.destroy = screen_page_destroy,
	.draw = screen_page_draw,
};
