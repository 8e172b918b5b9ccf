/*
 * testutil: helpers for the cmocka tests.  Every function aborts the test
 * program on failure, so a test never runs on missing data.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "testutil.h"
#include "xalloc.h"

static const char *
testutil_env(const char *name)
{
	const char *v = getenv(name);

	if (v == NULL || *v == '\0') {
		fprintf(stderr, "%s is not set (run the tests with make check)\n",
		    name);
		exit(99);
	}
	return v;
}

/* The directory of the shipped forms (the caller frees it). */
struct formdir *
testutil_formdir(void)
{
	return formdir_open(testutil_env("KAIJI_FORMS_DIR"));
}

/* The path of a file in tests/data (the caller frees it). */
char *
testutil_data(const char *name)
{
	return xasprintf("%s/%s", testutil_env("KAIJI_TEST_DATA"), name);
}

/* A new empty temporary directory (the caller removes it). */
char *
testutil_tmpdir(void)
{
	char *dir = xstrdup("/tmp/kaiji-test.XXXXXX");

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	return dir;
}

/* Remove a temporary directory and what is in it; frees dir. */
void
testutil_rmdir(char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	free(dir);
}

/* A file's contents (the caller frees them). */
char *
testutil_read(const char *path, size_t *len)
{
	char *buf, *cause;
	size_t n;

	if (fileio_read(path, 64 * 1024 * 1024, &buf, &n, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		exit(99);
	}
	if (len != NULL)
		*len = n;
	return buf;
}

/* The index of field id in the draft's form; fails the test if none. */
size_t
testutil_field(const struct draft *d, const char *id)
{
	const struct form_field *f = form_field(d->form, id);

	if (f == NULL)
		fail_msg("no field %s", id);
	return f->index;
}
