/*
 * keys: the one table that maps keys to named commands.
 *
 * Keys are Unicode code points (typed characters and control codes) or
 * the KEYS_* codes above U+10FFFF for function and cursor keys; the view
 * translates what the terminal sends into these.  A binding belongs to a
 * context: the page (browsing fields), an answer being edited, a list
 * (overview, summary, start screen, choices) or a prompt line.  The help
 * screen, 'kaiji keys' and the tests all read this table.
 */
#ifndef KAIJI_KEYS_H
#define KAIJI_KEYS_H

#include <stddef.h>

#define KEYS_BASE	0x110000
enum {
	KEYS_UP = KEYS_BASE, KEYS_DOWN, KEYS_LEFT, KEYS_RIGHT,
	KEYS_HOME, KEYS_END, KEYS_PGUP, KEYS_PGDN, KEYS_BTAB,
	KEYS_DC, KEYS_BACKSPACE, KEYS_ENTER, KEYS_ESC,
	KEYS_F1, KEYS_F2, KEYS_F3, KEYS_F4, KEYS_F5, KEYS_F6, KEYS_F7,
	KEYS_F8, KEYS_F9, KEYS_F10,
	KEYS_C_LEFT, KEYS_C_RIGHT, KEYS_C_HOME, KEYS_C_END,
	KEYS_M_B, KEYS_M_F, KEYS_M_D, KEYS_M_LT, KEYS_M_GT,
	KEYS_RESIZE, KEYS_PASTE, KEYS_NONE
};
#define KEYS_CTRL(c)	((c) & 0x1f)

enum keys_context {
	KEYS_PAGE = 0x1,	/* browsing the fields of a page */
	KEYS_EDIT = 0x2,	/* editing an answer */
	KEYS_LIST = 0x4,	/* a list: overview, summary, start, choices */
	KEYS_PROMPT = 0x8,	/* a one-line prompt: search, jump */
	KEYS_ANY = 0xf
};

struct keys_binding {
	int		 key;
	int		 contexts;
	const char	*command;
};

const char			*keys_lookup(int, int);
const struct keys_binding	*keys_table(size_t *);
const char			*keys_name(int, char *, size_t);

#endif
