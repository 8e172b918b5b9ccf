/*
 * fileio: reading input files defensively and replacing files atomically.
 */
#ifndef KAIJI_FILEIO_H
#define KAIJI_FILEIO_H

#include <stddef.h>
#include <sys/stat.h>
#include <time.h>

#define FILEIO_BACKUP	0x1	/* keep the previous version as "<path>~" */
#define FILEIO_EXCL	0x2	/* fail if the file exists */

/* What a file was when we last read or wrote it. */
struct fileio_id {
	int		known;
	dev_t		dev;
	ino_t		ino;
	off_t		size;
	struct timespec	mtime;
};

int	fileio_read(const char *, size_t, char **, size_t *, char **);
int	fileio_read_fd(int, const char *, size_t, char **, size_t *,
	    struct fileio_id *, char **);
int	fileio_replace(const char *, const char *, size_t, int, char **);
int	fileio_replace_id(const char *, const char *, size_t, int,
	    struct fileio_id *, char **);
int	fileio_write_all(int, const void *, size_t);
void	fileio_tidy(const char *, const char *);
int	fileio_id_get(const char *, struct fileio_id *);
void	fileio_id_set(struct fileio_id *, const struct stat *);
int	fileio_id_same(const struct fileio_id *, const struct fileio_id *);

#endif
