/*
 * import-aspic: the page ASPIC publishes for each certified service
 * (aspicjapan.org/nintei/<認定番号>, saved from a browser) into a draft.
 *
 * Data model: the page is parsed by libxml2's HTML parser (no network, no
 * DTD, no entities but HTML's own) into a tree, and its text is taken as a
 * browser shows it (html-text.c).  The header block (認定番号, サービス名称, サービス概要,
 * 事業者名称, 認定年月日: label and value in one table row, in a <dl>, or
 * "label:value" text) is read from the text outside the table.  The table
 * is the first with 【審査対象項目】 in it (else the one with the most rows);
 * its rows, laid out on a grid by rowspan and colspan (a cell spanning
 * rows is its text on its first row and empty below), become the
 * tab-separated rows of the published text for import_row_read (see
 * import-row.c), and import_fill puts them on the fields.  The form is the
 * one whose item names and descriptions the rows name most often, then the
 * one whose page notes the page has.  The header's service and company
 * fill their fields when the table does not answer them.
 *
 * Invariants: what is kept is linear in the page: a row has at most
 * ASPIC_MAX_COLS columns, a rowspan never reaches beyond the table, the
 * tree is walked without recursion, nesting deeper than ASPIC_MAX_DEPTH is
 * refused before parsing; character references that are not characters
 * and entity declarations are refused with their line, and so is a page
 * libxml2 stops reading (a huge text node); a page without </html> is
 * refused as cut short.  Nothing is printed.  The reader is built where
 * the workbook reader is (HAVE_XLSXREAD: libxml2 and libzip found).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "import.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"


#ifndef HAVE_XLSXREAD
struct draft *
import_aspic(const char *path, const char *buf, size_t len,
    struct formdir *fd, struct import_stats *st, struct strvec *notes,
    char **cause)
{
	(void)buf;
	(void)len;
	(void)fd;
	(void)st;
	(void)notes;
	*cause = xasprintf(_("%s: this kaiji was built without HTML support "
	    "(libxml2 was not found when it was built)"), path);
	return NULL;
}
#else
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html-text.h"

#define ASPIC_MAX_COLS	64	/* as import-row.c's IMPORT_ROW_CELLS */
#define ASPIC_MAX_DEPTH	256	/* elements open at once (libxml2's) */

enum {
	ASPIC_NUMBER, ASPIC_SERVICE, ASPIC_SUMMARY, ASPIC_COMPANY, ASPIC_DATE,
	ASPIC_NLABELS
};
static const char *const aspic_labels[ASPIC_NLABELS] = {
	"認定番号", "サービス名称", "サービス概要", "事業者名称", "認定年月日"
};

/* One row of the table: its cells on the grid, and its line. */
struct aspic_row {
	struct strvec	 cells;
	size_t		 line;
	int		 head;		/* only <th> cells */
};

/*
 * The <tr> rows of table (not those of tables inside it), added to *trs
 * (*ntrs of them); whether its cells name 【審査対象項目】.
 */
static int
aspic_table_rows(const xmlNode *table, const xmlNode ***trs, size_t *ntrs)
{
	const xmlNode *n = table->children;
	int marked = 0;

	while (n != NULL) {
		if ((n->type == XML_TEXT_NODE) && n->content != NULL &&
		    strstr((const char *)n->content, "【審査対象項目】") != NULL)
			marked = 1;
		if (html_is(n, "tr")) {
			*trs = xgrowarray(*trs, *ntrs, sizeof **trs);
			(*trs)[(*ntrs)++] = n;
		}
		if (n->type == XML_ELEMENT_NODE && !html_is(n, "table") &&
		    n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL) {
			n = n->parent;
			if (n == table)
				n = NULL;
		}
		if (n != NULL)
			n = n->next;
	}
	return marked;
}

/*
 * The table of the page: the first whose cells name 【審査対象項目】, else
 * the one with the most rows; its rows in *trs (the caller frees it).
 */
static const xmlNode *
aspic_find_table(const xmlNode *root, const xmlNode ***trs, size_t *ntrs)
{
	const xmlNode *n = root, *best = NULL;
	const xmlNode **rows = NULL;
	size_t nrows, most = 0;
	int marked;

	*trs = NULL;
	*ntrs = 0;
	while (n != NULL) {
		if (html_is(n, "table")) {
			nrows = 0;
			marked = aspic_table_rows(n, &rows, &nrows);
			if (marked || nrows > most || best == NULL) {
				free(*trs);
				*trs = rows;
				*ntrs = nrows;
				most = nrows;
				best = n;
				rows = NULL;
				if (marked)
					return best;
			}
			free(rows);
			rows = NULL;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL) {
			n = n->parent;
			if (n == root)
				n = NULL;
		}
		if (n != NULL)
			n = n->next;
	}
	return best;
}

static size_t
aspic_line(const xmlNode *n)
{
	long line = xmlGetLineNo(n);

	return line > 0 ? (size_t)line : 0;
}

/* The number in attribute name of cell (1 when absent or not a number). */
static unsigned long
aspic_span(const xmlNode *cell, const char *name, unsigned long max)
{
	xmlChar *v = xmlGetProp(cell, (const xmlChar *)name);
	unsigned long n = 0;
	const xmlChar *p;

	if (v == NULL)
		return 1;
	for (p = v; *p == ' '; p++)
		;
	if (*p < '0' || *p > '9')
		n = 1;
	for (; *p >= '0' && *p <= '9' && n <= max; p++)
		n = n * 10 + (unsigned long)(*p - '0');
	xmlFree(v);
	if (n > max)
		n = max;
	/* rowspan="0": to the end of the table */
	return n == 0 && strcmp(name, "rowspan") == 0 ? max : n == 0 ? 1 : n;
}

/*
 * Lay the rows trs (ntrs) out on a grid into rows[]: a cell's text at its
 * first row and column, "" in the rest of its span.  Cells beyond
 * ASPIC_MAX_COLS columns are noted and dropped.
 */
static struct aspic_row *
aspic_grid(const char *path, const xmlNode **trs, size_t ntrs,
    struct strvec *dropped)
{
	struct aspic_row *rows = xcalloc(ntrs + 1, sizeof *rows);
	unsigned long span[ASPIC_MAX_COLS] = { 0 }, rs, cs;
	unsigned char covered[ASPIC_MAX_COLS];
	char *text[ASPIC_MAX_COLS];
	const xmlNode *c;
	size_t r, col, k, width;
	int th, any;

	for (r = 0; r < ntrs; r++) {
		for (k = 0; k < ASPIC_MAX_COLS; k++) {
			covered[k] = span[k] > 0;
			text[k] = NULL;
		}
		col = width = 0;
		th = 1;
		any = 0;
		for (c = trs[r]->children; c != NULL; c = c->next) {
			if (!html_is(c, "td") && !html_is(c, "th"))
				continue;
			any = 1;
			th = th && html_is(c, "th");
			while (col < ASPIC_MAX_COLS && covered[col])
				col++;
			cs = aspic_span(c, "colspan", ASPIC_MAX_COLS);
			rs = aspic_span(c, "rowspan", ntrs - r);
			if (col + cs > ASPIC_MAX_COLS) {
				if (dropped->n == 0)
					strvec_addf(dropped, _("%s:%zu: more "
					    "than %d columns: the cells beyond "
					    "them are not imported"), path,
					    aspic_line(c), ASPIC_MAX_COLS);
				break;
			}
			text[col] = html_text(c, NULL, 0);
			for (k = col; k < col + cs; k++) {
				covered[k] = 2;
				span[k] = rs - 1;
			}
			col += cs;
			if (col > width)
				width = col;
		}
		for (k = 0; k < ASPIC_MAX_COLS; k++) {
			if (covered[k] == 1) {
				span[k]--;
				if (k + 1 > width)
					width = k + 1;
			}
		}
		rows[r].line = aspic_line(trs[r]);
		rows[r].head = any && th;
		for (k = 0; k < width; k++)
			strvec_add(&rows[r].cells, text[k] != NULL ? text[k] :
			    xstrdup(""));
	}
	return rows;
}

/*
 * How well form fits the rows: the items whose name a numbered row gives
 * and the descriptions rows give (exact, once normalized), *notes the
 * form's page notes found in the page's text.
 */
static size_t
aspic_score(const struct form *form, const struct aspic_row *rows,
    size_t nrows, const char *page, size_t *notes)
{
	struct import_ctx ctx;
	struct import_str n, pn;
	unsigned char *named = xcalloc(form->nitems + 1, 1);
	const struct form_item *it;
	size_t r, i, f, cur = IMPORT_NONE, score = 0;
	unsigned long no;
	char *end;

	import_published_init(&ctx, "", form, NULL);
	for (r = 0; r < nrows; r++) {
		for (i = 0; i < rows[r].cells.n; i++) {
			import_str_init(&n, rows[r].cells.v[i],
			    strlen(rows[r].cells.v[i]));
			if (i == 0 && n.n > 0 && n.n <= 4 &&
			    strspn(n.s, "0123456789") == n.n) {
				no = strtoul(n.s, &end, 10);
				cur = no >= 1 && no <= form->nitems ? no - 1 :
				    IMPORT_NONE;
			} else if (cur != IMPORT_NONE && n.n > 0) {
				it = &form->items[cur];
				if (!named[cur] && (strcmp(n.s,
				    ctx.labels[3 * cur + 1].s) == 0 ||
				    strcmp(n.s, ctx.labels[3 * cur + 2].s) ==
				    0)) {
					named[cur] = 1;
					score++;
				}
				for (f = 0; f < it->nfields; f++) {
					if (strcmp(n.s,
					    ctx.texts[it->first + f].s) == 0)
						score++;
				}
			}
			import_str_free(&n);
		}
	}
	*notes = 0;
	import_str_init(&pn, page, strlen(page));
	for (i = 0; i < form->nnotes; i++) {
		import_str_init(&n, form->notes[i], strlen(form->notes[i]));
		*notes += n.n > 0 && strstr(pn.s, n.s) != NULL;
		import_str_free(&n);
	}
	import_str_free(&pn);
	import_published_free(&ctx);
	free(named);
	return score;
}

/*
 * The value after label in the page's text: on its line after ":", ":"
 * or a tab, up to the next label; or the next line when the label ends
 * its line.  NULL when the page has none; else a string the caller frees.
 */
static char *
aspic_header_value(const char *page, size_t label)
{
	const char *p = page, *v, *eol, *cut;
	size_t n = strlen(aspic_labels[label]), i;
	char *out;

	while ((p = strstr(p, aspic_labels[label])) != NULL) {
		v = p + n;
		p = v;
		v += strspn(v, " ");
		if (import_starts(v, ":"))
			v += strlen(":");
		else if (*v == ':' || *v == '\t')
			v++;
		else if (*v == '\n')
			v += 1 + strspn(v + 1, "\n");
		else
			continue;
		v += strspn(v, " \t");
		if ((eol = strchr(v, '\n')) == NULL)
			eol = v + strlen(v);
		for (i = 0; i < ASPIC_NLABELS; i++) {
			cut = memmem(v, (size_t)(eol - v), aspic_labels[i],
			    strlen(aspic_labels[i]));
			if (cut != NULL && cut > v)
				eol = cut;
		}
		for (;;) {
			if (eol > v && strchr(" \t,", eol[-1]) != NULL)
				eol--;
			else if (eol - v >= 3 && (memcmp(eol - 3, "、", 3) == 0 ||
			    memcmp(eol - 3, "\xef\xbc\x8c", 3) == 0))	/* ， */
				eol -= 3;
			else
				break;
		}
		out = import_trim(v, (size_t)(eol - v));
		if (*out == '\0') {
			free(out);
			continue;
		}
		return out;
	}
	return NULL;
}

/*
 * Check the raw page before parsing: no entity declaration, no character
 * reference to what is not a character, no nesting deeper than
 * ASPIC_MAX_DEPTH, an end (</html>).  0, or -1 with a cause.
 */
static int
aspic_check(const char *path, const char *buf, size_t len, char **cause)
{
	/* elements without an end tag, or whose end a parser implies */
	static const char *const implied[] = { "area", "base", "br", "col",
	    "embed", "hr", "img", "input", "link", "meta", "param", "source",
	    "track", "wbr", "basefont", "frame", "keygen", "p", "li", "dt",
	    "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
	    "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
	    NULL };
	const char *p = buf, *end = buf + len, *q, *close;
	size_t depth = 0, i, nl;
	unsigned long v;
	int hex, ended = 0;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if (p + 4 <= end && memcmp(p, "<!--", 4) == 0) {
			q = import_find(p + 4, "-->");
			p = q != NULL ? q + 3 : end;
			continue;
		}
		if (p + 8 <= end && strncasecmp(p, "<!ENTITY", 8) == 0) {
			*cause = xasprintf(_("%s:%zu: an entity declaration "
			    "(<!ENTITY), which web pages never have; not "
			    "read"), path, text_line(buf, len,
			    (size_t)(p - buf), NULL));
			return -1;
		}
		q = p + 1 + (p + 1 < end && p[1] == '/');
		for (nl = 0; q + nl < end && ((q[nl] >= 'a' && q[nl] <= 'z') ||
		    (q[nl] >= 'A' && q[nl] <= 'Z') || (nl > 0 &&
		    q[nl] >= '0' && q[nl] <= '9')); nl++)
			;
		p = q + nl;
		if (nl == 0)
			continue;
		if (q[-1] == '/' && nl == 4 && strncasecmp(q, "html", 4) == 0)
			ended = 1;
		for (i = 0; implied[i] != NULL; i++) {
			if (nl == strlen(implied[i]) &&
			    strncasecmp(q, implied[i], nl) == 0)
				break;
		}
		if (implied[i] != NULL)
			continue;
		if (q[-1] == '/') {
			depth -= depth > 0;
			continue;
		}
		close = memchr(p, '>', (size_t)(end - p));
		if (close == NULL || close[-1] != '/')
			depth++;
		if (depth > ASPIC_MAX_DEPTH) {
			*cause = xasprintf(_("%s:%zu: elements nested more "
			    "than %d deep; not a page kaiji reads"), path,
			    text_line(buf, len, (size_t)(q - buf), NULL),
			    ASPIC_MAX_DEPTH);
			return -1;
		}
		/* script and style hold text, not tags */
		if ((nl == 6 && strncasecmp(q, "script", 6) == 0) ||
		    (nl == 5 && strncasecmp(q, "style", 5) == 0)) {
			close = import_find(p, nl == 6 ? "</script" :
			    "</style");
			p = close != NULL ? close : end;
		}
	}
	for (p = buf; (p = memchr(p, '&', (size_t)(end - p))) != NULL; p++) {
		if (p + 2 >= end || p[1] != '#')
			continue;
		hex = p[2] == 'x' || p[2] == 'X';
		q = p + 2 + hex;
		v = 0;
		for (i = 0; q < end; q++, i++) {
			if (*q >= '0' && *q <= '9')
				v = v * (hex ? 16 : 10) + (unsigned long)(*q - '0');
			else if (hex && ((*q >= 'a' && *q <= 'f') ||
			    (*q >= 'A' && *q <= 'F')))
				v = v * 16 + (unsigned long)((*q | 0x20) - 'a' +
				    10);
			else
				break;
			if (v > 0x10ffff)
				v = 0x110000;
		}
		if (i == 0)
			continue;
		if (v == 0 || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff ||
		    (v < 0x20 && v != '\t' && v != '\n' && v != '\r' &&
		    v != '\f') || (v >= 0x7f && v <= 0x9f)) {
			*cause = xasprintf(_("%s:%zu: the character reference "
			    "'%.*s' is not a character a page can hold (NUL, a "
			    "surrogate, a control character or beyond "
			    "U+10FFFF); not read"), path, text_line(buf, len,
			    (size_t)(p - buf), NULL), (int)(q - p > 12 ? 12 :
			    q - p), p);
			return -1;
		}
	}
	if (!ended) {
		*cause = xasprintf(_("%s: the page is cut short (no </html> "
		    "at its end); save it again from the browser"), path);
		return -1;
	}
	return 0;
}

/* What libxml2 would print on its own: never printed. */
static void
aspic_silent(void *arg, const char *fmt, ...)
{
	(void)arg;
	(void)fmt;
}

/* Keep the first error that made libxml2 stop reading (*arg). */
static void
aspic_structured(void *arg, xmlErrorPtr err)
{
	char **first = arg;
	size_t n;

	/* a huge text node is "out of memory", and the end of the page */
	if (*first != NULL || err == NULL || (err->level < XML_ERR_FATAL &&
	    err->code != XML_ERR_NO_MEMORY))
		return;
	*first = xasprintf("%d: %s", err->line > 0 ? err->line : 1,
	    err->message != NULL ? err->message : "?");
	n = strlen(*first);
	while (n > 0 && ((*first)[n - 1] == '\n' || (*first)[n - 1] == ' '))
		(*first)[--n] = '\0';
}

/*
 * Choose the form of the rows among fd's: NULL with a cause when none
 * fits half its items; a note when the page does not tell editions apart.
 */
static const struct form *
aspic_form(const char *path, struct formdir *fd, const struct aspic_row *rows,
    size_t nrows, const char *page, struct strvec *notes, char **cause)
{
	const struct form **forms = NULL, *best = NULL, *tied = NULL;
	size_t nforms, f, s, nn, bs = 0, bn = 0;

	if (formdir_list(fd, &forms, &nforms, cause) != 0)
		return NULL;
	for (f = 0; f < nforms; f++) {
		s = aspic_score(forms[f], rows, nrows, page, &nn);
		if (best == NULL || s > bs || (s == bs && nn > bn)) {
			best = forms[f];
			bs = s;
			bn = nn;
			tied = NULL;
		} else if (s == bs && nn == bn) {
			/* the newer edition, as a page of today would be */
			if (strcmp(forms[f]->name, best->name) == 0 &&
			    strtoul(forms[f]->edition, NULL, 10) >
			    strtoul(best->edition, NULL, 10)) {
				tied = best;
				best = forms[f];
			} else
				tied = forms[f];
		}
	}
	free(forms);
	if (best == NULL || bs < (best->nitems + 1) / 2) {
		if (best == NULL)
			*cause = xasprintf(_("%s: no form to read the page "
			    "with"), path);
		else
			*cause = xasprintf(_("%s: not a page of a form kaiji "
			    "knows: its table gives %zu of the item names and "
			    "descriptions of %s %s (at least %zu needed)"),
			    path, bs, best->name, best->edition,
			    (best->nitems + 1) / 2);
		return NULL;
	}
	if (tied != NULL)
		strvec_addf(notes, _("%s: the page reads as %s %s and as %s %s "
		    "alike; read as %s (kaiji migrate changes the edition)"),
		    path, best->name, best->edition, tied->name,
		    tied->edition, best->edition);
	return best;
}

/*
 * Give field fi the header's value unless a row of the table answers it:
 * the row of its description without an answer gets it, or a new row.
 */
static void
aspic_header_row(struct import_ctx *ctx, size_t fi, const char *value)
{
	const struct form_field *f;
	struct import_row *row;
	size_t i, item;
	int desc;

	if (fi == IMPORT_NONE || fi >= ctx->form->nfields || value == NULL)
		return;
	f = &ctx->form->fields[fi];
	item = f->item;
	desc = (int)f->row - 1;
	for (i = 0; i < ctx->nrows; i++) {
		row = &ctx->rows[i];
		if (row->item != item)
			continue;
		if (row->answer != NULL && !row->replaced &&
		    (row->desc == desc || row->desc < 0))
			return;
	}
	for (i = 0; i < ctx->nrows; i++) {
		row = &ctx->rows[i];
		if (row->item == item && row->desc == desc) {
			free(row->answer);
			row->answer = xstrdup(value);
			row->alen = strlen(value);
			row->aroom = row->alen + 1;
			row->replaced = 0;
			return;
		}
	}
	ctx->rows = xgrowarray(ctx->rows, ctx->nrows, sizeof *ctx->rows);
	row = &ctx->rows[ctx->nrows++];
	memset(row, 0, sizeof *row);
	row->item = item;
	row->desc = desc;
	row->answer = xstrdup(value);
	row->alen = strlen(value);
	row->aroom = row->alen + 1;
	row->field = -1;
	ctx->item_rows[item]++;
}

/*
 * Feed the rows to import_row_read as tab-separated rows of the published
 * text: column headers left out, a row of one section title as "- title".
 */
static void
aspic_read_rows(struct import_ctx *ctx, const struct aspic_row *rows,
    size_t nrows)
{
	struct import_str n;
	const char *only;
	char *line;
	size_t r, i, k, filled, len;
	int section;

	for (r = 0; r < nrows; r++) {
		if (rows[r].head || rows[r].cells.n == 0)
			continue;
		for (only = NULL, filled = 0, i = 0; i < rows[r].cells.n; i++) {
			if (*rows[r].cells.v[i] != '\0') {
				only = rows[r].cells.v[i];
				filled++;
			}
		}
		if (filled == 0)
			continue;
		section = 0;
		if (filled == 1) {
			import_str_init(&n, only, strlen(only));
			for (k = 0; k < ctx->form->nsections && !section; k++)
				section = strcmp(n.s, ctx->sections[k].s) == 0;
			import_str_free(&n);
		}
		if (section)
			line = xasprintf("- %s", only);
		else {
			for (len = 0, i = 0; i < rows[r].cells.n; i++)
				len += strlen(rows[r].cells.v[i]) + 1;
			line = xmalloc(len);
			for (len = 0, i = 0; i < rows[r].cells.n; i++) {
				k = strlen(rows[r].cells.v[i]);
				memcpy(line + len, rows[r].cells.v[i], k);
				len += k;
				line[len++] = '\t';
			}
			line[len - 1] = '\0';
		}
		import_row_read(ctx, line, strlen(line), rows[r].line, 0);
		free(line);
	}
}

/*
 * Import ASPIC's page of a certified service buf (len bytes, read from
 * path) into a new draft of the form its table is of, found in fd.
 * Returns the draft, with its notes added to notes and *st (when not
 * NULL) filled in; or NULL with a cause when the page cannot be read or is
 * not such a page (then no note is added).  Rows and fields that do not
 * fit become notes.
 */
struct draft *
import_aspic(const char *path, const char *buf, size_t len,
    struct formdir *fd, struct import_stats *st, struct strvec *notes,
    char **cause)
{
	struct import_stats dummy;
	struct import_ctx ctx;
	struct strvec mine = STRVEC_INIT;
	const struct form *form;
	const xmlNode **trs = NULL, *table;
	struct aspic_row *rows = NULL;
	struct draft *d = NULL;
	htmlDocPtr doc = NULL;
	xmlNode *root;
	char *page = NULL, *header[ASPIC_NLABELS] = { NULL }, *missing;
	char *fatal = NULL;
	size_t ntrs = 0, i, fi;
	size_t bad;

	if (st == NULL)
		st = &dummy;
	memset(st, 0, sizeof *st);
	memset(&ctx, 0, sizeof ctx);
	st->layout = IMPORT_LAYOUT_TAB;
	if (len > IMPORT_MAX_SIZE) {
		*cause = xasprintf(_("%s: file too large (more than %zu bytes)"),
		    path, (size_t)IMPORT_MAX_SIZE);
		return NULL;
	}
	bad = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	if (import_blank(buf + bad, len - bad)) {
		*cause = xasprintf(_("%s: empty file; not a web page"), path);
		return NULL;
	}
	switch (text_guard(buf, len, &bad)) {
	case TEXT_OK:
		break;
	case TEXT_WIDE_BOM:
		*cause = xasprintf(_("%s:1:1: a UTF-16 or UTF-32 file (a saved "
		    "page must be UTF-8)"), path);
		return NULL;
	case TEXT_NUL:
		*cause = xasprintf(_("%s:%zu: NUL byte; not a web page"), path,
		    text_line(buf, len, bad, NULL));
		return NULL;
	case TEXT_INVALID:
		*cause = xasprintf(_("%s:%zu: not UTF-8 text (a saved page "
		    "must be UTF-8)"), path, text_line(buf, len, bad, NULL));
		return NULL;
	}
	if (aspic_check(path, buf, len, cause) != 0)
		return NULL;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, aspic_silent);
	xmlSetStructuredErrorFunc(&fatal, aspic_structured);
	doc = htmlReadMemory(buf, (int)len, NULL, "UTF-8", HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	if (fatal != NULL) {
		/* the rest of the page would be lost without a word */
		*cause = xasprintf(_("%s:%s: libxml2 stopped reading here; the "
		    "page is not read"), path, fatal);
		goto out;
	}
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		*cause = xasprintf(_("%s: not a web page (no HTML in it)"),
		    path);
		goto out;
	}
	if ((table = aspic_find_table(root, &trs, &ntrs)) == NULL ||
	    ntrs == 0) {
		*cause = xasprintf(_("%s: no table on the page; an ASPIC page "
		    "of a certified service has one (【審査対象項目】 ...)"),
		    path);
		goto out;
	}
	page = html_text(root, table, 1);
	for (i = 0; i < ASPIC_NLABELS; i++)
		header[i] = aspic_header_value(page, i);
	if (header[ASPIC_NUMBER] == NULL || header[ASPIC_SERVICE] == NULL ||
	    header[ASPIC_COMPANY] == NULL) {
		missing = xasprintf("%s%s%s%s%s",
		    header[ASPIC_NUMBER] == NULL ? aspic_labels[ASPIC_NUMBER] :
		    "", header[ASPIC_NUMBER] == NULL &&
		    (header[ASPIC_SERVICE] == NULL ||
		    header[ASPIC_COMPANY] == NULL) ? ", " : "",
		    header[ASPIC_SERVICE] == NULL ?
		    aspic_labels[ASPIC_SERVICE] : "",
		    header[ASPIC_SERVICE] == NULL &&
		    header[ASPIC_COMPANY] == NULL ? ", " : "",
		    header[ASPIC_COMPANY] == NULL ?
		    aspic_labels[ASPIC_COMPANY] : "");
		*cause = xasprintf(_("%s: the header block has no %s; not a "
		    "page of a certified service as ASPIC publishes it"),
		    path, missing);
		free(missing);
		goto out;
	}
	rows = aspic_grid(path, trs, ntrs, &mine);
	if ((form = aspic_form(path, fd, rows, ntrs, page, &mine,
	    cause)) == NULL)
		goto out;
	import_published_init(&ctx, path, form, st);
	st->pages = form->npages;
	aspic_read_rows(&ctx, rows, ntrs);
	if (ctx.nrows == 0) {
		*cause = xasprintf(_("%s: no rows of form %s %s in the table"),
		    path, form->name, form->edition);
		goto out;
	}
	aspic_header_row(&ctx, form->company, header[ASPIC_COMPANY]);
	aspic_header_row(&ctx, form->service, header[ASPIC_SERVICE]);
	d = draft_new(form);
	import_fill(&ctx, d);
	for (i = 0; i < 2; i++) {
		fi = i == 0 ? form->company : form->service;
		if (fi >= form->nfields || d->answers[fi] == NULL ||
		    strcmp(d->answers[fi], header[i == 0 ? ASPIC_COMPANY :
		    ASPIC_SERVICE]) == 0)
			continue;
		import_note(&ctx, 0, _("%s: %s: the header block says '%s'; "
		    "the table's answer is kept"), path, form->fields[fi].id,
		    header[i == 0 ? ASPIC_COMPANY : ASPIC_SERVICE]);
	}
	if (ctx.nnotes > 1)
		qsort(ctx.notes, ctx.nnotes, sizeof *ctx.notes,
		    import_published_note_cmp);
	for (i = 0; i < mine.n; i++)
		strvec_add(notes, xstrdup(mine.v[i]));
	for (i = 0; i < ctx.nnotes; i++) {
		strvec_add(notes, ctx.notes[i].text);
		ctx.notes[i].text = NULL;
	}
	if (ctx.dropped > 0)
		strvec_addf(notes, _("%s: %zu more notes left out"), path,
		    ctx.dropped);
out:
	import_published_free(&ctx);
	if (rows != NULL) {
		for (i = 0; i < ntrs; i++)
			strvec_free(&rows[i].cells);
		free(rows);
	}
	for (i = 0; i < ASPIC_NLABELS; i++)
		free(header[i]);
	strvec_free(&mine);
	free(fatal);
	free(page);
	free(trs);
	if (doc != NULL)
		xmlFreeDoc(doc);
	return d;
}
#endif
