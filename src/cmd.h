/*
 * cmd: the commands (kaiji new, get, set, ask, forms, summary, export,
 * import, migrate, diff, keys, ...).
 *
 * Each command is a const struct cmd_entry in its own file (cmd-<name>.c),
 * listed in cmd_table.  The entry declares the command's options and how
 * many operands it takes; cmd_run parses them (getopt_long, --help, the
 * usage and the errors are written once, in cmd.c) and then calls exec,
 * which prints the command's output and errors and returns the exit
 * status: 0 success, 1 a negative answer (an incomplete draft), 2 an
 * error.
 */
#ifndef KAIJI_CMD_H
#define KAIJI_CMD_H

#include <limits.h>
#include <stdio.h>

struct draft;
struct formdir;
struct lock;
struct strvec;

struct cmd_ctx {
	const char	*argv0;
	struct formdir	*formdir;
};

#define CMD_VALUE	0x1	/* takes a value: --name VALUE */
#define CMD_LONG	0x2	/* only as --name, not as -key */

/* One option: --name, and -key unless CMD_LONG. */
struct cmd_option {
	const char	*name;
	int		 key;		/* an ASCII letter */
	int		 flags;
};

/*
 * What cmd_run found: opt[key] is the value of option key ("" for an
 * option without one; the last one given wins), NULL when it was not
 * given; argv[0..argc) are the operands.
 */
struct cmd_args {
	const char	*opt[UCHAR_MAX + 1];
	int		 argc;
	char		**argv;
};

struct cmd_entry {
	const char		*name;
	const char		*usage;		/* N_() after "kaiji NAME " */
	const char		*help;		/* N_() one line */
	const struct cmd_option	*options;	/* ends with a NULL name */
	int			 min, max;	/* operands; max -1: any */
	int			(*exec)(struct cmd_ctx *, struct cmd_args *);
};

extern const struct cmd_entry cmd_new_entry;
extern const struct cmd_entry cmd_get_entry;
extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_ask_entry;
extern const struct cmd_entry cmd_forms_entry;
extern const struct cmd_entry cmd_keys_entry;
extern const struct cmd_entry cmd_migrate_entry;
extern const struct cmd_entry cmd_diff_entry;
extern const struct cmd_entry cmd_summary_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_renew_entry;
extern const struct cmd_entry cmd_note_entry;
extern const struct cmd_entry cmd_copy_entry;
extern const struct cmd_entry cmd_merge_entry;

const struct cmd_entry	*cmd_find(const char *);
void			 cmd_list(FILE *);
int			 cmd_run(const struct cmd_entry *, struct cmd_ctx *,
			     int, char **);
int			 cmd_error(const char *, ...)
			     __attribute__((format(printf, 1, 2)));
int			 cmd_usage(const struct cmd_entry *);
int			 cmd_fail(char *);
int			 cmd_operands(const struct cmd_entry *,
			     const struct cmd_args *, int, int);
int			 cmd_lock(const char *, struct lock **);
int			 cmd_lock_wait(const char *, struct lock **, unsigned);

struct draft		*cmd_import_read(struct cmd_ctx *, const char *,
			     const char *, const char *, struct strvec *,
			     char **);
int			 cmd_import_check(const char *, const char *);
size_t			 cmd_copy_fields(const struct draft *, struct draft *,
			     const unsigned char *, int, FILE *, size_t *);

#define CMD_DRAFT_FORCE		0x1	/* --force: replace an existing file */
#define CMD_DRAFT_UPDATE	0x2	/* the draft read, under the lock given */
#define CMD_DRAFT_NO_BACKUP	0x4	/* no PATH~ (for git, which keeps it) */
int			 cmd_draft_write(const struct draft *, const char *,
			     int, struct lock *);

#endif
