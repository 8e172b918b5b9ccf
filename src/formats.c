/*
 * formats: loads the module of readers and writers of other programs'
 * files (see formats.h).
 *
 * Invariant: the module is opened at most once and never closed, so the
 * struct formats_get returns stays valid until the program exits; a
 * module that failed to load is tried again at the next call.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "formdir.h"
#include "i18n.h"
#include "xalloc.h"

/*
 * The module's readers and writers, loaded on the first call (from the
 * build tree when the program runs from there, else from pkglibdir), or
 * NULL with a cause naming the module and what is wrong.
 */
const struct formats *
formats_get(char **cause)
{
	static const struct formats *loaded;
	const struct formats *f;
	const char *path;
	void *h;

	if (loaded != NULL)
		return loaded;
	path = formdir_uninstalled(NULL) ? KAIJI_BUILDDIR "/.libs/formats.so" :
	    KAIJI_PKGLIBDIR "/formats.so";
	if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		*cause = xasprintf(_("cannot load %s, the part of kaiji that "
		    "reads and writes workbooks and web pages (%s); install kaiji "
		    "again"),
		    path, dlerror());
		return NULL;
	}
	f = dlsym(h, "formats_module");
	if (f == NULL || f->version == NULL ||
	    strcmp(f->version, PACKAGE_VERSION) != 0) {
		*cause = xasprintf(_("%s: not the module of kaiji %s; install "
		    "kaiji again"), path, PACKAGE_VERSION);
		dlclose(h);
		return NULL;
	}
	return loaded = f;
}
