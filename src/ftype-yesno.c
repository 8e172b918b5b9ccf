/*
 * ftype-yesno: an answer to "…の有無" or "…か否か": one of the answers
 * (default あり / なし), optionally followed by a separator and a detail,
 * as in "あり; 保存期間13ヶ月".
 */
#include "config.h"

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
	if (f->nchoices >= 2)
		*msg = xasprintf(_("should start with %s or %s"),
		    f->choices[0], f->choices[1]);
	else
		*msg = xstrdup(_("not one of the choices"));
	return FTYPE_WARN;
}

const struct ftype ftype_yesno = {
	.name = "yesno",
	.multiline = 1,
	.wants_choices = 1,
	.default_choices = ftype_yesno_answers,
	.check = ftype_yesno_check,
};
