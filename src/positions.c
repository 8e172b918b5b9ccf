/*
 * positions: reading and updating the positions file (see positions.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "positions.h"
#include "xalloc.h"

#define POSITIONS_MAX	(1024 * 1024)	/* bytes of the file read */

/* The absolute path of a draft, its key in the file (caller frees). */
static char *
positions_key(const char *draft)
{
	char *real = realpath(draft, NULL);

	return real != NULL ? real : xstrdup(draft);
}

/*
 * The id of the field where draft was left according to the positions
 * file at path, or NULL (caller frees).
 */
char *
positions_recall(const char *path, const char *draft)
{
	char *key, *buf, *line, *next, *tab, *cause, *id = NULL;
	size_t len;

	if (fileio_read(path, POSITIONS_MAX, &buf, &len, &cause) != 0) {
		free(cause);
		return NULL;
	}
	key = positions_key(draft);
	for (line = buf; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		if (strcmp(tab + 1, key) == 0) {
			id = xstrdup(line);
			break;
		}
	}
	free(buf);
	free(key);
	return id;
}

/*
 * Record in the positions file at path that draft was left at field id,
 * first, dropping its earlier line.  Returns 0, or -1 with a cause.
 */
int
positions_remember(const char *path, const char *draft, const char *id,
    char **cause)
{
	char *key, *buf = NULL, *line, *next, *tab, *out, *why;
	size_t len, olen;
	FILE *fp;
	int rc;

	if (fileio_read(path, POSITIONS_MAX, &buf, &len, &why) != 0) {
		free(why);
		buf = xstrdup("");
	}
	key = positions_key(draft);
	fp = xmemstream(&out, &olen);
	fprintf(fp, "%s\t%s\n", id, key);
	for (line = buf; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		tab = strchr(line, '\t');
		if (tab == NULL || strcmp(tab + 1, key) == 0)
			continue;
		fprintf(fp, "%s\n", line);
	}
	xmemclose(fp);
	rc = fileio_replace(path, out, olen, 0, cause);
	free(out);
	free(buf);
	free(key);
	return rc;
}
