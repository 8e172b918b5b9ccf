/*
 * import-row: one table row of a published disclosure into import_rows.
 *
 * Data model: each table row (pipe or tab-separated) becomes one or more
 * import_rows: the item it belongs to (its number; or, without one, the
 * current item, unless it names one of the next few items), the field row
 * one of its cells describes (-1 when none does), and its answer: the
 * rightmost cell left once the item number, category, name, mark (also as
 * a prefix "必須 ...") and descriptions are removed (any other cell left is
 * reported).  Cells the publisher replaced are kept as answers flagged
 * replaced, which fill nothing but a note.  A "<p>...</p>" cell packing
 * several rows of an item becomes one import_row per paragraph (surplus
 * paragraphs are joined to the field before them unless they start a
 * yes/no answer).  Column headers, separator lines and section rows make
 * no import_row.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "import.h"
#include "strvec.h"
#include "xalloc.h"

#define IMPORT_LOOKAHEAD	3	/* items a row may skip to */
#define IMPORT_ITEM_ROWS	256	/* rows kept of one item; more are noted */
#define IMPORT_ROW_CELLS	64	/* cells of a row; more: not a form row */

enum import_class {
	IMPORT_EMPTY,
	IMPORT_MARK,
	IMPORT_LABEL,
	IMPORT_DESC,
	IMPORT_REPLACED,
	IMPORT_TEXT
};

static const char *const import_row_marks[] = {
	"必須", "必須○", "選択", "必須/選択", NULL
};

/* Prefixes are tried in order: the longer mark first. */
static const char *const import_row_mark_prefixes[] = {
	"必須○", "必須〇", "必須", "選択", NULL
};

static const char *const import_row_replacements[] = {
	"記述有り(*)", "記述無し(*)", "記述あり(*)", "記述なし(*)",
	"記述有り", "記述無し", "-", "—", "―", "–", "−", "‐", NULL
};

static const char *const import_row_yesno_extra[] = {
	"有り", "無し", "有", "無", NULL
};

static void
import_row_unplaced(struct import_ctx *ctx, size_t line, const char *what,
    size_t item)
{
	char *snip = import_snippet(what);

	import_note(ctx, line, _("%s:%zu: '%s' could not be placed "
	    "in item %u: not imported"), ctx->path, line, snip,
	    ctx->form->items[item].no);
	free(snip);
	ctx->st->unplaced++;
}

/*
 * The length of the quoted cell at s (len bytes, s[0] a quote) as a
 * spreadsheet writes a cell holding line breaks, tabs or quotes: up to its
 * closing quote, which a tab or the end follows; 0 when it is not one
 * (then the quotes are the answer's own).
 */
static size_t
import_row_quoted(const char *s, size_t len)
{
	size_t i;
	int special = 0;

	for (i = 1; i < len; i++) {
		if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
			special = 1;
			i++;
		} else if (s[i] == '"')
			break;
		else if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
			special = 1;
	}
	if (i >= len || !special)
		return 0;
	for (i++; i < len && (s[i] == ' ' || s[i] == '\r'); i++)
		;
	return i == len || s[i] == '\t' ? i : 0;
}

/* The text of the quoted cell s (len bytes), line breaks as LF. */
static char *
import_row_unquote(const char *s, size_t len)
{
	char *out = xmalloc(len + 1), *raw;
	size_t i, o = 0;

	for (i = 1; i < len; i++) {
		if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
			out[o++] = s[++i];
		else if (s[i] == '"')
			break;
		else if (s[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else
			out[o++] = s[i];
	}
	raw = import_trim(out, o);
	free(out);
	return raw;
}

/*
 * Split a table row into trimmed cells, added to cells: on "|" for a pipe
 * row, whose outer bars are dropped and "\|" is a bar; on tabs for a tab
 * row, where a quoted cell may hold tabs and line breaks.
 */
static void
import_row_split(const char *s, size_t len, int pipe, struct strvec *cells)
{
	char *buf;
	size_t i, o = 0, start, end;

	if (!pipe) {
		for (start = 0, i = 0; i <= len; i++) {
			if (i == start && i < len && s[i] == '"' &&
			    (end = import_row_quoted(s + i, len - i)) > 0) {
				strvec_add(cells, import_row_unquote(s + i, end));
				i += end;
				for (start = i; i < len && s[i] != '\t'; i++)
					;
				start = i + 1;
				continue;
			}
			if (i < len && s[i] != '\t')
				continue;
			strvec_add(cells, import_trim(s + start, i - start));
			start = i + 1;
		}
		return;
	}
	start = import_trim_left(s, len);
	end = len;
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (start < end && s[start] == '|')
		start++;
	if (end > start && s[end - 1] == '|' && (end < 2 ||
	    s[end - 2] != '\\'))
		end--;
	buf = xmalloc(end - start + 1);
	for (i = start; i <= end; i++) {
		/* "\\|", and markdown's escapes such as "\\<" */
		if (i + 1 < end && s[i] == '\\' &&
		    strchr("|\\<>*_`[]#", s[i + 1]) != NULL) {
			buf[o++] = s[i + 1];
			i++;
			continue;
		}
		if (i < end && s[i] != '|') {
			buf[o++] = s[i];
			continue;
		}
		strvec_add(cells, import_breaks(import_trim(buf, o)));
		o = 0;
	}
	free(buf);
}

/*
 * The text of a cell after a mark written in front of the answer ("必須
 * 2021/6/25", "選択 記述有り(*)"); the cell itself when there is none.
 */
static const char *
import_row_unmark(const char *s)
{
	size_t i, n, skip;

	for (i = 0; import_row_mark_prefixes[i] != NULL; i++) {
		n = strlen(import_row_mark_prefixes[i]);
		if (strncmp(s, import_row_mark_prefixes[i], n) != 0)
			continue;
		skip = import_trim_left(s + n, strlen(s + n));
		if (skip > 0 && s[n + skip] != '\0')
			return s + n + skip;
		return s;
	}
	return s;
}

/* Whether the normalized n is one of the labels or texts of item k. */
static int
import_row_names_item(const struct import_ctx *ctx, size_t k,
    const struct import_str *n, int with_category)
{
	const struct form_item *it = &ctx->form->items[k];
	size_t r;

	if ((with_category && import_like(n, &ctx->labels[3 * k])) ||
	    import_like(n, &ctx->labels[3 * k + 1]) ||
	    import_like(n, &ctx->labels[3 * k + 2]))
		return 1;
	for (r = 0; r < it->nfields; r++) {
		if (import_like(n, &ctx->texts[it->first + r]))
			return 1;
	}
	return 0;
}

/* Whether the normalized n is exactly a label anywhere in the form. */
static int
import_row_any_label(const struct import_ctx *ctx, const struct import_str *n)
{
	const struct form *form = ctx->form;
	size_t i;

	for (i = 0; i < 3 * form->nitems; i++) {
		if (ctx->labels[i].n > 0 && strcmp(n->s, ctx->labels[i].s) == 0)
			return 1;
	}
	for (i = 0; i < form->nfields; i++) {
		if (strcmp(n->s, ctx->texts[i].s) == 0)
			return 1;
	}
	for (i = 0; i < form->nsections; i++) {
		if (strcmp(n->s, ctx->sections[i].s) == 0)
			return 1;
	}
	return 0;
}

/*
 * Classify the cell *textp of a row of item: *textp moves past a mark
 * prefix; *desc is set to the field row an IMPORT_DESC cell describes.
 */
static enum import_class
import_row_classify(const struct import_ctx *ctx, size_t item,
    const char **textp, int *desc)
{
	const struct form_item *it = &ctx->form->items[item];
	struct import_str n;
	enum import_class c = IMPORT_TEXT;
	size_t r;

	*textp = import_row_unmark(*textp);
	import_str_init(&n, *textp, strlen(*textp));
	if (n.n == 0)
		c = IMPORT_EMPTY;
	else if (import_in(n.s, import_row_marks))
		c = IMPORT_MARK;
	else if (import_in(n.s, import_row_replacements))
		c = IMPORT_REPLACED;
	else {
		/* an exact match first, then a near miss */
		for (r = 0; r < it->nfields && c == IMPORT_TEXT; r++) {
			if (strcmp(n.s, ctx->texts[it->first + r].s) == 0) {
				*desc = (int)r;
				c = IMPORT_DESC;
			}
		}
		for (r = 0; r < it->nfields && c == IMPORT_TEXT; r++) {
			if (import_like(&n, &ctx->texts[it->first + r])) {
				*desc = (int)r;
				c = IMPORT_DESC;
			}
		}
		if (c == IMPORT_TEXT &&
		    (import_row_names_item(ctx, item, &n, 1) ||
		    import_row_any_label(ctx, &n)))
			c = IMPORT_LABEL;
	}
	import_str_free(&n);
	return c;
}

/*
 * The item a row without an item number belongs to: one of the next
 * IMPORT_LOOKAHEAD items if a cell names it (and not the current item),
 * else the current one (NONE before the first item).
 */
static size_t
import_row_which_item(const struct import_ctx *ctx,
    const struct strvec *cells)
{
	const struct form *form = ctx->form;
	struct import_str n;
	const char *cell;
	size_t i, k, start, end, found = IMPORT_NONE;

	start = ctx->cur == IMPORT_NONE ? 0 : ctx->cur + 1;
	end = start + IMPORT_LOOKAHEAD < form->nitems ?
	    start + IMPORT_LOOKAHEAD : form->nitems;
	for (i = 0; i < cells->n && found == IMPORT_NONE; i++) {
		cell = cells->v[i];
		if (*cell == '\0' || strncasecmp(cell, "<p>", 3) == 0)
			continue;
		cell = import_row_unmark(cell);
		import_str_init(&n, cell, strlen(cell));
		if (ctx->cur == IMPORT_NONE ||
		    !import_row_names_item(ctx, ctx->cur, &n, 1)) {
			for (k = start; k < end && found == IMPORT_NONE; k++) {
				if (import_row_names_item(ctx, k, &n, 0))
					found = k;
			}
		}
		import_str_free(&n);
	}
	return found != IMPORT_NONE ? found : ctx->cur;
}

static void
import_row_add(struct import_ctx *ctx, size_t line, int desc, char *answer,
    int replaced)
{
	struct import_row *row;

	if (ctx->cur < ctx->form->nitems &&
	    ctx->item_rows[ctx->cur] >= IMPORT_ITEM_ROWS) {
		/* far more than any item has fields: memory stays bounded */
		if (answer != NULL)
			import_row_unplaced(ctx, line, answer, ctx->cur);
		free(answer);
		return;
	}
	ctx->rows = xgrowarray(ctx->rows, ctx->nrows, sizeof *ctx->rows);
	row = &ctx->rows[ctx->nrows++];
	row->line = line;
	row->item = ctx->cur;
	if (ctx->cur < ctx->form->nitems)
		ctx->item_rows[ctx->cur]++;
	row->desc = desc;
	row->answer = answer;
	row->alen = answer != NULL ? strlen(answer) : 0;
	row->aroom = answer != NULL ? row->alen + 1 : 0;
	row->replaced = replaced;
	row->field = -1;
}

/* The paragraphs of a "<p>a</p> <p>b</p>" cell, added to paras. */
static void
import_row_paragraphs(const char *cell, struct strvec *paras)
{
	const char *p = cell, *open, *close, *text;
	char *para;
	size_t tlen;

	while (*p != '\0') {
		open = import_find(p, "<p>");
		if (open == NULL)
			open = p + strlen(p);
		if (!import_blank(p, (size_t)(open - p))) {
			text = p;		/* text outside the tags */
			tlen = (size_t)(open - p);
		} else if (*open == '\0')
			break;
		else {
			text = open + 3;
			close = import_find(text, "</p>");
			tlen = close != NULL ? (size_t)(close - text) :
			    strlen(text);
			open = close != NULL ? close + 4 : text + tlen;
		}
		para = import_entities(import_breaks(import_trim(text, tlen)));
		if (*para != '\0')
			strvec_add(paras, para);
		else
			free(para);
		p = open;
	}
}

/*
 * answer (len bytes in room, NULL: none yet) with s after a line break,
 * grown by doubling so that joining n paragraphs is linear; returns it.
 */
static char *
import_row_append(char *answer, size_t *len, size_t *room, const char *s)
{
	size_t n = strlen(s), sep = answer != NULL, need = *len + sep + n + 1;

	if (need > *room) {
		*room = need > 2 * *room ? need : 2 * *room;
		answer = xrealloc(answer, *room);
	}
	if (sep)
		answer[(*len)++] = '\n';
	memcpy(answer + *len, s, n + 1);
	*len += n;
	return answer;
}

/* Whether s starts one of the answers of a yes/no field f. */
static int
import_row_starts_yesno(const struct form_field *f, const char *s)
{
	size_t i;

	for (i = 0; i < f->nchoices; i++) {
		if (strncmp(s, f->choices[i], strlen(f->choices[i])) == 0)
			return 1;
	}
	for (i = 0; import_row_yesno_extra[i] != NULL; i++) {
		if (strncmp(s, import_row_yesno_extra[i],
		    strlen(import_row_yesno_extra[i])) == 0)
			return 1;
	}
	return 0;
}

/*
 * Turn the paragraphs of a <p> cell on a row of the current item (whose
 * description, if any, names row desc) into rows: one per paragraph, or,
 * with more paragraphs than the item has fields left, grouped so that a
 * paragraph joins the one before unless it can start the next field.
 */
static void
import_row_paragraph_rows(struct import_ctx *ctx, size_t line, int desc,
    struct strvec *paragraphs)
{
	char **paras = paragraphs->v;
	const struct form_item *it = &ctx->form->items[ctx->cur];
	const struct form_field *next;
	enum import_class *cls;
	const char *text;
	char *answer = NULL, *joined;
	int *pdesc, gdesc = -1, greplaced = 0;
	size_t i, k = paragraphs->n, start, field, remaining, alen = 0;
	size_t aroom = 0;

	cls = xreallocarray(NULL, k, sizeof *cls);
	pdesc = xreallocarray(NULL, k, sizeof *pdesc);
	for (i = 0; i < k; i++) {
		pdesc[i] = -1;
		text = paras[i];
		cls[i] = import_row_classify(ctx, ctx->cur, &text, &pdesc[i]);
		if (text != paras[i]) {
			joined = xstrdup(text);
			free(paras[i]);
			paras[i] = joined;
		}
	}
	start = desc >= 0 ? (size_t)desc : ctx->item_rows[ctx->cur];
	if (start >= it->nfields)
		start = it->nfields - 1;
	remaining = it->nfields - start;
	field = start;
	for (i = 0; i < k; i++) {
		if (i > 0) {
			next = field + 1 < it->nfields ?
			    &ctx->form->fields[it->first + field + 1] : NULL;
			if (k <= remaining || (next != NULL &&
			    (cls[i] == IMPORT_DESC ||
			    cls[i] == IMPORT_REPLACED ||
			    next->type->compose == NULL ||
			    import_row_starts_yesno(next, paras[i])))) {
				import_row_add(ctx, line, gdesc, answer,
				    greplaced);
				answer = NULL;
				gdesc = -1;
				greplaced = 0;
				field++;
			}
		}
		if (gdesc < 0)
			gdesc = pdesc[i] >= 0 ? pdesc[i] : (i == 0 ? desc : -1);
		if (cls[i] == IMPORT_REPLACED && answer != NULL)
			import_row_unplaced(ctx, line, paras[i], ctx->cur);
		else if (cls[i] == IMPORT_REPLACED) {
			answer = xstrdup(paras[i]);
			greplaced = 1;
		} else if (cls[i] == IMPORT_TEXT) {
			/* text after a publisher's mark is the answer */
			if (answer == NULL || greplaced) {
				free(answer);
				answer = NULL;
				alen = aroom = 0;
			}
			answer = import_row_append(answer, &alen, &aroom,
			    paras[i]);
			greplaced = 0;
		}
	}
	import_row_add(ctx, line, gdesc, answer, greplaced);
	free(cls);
	free(pdesc);
}

/* Whether a pipe row is the "|---|---|" line under the column headers. */
static int
import_row_separator(const struct strvec *cells)
{
	size_t i;
	int dash = 0;

	for (i = 0; i < cells->n; i++) {
		if (strspn(cells->v[i], "-: ") != strlen(cells->v[i]))
			return 0;
		if (strchr(cells->v[i], '-') != NULL)
			dash = 1;
	}
	return dash;
}

/* The section title of a "- 事業所・事業" row, or NULL. */
static const char *
import_row_section(const struct strvec *cells)
{
	const char *first;
	size_t i, skip;

	if (cells->n == 0 || *(first = cells->v[0]) != '-')
		return NULL;
	skip = import_trim_left(first + 1, strlen(first + 1));
	if (skip == 0 || first[1 + skip] == '\0')
		return NULL;
	for (i = 1; i < cells->n; i++) {
		if (*cells->v[i] != '\0')
			return NULL;
	}
	return first + 1 + skip;
}

/* Whether cell is an item number ("12", "１２"); sets *no. */
static int
import_row_number(const char *cell, unsigned long *no)
{
	struct import_str n;
	size_t i;
	int yes;

	import_str_init(&n, cell, strlen(cell));
	yes = n.n > 0 && n.n <= 4 && strspn(n.s, "0123456789") == n.n;
	for (*no = 0, i = 0; yes && i < n.n; i++)
		*no = *no * 10 + (unsigned long)(n.s[i] - '0');
	import_str_free(&n);
	return yes;
}

/*
 * Read the cells of a row of the current item from cells[first] on into
 * rows: the rightmost answer cell is the answer (others are reported), or
 * the paragraphs of a <p> cell are; a description names the field.
 */
static void
import_row_cells(struct import_ctx *ctx, size_t line,
    const struct strvec *cells, size_t first)
{
	struct strvec paras = STRVEC_INIT;
	const char *text, **cands = NULL;
	enum import_class c;
	int replaced = 0, desc = -1, d;
	size_t i, ncands = 0;

	cands = xreallocarray(NULL, cells->n + 1, sizeof *cands);
	for (i = first; i < cells->n; i++) {
		if (*cells->v[i] == '\0')
			continue;
		if (strncasecmp(cells->v[i], "<p>", 3) == 0) {
			import_row_paragraphs(cells->v[i], &paras);
			continue;
		}
		text = cells->v[i];
		d = -1;
		c = import_row_classify(ctx, ctx->cur, &text, &d);
		if (c == IMPORT_DESC && desc < 0)
			desc = d;
		else if (c == IMPORT_REPLACED || c == IMPORT_TEXT) {
			cands[ncands++] = text;
			replaced = c == IMPORT_REPLACED;
		}
	}
	if (paras.n > 0) {
		for (i = 0; i < ncands; i++)
			import_row_unplaced(ctx, line, cands[i], ctx->cur);
		import_row_paragraph_rows(ctx, line, desc, &paras);
	} else {
		for (i = 0; i + 1 < ncands; i++)
			import_row_unplaced(ctx, line, cands[i], ctx->cur);
		import_row_add(ctx, line, desc, ncands > 0 ?
		    xstrdup(cands[ncands - 1]) : NULL, ncands > 0 && replaced);
	}
	free(cands);
	strvec_free(&paras);
}

/*
 * Read one table row (line number line): skip column headers and section
 * rows, find its item, and read its cells; what cannot be placed is noted.
 */
void
import_row_read(struct import_ctx *ctx, const char *s, size_t len,
    size_t line, int pipe)
{
	const struct form *form = ctx->form;
	struct strvec cells = STRVEC_INIT;
	struct import_str n;
	char *snip, *whole;
	const char *title;
	size_t i, first = 0;
	unsigned long no;
	int known = 0;

	for (i = 0; i < len && first <= IMPORT_ROW_CELLS; i++)
		first += s[i] == (pipe ? '|' : '\t');
	if (first > IMPORT_ROW_CELLS) {
		/* no form has such rows; and it would take memory */
		whole = import_trim(s, len);
		snip = import_snippet(whole);
		import_note(ctx, line, _("%s:%zu: more than %d cells: row not "
		    "imported: '%s'"), ctx->path, line, IMPORT_ROW_CELLS, snip);
		free(snip);
		free(whole);
		ctx->st->unplaced++;
		return;
	}
	first = 0;
	import_row_split(s, len, pipe, &cells);
	for (i = 0; i < cells.n && *cells.v[i] == '\0'; i++)
		;
	if (i == cells.n || (pipe && import_row_separator(&cells)))
		goto out;
	for (i = 0; i < cells.n; i++) {
		if (strstr(cells.v[i], "【審査対象項目】") != NULL ||
		    strstr(cells.v[i], "【記述内容】") != NULL)
			goto out;
	}
	/*
	 * In kaiji's own text export, a tab row with only its last cell
	 * filled continues the answer of the row before (a multi-line
	 * answer); in published documents such a row is a shifted row.
	 */
	for (i = 0; i + 1 < cells.n && *cells.v[i] == '\0'; i++)
		;
	if (ctx->ours && !pipe && cells.n > 1 && i == cells.n - 1 &&
	    ctx->nrows > 0 &&
	    ctx->rows[ctx->nrows - 1].answer != NULL &&
	    !ctx->rows[ctx->nrows - 1].replaced &&
	    ctx->rows[ctx->nrows - 1].line + 1 == line) {
		struct import_row *prev = &ctx->rows[ctx->nrows - 1];

		prev->answer = import_row_append(prev->answer, &prev->alen,
		    &prev->aroom, cells.v[i]);
		prev->line = line;
		goto out;
	}
	ctx->st->rows++;
	if (pipe)
		ctx->pipes++;
	else
		ctx->tabs++;
	if ((title = import_row_section(&cells)) != NULL) {
		import_str_init(&n, title, strlen(title));
		for (i = 0; i < form->nsections && !known; i++)
			known = strcmp(n.s, ctx->sections[i].s) == 0;
		import_str_free(&n);
		if (!known) {
			snip = import_snippet(cells.v[0]);
			import_note(ctx, line, _("%s:%zu: not a "
			    "part of the form: not imported: '%s'"),
			    ctx->path, line, snip);
			free(snip);
			ctx->st->unplaced++;
		}
		goto out;
	}
	if (import_row_number(cells.v[0], &no)) {
		if (no == 0 || no > form->nitems) {
			import_note(ctx, line, _("%s:%zu: form %s %s "
			    "has no item %lu: row not imported"), ctx->path,
			    line, form->name, form->edition, no);
			ctx->st->unplaced++;
			goto out;
		}
		ctx->cur = no - 1;
		first = 1;
	} else
		ctx->cur = import_row_which_item(ctx, &cells);
	if (ctx->cur == IMPORT_NONE) {
		whole = import_trim(s, len);
		snip = import_snippet(whole);
		import_note(ctx, line, _("%s:%zu: a row before the "
		    "first item: not imported: '%s'"), ctx->path, line, snip);
		free(snip);
		free(whole);
		ctx->st->unplaced++;
		goto out;
	}
	import_row_cells(ctx, line, &cells, first);
out:
	strvec_free(&cells);
}
