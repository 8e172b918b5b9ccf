/*
 * fuzz: what the fuzz targets share (see fuzz.h): the forms of the source
 * tree, opened once, and the input as a reader is given a file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "formdir.h"
#include "fuzz.h"
#include "strvec.h"
#include "xalloc.h"

static struct formdir	*fuzz_formdir;

static void
fuzz_cleanup(void)
{
	formdir_free(fuzz_formdir);
}

/*
 * The forms of the source tree, every one loaded on the first call so that
 * no input pays for it (target names the program in a failure, which
 * exits 99).  Freed at exit.
 */
struct formdir *
fuzz_forms(const char *target)
{
	const struct form **forms;
	char *cause;
	size_t n;

	if (fuzz_formdir != NULL)
		return fuzz_formdir;
	fuzz_formdir = formdir_open(FUZZ_FORMS_DIR);
	if (formdir_list(fuzz_formdir, &forms, &n, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", target, cause);
		exit(99);
	}
	free(forms);
	atexit(fuzz_cleanup);
	return fuzz_formdir;
}

/* The input NUL-terminated, as fileio_read gives a file (caller frees). */
char *
fuzz_copy(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size + 1);

	memcpy(buf, data, size);
	buf[size] = '\0';
	return buf;
}

/*
 * Whether notes holds only what an import says of answers it placed (a
 * yen amount with a backslash), no note of a row or cell it could not.
 */
int
fuzz_doubts_only(const struct strvec *notes)
{
	size_t i;

	for (i = 0; i < notes->n; i++) {
		if (strstr(notes->v[i], ": a backslash in an amount in yen")
		    == NULL)
			return 0;
	}
	return 1;
}
