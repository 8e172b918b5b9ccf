/*
 * positions: the file that says at which field each draft was left, so
 * that opening it again goes back there.
 *
 * One line per draft, "<field id>\t<absolute path of the draft>\n", the
 * draft saved last first; a draft has at most one line.  The file is
 * read whole and replaced atomically; one that cannot be read counts as
 * empty.  Nothing here knows forms or the terminal.
 */
#ifndef KAIJI_POSITIONS_H
#define KAIJI_POSITIONS_H

char	*positions_recall(const char *, const char *);
int	 positions_remember(const char *, const char *, const char *,
	     char **);

#endif
