/*
 * import: reading the published disclosure text into a draft.
 *
 * Data model: the document is a list of lines.  Page headers "<title>
 * (n/N)" fix the form: the one whose title starts the header and whose
 * npages is N.  Each table row (pipe or tab-separated) becomes one or more
 * import_rows: the item it belongs to (its number; or, without one, the
 * current item, unless it names one of the next few items), the field row
 * one of its cells describes (-1 when none does), and its answer: the
 * rightmost cell left once the item number, category, name, mark (also as
 * a prefix "必須 ...") and descriptions are removed (any other cell left is
 * reported).  Cells the publisher replaced are kept as answers flagged
 * replaced, which fill nothing but a note.  A "<p>...</p>" cell packing
 * several rows of an item becomes one import_row per paragraph (surplus
 * paragraphs are joined to the field before them unless they start a
 * yes/no answer).  Once every line is read, import_align pairs the rows of
 * each item with its fields in order, so that a description decides where
 * a row goes when it names a field and order decides when it does not.
 *
 * Cells are compared after import_str normalization (no white space,
 * full-width ASCII folded), and near misses (an edit distance of about one
 * in ten, for labels of six or more characters) count as matches.
 *
 * Invariants: every row with an answer ends up on one field, or reported;
 * every field ends up answered, or reported as replaced, unanswered or
 * missing; every line that is not a page header, header line, page note,
 * blank or table row is reported.  Notes are sorted by line (notes about
 * no line first).  Nothing is printed.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "ftype.h"
#include "i18n.h"
#include "import.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

#define IMPORT_NONE		((size_t)-1)
#define IMPORT_SNIPPET		30	/* code points of a cell in a note */
#define IMPORT_LOOKAHEAD	3	/* items a row may skip to */
#define IMPORT_MAX_PAGES	999

/* A string normalized for comparison, as UTF-8 and as code points. */
struct import_str {
	char		*s;
	uint32_t	*cp;
	size_t		 n;
};

struct import_row {
	size_t		 line;
	size_t		 item;		/* index in form->items */
	int		 desc;		/* field row named, 0-based, or -1 */
	char		*answer;	/* NULL when the row has none */
	int		 replaced;	/* answer is the publisher's */
	int		 field;		/* assigned field row, or -1 */
};

struct import_note {
	size_t		 key;		/* the line it is about, for sorting */
	size_t		 seq;
	char		*text;
};

struct import_line {
	const char	*s;
	size_t		 len;		/* without the line break */
	size_t		 no;
	int		 page;		/* a page header */
};

struct import_ctx {
	const char		*path;
	const struct form	*form;
	struct import_str	*labels;	/* per item: category, name, */
						/* category and name */
	struct import_str	*texts;		/* per field */
	struct import_str	*sections;
	struct import_row	*rows;
	size_t			 nrows;
	struct import_note	*notes;
	size_t			 nnotes;
	size_t			 cur;		/* current item, or NONE */
	size_t			 pipes;		/* rows of each layout */
	size_t			 tabs;
	int			 ours;		/* written by kaiji export */
	struct import_stats	*st;
};

enum import_class {
	IMPORT_EMPTY,
	IMPORT_MARK,
	IMPORT_LABEL,
	IMPORT_DESC,
	IMPORT_REPLACED,
	IMPORT_TEXT
};

static const char *const import_marks[] = {
	"必須", "必須○", "選択", "必須/選択", NULL
};

/* Prefixes are tried in order: the longer mark first. */
static const char *const import_mark_prefixes[] = {
	"必須○", "必須〇", "必須", "選択", NULL
};

static const char *const import_replacements[] = {
	"記述有り(*)", "記述無し(*)", "記述あり(*)", "記述なし(*)",
	"記述有り", "記述無し", "-", "—", "―", "–", "−", "‐", NULL
};

static const char *const import_yesno_extra[] = {
	"有り", "無し", "有", "無", NULL
};

static int
import_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
	    cp == '\v' || cp == '\f' || cp == 0xa0 || cp == 0x3000;
}

static uint32_t
import_fold(uint32_t cp)
{
	if (cp >= 0xff01 && cp <= 0xff5e)
		return cp - 0xfee0;	/* full-width ASCII */
	if (cp == 0x3007)
		return 0x25cb;		/* 〇 as ○ */
	return cp;
}

/* Set is to s (len bytes) without white space, full-width ASCII folded. */
static void
import_str_init(struct import_str *is, const char *s, size_t len)
{
	size_t off = 0, n, o = 0;
	uint32_t cp;

	is->s = xmalloc(len * 3 + 1);
	is->cp = xreallocarray(NULL, len + 1, sizeof *is->cp);
	is->n = 0;
	while (off < len) {
		if ((n = text_decode(s + off, len - off, &cp)) == 0) {
			n = 1;
			cp = 0xfffd;
		}
		off += n;
		if (import_is_space(cp))
			continue;
		cp = import_fold(cp);
		is->cp[is->n++] = cp;
		o += text_encode(cp, is->s + o);
	}
	is->s[o] = '\0';
}

static void
import_str_free(struct import_str *is)
{
	free(is->s);
	free(is->cp);
}

/* The edit distance between a and b, in code points. */
static size_t
import_dist(const struct import_str *a, const struct import_str *b)
{
	size_t *row, i, j, diag, up, d;

	row = xreallocarray(NULL, b->n + 1, sizeof *row);
	for (j = 0; j <= b->n; j++)
		row[j] = j;
	for (i = 1; i <= a->n; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= b->n; j++) {
			up = row[j];
			d = diag + (a->cp[i - 1] != b->cp[j - 1]);
			if (up + 1 < d)
				d = up + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			diag = up;
		}
	}
	d = row[b->n];
	free(row);
	return d;
}

/*
 * Whether a and b are the same label: equal once normalized, or, when both
 * have six code points or more, within one edit in ten.
 */
static int
import_like(const struct import_str *a, const struct import_str *b)
{
	size_t longer, shorter, tol;

	if (a->n == 0 || b->n == 0)
		return 0;
	if (strcmp(a->s, b->s) == 0)
		return 1;
	if (a->n < 6 || b->n < 6)
		return 0;
	longer = a->n > b->n ? a->n : b->n;
	shorter = a->n > b->n ? b->n : a->n;
	tol = longer / 10 > 0 ? longer / 10 : 1;
	if (longer - shorter > tol)
		return 0;
	return import_dist(a, b) <= tol;
}

static int
import_in(const char *s, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++) {
		if (strcmp(s, list[i]) == 0)
			return 1;
	}
	return 0;
}

/* A short one-line quotation of s for a note (the caller frees it). */
static char *
import_snippet(const char *s)
{
	size_t len = strlen(s), off = 0, count = 0, n;
	uint32_t cp;
	char *out, *p;

	while (off < len && count < IMPORT_SNIPPET) {
		n = text_decode(s + off, len - off, &cp);
		off += n == 0 ? 1 : n;
		count++;
	}
	out = off < len ? xasprintf("%.*s…", (int)off, s) : xstrdup(s);
	for (p = out; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	}
	return out;
}

/* Add a note (taking text) about line key. */
static void
import_note(struct import_ctx *ctx, size_t key, char *text)
{
	ctx->notes = xgrowarray(ctx->notes, ctx->nnotes, sizeof *ctx->notes);
	ctx->notes[ctx->nnotes].key = key;
	ctx->notes[ctx->nnotes].seq = ctx->nnotes;
	ctx->notes[ctx->nnotes].text = text;
	ctx->nnotes++;
}

static void
import_unplaced(struct import_ctx *ctx, size_t line, const char *what,
    size_t item)
{
	char *snip = import_snippet(what);

	import_note(ctx, line, xasprintf(_("%s:%zu: '%s' could not be placed "
	    "in item %u: not imported"), ctx->path, line, snip,
	    ctx->form->items[item].no));
	free(snip);
	ctx->st->unplaced++;
}

static size_t
import_trim_left(const char *s, size_t len)
{
	size_t off = 0, n;
	uint32_t cp;

	while (off < len && (n = text_decode(s + off, len - off, &cp)) > 0 &&
	    import_is_space(cp))
		off += n;
	return off;
}

/* A copy of s (len bytes) without white space at either end. */
static char *
import_trim(const char *s, size_t len)
{
	size_t off = import_trim_left(s, len), end = len, n, k;
	uint32_t cp;

	for (;;) {
		/* step back over one code point */
		for (k = end; k > off && ((unsigned char)s[k - 1] & 0xc0) ==
		    0x80; k--)
			;
		if (k == off)
			break;
		k--;
		if ((n = text_decode(s + k, end - k, &cp)) == 0 ||
		    !import_is_space(cp))
			break;
		end = k;
	}
	return xstrndup(s + off, end - off);
}

/* Whether s is white space only. */
static int
import_blank(const char *s, size_t len)
{
	return import_trim_left(s, len) == len;
}

/* s (a malloc'd string, freed) with every from, in any case, made to. */
static char *
import_replace(char *s, const char *from, const char *to)
{
	size_t fl = strlen(from), off = 0;
	char *p, *out;

	while ((p = strcasestr(s + off, from)) != NULL) {
		off = (size_t)(p - s);
		out = xasprintf("%.*s%s%s", (int)off, s, to, p + fl);
		off += strlen(to);
		free(s);
		s = out;
	}
	return s;
}

/* s (a malloc'd string, freed) with <br> tags as line breaks. */
static char *
import_breaks(char *s)
{
	s = import_replace(s, "<br />", "\n");
	s = import_replace(s, "<br/>", "\n");
	return import_replace(s, "<br>", "\n");
}

/*
 * Split a table row into trimmed cells (the caller frees them): on "|" for
 * a pipe row, whose outer bars are dropped and "\|" is a bar; on tabs for
 * a tab row.
 */
static char **
import_split(const char *s, size_t len, int pipe, size_t *ncells)
{
	char **cells = NULL, *buf;
	size_t n = 0, i, o = 0, start, end;

	if (!pipe) {
		for (start = 0, i = 0; i <= len; i++) {
			if (i < len && s[i] != '\t')
				continue;
			cells = xreallocarray(cells, n + 1, sizeof *cells);
			cells[n++] = import_trim(s + start, i - start);
			start = i + 1;
		}
		*ncells = n;
		return cells;
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
		cells = xreallocarray(cells, n + 1, sizeof *cells);
		cells[n++] = import_breaks(import_trim(buf, o));
		o = 0;
	}
	free(buf);
	*ncells = n;
	return cells;
}

static void
import_free_cells(char **cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

/*
 * The text of a cell after a mark written in front of the answer ("必須
 * 2021/6/25", "選択 記述有り(*)"); the cell itself when there is none.
 */
static const char *
import_unmark(const char *s)
{
	size_t i, n, skip;

	for (i = 0; import_mark_prefixes[i] != NULL; i++) {
		n = strlen(import_mark_prefixes[i]);
		if (strncmp(s, import_mark_prefixes[i], n) != 0)
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
import_names_item(const struct import_ctx *ctx, size_t k,
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
import_any_label(const struct import_ctx *ctx, const struct import_str *n)
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
import_classify(const struct import_ctx *ctx, size_t item,
    const char **textp, int *desc)
{
	const struct form_item *it = &ctx->form->items[item];
	struct import_str n;
	enum import_class c = IMPORT_TEXT;
	size_t r;

	*textp = import_unmark(*textp);
	import_str_init(&n, *textp, strlen(*textp));
	if (n.n == 0)
		c = IMPORT_EMPTY;
	else if (import_in(n.s, import_marks))
		c = IMPORT_MARK;
	else if (import_in(n.s, import_replacements))
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
		if (c == IMPORT_TEXT && (import_names_item(ctx, item, &n, 1) ||
		    import_any_label(ctx, &n)))
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
import_which_item(const struct import_ctx *ctx, char **cells, size_t ncells)
{
	const struct form *form = ctx->form;
	struct import_str n;
	size_t i, k, start, end, found = IMPORT_NONE;

	start = ctx->cur == IMPORT_NONE ? 0 : ctx->cur + 1;
	end = start + IMPORT_LOOKAHEAD < form->nitems ?
	    start + IMPORT_LOOKAHEAD : form->nitems;
	for (i = 0; i < ncells && found == IMPORT_NONE; i++) {
		if (*cells[i] == '\0' || strncasecmp(cells[i], "<p>", 3) == 0)
			continue;
		import_str_init(&n, import_unmark(cells[i]),
		    strlen(import_unmark(cells[i])));
		if (ctx->cur == IMPORT_NONE ||
		    !import_names_item(ctx, ctx->cur, &n, 1)) {
			for (k = start; k < end && found == IMPORT_NONE; k++) {
				if (import_names_item(ctx, k, &n, 0))
					found = k;
			}
		}
		import_str_free(&n);
	}
	return found != IMPORT_NONE ? found : ctx->cur;
}

static void
import_add_row(struct import_ctx *ctx, size_t line, int desc, char *answer,
    int replaced)
{
	struct import_row *row;

	ctx->rows = xgrowarray(ctx->rows, ctx->nrows, sizeof *ctx->rows);
	row = &ctx->rows[ctx->nrows++];
	row->line = line;
	row->item = ctx->cur;
	row->desc = desc;
	row->answer = answer;
	row->replaced = replaced;
	row->field = -1;
}

/* Replace the HTML entities a converter may leave in a <p> cell. */
static char *
import_entities(char *s)
{
	s = import_replace(s, "&lt;", "<");
	s = import_replace(s, "&gt;", ">");
	s = import_replace(s, "&quot;", "\"");
	s = import_replace(s, "&#39;", "'");
	s = import_replace(s, "&nbsp;", " ");
	return import_replace(s, "&amp;", "&");
}

/* The paragraphs of a "<p>a</p> <p>b</p>" cell, appended to *paras. */
static void
import_split_paragraphs(const char *cell, char ***paras, size_t *n)
{
	const char *p = cell, *open, *close, *text;
	char *para;
	size_t tlen;

	while (*p != '\0') {
		open = strcasestr(p, "<p>");
		if (open == NULL)
			open = p + strlen(p);
		if (!import_blank(p, (size_t)(open - p))) {
			text = p;		/* text outside the tags */
			tlen = (size_t)(open - p);
		} else if (*open == '\0')
			break;
		else {
			text = open + 3;
			close = strcasestr(text, "</p>");
			tlen = close != NULL ? (size_t)(close - text) :
			    strlen(text);
			open = close != NULL ? close + 4 : text + tlen;
		}
		para = import_entities(import_breaks(import_trim(text, tlen)));
		if (*para != '\0') {
			*paras = xreallocarray(*paras, *n + 1, sizeof **paras);
			(*paras)[(*n)++] = para;
		} else
			free(para);
		p = open;
	}
}

/* Whether s starts one of the answers of a yes/no field f. */
static int
import_starts_yesno(const struct form_field *f, const char *s)
{
	size_t i;

	for (i = 0; i < f->nchoices; i++) {
		if (strncmp(s, f->choices[i], strlen(f->choices[i])) == 0)
			return 1;
	}
	for (i = 0; import_yesno_extra[i] != NULL; i++) {
		if (strncmp(s, import_yesno_extra[i],
		    strlen(import_yesno_extra[i])) == 0)
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
import_paragraph_rows(struct import_ctx *ctx, size_t line, int desc,
    char **paras, size_t k)
{
	const struct form_item *it = &ctx->form->items[ctx->cur];
	const struct form_field *next;
	enum import_class *cls;
	const char *text;
	char *answer = NULL, *joined;
	int *pdesc, gdesc = -1, greplaced = 0;
	size_t i, start = 0, field, remaining;

	cls = xreallocarray(NULL, k, sizeof *cls);
	pdesc = xreallocarray(NULL, k, sizeof *pdesc);
	for (i = 0; i < k; i++) {
		pdesc[i] = -1;
		text = paras[i];
		cls[i] = import_classify(ctx, ctx->cur, &text, &pdesc[i]);
		if (text != paras[i]) {
			joined = xstrdup(text);
			free(paras[i]);
			paras[i] = joined;
		}
	}
	if (desc >= 0)
		start = (size_t)desc;
	else {
		for (i = 0; i < ctx->nrows; i++) {
			if (ctx->rows[i].item == ctx->cur)
				start++;
		}
	}
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
			    import_starts_yesno(next, paras[i])))) {
				import_add_row(ctx, line, gdesc, answer,
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
			import_unplaced(ctx, line, paras[i], ctx->cur);
		else if (cls[i] == IMPORT_REPLACED) {
			answer = xstrdup(paras[i]);
			greplaced = 1;
		} else if (cls[i] == IMPORT_TEXT) {
			/* text after a publisher's mark is the answer */
			joined = answer == NULL || greplaced ?
			    xstrdup(paras[i]) : xasprintf("%s\n%s", answer,
			    paras[i]);
			free(answer);
			answer = joined;
			greplaced = 0;
		}
	}
	import_add_row(ctx, line, gdesc, answer, greplaced);
	free(cls);
	free(pdesc);
}

/* Whether a pipe row is the "|---|---|" line under the column headers. */
static int
import_separator(char **cells, size_t n)
{
	size_t i;
	int dash = 0;

	for (i = 0; i < n; i++) {
		if (strspn(cells[i], "-: ") != strlen(cells[i]))
			return 0;
		if (strchr(cells[i], '-') != NULL)
			dash = 1;
	}
	return dash;
}

/* The section title of a "- 事業所・事業" row, or NULL. */
static const char *
import_section(char **cells, size_t n)
{
	size_t i, skip;

	if (n == 0 || strncmp(cells[0], "-", 1) != 0)
		return NULL;
	skip = import_trim_left(cells[0] + 1, strlen(cells[0] + 1));
	if (skip == 0 || cells[0][1 + skip] == '\0')
		return NULL;
	for (i = 1; i < n; i++) {
		if (*cells[i] != '\0')
			return NULL;
	}
	return cells[0] + 1 + skip;
}

/* Whether cell is an item number ("12", "１２"); sets *no. */
static int
import_number(const char *cell, unsigned long *no)
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
import_row_cells(struct import_ctx *ctx, size_t line, char **cells,
    size_t ncells, size_t first)
{
	char **paras = NULL;
	const char *text, **cands = NULL;
	enum import_class c;
	int replaced = 0, desc = -1, d;
	size_t i, nparas = 0, ncands = 0;

	cands = xreallocarray(NULL, ncells + 1, sizeof *cands);
	for (i = first; i < ncells; i++) {
		if (*cells[i] == '\0')
			continue;
		if (strncasecmp(cells[i], "<p>", 3) == 0) {
			import_split_paragraphs(cells[i], &paras, &nparas);
			continue;
		}
		text = cells[i];
		d = -1;
		c = import_classify(ctx, ctx->cur, &text, &d);
		if (c == IMPORT_DESC && desc < 0)
			desc = d;
		else if (c == IMPORT_REPLACED || c == IMPORT_TEXT) {
			cands[ncands++] = text;
			replaced = c == IMPORT_REPLACED;
		}
	}
	if (nparas > 0) {
		for (i = 0; i < ncands; i++)
			import_unplaced(ctx, line, cands[i], ctx->cur);
		import_paragraph_rows(ctx, line, desc, paras, nparas);
	} else {
		for (i = 0; i + 1 < ncands; i++)
			import_unplaced(ctx, line, cands[i], ctx->cur);
		import_add_row(ctx, line, desc, ncands > 0 ?
		    xstrdup(cands[ncands - 1]) : NULL, ncands > 0 && replaced);
	}
	free(cands);
	import_free_cells(paras, nparas);
}

/*
 * Read one table row (line number line): skip column headers and section
 * rows, find its item, and read its cells; what cannot be placed is noted.
 */
static void
import_table_row(struct import_ctx *ctx, const char *s, size_t len,
    size_t line, int pipe)
{
	const struct form *form = ctx->form;
	struct import_str n;
	char **cells, *snip, *whole;
	const char *title;
	size_t ncells, i, first = 0;
	unsigned long no;
	int known = 0;

	cells = import_split(s, len, pipe, &ncells);
	for (i = 0; i < ncells && *cells[i] == '\0'; i++)
		;
	if (i == ncells || (pipe && import_separator(cells, ncells)))
		goto out;
	for (i = 0; i < ncells; i++) {
		if (strstr(cells[i], "【審査対象項目】") != NULL ||
		    strstr(cells[i], "【記述内容】") != NULL)
			goto out;
	}
	/*
	 * In kaiji's own text export, a tab row with only its last cell
	 * filled continues the answer of the row before (a multi-line
	 * answer); in published documents such a row is a shifted row.
	 */
	for (i = 0; i + 1 < ncells && *cells[i] == '\0'; i++)
		;
	if (ctx->ours && !pipe && ncells > 1 && i == ncells - 1 &&
	    ctx->nrows > 0 &&
	    ctx->rows[ctx->nrows - 1].answer != NULL &&
	    !ctx->rows[ctx->nrows - 1].replaced &&
	    ctx->rows[ctx->nrows - 1].line + 1 == line) {
		struct import_row *prev = &ctx->rows[ctx->nrows - 1];
		char *joined = xasprintf("%s\n%s", prev->answer, cells[i]);

		free(prev->answer);
		prev->answer = joined;
		prev->line = line;
		goto out;
	}
	ctx->st->rows++;
	if (pipe)
		ctx->pipes++;
	else
		ctx->tabs++;
	if ((title = import_section(cells, ncells)) != NULL) {
		import_str_init(&n, title, strlen(title));
		for (i = 0; i < form->nsections && !known; i++)
			known = strcmp(n.s, ctx->sections[i].s) == 0;
		import_str_free(&n);
		if (!known) {
			snip = import_snippet(cells[0]);
			import_note(ctx, line, xasprintf(_("%s:%zu: not a "
			    "part of the form: not imported: '%s'"),
			    ctx->path, line, snip));
			free(snip);
			ctx->st->unplaced++;
		}
		goto out;
	}
	if (import_number(cells[0], &no)) {
		if (no == 0 || no > form->nitems) {
			import_note(ctx, line, xasprintf(_("%s:%zu: form %s %s "
			    "has no item %lu: row not imported"), ctx->path,
			    line, form->name, form->edition, no));
			ctx->st->unplaced++;
			goto out;
		}
		ctx->cur = no - 1;
		first = 1;
	} else
		ctx->cur = import_which_item(ctx, cells, ncells);
	if (ctx->cur == IMPORT_NONE) {
		whole = import_trim(s, len);
		snip = import_snippet(whole);
		import_note(ctx, line, xasprintf(_("%s:%zu: a row before the "
		    "first item: not imported: '%s'"), ctx->path, line, snip));
		free(snip);
		free(whole);
		ctx->st->unplaced++;
		goto out;
	}
	import_row_cells(ctx, line, cells, ncells, first);
out:
	import_free_cells(cells, ncells);
}

/*
 * Pair the m rows idx[] of item with its fields: rows in order, fields
 * strictly increasing, each row on one field or none, maximizing the rows
 * whose description names their field and the rows placed; among equals,
 * earlier rows are placed and earlier fields used.  Sets rows[].field.
 */
static void
import_align(struct import_ctx *ctx, size_t item, const size_t *idx,
    size_t m)
{
	const long skip_row = -3000, skip_field = -100, match = 2000;
	const long mismatch = -1000;
	const long none = -1000000000L;
	size_t n = ctx->form->items[item].nfields, i, j, k, w = n + 1;
	long *score, s;
	size_t *from;		/* previous j, for backtracking */
	int *took, desc;	/* field taken by row i, or -1 */

	score = xreallocarray(NULL, (m + 1) * w, sizeof *score);
	from = xreallocarray(NULL, (m + 1) * w, sizeof *from);
	took = xreallocarray(NULL, (m + 1) * w, sizeof *took);
	for (i = 0; i < (m + 1) * w; i++)
		score[i] = none;
	score[0] = 0;
	for (i = 0; i < m; i++) {
		desc = ctx->rows[idx[i]].desc;
		for (j = 0; j <= n; j++) {
			if (score[i * w + j] == none)
				continue;
			for (k = j; k < n; k++) {
				s = score[i * w + j] +
				    skip_field * (long)(k - j) +
				    (desc < 0 ? 0 : desc == (int)k ? match :
				    mismatch);
				if (s > score[(i + 1) * w + k + 1]) {
					score[(i + 1) * w + k + 1] = s;
					from[(i + 1) * w + k + 1] = j;
					took[(i + 1) * w + k + 1] = (int)k;
				}
			}
			s = score[i * w + j] + skip_row - (long)(m - i);
			if (s > score[(i + 1) * w + j]) {
				score[(i + 1) * w + j] = s;
				from[(i + 1) * w + j] = j;
				took[(i + 1) * w + j] = -1;
			}
		}
	}
	for (k = 0, j = 0; j <= n; j++) {
		if (score[m * w + j] > score[m * w + k])
			k = j;
	}
	for (i = m, j = k; i > 0; i--) {
		ctx->rows[idx[i - 1]].field = took[i * w + j];
		j = from[i * w + j];
	}
	free(score);
	free(from);
	free(took);
}

/*
 * Give field r of item it its row's answer in d, or note why it has none:
 * no row (the note is about line anchor), a replaced cell, no answer.
 */
static void
import_fill_field(struct import_ctx *ctx, struct draft *d,
    const struct form_item *it, size_t r, const struct import_row *row,
    size_t anchor)
{
	const struct form_field *f = &ctx->form->fields[it->first + r];
	char *why;

	if (row == NULL) {
		import_note(ctx, anchor, xasprintf(_("%s:%zu: %s: item %u has "
		    "no row for it: fill it in"), ctx->path, anchor, f->id,
		    it->no));
		ctx->st->missing++;
		return;
	}
	ctx->st->placed++;
	if (row->answer != NULL && row->replaced) {
		import_note(ctx, row->line, xasprintf(_("%s:%zu: %s: %s (the "
		    "publisher hid the answer): fill it in"), ctx->path,
		    row->line, f->id, row->answer));
		ctx->st->replaced++;
	} else if (row->answer == NULL) {
		import_note(ctx, row->line, xasprintf(_("%s:%zu: %s: the "
		    "document gives no answer: fill it in"), ctx->path,
		    row->line, f->id));
		ctx->st->missing++;
	} else if (draft_set(d, f->index, row->answer, &why) != 0) {
		import_note(ctx, row->line, xasprintf("%s:%zu: %s: %s",
		    ctx->path, row->line, f->id, why));
		free(why);
		ctx->st->missing++;
	} else
		ctx->st->answered++;
}

/*
 * Fill the fields of item k from its m rows idx[] (in document order), or
 * note that the item is not in the document (about line anchor).
 */
static void
import_fill_item(struct import_ctx *ctx, struct draft *d, size_t k,
    const size_t *idx, size_t m, size_t anchor)
{
	const struct form_item *it = &ctx->form->items[k];
	const struct import_row *row;
	char *snip;
	size_t i, r;

	if (m == 0) {
		for (r = 0; r < it->nfields; r++) {
			import_note(ctx, anchor, xasprintf(_("%s: %s: item %u "
			    "(%s) is not in the document: fill it in"),
			    ctx->path, ctx->form->fields[it->first + r].id,
			    it->no, it->name));
			ctx->st->missing++;
		}
		return;
	}
	import_align(ctx, k, idx, m);
	for (i = 0; i < m; i++) {
		row = &ctx->rows[idx[i]];
		if (row->field >= 0 || row->answer == NULL)
			continue;
		snip = import_snippet(row->answer);
		import_note(ctx, row->line, xasprintf(_("%s:%zu: '%s': item %u "
		    "has no field left for this row: not imported"), ctx->path,
		    row->line, snip, it->no));
		free(snip);
		ctx->st->unplaced++;
	}
	for (r = 0; r < it->nfields; r++) {
		for (row = NULL, i = 0; i < m && row == NULL; i++) {
			if (ctx->rows[idx[i]].field == (int)r)
				row = &ctx->rows[idx[i]];
		}
		import_fill_field(ctx, d, it, r, row, ctx->rows[idx[0]].line);
	}
}

/* Fill d from the rows, item by item, noting what is not answered. */
static void
import_fill(struct import_ctx *ctx, struct draft *d)
{
	size_t *idx, m, k, i, anchor;

	idx = xreallocarray(NULL, ctx->nrows + 1, sizeof *idx);
	for (k = 0; k < ctx->form->nitems; k++) {
		/* an item not in the document is noted after the one before */
		for (m = 0, i = 0, anchor = 0; i < ctx->nrows; i++) {
			if (ctx->rows[i].item == k)
				idx[m++] = i;
			else if (ctx->rows[i].item < k &&
			    ctx->rows[i].line > anchor)
				anchor = ctx->rows[i].line;
		}
		import_fill_item(ctx, d, k, idx, m, anchor);
	}
	free(idx);
}

static int
import_note_cmp(const void *a, const void *b)
{
	const struct import_note *na = a, *nb = b;

	if (na->key != nb->key)
		return na->key < nb->key ? -1 : 1;
	return na->seq < nb->seq ? -1 : na->seq > nb->seq;
}

/*
 * Parse "(n/N)" at the end of a normalized line; 1 with *page and *npages
 * set when it is there.
 */
static int
import_page_numbers(const struct import_str *n, size_t *page,
    size_t *npages)
{
	const char *s = n->s, *open;
	size_t len = strlen(s);
	char *end;

	if (len < 6 || s[len - 1] != ')' || (open = strrchr(s, '(')) ==
	    NULL || open == s)
		return 0;
	if (open[1] < '0' || open[1] > '9')
		return 0;
	*page = strtoul(open + 1, &end, 10);
	if (*end != '/' || end[1] < '0' || end[1] > '9')
		return 0;
	*npages = strtoul(end + 1, &end, 10);
	if (*end != ')' || end[1] != '\0')
		return 0;
	return *page >= 1 && *page <= *npages && *npages <= IMPORT_MAX_PAGES;
}

static int
import_is_table(const char *s, size_t len)
{
	size_t off = import_trim_left(s, len);

	return memchr(s, '\t', len) != NULL || (off < len && s[off] == '|');
}

static int
import_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * Find the page headers among lines (marking them) and the form they name:
 * the one whose title starts them and whose page count they give.  NULL
 * with a cause when there are none, they disagree, or no single form fits.
 */
static const struct form *
import_find_form(const char *path, struct import_line *lines, size_t nlines,
    const struct form **forms, size_t nforms, size_t *npagesp,
    unsigned char *seen, char **cause)
{
	struct import_str n, title;
	const struct form *form = NULL;
	size_t i, f, page, npages, first = 0, total = 0, nfit = 0;
	char *known = NULL, *tmp;
	const char *hs;
	size_t hl;
	unsigned char *titled;
	int header;

	titled = xcalloc(nforms + 1, 1);
	for (i = 0; i < nlines; i++) {
		if (import_is_table(lines[i].s, lines[i].len))
			continue;
		/* a markdown heading ("## title (1/8)") is a header too */
		hs = lines[i].s;
		hl = lines[i].len;
		while (hl > 0 && (*hs == '#' || *hs == ' ')) {
			hs++;
			hl--;
		}
		import_str_init(&n, hs, hl);
		header = 0;
		if (import_page_numbers(&n, &page, &npages)) {
			for (f = 0; f < nforms; f++) {
				import_str_init(&title, forms[f]->title,
				    strlen(forms[f]->title));
				if (title.n > 0 && import_starts(n.s, title.s))
					header = titled[f] = 1;
				import_str_free(&title);
			}
		}
		import_str_free(&n);
		if (!header)
			continue;
		if (total == 0) {
			total = npages;
			first = lines[i].no;
		} else if (npages != total) {
			*cause = xasprintf(_("%s:%zu: the page header says "
			    "(%zu/%zu), but the one on line %zu says %zu "
			    "pages"), path, lines[i].no, page, npages, first,
			    total);
			free(titled);
			return NULL;
		}
		lines[i].page = 1;
		seen[page] = 1;
	}
	if (total == 0) {
		if (nforms > 0)
			*cause = xasprintf(_("%s: not a published disclosure "
			    "(no page header such as '%s %s (1/%zu)')"), path,
			    forms[nforms - 1]->title,
			    forms[nforms - 1]->subtitle != NULL ?
			    forms[nforms - 1]->subtitle : "",
			    forms[nforms - 1]->npages);
		else
			*cause = xasprintf(_("%s: not a published disclosure "
			    "(no page header)"), path);
		free(titled);
		return NULL;
	}
	for (f = 0; f < nforms; f++) {
		if (!titled[f])
			continue;
		if (forms[f]->npages == total) {
			form = forms[f];
			nfit++;
		}
		tmp = known == NULL ? xasprintf("%s %s: %zu", forms[f]->name,
		    forms[f]->edition, forms[f]->npages) :
		    xasprintf("%s, %s %s: %zu", known, forms[f]->name,
		    forms[f]->edition, forms[f]->npages);
		free(known);
		known = tmp;
	}
	free(titled);
	if (nfit != 1) {
		*cause = nfit == 0 ?
		    xasprintf(_("%s:%zu: no form has %zu pages (pages per "
		    "form: %s)"), path, first, total, known) :
		    xasprintf(_("%s:%zu: several forms have %zu pages (pages "
		    "per form: %s)"), path, first, total, known);
		free(known);
		return NULL;
	}
	free(known);
	*npagesp = total;
	return form;
}

/* Whether a line that is not a table row is one that carries no answer. */
static int
import_boilerplate(const char *s, size_t len)
{
	struct import_str n;
	int yes;

	import_str_init(&n, s, len);
	yes = import_starts(n.s, "認定番号") ||
	    (strstr(n.s, "サービス名称:") != NULL &&
	    strstr(n.s, "事業者名称:") != NULL) ||
	    import_starts(n.s, "(注)") || import_starts(n.s, "(*)") ||
	    import_starts(n.s, "(\\*)") ||	/* markdown's escape */
	    import_starts(n.s, "※");
	import_str_free(&n);
	return yes;
}

static void
import_ctx_init(struct import_ctx *ctx, const char *path,
    const struct form *form, struct import_stats *st)
{
	const struct form_item *it;
	size_t i;
	char *both;

	memset(ctx, 0, sizeof *ctx);
	ctx->path = path;
	ctx->form = form;
	ctx->st = st;
	ctx->cur = IMPORT_NONE;
	ctx->labels = xreallocarray(NULL, 3 * form->nitems + 1,
	    sizeof *ctx->labels);
	for (i = 0; i < form->nitems; i++) {
		it = &form->items[i];
		both = xasprintf("%s%s", it->category != NULL ? it->category :
		    "", it->name);
		import_str_init(&ctx->labels[3 * i], it->category != NULL ?
		    it->category : "", it->category != NULL ?
		    strlen(it->category) : 0);
		import_str_init(&ctx->labels[3 * i + 1], it->name,
		    strlen(it->name));
		import_str_init(&ctx->labels[3 * i + 2], both, strlen(both));
		free(both);
	}
	ctx->texts = xreallocarray(NULL, form->nfields + 1,
	    sizeof *ctx->texts);
	for (i = 0; i < form->nfields; i++)
		import_str_init(&ctx->texts[i], form->fields[i].text,
		    strlen(form->fields[i].text));
	ctx->sections = xreallocarray(NULL, form->nsections + 1,
	    sizeof *ctx->sections);
	for (i = 0; i < form->nsections; i++)
		import_str_init(&ctx->sections[i], form->sections[i].title,
		    strlen(form->sections[i].title));
}

static void
import_ctx_free(struct import_ctx *ctx)
{
	size_t i;

	if (ctx->form != NULL) {
		for (i = 0; i < 3 * ctx->form->nitems; i++)
			import_str_free(&ctx->labels[i]);
		for (i = 0; i < ctx->form->nfields; i++)
			import_str_free(&ctx->texts[i]);
		for (i = 0; i < ctx->form->nsections; i++)
			import_str_free(&ctx->sections[i]);
	}
	free(ctx->labels);
	free(ctx->texts);
	free(ctx->sections);
	for (i = 0; i < ctx->nrows; i++)
		free(ctx->rows[i].answer);
	free(ctx->rows);
	for (i = 0; i < ctx->nnotes; i++)
		free(ctx->notes[i].text);
	free(ctx->notes);
}

/*
 * The lines of buf (without line breaks, which are LF, CR LF or CR; a BOM
 * dropped), numbered from 1.
 */
static struct import_line *
import_lines(const char *buf, size_t len, size_t *nlines)
{
	struct import_line *lines = NULL;
	const char *p = buf, *end = buf + len, *eol;
	size_t n = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		for (eol = p; eol < end && *eol != '\n' && *eol != '\r'; eol++)
			;
		lines = xgrowarray(lines, n, sizeof *lines);
		lines[n].s = p;
		lines[n].len = (size_t)(eol - p);
		lines[n].no = n + 1;
		lines[n].page = 0;
		n++;
		if (eol + 1 < end && eol[0] == '\r' && eol[1] == '\n')
			eol++;
		p = eol + 1;
	}
	*nlines = n;
	return lines;
}

/*
 * Import the published disclosure text buf (len bytes, read from path)
 * into a new draft of the form it is an edition of, found in fd.  Returns
 * the draft, with its notes added to notes and *st (when not NULL) filled
 * in; or NULL with a cause when the text is not a disclosure of a known
 * form (then no note is added).  Never fails on misaligned or missing
 * rows: those become notes.
 */
struct draft *
import_published(const char *path, const char *buf, size_t len,
    struct formdir *fd, struct import_stats *st, struct strvec *notes,
    char **cause)
{
	struct import_stats dummy;
	struct import_ctx ctx;
	struct import_line *lines = NULL;
	const struct form **forms = NULL, *form;
	struct draft *d = NULL;
	unsigned char *seen = NULL;
	const char *nul;
	char *snip, *line;
	size_t nlines = 0, nforms, i, bad, lineno, npages = 0;

	if (st == NULL)
		st = &dummy;
	memset(st, 0, sizeof *st);
	memset(&ctx, 0, sizeof ctx);
	if (text_wide_bom(buf, len)) {
		*cause = xasprintf(_("%s:1:1: a UTF-16 or UTF-32 file (a "
		    "published disclosure must be UTF-8)"), path);
		return NULL;
	}
	bad = text_invalid(buf, len);
	if ((nul = memchr(buf, '\0', bad)) != NULL)
		bad = (size_t)(nul - buf);
	if (bad != len) {
		for (lineno = 1, i = 0; i < bad; i++)
			lineno += buf[i] == '\n' || (buf[i] == '\r' &&
			    (i + 1 == len || buf[i + 1] != '\n'));
		*cause = nul != NULL ? xasprintf(_("%s:%zu: NUL byte; not a "
		    "text file"), path, lineno) : xasprintf(_("%s:%zu: not "
		    "UTF-8 text (a published disclosure must be UTF-8)"), path,
		    lineno);
		return NULL;
	}
	if (formdir_list(fd, &forms, &nforms, cause) != 0)
		return NULL;
	lines = import_lines(buf, len, &nlines);
	seen = xcalloc(IMPORT_MAX_PAGES + 1, 1);
	form = import_find_form(path, lines, nlines, forms, nforms, &npages,
	    seen, cause);
	free(forms);
	if (form == NULL)
		goto out;
	import_ctx_init(&ctx, path, form, st);
	st->pages = npages;
	for (i = 1; i <= npages; i++) {
		if (!seen[i])
			import_note(&ctx, 0, xasprintf(_("%s: page %zu/%zu is "
			    "not in the document"), path, i, npages));
	}
	for (i = 0; i < nlines; i++) {
		/* the header line of kaiji export (published ones: 認定番号) */
		if (import_starts(lines[i].s, "様式:") &&
		    memmem(lines[i].s, lines[i].len, "サービス名称:",
		    strlen("サービス名称:")) != NULL)
			ctx.ours = 1;
	}
	for (i = 0; i < nlines; i++) {
		if (lines[i].page || import_blank(lines[i].s, lines[i].len))
			continue;
		if (import_is_table(lines[i].s, lines[i].len)) {
			import_table_row(&ctx, lines[i].s, lines[i].len,
			    lines[i].no, lines[i].s[import_trim_left(lines[i].s,
			    lines[i].len)] == '|');
			continue;
		}
		if (import_boilerplate(lines[i].s, lines[i].len))
			continue;
		line = xstrndup(lines[i].s, lines[i].len);
		snip = import_snippet(line);
		import_note(&ctx, lines[i].no, xasprintf(_("%s:%zu: not a part "
		    "of the form: not imported: '%s'"), path, lines[i].no,
		    snip));
		free(snip);
		free(line);
		st->unplaced++;
	}
	if (ctx.nrows == 0) {
		*cause = xasprintf(_("%s: no table rows of form %s %s (neither "
		    "'|' rows nor tab-separated rows)"), path, form->name,
		    form->edition);
		goto out;
	}
	st->layout = ctx.pipes >= ctx.tabs ? IMPORT_LAYOUT_PIPE :
	    IMPORT_LAYOUT_TAB;
	d = draft_new(form);
	import_fill(&ctx, d);
	if (ctx.nnotes > 1)
		qsort(ctx.notes, ctx.nnotes, sizeof *ctx.notes,
		    import_note_cmp);
	for (i = 0; i < ctx.nnotes; i++) {
		strvec_add(notes, ctx.notes[i].text);
		ctx.notes[i].text = NULL;
	}
out:
	import_ctx_free(&ctx);
	free(seen);
	free(lines);
	return d;
}

/*
 * Whether buf holds kaiji's CSV (its first line is a header row with a
 * column whose name ends in "id", such as "id" or "項目ID") or, failing
 * that, published text.
 */
enum import_kind
import_detect(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *eol, *cell;
	size_t ncells = 0, clen;
	int quoted = 0, hasid = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;;) {
		if (p >= end)
			return IMPORT_PUBLISHED;
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (!import_blank(p, (size_t)(eol - p)))
			break;
		p = eol + 1;
	}
	if (import_is_table(p, (size_t)(eol - p)))
		return IMPORT_PUBLISHED;
	for (cell = p; p <= eol; p++) {
		if (p < eol && *p == '"') {
			quoted = !quoted;
			continue;
		}
		if (p < eol && (quoted || (*p != ',' && *p != '\r')))
			continue;
		if (p < eol && *p == '\r' && p + 1 < eol)
			continue;
		/* one cell: [cell, p) without quotes and spaces */
		while (cell < p && (*cell == ' ' || *cell == '"'))
			cell++;
		clen = (size_t)(p - cell);
		while (clen > 0 && (cell[clen - 1] == ' ' ||
		    cell[clen - 1] == '"'))
			clen--;
		if (clen >= 2 && strncasecmp(cell + clen - 2, "id", 2) == 0)
			hasid = 1;
		ncells++;
		if (p < eol && *p == '\r')
			break;
		cell = p + 1;
	}
	return ncells >= 2 && hasid ? IMPORT_CSV : IMPORT_PUBLISHED;
}
