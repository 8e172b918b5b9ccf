/*
 * ftype-text: free text; any answer is well-formed.
 */
#include "config.h"

#include "ftype.h"

static enum ftype_verdict
ftype_text_check(const struct form_field *f, const char *value, char **msg)
{
	(void)f;
	(void)value;
	(void)msg;
	return FTYPE_OK;
}

const struct ftype ftype_text = {
	.name = "text",
	.multiline = 1,
	.check = ftype_text_check,
};
