/*
 * ftype-choice: a closed list; the answer is exactly one of the choices.
 */
#include "config.h"

#include <string.h>

#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "xalloc.h"

static enum ftype_verdict
ftype_choice_check(const struct form_field *f, const char *value, char **msg)
{
	size_t i;

	for (i = 0; i < f->nchoices; i++) {
		if (strcmp(value, f->choices[i]) == 0)
			return FTYPE_OK;
	}
	*msg = xstrdup(_("not one of the choices"));
	return FTYPE_NOT_CHOICE;
}

const struct ftype ftype_choice = {
	.name = "choice",
	.multiline = 0,
	.wants_choices = 2,
	.check = ftype_choice_check,
};
