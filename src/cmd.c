/*
 * cmd: the command table and what commands share: option and operand
 * parsing from each entry's declaration (cmd_run), errors and the usage,
 * and the one rule of every command that writes a draft (cmd_draft_write).
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmd.h"
#include "draft.h"
#include "fileio.h"
#include "i18n.h"
#include "lock.h"
#include "text.h"
#include "xalloc.h"

static const struct cmd_entry *const cmd_table[] = {
	&cmd_new_entry,
	&cmd_get_entry,
	&cmd_set_entry,
	&cmd_ask_entry,
	&cmd_forms_entry,
	&cmd_keys_entry,
	&cmd_migrate_entry,
	&cmd_diff_entry,
	&cmd_summary_entry,
	&cmd_export_entry,
	&cmd_import_entry,
	&cmd_renew_entry,
	&cmd_note_entry,
	&cmd_copy_entry,
	&cmd_merge_entry,
};
#define CMD_N (sizeof cmd_table / sizeof cmd_table[0])

const struct cmd_entry *
cmd_find(const char *name)
{
	size_t i;

	for (i = 0; i < CMD_N; i++) {
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	}
	return NULL;
}

/* Print one line per command: usage and what it does. */
void
cmd_list(FILE *fp)
{
	size_t i;

	for (i = 0; i < CMD_N; i++) {
		fprintf(fp, "  kaiji %s %s\n", cmd_table[i]->name,
		    _(cmd_table[i]->usage));
		fprintf(fp, "      %s\n", _(cmd_table[i]->help));
	}
}

#define CMD_MSG_HEAD	600	/* bytes kept of a very long message, */
#define CMD_MSG_TAIL	300	/* at either end */

/*
 * Cut the middle out of a message longer than the head and tail together
 * (an argument of 100 KB, a huge cell), at UTF-8 boundaries, so that it
 * still names the file at the start and the problem at the end.
 */
static void
cmd_shorten(char *s)
{
	size_t len = strlen(s), head = CMD_MSG_HEAD, tail;

	if (len <= CMD_MSG_HEAD + CMD_MSG_TAIL + 16)
		return;
	while (head > 0 && ((unsigned char)s[head] & 0xc0) == 0x80)
		head--;
	tail = len - CMD_MSG_TAIL;
	while (tail < len && ((unsigned char)s[tail] & 0xc0) == 0x80)
		tail++;
	memcpy(s + head, "...", 3);
	memmove(s + head + 3, s + tail, len - tail + 1);
}

/*
 * Print "kaiji: message" (made terminal-safe, its middle cut out when very
 * long) on stderr; returns 2.
 */
int
cmd_error(const char *fmt, ...)
{
	va_list ap;
	char *msg, *safe;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0) {
		va_end(ap);
		fputs("kaiji: error\n", stderr);
		return 2;
	}
	va_end(ap);
	safe = text_safe(msg, 0);
	cmd_shorten(safe);
	fprintf(stderr, "kaiji: %s\n", safe);
	free(safe);
	free(msg);
	return 2;
}

/* Print a cause (see cmd_error) and free it; returns 2. */
int
cmd_fail(char *cause)
{
	cmd_error("%s", cause);
	free(cause);
	return 2;
}

/* Print the command's usage on stderr; returns 2. */
int
cmd_usage(const struct cmd_entry *ce)
{
	fprintf(stderr, _("Usage: kaiji %s %s\n"), ce->name, _(ce->usage));
	fprintf(stderr, _("Try 'kaiji --help' for more information.\n"));
	return 2;
}

/*
 * Check that args has from min to max operands (max -1: no limit);
 * otherwise say which is missing or extra, print the usage and return -1.
 */
int
cmd_operands(const struct cmd_entry *ce, const struct cmd_args *args,
    int min, int max)
{
	if (args->argc >= min && (max == -1 || args->argc <= max))
		return 0;
	if (args->argc < min)
		cmd_error(_("%s: missing operand"), ce->name);
	else
		cmd_error(_("%s: extra operand '%s'"), ce->name,
		    args->argv[max]);
	cmd_usage(ce);
	return -1;
}

/*
 * The getopt_long tables for ce's options and --help (the caller frees
 * both): short options (":" first, so that a missing value is told from
 * an unknown option) and long ones.
 */
static struct option *
cmd_getopt_tables(const struct cmd_entry *ce, char **shortopts)
{
	const struct cmd_option *o;
	struct option *longopts;
	size_t n = 0, i, s = 0;

	for (o = ce->options; o != NULL && o->name != NULL; o++)
		n++;
	longopts = xcalloc(n + 2, sizeof *longopts);
	*shortopts = xmalloc(2 * n + 3);
	(*shortopts)[s++] = ':';
	for (i = 0; i < n; i++) {
		o = &ce->options[i];
		longopts[i].name = o->name;
		longopts[i].has_arg = (o->flags & CMD_VALUE) ?
		    required_argument : no_argument;
		longopts[i].val = o->key;
		if (o->flags & CMD_LONG)
			continue;
		(*shortopts)[s++] = (char)o->key;
		if (o->flags & CMD_VALUE)
			(*shortopts)[s++] = ':';
	}
	longopts[n].name = "help";
	longopts[n].val = 'h';
	(*shortopts)[s++] = 'h';
	(*shortopts)[s] = '\0';
	return longopts;
}

/*
 * Run command ce on argv (argv[0] is the command's name): parse the
 * options and operands its entry declares, then exec it.  --help prints
 * the usage and the help line on stdout and returns 0; an unknown option,
 * an option without its value or a wrong number of operands is said on
 * stderr with the usage, and returns 2.  Otherwise exec's status.
 */
int
cmd_run(const struct cmd_entry *ce, struct cmd_ctx *ctx, int argc,
    char **argv)
{
	struct cmd_args args;
	struct option *longopts;
	char *shortopts;
	int c, rc = -1;

	memset(&args, 0, sizeof args);
	longopts = cmd_getopt_tables(ce, &shortopts);
	optind = 0;
	opterr = 0;
	while (rc == -1 &&
	    (c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			printf(_("Usage: kaiji %s %s\n"), ce->name,
			    _(ce->usage));
			printf("%s\n", _(ce->help));
			rc = 0;
			break;
		case '?':
			if (optopt != 0)
				cmd_error(_("%s: unknown option '-%c'"),
				    ce->name, optopt);
			else
				cmd_error(_("%s: unknown option '%s'"),
				    ce->name, argv[optind - 1]);
			rc = cmd_usage(ce);
			break;
		case ':':
			cmd_error(_("%s: option '%s' needs a value"), ce->name,
			    argv[optind - 1]);
			rc = cmd_usage(ce);
			break;
		default:
			args.opt[(unsigned char)c] = optarg != NULL ? optarg :
			    "";
			break;
		}
	}
	free(longopts);
	free(shortopts);
	if (rc != -1)
		return rc;
	args.argc = argc - optind;
	args.argv = argv + optind;
	if (cmd_operands(ce, &args, ce->min, ce->max) != 0)
		return 2;
	return ce->exec(ctx, &args);
}

/*
 * Lock the draft at path for a command that rewrites it.  Returns 0; 1
 * after saying who holds it; -1 with a cause when it cannot be locked.
 */
static int
cmd_lock_try(const char *path, struct lock **lk, char **cause)
{
	struct lock_holder holder;
	char *who;
	int rc;

	if ((rc = lock_acquire(path, lk, &holder, cause)) == 1) {
		who = lock_describe(&holder, path);
		cmd_error(_("%s is being edited (%s); nothing changed"), path,
		    who);
		free(who);
	}
	return rc;
}

/*
 * Lock the draft at path for a command that rewrites it; when an editor
 * holds it (or it cannot be locked) print why and return -1.
 */
int
cmd_lock(const char *path, struct lock **lk)
{
	return cmd_lock_wait(path, lk, 0);
}

/*
 * cmd_lock, waiting up to seconds for a lock another program holds (as
 * one "kaiji set" waits for another one's, when scripts run them side by
 * side), then saying who holds it.
 */
int
cmd_lock_wait(const char *path, struct lock **lk, unsigned seconds)
{
	struct lock_holder holder;
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	unsigned long tries = seconds * 10UL;
	char *cause;

	while (tries-- > 0) {
		switch (lock_acquire(path, lk, &holder, &cause)) {
		case 0:
			return 0;
		case -1:
			cmd_fail(cause);
			return -1;
		}
		nanosleep(&pause, NULL);
	}
	switch (cmd_lock_try(path, lk, &cause)) {
	case 0:
		return 0;
	case -1:
		cmd_fail(cause);
		break;
	}
	return -1;
}

/*
 * Draft writers: write d to path by the rule every command that writes a
 * draft follows.  Nothing is written while an editor (or another command)
 * holds the draft's lock: the lock is taken here, or it is lk, taken by
 * the caller before it read the draft it updates.  A file that exists is
 * replaced only when flags say so (CMD_DRAFT_FORCE: --force was given;
 * CMD_DRAFT_UPDATE: path is the draft read under lk), and then its
 * previous version is kept as "PATH~" (not with CMD_DRAFT_NO_BACKUP:
 * git's merge driver); otherwise the draft is created,
 * never over a file made meanwhile.  A d of NULL only checks, early, that
 * path may be written.  Returns 0, or 2 after saying why on stderr; on 2
 * path is as it was.  lk stays the caller's.
 */
int
cmd_draft_write(const struct draft *d, const char *path, int flags,
    struct lock *lk)
{
	struct lock *own = NULL;
	struct stat st;
	char *cause;
	int exists, rc = 0;

	exists = lstat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
		return cmd_error(_("%s: not a regular file"), path);
	if (exists && !(flags & (CMD_DRAFT_FORCE | CMD_DRAFT_UPDATE)))
		return cmd_error(_("%s: File exists (use --force to replace "
		    "it)"), path);
	if (lk == NULL) {
		switch (cmd_lock_try(path, &own, &cause)) {
		case 1:
			return 2;
		case -1:
			if (exists)
				return cmd_fail(cause);
			/* nobody can hold it either: the write says why */
			free(cause);
			break;
		}
	}
	if (d != NULL && draft_save(d, path, !exists ? FILEIO_EXCL :
	    (flags & CMD_DRAFT_NO_BACKUP) ? 0 : FILEIO_BACKUP, &cause) != 0)
		rc = cmd_fail(cause);
	lock_release(own);
	return rc;
}
