/*
 * replay: runs a fuzz target on every file of its corpus, without
 * libFuzzer, so that every build's make check replays the corpora (and
 * every crash found by fuzzing stays fixed).
 *
 * Usage: replay-<name> [DIR|FILE]...; without arguments, the target's
 * corpus, tests/fuzz/corpus/<name> in the source tree.  Fails (exit 1) when a
 * directory holds anything but regular files, when a file cannot be read,
 * or when nothing was replayed; a file that makes the target crash or
 * abort ends the program, after its name was printed.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "fuzz.h"

/* Replay one file; 0, or -1 after saying why it could not be read. */
static int
replay_file(const char *path)
{
	char *buf, *cause;
	size_t len;

	if (fileio_read(path, 64U * 1024 * 1024, &buf, &len, &cause) != 0) {
		fprintf(stderr, "replay: %s\n", cause);
		free(cause);
		return -1;
	}
	printf("replay: %s (%zu bytes)\n", path, len);
	fflush(stdout);
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	return 0;
}

static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Replay every entry of dir, in name order; adds to *replayed the files
 * replayed.  -1 when an entry is not a regular file or was not replayed.
 */
static int
replay_dir(const char *dir, size_t *replayed)
{
	DIR *dp;
	struct dirent *de;
	struct stat sb;
	char **names = NULL, *path;
	size_t n = 0, i, done = 0;
	int rc = 0;

	if ((dp = opendir(dir)) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		if (names == NULL || (names[n] = strdup(de->d_name)) == NULL) {
			perror("replay");
			exit(99);
		}
		n++;
	}
	closedir(dp);
	if (n > 0)
		qsort(names, n, sizeof *names, replay_cmp);
	for (i = 0; i < n; i++) {
		if (asprintf(&path, "%s/%s", dir, names[i]) < 0) {
			perror("replay");
			exit(99);
		}
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			fprintf(stderr, "replay: %s: not a regular file\n",
			    path);
			rc = -1;
		} else if (replay_file(path) == 0)
			done++;
		else
			rc = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	printf("replay: %s: %zu of %zu files replayed\n", dir, done, n);
	if (done != n)
		rc = -1;
	*replayed += done;
	return rc;
}

/* The corpus of the program called argv0, replay-<name>; NULL if none. */
static char *
replay_corpus(const char *argv0)
{
	const char *base = strrchr(argv0, '/');
	char *dir;

	base = base != NULL ? base + 1 : argv0;
	if (strncmp(base, "replay-", 7) != 0 || base[7] == '\0' ||
	    asprintf(&dir, "%s/tests/fuzz/corpus/%s", KAIJI_SRCDIR,
	    base + 7) < 0)
		return NULL;
	return dir;
}

int
main(int argc, char **argv)
{
	char *fallback[] = { replay_corpus(argv[0]), NULL };
	struct stat sb;
	size_t replayed = 0;
	char **args = argc > 1 ? argv + 1 : fallback;
	int rc = 0, i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 0; args[i] != NULL; i++) {
		if (stat(args[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (replay_dir(args[i], &replayed) != 0)
				rc = 1;
		} else if (replay_file(args[i]) == 0)
			replayed++;
		else
			rc = 1;
	}
	if (replayed == 0) {
		fprintf(stderr, "replay: no input replayed\n");
		rc = 1;
	}
	printf("replay: %zu inputs, %s\n", replayed, rc == 0 ? "ok" : "FAILED");
	free(fallback[0]);
	return rc;
}
