/*
 * prompt: the one-line prompts on the status line (the key context is a
 * prompt).  Each is a const struct prompt in its own file
 * (prompt-<name>.c); the editor holds the one showing in ui.prompt and
 * its line in ui.prompt_text, edits the line with the text commands and
 * hands it to accept on Enter.
 *
 *	prompt_search	a search of descriptions and answers
 *	prompt_jump	an item or field to go to
 *	prompt_save_as	the file to save the answers to
 *	prompt_note	the current field's note
 *	prompt_new	the file name of a new draft (start screen)
 */
#ifndef KAIJI_PROMPT_H
#define KAIJI_PROMPT_H

struct editor;

struct prompt {
	const char	*name;
	const char	*label;		/* N_(), shown before the line */
	/* Act on the line typed, which it takes. */
	void		(*accept)(struct editor *, char *);
};

extern const struct prompt prompt_search;
extern const struct prompt prompt_jump;
extern const struct prompt prompt_save_as;
extern const struct prompt prompt_note;
extern const struct prompt prompt_new;

#endif
