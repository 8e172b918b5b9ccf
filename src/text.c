/*
 * text: UTF-8 decoding, the 字 count and terminal-safe copies.
 *
 * The counting rule (documented in kaiji-forms(5)): one Unicode code point
 * is one 字, full-width and half-width alike; line breaks (LF and CR) are
 * not counted; a combining mark is a code point of its own and counts as 1.
 * Change the rule here and nowhere else.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

/*
 * Decode one UTF-8 sequence at s (len > 0 bytes available).  Returns its
 * length and stores the code point, or returns 0 when the bytes are not
 * well-formed UTF-8 (overlong forms, surrogates and values past U+10FFFF are
 * rejected).
 */
size_t
text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t n, i;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3;
		c = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4;
		c = u[0] & 0x07;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	if (c >= 0xd800 && c <= 0xdfff)
		return 0;
	*cp = c;
	return n;
}

/* Write cp as UTF-8 into buf (room for 4 bytes); return the length. */
size_t
text_encode(uint32_t cp, char *buf)
{
	unsigned char *u = (unsigned char *)buf;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xc0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xe0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	u[0] = (unsigned char)(0xf0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	u[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Return the offset of the first byte that is not valid UTF-8, or len.
 * (The same rules as text_decode, inline: this runs over whole files.)
 */
size_t
text_invalid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	unsigned c;

	while (i < len) {
		c = u[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			if (i + 1 >= len || (u[i + 1] & 0xc0) != 0x80)
				return i;
			i += 2;
		} else if (c >= 0xe0 && c <= 0xef) {
			if (i + 2 >= len || (u[i + 1] & 0xc0) != 0x80 ||
			    (u[i + 2] & 0xc0) != 0x80 ||
			    (c == 0xe0 && u[i + 1] < 0xa0) ||	/* overlong */
			    (c == 0xed && u[i + 1] >= 0xa0))	/* surrogate */
				return i;
			i += 3;
		} else if (c >= 0xf0 && c <= 0xf4) {
			if (i + 3 >= len || (u[i + 1] & 0xc0) != 0x80 ||
			    (u[i + 2] & 0xc0) != 0x80 ||
			    (u[i + 3] & 0xc0) != 0x80 ||
			    (c == 0xf0 && u[i + 1] < 0x90) ||	/* overlong */
			    (c == 0xf4 && u[i + 1] >= 0x90))	/* > U+10FFFF */
				return i;
			i += 4;
		} else
			return i;
	}
	return len;
}

/*
 * Count the 字 of s (len bytes): code points other than LF and CR.  A byte
 * that is not valid UTF-8 counts as one, so a count is always defined.
 */
size_t
text_count(const char *s, size_t len)
{
	size_t off = 0, count = 0, n;
	uint32_t cp;

	while (off < len) {
		unsigned char c = (unsigned char)s[off];

		if (c < 0x80) {
			if (c != '\n' && c != '\r')
				count++;
			off++;
			continue;
		}
		n = text_decode(s + off, len - off, &cp);
		off += n == 0 ? 1 : n;
		count++;
	}
	return count;
}

/*
 * Return a copy of s that is safe to write to a terminal: C0 and C1 control
 * characters and DEL become visible placeholders (^[ , <U+009B>); a line
 * feed is kept when keep_lf is set, else shown as ^J.  Invalid bytes become
 * <0xNN>.  The caller frees the result.
 */
char *
text_safe(const char *s, int keep_lf)
{
	size_t len = strlen(s), off = 0, n;
	char *out, *p;
	uint32_t cp;

	out = p = xmalloc(len * 8 + 1);
	while (off < len) {
		unsigned char c = (unsigned char)s[off];

		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && !(c == '\n' && keep_lf)) ||
			    c == 0x7f) {
				*p++ = '^';
				*p++ = c == 0x7f ? '?' : (char)(c + 0x40);
			} else
				*p++ = (char)c;
			off++;
			continue;
		}
		n = text_decode(s + off, len - off, &cp);
		if (n == 0) {
			p += sprintf(p, "<0x%02X>", c);
			off++;
		} else if (cp >= 0x80 && cp <= 0x9f) {
			p += sprintf(p, "<U+%04X>", (unsigned)cp);
			off += n;
		} else {
			memcpy(p, s + off, n);
			p += n;
			off += n;
		}
	}
	*p = '\0';
	return out;
}

/*
 * If s starts with a decimal digit, ASCII or full-width (０-９), store its
 * value and return its length in bytes; else return 0.
 */
size_t
text_digit(const char *s, int *value)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] >= '0' && u[0] <= '9') {
		*value = u[0] - '0';
		return 1;
	}
	if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99) {
		*value = u[2] - 0x90;
		return 3;
	}
	return 0;
}

/* Return the length of the run of spaces (ASCII or 　) at the start of s. */
size_t
text_space(const char *s)
{
	size_t n = 0;

	for (;;) {
		if (s[n] == ' ' || s[n] == '\t')
			n++;
		else if (strncmp(s + n, "\xe3\x80\x80", 3) == 0)
			n += 3;
		else
			return n;
	}
}

/* Code point ranges that a terminal shows two columns wide. */
static const uint32_t text_wide[][2] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x2614, 0x2615 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff },
	{ 0xa000, 0xa4cf }, { 0xa960, 0xa97f }, { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfaff }, { 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
	{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

/* Code point ranges shown with no width (combining marks, joiners). */
static const uint32_t text_zero[][2] = {
	{ 0x0300, 0x036f }, { 0x200b, 0x200f }, { 0x20d0, 0x20ff },
	{ 0x3099, 0x309a }, { 0xfe00, 0xfe0f }, { 0xe0100, 0xe01ef },
};

/*
 * Whether cp is in one of the n ranges of table ({ first, last } pairs,
 * sorted and not overlapping): a binary search.
 */
int
text_in_ranges(const uint32_t (*table)[2], size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < table[mid][0])
			hi = mid;
		else if (cp > table[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/*
 * Columns a terminal gives the code point: 2 for East Asian wide and
 * full-width characters, 0 for combining marks, 1 otherwise.  Control
 * characters are never written raw (see text_safe), so they are 1 here.
 */
int
text_cpwidth(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	/* the common Japanese ranges, before any search */
	if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3041 && cp <= 0x3096) ||
	    (cp >= 0x30a1 && cp <= 0x30ff) || (cp >= 0xff01 && cp <= 0xff60) ||
	    (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3030 && cp <= 0x303e))
		return 2;
	if (text_in_ranges(text_zero, sizeof text_zero / sizeof text_zero[0],
	    cp))
		return 0;
	if (text_in_ranges(text_wide, sizeof text_wide / sizeof text_wide[0],
	    cp))
		return 2;
	return 1;
}

/*
 * Columns cp takes on a screen that never shows a control character raw:
 * none for LF (it ends a line), 2 for the "^X" of other C0 controls and
 * DEL, 8 for the "<U+0085>" of C1 controls, else text_cpwidth.  A tab is
 * a control like the others.
 */
int
text_safe_width(uint32_t cp)
{
	if (cp == '\n')
		return 0;
	if (cp < 0x20 || cp == 0x7f)
		return 2;
	if (cp >= 0x80 && cp <= 0x9f)
		return 8;
	return text_cpwidth(cp);
}

/* Columns of a (terminal-safe) string. */
size_t
text_width(const char *s)
{
	size_t len = strlen(s), off = 0, n, w = 0;
	uint32_t cp;

	while (off < len) {
		n = text_decode(s + off, len - off, &cp);
		if (n == 0) {
			n = 1;
			cp = '?';
		}
		w += (size_t)text_cpwidth(cp);
		off += n;
	}
	return w;
}

/* Whether s names a Japanese era (令和, 平成, 昭和, 大正, 明治). */
int
text_has_era(const char *s)
{
	static const char *const eras[] = {
		"令和", "平成", "昭和", "大正", "明治", NULL
	};
	size_t i;

	for (i = 0; eras[i] != NULL; i++) {
		if (strstr(s, eras[i]) != NULL)
			return 1;
	}
	return 0;
}

/*
 * The input guard: the first reason why buf (len bytes) is not text kaiji
 * reads, with its byte offset in *off: a UTF-16 or UTF-32 byte order mark
 * (at 0), else the first NUL byte or byte that is not valid UTF-8,
 * whichever comes first; TEXT_OK when there is none.
 */
enum text_flaw
text_guard(const char *buf, size_t len, size_t *off)
{
	const unsigned char *u = (const unsigned char *)buf;
	const char *nul;
	size_t bad;

	*off = 0;
	if (len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
	    (u[0] == 0xff && u[1] == 0xfe)))
		return TEXT_WIDE_BOM;
	bad = text_invalid(buf, len);
	if ((nul = memchr(buf, '\0', bad)) != NULL) {
		*off = (size_t)(nul - buf);
		return TEXT_NUL;
	}
	if (bad == len)
		return TEXT_OK;
	*off = bad;
	return TEXT_INVALID;
}

/*
 * The line (from 1) of byte off of buf (len bytes), lines ending in LF,
 * CR LF or CR; with col, also the column there, in characters from 1.
 */
size_t
text_line(const char *buf, size_t len, size_t off, size_t *col)
{
	size_t i, line = 1, start = 0;

	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 == len ||
		    buf[i + 1] != '\n'))) {
			line++;
			start = i + 1;
		}
	}
	if (col != NULL)
		*col = text_count(buf + start, off - start) + 1;
	return line;
}

/*
 * The code points of s (len bytes), each invalid byte as U+FFFD, with
 * their number in *np.  The caller frees the result (never NULL).
 */
uint32_t *
text_cps(const char *s, size_t len, size_t *np)
{
	uint32_t *cps, cp;
	size_t off = 0, n = 0, k;

	cps = xreallocarray(NULL, len + 1, sizeof *cps);
	while (off < len) {
		if ((k = text_decode(s + off, len - off, &cp)) == 0) {
			cp = 0xfffd;
			k = 1;
		}
		cps[n++] = cp;
		off += k;
	}
	*np = n;
	return cps;
}
