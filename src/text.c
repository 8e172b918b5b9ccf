/*
 * text: UTF-8 decoding, the 字 count and terminal-safe copies.
 *
 * The counting rule (documented in kaiji-forms(5)): one Unicode code point
 * is one 字, full-width and half-width alike; line breaks (LF and CR) are
 * not counted; a combining mark is a code point of its own and counts as 1.
 * Text is stored in NFC (text_nfc, on every way in: draft_set, pastes,
 * typing), so a mark that composes with its base (カ and U+3099 from a
 * Mac) is one character, ガ, and counts 1.
 * A form may choose 全角換算 instead (text_halves): half-width characters
 * (ASCII and the half-width forms) count as half.  Change the rules here
 * and nowhere else.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <wchar.h>

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
 * The 全角換算 count of code point cp in halves: 1 for a half-width
 * character (U+0020..U+007E, the half-width forms U+FF61..U+FFDC and
 * U+FFE8..U+FFEE), 0 for LF and CR, 2 for any other.
 */
size_t
text_cp_halves(uint32_t cp)
{
	if (cp == '\n' || cp == '\r')
		return 0;
	return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xff61 && cp <= 0xffdc) ||
	    (cp >= 0xffe8 && cp <= 0xffee) ? 1 : 2;
}

/*
 * The 全角換算 count of s (len bytes) in halves, text_cp_halves of each
 * code point (an invalid byte counts 2).  Half of it is the figure shown
 * (97.5字).
 */
size_t
text_halves(const char *s, size_t len)
{
	size_t off = 0, halves = 0, n;
	uint32_t cp;

	while (off < len) {
		unsigned char c = (unsigned char)s[off];

		if (c < 0x80) {
			halves += text_cp_halves(c);
			off++;
			continue;
		}
		n = text_decode(s + off, len - off, &cp);
		off += n == 0 ? 1 : n;
		halves += n != 0 ? text_cp_halves(cp) : 2;
	}
	return halves;
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
 * Whether cp hides itself or changes what is around it: a bidirectional
 * control, a zero-width character or joiner, a BOM, a combining mark (so
 * that a decomposed name is told from its composed twin).
 */
static int
text_hidden(uint32_t cp)
{
	static const uint32_t hidden[][2] = {
		{ 0x0300, 0x036f }, { 0x061c, 0x061c }, { 0x1ab0, 0x1aff },
		{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
		{ 0x2060, 0x2069 }, { 0x20d0, 0x20ff }, { 0x3099, 0x309a },
		{ 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
	};

	return text_in_ranges(hidden, sizeof hidden / sizeof hidden[0], cp);
}

static char *
text_safe_how(const char *s, int keep_lf, int names);

/*
 * Return a copy of s that is safe to write to a terminal: C0 and C1 control
 * characters and DEL become visible placeholders (^[ , <U+009B>); a line
 * feed is kept when keep_lf is set, else shown as ^J.  Invalid bytes become
 * <0xNN>.  The caller frees the result.
 */
char *
text_safe(const char *s, int keep_lf)
{
	return text_safe_how(s, keep_lf, 0);
}

/*
 * A file name as text_safe shows it (line feeds as ^J), with what could
 * make it look like another name (text_hidden) shown as <U+XXXX> too, so
 * that two names that differ never look the same.  The caller frees it.
 */
char *
text_safe_name(const char *s)
{
	return text_safe_how(s, 0, 1);
}

/* text_safe, and with names also the text_hidden code points shown. */
static char *
text_safe_how(const char *s, int keep_lf, int names)
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
		} else if ((cp >= 0x80 && cp <= 0x9f) ||
		    (names && text_hidden(cp))) {
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

/*
 * text_zero, text_wide, text_ambiguous, text_lookalikes: generated from
 * Unicode data.
 */
#include "text-width.h"

#define TEXT_NRANGES(t)	(sizeof (t) / sizeof (t)[0])

/*
 * The columns of an East Asian Ambiguous character (○ ■ ─ ※ ① °): 1, or
 * 2 in a terminal that draws them wide.  Set once at start-up, before
 * anything is measured (text_set_ambiguous).
 */
static int text_ambiguous_cols = 1;

/* Measure East Asian Ambiguous characters as cols (1 or 2) columns. */
void
text_set_ambiguous(int cols)
{
	text_ambiguous_cols = cols == 2 ? 2 : 1;
}

/* The columns of an East Asian Ambiguous character now: 1 or 2. */
int
text_ambiguous_width(void)
{
	return text_ambiguous_cols;
}

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
 * full-width characters (and Ambiguous ones when text_set_ambiguous(2)),
 * 0 for combining marks and format characters, 1 otherwise.  Control
 * characters are never written raw (see text_safe), so they are 1 here.
 * This is the one width of kaiji: curses measures with it too (wcwidth
 * below).
 */
int
text_cpwidth(uint32_t cp)
{
	if (cp < 0xa1)
		return 1;
	/* the common Japanese ranges, before any search */
	if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3041 && cp <= 0x3096) ||
	    (cp >= 0x30a1 && cp <= 0x30ff) || (cp >= 0xff01 && cp <= 0xff60) ||
	    (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3030 && cp <= 0x303e))
		return 2;
	if (text_in_ranges(text_zero, TEXT_NRANGES(text_zero), cp))
		return 0;
	if (text_in_ranges(text_wide, TEXT_NRANGES(text_wide), cp))
		return 2;
	if (text_ambiguous_cols == 2 && text_in_ranges(text_ambiguous,
	    TEXT_NRANGES(text_ambiguous), cp))
		return 2;
	return 1;
}

/*
 * The ordinary character that cp only looks like (a Kangxi radical or a
 * CJK compatibility ideograph: ⼈ U+2F08 for 人), or 0 when cp is not one.
 */
uint32_t
text_lookalike(uint32_t cp)
{
	size_t lo = 0, hi = TEXT_NRANGES(text_lookalikes), mid;

	if (cp < 0x2e80)
		return 0;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cp < text_lookalikes[mid][0])
			hi = mid;
		else if (cp > text_lookalikes[mid][0])
			lo = mid + 1;
		else
			return text_lookalikes[mid][1];
	}
	return 0;
}

/*
 * Whether cp is inert under NFC: NFC leaves it as it is whatever surrounds
 * it, and it never combines with what comes before it (NFC_Quick_Check
 * Yes, canonical combining class 0).  NFC can change text only at the
 * characters that are not inert and the one before each.
 */
int
text_nfc_inert(uint32_t cp)
{
	if (cp < 0x300 || (cp >= 0x3041 && cp <= 0x3096) ||
	    (cp >= 0x30a1 && cp <= 0x30fa) || (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0xff01 && cp <= 0xffef))
		return 1;
	return !text_in_ranges(text_nfc_maybe, TEXT_NRANGES(text_nfc_maybe),
	    cp);
}

/*
 * The UTF-8 of s (len bytes) in the normalization form nf, in a new
 * NUL-terminated string with its length in *outlen, or NULL when s is not
 * valid UTF-8.  The caller frees it.
 */
static char *
text_normalize(uninorm_t nf, const char *s, size_t len, size_t *outlen)
{
	uint8_t *r;
	size_t rlen = 0;

	r = u8_normalize(nf, (const uint8_t *)s, len, NULL, &rlen);
	if (r == NULL) {
		if (errno == ENOMEM)
			xfatal("out of memory");
		return NULL;
	}
	r = xrealloc(r, rlen + 1);
	r[rlen] = '\0';
	*outlen = rlen;
	return (char *)r;
}

/*
 * s (len bytes of UTF-8) in Unicode Normalization Form C, the form kaiji
 * stores text in (ガ as one character, not カ and a combining mark), with
 * its length in *outlen; NULL when s is in NFC already or is not valid
 * UTF-8.  The common case (ASCII, kana, kanji, full-width forms) is told
 * by a look at the bytes, without a copy: only bytes that can start a
 * character that is not inert (text_nfc_inert) are decoded.  The caller
 * frees the result.
 */
char *
text_nfc(const char *s, size_t len, size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t off = 0, n;
	unsigned b, b1, b2;
	uint32_t cp;
	char *out;

	while (off < len) {
		b = u[off];
		/* ASCII, continuation bytes, U+0080-02FF */
		if (b < 0xcc) {
			off++;
			continue;
		}
		/* U+4000-9FFF */
		if (b >= 0xe4 && b <= 0xe9) {
			off += 3;
			continue;
		}
		/* U+3000-3FFF but U+302A-302F and U+3099-309A */
		if (b == 0xe3 && len - off >= 3) {
			b1 = u[off + 1];
			b2 = u[off + 2];
			if ((b1 == 0x80 && (b2 < 0xaa || b2 > 0xaf)) ||
			    b1 == 0x81 || (b1 == 0x82 && b2 != 0x99 &&
			    b2 != 0x9a) || b1 >= 0x83) {
				off += 3;
				continue;
			}
		}
		/* U+FF00-FFFF */
		if (b == 0xef && len - off >= 3 && u[off + 1] >= 0xbc) {
			off += 3;
			continue;
		}
		if ((n = text_decode(s + off, len - off, &cp)) == 0)
			return NULL;
		if (!text_nfc_inert(cp))
			break;
		off += n;
	}
	if (off >= len)
		return NULL;
	if ((out = text_normalize(UNINORM_NFC, s, len, outlen)) != NULL &&
	    (*outlen != len || memcmp(out, s, len) != 0))
		return out;
	free(out);
	return NULL;
}

/*
 * Whether s (len bytes) may hold what a decomposing system writes (macOS
 * file names and text copied from them): a combining mark of U+0300-033F
 * (the accents of Latin letters) or U+3099-309A (the voiced sound marks
 * of kana).  Cheaper than
 * text_nfc by far (memchr for the bytes that start them), for whole
 * files, where text_nfc then finds and does what is needed.
 */
int
text_nfd_marks(const char *s, size_t len)
{
	const unsigned char *b = (const unsigned char *)s, *p, *end = b + len;
	unsigned char c;

	if (memchr(s, 0xcc, len) != NULL)	/* U+0300-033F */
		return 1;
	for (c = 0x99; c <= 0x9a; c++) {
		for (p = b + 2; p < end && (p = memchr(p, c,
		    (size_t)(end - p))) != NULL; p++) {
			if (p[-1] == 0x82 && p[-2] == 0xe3)
				return 1;
		}
	}
	return 0;
}

/*
 * The n code points cps in NFC, with their number in *np: the same as
 * text_nfc, for code points.  The caller frees the result (never NULL).
 */
uint32_t *
text_nfc_cps(const uint32_t *cps, size_t n, size_t *np)
{
	uint32_t *r;
	size_t rn = 0;

	if (n == 0) {
		*np = 0;
		return xmalloc(sizeof *r);
	}
	if ((r = u32_normalize(UNINORM_NFC, cps, n, NULL, &rn)) == NULL) {
		if (errno == ENOMEM)
			xfatal("out of memory");
		/* not Unicode scalar values: as they are */
		r = xreallocarray(NULL, n, sizeof *r);
		memcpy(r, cps, n * sizeof *r);
		rn = n;
	}
	*np = rn;
	return r;
}

/*
 * s in Normalization Form KC (⼈ as 人, ㋿ as 令和, ⑴ as (1)), or NULL
 * when s is not valid UTF-8.  The caller frees the result.
 */
char *
text_nfkc(const char *s)
{
	size_t len;

	return text_normalize(UNINORM_NFKC, s, strlen(s), &len);
}

/*
 * Characters CP932 has only in a canonically equivalent form, which NFC
 * (text is stored NFC) never gives: an export writes that form without a
 * note, as the same character, and import's NFC reads it back as this one.
 */
static const uint32_t text_cp932_canons[][2] = {
	{ 0x00c5, 0x212b },	/* Å -> ANGSTROM SIGN (0x81F0) */
	{ 0x51de, 0xfa15 },	/* 凞 -> CJK COMPATIBILITY IDEOGRAPH-FA15 */
	{ 0x8612, 0xfa20 },	/* 蘒 -> CJK COMPATIBILITY IDEOGRAPH-FA20 */
};

/* Characters CP932 lacks, written as CP932's form of the same JIS character. */
static const uint32_t text_cp932_folds[][2] = {
	{ 0x005c, 0xff3c },	/* \ REVERSE SOLIDUS -> ＼ (0x5C is ¥) */
	{ 0x00a2, 0xffe0 },	/* ¢ -> ￠ */
	{ 0x00a3, 0xffe1 },	/* £ -> ￡ */
	{ 0x00a6, 0xffe4 },	/* ¦ -> ￤ */
	{ 0x00ac, 0xffe2 },	/* ¬ -> ￢ */
	{ 0x2014, 0x2015 },	/* — EM DASH -> ― HORIZONTAL BAR */
	{ 0x2016, 0x2225 },	/* ‖ DOUBLE VERTICAL LINE -> ∥ */
	{ 0x203e, 0xffe3 },	/* ‾ OVERLINE -> ￣ */
	{ 0x2212, 0xff0d },	/* − MINUS SIGN -> － */
	{ 0x301c, 0xff5e },	/* 〜 WAVE DASH -> ～ */
};

/*
 * The character a CP932 export writes for cp, which CP932 lacks (the same
 * JIS character in CP932's form: 〜 as ～), or 0 if none.
 */
uint32_t
text_cp932_fold(uint32_t cp)
{
	size_t i;

	for (i = 0; i < TEXT_NRANGES(text_cp932_folds); i++) {
		if (text_cp932_folds[i][0] == cp)
			return text_cp932_folds[i][1];
	}
	return 0;
}

/* The equivalent form CP932 has of cp (text_cp932_canons), or 0 if none. */
uint32_t
text_cp932_canon(uint32_t cp)
{
	size_t i;

	for (i = 0; i < TEXT_NRANGES(text_cp932_canons); i++) {
		if (text_cp932_canons[i][0] == cp)
			return text_cp932_canons[i][1];
	}
	return 0;
}

/*
 * Whether a CP932 export holds cp: as its CP932 bytes (the table is
 * generated from them; tests/test-text.c checks it against iconv), in its
 * equivalent form (text_cp932_canon), or folded (text_cp932_fold).
 */
int
text_cp932_holds(uint32_t cp)
{
	if (cp < 0x10000 && (text_cp932[cp >> 6] >> (cp & 63) & 1))
		return 1;
	return text_cp932_canon(cp) != 0 || text_cp932_fold(cp) != 0;
}

/*
 * How many characters of s (len bytes of UTF-8) a CP932 export cannot
 * hold (text_cp932_holds), leaving out the look-alikes (text_lookalike),
 * which have a warning of their own; the first of them in *first.  One
 * table look-up a character: this runs over every answer of a summary.
 */
size_t
text_cp932_lacks(const char *s, size_t len, uint32_t *first)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	const unsigned char *end3 = len >= 3 ? end - 2 : p;
	size_t n = 0, k;
	uint32_t cp;
	unsigned c;

	while (p < end) {
		/* runs of 3-byte characters (kana, kanji): the word of cp >> 6
		   from the first two bytes, the bit from the third */
		while (p < end3 && (c = *p - 0xe0u) < 0x10 &&
		    text_cp932[c << 6 | (p[1] & 0x3fu)] >> (p[2] & 63) & 1)
			p += 3;
		if (p == end)
			break;
		if (*p < 0x80) {
			p++;		/* \ too: folded */
			continue;
		}
		if ((k = text_decode((const char *)p, (size_t)(end - p),
		    &cp)) == 0) {
			p++;		/* not UTF-8: not in a draft */
			continue;
		}
		p += k;
		if (text_cp932_holds(cp) || text_lookalike(cp) != 0)
			continue;
		if (n++ == 0)
			*first = cp;
	}
	return n;
}

/*
 * wcwidth and wcswidth for the whole program: these definitions take the
 * place of the C library's (the dynamic linker binds the calls of
 * libncursesw to the program's own symbols, as the wcwidth-cjk preload
 * does), so that curses places characters by kaiji's width, ambiguous
 * width included.  POSIX: 0 for L'\0', -1 for a control character or a
 * value that is not a character.
 */
int
wcwidth(wchar_t wc)
{
	if (wc == 0)
		return 0;
	if (wc < 0x20 || (wc >= 0x7f && wc < 0xa0) || wc > 0x10ffff ||
	    (wc >= 0xd800 && wc <= 0xdfff))
		return -1;
	return text_cpwidth((uint32_t)wc);
}

int
wcswidth(const wchar_t *s, size_t n)
{
	int w = 0, k;

	for (; n > 0 && *s != 0; s++, n--) {
		if ((k = wcwidth(*s)) < 0)
			return -1;
		w += k;
	}
	return w;
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

/*
 * A paste (s) as an answer takes it: line breaks as LF (terminals send CR,
 * Windows programs CR LF); the line breaks at the end dropped (Excel ends
 * every copied cell with one) and, for a one-line field (multiline 0),
 * the spaces and tabs at the end too, other tabs and line breaks become
 * spaces; in NFC (text_nfc).  *changed gets the TEXT_PASTE_* bits of
 * what was changed besides the CR and NFC.  The caller frees the result.
 */
char *
text_paste(const char *s, int multiline, unsigned *changed)
{
	size_t len = strlen(s), n = 0, i;
	char *out = xmalloc(len + 1), *nfc;

	*changed = 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '\r') {
			out[n++] = '\n';
			if (s[i + 1] == '\n')
				i++;
		} else
			out[n++] = s[i];
	}
	while (n > 0 && (out[n - 1] == '\n' || (!multiline &&
	    (out[n - 1] == ' ' || out[n - 1] == '\t')))) {
		*changed |= TEXT_PASTE_END;
		n--;
	}
	out[n] = '\0';
	for (i = 0; i < n && !multiline; i++) {
		if (out[i] == '\t') {
			out[i] = ' ';
			*changed |= TEXT_PASTE_TABS;
		} else if (out[i] == '\n') {
			out[i] = ' ';
			*changed |= TEXT_PASTE_BREAKS;
		}
	}
	if ((nfc = text_nfc(out, n, &i)) != NULL) {
		free(out);
		return nfc;
	}
	return out;
}

/*
 * A copy of s with full-width ASCII (！ to ～, as an IME types it) as
 * ASCII, the ideographic space as a space and half-width katakana as
 * full-width (ｶﾞ, カﾞ and ガ all as ガ), in NFC, for reading what kaiji
 * expects in ASCII (ids, numbers, dates) and for searching.  Invalid
 * bytes are copied as they are.  The caller frees the result.
 */
char *
text_fold(const char *s)
{
	size_t len = strlen(s), off = 0, n, o = 0, nlen;
	char *out = xmalloc(len + 1), *nfc;
	uint32_t cp, d[UC_DECOMPOSITION_MAX_LENGTH];
	int tag;

	while (off < len) {
		n = text_decode(s + off, len - off, &cp);
		if (n == 0) {
			out[o++] = s[off++];
			continue;
		}
		if (cp >= 0xff01 && cp <= 0xff5e)
			out[o++] = (char)(cp - 0xfee0);
		else if (cp == 0x3000)
			out[o++] = ' ';
		else if (cp >= 0xff61 && cp <= 0xff9f &&
		    uc_decomposition(cp, &tag, d) == 1)
			o += text_encode(d[0], out + o);	/* <narrow> */
		else {
			memcpy(out + o, s + off, n);
			o += n;
		}
		off += n;
	}
	out[o] = '\0';
	if ((nfc = text_nfc(out, o, &nlen)) != NULL) {
		free(out);
		return nfc;
	}
	return out;
}

/*
 * s (terminal-safe) in at most maxw columns: as it is when it fits, else
 * "…" and as much of its end as fits after it (a file name keeps its
 * name, not its directories).  The caller frees the result.
 */
char *
text_tail(const char *s, size_t maxw)
{
	static const char ell[] = "\xe2\x80\xa6";	/* … */
	size_t len = strlen(s), off = len, w, ew = text_width(ell), k;
	uint32_t cp;

	if (text_width(s) <= maxw)
		return xstrdup(s);
	if (maxw < ew)
		return xstrdup("");
	/* back from the end while the tail and … fit */
	w = 0;
	while (off > 0) {
		k = off - 1;
		while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
		if (text_decode(s + k, off - k, &cp) == 0)
			cp = '?';
		if (w + (size_t)text_cpwidth(cp) + ew > maxw)
			break;
		w += (size_t)text_cpwidth(cp);
		off = k;
	}
	return xasprintf("%s%s", ell, s + off);
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
