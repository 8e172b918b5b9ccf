/*
 * summary: reports.  A report counts, per page and section, the answered
 * fields of each mark, lists the findings by kind and ends with a verdict.
 * Text from forms and drafts goes through text_safe, so no control
 * character reaches a terminal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "summary.h"
#include "text.h"
#include "validate.h"
#include "xalloc.h"
#include "yemit.h"

struct summary_tally {
	size_t	answered[FORM_NMARKS];
	size_t	total[FORM_NMARKS];
};

struct summary_yaml {
	struct yemit	y;
};

static void
summary_safe(FILE *fp, const char *fmt, const char *s)
{
	char *safe = text_safe(s != NULL ? s : "", 0);

	fprintf(fp, fmt, safe);
	free(safe);
}

static void
summary_counts(FILE *fp, const struct summary_tally *t)
{
	char cell[32];
	int m;

	for (m = 0; m < FORM_NMARKS; m++) {
		snprintf(cell, sizeof cell, "%zu/%zu", t->answered[m],
		    t->total[m]);
		fprintf(fp, "%-9s", cell);
	}
}

/* One line per finding of kind, under a heading, if there are any. */
static void
summary_list(FILE *fp, const struct draft *d, const struct findings *fs,
    enum finding_kind kind, const char *heading)
{
	const struct form *form = d->form;
	const struct form_field *f;
	const struct form_item *item;
	size_t i, n = 0;
	char *text;

	for (i = 0; i < fs->n; i++)
		n += fs->v[i].kind == kind;
	if (n == 0)
		return;
	fprintf(fp, "\n");
	fprintf(fp, heading, n);
	fprintf(fp, "\n");
	for (i = 0; i < fs->n; i++) {
		if (fs->v[i].kind != kind)
			continue;
		f = &form->fields[fs->v[i].field];
		item = &form->items[f->item];
		if (fs->v[i].shared)
			fprintf(fp, "  %u.1-%u.%zu", item->no, item->no,
			    item->nfields);
		else
			fprintf(fp, "  %-6s", f->id);
		summary_safe(fp, " %s: ", item->name);
		switch (kind) {
		case FINDING_MISSING:
		case FINDING_MISSING_LEVEL:
			summary_safe(fp, "%s", f->text);
			break;
		case FINDING_OVER_LIMIT:
			text = validate_limit_text(form, fs->v[i].count,
			    fs->v[i].halves, fs->v[i].limit);
			fputs(text, fp);
			free(text);
			break;
		case FINDING_RENEW:
			summary_safe(fp, _("as in %s"), fs->v[i].message);
			break;
		case FINDING_NOT_CHOICE:
		case FINDING_FORMAT:
		case FINDING_NOTE:
			summary_safe(fp, "%s", fs->v[i].message);
			break;
		}
		fprintf(fp, "\n");
	}
}

/* The report for one draft (read from path) in text. */
void
summary_text(FILE *fp, const char *path, const struct draft *d,
    const struct findings *fs)
{
	const struct form *form = d->form;
	struct summary_tally t, all;
	size_t i, start, problems = 0, warnings = 0;
	int m;

	summary_safe(fp, _("Draft: %s"), path);
	fprintf(fp, "\n");
	summary_safe(fp, _("Form: %s"), form->title);
	fprintf(fp, ngettext(", %s edition (%s, %zu page)\n",
	    ", %s edition (%s, %zu pages)\n", form->npages), form->edition,
	    form->name, form->npages);
	if (form->service != (size_t)-1)
		summary_safe(fp, _("Service: %s\n"),
		    d->answers[form->service] != NULL ?
		    d->answers[form->service] : _("(not answered)"));
	if (form->company != (size_t)-1)
		summary_safe(fp, _("Company: %s\n"),
		    d->answers[form->company] != NULL ?
		    d->answers[form->company] : _("(not answered)"));

	fprintf(fp, "\n%s%*s", _("Page"), 7 - (int)text_width(_("Page")), "");
	for (m = 0; m < FORM_NMARKS; m++)
		fprintf(fp, "%s%*s", form_mark_label(m),
		    9 - (int)text_width(form_mark_label(m)), "");
	fprintf(fp, "%s\n", _("Section"));
	for (i = 0; i < form->nitems; i = start) {
		const struct form_item *item = &form->items[i];
		char page[32];

		start = i + 1;
		while (start < form->nitems &&
		    form->items[start].page == item->page &&
		    form->items[start].section == item->section)
			start++;
		validate_tally(d, i, start, t.answered, t.total);
		if (i == 0 || form->items[i - 1].page != item->page)
			snprintf(page, sizeof page, "%zu/%zu", item->page + 1,
			    form->npages);
		else
			page[0] = '\0';
		fprintf(fp, "%-7s", page);	/* ASCII */
		summary_counts(fp, &t);
		summary_safe(fp, "%s\n", form->sections[item->section].title);
	}

	summary_list(fp, d, fs, FINDING_MISSING,
	    _("Missing 必須 answers (%zu):"));
	summary_list(fp, d, fs, FINDING_MISSING_LEVEL,
	    _("Missing 必須○ answers (%zu):"));
	summary_list(fp, d, fs, FINDING_OVER_LIMIT,
	    _("Over the limit (%zu):"));
	summary_list(fp, d, fs, FINDING_NOT_CHOICE,
	    _("Not among the choices (%zu):"));
	summary_list(fp, d, fs, FINDING_RENEW,
	    _("To renew: change, or confirm unchanged (%zu):"));
	summary_list(fp, d, fs, FINDING_FORMAT, _("Warnings (%zu):"));
	summary_list(fp, d, fs, FINDING_NOTE, _("Open notes (%zu):"));

	validate_tally(d, 0, form->nitems, all.answered, all.total);
	for (i = 0; i < fs->n; i++) {
		if (validate_is_problem(&fs->v[i]))
			problems++;
		else
			warnings++;
	}
	fprintf(fp, "\n");
	fprintf(fp, _("Answered: 必須 %zu/%zu, 必須○ %zu/%zu, 選択 %zu/%zu\n"),
	    all.answered[FORM_MANDATORY], all.total[FORM_MANDATORY],
	    all.answered[FORM_MANDATORY_LEVEL], all.total[FORM_MANDATORY_LEVEL],
	    all.answered[FORM_OPTIONAL], all.total[FORM_OPTIONAL]);
	if (problems == 0)
		fprintf(fp, ngettext("Result: complete (%zu warning)\n",
		    "Result: complete (%zu warnings)\n", warnings), warnings);
	else {
		fprintf(fp, ngettext("Result: incomplete (%zu problem, ",
		    "Result: incomplete (%zu problems, ", problems), problems);
		fprintf(fp, ngettext("%zu warning)\n", "%zu warnings)\n",
		    warnings), warnings);
	}
}

/* Emit a scalar; text that is not UTF-8 (a file name) is made so first. */
static void
summary_scalar_style(struct summary_yaml *sy, const char *s,
    yaml_scalar_style_t style)
{
	char *safe = NULL;

	if (text_invalid(s, strlen(s)) != strlen(s))
		s = safe = text_safe(s, 1);
	yemit_scalar(&sy->y, s, style);
	free(safe);
}

static void
summary_scalar(struct summary_yaml *sy, const char *s)
{
	summary_scalar_style(sy, s, YAML_ANY_SCALAR_STYLE);
}

static void
summary_quoted(struct summary_yaml *sy, const char *s)
{
	summary_scalar_style(sy, s, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static void
summary_number(struct summary_yaml *sy, size_t n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", n);
	summary_scalar(sy, buf);
}

/* Begin a YAML report: a list with one entry per draft. */
struct summary_yaml *
summary_yaml_start(FILE *fp)
{
	struct summary_yaml *sy = xcalloc(1, sizeof *sy);

	yemit_start_direct(&sy->y, fp);
	yemit_open(&sy->y, 0);
	return sy;
}

/* Add one draft's entry; d is NULL and error set when it did not load. */
void
summary_yaml_add(struct summary_yaml *sy, const char *path,
    const struct draft *d, const struct findings *fs, const char *error)
{
	static const char *const marks[] = {
		"mandatory", "mandatory-level", "optional"
	};
	struct summary_tally all;
	const struct form *form;
	const struct finding *fi;
	const struct form_item *item;
	size_t i, j, problems = 0;
	int m;

	yemit_open(&sy->y, 1);
	summary_scalar(sy, "draft");
	summary_quoted(sy, path);
	if (d == NULL) {
		summary_scalar(sy, "error");
		summary_quoted(sy, error);
		yemit_close(&sy->y, 1);
		return;
	}
	form = d->form;
	for (i = 0; i < fs->n; i++)
		problems += validate_is_problem(&fs->v[i]);
	summary_scalar(sy, "form");
	summary_scalar(sy, form->name);
	summary_scalar(sy, "edition");
	summary_quoted(sy, form->edition);
	summary_scalar(sy, "service");
	summary_quoted(sy, form->service == (size_t)-1 ||
	    d->answers[form->service] == NULL ? "" : d->answers[form->service]);
	summary_scalar(sy, "company");
	summary_quoted(sy, form->company == (size_t)-1 ||
	    d->answers[form->company] == NULL ? "" : d->answers[form->company]);
	summary_scalar(sy, "complete");
	summary_scalar(sy, problems == 0 ? "true" : "false");
	validate_tally(d, 0, form->nitems, all.answered, all.total);
	summary_scalar(sy, "answered");
	yemit_open(&sy->y, 1);
	for (m = 0; m < FORM_NMARKS; m++) {
		summary_scalar(sy, marks[m]);
		yemit_open(&sy->y, 1);
		summary_scalar(sy, "answered");
		summary_number(sy, all.answered[m]);
		summary_scalar(sy, "total");
		summary_number(sy, all.total[m]);
		yemit_close(&sy->y, 1);
	}
	yemit_close(&sy->y, 1);
	summary_scalar(sy, "findings");
	yemit_open(&sy->y, 0);
	for (i = 0; i < fs->n; i++) {
		fi = &fs->v[i];
		yemit_open(&sy->y, 1);
		summary_scalar(sy, "id");
		summary_quoted(sy, form->fields[fi->field].id);
		summary_scalar(sy, "kind");
		summary_scalar(sy, validate_kind_name(fi->kind));
		if (fi->kind == FINDING_OVER_LIMIT) {
			summary_scalar(sy, "count");
			summary_number(sy, fi->count);
			summary_scalar(sy, "limit");
			summary_number(sy, fi->limit);
		}
		if (fi->shared) {
			item = &form->items[form->fields[fi->field].item];
			summary_scalar(sy, "fields");
			yemit_open(&sy->y, 0);
			for (j = item->first; j < item->first + item->nfields;
			    j++)
				summary_quoted(sy, form->fields[j].id);
			yemit_close(&sy->y, 0);
		}
		if (fi->message != NULL) {
			summary_scalar(sy, "message");
			summary_quoted(sy, fi->message);
		}
		yemit_close(&sy->y, 1);
	}
	yemit_close(&sy->y, 0);
	yemit_close(&sy->y, 1);
}

/* End the YAML report and free sy. */
void
summary_yaml_finish(struct summary_yaml *sy)
{
	yemit_close(&sy->y, 0);
	yemit_finish(&sy->y);
	free(sy);
}
