/*
 * import: what the reader of published disclosures (import-published.c,
 * import-row.c, import-fill.c) works with, and which reader a file is for
 * (import_detect; kaiji CSV is csv.c's).
 *
 * Cells and labels are compared as import_strs: without white space, with
 * full-width ASCII, half-width katakana and NFD folded (text_fold) and 〇
 * as ○; near misses (an edit distance of
 * about one in ten, for labels of six or more characters) count as
 * matches (import_like).  The other helpers trim cells, quote them in
 * notes and turn the HTML a converter leaves (<br>, entities) into text.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "text.h"
#include "xalloc.h"

#define IMPORT_SNIPPET		30	/* code points of a cell in a note */

static int
import_space(uint32_t cp)
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

/*
 * Set is to s (len bytes) without white space, full-width ASCII, half-width
 * katakana and decomposed characters folded (text_fold).
 */
void
import_str_init(struct import_str *is, const char *s, size_t len)
{
	size_t n, i, o = 0;
	char *raw, *folded;

	raw = xstrndup(s, len);
	folded = text_fold(raw);
	free(raw);
	len = strlen(folded);
	is->cp = text_cps(folded, len, &n);
	free(folded);
	is->s = xmalloc(len * 3 + 1);
	is->n = 0;
	for (i = 0; i < n; i++) {
		if (import_space(is->cp[i]))
			continue;
		is->cp[is->n] = import_fold(is->cp[i]);
		o += text_encode(is->cp[is->n++], is->s + o);
	}
	is->s[o] = '\0';
}

void
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
int
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

int
import_in(const char *s, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++) {
		if (strcmp(s, list[i]) == 0)
			return 1;
	}
	return 0;
}

/* Add the note printf would print for fmt, about line key (0: none). */
void
import_note(struct import_ctx *ctx, size_t key, const char *fmt, ...)
{
	va_list ap;
	char *text;

	if (ctx->nnotes >= IMPORT_MAX_NOTES) {
		ctx->dropped++;
		return;
	}
	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		xfatal("out of memory");
	va_end(ap);
	ctx->notes = xgrowarray(ctx->notes, ctx->nnotes, sizeof *ctx->notes);
	ctx->notes[ctx->nnotes].key = key;
	ctx->notes[ctx->nnotes].seq = ctx->nnotes;
	ctx->notes[ctx->nnotes].text = text;
	ctx->nnotes++;
}

/* A short one-line quotation of s for a note (the caller frees it). */
char *
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

size_t
import_trim_left(const char *s, size_t len)
{
	size_t off = 0, n;
	uint32_t cp;

	while (off < len && (n = text_decode(s + off, len - off, &cp)) > 0 &&
	    import_space(cp))
		off += n;
	return off;
}

/* A copy of s (len bytes) without white space at either end. */
char *
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
		    !import_space(cp))
			break;
		end = k;
	}
	return xstrndup(s + off, end - off);
}

/* Whether s is white space only. */
int
import_blank(const char *s, size_t len)
{
	return import_trim_left(s, len) == len;
}

/*
 * The first tag (or entity) in s, in any case, or NULL.  Its cost is the
 * distance to it, whatever follows (a loop over a long text that calls
 * strcasestr pays for the rest of the text at each call under the
 * sanitizers' interceptors).
 */
const char *
import_find(const char *s, const char *tag)
{
	size_t n = strlen(tag);

	while ((s = strchr(s, tag[0])) != NULL) {
		if (strncasecmp(s, tag, n) == 0)
			return s;
		s++;
	}
	return NULL;
}

/*
 * s (a malloc'd string, freed) with every from, in any case, made to,
 * which is no longer than from: in place, in one pass (linear).
 */
static char *
import_replace(char *s, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to);
	const char *r = s, *p;
	char *w = s;

	while ((p = import_find(r, from)) != NULL) {
		memmove(w, r, (size_t)(p - r));
		w += p - r;
		memcpy(w, to, tl);
		w += tl;
		r = p + fl;
	}
	memmove(w, r, strlen(r) + 1);
	return s;
}

/* s (a malloc'd string, freed) with <br> tags as line breaks. */
char *
import_breaks(char *s)
{
	s = import_replace(s, "<br />", "\n");
	s = import_replace(s, "<br/>", "\n");
	return import_replace(s, "<br>", "\n");
}

/* Replace the HTML entities a converter may leave in a <p> cell. */
char *
import_entities(char *s)
{
	s = import_replace(s, "&lt;", "<");
	s = import_replace(s, "&gt;", ">");
	s = import_replace(s, "&quot;", "\"");
	s = import_replace(s, "&#39;", "'");
	s = import_replace(s, "&nbsp;", " ");
	return import_replace(s, "&amp;", "&");
}

int
import_is_table(const char *s, size_t len)
{
	size_t off = import_trim_left(s, len);

	return memchr(s, '\t', len) != NULL || (off < len && s[off] == '|');
}

int
import_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * Whether the line s (len bytes) names kaiji CSV's columns separated by
 * tabs (Excel's "Unicode テキスト" of it): a cell is ID or id and one
 * 様式 or form.
 */
static int
import_tsv_header(const char *s, size_t len)
{
	const char *end = s + len, *tab;
	size_t n;
	int id = 0, form = 0;

	if (memchr(s, '\t', len) == NULL)
		return 0;
	for (; s <= end; s = tab + 1) {
		if ((tab = memchr(s, '\t', (size_t)(end - s))) == NULL)
			tab = end;
		n = (size_t)(tab - s);
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
			s++;
			n -= 2;
		}
		id = id || (n == 2 && strncasecmp(s, "id", 2) == 0);
		form = form || (n == 4 && strncasecmp(s, "form", 4) == 0) ||
		    (n == 6 && memcmp(s, "様式", 6) == 0);
	}
	return id && form;
}

#define ASPIC_MAGIC_BYTES	4096	/* where an HTML page says so */

/* Whether buf is an HTML page: it starts with a tag and names html soon. */
int
import_aspic_magic(const char *buf, size_t len)
{
	static const char *const tags[] = { "<html", "<!doctype html",
	    "<table", "<body", NULL };
	char head[ASPIC_MAGIC_BYTES + 1];
	size_t n = len < ASPIC_MAGIC_BYTES ? len : ASPIC_MAGIC_BYTES, i;
	size_t off = 0;

	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	off += import_trim_left(buf + off, n - off);
	if (off >= n || buf[off] != '<')
		return 0;
	for (i = 0; i < n; i++)
		head[i] = buf[i] == '\0' ? ' ' : buf[i];
	head[n] = '\0';
	for (i = 0; tags[i] != NULL; i++) {
		if (import_find(head + off, tags[i]) != NULL)
			return 1;
	}
	return 0;
}

/* Whether buf is a zip archive (what every xlsx file is). */
int
import_xlsx_magic(const char *buf, size_t len)
{
	return len >= 4 && memcmp(buf, "PK\003\004", 4) == 0;
}

/*
 * Whether buf is a zip archive (taken for a workbook), an HTML page (taken
 * for ASPIC's page of a service), kaiji's YAML or JSON export
 * (import_tree_magic), holds kaiji's CSV (its first line is a header row
 * with a column whose name ends in "id", such as "id" or "項目ID", or,
 * separated by tabs, one named ID) or, failing that, published text.
 */
enum import_kind
import_detect(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *eol, *cell;
	size_t ncells = 0, clen;
	int quoted = 0, hasid = 0;

	if (import_xlsx_magic(buf, len))
		return IMPORT_XLSX;
	if (import_aspic_magic(buf, len))
		return IMPORT_ASPIC;
	if (import_tree_magic(buf, len))
		return IMPORT_TREE;
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
	if (import_tsv_header(p, (size_t)(eol - p)))
		return IMPORT_CSV;
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
