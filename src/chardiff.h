/*
 * chardiff: what changed inside an answer, character by character.
 *
 * Japanese has no spaces to split words on, so the unit compared is the
 * code point.  The result is a list of runs covering both texts in order:
 * a SAME run is a stretch of a (a, alen bytes) that reads as the stretch
 * of b (b, blen bytes); a DEL run is only in a, an ADD run only in b.  A
 * DEL run comes before the ADD run it is replaced by.  Runs of one kind
 * never follow each other.  With CHARDIFF_SPACE, spaces, tabs, line breaks
 * and 　 are not compared: they belong to the run of the character after
 * them (or the last run), and a SAME run's two stretches may differ in
 * them.
 */
#ifndef KAIJI_CHARDIFF_H
#define KAIJI_CHARDIFF_H

#include <stddef.h>

enum chardiff_kind {
	CHARDIFF_SAME,
	CHARDIFF_DEL,
	CHARDIFF_ADD
};

struct chardiff_run {
	enum chardiff_kind	kind;
	size_t			a, alen;	/* bytes of a; alen 0 for ADD */
	size_t			b, blen;	/* bytes of b; blen 0 for DEL */
};

#define CHARDIFF_SPACE	0x1	/* ignore whitespace and line breaks */

size_t	chardiff_run(const char *, const char *, int,
	    struct chardiff_run **);

#endif
