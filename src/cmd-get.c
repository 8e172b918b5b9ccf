/*
 * cmd-get: kaiji get DRAFT ID — print one answer (nothing for an
 * unanswered field).  Control characters are made visible when standard
 * output is a terminal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "text.h"

static int
cmd_get_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const struct form_field *f;
	struct draft *d;
	const char *a;
	char *cause, *safe;

	if ((d = draft_load(args->argv[0], ctx->formdir, &cause)) == NULL)
		return cmd_fail(cause);
	if ((f = form_field(d->form, args->argv[1])) == NULL) {
		cmd_error(_("%s: no field '%s' in form %s %s"), args->argv[0],
		    args->argv[1], d->form->name, d->form->edition);
		draft_free(d);
		return 2;
	}
	if ((a = draft_get(d, f->index)) != NULL) {
		if (isatty(STDOUT_FILENO)) {
			safe = text_safe(a, 1);
			fputs(safe, stdout);
			free(safe);
		} else
			fputs(a, stdout);
		if (a[strlen(a) - 1] != '\n')
			putchar('\n');
	}
	draft_free(d);
	return 0;
}

const struct cmd_entry cmd_get_entry = {
	.name = "get",
	.usage = N_("DRAFT ID"),
	.help = N_("Print the answer to field ID (e.g. 30.2)."),
	.min = 2,
	.max = 2,
	.exec = cmd_get_exec,
};
