/*
 * fuzz-csv: the CSV importer, csv_import, against the forms of the source
 * tree, with the encoding detected as kaiji import does without
 * --encoding.  An imported draft must be one kaiji can write and read
 * back, and its UTF-8 CSV export must import to the same answers (csv.h:
 * cells are written exactly as the answers are); its CP932 export (with
 * replacement) must import again.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "strvec.h"
#include "fuzz.h"
#include "xalloc.h"

static struct formdir *fuzz_csv_forms;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_csv_forms = fuzz_forms("fuzz-csv");
	return 0;
}

/* Whether a and b hold the same answers to the same form. */
static int
fuzz_csv_same(const struct draft *a, const struct draft *b)
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

/* Export d (cp932 or UTF-8), import the result and return that draft. */
static struct draft *
fuzz_csv_again(const struct draft *d, int cp932)
{
	struct draft *again;
	struct strvec notes = STRVEC_INIT;
	char *out, *cause = NULL;
	size_t len;

	out = csv_export(d, cp932, 1, &len, &notes, &cause);
	FUZZ_CHECK(out != NULL, cause);
	strvec_free(&notes);
	again = csv_import("exported.csv", out, len, cp932 ? "cp932" :
	    "utf-8", fuzz_csv_forms, &notes, &cause);
	FUZZ_CHECK(again != NULL, cause);
	FUZZ_CHECK(fuzz_doubts_only(&notes), notes.v[0]);
	strvec_free(&notes);
	free(out);
	return again;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct draft *d, *again;
	struct strvec notes = STRVEC_INIT;
	char *buf, *out, *cause = NULL;
	size_t len;

	buf = fuzz_copy(data, size);
	d = csv_import("fuzz.csv", buf, size, NULL, fuzz_csv_forms, &notes,
	    &cause);
	free(buf);
	strvec_free(&notes);
	if (d == NULL) {
		FUZZ_CHECK(cause != NULL && *cause != '\0', "no cause");
		free(cause);
		return 0;
	}
	out = draft_format(d, &len);
	again = draft_parse("imported.yaml", out, len, fuzz_csv_forms, &cause);
	FUZZ_CHECK(again != NULL, cause);
	FUZZ_CHECK(fuzz_csv_same(d, again), "draft round trip");
	free(out);
	draft_free(again);
	again = fuzz_csv_again(d, 0);
	FUZZ_CHECK(fuzz_csv_same(d, again), "UTF-8 CSV round trip");
	draft_free(again);
	draft_free(fuzz_csv_again(d, 1));
	draft_free(d);
	return 0;
}
