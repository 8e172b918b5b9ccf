/*
 * fuzz-xlsx: the workbook reader, import_xlsx, against the forms of the
 * source tree.  A zip archive's CRCs stop a mutated archive at the first
 * changed byte, so the input is mostly the parts, not the archive: its
 * first byte chooses.  Bit 0 clear: the rest is the archive as it is.
 * Bit 0 set: the rest is the sheet, the shared strings, the workbook and
 * its relationships separated by the byte 0x00, each missing part given
 * kaiji's own, stored in an archive made here.  An imported draft must be
 * one kaiji can write and read back; with bit 1 set (the slow path, it
 * writes a file), its workbook export must import to the same answers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "draft.h"
#include "export.h"
#include "form.h"
#include "formdir.h"
#include "import.h"
#include "strvec.h"
#include "fuzz.h"
#include "xalloc.h"

static struct formdir *fuzz_xlsx_forms;

static const char *const fuzz_xlsx_names[] = {
	"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
	"xl/workbook.xml", "xl/_rels/workbook.xml.rels"
};
static const char *const fuzz_xlsx_default[] = {
	"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	"<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
	"<c r=\"D1\" t=\"s\"><v>3</v></c></row><row r=\"2\"><c r=\"A2\" "
	"t=\"inlineStr\"><is><t>2.1</t></is></c><c r=\"B2\" t=\"s\"><v>4</v>"
	"</c><c r=\"C2\" t=\"s\"><v>5</v></c><c r=\"D2\" t=\"s\"><v>6</v></c>"
	"</row></sheetData></worksheet>",
	"<sst><si><t>ID</t></si><si><t>申請内容</t></si><si><t>様式</t></si>"
	"<si><t>版</t></si><si><r><t>架空</t></r><r><t>テック</t></r><rPh>"
	"<t>カクウ</t></rPh></si><si><t>asp-saas</t></si><si><t>2021</t></si>"
	"</sst>",
	"<workbook xmlns:r=\"r\"><sheets><sheet r:id=\"rId1\"/></sheets>"
	"</workbook>",
	"<Relationships><Relationship Id=\"rId1\" "
	"Target=\"worksheets/sheet1.xml\"/></Relationships>"
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_xlsx_forms = fuzz_forms("fuzz-xlsx");
	return 0;
}

/* A stored zip archive of the parts in data (see above); *len bytes. */
static char *
fuzz_xlsx_zip(const uint8_t *data, size_t size, size_t *len)
{
	zip_source_t *src, *part;
	zip_error_t ze;
	zip_stat_t st;
	zip_t *za;
	const uint8_t *p = data, *end = data + size, *nul;
	char *out;
	size_t k, n;
	zip_int64_t idx;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	FUZZ_CHECK(src != NULL, "zip source");
	zip_source_keep(src);
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	FUZZ_CHECK(za != NULL, "zip open");
	for (k = 0; k < 4; k++) {
		if (p < end) {
			nul = memchr(p, 0, (size_t)(end - p));
			n = nul != NULL ? (size_t)(nul - p) : (size_t)(end - p);
			part = zip_source_buffer(za, p, n, 0);
			p += n + (nul != NULL);
		} else
			part = zip_source_buffer(za, fuzz_xlsx_default[k],
			    strlen(fuzz_xlsx_default[k]), 0);
		FUZZ_CHECK(part != NULL, "zip part");
		idx = zip_file_add(za, fuzz_xlsx_names[k], part, 0);
		FUZZ_CHECK(idx >= 0, "zip add");
		zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE,
		    0);
	}
	FUZZ_CHECK(zip_close(za) == 0, "zip close");
	FUZZ_CHECK(zip_source_open(src) == 0, "zip reopen");
	FUZZ_CHECK(zip_source_stat(src, &st) == 0, "zip stat");
	out = xmalloc(st.size + 1);
	FUZZ_CHECK(zip_source_read(src, out, st.size) ==
	    (zip_int64_t)st.size, "zip read");
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = st.size;
	return out;
}

/* Whether a and b hold the same answers to the same form. */
static int
fuzz_xlsx_same(const struct draft *a, const struct draft *b)
{
	size_t i;

	if (a->form != b->form)
		return 0;
	for (i = 0; i < a->form->nfields; i++) {
		if (a->answers[i] == NULL ? b->answers[i] != NULL :
		    b->answers[i] == NULL ||
		    strcmp(a->answers[i], b->answers[i]) != 0)
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct draft *d, *again;
	struct strvec notes = STRVEC_INIT;
	char *buf, *out, *cause = NULL;
	size_t len;
	int mode = size > 0 ? data[0] : 0;

	if (size > 0) {
		data++;
		size--;
	}
	if (mode & 1)
		buf = fuzz_xlsx_zip(data, size, &len);
	else {
		buf = fuzz_copy(data, size);
		len = size;
	}
	d = import_xlsx("fuzz.xlsx", buf, len, fuzz_xlsx_forms, &notes,
	    &cause);
	free(buf);
	strvec_free(&notes);
	if (d == NULL) {
		FUZZ_CHECK(cause != NULL && *cause != '\0', "no cause");
		free(cause);
		return 0;
	}
	out = draft_format(d, &len);
	again = draft_parse("imported.yaml", out, len, fuzz_xlsx_forms,
	    &cause);
	FUZZ_CHECK(again != NULL, cause);
	FUZZ_CHECK(fuzz_xlsx_same(d, again), "draft round trip");
	free(out);
	draft_free(again);
	if (mode & 2) {
		out = export_xlsx(d, &len, &cause);
		if (out == NULL)
			free(cause);	/* an answer too long for a cell */
		else {
			again = import_xlsx("exported.xlsx", out, len,
			    fuzz_xlsx_forms, &notes, &cause);
			FUZZ_CHECK(again != NULL, cause);
			FUZZ_CHECK(fuzz_doubts_only(&notes), notes.v[0]);
			FUZZ_CHECK(fuzz_xlsx_same(d, again),
			    "workbook round trip");
			strvec_free(&notes);
			draft_free(again);
			free(out);
		}
	}
	draft_free(d);
	return 0;
}
