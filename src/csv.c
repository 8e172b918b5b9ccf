/*
 * csv: writing and reading kaiji CSV (the format and the CP932 rule are in
 * csv.h).
 *
 * Data model: the writer builds the file in memory, one cell at a time;
 * each cell's text is UTF-8, and in CP932 mode every code point is mapped
 * as if on its own (¥, then iconv with a check that the bytes read back
 * as the same code point, then the tables of canonically equivalent and
 * folded characters), so the writer knows the
 * field and the position of every character it cannot write; runs of
 * characters go through iconv at once, and only where a run does not
 * read back as itself is it written a character at a time.  The reader turns
 * the whole file into UTF-8 first (CP932 through iconv, then 0x5C as ¥),
 * splits it into rows of cells, each remembering the line it starts on,
 * and then places the answers.  The CSV syntax (comma, double quote, CR,
 * LF) is ASCII, which CP932 never uses as the second byte of a character,
 * so decoding before splitting is safe.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "ftype.h"
#include "i18n.h"
#include "limit.h"
#include "strvec.h"
#include "text.h"
#include "xalloc.h"

#define CSV_MAX_CELLS	1024	/* in a row: kaiji's have CSV_NCOLS */

/*
 * The column names are the printed form's, not messages: they are the same
 * in every locale, so a file written anywhere reads anywhere.
 */
const char *const csv_names[CSV_NCOLS] = {
	"ID", "ページ", "区分", "項目番号", "分類", "審査対象項目", "記述内容",
	"必須/選択", "字数制限", "字数", "申請内容", "様式", "版"
};
/* Names a reader also accepts (ASCII, any case), for scripts. */
const char *const csv_aliases[CSV_NCOLS] = {
	"id", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "answer",
	"form", "edition"
};

#define CSV_GETA	0x3013		/* 〓, written for what CP932 lacks */

struct csv_conv {
	iconv_t		 to;		/* UTF-8 to CP932 */
	iconv_t		 from;		/* CP932 to UTF-8 */
};

struct csv_out {
	FILE		*fp;
	struct csv_conv	*conv;		/* NULL: write UTF-8 */
	int		 replace;
	int		 quote_all;
	struct strvec	 notes;
	FILE		*badfp;		/* what CP932 cannot hold, listed */
	char		*bad;
	size_t		 badsize;
	size_t		 nbad;
};

/* Open the CP932 converters; -1 with a cause when iconv lacks CP932. */
static int
csv_conv_open(struct csv_conv *cv, char **cause)
{
	static const char *const names[] = { "CP932", "WINDOWS-31J", NULL };
	size_t i;

	for (i = 0; names[i] != NULL; i++) {
		cv->to = iconv_open(names[i], "UTF-8");
		if (cv->to == (iconv_t)-1)
			continue;
		cv->from = iconv_open("UTF-8", names[i]);
		if (cv->from != (iconv_t)-1)
			return 0;
		iconv_close(cv->to);
	}
	*cause = xstrdup(_("CP932 is not supported by this system's iconv"));
	return -1;
}

static void
csv_conv_close(struct csv_conv *cv)
{
	iconv_close(cv->to);
	iconv_close(cv->from);
}

/* Convert all of in with cd; the output length, or (size_t)-1. */
static size_t
csv_iconv(iconv_t cd, const char *in, size_t inlen, char *out, size_t size)
{
	char *ip = (char *)in, *op = out;
	size_t il = inlen, ol = size;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, (ICONV_CONST char **)&ip, &il, &op, &ol) == (size_t)-1 ||
	    il != 0 || iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		return (size_t)-1;
	return size - ol;
}

/*
 * The CP932 bytes of cp (1 or 2, in out), or 0 when kaiji's CP932 does not
 * hold cp: the bytes, read back, must give cp again.
 */
static size_t
csv_cp932(struct csv_conv *cv, uint32_t cp, char *out)
{
	char u[4], back[8];
	size_t ulen, n;

	if (cp == 0xa5) {
		out[0] = 0x5c;
		return 1;
	}
	if (cp == 0x5c)
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	ulen = text_encode(cp, u);
	n = csv_iconv(cv->to, u, ulen, out, 4);
	if (n == (size_t)-1 || n == 0 || n > 2)
		return 0;
	if (n == 1 && (unsigned char)out[0] == 0x5c)
		return 0;
	if (csv_iconv(cv->from, out, n, back, sizeof back) != ulen ||
	    memcmp(back, u, ulen) != 0)
		return 0;
	return n;
}

/*
 * Write one code point (its UTF-8 bytes are u, n long) of the cell where,
 * at position pos (字, from 1): as it is, as CP932, folded, as 〓, or
 * listed as one CP932 cannot hold.
 */
static void
csv_put(struct csv_out *o, const char *where, size_t pos, uint32_t cp,
    const char *u, size_t n)
{
	char b[4], fu[5], cu[5];
	size_t len;
	uint32_t to;

	if (o->conv == NULL) {
		fwrite(u, 1, n, o->fp);
		return;
	}
	if ((len = csv_cp932(o->conv, cp, b)) != 0) {
		fwrite(b, 1, len, o->fp);
		return;
	}
	to = text_cp932_canon(cp);
	if (to != 0 && (len = csv_cp932(o->conv, to, b)) != 0) {
		fwrite(b, 1, len, o->fp);
		return;
	}
	cu[text_encode(cp, cu)] = '\0';
	to = text_cp932_fold(cp);
	if (to != 0 && (len = csv_cp932(o->conv, to, b)) != 0) {
		fwrite(b, 1, len, o->fp);
		fu[text_encode(to, fu)] = '\0';
		strvec_addf(&o->notes, _("%s: 字 %zu: %s (U+%04X) written as "
		    "%s (U+%04X), its CP932 form"), where, pos, cu,
		    (unsigned)cp, fu, (unsigned)to);
		return;
	}
	if (o->replace) {
		len = csv_cp932(o->conv, CSV_GETA, b);
		fwrite(b, 1, len, o->fp);
		strvec_addf(&o->notes, _("%s: 字 %zu: %s (U+%04X) is not in "
		    "CP932; written as 〓"), where, pos, cu, (unsigned)cp);
		return;
	}
	fprintf(o->badfp, "%s%s 字 %zu %s (U+%04X)", o->nbad > 0 ? ", " : "",
	    where, pos, cu, (unsigned)cp);
	o->nbad++;
}

/* Whether a cell must be quoted (RFC 4180, and spaces at either end). */
static int
csv_needs_quotes(const char *s)
{
	size_t len = strlen(s);

	if (len == 0)
		return 0;
	if (strpbrk(s, ",\"\r\n") != NULL)
		return 1;
	return s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t';
}

/*
 * Write the character at s (len > 0 bytes left) of the cell where, at
 * position *pos (字, from 1), doubling a double quote; returns its length
 * in bytes.  Counts *pos on.
 */
static inline size_t
csv_char(struct csv_out *o, const char *where, const char *s, size_t len,
    size_t *pos)
{
	size_t n;
	uint32_t cp;

	if ((n = text_decode(s, len, &cp)) == 0) {
		cp = 0xfffd;	/* not UTF-8: not in a draft */
		n = 1;
	}
	if (cp == '"')
		fputc('"', o->fp);
	if (o->conv == NULL)
		fwrite(s, 1, n, o->fp);		/* UTF-8, without a call */
	else
		csv_put(o, where, *pos, cp, s, n);
	if (cp != '\n' && cp != '\r')
		(*pos)++;
	return n;
}

/*
 * Write s[0..len) as CP932 with whole runs in one iconv call: in the run
 * from the start up to ¥, \ or " (which csv_char writes), iconv converts
 * as much as it can at once, and the bytes are converted back; when that
 * gives the text again, each of its characters is one CP932 holds and
 * reads back as itself, so the bytes are what csv_char would write for
 * each, else csv_char writes them one at a time, as it does the character
 * iconv stopped at.  Returns the bytes of s done (> 0) and counts *pos on.
 * Linear in the run.
 */
static size_t
csv_cp932_run(struct csv_out *o, const char *where, const char *s, size_t len,
    size_t *pos)
{
	char small[2][512], *out, *back, *ip, *op;
	size_t run, il, ol, off, done, nout, i;
	int same;

	for (run = 0; run < len && s[run] != '\\' && s[run] != '"' &&
	    !(s[run] == '\xc2' && run + 1 < len && s[run + 1] == '\xa5'); run++)
		;
	if (run == 0)
		return csv_char(o, where, s, len, pos);
	for (i = 0; i < run && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == run) {
		/* ASCII but \ and " is itself in CP932 */
		fwrite(s, 1, run, o->fp);
		for (i = 0; i < run; i++)
			*pos += s[i] != '\n' && s[i] != '\r';
		return run;
	}
	out = run < sizeof small[0] ? small[0] : xmalloc(run + 1);
	back = run < sizeof small[1] ? small[1] : xmalloc(run + 1);
	for (off = 0; off < run; ) {
		ip = (char *)s + off;
		il = run - off;
		op = out;
		ol = run + 1;	/* CP932 is never longer than UTF-8 */
		iconv(o->conv->to, NULL, NULL, NULL, NULL);
		iconv(o->conv->to, (ICONV_CONST char **)&ip, &il, &op, &ol);
		done = (size_t)(ip - (s + off));
		nout = (size_t)(op - out);
		same = done > 0 && csv_iconv(o->conv->from, out, nout, back,
		    done) == done && memcmp(back, s + off, done) == 0;
		if (same) {
			fwrite(out, 1, nout, o->fp);
			for (i = off; i < off + done; i++)
				*pos += ((unsigned char)s[i] & 0xc0) != 0x80 &&
				    s[i] != '\n' && s[i] != '\r';
			off += done;
		} else {
			for (i = off; i < off + done; )
				i += csv_char(o, where, s + i, run - i, pos);
			off = i;
		}
		if (off < run)
			off += csv_char(o, where, s + off, run - off, pos);
	}
	if (out != small[0])
		free(out);
	if (back != small[1])
		free(back);
	return run;
}

/* Write one cell (where names it in messages), after a comma unless first. */
static void
csv_cell(struct csv_out *o, const char *where, const char *s, int first)
{
	size_t len = strlen(s), off = 0, pos = 1;
	int quote = o->quote_all || csv_needs_quotes(s);

	if (!first)
		fputc(',', o->fp);
	if (quote)
		fputc('"', o->fp);
	while (off < len)
		off += o->conv != NULL ? csv_cp932_run(o, where, s + off,
		    len - off, &pos) : csv_char(o, where, s + off, len - off,
		    &pos);
	if (quote)
		fputc('"', o->fp);
}

/* An item's shared limit as "500(30.1+30.2)": the limit and who shares it. */
void
csv_shared_limit(const struct form_item *item, char *buf, size_t size)
{
	size_t off, r;

	off = (size_t)snprintf(buf, size, "%u(", item->limit);
	for (r = 1; r <= item->nfields && off < size; r++)
		off += (size_t)snprintf(buf + off, size - off, "%s%u.%zu",
		    r > 1 ? "+" : "", item->no, r);
	if (off < size)
		snprintf(buf + off, size - off, ")");
}

/* One field's row. */
static void
csv_row_out(struct csv_out *o, const struct draft *d, size_t i)
{
	const struct form *form = d->form;
	const struct form_field *f = &form->fields[i];
	const struct form_item *item = &form->items[f->item];
	const char *a = d->answers[i] != NULL ? d->answers[i] : "";
	char page[32], no[32], limit[128], count[32], *where;
	const char *cells[CSV_NCOLS];
	size_t c;

	snprintf(page, sizeof page, "%zu", item->page + 1);
	snprintf(no, sizeof no, "%u", item->no);
	if (item->limit != 0)
		csv_shared_limit(item, limit, sizeof limit);
	else if (f->limit != 0)
		snprintf(limit, sizeof limit, "%u", f->limit);
	else
		limit[0] = '\0';
	snprintf(count, sizeof count, "%zu", text_count(a, strlen(a)));
	cells[CSV_ID] = f->id;
	cells[CSV_PAGE] = page;
	cells[CSV_SECTION] = form->sections[item->section].title;
	cells[CSV_ITEM] = no;
	cells[CSV_CATEGORY] = item->category != NULL ? item->category : "";
	cells[CSV_NAME] = item->name;
	cells[CSV_TEXT] = f->text;
	cells[CSV_MARK] = form_mark_label(f->mark);
	cells[CSV_LIMIT] = limit;
	cells[CSV_COUNT] = count;
	cells[CSV_ANSWER] = a;
	cells[CSV_FORM] = form->name;
	cells[CSV_EDITION] = form->edition;
	for (c = 0; c < CSV_NCOLS; c++) {
		where = c == CSV_ANSWER ? xstrdup(f->id) :
		    xasprintf("%s %s", f->id, csv_names[c]);
		csv_cell(o, where, cells[c], c == 0);
		free(where);
	}
	fputs("\r\n", o->fp);
}

/*
 * The draft as kaiji CSV: a header row, then one row per field in form
 * order.  cp932: CP932 by the rule in csv.h, else UTF-8 with a BOM.
 * Returns the file (NUL-terminated, *len bytes; the caller frees it),
 * adding the notes about folded or replaced characters to notes, or NULL
 * with a cause listing every field, position and character CP932 cannot
 * hold (when not CSV_REPLACE in flags); then no note is added.  With
 * CSV_QUOTE_ALL, every cell is quoted.
 */
char *
csv_export(const struct draft *d, int cp932, int flags, size_t *len,
    struct strvec *notes, char **cause)
{
	const struct form *form = d->form;
	struct csv_conv cv;
	struct csv_out o;
	char *buf;
	size_t size, i;

	memset(&o, 0, sizeof o);
	if (cp932) {
		if (csv_conv_open(&cv, cause) != 0)
			return NULL;
		o.conv = &cv;
	}
	o.replace = (flags & CSV_REPLACE) != 0;
	o.quote_all = (flags & CSV_QUOTE_ALL) != 0;
	o.fp = xmemstream(&buf, &size);
	o.badfp = xmemstream(&o.bad, &o.badsize);
	if (!cp932)
		fputs("\xef\xbb\xbf", o.fp);
	for (i = 0; i < CSV_NCOLS; i++)
		csv_cell(&o, csv_names[i], csv_names[i], i == 0);
	fputs("\r\n", o.fp);
	for (i = 0; i < form->nfields; i++)
		csv_row_out(&o, d, i);
	xmemclose(o.fp);
	xmemclose(o.badfp);
	if (cp932)
		csv_conv_close(&cv);
	if (o.nbad > 0) {
		*cause = xasprintf(ngettext("%zu character CP932 cannot hold: "
		    "%s", "%zu characters CP932 cannot hold: %s", o.nbad),
		    o.nbad, o.bad);
		free(o.bad);
		free(buf);
		strvec_free(&o.notes);
		return NULL;
	}
	free(o.bad);
	for (i = 0; i < o.notes.n; i++)
		strvec_add(notes, o.notes.v[i]);
	free(o.notes.v);
	*len = size;
	return buf;
}

/*
 * Whether name is an encoding kaiji CSV comes in, as users spell it: 1 for
 * CP932 (cp932, sjis, shift_jis, shift-jis, windows-31j; Excel's
 * Shift_JIS is CP932), 0 for UTF-8 (utf-8, utf8), in any case; -1 for any
 * other name.
 */
int
csv_encoding(const char *name)
{
	static const char *const utf8[] = { "utf-8", "utf8" };
	static const char *const cp932[] = {
		"cp932", "sjis", "shift_jis", "shift-jis", "windows-31j"
	};
	size_t i;

	for (i = 0; i < sizeof utf8 / sizeof utf8[0]; i++) {
		if (strcasecmp(name, utf8[i]) == 0)
			return 0;
	}
	for (i = 0; i < sizeof cp932 / sizeof cp932[0]; i++) {
		if (strcasecmp(name, cp932[i]) == 0)
			return 1;
	}
	return -1;
}

/* buf (CP932) as UTF-8, 0x5C as ¥; NULL with a cause "path:line: ...". */
static char *
csv_from_cp932(const char *path, const char *buf, size_t len, size_t *outlen,
    char **cause)
{
	struct csv_conv cv;
	char *out, *ip = (char *)buf, *op, *yen;
	size_t il = len, ol, n, i, nyen = 0;

	if (csv_conv_open(&cv, cause) != 0)
		return NULL;
	out = xmalloc(3 * len + 1);
	op = out;
	ol = 3 * len;
	iconv(cv.from, NULL, NULL, NULL, NULL);
	if (iconv(cv.from, (ICONV_CONST char **)&ip, &il, &op, &ol) ==
	    (size_t)-1) {
		n = (size_t)(ip - buf);
		*cause = xasprintf(_("%s:%zu: not valid CP932 (byte 0x%02X)"),
		    path, text_line(buf, len, n, NULL), (unsigned char)buf[n]);
		free(out);
		csv_conv_close(&cv);
		return NULL;
	}
	csv_conv_close(&cv);
	n = (size_t)(op - out);
	for (i = 0; i < n; i++)
		nyen += out[i] == '\\';
	if (nyen == 0) {
		out[n] = '\0';
		*outlen = n;
		return out;
	}
	yen = xmalloc(n + nyen + 1);
	for (i = 0, *outlen = 0; i < n; i++) {
		if (out[i] == '\\') {
			yen[(*outlen)++] = '\xc2';
			yen[(*outlen)++] = '\xa5';
		} else
			yen[(*outlen)++] = out[i];
	}
	yen[*outlen] = '\0';
	free(out);
	return yen;
}

/*
 * The file as UTF-8 text without a BOM (the caller frees it), decoded as
 * encoding says ("utf-8", "cp932", or NULL: a BOM or valid UTF-8 means
 * UTF-8, else CP932); NULL with a cause "path:line: ...".
 */
static char *
csv_decode(const char *path, const char *buf, size_t len,
    const char *encoding, size_t *outlen, char **cause)
{
	int bom = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0, cp932;
	size_t off;

	if (text_guard(buf, len, &off) == TEXT_WIDE_BOM) {
		*cause = xasprintf(_("%s:1:1: a UTF-16 or UTF-32 file; save the "
		    "CSV as UTF-8 or CP932"), path);
		return NULL;
	}
	if (encoding == NULL)
		cp932 = !bom && text_invalid(buf, len) != len;
	else if ((cp932 = csv_encoding(encoding)) == -1) {
		*cause = xasprintf(_("%s: unknown encoding '%s' (use utf-8 or "
		    "cp932)"), path, encoding);
		return NULL;
	}
	if (cp932 && bom) {
		*cause = xasprintf(_("%s:1: the file starts with a UTF-8 BOM; "
		    "it is UTF-8, not CP932"), path);
		return NULL;
	}
	if (cp932)
		return csv_from_cp932(path, buf, len, outlen, cause);
	if (bom) {
		buf += 3;
		len -= 3;
	}
	if ((off = text_invalid(buf, len)) != len) {
		*cause = xasprintf(_("%s:%zu: not valid UTF-8 (byte 0x%02X)"),
		    path, text_line(buf, len, off, NULL),
		    (unsigned char)buf[off]);
		return NULL;
	}
	*outlen = len;
	return xstrndup(buf, len);
}

/* Free the arrays of rows from csv_split, whose cells are in its text. */
static void
csv_split_free(struct csv_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->n; i++)
		free(rows->v[i].cells);
	free(rows->v);
}

/*
 * Read the quoted cell that starts at s[*i] in place: its text, quotes
 * undoubled, is written from s + *i on and NUL-terminated (it is shorter
 * than what it was read from, so the character after the closing quote is
 * still there), *cell points at it, the lines it spans are counted and *i
 * moves past it.  Returns 0, or -1 with a cause when it is not closed or
 * other text follows the closing quote.
 */
static int
csv_quoted(const char *path, char *s, size_t len, char sep, size_t *i,
    size_t *line, char **cell, char **cause)
{
	size_t first = *line, j, w = *i;

	for (j = *i + 1;; j++) {
		if (j >= len) {
			*cause = xasprintf(_("%s:%zu: a quoted cell is not "
			    "closed"), path, first);
			return -1;
		}
		if (s[j] == '"' && j + 1 < len && s[j + 1] == '"') {
			s[w++] = '"';
			j++;
			continue;
		}
		if (s[j] == '"')
			break;
		if (s[j] == '\n' ||
		    (s[j] == '\r' && (j + 1 >= len || s[j + 1] != '\n')))
			(*line)++;
		s[w++] = s[j];
	}
	s[w] = '\0';
	*cell = s + *i;
	if (++j < len && s[j] != sep && s[j] != '\r' && s[j] != '\n') {
		*cause = xasprintf(_("%s:%zu: text after the closing quote of "
		    "a cell"), path, *line);
		return -1;
	}
	*i = j;
	return 0;
}

/*
 * Split UTF-8 text s (len bytes, NUL-terminated; rewritten) into rows of
 * cells (RFC 4180; rows may end with CR LF, LF or CR; a double quote
 * inside an unquoted cell is kept as it is, as spreadsheets do).  The
 * cells are NUL-terminated in s itself, and a row whose cells are all
 * empty (a blank line), which nothing reads, is not kept: the rows take
 * a pointer per cell and a little per row, whatever the input.  Returns
 * 0, or -1 with a cause "path:line: ..." for a quoted cell that is not
 * closed or is followed by other text, or a row of more than
 * CSV_MAX_CELLS cells; the rows read so far are in rows either way.
 */
static int
csv_split(const char *path, char *s, size_t len, char sep,
    struct csv_rows *rows, char **cause)
{
	struct csv_row row;
	size_t i = 0, line = 1;
	char *cell, delim;
	int empty;

	rows->v = NULL;
	rows->n = 0;
	while (i < len) {
		row.cells = NULL;
		row.n = 0;
		row.line = line;
		empty = 1;
		for (;;) {
			if (i < len && s[i] == '"') {
				if (csv_quoted(path, s, len, sep, &i, &line,
				    &cell, cause) != 0) {
					free(row.cells);
					return -1;
				}
			} else {
				cell = s + i;
				while (i < len && s[i] != sep &&
				    s[i] != '\r' && s[i] != '\n')
					i++;
			}
			delim = i < len ? s[i] : '\0';
			s[i] = '\0';	/* s[len] is NUL already */
			empty = empty && *cell == '\0';
			if (row.n == CSV_MAX_CELLS) {
				*cause = xasprintf(_("%s:%zu: more than %d "
				    "cells in a row; not kaiji CSV"), path,
				    row.line, CSV_MAX_CELLS);
				free(row.cells);
				return -1;
			}
			row.cells = xgrowarray(row.cells, row.n,
			    sizeof *row.cells);
			row.cells[row.n++] = cell;
			if (delim == sep) {
				i++;
				continue;
			}
			if (delim == '\r') {
				if (++i < len && s[i] == '\n')
					i++;
			} else if (delim == '\n')
				i++;
			line++;
			break;
		}
		if (empty) {
			free(row.cells);
			continue;
		}
		rows->v = xgrowarray(rows->v, rows->n, sizeof *rows->v);
		rows->v[rows->n++] = row;
	}
	return 0;
}

/*
 * The separator of the text s (len bytes): a tab when the first line that
 * is not blank has tabs and no comma outside quotes (Excel's "Unicode
 * テキスト"), else a comma.
 */
static char
csv_sep(const char *s, size_t len)
{
	size_t i = strspn(s, "\r\n"), commas = 0, tabs = 0;
	int quoted = 0;

	for (; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == ',')
			commas++;
		else if (!quoted && s[i] == '\t')
			tabs++;
	}
	return tabs > 0 && commas == 0 ? '\t' : ',';
}

/*
 * A draft from the kaiji CSV buf (len bytes, read from path) in encoding
 * ("utf-8", "cp932" or NULL to detect), its form found in fd.  Returns the
 * draft (the caller frees it), adding to notes a note "path:line: ..."
 * about every row that could not be placed, or NULL with a cause
 * "path:line: ..." for a file that is not kaiji CSV or names an unknown
 * form; then no note is added.
 */
struct draft *
csv_import(const char *path, const char *buf, size_t len,
    const char *encoding, struct formdir *fd, struct strvec *notes,
    char **cause)
{
	struct csv_rows rows = { NULL, 0 };
	struct draft *d = NULL;
	size_t tlen = 0;
	char *text, *nul;

	if ((text = csv_decode(path, buf, len, encoding, &tlen, cause)) ==
	    NULL)
		return NULL;
	if ((nul = memchr(text, '\0', tlen)) != NULL) {
		*cause = xasprintf(_("%s:%zu: NUL byte; not a CSV file"), path,
		    text_line(text, tlen, (size_t)(nul - text), NULL));
		goto out;
	}
	if (csv_split(path, text, tlen, csv_sep(text, tlen), &rows, cause) !=
	    0)
		goto out;
	d = csv_rows_import(path, &rows, fd, notes, cause);
out:
	csv_split_free(&rows);
	free(text);
	return d;
}
