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

/* 16 bytes a line: the input is at most IMPORT_MAX_SIZE bytes. */
struct import_line {
	const char	*s;
	uint32_t	 len;		/* without the line break */
	uint32_t	 no : 31;
	uint32_t	 page : 1;	/* a page header */
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
 * Find the page headers among lines (marking them) and the form they name:
 * the one whose title starts them and whose page count they give.  NULL
 * with a cause when there are none, they disagree, or no single form fits.
 */
static const struct form *
import_published_form(const char *path, struct import_line *lines,
    size_t nlines, const struct form **forms, size_t nforms, size_t *npagesp,
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
		if (import_published_page(&n, &page, &npages)) {
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

/* Whether a line that is not a table row is one that carries no answer. */
static int
import_published_boilerplate(const char *s, size_t len)
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
	for (i = 0; i < form->nsections; i++)
		import_str_init(&ctx->sections[i], form->sections[i].title,
		    strlen(form->sections[i].title));
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
 * The lines of buf that are not blank (without line breaks, which are LF,
 * CR LF or CR; a BOM dropped), with their numbers from 1.
 */
static struct import_line *
import_published_lines(const char *buf, size_t len, size_t *nlines)
{
	struct import_line *lines = NULL;
	const char *p = buf, *end = buf + len, *eol;
	size_t n = 0, no = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		for (eol = p; eol < end && *eol != '\n' && *eol != '\r'; eol++)
			;
		no++;
		if (!import_blank(p, (size_t)(eol - p))) {
			lines = xgrowarray(lines, n, sizeof *lines);
			lines[n].s = p;
			lines[n].len = (uint32_t)(eol - p);
			lines[n].no = (uint32_t)no;
			lines[n].page = 0;
			n++;
		}
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
	char *snip, *line;
	size_t nlines = 0, nforms, i, bad, npages = 0;

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
	form = import_published_form(path, lines, nlines, forms, nforms,
	    &npages, seen, cause);
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
		if (import_is_table(lines[i].s, lines[i].len)) {
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
	st->layout = ctx.pipes >= ctx.tabs ? IMPORT_LAYOUT_PIPE :
	    IMPORT_LAYOUT_TAB;
	d = draft_new(form);
	import_fill(&ctx, d);
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
	return d;
}
