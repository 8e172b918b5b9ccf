/*
 * csv: drafts as kaiji CSV, for spreadsheets (Excel in Japan above all).
 *
 * A kaiji CSV file is RFC 4180 CSV: rows end with CR LF, a cell that holds
 * a comma, a double quote, a line break or a leading or trailing space is
 * quoted ("" inside quotes is one "), and a quoted cell may hold line
 * breaks (an answer's own LF or CR LF, kept as they are).  The first row
 * names the columns:
 *
 *	ID	the field id, "30.1"
 *	ページ	the page, 1..npages
 *	区分	the section title
 *	項目番号	the item number
 *	分類	the item's category (empty if none)
 *	審査対象項目	the item's name
 *	記述内容	the field's description
 *	必須/選択	必須, 必須○ or 選択
 *	字数制限	the limit in 字: "100" for the field's own limit,
 *			"500(30.1+30.2)" for a limit the item's fields share,
 *			empty for none
 *	字数	text_count of the answer (0 when unanswered)
 *	申請内容	the answer; empty when unanswered
 *	様式	the form kind, "asp-saas"
 *	版	the edition, "2021"
 *
 * then one row per field in form order.  The form and edition are on every
 * row (not in a comment line, which is not CSV and which Excel would turn
 * into a row of its own), so any single row says what it answers, and a
 * file Excel saved again still says it.  The column names are the printed
 * form's and the same in every locale.
 *
 * Reading (csv_import) finds the columns by their names in the first row,
 * so columns may be reordered, hidden or deleted in a spreadsheet; only ID,
 * 申請内容, 様式 and 版 are needed (id, answer, form and edition are
 * accepted too), and the other columns are ignored.  A field without a row
 * is unanswered; an empty 申請内容 cell is an unanswered field.  Rows that
 * are empty in every cell are skipped; cells after the last column are
 * accepted when they are empty.  Everything else that cannot be placed is
 * a note "path:line: ..." (line: where the row starts), and the rest of
 * the file is still read.
 *
 * Rows may end with CR LF, LF or CR when read.  Cells are written exactly
 * as the answers are: a spreadsheet that opens the file may still take
 * "2021/6/25" for a date, "001" for a number or "=..." for a formula, so
 * open it with the columns set to text (Excel: データ > テキストまたは CSV
 * から) to keep answers as they are.
 *
 * Encodings.  UTF-8 files start with a BOM (EF BB BF), which Excel needs to
 * take them for UTF-8; a reader accepts them with or without it.  Told no
 * encoding, the reader takes a file for UTF-8 if it starts with a BOM or
 * is valid UTF-8 (so a CP932 file that is all ASCII reads as UTF-8, its
 * 0x5C as \), else for CP932.  CP932 is Microsoft's Shift_JIS
 * (Windows-31J), what Excel in Japan writes, with one change, the rule for
 * the yen sign:
 *
 *	¥ U+00A5 is the byte 0x5C, and 0x5C reads back as ¥.  Japanese
 *	Windows shows 0x5C as ¥, and amounts in yen are common in answers;
 *	Microsoft's own table has no ¥ at all.
 *
 * Every other character that CP932 holds is written as in Microsoft's table
 * and reads back as itself, so a draft's round trip through a CP932 file
 * is identical for every character CP932 holds: ～ U+FF5E, ＼ U+FF3C,
 * － U+FF0D, ∥ U+2225, ￠ ￡ ￢ ￤, ― U+2015, ￥ U+FFE5, ~ U+007E,
 * half-width katakana (ｶﾞ), NEC and IBM extensions (①, ㍻, ⅰ).
 *
 * The characters below are not in CP932, but the JIS character they stand
 * for is (Unix, macOS and JIS-based tools write them): each is written as
 * CP932's form of it, reads back as that form, and is listed in the notes
 * (with or without replace):
 *
 *	\ U+005C -> ＼ U+FF3C		〜 U+301C WAVE DASH -> ～ U+FF5E
 *	− U+2212 MINUS SIGN -> － U+FF0D	‖ U+2016 -> ∥ U+2225
 *	¢ U+00A2 -> ￠ U+FFE0		£ U+00A3 -> ￡ U+FFE1
 *	¬ U+00AC -> ￢ U+FFE2		¦ U+00A6 -> ￤ U+FFE4
 *	— U+2014 EM DASH -> ― U+2015	‾ U+203E -> ￣ U+FFE3
 *
 * Any other character CP932 cannot hold (emoji, ㋿ U+32FF, most of
 * Unicode outside JIS X 0208 and the Microsoft extensions) fails the
 * export, which names every field, position (in 字, from 1) and character;
 * with replace, each becomes 〓 (U+3013, the JIS 下駄 mark for a missing
 * character) and is listed in the notes.  Nothing is ever written as "?".
 * A character whose iconv mapping does not read back as itself counts as
 * one CP932 cannot hold.
 */
#ifndef KAIJI_CSV_H
#define KAIJI_CSV_H

#include <stddef.h>

struct draft;
struct formdir;
struct strvec;
struct form_item;

/* A table of text cells, as CSV or a workbook's sheet gives it. */
struct csv_row {
	char		**cells;
	size_t		 n;
	size_t		 line;		/* where the row starts, from 1 */
};

struct csv_rows {
	struct csv_row	*v;
	size_t		 n;
};

#define CSV_REPLACE	0x1	/* csv_export: 〓 for what CP932 lacks */
#define CSV_QUOTE_ALL	0x2	/* csv_export: every cell quoted */

int		 csv_encoding(const char *);
void		 csv_shared_limit(const struct form_item *, char *, size_t);
char		*csv_export(const struct draft *, int, int, size_t *,
		     struct strvec *, char **);
struct draft	*csv_import(const char *, const char *, size_t, const char *,
		     struct formdir *, struct strvec *, char **);
struct draft	*csv_import_rows(const char *, const struct csv_rows *,
		     struct formdir *, struct strvec *, char **);
void		 csv_rows_free(struct csv_rows *);

#endif
