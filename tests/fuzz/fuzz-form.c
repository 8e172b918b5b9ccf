/*
 * fuzz-form: the form loader, form_load, on one form file.
 *
 * The input is written to input.yaml in a private directory that also
 * holds (as links) the forms of the source tree, so that "base:
 * asp-saas-2021" reads a real form; form_load reads files only.  A form
 * that loads must be consistent: every field is found by its own id and
 * lies within its item, items within pages and sections, and an empty
 * draft of it can be written and validated.
 */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draft.h"
#include "form.h"
#include "fuzz.h"
#include "validate.h"
#include "xalloc.h"

static const char *const fuzz_form_links[] = {
	"asp-saas-2019.yaml", "asp-saas-2021.yaml", NULL
};

static char fuzz_form_dir[] = "/tmp/kaiji-fuzz-form.XXXXXX";
static char *fuzz_form_input;

static void
fuzz_form_cleanup(void)
{
	char *path;
	size_t i;

	unlink(fuzz_form_input);
	free(fuzz_form_input);
	for (i = 0; fuzz_form_links[i] != NULL; i++) {
		path = xasprintf("%s/%s", fuzz_form_dir, fuzz_form_links[i]);
		unlink(path);
		free(path);
	}
	rmdir(fuzz_form_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *from, *to;
	size_t i;

	(void)argc;
	(void)argv;
	if (mkdtemp(fuzz_form_dir) == NULL) {
		perror("fuzz-form: mkdtemp");
		exit(99);
	}
	for (i = 0; fuzz_form_links[i] != NULL; i++) {
		from = xasprintf("%s/%s", FUZZ_FORMS_DIR, fuzz_form_links[i]);
		to = xasprintf("%s/%s", fuzz_form_dir, fuzz_form_links[i]);
		if (symlink(from, to) != 0) {
			perror("fuzz-form: symlink");
			exit(99);
		}
		free(from);
		free(to);
	}
	fuzz_form_input = xasprintf("%s/input.yaml", fuzz_form_dir);
	atexit(fuzz_form_cleanup);
	return 0;
}

/* Check what a loaded form promises (form.h). */
static void
fuzz_form_check(const struct form *form)
{
	const struct form_field *f;
	const struct form_item *it;
	size_t i;

	FUZZ_CHECK(form->nitems > 0 && form->nfields > 0, form->path);
	FUZZ_CHECK(form->npages > 0 && form->pages[0] == 0, form->path);
	for (i = 1; i < form->npages; i++)
		FUZZ_CHECK(form->pages[i] > form->pages[i - 1] &&
		    form->pages[i] < form->nitems, form->path);
	for (i = 0; i < form->nitems; i++) {
		it = &form->items[i];
		FUZZ_CHECK(it->no == i + 1, form->path);
		FUZZ_CHECK(it->nfields > 0 && it->first + it->nfields <=
		    form->nfields, form->path);
		FUZZ_CHECK(it->section < form->nsections, form->path);
		FUZZ_CHECK(it->page < form->npages &&
		    form->pages[it->page] <= i, form->path);
	}
	for (i = 0; i < form->nfields; i++) {
		f = &form->fields[i];
		FUZZ_CHECK(f->index == i && f->item < form->nitems, f->id);
		it = &form->items[f->item];
		FUZZ_CHECK(i >= it->first && i < it->first + it->nfields &&
		    f->row == i - it->first + 1, f->id);
		FUZZ_CHECK(form_field(form, f->id) == f, f->id);
		FUZZ_CHECK(f->type != NULL && f->text != NULL, f->id);
	}
}

/* An empty draft of form, written, read back and checked. */
static void
fuzz_form_draft(const struct form *form)
{
	struct draft *d = draft_new(form);
	struct findings fs = { NULL, 0 };
	char *out;
	size_t len;

	out = draft_format(d, &len);
	FUZZ_CHECK(out != NULL && len > 0, form->path);
	validate_draft(d, &fs);
	validate_free(&fs);
	free(out);
	draft_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form *form;
	char *cause = NULL;
	int fd;

	fd = open(fuzz_form_input, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || (size > 0 && write(fd, data, size) != (ssize_t)size) ||
	    close(fd) != 0) {
		perror("fuzz-form: input.yaml");
		exit(99);
	}
	form = form_load(fuzz_form_input, &cause);
	if (form == NULL) {
		FUZZ_CHECK(cause != NULL && *cause != '\0', "no cause");
		free(cause);
		return 0;
	}
	fuzz_form_check(form);
	fuzz_form_draft(form);
	form_free(form);
	return 0;
}
