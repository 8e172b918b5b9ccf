/*
 * cmd-keys: kaiji keys — print the editor's key bindings, from the same
 * table the editor and its help screen use.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "editor.h"
#include "i18n.h"
#include "keys.h"

static int
cmd_keys_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
	static const struct {
		int		 context;
		const char	*name;
	} contexts[] = {
		{ KEYS_PAGE, "page" }, { KEYS_EDIT, "edit" },
		{ KEYS_LIST, "list" }, { KEYS_PROMPT, "prompt" },
	};
	const struct keys_binding *kb;
	const char *help;
	char name[32];
	size_t n, i, c;

	(void)ctx;
	(void)args;
	kb = keys_table(&n);
	for (c = 0; c < sizeof contexts / sizeof contexts[0]; c++) {
		for (i = 0; i < n; i++) {
			if (!(kb[i].contexts & contexts[c].context) ||
			    kb[i].key == KEYS_RESIZE ||
			    keys_lookup(contexts[c].context, kb[i].key) !=
			    kb[i].command)
				continue;
			help = editor_command_help(kb[i].command);
			printf("%-7s %-12s %-18s %s\n", contexts[c].name,
			    keys_name(kb[i].key, name, sizeof name),
			    editor_command_name(kb[i].command),
			    help != NULL ? help : "");
		}
	}
	return 0;
}

const struct cmd_entry cmd_keys_entry = {
	.name = "keys",
	.usage = "",
	.help = N_("List the editor's keys: context, key, command, what it "
	    "does."),
	.exec = cmd_keys_exec,
};
