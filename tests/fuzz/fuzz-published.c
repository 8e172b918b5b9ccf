/*
 * fuzz-published: the published-text importer, import_published, against
 * the forms of the source tree.  An imported draft must keep import.c's
 * invariant (every field is answered, replaced or missing, and counted
 * once) and must be a draft kaiji can write and read back.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "fuzz.h"
#include "import.h"
#include "strvec.h"
#include "xalloc.h"

static struct formdir *fuzz_published_forms;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_published_forms = fuzz_forms("fuzz-published");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_stats st;
	struct draft *d, *again;
	struct strvec notes = STRVEC_INIT;
	char *buf, *out, *cause = NULL;
	size_t len, i, answered = 0;

	buf = fuzz_copy(data, size);
	(void)import_detect(buf, size);
	memset(&st, 0, sizeof st);
	d = import_published("fuzz.txt", buf, size, fuzz_published_forms, &st,
	    &notes, &cause);
	free(buf);
	for (i = 0; i < notes.n; i++)
		FUZZ_CHECK(notes.v[i] != NULL && *notes.v[i] != '\0', "note");
	strvec_free(&notes);
	if (d == NULL) {
		FUZZ_CHECK(cause != NULL && *cause != '\0', "no cause");
		free(cause);
		return 0;
	}
	for (i = 0; i < d->form->nfields; i++)
		answered += d->answers[i] != NULL;
	FUZZ_CHECK(st.answered == answered, "answered");
	FUZZ_CHECK(st.answered + st.replaced + st.missing ==
	    d->form->nfields, "every field counted once");
	FUZZ_CHECK(st.layout == IMPORT_LAYOUT_WEB ? st.pages == 0 :
	    st.pages == d->form->npages, "pages");
	out = draft_format(d, &len);
	again = draft_parse("imported.yaml", out, len, fuzz_published_forms,
	    &cause);
	FUZZ_CHECK(again != NULL, cause);
	for (i = 0; i < d->form->nfields; i++)
		FUZZ_CHECK(d->answers[i] == NULL ? again->answers[i] == NULL :
		    again->answers[i] != NULL &&
		    strcmp(d->answers[i], again->answers[i]) == 0,
		    d->form->fields[i].id);
	free(out);
	draft_free(again);
	draft_free(d);
	return 0;
}
