/*
 * cmd-new: kaiji new [--form F] [--edition E] [--from OTHER [--items
 * RANGES]] [--force] DRAFT — create a draft (mode 0600); an existing file
 * is replaced only with --force (see cmd_draft_write).  The draft is
 * empty, or with --from starts with OTHER's answers (a draft of another
 * service, of any edition, or anything kaiji reads) for the items RANGES
 * names (default CMD_NEW_COMPANY, the items about the company), copied by
 * field id and reported as kaiji copy does (see cmd_copy_fields).  The
 * form is then OTHER's, in its newest edition unless --edition says.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "draft.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "strvec.h"
#include "xalloc.h"

/* The items about the company, the same for each of its services. */
#define CMD_NEW_COMPANY	"2-26"

static int
cmd_new_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	const char *name = args->opt['f'], *edition = args->opt['e'];
	const char *other = args->opt['m'], *items = args->opt['i'];
	const struct form *form;
	struct draft *d, *src = NULL;
	struct strvec notes = STRVEC_INIT;
	unsigned char *sel = NULL;
	char *cause, *report = NULL;
	size_t rsize, copied;
	FILE *rp;
	int rc, flags = args->opt['F'] != NULL ? CMD_DRAFT_FORCE : 0;

	if (items != NULL && other == NULL)
		return cmd_error(_("new: --items is for --from"));
	if (other != NULL) {
		if (cmd_draft_write(NULL, args->argv[0], flags, NULL) != 0)
			return 2;
		src = cmd_import_read(ctx, other, NULL, NULL, &notes, &cause);
		strvec_free(&notes);
		if (src == NULL)
			return cmd_fail(cause);
		if (name == NULL)
			name = src->form->name;
		sel = form_select(src->form, items != NULL ? items :
		    CMD_NEW_COMPANY, &cause);
		if (sel == NULL) {
			draft_free(src);
			return cmd_fail(cause);
		}
	}
	if (name == NULL)
		name = "asp-saas";
	if (edition == NULL)
		form = formdir_newest(ctx->formdir, name, &cause);
	else
		form = formdir_get(ctx->formdir, name, edition, &cause);
	if (form == NULL) {
		free(sel);
		draft_free(src);
		return cmd_fail(cause);
	}
	d = draft_new(form);
	if (src != NULL) {
		rp = xmemstream(&report, &rsize);
		fprintf(rp, _("%s: from %s (%s %s):\n"), args->argv[0], other,
		    src->form->name, src->form->edition);
		cmd_copy_fields(src, d, sel, 0, rp, &copied);
		xmemclose(rp);
	}
	rc = cmd_draft_write(d, args->argv[0], flags, NULL);
	if (rc == 0 && report != NULL)
		fputs(report, stdout);
	free(report);
	free(sel);
	draft_free(src);
	draft_free(d);
	return rc;
}

const struct cmd_entry cmd_new_entry = {
	.name = "new",
	.usage = N_("[--form FORM] [--edition EDITION] [--from OTHER [--items "
	    "RANGES]] [--force] DRAFT"),
	.help = N_("Create a draft (default: the newest edition), empty or with "
	    "another draft's company answers."),
	.options = (const struct cmd_option[]) {
		{ "form", 'f', CMD_VALUE },
		{ "edition", 'e', CMD_VALUE },
		{ "from", 'm', CMD_VALUE | CMD_LONG },
		{ "items", 'i', CMD_VALUE | CMD_LONG },
		{ "force", 'F', CMD_LONG },
		{ NULL, 0, 0 }
	},
	.min = 1,
	.max = 1,
	.exec = cmd_new_exec,
};
