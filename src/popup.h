/*
 * popup: the boxes that open over a screen and take the keys while they
 * are open (the key context is a list).  Each is a const struct popup in
 * its own file (popup-<name>.c); the editor holds the one showing in
 * ui.popup and sends it Enter, Esc and F1, and the view draws its text
 * and, for a list popup, the editor's entries below it with one selected.
 *
 *	popup_help	the current field's description, mark, limit, choices
 *	popup_choices	the answers a field offers (editor.list)
 *	popup_ask	a question and its answers (editor.ask, editor.list)
 */
#ifndef KAIJI_POPUP_H
#define KAIJI_POPUP_H

#include <stddef.h>

struct editor;
struct strvec;

struct popup {
	const char	*name;
	int		 list;		/* the entries follow the text */
	/* Add the lines of text above the entries to lines. */
	void		(*text)(const struct editor *, struct strvec *);
	void		(*accept)(struct editor *);	/* Enter */
	void		(*cancel)(struct editor *);	/* Esc; NULL: close */
	void		(*help)(struct editor *);	/* F1; NULL: nothing */
};

/* One answer to a question of popup_ask: its label and what it does. */
struct popup_answer {
	const char	*label;		/* N_() */
	void		(*fn)(struct editor *);
};

extern const struct popup popup_help;
extern const struct popup popup_choices;
extern const struct popup popup_ask;

void	popup_choices_open(struct editor *);
void	popup_ask_open(struct editor *, char *, const struct popup_answer *,
	    size_t, int);

#endif
