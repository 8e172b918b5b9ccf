/*
 * import-published: reading the published disclosure text into a draft.
 *
 * Data model: the document is a list of lines.  Page headers "<title>
 * (n/N)" fix the form: the one whose title starts the header and whose
 * npages is N.  Each table row (pipe or tab-separated) becomes one or more
 * import_rows (import-row.c); once every line is read, import_fill
 * (import-fill.c) pairs the rows of each item with its fields and fills
 * the draft.
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

#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "import.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

#define IMPORT_MAX_PAGES	999
#define IMPORT_ROW_CELLS	64	/* as in import-row.c */
#define IMPORT_ASPIC_LINES	400	/* lines that tell an ASPIC page */
#define IMPORT_QUOTE_LINES	32	/* line breaks in a quoted cell */

/* 16 bytes a line: the input is at most IMPORT_MAX_SIZE bytes. */
struct import_line {
	const char	*s;
	uint32_t	 len;		/* without the line break */
	uint32_t	 no : 30;
	uint32_t	 page : 1;	/* a page header */
	uint32_t	 para : 1;	/* after an empty line */
};

int
import_published_note_cmp(const void *a, const void *b)
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
import_published_page(const struct import_str *n, size_t *page,
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

/*
 * How many cells of the line s (len bytes) are not blank: 2 for a pipe
 * row (it is a table row), else its tab-separated cells that hold text.
 */
static size_t
import_published_filled(const char *s, size_t len)
{
	size_t i, start = 0, n = 0, off = import_trim_left(s, len);

	if (off < len && s[off] == '|')
		return 2;
	for (i = 0; i <= len && n < 2; i++) {
		if (i < len && s[i] != '\t')
			continue;
		n += !import_blank(s + start, i - start);
		start = i + 1;
	}
	return n;
}

/*
 * Whether the normalized line n is only a page number, as printing or a
 * converter puts mid-table: "3", "- 3 -", "3/8", "3 / 8", "(3/8)".
 */
static int
import_published_number(const struct import_str *n)
{
	const char *s = n->s;
	size_t d;

	s += strspn(s, "-(");
	if ((d = strspn(s, "0123456789")) == 0 || d > 3)
		return 0;
	s += d;
	if (*s == '/') {
		if ((d = strspn(s + 1, "0123456789")) == 0 || d > 3)
			return 0;
		s += 1 + d;
	}
	return strspn(s, "-)") == strlen(s);
}

/*
 * Find the page headers among lines (marking them) and the form they name:
 * the one whose title starts them and whose page count they give.  NULL
 * with a cause when there are none, they disagree, or no single form fits.
 */
static const struct form *
import_published_form(const char *path, struct import_line *lines,
    size_t nlines, const struct form **forms, size_t nforms, size_t *npagesp,
    unsigned char *seen, char **cause)
{
	struct import_str n, title, prev;
	const struct form *form = NULL;
	size_t i, f, page, npages, first = 0, total = 0, nfit = 0;
	char *known = NULL, *tmp, *both;
	const char *hs;
	size_t hl;
	unsigned char *titled;
	int header;

	titled = xcalloc(nforms + 1, 1);
	for (i = 0; i < nlines; i++) {
		/* a header padded with tabs (a spreadsheet's) is one too */
		if (import_published_filled(lines[i].s, lines[i].len) > 1)
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
		if (import_published_page(&n, &page, &npages)) {
			/* or a title on the line before: "<title>" "... (1/8)" */
			both = NULL;
			if (i > 0 && !lines[i - 1].page &&
			    import_published_filled(lines[i - 1].s,
			    lines[i - 1].len) == 1) {
				import_str_init(&prev, lines[i - 1].s,
				    lines[i - 1].len);
				both = xasprintf("%s%s", prev.s, n.s);
				import_str_free(&prev);
			}
			for (f = 0; f < nforms; f++) {
				import_str_init(&title, forms[f]->title,
				    strlen(forms[f]->title));
				if (title.n > 0 && import_starts(n.s, title.s))
					header = titled[f] = 1;
				else if (title.n > 0 && both != NULL &&
				    import_starts(both, title.s))
					header = titled[f] = 2;
				import_str_free(&title);
			}
			if (header == 2)
				lines[i - 1].page = 1;
			free(both);
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
			    "pages"), path, (size_t)lines[i].no, page, npages, first,
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

/*
 * Whether the tab row s (len bytes) is the column header row of an ASPIC
 * per-service web page: cells 記述内容 and 情報開示内容.
 */
static int
import_published_aspic_header(const char *s, size_t len)
{
	return memchr(s, '\t', len) != NULL &&
	    memmem(s, len, "記述内容", strlen("記述内容")) != NULL &&
	    memmem(s, len, "情報開示内容", strlen("情報開示内容")) != NULL;
}

/*
 * The form of the text of an ASPIC per-service web page (a header block,
 * then one table under the column headers 記述内容 and 情報開示内容, no page
 * headers): the one whose descriptions the most cells of the first
 * IMPORT_ASPIC_LINES lines are, the newest edition among equals; NULL
 * when there is none.  *start is set to the index of the column header
 * row when there is one (else it is left as it is).
 */
static const struct form *
import_published_aspic(const struct import_line *lines, size_t nlines,
    const struct form **forms, size_t nforms, size_t *start)
{
	struct strvec cells = STRVEC_INIT;
	struct import_str n;
	const struct form *best = NULL;
	size_t i, h, f, k, c, end, score, top = 0;
	const char *s;

	for (h = 0; h < nlines && h < IMPORT_ASPIC_LINES; h++) {
		if (import_published_aspic_header(lines[h].s, lines[h].len))
			break;
	}
	if (h == nlines || h == IMPORT_ASPIC_LINES)
		return NULL;
	*start = h;
	end = h + IMPORT_ASPIC_LINES < nlines ? h + IMPORT_ASPIC_LINES :
	    nlines;
	for (i = h + 1; i < end; i++) {
		for (s = lines[i].s, c = 0; c <= lines[i].len; c++) {
			if (c < lines[i].len && lines[i].s[c] != '\t')
				continue;
			import_str_init(&n, s, (size_t)(lines[i].s + c - s));
			if (n.n > 0)
				strvec_add(&cells, xstrdup(n.s));
			import_str_free(&n);
			s = lines[i].s + c + 1;
		}
	}
	for (f = 0; f < nforms; f++) {
		for (score = 0, k = 0; k < forms[f]->nfields; k++) {
			import_str_init(&n, forms[f]->fields[k].text,
			    strlen(forms[f]->fields[k].text));
			for (c = 0; c < cells.n; c++) {
				if (strcmp(cells.v[c], n.s) == 0) {
					score++;
					break;
				}
			}
			import_str_free(&n);
		}
		/* forms are listed oldest edition first */
		if (score > 0 && score >= top) {
			top = score;
			best = forms[f];
		}
	}
	strvec_free(&cells);
	return best;
}

/* Whether a line that is not a table row is one that carries no answer. */
static int
import_published_boilerplate(const char *s, size_t len)
{
	struct import_str n;
	int yes;

	size_t i;

	/* most lines have none of the words: told without a copy */
	for (i = 0; i < len && s[i] != '*' && (unsigned char)s[i] < 0xe2; i++)
		;
	if (i == len)
		return 0;
	if (memmem(s, len, "認定番号", strlen("認定番号")) == NULL &&
	    memmem(s, len, "サービス名称", strlen("サービス名称")) == NULL &&
	    memmem(s, len, "注", strlen("注")) == NULL &&
	    memmem(s, len, "*", 1) == NULL &&
	    memmem(s, len, "＊", strlen("＊")) == NULL &&
	    memmem(s, len, "※", strlen("※")) == NULL)
		return 0;
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

/*
 * Read a line of the header block of an ASPIC page ("サービス名称<tab>...",
 * "事業者名称:...", or the name alone with its value on the next line):
 * the service and company kept in ctx for import_published_header.
 */
static void
import_published_block(struct import_ctx *ctx, const char *s, size_t len)
{
	static const char *const names[] = { "サービス名称", "事業者名称" };
	char **values[] = { &ctx->service, &ctx->company };
	size_t i, n, off = import_trim_left(s, len);

	if (ctx->want != NULL && *ctx->want == NULL &&
	    memchr(s, '\t', len) == NULL) {
		*ctx->want = import_trim(s, len);
		ctx->want = NULL;
		return;
	}
	ctx->want = NULL;
	for (i = 0; i < 2; i++) {
		n = strlen(names[i]);
		if (len - off < n || memcmp(s + off, names[i], n) != 0)
			continue;
		off += n;
		off += import_trim_left(s + off, len - off);
		if (off < len && s[off] == ':')
			off++;
		else if (len - off >= 3 && memcmp(s + off, "：", 3) == 0)
			off += 3;
		free(*values[i]);
		*values[i] = NULL;
		if (import_blank(s + off, len - off))
			ctx->want = values[i];	/* on the next line */
		else
			*values[i] = import_trim(s + off, len - off);
	}
}

/*
 * Whether the line s (len bytes) is only the title of a section of the
 * form (a web page's or a converter's section row without its cells).
 */
static int
import_published_section(const struct import_ctx *ctx, const char *s,
    size_t len)
{
	struct import_str n;
	size_t i, off = import_trim_left(s, len);
	int yes = 0;

	/* the first byte tells most lines from every title, without a copy */
	if (off == len || len > 256 || !ctx->section_first[(unsigned char)
	    s[off]] || import_published_filled(s, len) != 1)
		return 0;
	import_str_init(&n, s, len);
	for (i = 0; i < ctx->form->nsections && !yes; i++)
		yes = strcmp(n.s, ctx->sections[i].s) == 0;
	import_str_free(&n);
	return yes;
}

/*
 * Give the form's service and company fields the names of an ASPIC
 * page's header block when the table left them without an answer.
 */
static void
import_published_header(struct import_ctx *ctx, struct draft *d)
{
	const struct form *form = ctx->form;
	size_t idx[] = { form->service, form->company };
	const char *values[] = { ctx->service, ctx->company };
	const char *old;
	char *why;
	size_t i;

	for (i = 0; i < 2; i++) {
		if (idx[i] >= form->nfields || values[i] == NULL ||
		    *values[i] == '\0')
			continue;
		old = draft_get(d, idx[i]);
		if (old != NULL && *old != '\0')
			continue;
		if (draft_set(d, idx[i], values[i], &why) != 0) {
			free(why);
			continue;
		}
		/* the field was counted as hidden or missing */
		ctx->st->answered++;
		if (ctx->st->missing > 0)
			ctx->st->missing--;
		else
			ctx->st->replaced--;
		import_note(ctx, 0, _("%s: %s: from the page's header: %s"),
		    ctx->path, form->fields[idx[i]].id, values[i]);
	}
}

void
import_published_init(struct import_ctx *ctx, const char *path,
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
	ctx->item_rows = xcalloc(form->nitems + 1, sizeof *ctx->item_rows);
	ctx->texts = xreallocarray(NULL, form->nfields + 1,
	    sizeof *ctx->texts);
	for (i = 0; i < form->nfields; i++)
		import_str_init(&ctx->texts[i], form->fields[i].text,
		    strlen(form->fields[i].text));
	ctx->sections = xreallocarray(NULL, form->nsections + 1,
	    sizeof *ctx->sections);
	for (i = 0; i < form->nsections; i++) {
		import_str_init(&ctx->sections[i], form->sections[i].title,
		    strlen(form->sections[i].title));
		ctx->section_first[(unsigned char)ctx->sections[i].s[0]] = 1;
	}
	ctx->section_first[0xef] = 1;	/* full-width forms fold */
}

void
import_published_free(struct import_ctx *ctx)
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
	free(ctx->service);
	free(ctx->company);
	free(ctx->labels);
	free(ctx->item_rows);
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
 * Where the line at p ends: at the first line break, unless a cell of a
 * tab-separated line opens a quote ("...) that one of the next
 * IMPORT_QUOTE_LINES lines closes before a tab or a line break, as a
 * spreadsheet writes a cell holding line breaks; then at the break after the closing quote.  *noquote is set
 * when a quote is not closed before the end: quotes are not looked at
 * again, so that the scan stays linear.
 */
static const char *
import_published_eol(const char *p, const char *end, int *noquote)
{
	const char *q, *eol;
	int quoted = 0, start = 1, tab = 0;
	size_t breaks = 0;

	for (eol = p; eol < end && *eol != '\n' && *eol != '\r'; eol++)
		tab |= *eol == '\t';
	if (*noquote || !tab)
		return eol;
	for (q = p; q < end; q++) {
		if (quoted) {
			if (*q == '"' && q + 1 < end && q[1] == '"')
				q++;
			else if (*q == '"' && (q + 1 == end || q[1] == '\t' ||
			    q[1] == '\n' || q[1] == '\r'))
				quoted = 0;
			else if (*q == '"' || (*q == '\n' &&
			    ++breaks > IMPORT_QUOTE_LINES))
				return eol;	/* the quotes are the answer's */
			continue;
		}
		if (*q == '\n' || *q == '\r')
			return q;
		if (start && *q == '"')
			quoted = 1;
		start = *q == '\t';
	}
	if (quoted)
		*noquote = 1;
	return eol;
}

/*
 * The lines of buf that are not blank (without line breaks, which are LF,
 * CR LF or CR; a BOM dropped), with their numbers from 1; a line holding a
 * quoted cell with line breaks counts as the one line it starts.
 */
static struct import_line *
import_published_lines(const char *buf, size_t len, size_t *nlines)
{
	struct import_line *lines = NULL;
	const char *p = buf, *end = buf + len, *eol, *q;
	size_t n = 0, no = 0;
	int noquote = 0, para = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		eol = import_published_eol(p, end, &noquote);
		no++;
		if (!import_blank(p, (size_t)(eol - p))) {
			lines = xgrowarray(lines, n, sizeof *lines);
			lines[n].s = p;
			lines[n].len = (uint32_t)(eol - p);
			lines[n].no = (uint32_t)no;
			lines[n].page = 0;
			lines[n].para = para;
			para = 0;
			n++;
		} else if (eol == p)
			para = 1;	/* empty, not only white space */
		for (q = p; q < eol; q++) {
			/* the breaks inside a quoted cell */
			if (*q == '\n' || (*q == '\r' && (q + 1 == eol ||
			    q[1] != '\n')))
				no++;
		}
		if (eol + 1 < end && eol[0] == '\r' && eol[1] == '\n')
			eol++;
		p = eol + 1;
	}
	*nlines = n;
	return lines;
}

/* The display columns of s (len bytes), a tab to the next multiple of 8. */
static size_t
import_published_width(const char *s, size_t len)
{
	size_t off = 0, n, w = 0;
	uint32_t cp;

	while (off < len) {
		n = text_decode(s + off, len - off, &cp);
		off += n == 0 ? 1 : n;
		if (cp == '\t')
			w += 8 - w % 8;
		else if (cp >= 0x20)
			w += (size_t)text_cpwidth(cp);
	}
	return w;
}

/*
 * Whether s (len bytes) can only start a line of its own: a row with an
 * item number or a section title, a column header, a page note or the
 * header line (1), or a page header (2); 0 when it can continue a line.
 */
static int
import_published_starts(const char *s, size_t len)
{
	size_t off = import_trim_left(s, len), i;
	struct import_str n;
	size_t page, npages;
	int yes;

	for (i = off; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i > off && i - off <= 3 && i < len && s[i] == '\t')
		return 1;
	if (off < len && s[off] == '-' && (memchr(s, '\t', len) != NULL ||
	    (off + 1 < len && s[off + 1] == ' ')))
		return 1;
	if (memmem(s, len, "【審査対象項目】", strlen("【審査対象項目】")) != NULL)
		return 1;
	if (import_published_boilerplate(s, len))
		return 1;
	/* a page header or number ends in ")", a digit or "-" */
	for (i = len; i > 0 && import_blank(s + i - 1, 1); i--)
		;
	if (i == 0 || (s[i - 1] != ')' && s[i - 1] != '-' &&
	    (s[i - 1] < '0' || s[i - 1] > '9') && (i < 3 ||
	    memcmp(s + i - 3, "）", 3) != 0)))
		return 0;
	import_str_init(&n, s, len);
	yes = import_published_page(&n, &page, &npages) ? 2 :
	    import_published_number(&n);
	import_str_free(&n);
	return yes;
}

/*
 * Whether the line s (len bytes) continues the line l before it: l's
 * first piece has lfilled cells with text and import_published_starts
 * says lstarts of it; l has lseps separators ('|' or tabs), and its last
 * piece is lwidth columns wide, in text that is wrapped (at wmax columns
 * or so), in a table of ncols columns.  It does when it is a pipe row not
 * closed yet or short of cells, a tab row short of cells, or when the
 * wrapper broke l because s's first character did not fit; never when s
 * can only start a line, except a page header's end after its start.
 */
static int
import_published_continues(const struct import_line *l, size_t lfilled,
    int lstarts, size_t lseps, int wrapped, size_t lwidth, size_t wmax,
    size_t ncols, const char *s, size_t len)
{
	size_t off = import_trim_left(l->s, l->len), end = l->len;
	int pipe = off < end && l->s[off] == '|';
	int tab = !pipe && lseps > 0 && (lfilled > 1 || l->s[0] == '\t'),
	    closed, starts;
	int full = 0;
	uint32_t cp = 0;

	if (wrapped) {
		text_decode(s, len, &cp);
		full = cp == '\t' ? lwidth + 8 - lwidth % 8 + 1 >= wmax :
		    lwidth + (size_t)text_cpwidth(cp) + 1 >= wmax ||
		    (l->len > 0 && l->s[l->len - 1] == ' ' &&
		    2 * lwidth >= wmax);
	}
	while (end > off && (l->s[end - 1] == ' ' || l->s[end - 1] == '\t'))
		end--;
	closed = end > off && l->s[end - 1] == '|';
	if (len > 0 && s[0] == '\t')
		return tab && full && lseps + 1 < ncols;
	if ((starts = import_published_starts(s, len)) != 0) {
		/* a wrapped page header: "... 認定サービ" "スの申請内容 (1/8)" */
		return starts == 2 && full && !tab && !pipe && lstarts == 0;
	}
	if (s[import_trim_left(s, len)] == '|')
		return pipe && !closed;
	if (pipe)
		return !closed || full || lseps < ncols + 1;
	if (tab)
		return full || lseps + 1 < ncols;
	return full;
}

/*
 * The column headers (or the separator under them) of the line l, which
 * has seps separators, say how many cells a row has: *pcols for pipe
 * rows, *tcols for tab rows.
 */
static void
import_published_columns(const struct import_line *l, size_t seps,
    size_t *pcols, size_t *tcols)
{
	size_t off = import_trim_left(l->s, l->len), rule;
	int head = memmem(l->s, l->len, "【記述内容】",
	    strlen("【記述内容】")) != NULL;

	/* a separator line: only "|-: " (the line is not NUL-terminated) */
	for (rule = off; rule < l->len && strchr("|-: ", l->s[rule]) != NULL &&
	    l->s[rule] != '\0'; rule++)
		;
	if (off < l->len && l->s[off] == '|' && seps > 1 && (head ||
	    rule == l->len))
		*pcols = seps - 1;
	else if (off < l->len && l->s[off] != '|' && seps > 0 && head)
		*tcols = seps + 1;
}

/*
 * Join the continuation lines of hard-wrapped text (a mail program, an
 * editor or a PDF viewer broke long cells and titles) to the line they
 * continue, keeping the number of its first line.  The text is wrapped
 * when several lines are within a wide character of the widest one; a
 * line is full when it is, or ends with a space in its last third.  When
 * rows are counted, a row short of the cells its table has is continued
 * too.  The joined text is in *arenap (the caller frees it).  Linear in
 * the input.
 */
static void
import_published_join(struct import_line *lines, size_t *nlinesp,
    size_t total, int counted, char **arenap)
{
	size_t nlines = *nlinesp, i, o = 0, used = 0, wmax = 0, nfull = 0;
	size_t width, tcols = 1, pcols = IMPORT_ROW_CELLS, seps, lseps = 0;
	size_t k, off, lfilled = 0, lwidth = 0;
	int lstarts = 0;
	char *arena = NULL;
	const char *s;
	int wrapped, inarena = 0, pipe;

	*arenap = NULL;
	if (nlines == 0)
		return;
	/* widths are measured twice rather than kept: memory stays small */
	for (i = 0; i < nlines; i++) {
		width = import_published_width(lines[i].s, lines[i].len);
		if (width > wmax)
			wmax = width;
		for (seps = 0, k = 0; k < lines[i].len; k++)
			seps += lines[i].s[k] == '\t';
		if (seps + 1 > tcols && seps < IMPORT_ROW_CELLS)
			tcols = seps + 1;
	}
	for (i = 0; i < nlines; i++)
		nfull += import_published_width(lines[i].s, lines[i].len) + 3 >=
		    wmax;
	wrapped = nfull >= 4 && nfull * 20 >= nlines;
	for (i = 0; i < nlines; i++) {
		s = lines[i].s;
		width = import_published_width(s, lines[i].len);
		off = import_trim_left(s, lines[i].len);
		pipe = o > 0 && import_trim_left(lines[o - 1].s,
		    lines[o - 1].len) < lines[o - 1].len &&
		    lines[o - 1].s[import_trim_left(lines[o - 1].s,
		    lines[o - 1].len)] == '|';
		for (seps = 0, k = 0; k < lines[i].len; k++)
			seps += s[k] == (pipe || (off < lines[i].len &&
			    s[off] == '|') ? '|' : '\t');
		if (o > 0 && !lines[i].para &&
		    import_published_continues(&lines[o - 1], lfilled,
		    lstarts, lseps, wrapped, lwidth, wmax, !counted ? 0 :
		    pipe ? pcols : tcols, s, lines[i].len)) {
			if (arena == NULL)
				arena = xmalloc(total + 1);
			if (!inarena) {
				memcpy(arena + used, lines[o - 1].s,
				    lines[o - 1].len);
				lines[o - 1].s = arena + used;
				used += lines[o - 1].len;
				inarena = 1;
			}
			memcpy(arena + used, s, lines[i].len);
			used += lines[i].len;
			lines[o - 1].len += lines[i].len;
			lseps += seps;
		} else {
			if (o > 0)
				import_published_columns(&lines[o - 1], lseps,
				    &pcols, &tcols);
			lines[o++] = lines[i];
			lfilled = import_published_filled(s, lines[i].len);
			lstarts = import_published_starts(s, lines[i].len);
			inarena = 0;
			lseps = seps;
		}
		lwidth = width;
	}
	*nlinesp = o;
	*arenap = arena;
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
	struct import_str n;
	char *snip, *line, *arena = NULL;
	size_t nlines = 0, nforms, i, bad, npages = 0, filled, aspic;
	int skip, ended = 0;

	if (st == NULL)
		st = &dummy;
	memset(st, 0, sizeof *st);
	memset(&ctx, 0, sizeof ctx);
	if (len > IMPORT_MAX_SIZE) {
		*cause = xasprintf(_("%s: file too large (more than %zu bytes)"),
		    path, (size_t)IMPORT_MAX_SIZE);
		return NULL;
	}
	switch (text_guard(buf, len, &bad)) {
	case TEXT_OK:
		break;
	case TEXT_WIDE_BOM:
		*cause = xasprintf(_("%s:1:1: a UTF-16 or UTF-32 file (a "
		    "published disclosure must be UTF-8)"), path);
		return NULL;
	case TEXT_NUL:
		*cause = xasprintf(_("%s:%zu: NUL byte; not a text file"), path,
		    text_line(buf, len, bad, NULL));
		return NULL;
	case TEXT_INVALID:
		*cause = xasprintf(_("%s:%zu: not UTF-8 text (a published "
		    "disclosure must be UTF-8)"), path, text_line(buf, len, bad,
		    NULL));
		return NULL;
	}
	if (formdir_list(fd, &forms, &nforms, cause) != 0)
		return NULL;
	lines = import_published_lines(buf, len, &nlines);
	seen = xcalloc(IMPORT_MAX_PAGES + 1, 1);
	aspic = IMPORT_NONE;
	form = import_published_aspic(lines, nlines, forms, nforms, &aspic);
	/* an ASPIC page's rows have as many cells as they have */
	import_published_join(lines, &nlines, len, aspic == IMPORT_NONE,
	    &arena);
	if (aspic != IMPORT_NONE) {
		aspic = IMPORT_NONE;
		form = import_published_aspic(lines, nlines, forms, nforms,
		    &aspic);
		if (form == NULL)
			*cause = xasprintf(_("%s: an ASPIC web page of no "
			    "known form (no description of a form matches)"),
			    path);
	} else
		form = import_published_form(path, lines, nlines, forms,
		    nforms, &npages, seen, cause);
	free(forms);
	if (form == NULL)
		goto out;
	import_published_init(&ctx, path, form, st);
	st->pages = npages;
	for (i = 1; i <= npages; i++) {
		if (!seen[i])
			import_note(&ctx, 0, _("%s: page %zu/%zu is not in "
			    "the document"), path, i, npages);
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
		if (aspic != IMPORT_NONE && i <= aspic) {
			/* the header block, then the column headers */
			import_published_block(&ctx, lines[i].s, lines[i].len);
			continue;
		}
		if (import_published_section(&ctx, lines[i].s, lines[i].len))
			continue;
		filled = import_published_filled(lines[i].s, lines[i].len);
		if (filled == 1) {
			/* a page number, a page note padded with tabs */
			skip = 0;
			if (strchr("0123456789-(\xef", lines[i].s[
			    import_trim_left(lines[i].s, lines[i].len)]) !=
			    NULL && lines[i].s[0] != '\t') {
				import_str_init(&n, lines[i].s, lines[i].len);
				skip = import_published_number(&n);
				import_str_free(&n);
			}
			if (skip || import_published_boilerplate(lines[i].s,
			    lines[i].len))
				continue;
		}
		/*
		 * On a web page, a row of one cell (the others spanned) until
		 * the table ends at an empty line.
		 */
		if (aspic != IMPORT_NONE && lines[i].para &&
		    !import_is_table(lines[i].s, lines[i].len))
			ended = 1;
		if (import_is_table(lines[i].s, lines[i].len) ||
		    (aspic != IMPORT_NONE && !ended) ||
		    lines[i].s[import_trim_left(lines[i].s, lines[i].len)] ==
		    '-') {
			/* also a section row without its empty cells */
			import_row_read(&ctx, lines[i].s, lines[i].len,
			    lines[i].no, lines[i].s[import_trim_left(lines[i].s,
			    lines[i].len)] == '|');
			continue;
		}
		if (import_published_boilerplate(lines[i].s, lines[i].len))
			continue;
		line = xstrndup(lines[i].s, lines[i].len);
		snip = import_snippet(line);
		import_note(&ctx, lines[i].no, _("%s:%zu: not a part of the "
		    "form: not imported: '%s'"), path, (size_t)lines[i].no, snip);
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
	st->layout = aspic != IMPORT_NONE ? IMPORT_LAYOUT_WEB :
	    ctx.pipes >= ctx.tabs ? IMPORT_LAYOUT_PIPE : IMPORT_LAYOUT_TAB;
	d = draft_new(form);
	import_fill(&ctx, d);
	import_published_header(&ctx, d);
	if (ctx.nnotes > 1)
		qsort(ctx.notes, ctx.nnotes, sizeof *ctx.notes,
		    import_published_note_cmp);
	for (i = 0; i < ctx.nnotes; i++) {
		strvec_add(notes, ctx.notes[i].text);
		ctx.notes[i].text = NULL;
	}
	if (ctx.dropped > 0)
		strvec_addf(notes, _("%s: %zu more notes left out"), path,
		    ctx.dropped);
out:
	import_published_free(&ctx);
	free(seen);
	free(lines);
	free(arena);
	return d;
}
