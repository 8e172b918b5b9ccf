/*
 * import-utf16: a file saved as UTF-16 text made UTF-8 for the readers of
 * text.  Excel's "Unicode テキスト" is UTF-16LE with a byte order mark,
 * cells separated by tabs, rows ending in CR LF; some tools write UTF-16BE
 * with its mark.  The byte order mark says which; a file without one is
 * not taken for UTF-16 here (import_sniff says what it appears to be).
 *
 * Data model: the input is read two bytes at a time, once; each code unit
 * or surrogate pair becomes one to four bytes of UTF-8, so the output is
 * at most 3/2 of the input.  A lone or reversed surrogate, a NUL
 * character or an odd number of bytes (a file cut short) is an error
 * naming the line; nothing is replaced silently.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "text.h"
#include "xalloc.h"

/* 1 for a UTF-16LE byte order mark at buf, 2 for UTF-16BE, else 0. */
int
import_utf16_bom(const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;

	if (len < 2)
		return 0;
	if (u[0] == 0xff && u[1] == 0xfe)
		return 1;
	if (u[0] == 0xfe && u[1] == 0xff)
		return 2;
	return 0;
}

static uint32_t
import_utf16_unit(const unsigned char *u, int le)
{
	return le ? (uint32_t)u[0] | (uint32_t)u[1] << 8 :
	    (uint32_t)u[0] << 8 | (uint32_t)u[1];
}

/*
 * The UTF-16 text buf (len bytes, from path, starting with its byte order
 * mark) as UTF-8 without a mark, NUL-terminated, *outlen bytes; the
 * caller frees it.  NULL with a cause "path:line: ..." for a file that is
 * not UTF-16 text.
 */
char *
import_utf16(const char *path, const char *buf, size_t len, size_t *outlen,
    char **cause)
{
	const unsigned char *u = (const unsigned char *)buf;
	int le = import_utf16_bom(buf, len) == 1;
	size_t i, o = 0, line = 1;
	uint32_t cp, lo, prev = 0;
	char *out;

	if (import_utf16_bom(buf, len) == 0) {
		*cause = xasprintf(_("%s: no UTF-16 byte order mark"), path);
		return NULL;
	}
	if (le && len >= 4 && u[2] == 0 && u[3] == 0) {
		*cause = xasprintf(_("%s:1: a UTF-32 file; save it as UTF-8 "
		    "or as Unicode text (UTF-16)"), path);
		return NULL;
	}
	out = xmalloc(len / 2 * 3 + 1);
	for (i = 2; i + 1 < len; i += 2) {
		cp = import_utf16_unit(u + i, le);
		if (cp >= 0xdc00 && cp <= 0xdfff) {
			*cause = xasprintf(_("%s:%zu: a broken UTF-16 "
			    "surrogate (a low surrogate 0x%04X alone); not "
			    "UTF-16 text"), path, line, (unsigned)cp);
			goto fail;
		}
		if (cp >= 0xd800 && cp <= 0xdbff) {
			lo = i + 3 < len ? import_utf16_unit(u + i + 2, le) :
			    0;
			if (lo < 0xdc00 || lo > 0xdfff) {
				*cause = xasprintf(_("%s:%zu: a broken UTF-16 "
				    "surrogate (0x%04X without its low "
				    "half); not UTF-16 text"), path, line,
				    (unsigned)cp);
				goto fail;
			}
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			i += 2;
		}
		if (cp == 0) {
			*cause = xasprintf(_("%s:%zu: NUL character; not a "
			    "text file"), path, line);
			goto fail;
		}
		if (cp == '\n' ? prev != '\r' : cp == '\r')
			line++;
		prev = cp;
		o += text_encode(cp, out + o);
	}
	if (i < len) {
		*cause = xasprintf(_("%s:%zu: UTF-16 text cut short (an odd "
		    "number of bytes)"), path, line);
		goto fail;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
fail:
	free(out);
	return NULL;
}
