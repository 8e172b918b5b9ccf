/*
 * formdir: finds form files and caches loaded forms.
 *
 * Invariant: a cached form's declared form and edition match its file
 * name; a form stays loaded (and its pointer valid) until formdir_free.
 * A form is taken from the compiled copy on disk (formcache) when there
 * is a valid one, else parsed, and then written there.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form.h"
#include "formcache.h"
#include "formdir.h"
#include "i18n.h"
#include "xalloc.h"

static int	formdir_scan(struct formdir *, const char *,
		    const struct form ***, size_t *, char **);

struct formdir {
	char		 *path;
	struct form	**forms;
	size_t		  nforms;
};

/*
 * Whether the program (argv0) runs from its build tree, uninstalled: then
 * it takes its forms from the source tree, its message catalogues from
 * the build tree (main.c) and its module formats.so from the build tree
 * (formats.c), as an installed one takes the installed ones.
 */
int
formdir_uninstalled(const char *argv0)
{
	char exe[PATH_MAX], build[PATH_MAX], *slash;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0)
		exe[n] = '\0';
	else if (argv0 == NULL || strchr(argv0, '/') == NULL ||
	    realpath(argv0, exe) == NULL)
		exe[0] = '\0';
	if ((slash = strrchr(exe, '/')) != NULL)
		*slash = '\0';
	return exe[0] != '\0' && realpath(KAIJI_BUILDDIR, build) != NULL &&
	    (strcmp(exe, build) == 0 || (strncmp(exe, build,
	    strlen(build)) == 0 && exe[strlen(build)] == '/'));
}

/*
 * Where forms are: $KAIJI_FORMS_DIR if set; the source tree when the
 * program (argv0) runs from its build tree; else the installed directory.
 * The caller frees the result.
 */
char *
formdir_default(const char *argv0)
{
	const char *env = getenv("KAIJI_FORMS_DIR");

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (formdir_uninstalled(argv0))
		return xstrdup(KAIJI_SRCDIR "/forms");
	return xstrdup(KAIJI_PKGDATADIR "/forms");
}

/* A form directory at path; nothing is read until a form is asked for. */
struct formdir *
formdir_open(const char *path)
{
	struct formdir *fd = xcalloc(1, sizeof *fd);

	fd->path = xstrdup(path);
	return fd;
}

void
formdir_free(struct formdir *fd)
{
	size_t i;

	if (fd == NULL)
		return;
	for (i = 0; i < fd->nforms; i++)
		form_free(fd->forms[i]);
	free(fd->forms);
	free(fd->path);
	free(fd);
}

const char *
formdir_path(const struct formdir *fd)
{
	return fd->path;
}

/* Whether form's name and edition are those of the file name file. */
static int
formdir_named(const struct form *form, const char *file)
{
	char *expect = xasprintf("%s-%s.yaml", form->name, form->edition);
	int ok = strcmp(expect, file) == 0;

	free(expect);
	return ok;
}

/* Load (or find in the cache) the form in file; its names must match. */
static const struct form *
formdir_load(struct formdir *fd, const char *file, char **cause)
{
	struct form *form;
	struct form_file *files;
	char *path, *expect;
	size_t i, nfiles;

	path = xasprintf("%s/%s", fd->path, file);
	for (i = 0; i < fd->nforms; i++) {
		if (strcmp(fd->forms[i]->path, path) == 0) {
			free(path);
			return fd->forms[i];
		}
	}
	files = NULL;
	nfiles = 0;
	if ((form = formcache_get(path)) != NULL &&
	    !formdir_named(form, file)) {
		form_free(form);	/* a cache file not quite right */
		form = NULL;
	}
	if (form == NULL &&
	    (form = form_load_files(path, &files, &nfiles, cause)) == NULL) {
		free(path);
		return NULL;
	}
	expect = xasprintf("%s-%s.yaml", form->name, form->edition);
	if (strcmp(expect, file) != 0) {
		*cause = xasprintf(_("%s: declares form '%s' edition '%s', so "
		    "its file must be called %s"), path, form->name,
		    form->edition, expect);
		free(expect);
		form_files_free(files, nfiles);
		form_free(form);
		free(path);
		return NULL;
	}
	free(expect);
	free(path);
	formcache_put(form, files, nfiles);	/* if parsed */
	form_files_free(files, nfiles);
	fd->forms = xreallocarray(fd->forms, fd->nforms + 1,
	    sizeof *fd->forms);
	fd->forms[fd->nforms++] = form;
	return form;
}

/*
 * The form name, edition; NULL with a cause when there is no such form or
 * its file is broken.  The form belongs to fd.
 */
const struct form *
formdir_get(struct formdir *fd, const char *name, const char *edition,
    char **cause)
{
	const struct form *form;
	struct stat st;
	char *file, *path;

	if (!form_is_ident(name) || !form_is_ident(edition)) {
		*cause = xasprintf(_("unknown form '%s' edition '%s'"), name,
		    edition);
		return NULL;
	}
	file = xasprintf("%s-%s.yaml", name, edition);
	path = xasprintf("%s/%s", fd->path, file);
	if (stat(path, &st) == -1 && errno == ENOENT) {
		*cause = xasprintf(_("unknown form '%s' edition '%s' (no %s)"),
		    name, edition, path);
		form = NULL;
	} else
		form = formdir_load(fd, file, cause);
	free(path);
	free(file);
	return form;
}

static int
formdir_cmp(const void *a, const void *b)
{
	const struct form *fa = *(const struct form *const *)a;
	const struct form *fb = *(const struct form *const *)b;
	int c = strcmp(fa->name, fb->name);

	if (c != 0)
		return c;
	if (strlen(fa->edition) != strlen(fb->edition))
		return strlen(fa->edition) < strlen(fb->edition) ? -1 : 1;
	return strcmp(fa->edition, fb->edition);
}

/* Load every form file in the directory; see formdir_scan. */
int
formdir_list(struct formdir *fd, const struct form ***forms, size_t *n,
    char **cause)
{
	return formdir_scan(fd, NULL, forms, n, cause);
}

/* The newest edition of form name (editions compare as numbers). */
const struct form *
formdir_newest(struct formdir *fd, const char *name, char **cause)
{
	const struct form **forms, *newest = NULL;
	size_t n;

	if (formdir_scan(fd, name, &forms, &n, cause) != 0)
		return NULL;
	while (n > 0 && newest == NULL) {
		if (strcmp(forms[--n]->name, name) == 0)
			newest = forms[n];
	}
	free(forms);
	if (newest == NULL)
		*cause = xasprintf(_("no form '%s' in %s"), name, fd->path);
	return newest;
}

/*
 * Load the form files of the directory (only "<name>-*.yaml" when name is
 * not NULL) into *forms, sorted by form and edition, oldest first; the
 * caller frees the array, not the forms.  -1 with a cause at a broken file.
 */
static int
formdir_scan(struct formdir *fd, const char *name, const struct form ***forms,
    size_t *n, char **cause)
{
	DIR *dir;
	struct dirent *de;
	const struct form *form;
	char **names = NULL;
	size_t nnames = 0, len, i;
	int rc = 0;

	*forms = NULL;
	*n = 0;
	if ((dir = opendir(fd->path)) == NULL) {
		*cause = xasprintf("%s: %s", fd->path, strerror(errno));
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		if (name != NULL && (strncmp(de->d_name, name,
		    strlen(name)) != 0 || de->d_name[strlen(name)] != '-'))
			continue;
		names = xreallocarray(names, nnames + 1, sizeof *names);
		names[nnames++] = xstrdup(de->d_name);
	}
	closedir(dir);
	for (i = 0; i < nnames; i++) {
		if (rc == 0) {
			form = formdir_load(fd, names[i], cause);
			if (form == NULL)
				rc = -1;
			else {
				*forms = xreallocarray(*forms, *n + 1,
				    sizeof **forms);
				(*forms)[(*n)++] = form;
			}
		}
		free(names[i]);
	}
	free(names);
	if (rc != 0) {
		free(*forms);
		*forms = NULL;
		*n = 0;
		return -1;
	}
	if (*n > 1)
		qsort(*forms, *n, sizeof **forms, formdir_cmp);
	return 0;
}
