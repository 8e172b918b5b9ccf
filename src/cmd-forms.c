/*
 * cmd-forms: kaiji forms — list the installed forms and editions.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "text.h"

static int
cmd_forms_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const struct form **forms;
	char *cause, *title;
	size_t n, i;

	(void)args;
	if (formdir_list(ctx->formdir, &forms, &n, &cause) != 0)
		return cmd_fail(cause);
	for (i = 0; i < n; i++) {
		title = text_safe(forms[i]->title, 0);
		printf(_("%s %s: %s (%zu pages, %zu items, %zu fields)\n"),
		    forms[i]->name, forms[i]->edition, title,
		    forms[i]->npages, forms[i]->nitems, forms[i]->nfields);
		free(title);
	}
	if (n == 0)
		cmd_error(_("no forms in %s"), formdir_path(ctx->formdir));
	free(forms);
	return n == 0 ? 2 : 0;
}

const struct cmd_entry cmd_forms_entry = {
	.name = "forms",
	.usage = "",
	.help = N_("List the installed forms and editions."),
	.exec = cmd_forms_exec,
};
