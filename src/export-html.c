/*
 * export-html: a draft as one self-contained HTML page that a browser
 * prints like the form.
 *
 * Data model: one <section> per form page, each starting a new A4 sheet
 * (CSS @page, break-before); in each, the title line "<title> <subtitle>
 * (n/N)", the header line (様式, サービス名称, 事業者名称), one table with
 * the published columns (【審査対象項目】 as No, 項目, 小項目; 【記述内容】;
 * 必須/選択; 申請内容) and a column 字数 with the count against the limit,
 * then the form's notes.  The column heading repeats on every printed
 * sheet (thead).  An item's number, category and name span its rows, as in
 * the printed form's merged cells; a shared limit spans them too.  An
 * unanswered 必須 or 必須○ field is marked 未記入 and shaded, an answer over
 * its limit shaded and its count marked.  Every string is escaped (& < > "
 * '), control characters in answers shown as text_safe shows them; there
 * is no script and nothing is loaded from elsewhere.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "export.h"
#include "form.h"
#include "text.h"
#include "xalloc.h"

static const char export_html_style[] =
	"@page { size: A4 portrait; margin: 8mm 8mm 8mm 8mm; }\n"
	"* { box-sizing: border-box; }\n"
	"body { margin: 0; font-family: \"Noto Sans CJK JP\", \"Noto Sans JP\","
	" sans-serif; font-size: 7pt; line-height: 1.25; color: #000; }\n"
	"section { break-before: page; page-break-before: always; }\n"
	"section:first-of-type { break-before: auto; "
	"page-break-before: auto; }\n"
	"h1 { font-size: 10pt; margin: 0 0 2mm 0; display: flex; "
	"justify-content: space-between; }\n"
	"p.header { margin: 0 0 2mm 0; }\n"
	"table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
	"th, td { border: 0.5pt solid #000; padding: 0.4mm 0.8mm; "
	"vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }\n"
	"th { background: #e8e8e8; font-weight: bold; text-align: center; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"td.sec { background: #f2f2f2; font-weight: bold; }\n"
	"td.mark, td.count, td.no { text-align: center; }\n"
	"td.missing { background: #fde2e2; }\n"
	"td.missing::before { content: \"未記入\"; color: #b00000; "
	"font-weight: bold; }\n"
	"td.over { background: #ffe4c4; }\n"
	"td.count.over { color: #b00000; font-weight: bold; }\n"
	"p.note { margin: 1.5mm 0 0 0; font-size: 7pt; }\n"
	"@media screen { section { max-width: 200mm; margin: 8mm auto; } }\n";

/* s with & < > " ' escaped. */
static void
export_html_text(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			fputc(*s, fp);
			break;
		}
	}
}

/* An answer: line breaks as LF, other control characters made visible. */
static void
export_html_answer(FILE *fp, const char *a)
{
	char *lf = xstrdup(a), *p, *safe;
	const char *s;

	for (s = a, p = lf; *s != '\0'; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		*p++ = *s == '\r' ? '\n' : *s;
	}
	*p = '\0';
	safe = text_safe(lf, 1);
	export_html_text(fp, safe);
	free(safe);
	free(lf);
}

static size_t
export_html_count(const char *a)
{
	return a != NULL ? text_count(a, strlen(a)) : 0;
}

/* The 字数 cell: "count/limit" (or the count), shaded when over. */
static void
export_html_count_cell(FILE *fp, size_t count, unsigned limit, size_t span)
{
	fputs("<td class=\"count", fp);
	if (limit != 0 && count > limit)
		fputs(" over", fp);
	fputc('"', fp);
	if (span > 1)
		fprintf(fp, " rowspan=\"%zu\"", span);
	if (limit != 0)
		fprintf(fp, ">%zu/%u</td>", count, limit);
	else
		fprintf(fp, ">%zu</td>", count);
}

/* One item's rows; cat says whether its category is shown. */
static void
export_html_item(FILE *fp, const struct draft *d, size_t i, int cat)
{
	const struct form *form = d->form;
	const struct form_item *item = &form->items[i];
	const struct form_field *f;
	const char *a;
	size_t r, n = item->nfields, shared = 0;
	int missing, over;

	for (r = 0; r < n; r++)
		shared += export_html_count(d->answers[item->first + r]);
	for (r = 0; r < n; r++) {
		f = &form->fields[item->first + r];
		a = d->answers[f->index];
		fputs("<tr>", fp);
		if (r == 0) {
			fprintf(fp, "<td class=\"no\" rowspan=\"%zu\">%u</td>"
			    "<td rowspan=\"%zu\">", n, item->no, n);
			if (cat && item->category != NULL)
				export_html_text(fp, item->category);
			fprintf(fp, "</td><td rowspan=\"%zu\">", n);
			export_html_text(fp, item->name);
			fputs("</td>", fp);
		}
		fputs("<td>", fp);
		export_html_text(fp, f->text);
		fputs("</td><td class=\"mark\">", fp);
		export_html_text(fp, form_mark_label(f->mark));
		missing = a == NULL && f->mark != FORM_OPTIONAL;
		over = item->limit != 0 ? shared > item->limit :
		    f->limit != 0 && export_html_count(a) > f->limit;
		fprintf(fp, "</td><td class=\"answer%s%s\">",
		    missing ? " missing" : "", over ? " over" : "");
		if (a != NULL)
			export_html_answer(fp, a);
		fputs("</td>", fp);
		if (item->limit != 0 && r == 0)
			export_html_count_cell(fp, shared, item->limit, n);
		else if (item->limit == 0)
			export_html_count_cell(fp, export_html_count(a),
			    f->limit, 1);
		fputs("</tr>\n", fp);
	}
}

static int
export_html_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Form page p (from 0) as a section. */
static void
export_html_page(FILE *fp, const struct draft *d, size_t p)
{
	const struct form *form = d->form;
	const struct form_item *item;
	const struct form_section *sec;
	const char *svc = NULL, *co = NULL;
	size_t i, first = form->pages[p], end = form_page_end(form, p);

	if (form->service != (size_t)-1)
		svc = d->answers[form->service];
	if (form->company != (size_t)-1)
		co = d->answers[form->company];
	fputs("<section>\n<h1><span>", fp);
	export_html_text(fp, form->title);
	if (form->subtitle != NULL) {
		fputc(' ', fp);
		export_html_text(fp, form->subtitle);
	}
	fprintf(fp, "</span><span>(%zu/%zu)</span></h1>\n<p class=\"header\">"
	    "様式:", p + 1, form->npages);
	export_html_text(fp, form->name);
	fputc(' ', fp);
	export_html_text(fp, form->edition);
	fputs(", サービス名称:", fp);
	export_html_answer(fp, svc != NULL ? svc : "");
	fputs(", 事業者名称:", fp);
	export_html_answer(fp, co != NULL ? co : "");
	fputs("</p>\n<table>\n<colgroup><col style=\"width:5%\">"
	    "<col style=\"width:10%\"><col style=\"width:12%\">"
	    "<col style=\"width:22%\"><col style=\"width:6%\">"
	    "<col style=\"width:38%\"><col style=\"width:7%\"></colgroup>\n"
	    "<thead><tr><th colspan=\"3\">【審査対象項目】</th>"
	    "<th>【記述内容】</th><th>必須/選択</th><th>申請内容</th>"
	    "<th>字数</th></tr></thead>\n<tbody>\n", fp);
	for (i = first; i < end; i++) {
		item = &form->items[i];
		sec = &form->sections[item->section];
		if (sec->first == i &&
		    !export_html_same(item->category, sec->title)) {
			fputs("<tr><td class=\"sec\" colspan=\"7\">- ", fp);
			export_html_text(fp, sec->title);
			fputs("</td></tr>\n", fp);
		}
		export_html_item(fp, d, i, i == first || sec->first == i ||
		    !export_html_same(item->category,
		    form->items[i - 1].category));
	}
	fputs("</tbody>\n</table>\n", fp);
	for (i = 0; i < form->nnotes; i++) {
		fputs("<p class=\"note\">", fp);
		export_html_text(fp, form->notes[i]);
		fputs("</p>\n", fp);
	}
	fputs("</section>\n", fp);
}

/* The page of d (see above), *len bytes; the caller frees it. */
char *
export_html(const struct draft *d, size_t *len)
{
	const struct form *form = d->form;
	char *buf;
	FILE *fp;
	size_t p;

	fp = xmemstream(&buf, len);
	fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", fp);
	export_html_text(fp, form->title);
	if (form->service != (size_t)-1 &&
	    d->answers[form->service] != NULL) {
		fputs(" — ", fp);
		export_html_answer(fp, d->answers[form->service]);
	}
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
	    export_html_style);
	for (p = 0; p < form->npages; p++)
		export_html_page(fp, d, p);
	fputs("</body>\n</html>\n", fp);
	xmemclose(fp);
	return buf;
}
