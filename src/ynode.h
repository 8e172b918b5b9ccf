/*
 * ynode: a small YAML document tree with source positions, for the form and
 * draft readers.
 *
 * A tree has scalars, sequences and mappings only.  Anchors, aliases, tags
 * other than the standard ones, duplicate mapping keys, non-scalar keys,
 * more than one document and nesting deeper than YNODE_MAX_DEPTH are
 * errors.  Positions are 1-based line and column (in characters).
 */
#ifndef KAIJI_YNODE_H
#define KAIJI_YNODE_H

#include <stddef.h>

#define YNODE_MAX_DEPTH	32

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_SEQ,
	YNODE_MAP
};

struct ynode {
	enum ynode_kind	 kind;
	unsigned	 line;
	unsigned	 col;
	char		*str;		/* scalar text (NUL-terminated) */
	size_t		 len;		/* scalar length in bytes */
	int		 plain;		/* scalar written without quotes */
	struct ynode	**kids;		/* seq items; map key, value, key, ... */
	size_t		 n;		/* number of entries in kids */
};

struct ynode		*ynode_parse(const char *, const char *, size_t, char **);
void			 ynode_free(struct ynode *);
int			 ynode_is_null(const struct ynode *);
char			*ynode_error(const char *, const struct ynode *,
			     const char *, ...)
			     __attribute__((format(printf, 3, 4)));

#endif
