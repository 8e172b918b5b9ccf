/*
 * formats-module: the one symbol of the module formats.so (see formats.h):
 * its readers and writers of other programs' files.
 */
#include "config.h"

#include "export.h"
#include "formats.h"
#include "import.h"

const struct formats formats_module = {
	.version	= PACKAGE_VERSION,
	.export_xlsx	= export_xlsx,
	.import_xlsx	= import_xlsx,
	.import_aspic	= import_aspic,
};
