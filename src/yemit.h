/*
 * yemit: libyaml's emitter set up the way kaiji writes YAML (drafts,
 * exports, summaries): one document, characters as they are (not
 * escaped), lines never folded, block style indented by 2.
 *
 * No function fails: libyaml's emitter fails only when memory runs out or
 * events come in an impossible order (a bug), and both end the program
 * through xfatal.
 *
 * yemit_start_direct instead writes the same text itself, for reports of
 * many entries (kaiji summary), where libyaml's emitter costs many times
 * what the text does: block mappings and sequences as libyaml writes them
 * (empty ones as {} and []), double-quoted scalars escaped as libyaml
 * escapes them, and scalars of any style plain when they are words
 * (yemit_word), which libyaml writes plain too.  It has no other styles:
 * other scalars of any style come out double-quoted (libyaml might choose
 * single quotes), and the document holds one sequence or mapping.
 */
#ifndef KAIJI_YEMIT_H
#define KAIJI_YEMIT_H

#include <stdio.h>

#include <yaml.h>

#define YEMIT_DEPTH	16	/* the deepest nesting of yemit_start_direct */

struct yemit {
	yaml_emitter_t	 em;
	int		 end_marker;	/* end the document with "..." */

	/* yemit_start_direct: the output and the collections open */
	FILE		*direct;
	struct yemit_level {
		int	 map;		/* a mapping, else a sequence */
		int	 indent;	/* the column of its entries */
		int	 state;		/* YEMIT_INLINE, _NEWLINE or 0 */
		size_t	 n;		/* scalars and collections in it */
	}		 lv[YEMIT_DEPTH];
	int		 depth;
	char		 buf[4096];	/* what is not written out yet */
	size_t		 nbuf;
};

void	yemit_start(struct yemit *, FILE *);
void	yemit_start_direct(struct yemit *, FILE *);
int	yemit_word(const char *);
void	yemit_finish(struct yemit *);
void	yemit_scalar(struct yemit *, const char *, yaml_scalar_style_t);
void	yemit_open(struct yemit *, int);
void	yemit_close(struct yemit *, int);

#endif
