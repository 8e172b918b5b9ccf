/*
 * yemit: libyaml's emitter set up the way kaiji writes YAML (drafts,
 * exports, summaries): one document, characters as they are (not
 * escaped), lines never folded, block style indented by 2.
 *
 * No function fails: libyaml's emitter fails only when memory runs out or
 * events come in an impossible order (a bug), and both end the program
 * through xfatal.
 */
#ifndef KAIJI_YEMIT_H
#define KAIJI_YEMIT_H

#include <stdio.h>

#include <yaml.h>

struct yemit {
	yaml_emitter_t	 em;
	int		 end_marker;	/* end the document with "..." */
};

void	yemit_start(struct yemit *, FILE *);
void	yemit_finish(struct yemit *);
void	yemit_scalar(struct yemit *, const char *, yaml_scalar_style_t);
void	yemit_open(struct yemit *, int);
void	yemit_close(struct yemit *, int);

#endif
