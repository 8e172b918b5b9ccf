/*
 * formats: the readers and writers of other programs' files that need
 * large libraries (workbooks: libxlsxwriter, libzip, libxml2; ASPIC's web
 * pages: libxml2's HTML parser), kept in a
 * loadable module, formats.so, so that only a command that reads or
 * writes such a file loads them; every other start (the editor, the
 * scripting commands, --version) maps none of them.
 *
 * The module (formats-module.c, built with the readers and writers of
 * libformats.la) defines one symbol, formats_module, of type struct
 * formats; formats_get loads it once, with RTLD_NOW, from the build tree
 * when the program runs from there (as formdir_default finds the forms),
 * else from pkglibdir.  The module's code calls the program's own
 * functions (draft, form, csv_rows_import...), which the program exports
 * (-export-dynamic); it must come from the same version of kaiji, which
 * formats_get checks.  Code outside the module calls import_xlsx and the
 * others only through the struct.
 *
 * A reader or writer joins the module with two lines: its source in
 * libformats_la_SOURCES (Makefile.am) and its function in struct formats
 * and formats_module (as import_aspic did: "struct draft
 * *(*import_aspic)(...);" here and ".import_aspic = import_aspic," in
 * formats-module.c); its callers write "(f = formats_get(cause)) == NULL ?
 * NULL : f->import_aspic(...)".  What such a reader needs to recognise
 * its files (import_aspic_magic) stays in the program.
 */
#ifndef KAIJI_FORMATS_H
#define KAIJI_FORMATS_H

#include <stddef.h>

struct draft;
struct formdir;
struct import_stats;
struct strvec;

struct formats {
	const char	*version;	/* PACKAGE_VERSION of the module */
	/* A workbook from a draft (export-xlsx.c). */
	char		*(*export_xlsx)(const struct draft *, size_t *,
			    char **);
	/* A draft from a workbook (import-xlsx.c). */
	struct draft	*(*import_xlsx)(const char *, const char *, size_t,
			    struct formdir *, struct strvec *, char **);
	/* A draft from ASPIC's web page of a service (import-aspic.c). */
	struct draft	*(*import_aspic)(const char *, const char *, size_t,
			    struct formdir *, struct import_stats *,
			    struct strvec *, char **);
};

extern const struct formats formats_module;

const struct formats	*formats_get(char **);

#endif
