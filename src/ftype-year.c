/*
 * ftype-year: a Western-calendar (西暦) year of four digits, optionally
 * followed by 年 and a remark: 1981年, 1981, 1981年(昭和56年).
 */
#include "config.h"

#include <string.h>

#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

static enum ftype_verdict
ftype_year_check(const struct form_field *f, const char *value, char **msg)
{
	const char *s = value + text_space(value);
	int digit, n = 0;
	long y = 0;
	size_t len;

	(void)f;
	while ((len = text_digit(s, &digit)) != 0) {
		if (n < 4)	/* more digits are no year: only count them */
			y = y * 10 + digit;
		s += len;
		n++;
	}
	if (n == 4 && y >= 1000) {
		if (strncmp(s, "年", 3) == 0)
			s += 3;
		s += text_space(s);
		if (*s == '\0' || *s == '(' || strncmp(s, "（", 3) == 0)
			return FTYPE_OK;
	}
	if ((n > 0 && n < 4) || text_has_era(value))
		*msg = xstrdup(_("use the Western calendar (西暦): four "
		    "digits, e.g. 1981年"));
	else
		*msg = xstrdup(_("not a year such as 1981年"));
	return FTYPE_WARN;
}

const struct ftype ftype_year = {
	.name = "year",
	.multiline = 0,
	.formats = N_("a year in the Western calendar (西暦), four "
	    "digits, e.g. 1981年 or 1981"),
	.check = ftype_year_check,
};
