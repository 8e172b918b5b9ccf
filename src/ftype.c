/*
 * ftype: the table of field types.
 */
#include "config.h"

#include <string.h>

#include "ftype.h"

static const struct ftype *const ftype_table[] = {
	&ftype_text,
	&ftype_choice,
	&ftype_yesno,
	&ftype_date,
	&ftype_year,
	&ftype_yen,
};

/* Return the type called name, or NULL. */
const struct ftype *
ftype_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof ftype_table / sizeof ftype_table[0]; i++) {
		if (strcmp(ftype_table[i]->name, name) == 0)
			return ftype_table[i];
	}
	return NULL;
}
