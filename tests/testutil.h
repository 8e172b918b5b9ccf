/*
 * testutil: what the unit tests share: the form directory and test data
 * named by the environment that "make check" sets, and temporary files.
 */
#ifndef KAIJI_TESTUTIL_H
#define KAIJI_TESTUTIL_H

#include <stddef.h>

struct draft;
struct formdir;

struct formdir	*testutil_formdir(void);
char		*testutil_data(const char *);
char		*testutil_tmpdir(void);
void		 testutil_rmdir(char *);
char		*testutil_read(const char *, size_t *);
size_t		 testutil_field(const struct draft *, const char *);

#endif
