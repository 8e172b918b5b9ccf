/*
 * cmd: the scripting commands (kaiji new, get, set, forms, summary,
 * export, import, migrate, diff, keys).
 *
 * Each command is a const struct cmd_entry in its own file (cmd-<name>.c),
 * listed in cmd_table.  A command parses its own options, prints its own
 * output and errors, and returns the exit status: 0 success, 1 a negative
 * answer (an incomplete draft), 2 an error.
 */
#ifndef KAIJI_CMD_H
#define KAIJI_CMD_H

#include <stdio.h>

struct formdir;
struct lock;

struct cmd_ctx {
	const char	*argv0;
	struct formdir	*formdir;
};

struct cmd_entry {
	const char	*name;
	const char	*usage;		/* N_() after "kaiji NAME " */
	const char	*help;		/* N_() one line */
	int		(*exec)(struct cmd_ctx *, int, char **);
};

extern const struct cmd_entry cmd_new_entry;
extern const struct cmd_entry cmd_get_entry;
extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_forms_entry;
extern const struct cmd_entry cmd_keys_entry;
extern const struct cmd_entry cmd_migrate_entry;
extern const struct cmd_entry cmd_diff_entry;
extern const struct cmd_entry cmd_summary_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_import_entry;

const struct cmd_entry	*cmd_find(const char *);
void			 cmd_list(FILE *);
int			 cmd_error(const char *, ...)
			     __attribute__((format(printf, 1, 2)));
int			 cmd_usage(const struct cmd_entry *);
int			 cmd_fail(char *);
int			 cmd_operands(const struct cmd_entry *, int, char **, int,
			    int);
int			 cmd_lock(const char *, struct lock **);
int			 cmd_getopt(const struct cmd_entry *, int, char **,
			     const char *, const void *, int *);

#endif
