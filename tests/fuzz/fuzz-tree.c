/*
 * fuzz-tree: the readers of kaiji's own yaml and json exports
 * (import_tree) and of UTF-16 text (import_utf16), as kaiji import runs
 * them without --format: a file with a UTF-16 byte order mark is made
 * UTF-8 first, then read as an export when it starts like one, else as
 * kaiji CSV (comma- or tab-separated).  A reader that fails gives a cause;
 * import_sniff may say what the input appears to be, naming the file.  An
 * imported draft must be one kaiji can write and read back, and its yaml
 * and json exports (with notes) must import to the same answers and notes
 * with no note but the yen doubts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "draft.h"
#include "export.h"
#include "form.h"
#include "formdir.h"
#include "import.h"
#include "strvec.h"
#include "fuzz.h"
#include "xalloc.h"

static struct formdir *fuzz_tree_forms;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tree_forms = fuzz_forms("fuzz-tree");
	return 0;
}

static int
fuzz_tree_eq(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Whether a and b hold the same answers and notes to the same form. */
static int
fuzz_tree_same(const struct draft *a, const struct draft *b)
{
	size_t i;

	if (a->form != b->form)
		return 0;
	for (i = 0; i < a->form->nfields; i++) {
		if (!fuzz_tree_eq(a->answers[i], b->answers[i]) ||
		    !fuzz_tree_eq(a->notes[i], b->notes[i]))
			return 0;
	}
	return 1;
}

/* Export d as format with notes and import that again. */
static void
fuzz_tree_again(const struct draft *d, const char *format)
{
	struct export_opts opts = { .notes = 1 };
	struct strvec notes = STRVEC_INIT;
	struct draft *again;
	char *out, *cause = NULL;
	size_t len;

	FUZZ_CHECK(export_draft(d, format, &opts, &out, &len, &notes,
	    &cause) == 0, cause);
	strvec_free(&notes);
	FUZZ_CHECK(import_tree_magic(out, len), format);
	again = import_tree("exported", out, len, fuzz_tree_forms, &notes,
	    &cause);
	FUZZ_CHECK(again != NULL, cause);
	FUZZ_CHECK(fuzz_doubts_only(&notes), notes.v[0]);
	FUZZ_CHECK(fuzz_tree_same(d, again), format);
	strvec_free(&notes);
	draft_free(again);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct draft *d, *again;
	struct strvec notes = STRVEC_INIT;
	char *buf, *text, *out, *cause = NULL, *why;
	size_t len = size;

	buf = fuzz_copy(data, size);
	text = buf;
	if (import_utf16_bom(buf, size) != 0) {
		text = import_utf16("fuzz", buf, size, &len, &cause);
		if (text == NULL) {
			FUZZ_CHECK(cause != NULL && strncmp(cause, "fuzz:",
			    5) == 0, "no cause");
			free(cause);
			free(buf);
			return 0;
		}
		FUZZ_CHECK(len <= size / 2 * 3 && strlen(text) == len,
		    "UTF-8 longer than 3/2 of the UTF-16 or with NUL");
	}
	if (import_tree_magic(text, len))
		d = import_tree("fuzz", text, len, fuzz_tree_forms, &notes,
		    &cause);
	else
		d = csv_import("fuzz", text, len, NULL, fuzz_tree_forms,
		    &notes, &cause);
	strvec_free(&notes);
	if (d == NULL) {
		FUZZ_CHECK(cause != NULL && *cause != '\0', "no cause");
		free(cause);
		why = import_sniff("fuzz", buf, size, IMPORT_TREE);
		FUZZ_CHECK(why == NULL || strncmp(why, "fuzz: ", 6) == 0,
		    why);
		free(why);
		if (text != buf)
			free(text);
		free(buf);
		return 0;
	}
	if (text != buf)
		free(text);
	free(buf);
	out = draft_format(d, &len);
	again = draft_parse("imported.yaml", out, len, fuzz_tree_forms,
	    &cause);
	FUZZ_CHECK(again != NULL, cause);
	FUZZ_CHECK(fuzz_tree_same(d, again), "draft round trip");
	free(out);
	draft_free(again);
	fuzz_tree_again(d, "yaml");
	fuzz_tree_again(d, "json");
	draft_free(d);
	return 0;
}
