/*
 * export: writing a draft out in one of the export formats.
 *
 * Data model: every format is written into memory, so an export that fails
 * writes nothing.  text and markdown follow the published pages: for each
 * page, the title line "<title> <subtitle> (N/M)", the header line
 * "様式:<form> <edition>, サービス名称:..., 事業者名称:...", the column
 * heading, then the page's items in form order, then the form's notes.  A
 * section starts with a "- <title>" row, except when its first item's
 * category repeats the title (開示情報の時点); an item's number and name
 * are on its first row only, its category only where it changes (or a page
 * or section begins), a mark only on an item's first row and where it
 * changes, as in the printed form's merged cells.  text is tab-separated
 * with six cells on every table line; an answer's further lines start with
 * five tabs, so they stay in the answer column, and a tab in a cell is
 * written as four spaces, so that it never starts a column.  In
 * markdown, an answer's line breaks are <br> and markdown punctuation is
 * escaped, so a cell shows exactly its text.  yaml and json hold the same tree: the form and the
 * header answers, then a list of every field with its labels and answer
 * (null when unanswered); yaml through libyaml's emitter, json written
 * here, both escaping every control character.
 *
 * The labels (様式, サービス名称, 事業者名称, the column heading) are the
 * printed form's, not messages, so an export is the same in every locale.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "draft.h"
#include "export.h"
#include "form.h"
#include "formats.h"
#include "ftype.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"
#include "yemit.h"

enum export_format {
	EXPORT_TEXT,
	EXPORT_MARKDOWN,
	EXPORT_CSV,
	EXPORT_YAML,
	EXPORT_JSON,
	EXPORT_XLSX,
	EXPORT_HTML
};

static const char *const export_names[] = {
	"text", "markdown", "csv", "yaml", "json", "xlsx", "html"
};
#define EXPORT_NFORMATS (sizeof export_names / sizeof export_names[0])

/* The printed form's column heading: 審査対象項目 spans three columns. */
static const char *const export_heading[] = {
	"【審査対象項目】", "", "", "【記述内容】", "必須/選択", "申請内容"
};
#define EXPORT_NCELLS 6

struct export_page {
	const struct draft	*d;
	FILE			*fp;
	int			 md;
};

struct export_tree {
	int			 json;
	struct yemit		 y;
	FILE			*fp;
	int			 depth;		/* json: nesting */
	int			 first;		/* json: level still empty */
	int			 keyed;		/* json: a key just written */
	int			 notes;		/* the fields' notes too */
};

static int
export_find(const char *name)
{
	size_t i;

	for (i = 0; i < EXPORT_NFORMATS; i++) {
		if (strcmp(name, export_names[i]) == 0)
			return (int)i;
	}
	return -1;
}

/* Whether name is an export format. */
int
export_known(const char *name)
{
	return export_find(name) != -1;
}

/* The length of the line break at s (LF, CR LF or CR), or 0. */
static size_t
export_break(const char *s)
{
	if (s[0] == '\r')
		return s[1] == '\n' ? 2 : 1;
	return s[0] == '\n';
}

/* Markdown text with its punctuation escaped; line breaks as br. */
static void
export_md(FILE *fp, const char *s, const char *br)
{
	size_t n;

	while (*s != '\0') {
		if ((n = export_break(s)) != 0) {
			fputs(br, fp);
			s += n;
			continue;
		}
		if (strchr("\\`*_[]<>|&~", *s) != NULL)
			fputc('\\', fp);
		fputc(*s++, fp);
	}
}

/* One cell or line of form text or an answer, line breaks as spaces. */
static void
export_inline(struct export_page *pg, const char *s)
{
	size_t n;

	if (pg->md) {
		export_md(pg->fp, s, " ");
		return;
	}
	while (*s != '\0') {
		if ((n = export_break(s)) != 0) {
			fputc(' ', pg->fp);
			s += n;
		} else
			fputc(*s++, pg->fp);
	}
}

/*
 * A paragraph line (header line, note): in markdown, a first character
 * that would start a heading, list or quote is escaped.
 */
static void
export_para(struct export_page *pg, const char *s)
{
	size_t digits = strspn(s, "0123456789");

	if (pg->md && *s != '\0' && strchr("#+-=", *s) != NULL)
		fputc('\\', pg->fp);
	else if (pg->md && digits > 0 && (s[digits] == '.' ||
	    s[digits] == ')')) {
		fwrite(s, 1, digits, pg->fp);
		fputc('\\', pg->fp);
		s += digits;
	}
	export_inline(pg, s);
	fputs("\n", pg->fp);
}

/* text: a cell's text with each tab as four spaces (tabs part cells). */
static void
export_cell(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\t')
			fputs("    ", fp);
		else
			fputc(*s, fp);
	}
}

/* A table row: five cells of form text, then the answer (may be NULL). */
static void
export_row(struct export_page *pg, const char *const *cells,
    const char *answer)
{
	size_t i, n;

	if (answer == NULL)
		answer = "";
	for (i = 0; i < EXPORT_NCELLS - 1; i++) {
		if (pg->md) {
			fputs(i == 0 ? "| " : " ", pg->fp);
			export_md(pg->fp, cells[i], " ");
			fputs(cells[i][0] != '\0' ? " |" : "|", pg->fp);
		} else {
			export_cell(pg->fp, cells[i]);
			fputc('\t', pg->fp);
		}
	}
	if (pg->md) {
		fputs(" ", pg->fp);
		export_md(pg->fp, answer, "<br>");
		fputs(answer[0] != '\0' ? " |\n" : "|\n", pg->fp);
		return;
	}
	while (*answer != '\0') {
		if ((n = export_break(answer)) != 0) {
			fputs("\n\t\t\t\t\t", pg->fp);
			answer += n;
		} else if (*answer == '\t') {
			fputs("    ", pg->fp);
			answer++;
		} else
			fputc(*answer++, pg->fp);
	}
	fputc('\n', pg->fp);
}

static int
export_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* The header line: form and edition, then the header answers. */
static void
export_header(struct export_page *pg)
{
	const struct form *form = pg->d->form;
	const char *a;
	char *line, *next;

	line = xasprintf("様式:%s %s", form->name, form->edition);
	if (form->service != (size_t)-1) {
		a = pg->d->answers[form->service];
		next = xasprintf("%s, サービス名称:%s", line,
		    a != NULL ? a : "");
		free(line);
		line = next;
	}
	if (form->company != (size_t)-1) {
		a = pg->d->answers[form->company];
		next = xasprintf("%s, 事業者名称:%s", line, a != NULL ? a : "");
		free(line);
		line = next;
	}
	export_para(pg, line);
	free(line);
}

/* One item's rows; cat says whether its category is shown. */
static void
export_item(struct export_page *pg, size_t i, int cat)
{
	const struct form *form = pg->d->form;
	const struct form_item *item = &form->items[i];
	const struct form_field *f;
	const char *cells[EXPORT_NCELLS - 1];
	char no[32];
	size_t r;

	snprintf(no, sizeof no, "%u", item->no);
	for (r = 0; r < item->nfields; r++) {
		f = &form->fields[item->first + r];
		cells[0] = r == 0 ? no : "";
		cells[1] = r == 0 && cat && item->category != NULL ?
		    item->category : "";
		cells[2] = r == 0 ? item->name : "";
		cells[3] = f->text;
		cells[4] = r == 0 || f[-1].mark != f->mark ?
		    form_mark_label(f->mark) : "";
		export_row(pg, cells, pg->d->answers[f->index]);
	}
}

/* Page p (from 0), laid out as printed. */
static void
export_page(struct export_page *pg, size_t p)
{
	const struct form *form = pg->d->form;
	const struct form_section *sec;
	const struct form_item *item;
	const char *cells[EXPORT_NCELLS - 1] = { NULL, "", "", "", "" };
	size_t i, first, end;
	char *title;

	first = form->pages[p];
	end = form_page_end(form, p);
	if (p > 0)
		fputs("\n", pg->fp);
	title = xasprintf("%s%s%s (%zu/%zu)", form->title,
	    form->subtitle != NULL ? " " : "",
	    form->subtitle != NULL ? form->subtitle : "", p + 1, form->npages);
	if (pg->md) {
		fputs("## ", pg->fp);
		export_inline(pg, title);
		fputs("\n", pg->fp);
	} else
		export_para(pg, title);
	free(title);
	fputs("\n", pg->fp);
	export_header(pg);
	fputs("\n", pg->fp);
	export_row(pg, export_heading, export_heading[EXPORT_NCELLS - 1]);
	if (pg->md)
		fputs("|---|---|---|---|---|---|\n", pg->fp);
	for (i = first; i < end; i++) {
		item = &form->items[i];
		sec = &form->sections[item->section];
		if (sec->first == i &&
		    !export_same(item->category, sec->title)) {
			title = xasprintf("- %s", sec->title);
			cells[0] = title;
			export_row(pg, cells, NULL);
			free(title);
		}
		export_item(pg, i, i == first || sec->first == i ||
		    !export_same(item->category, form->items[i - 1].category));
	}
	for (i = 0; i < form->nnotes; i++) {
		fputs("\n", pg->fp);
		export_para(pg, form->notes[i]);
	}
}

/* After the pages, with notes: the fields' notes, one paragraph each. */
static void
export_notes(struct export_page *pg)
{
	const struct form *form = pg->d->form;
	size_t i;
	int any = 0;

	for (i = 0; i < form->nfields; i++) {
		if (pg->d->notes[i] == NULL)
			continue;
		if (!any++)
			fputs(pg->md ? "\n## メモ\n" : "\nメモ\n", pg->fp);
		fputs("\n", pg->fp);
		fprintf(pg->fp, pg->md ? "- %s %s: " : "%s %s: ",
		    form->fields[i].id, form->items[form->fields[i].item].name);
		export_inline(pg, pg->d->notes[i]);
		fputs("\n", pg->fp);
	}
}

/* The application as text or markdown, with notes the fields' notes. */
static char *
export_pages(const struct draft *d, int md, int notes, size_t *len)
{
	struct export_page pg;
	char *buf;
	size_t p;

	pg.d = d;
	pg.md = md;
	pg.fp = xmemstream(&buf, len);
	for (p = 0; p < d->form->npages; p++)
		export_page(&pg, p);
	if (notes)
		export_notes(&pg);
	xmemclose(pg.fp);
	return buf;
}

static void
export_json_indent(struct export_tree *t)
{
	int i;

	fputc('\n', t->fp);
	for (i = 0; i < t->depth; i++)
		fputs("  ", t->fp);
}

/* json: what goes before a value (a comma and a new line in a list). */
static void
export_json_value(struct export_tree *t)
{
	if (t->keyed) {
		t->keyed = 0;
		return;
	}
	if (t->depth > 0) {
		if (!t->first)
			fputc(',', t->fp);
		export_json_indent(t);
	}
	t->first = 0;
}

/* A JSON string: control characters, C1, U+2028 and U+2029 as \u. */
static void
export_json_string(FILE *fp, const char *s)
{
	size_t len = strlen(s), off = 0, n;
	uint32_t cp;

	fputc('"', fp);
	while (off < len) {
		if ((n = text_decode(s + off, len - off, &cp)) == 0) {
			fputs("\\ufffd", fp);	/* not UTF-8: not in a draft */
			off++;
			continue;
		}
		switch (cp) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
			    cp == 0x2028 || cp == 0x2029)
				fprintf(fp, "\\u%04x", (unsigned)cp);
			else
				fwrite(s + off, 1, n, fp);
			break;
		}
		off += n;
	}
	fputc('"', fp);
}

/* Open (start) or close a mapping (map) or a list. */
static void
export_tree_open(struct export_tree *t, int map, int start)
{
	if (t->json) {
		if (start) {
			export_json_value(t);
			fputc(map ? '{' : '[', t->fp);
			t->depth++;
			t->first = 1;
			return;
		}
		t->depth--;
		if (!t->first)
			export_json_indent(t);
		fputc(map ? '}' : ']', t->fp);
		t->first = 0;
		return;
	}
	if (start)
		yemit_open(&t->y, map);
	else
		yemit_close(&t->y, map);
}

/* A mapping key (json: after a comma and a new line unless first). */
static void
export_tree_key(struct export_tree *t, const char *key)
{
	if (t->json) {
		if (!t->first)
			fputc(',', t->fp);
		export_json_indent(t);
		export_json_string(t->fp, key);
		fputs(": ", t->fp);
		t->first = 0;
		t->keyed = 1;
		return;
	}
	yemit_scalar(&t->y, key, YAML_PLAIN_SCALAR_STYLE);
}

/* A string value, or null for NULL; block: a literal block if it can be. */
static void
export_tree_str(struct export_tree *t, const char *s, int block)
{
	if (t->json) {
		export_json_value(t);
		if (s == NULL)
			fputs("null", t->fp);
		else
			export_json_string(t->fp, s);
		return;
	}
	if (s == NULL)
		yemit_scalar(&t->y, "null", YAML_PLAIN_SCALAR_STYLE);
	else if (block && strchr(s, '\n') != NULL && strchr(s, '\r') == NULL)
		yemit_scalar(&t->y, s, YAML_LITERAL_SCALAR_STYLE);
	else
		yemit_scalar(&t->y, s, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

/* A plain value: a number, true, false or null. */
static void
export_tree_word(struct export_tree *t, const char *word)
{
	if (t->json) {
		export_json_value(t);
		fputs(word, t->fp);
	} else
		yemit_scalar(&t->y, word, YAML_PLAIN_SCALAR_STYLE);
}

/* A number, or null for 0 when zero_null. */
static void
export_tree_num(struct export_tree *t, size_t n, int zero_null)
{
	char buf[32];

	if (n == 0 && zero_null) {
		export_tree_word(t, "null");
		return;
	}
	snprintf(buf, sizeof buf, "%zu", n);
	export_tree_word(t, buf);
}

static const char *
export_header_answer(const struct draft *d, size_t field)
{
	return field == (size_t)-1 ? NULL : d->answers[field];
}

/* One field's entry: where it is, its labels, its limit and its answer. */
static void
export_tree_field(struct export_tree *t, const struct draft *d, size_t i)
{
	const struct form *form = d->form;
	const struct form_field *f = &form->fields[i];
	const struct form_item *item = &form->items[f->item];
	const char *a = d->answers[i];
	char zenkaku[32];
	size_t k, halves;

	export_tree_open(t, 1, 1);
	export_tree_key(t, "id");
	export_tree_str(t, f->id, 0);
	export_tree_key(t, "page");
	export_tree_num(t, item->page + 1, 0);
	export_tree_key(t, "section");
	export_tree_str(t, form->sections[item->section].title, 0);
	export_tree_key(t, "item");
	export_tree_num(t, item->no, 0);
	export_tree_key(t, "row");
	export_tree_num(t, f->row, 0);
	export_tree_key(t, "category");
	export_tree_str(t, item->category, 0);
	export_tree_key(t, "name");
	export_tree_str(t, item->name, 0);
	export_tree_key(t, "text");
	export_tree_str(t, f->text, 0);
	export_tree_key(t, "mark");
	export_tree_str(t, form_mark_label(f->mark), 0);
	export_tree_key(t, "type");
	export_tree_str(t, f->type->name, 0);
	export_tree_key(t, "choices");
	export_tree_open(t, 0, 1);
	for (k = 0; k < f->nchoices; k++)
		export_tree_str(t, f->choices[k], 0);
	export_tree_open(t, 0, 0);
	export_tree_key(t, "limit");
	export_tree_num(t, item->limit != 0 ? item->limit : f->limit, 1);
	export_tree_key(t, "shared");
	export_tree_word(t, item->limit != 0 ? "true" : "false");
	export_tree_key(t, "count");
	export_tree_num(t, a != NULL ? text_count(a, strlen(a)) : 0, 0);
	halves = a != NULL ? text_halves(a, strlen(a)) : 0;
	snprintf(zenkaku, sizeof zenkaku, halves % 2 ? "%zu.5" : "%zu",
	    halves / 2);
	export_tree_key(t, "count-zenkaku");
	export_tree_word(t, zenkaku);
	export_tree_key(t, "answer");
	export_tree_str(t, a, 1);
	if (t->notes) {
		export_tree_key(t, "note");
		export_tree_str(t, d->notes[i], 1);
	}
	export_tree_open(t, 1, 0);
}

/* The draft as YAML or JSON, with the form's labels. */
static char *
export_tree(const struct draft *d, int json, int notes, size_t *len)
{
	const struct form *form = d->form;
	struct export_tree t;
	char *buf;
	size_t i;

	memset(&t, 0, sizeof t);
	t.json = json;
	t.notes = notes;
	t.fp = xmemstream(&buf, len);
	if (!json)
		yemit_start(&t.y, t.fp);
	export_tree_open(&t, 1, 1);
	export_tree_key(&t, "kaiji-export");
	export_tree_word(&t, "1");
	export_tree_key(&t, "form");
	export_tree_str(&t, form->name, 0);
	export_tree_key(&t, "edition");
	export_tree_str(&t, form->edition, 0);
	export_tree_key(&t, "title");
	export_tree_str(&t, form->title, 0);
	export_tree_key(&t, "subtitle");
	export_tree_str(&t, form->subtitle, 0);
	export_tree_key(&t, "service");
	export_tree_str(&t, export_header_answer(d, form->service), 0);
	export_tree_key(&t, "company");
	export_tree_str(&t, export_header_answer(d, form->company), 0);
	export_tree_key(&t, "pages");
	export_tree_num(&t, form->npages, 0);
	export_tree_key(&t, "notes");
	export_tree_open(&t, 0, 1);
	for (i = 0; i < form->nnotes; i++)
		export_tree_str(&t, form->notes[i], 0);
	export_tree_open(&t, 0, 0);
	export_tree_key(&t, "fields");
	export_tree_open(&t, 0, 1);
	for (i = 0; i < form->nfields; i++)
		export_tree_field(&t, d, i);
	export_tree_open(&t, 0, 0);
	export_tree_open(&t, 1, 0);
	if (json)
		fputc('\n', t.fp);
	else
		yemit_finish(&t.y);
	xmemclose(t.fp);
	return buf;
}

/* A copy of d whose answers are terminal-safe (see text_safe). */
static struct draft *
export_safe_copy(const struct draft *d)
{
	struct draft *copy = draft_new(d->form);
	char *safe, *why;
	size_t i;

	for (i = 0; i < d->form->nfields; i++) {
		if (d->answers[i] == NULL)
			continue;
		safe = text_safe(d->answers[i], 1);
		if (draft_set(copy, i, safe, &why) != 0)
			free(why);	/* text_safe's output is UTF-8 */
		free(safe);
	}
	for (i = 0; i < d->form->nfields; i++) {
		if (d->notes[i] != NULL)
			copy->notes[i] = text_safe(d->notes[i], 1);
	}
	return copy;
}

/*
 * Export d in format (see export.h) into *out (NUL-terminated, *len bytes;
 * the caller frees it), adding notes about the export to notes (csv's
 * folded or replaced characters).  With opts->safe, control characters in
 * answers are made visible in text, markdown and csv.  Returns 0, or -1
 * with a cause (an unknown format, characters CP932 cannot hold); then
 * nothing is allocated and no note added.
 */
int
export_draft(const struct draft *d, const char *format,
    const struct export_opts *opts, char **out, size_t *len,
    struct strvec *notes, char **cause)
{
	struct draft *safe = NULL;
	const struct draft *src = d;
	const struct formats *f;
	int which = export_find(format);

	if (which == -1) {
		*cause = xasprintf(_("unknown format '%s' (use text, markdown, "
		    "csv, yaml, json, xlsx or html)"), format);
		return -1;
	}
	if (opts->safe && (which == EXPORT_TEXT || which == EXPORT_MARKDOWN ||
	    which == EXPORT_CSV))
		src = safe = export_safe_copy(d);
	switch ((enum export_format)which) {
	case EXPORT_TEXT:
		if (opts->paged) {
			*out = export_paged(src, opts->notes, opts->width != 0 ?
			    opts->width : 80, len);
			break;
		}
		/* FALLTHROUGH */
	case EXPORT_MARKDOWN:
		*out = export_pages(src, which == EXPORT_MARKDOWN, opts->notes,
		    len);
		break;
	case EXPORT_CSV:
		*out = csv_export(src, opts->cp932,
		    (opts->replace ? CSV_REPLACE : 0) |
		    (opts->quote_all ? CSV_QUOTE_ALL : 0), len, notes, cause);
		break;
	case EXPORT_YAML:
	case EXPORT_JSON:
		*out = export_tree(src, which == EXPORT_JSON, opts->notes, len);
		break;
	case EXPORT_XLSX:
		*out = (f = formats_get(cause)) == NULL ? NULL :
		    f->export_xlsx(src, len, cause);
		break;
	case EXPORT_HTML:
		*out = export_html(src, len);
		break;
	}
	draft_free(safe);
	return *out == NULL ? -1 : 0;
}
