/*
 * summary: the completeness report of drafts, as text for people or as
 * YAML for programs.
 */
#ifndef KAIJI_SUMMARY_H
#define KAIJI_SUMMARY_H

#include <stdio.h>

struct draft;
struct findings;
struct summary_yaml;

void			 summary_text(FILE *, const char *, const struct draft *,
			     const struct findings *);
struct summary_yaml	*summary_yaml_start(FILE *);
void			 summary_yaml_add(struct summary_yaml *, const char *,
			     const struct draft *, const struct findings *,
			     const char *);
void			 summary_yaml_finish(struct summary_yaml *);

#endif
