/*
 * ftype-yen: an amount in yen.  The answer must contain a number, and
 * every number written with digit-group separators (, or ，) must be
 * grouped by three: ¥57,054,000,000 is right, ¥100,000,00 is not.
 */
#include "config.h"

#include <string.h>

#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* Length of a group separator at s, or 0. */
static size_t
ftype_yen_comma(const char *s)
{
	if (*s == ',')
		return 1;
	if (strncmp(s, "，", 3) == 0)
		return 3;
	return 0;
}

static enum ftype_verdict
ftype_yen_check(const struct form_field *f, const char *value, char **msg)
{
	const char *s = value, *start;
	int digit, group, first = 0, ngroups, seen = 0, bad;
	size_t len, clen;

	(void)f;
	while (*s != '\0') {
		if (text_digit(s, &digit) == 0) {
			s++;
			continue;
		}
		/* a number: digit groups separated by commas */
		start = s;
		seen = 1;
		ngroups = 0;
		bad = 0;
		for (;;) {
			group = 0;
			while ((len = text_digit(s, &digit)) != 0) {
				s += len;
				group++;
			}
			if (ngroups == 0)
				first = group;
			else if (group != 3)
				bad = 1;
			ngroups++;
			clen = ftype_yen_comma(s);
			if (clen == 0 || text_digit(s + clen, &digit) == 0)
				break;
			s += clen;
		}
		if (ngroups > 1 && first > 3)
			bad = 1;
		if (bad) {
			*msg = xasprintf(_("'%.*s' is not grouped by three "
			    "digits"), (int)(s - start), start);
			return FTYPE_WARN;
		}
		if (*s == '.') {	/* decimals */
			s++;
			while ((len = text_digit(s, &digit)) != 0)
				s += len;
		}
	}
	if (!seen) {
		*msg = xstrdup(_("no amount (e.g. ¥100,000,000)"));
		return FTYPE_WARN;
	}
	return FTYPE_OK;
}

const struct ftype ftype_yen = {
	.name = "yen",
	.multiline = 0,
	.formats = N_("an amount in yen, digits grouped by three, e.g. "
	    "¥57,054,000,000 or 570億5400万円"),
	.check = ftype_yen_check,
};
