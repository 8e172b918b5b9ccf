/*
 * import-sniff: what a file that no reader of kaiji could use appears to
 * be, and what to do with it, for the message of a failed import: a PDF,
 * an image, a compressed file, a spreadsheet or document of another kind, a workbook given
 * to a reader of text, UTF-16 text without its byte order mark, a CSV
 * separated by semicolons, an HTML page that holds no disclosure.
 *
 * Data model: only the file's first bytes are looked at (its magic
 * number, or the first SNIFF_HEAD bytes), so the cost is bounded whatever
 * the size.  A file it does not recognise gets no message here, and the
 * reader's own cause stands.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "import.h"
#include "xalloc.h"

#define SNIFF_HEAD	4096

struct import_sniff_magic {
	const char	*magic;
	size_t		 len;
	const char	*what;		/* N_() */
	const char	*todo;		/* N_() */
};

static const struct import_sniff_magic import_sniff_magics[] = {
	{ "%PDF-", 5, N_("a PDF document"), N_("import the text that "
	    "'pdftotext -layout' gives for it, or the service's page saved "
	    "from a browser") },
	{ "\x89PNG\r\n\x1a\n", 8, N_("a PNG image"), N_("kaiji reads text, "
	    "not pictures of it: import the disclosure's text, CSV or "
	    "workbook") },
	{ "\xff\xd8\xff", 3, N_("a JPEG image"), N_("kaiji reads text, not "
	    "pictures of it: import the disclosure's text, CSV or "
	    "workbook") },
	{ "GIF8", 4, N_("a GIF image"), N_("kaiji reads text, not pictures "
	    "of it: import the disclosure's text, CSV or workbook") },
	{ "II*\0", 4, N_("a TIFF image"), N_("kaiji reads text, not pictures "
	    "of it: import the disclosure's text, CSV or workbook") },
	{ "MM\0*", 4, N_("a TIFF image"), N_("kaiji reads text, not pictures "
	    "of it: import the disclosure's text, CSV or workbook") },
	{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, N_("an Excel 97-2003 "
	    "workbook (.xls) or another old Office file"), N_("save it as "
	    "an Excel workbook (.xlsx) or as CSV UTF-8 and import that") },
	{ "\x1f\x8b", 2, N_("a gzip-compressed file"), N_("uncompress it "
	    "(gunzip) and import what it holds") },
	{ "{\\rtf", 5, N_("an RTF document"), N_("save it as plain text "
	    "(UTF-8) and import that") },
	{ "\xff\xfe\0\0", 4, N_("UTF-32 text"), N_("save it as UTF-8 or as "
	    "Unicode text (UTF-16) and import that") },
	{ NULL, 0, NULL, NULL }
};

/* Whether the first len bytes of buf hold needle. */
static int
import_sniff_has(const char *buf, size_t len, const char *needle)
{
	return memmem(buf, len, needle, strlen(needle)) != NULL;
}

/* 1 or 2 for UTF-16LE or BE text without a mark (NULs in every other byte). */
static int
import_sniff_utf16(const char *buf, size_t len)
{
	size_t i, even = 0, odd = 0;

	if (len > SNIFF_HEAD)
		len = SNIFF_HEAD;
	if (len < 4)
		return 0;
	for (i = 0; i + 1 < len; i += 2) {
		even += buf[i] == '\0';
		odd += buf[i + 1] == '\0';
	}
	if (odd * 3 >= len / 2 && even * 20 < len / 2)
		return 1;
	if (even * 3 >= len / 2 && odd * 20 < len / 2)
		return 2;
	return 0;
}

/* Whether the first line of buf names columns with semicolons. */
static int
import_sniff_semicolons(const char *buf, size_t len)
{
	const char *eol;
	size_t n, i, semis = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	eol = memchr(buf, '\n', len < SNIFF_HEAD ? len : SNIFF_HEAD);
	n = eol != NULL ? (size_t)(eol - buf) : len < SNIFF_HEAD ? len :
	    SNIFF_HEAD;
	for (i = 0; i < n; i++) {
		if (buf[i] == ',' || buf[i] == '\t')
			return 0;
		semis += buf[i] == ';';
	}
	return semis >= 1 && (import_sniff_has(buf, n, "ID") ||
	    import_sniff_has(buf, n, "id"));
}

/* Whether buf starts (after blank space) as an HTML page does. */
static int
import_sniff_html(const char *buf, size_t len)
{
	size_t i = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	while (i < len && strchr(" \t\r\n", buf[i]) != NULL)
		i++;
	return (len - i >= 9 && strncasecmp(buf + i, "<!doctype", 9) == 0) ||
	    (len - i >= 5 && strncasecmp(buf + i, "<html", 5) == 0);
}

static char *
import_sniff_say(const char *path, const char *what, const char *todo)
{
	return xasprintf(_("%s: this appears to be %s, which kaiji cannot "
	    "import; %s"), path, _(what), _(todo));
}

/*
 * What the file at path (buf, len bytes), which the reader for kind could
 * not use, appears to be, and what to do: a message naming path (the
 * caller frees it), or NULL when it looks like nothing else.
 */
char *
import_sniff(const char *path, const char *buf, size_t len,
    enum import_kind kind)
{
	const struct import_sniff_magic *m;
	size_t head = len < SNIFF_HEAD ? len : SNIFF_HEAD;

	for (m = import_sniff_magics; m->magic != NULL; m++) {
		if (len >= m->len && memcmp(buf, m->magic, m->len) == 0)
			return import_sniff_say(path, m->what, m->todo);
	}
	if (len >= 12 && memcmp(buf, "RIFF", 4) == 0 &&
	    memcmp(buf + 8, "WEBP", 4) == 0)
		return import_sniff_say(path, N_("a WebP image"), N_("kaiji "
		    "reads text, not pictures of it: import the disclosure's "
		    "text, CSV or workbook"));
	if (import_xlsx_magic(buf, len)) {
		if (import_sniff_has(buf, head, "xl/") && kind != IMPORT_XLSX)
			return xasprintf(_("%s: this appears to be an Excel "
			    "workbook (.xlsx), not %s; import it without "
			    "--format, or with --format xlsx"), path,
			    kind == IMPORT_CSV ? "CSV" : _("text"));
		if (import_sniff_has(buf, head, "opendocument.spreadsheet"))
			return import_sniff_say(path, N_("an OpenDocument "
			    "spreadsheet (.ods)"), N_("save it as an Excel "
			    "workbook (.xlsx) or as CSV UTF-8 and import "
			    "that"));
		if (import_sniff_has(buf, head, "word/"))
			return import_sniff_say(path, N_("a Word document "
			    "(.docx)"), N_("save it as plain text (UTF-8) and "
			    "import that"));
		return NULL;	/* the workbook reader's cause stands */
	}
	switch (import_sniff_utf16(buf, len)) {
	case 1:
		return import_sniff_say(path, N_("UTF-16LE text without a "
		    "byte order mark"), N_("save it again as Unicode text "
		    "from Excel (which writes the mark) or as UTF-8"));
	case 2:
		return import_sniff_say(path, N_("UTF-16BE text without a "
		    "byte order mark"), N_("save it again as Unicode text "
		    "from Excel (which writes the mark) or as UTF-8"));
	default:
		break;
	}
	if (import_sniff_semicolons(buf, len))
		return import_sniff_say(path, N_("a CSV file separated by "
		    "semicolons (as a spreadsheet set for another language "
		    "writes it)"), N_("save it as CSV UTF-8 separated by "
		    "commas, or as Unicode text (tab-separated)"));
	if (import_sniff_html(buf, len) &&
	    !import_sniff_has(buf, len, "審査対象項目"))
		return import_sniff_say(path, N_("an HTML page that holds no "
		    "disclosure (no 【審査対象項目】 table)"), N_("save the "
		    "certified service's own page, or import its text, CSV "
		    "or workbook"));
	return NULL;
}
