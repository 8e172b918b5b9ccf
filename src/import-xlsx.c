/*
 * import-xlsx: a draft from a workbook (.xlsx), kaiji's own (export
 * --to xlsx) or one a spreadsheet saved again.
 *
 * Data model: the workbook is a zip archive (libzip, read from memory);
 * the parts read are xl/workbook.xml (the first sheet), its relationships
 * (where that sheet is), xl/sharedStrings.xml and the sheet.  Each part is
 * inflated into memory, at most XLSX_MAX_PART bytes each and
 * XLSX_MAX_TOTAL in all, checked against the sizes the archive declares
 * before anything is inflated, and read in one pass with libxml2's
 * xmlReader: no network, no DTD (a part that has one is refused), no
 * entity of its own, so memory stays a small multiple of the parts.
 *
 * A cell's text is its shared string (t="s": every <t> of the <si>,
 * rich-text runs joined, phonetic runs <rPh> left out), its inline string
 * (t="inlineStr"), or the text of its <v> (a formula's cached string, a
 * number, a boolean); OOXML escapes _xHHHH_ are decoded.  The sheet becomes
 * rows of text cells (rows with no text left out, the columns up to
 * XLSX_MAX_COLS) read as kaiji CSV is (csv_rows_import: the first row names
 * the columns; ID, 申請内容, 様式 and 版 place the answers); a note's line
 * is the sheet's row number.  An answer cell that is not text (a number, a
 * date, a boolean, a formula) is read as the text of its value and
 * reported with its cell reference: a spreadsheet turned it into a value,
 * and what was typed may be lost (45.60 is 45.6, a date a day count).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "draft.h"
#include "i18n.h"
#include "import.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

#ifdef HAVE_XLSXREAD
#include <libxml/xmlreader.h>
#include <zip.h>

#define XLSX_MAX_PART	(32U * 1024 * 1024)
#define XLSX_MAX_TOTAL	(64U * 1024 * 1024)
#define XLSX_MAX_COLS	64
#define XLSX_MAX_CELLS	(1U << 20)	/* text cells kept, padding too */
#define XLSX_MAX_ROW	1048576U	/* Excel's last row */
#define XLSX_MAX_STRINGS (1U << 18)	/* shared strings */

/* A cell that was a value, not text, kept until the columns are known. */
struct xlsx_value {
	size_t		 row;		/* sheet row, from 1 */
	size_t		 col;		/* from 0 */
	char		*text;
	int		 formula;
};

struct xlsx {
	const char		*path;
	zip_t			*za;
	size_t			 inflated;
	char			**sst;
	size_t			 nsst;
	struct csv_rows		 rows;
	size_t			 cells;
	struct xlsx_value	*values;
	size_t			 nvalues;
	struct strvec		*notes;
	char			*error;		/* libxml2's first error */
};

/* Keep libxml2's first error for the cause; print nothing. */
static void
xlsx_xml_error(void *arg, const char *msg, xmlParserSeverities sev,
    xmlTextReaderLocatorPtr loc)
{
	struct xlsx *x = arg;
	size_t n;

	if (x->error != NULL || (sev != XML_PARSER_SEVERITY_ERROR &&
	    sev != XML_PARSER_SEVERITY_VALIDITY_ERROR))
		return;
	x->error = xasprintf("line %d: %s",
	    xmlTextReaderLocatorLineNumber(loc), msg);
	n = strlen(x->error);
	while (n > 0 && (x->error[n - 1] == '\n' || x->error[n - 1] == ' '))
		x->error[--n] = '\0';
}

/* libxml2's errors outside a reader's handler: kept like the others. */
static void
xlsx_xml_structured(void *arg, xmlErrorPtr err)
{
	struct xlsx *x = arg;
	size_t n;

	if (x->error != NULL || err == NULL || err->level < XML_ERR_ERROR)
		return;
	x->error = xasprintf("line %d: %s", err->line,
	    err->message != NULL ? err->message : "?");
	n = strlen(x->error);
	while (n > 0 && (x->error[n - 1] == '\n' || x->error[n - 1] == ' '))
		x->error[--n] = '\0';
}

/* What libxml2 prints on its own (encoding errors): never printed. */
static void
xlsx_xml_silent(void *arg, const char *fmt, ...)
{
	(void)arg;
	(void)fmt;
}

/* The part name inflated into *out (*len bytes); 1 absent, -1 cause. */
static int
xlsx_part(struct xlsx *x, const char *name, char **out, size_t *len,
    char **cause)
{
	zip_stat_t st;
	zip_file_t *zf;
	zip_int64_t idx, got;

	if ((idx = zip_name_locate(x->za, name, ZIP_FL_NOCASE)) < 0)
		return 1;
	if (zip_stat_index(x->za, (zip_uint64_t)idx, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE)) {
		*cause = xasprintf(_("%s: %s: the archive does not say its "
		    "size; not a workbook kaiji can read"), x->path, name);
		return -1;
	}
	if (st.size > XLSX_MAX_PART ||
	    st.size > XLSX_MAX_TOTAL - x->inflated) {
		*cause = xasprintf(_("%s: %s inflates to %llu bytes, more "
		    "than a workbook of a form holds (at most %u MiB a part, "
		    "%u MiB in all)"), x->path, name,
		    (unsigned long long)st.size, XLSX_MAX_PART >> 20,
		    XLSX_MAX_TOTAL >> 20);
		return -1;
	}
	if ((zf = zip_fopen_index(x->za, (zip_uint64_t)idx, 0)) == NULL) {
		*cause = xasprintf("%s: %s: %s", x->path, name,
		    zip_strerror(x->za));
		return -1;
	}
	*out = xmalloc(st.size + 1);
	got = zip_fread(zf, *out, st.size);
	/* reading on to the end makes libzip check the CRC and the size */
	if (got >= 0 && (zip_uint64_t)got == st.size &&
	    zip_fread(zf, *out + st.size, 1) != 0)
		got = -1;
	if (got < 0 || (zip_uint64_t)got != st.size) {
		*cause = xasprintf(_("%s: %s: damaged archive (%s)"), x->path,
		    name, got < 0 ? zip_file_strerror(zf) : _("short part"));
		zip_fclose(zf);
		free(*out);
		*out = NULL;
		return -1;
	}
	if (zip_fclose(zf) != 0) {
		*cause = xasprintf(_("%s: %s: damaged archive (%s)"), x->path,
		    name, zip_strerror(x->za));
		free(*out);
		*out = NULL;
		return -1;
	}
	(*out)[st.size] = '\0';
	*len = st.size;
	x->inflated += st.size;
	return 0;
}

/* A reader of the part buf (len bytes) with this file's rules. */
static xmlTextReaderPtr
xlsx_reader(struct xlsx *x, const char *buf, size_t len, const char *name)
{
	xmlTextReaderPtr r;

	if (len > (size_t)INT32_MAX)
		return NULL;
	r = xmlReaderForMemory(buf, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (r != NULL)
		xmlTextReaderSetErrorHandler(r, xlsx_xml_error, x);
	return r;
}

/*
 * Step r to its next node: 1, 0 at the end, -1 with a cause for an XML
 * error or a DTD (name: the part).
 */
static int
xlsx_next(struct xlsx *x, xmlTextReaderPtr r, const char *name,
    char **cause)
{
	int rc = xmlTextReaderRead(r);

	if (rc == 1 && xmlTextReaderNodeType(r) ==
	    XML_READER_TYPE_DOCUMENT_TYPE) {
		*cause = xasprintf(_("%s: %s has a document type "
		    "declaration, which workbooks never have; not read"),
		    x->path, name);
		return -1;
	}
	if (rc == 1 && xmlTextReaderNodeType(r) ==
	    XML_READER_TYPE_ENTITY_REFERENCE) {
		*cause = xasprintf(_("%s: %s refers to an entity of its own; "
		    "not read"), x->path, name);
		return -1;
	}
	if (rc < 0) {
		*cause = xasprintf(_("%s: %s: not well-formed XML (%s)"),
		    x->path, name, x->error != NULL ? x->error : "?");
		return -1;
	}
	return rc;
}

/* The node's local name is s (an element of any namespace). */
static int
xlsx_is(xmlTextReaderPtr r, const char *s)
{
	const xmlChar *n = xmlTextReaderConstLocalName(r);

	return n != NULL && strcmp((const char *)n, s) == 0;
}

/* The attribute's value by its local name, any namespace (malloc'd). */
static char *
xlsx_attr(xmlTextReaderPtr r, const char *local)
{
	char *v = NULL;

	if (xmlTextReaderMoveToFirstAttribute(r) != 1)
		return NULL;
	do {
		if (xlsx_is(r, local)) {
			v = xstrdup((const char *)xmlTextReaderConstValue(r));
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(r) == 1);
	xmlTextReaderMoveToElement(r);
	return v;
}

static int
xlsx_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Append s to the buffer fp, decoding the OOXML escapes _xHHHH_. */
static void
xlsx_text(FILE *fp, const char *s)
{
	char utf8[4];
	int k, h, cp;

	while (*s != '\0') {
		if (s[0] == '_' && s[1] == 'x') {
			for (cp = 0, k = 2; k < 6 && (h = xlsx_hex(s[k])) >= 0;
			    k++)
				cp = cp * 16 + h;
			if (k == 6 && s[6] == '_' && !(cp >= 0xd800 &&
			    cp <= 0xdfff)) {
				fwrite(utf8, 1, text_encode((uint32_t)cp,
				    utf8), fp);
				s += 7;
				continue;
			}
		}
		fputc(*s++, fp);
	}
}

/*
 * Collect the text under the element r is on (a <si>, <is> or <v>) up to
 * its end, phonetic runs left out; the caller frees it.
 */
static char *
xlsx_collect(struct xlsx *x, xmlTextReaderPtr r, const char *name,
    char **cause)
{
	FILE *fp;
	char *buf;
	size_t len;
	int depth = xmlTextReaderDepth(r), skip = -1, type, rc;

	fp = xmemstream(&buf, &len);
	if (xmlTextReaderIsEmptyElement(r)) {
		xmemclose(fp);
		return buf;
	}
	while ((rc = xlsx_next(x, r, name, cause)) == 1) {
		type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(r) == depth)
			break;
		if (type == XML_READER_TYPE_ELEMENT && skip < 0 &&
		    (xlsx_is(r, "rPh") || xlsx_is(r, "phoneticPr")) &&
		    !xmlTextReaderIsEmptyElement(r))
			skip = xmlTextReaderDepth(r);
		else if (type == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(r) == skip)
			skip = -1;
		else if (skip < 0 && (type == XML_READER_TYPE_TEXT ||
		    type == XML_READER_TYPE_CDATA ||
		    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
			xlsx_text(fp, (const char *)xmlTextReaderConstValue(r));
	}
	xmemclose(fp);
	if (rc != 1) {
		if (rc == 0)
			*cause = xasprintf(_("%s: %s: the document ends "
			    "inside an element"), x->path, name);
		free(buf);
		return NULL;
	}
	return buf;
}

/* Read the shared strings part, if there is one; 0 or -1 with a cause. */
static int
xlsx_sst(struct xlsx *x, char **cause)
{
	const char *name = "xl/sharedStrings.xml";
	xmlTextReaderPtr r;
	char *buf, *s;
	size_t len;
	int rc;

	if ((rc = xlsx_part(x, name, &buf, &len, cause)) != 0)
		return rc > 0 ? 0 : -1;
	if ((r = xlsx_reader(x, buf, len, name)) == NULL) {
		free(buf);
		*cause = xasprintf(_("%s: %s: cannot be read"), x->path, name);
		return -1;
	}
	while ((rc = xlsx_next(x, r, name, cause)) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
		    !xlsx_is(r, "si"))
			continue;
		if (x->nsst == XLSX_MAX_STRINGS) {
			*cause = xasprintf(_("%s: %s: more than %u shared "
			    "strings; not a workbook of a form"), x->path, name,
			    XLSX_MAX_STRINGS);
			rc = -1;
			break;
		}
		if ((s = xlsx_collect(x, r, name, cause)) == NULL) {
			rc = -1;
			break;
		}
		x->sst = xgrowarray(x->sst, x->nsst, sizeof *x->sst);
		x->sst[x->nsst++] = s;
	}
	xmlFreeTextReader(r);
	free(buf);
	return rc < 0 ? -1 : 0;
}

/*
 * The name of the workbook's first sheet part (malloc'd), from
 * xl/workbook.xml and its relationships; NULL with a cause.
 */
static char *
xlsx_sheet_name(struct xlsx *x, char **cause)
{
	const char *names[2] = { "xl/workbook.xml",
	    "xl/_rels/workbook.xml.rels" };
	xmlTextReaderPtr r;
	char *buf, *rid = NULL, *id, *target = NULL, *out;
	size_t len;
	int k, rc;

	for (k = 0; k < 2; k++) {
		if ((rc = xlsx_part(x, names[k], &buf, &len, cause)) != 0) {
			if (rc > 0)
				*cause = xasprintf(_("%s: a zip archive "
				    "without %s: not an Excel workbook (.xlsx)"),
				    x->path, names[k]);
			free(rid);
			return NULL;
		}
		r = xlsx_reader(x, buf, len, names[k]);
		while (r != NULL && (rc = xlsx_next(x, r, names[k], cause)) ==
		    1) {
			if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
				continue;
			if (k == 0 && rid == NULL && xlsx_is(r, "sheet"))
				rid = xlsx_attr(r, "id");
			else if (k == 1 && target == NULL &&
			    xlsx_is(r, "Relationship") &&
			    (id = xlsx_attr(r, "Id")) != NULL) {
				if (rid != NULL && strcmp(id, rid) == 0)
					target = xlsx_attr(r, "Target");
				free(id);
			}
		}
		if (r != NULL)
			xmlFreeTextReader(r);
		free(buf);
		if (r == NULL || rc < 0) {
			if (r == NULL)
				*cause = xasprintf(_("%s: %s: cannot be read"),
				    x->path, names[k]);
			free(rid);
			free(target);
			return NULL;
		}
		if (k == 0 && rid == NULL) {
			*cause = xasprintf(_("%s: the workbook has no sheet"),
			    x->path);
			return NULL;
		}
	}
	free(rid);
	if (target == NULL) {
		*cause = xasprintf(_("%s: the workbook does not say where its "
		    "first sheet is"), x->path);
		return NULL;
	}
	out = target[0] == '/' ? xstrdup(target + 1) :
	    xasprintf("xl/%s", target);
	free(target);
	return out;
}

/* Column (from 0) and row (from 1) of a reference "AB12"; -1 if bad. */
static int
xlsx_ref(const char *ref, size_t *col, size_t *row)
{
	size_t c = 0, r = 0, k;

	for (k = 0; ref[k] >= 'A' && ref[k] <= 'Z'; k++) {
		if (k == 3)
			return -1;
		c = c * 26 + (size_t)(ref[k] - 'A' + 1);
	}
	if (k == 0 || c > 16384)
		return -1;
	for (; ref[k] >= '0' && ref[k] <= '9'; k++) {
		r = r * 10 + (size_t)(ref[k] - '0');
		if (r > XLSX_MAX_ROW)
			return -1;
	}
	if (ref[k] != '\0' || r == 0)
		return -1;
	*col = c - 1;
	*row = r;
	return 0;
}

/* The reference of column col, row row ("F12") in buf. */
static void
xlsx_ref_name(size_t col, size_t row, char *buf, size_t size)
{
	char letters[4];
	size_t n = 0, k, c = col + 1;

	while (c > 0 && n < 3) {
		letters[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (k = 0; k < n / 2; k++) {
		char t = letters[k];

		letters[k] = letters[n - 1 - k];
		letters[n - 1 - k] = t;
	}
	snprintf(buf, size, "%.*s%zu", (int)n, letters, row);
}

/* Put text in the last row at col (the row grows to hold it). */
static int
xlsx_put(struct xlsx *x, size_t col, char *text, char **cause)
{
	struct csv_row *row = &x->rows.v[x->rows.n - 1];

	if (col + 1 > row->n) {
		if (x->cells + (col + 1 - row->n) > XLSX_MAX_CELLS) {
			*cause = xasprintf(_("%s: more than %u cells; not a "
			    "workbook of a form"), x->path, XLSX_MAX_CELLS);
			free(text);
			return -1;
		}
		x->cells += col + 1 - row->n;
		row->cells = xreallocarray(row->cells, col + 1,
		    sizeof *row->cells);
		while (row->n < col + 1)
			row->cells[row->n++] = NULL;
	}
	free(row->cells[col]);
	row->cells[col] = text;
	return 0;
}

/* One <c> element (r is on it) in the current row; 0 or -1 with cause. */
static int
xlsx_cell(struct xlsx *x, xmlTextReaderPtr r, const char *name,
    size_t *nextcol, size_t rowno, char **cause)
{
	char *ref = xlsx_attr(r, "r"), *t = xlsx_attr(r, "t"), *v = NULL;
	char *is = NULL, *text, *s, **slot, where[16];
	size_t col = *nextcol, rr = rowno, idx;
	int depth = xmlTextReaderDepth(r), formula = 0, rc = 1, type, isv;

	if (ref != NULL && (xlsx_ref(ref, &col, &rr) != 0 || rr != rowno)) {
		strvec_addf(x->notes, _("%s:%zu: cell reference '%s' is not "
		    "a cell of row %zu; cell ignored"), x->path, rowno, ref, rowno);
		col = (size_t)-1;
	}
	free(ref);
	while (!xmlTextReaderIsEmptyElement(r) &&
	    (rc = xlsx_next(x, r, name, cause)) == 1) {
		type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(r) == depth)
			break;
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (xlsx_is(r, "f"))
			formula = 1;
		else if ((isv = xlsx_is(r, "v")) || xlsx_is(r, "is")) {
			if ((s = xlsx_collect(x, r, name, cause)) == NULL) {
				rc = -1;
				break;
			}
			slot = isv ? &v : &is;
			free(*slot);
			*slot = s;
		}
	}
	if (rc != 1) {
		if (rc == 0)
			*cause = xasprintf(_("%s: %s: the document ends "
			    "inside a cell"), x->path, name);
		free(t);
		free(v);
		free(is);
		return -1;
	}
	if (col != (size_t)-1)
		*nextcol = col + 1;
	text = NULL;
	if (t != NULL && strcmp(t, "s") == 0 && v != NULL) {
		idx = strspn(v, "0123456789") == strlen(v) && *v != '\0' &&
		    strlen(v) < 12 ? (size_t)strtoull(v, NULL, 10) :
		    (size_t)-1;
		if (idx < x->nsst)
			text = xstrdup(x->sst[idx]);
		else if (col != (size_t)-1) {
			xlsx_ref_name(col, rowno, where, sizeof where);
			strvec_addf(x->notes, _("%s:%zu: cell %s: shared string "
			    "'%s' does not exist; cell ignored"), x->path,
			    rowno, where, v);
		}
	} else if (t != NULL && strcmp(t, "inlineStr") == 0)
		text = is != NULL ? xstrdup(is) : NULL;
	else if (v != NULL) {
		text = xstrdup(v);
		if (col != (size_t)-1 && (formula || t == NULL ||
		    strcmp(t, "str") != 0)) {
			x->values = xgrowarray(x->values, x->nvalues,
			    sizeof *x->values);
			x->values[x->nvalues].row = rowno;
			x->values[x->nvalues].col = col;
			x->values[x->nvalues].text = xstrdup(v);
			x->values[x->nvalues].formula = formula;
			x->nvalues++;
		}
	}
	free(t);
	free(v);
	free(is);
	if (text == NULL || col == (size_t)-1 || *text == '\0') {
		free(text);
		return 0;
	}
	if (col >= XLSX_MAX_COLS) {
		xlsx_ref_name(col, rowno, where, sizeof where);
		strvec_addf(x->notes, _("%s:%zu: cell %s is beyond the "
		    "columns kaiji reads; cell ignored"), x->path, rowno,
		    where);
		free(text);
		return 0;
	}
	return xlsx_put(x, col, text, cause);
}

/* Read the sheet part into x->rows; 0 or -1 with a cause. */
static int
xlsx_sheet(struct xlsx *x, const char *name, char **cause)
{
	xmlTextReaderPtr r;
	char *buf, *rs;
	size_t len, rowno = 0, nextcol = 0, k;
	int rc;

	if ((rc = xlsx_part(x, name, &buf, &len, cause)) != 0) {
		if (rc > 0)
			*cause = xasprintf(_("%s: the sheet %s is missing from "
			    "the archive"), x->path, name);
		return -1;
	}
	if ((r = xlsx_reader(x, buf, len, name)) == NULL) {
		free(buf);
		*cause = xasprintf(_("%s: %s: cannot be read"), x->path, name);
		return -1;
	}
	while ((rc = xlsx_next(x, r, name, cause)) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		if (xlsx_is(r, "row")) {
			if (x->rows.n > 0 && x->rows.v[x->rows.n - 1].n == 0)
				x->rows.n--;	/* no text: left out */
			rs = xlsx_attr(r, "r");
			k = rs != NULL ? strtoul(rs, NULL, 10) : rowno + 1;
			free(rs);
			if (k == 0 || k > XLSX_MAX_ROW) {
				*cause = xasprintf(_("%s: %s: row number out of "
				    "range after row %zu"), x->path, name,
				    rowno);
				rc = -1;
				break;
			}
			rowno = k;
			nextcol = 0;
			x->rows.v = xgrowarray(x->rows.v, x->rows.n,
			    sizeof *x->rows.v);
			memset(&x->rows.v[x->rows.n], 0, sizeof *x->rows.v);
			x->rows.v[x->rows.n++].line = rowno;
		} else if (xlsx_is(r, "c") && x->rows.n > 0 &&
		    xlsx_cell(x, r, name, &nextcol, rowno, cause) != 0) {
			rc = -1;
			break;
		}
	}
	if (x->rows.n > 0 && x->rows.v[x->rows.n - 1].n == 0)
		x->rows.n--;
	xmlFreeTextReader(r);
	free(buf);
	return rc < 0 ? -1 : 0;
}

/* Every row as wide as the widest, empty cells as "" (csv_rows_import). */
static int
xlsx_pad(struct xlsx *x, char **cause)
{
	struct csv_row *row;
	size_t i, j, width = 0;

	for (i = 0; i < x->rows.n; i++) {
		if (x->rows.v[i].n > width)
			width = x->rows.v[i].n;
	}
	for (i = 0; i < x->rows.n; i++) {
		row = &x->rows.v[i];
		if (x->cells + (width - row->n) > XLSX_MAX_CELLS) {
			*cause = xasprintf(_("%s: more than %u cells; not a "
			    "workbook of a form"), x->path, XLSX_MAX_CELLS);
			return -1;
		}
		x->cells += width - row->n;
		row->cells = xreallocarray(row->cells, width,
		    sizeof *row->cells);
		for (j = row->n; j < width; j++)
			row->cells[j] = NULL;
		row->n = width;
		for (j = 0; j < width; j++) {
			if (row->cells[j] == NULL)
				row->cells[j] = xstrdup("");
		}
	}
	return 0;
}

/* Note each value cell in the answer column (named in the first row). */
static void
xlsx_values(struct xlsx *x)
{
	const struct csv_row *hdr;
	size_t i, col = (size_t)-1;
	char where[16];

	if (x->rows.n == 0)
		return;
	hdr = &x->rows.v[0];
	for (i = 0; i < hdr->n; i++) {
		if (strcmp(hdr->cells[i], "申請内容") == 0 ||
		    strcmp(hdr->cells[i], "answer") == 0)
			col = i;
	}
	for (i = 0; i < x->nvalues; i++) {
		if (x->values[i].col != col)
			continue;
		xlsx_ref_name(col, x->values[i].row, where, sizeof where);
		strvec_addf(x->notes, x->values[i].formula ?
		    _("%s:%zu: cell %s is a formula, not text; read as its "
		    "value '%s'; check the answer") :
		    _("%s:%zu: cell %s is a number or date, not text; read as "
		    "'%s'; a spreadsheet may have changed what was typed "
		    "(45.60 becomes 45.6, a date a day count)"), x->path,
		    x->values[i].row, where, x->values[i].text);
	}
}

static void
xlsx_free(struct xlsx *x)
{
	size_t i;

	for (i = 0; i < x->nsst; i++)
		free(x->sst[i]);
	free(x->sst);
	for (i = 0; i < x->nvalues; i++)
		free(x->values[i].text);
	free(x->values);
	csv_rows_free(&x->rows);
	free(x->error);
	if (x->za != NULL)
		zip_discard(x->za);
}

/*
 * A draft from the workbook buf (len bytes, read from path; see above),
 * its form found in fd.  Returns the draft (the caller frees it), adding
 * notes "path:row: ..." for what was not carried over or may have been
 * changed, or NULL with a cause naming the file and part; then notes may
 * hold notes about cells.
 */
struct draft *
import_xlsx(const char *path, const char *buf, size_t len,
    struct formdir *fd, struct strvec *notes, char **cause)
{
	struct xlsx x;
	struct draft *d = NULL;
	zip_source_t *src;
	zip_error_t ze;
	char *sheet = NULL;

	if (len == 0) {
		*cause = xasprintf(_("%s: empty file; not a workbook"), path);
		return NULL;
	}
	memset(&x, 0, sizeof x);
	x.path = path;
	x.notes = notes;
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(buf, len, 0, &ze)) == NULL ||
	    (x.za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		*cause = xasprintf(_("%s: not a workbook: a damaged zip "
		    "archive (%s)"), path, zip_error_strerror(&ze));
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	xmlInitParser();
	xmlSetGenericErrorFunc(&x, xlsx_xml_silent);
	xmlSetStructuredErrorFunc(&x, xlsx_xml_structured);
	if ((sheet = xlsx_sheet_name(&x, cause)) == NULL ||
	    xlsx_sst(&x, cause) != 0 || xlsx_sheet(&x, sheet, cause) != 0 ||
	    xlsx_pad(&x, cause) != 0)
		goto out;
	if (x.rows.n == 0) {
		*cause = xasprintf(_("%s: the first sheet is empty"), path);
		goto out;
	}
	xlsx_values(&x);
	d = csv_rows_import(path, &x.rows, fd, notes, cause);
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	free(sheet);
	xlsx_free(&x);
	return d;
}

#else /* !HAVE_XLSXREAD */

struct draft *
import_xlsx(const char *path, const char *buf, size_t len,
    struct formdir *fd, struct strvec *notes, char **cause)
{
	(void)buf;
	(void)len;
	(void)fd;
	(void)notes;
	*cause = xasprintf(_("%s: a workbook, but this kaiji was built "
	    "without xlsx support (libzip or libxml2 was not found when it "
	    "was configured); save it as CSV UTF-8"), path);
	return NULL;
}

#endif
