/*
 * ftype-yesno: an answer to "…の有無" or "…か否か": one of the answers
 * (default あり / なし), optionally followed by a separator and a detail,
 * as in "あり; 保存期間13ヶ月".  Choosing an answer in the editor gives
 * "<answer>; <detail>", keeping the detail of the answer it replaces; a
 * "; " left without a detail is dropped when the editing ends.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "xalloc.h"

static const char *const ftype_yesno_answers[] = { "あり", "なし", NULL };

/* Separators that may follow the answer before a detail. */
static const char *const ftype_yesno_seps[] = {
	";", ":", ",", " ", "\n", "；", "：", "、", "，", "　", "(", "（",
	NULL
};

/*
 * The last warning made and copies of the choices it names, so that a
 * warning is formatted once however many answers get it (a summary of a
 * thousand drafts gives tens of thousands); kept until a warning names
 * other choices.  fmt is the format, translated once: the translations do
 * not change after main has set the locale.
 */
static struct {
	const char	*fmt;
	char		*c0, *c1;
	char		*msg;
} ftype_yesno_last;

static enum ftype_verdict
ftype_yesno_check(const struct form_field *f, const char *value, char **msg)
{
	size_t i, k, n;
	const char *rest;

	for (i = 0; i < f->nchoices; i++) {
		n = strlen(f->choices[i]);
		if (strncmp(value, f->choices[i], n) != 0)
			continue;
		rest = value + n;
		if (*rest == '\0')
			return FTYPE_OK;
		for (k = 0; ftype_yesno_seps[k] != NULL; k++) {
			if (strncmp(rest, ftype_yesno_seps[k],
			    strlen(ftype_yesno_seps[k])) == 0)
				return FTYPE_OK;
		}
	}
	if (f->nchoices >= 2) {
		if (ftype_yesno_last.fmt == NULL)
			ftype_yesno_last.fmt = _("should start with %s or %s");
		if (ftype_yesno_last.msg == NULL ||
		    strcmp(ftype_yesno_last.c0, f->choices[0]) != 0 ||
		    strcmp(ftype_yesno_last.c1, f->choices[1]) != 0) {
			free(ftype_yesno_last.msg);
			free(ftype_yesno_last.c0);
			free(ftype_yesno_last.c1);
			ftype_yesno_last.msg = xasprintf(ftype_yesno_last.fmt,
			    f->choices[0], f->choices[1]);
			ftype_yesno_last.c0 = xstrdup(f->choices[0]);
			ftype_yesno_last.c1 = xstrdup(f->choices[1]);
		}
		*msg = xstrdup(ftype_yesno_last.msg);
	} else
		*msg = xstrdup(_("not one of the choices"));
	return FTYPE_WARN;
}

/* What follows the answer in old, without the separator after it. */
static const char *
ftype_yesno_detail(const struct form_field *f, const char *old)
{
	const char *detail;
	size_t i, n;

	for (i = 0; i < f->nchoices; i++) {
		n = strlen(f->choices[i]);
		if (strncmp(old, f->choices[i], n) != 0)
			continue;
		detail = old + n;
		detail += strspn(detail, ";:,; 　");
		if (strncmp(detail, "；", 3) == 0 ||
		    strncmp(detail, "：", 3) == 0)
			detail += 3;
		return detail;
	}
	return old;
}

static char *
ftype_yesno_compose(const struct form_field *f, const char *choice,
    const char *old)
{
	if (choice == NULL)
		return xstrdup(old != NULL ? old : "");
	return xasprintf("%s; %s", choice, old != NULL ?
	    ftype_yesno_detail(f, old) : "");
}

static char *
ftype_yesno_tidy(const struct form_field *f, const char *text)
{
	size_t len = strlen(text);

	(void)f;
	if (len >= 2 && strcmp(text + len - 2, "; ") == 0)
		return xstrndup(text, len - 2);
	return NULL;
}

const struct ftype ftype_yesno = {
	.name = "yesno",
	.multiline = 1,
	.wants_choices = 1,
	.default_choices = ftype_yesno_answers,
	.check = ftype_yesno_check,
	.compose = ftype_yesno_compose,
	.tidy = ftype_yesno_tidy,
};
