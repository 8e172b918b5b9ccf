/*
 * ftype-date: a Western-calendar (西暦) date: 2021/6/25, 2021-06-25 or
 * 2021年6月25日, with ASCII or full-width digits and separators
 * (２０２４／４／１), optionally followed by its day of the week
 * ("(月)", "（月曜日）"); the day must exist, and the day of the week
 * must be its own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "ftype.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* Parse 1 to max digits (ASCII or full-width) at *s; -1 if none or more. */
static long
ftype_date_num(const char **s, int max)
{
	long v = 0;
	int n = 0, digit;
	size_t len;

	while ((len = text_digit(*s, &digit)) != 0) {
		v = v * 10 + digit;
		*s += len;
		if (++n > max)
			return -1;
	}
	return n == 0 ? -1 : v;
}

static int
ftype_date_sep(const char **s, const char *const *seps)
{
	size_t i, n;

	for (i = 0; seps[i] != NULL; i++) {
		n = strlen(seps[i]);
		if (strncmp(*s, seps[i], n) == 0) {
			*s += n;
			return (int)i;
		}
	}
	return -1;
}

static int
ftype_date_valid(long y, long m, long d)
{
	static const int days[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return 1;
}

/* The day of the week of a valid date, 0 for Sunday (Zeller's rule). */
static int
ftype_date_weekday(long y, long m, long d)
{
	if (m < 3) {
		m += 12;
		y--;
	}
	return (int)((d + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400 +
	    6) % 7);
}

static const char *const ftype_date_days[] = {
	"日", "月", "火", "水", "木", "金", "土"
};
static const char *const ftype_date_names[] = {
	N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
	N_("Thursday"), N_("Friday"), N_("Saturday")
};

/*
 * Skip a day of the week in parentheses at *s ("(月)", "(月曜)",
 * "(月曜日)"): its number, or -1 when there is none (*s unchanged).
 */
static int
ftype_date_day(const char **s)
{
	const char *p = *s;
	int i;

	if (*p != '(')
		return -1;
	p++;
	for (i = 0; i < 7; i++) {
		if (strncmp(p, ftype_date_days[i], 3) == 0)
			break;
	}
	if (i == 7)
		return -1;
	p += 3;
	if (strncmp(p, "曜日", 6) == 0)
		p += 6;
	else if (strncmp(p, "曜", 3) == 0)
		p += 3;
	if (*p != ')')
		return -1;
	*s = p + 1;
	return i;
}

static enum ftype_verdict	ftype_date_check_folded(const struct form_field *,
			    const char *, char **);

/* Check value, full-width ASCII read as ASCII (text_fold). */
static enum ftype_verdict
ftype_date_check(const struct form_field *f, const char *value, char **msg)
{
	enum ftype_verdict v;
	char *folded = text_fold(value);

	v = ftype_date_check_folded(f, folded, msg);
	free(folded);
	return v;
}

static enum ftype_verdict
ftype_date_check_folded(const struct form_field *f, const char *value,
    char **msg)
{
	static const char *const seps[] = { "/", "-", ".", "年", NULL };
	const char *s = value;
	long y, m, d;
	int sep, day = -1;

	(void)f;
	s += text_space(s);
	if ((y = ftype_date_num(&s, 4)) < 0 || y < 1000 ||
	    (sep = ftype_date_sep(&s, seps)) < 0 ||
	    (m = ftype_date_num(&s, 2)) < 0)
		goto bad;
	if (sep == 3 ? strncmp(s, "月", 3) != 0 : strncmp(s, seps[sep],
	    strlen(seps[sep])) != 0)
		goto bad;
	s += sep == 3 ? 3 : strlen(seps[sep]);
	if ((d = ftype_date_num(&s, 2)) < 0)
		goto bad;
	if (sep == 3) {
		if (strncmp(s, "日", 3) != 0)
			goto bad;
		s += 3;
	}
	s += text_space(s);
	if (*s == '(') {
		if ((day = ftype_date_day(&s)) < 0)
			goto bad;
		s += text_space(s);
	}
	if (*s != '\0')
		goto bad;
	if (!ftype_date_valid(y, m, d)) {
		*msg = xasprintf(_("%ld/%ld/%ld is not a valid date"), y, m, d);
		return FTYPE_WARN;
	}
	if (day >= 0 && day != ftype_date_weekday(y, m, d)) {
		*msg = xasprintf(_("%ld/%ld/%ld is a %s, not a %s"), y, m, d,
		    _(ftype_date_names[ftype_date_weekday(y, m, d)]),
		    _(ftype_date_names[day]));
		return FTYPE_WARN;
	}
	return FTYPE_OK;

bad:
	if (text_has_era(value)) {
		*msg = xstrdup(_("use the Western calendar (西暦), e.g. "
		    "2021/6/25"));
		return FTYPE_WARN;
	}
	*msg = xstrdup(_("not a date such as 2021/6/25"));
	return FTYPE_WARN;
}

const struct ftype ftype_date = {
	.name = "date",
	.multiline = 0,
	.formats = N_("a date in the Western calendar (西暦), e.g. "
	    "2021/6/25, 2021-06-25 or 2021年6月25日"),
	.check = ftype_date_check,
};
