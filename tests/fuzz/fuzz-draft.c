/*
 * fuzz-draft: the draft loader, draft_parse, against the forms of the
 * source tree.  A draft that loads must survive a round trip: written
 * with draft_format, it loads again with the same answers and field
 * state (to renew, notes), and writing that gives the same bytes
 * (draft.c: "loading and saving a draft kaiji wrote gives the same
 * bytes").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "fuzz.h"
#include "validate.h"
#include "xalloc.h"

static struct formdir *fuzz_draft_forms;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_draft_forms = fuzz_forms("fuzz-draft");
	return 0;
}

/* Both NULL, or the same text. */
static int
fuzz_draft_same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct draft *d, *again;
	struct findings fs = { NULL, 0 };
	char *buf, *out, *out2, *cause = NULL;
	size_t len, len2, i;

	buf = fuzz_copy(data, size);
	d = draft_parse("fuzz.yaml", buf, size, fuzz_draft_forms, &cause);
	free(buf);
	if (d == NULL) {
		FUZZ_CHECK(cause != NULL && *cause != '\0', "no cause");
		free(cause);
		return 0;
	}
	out = draft_format(d, &len);
	again = draft_parse("formatted.yaml", out, len, fuzz_draft_forms,
	    &cause);
	FUZZ_CHECK(again != NULL, cause);
	FUZZ_CHECK(again->form == d->form, "form");
	for (i = 0; i < d->form->nfields; i++) {
		FUZZ_CHECK(fuzz_draft_same(d->answers[i], again->answers[i]),
		    d->form->fields[i].id);
		FUZZ_CHECK(fuzz_draft_same(d->renew[i], again->renew[i]),
		    d->form->fields[i].id);
		FUZZ_CHECK(fuzz_draft_same(d->notes[i], again->notes[i]),
		    d->form->fields[i].id);
	}
	out2 = draft_format(again, &len2);
	FUZZ_CHECK(len == len2 && memcmp(out, out2, len) == 0, "same bytes");
	validate_draft(d, &fs);
	validate_free(&fs);
	free(out);
	free(out2);
	draft_free(again);
	draft_free(d);
	return 0;
}
