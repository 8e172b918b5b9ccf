/*
 * fileio: reading input files defensively and replacing files atomically.
 */
#ifndef KAIJI_FILEIO_H
#define KAIJI_FILEIO_H

#include <stddef.h>

#define FILEIO_BACKUP	0x1	/* keep the previous version as "<path>~" */
#define FILEIO_EXCL	0x2	/* fail if the file exists */

int	fileio_read(const char *, size_t, char **, size_t *, char **);
int	fileio_replace(const char *, const char *, size_t, int, char **);

#endif
