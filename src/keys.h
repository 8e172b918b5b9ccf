/*
 * keys: the one table that maps keys to named commands.
 *
 * Keys are Unicode code points (typed characters and control codes) or
 * the KEYS_* codes above U+10FFFF for function and cursor keys; the view
 * translates what the terminal sends into these.  A binding belongs to a
 * context: the page (browsing fields), an answer being edited, a list
 * (overview, summary, start screen, choices) or a prompt line.  The help
 * screen, 'kaiji keys' and the tests all read this table.
 *
 * A binding names a command by its id, one of enum keys_cmd; the editor's
 * command tables give each id its name, help text and function (a unit
 * test checks that every id has exactly one and is bound to a key).
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

/* The editor's commands, in the order of the help screen's groups. */
enum keys_cmd {
	KEYS_CMD_NONE = -1,
	/* editor.c */
	KEYS_CMD_HELP, KEYS_CMD_REDRAW, KEYS_CMD_ACCEPT, KEYS_CMD_CANCEL,
	/* editor-file.c */
	KEYS_CMD_SAVE, KEYS_CMD_SAVE_AS, KEYS_CMD_EXPORT, KEYS_CMD_QUIT,
	/* editor-nav.c */
	KEYS_CMD_NEXT_FIELD, KEYS_CMD_PREVIOUS_FIELD, KEYS_CMD_NEXT_ITEM,
	KEYS_CMD_PREVIOUS_ITEM, KEYS_CMD_NEXT_SECTION,
	KEYS_CMD_PREVIOUS_SECTION, KEYS_CMD_NEXT_PAGE, KEYS_CMD_PREVIOUS_PAGE,
	KEYS_CMD_FIRST_FIELD, KEYS_CMD_LAST_FIELD, KEYS_CMD_JUMP,
	KEYS_CMD_SEARCH, KEYS_CMD_SEARCH_NEXT, KEYS_CMD_NEXT_MISSING,
	KEYS_CMD_PREVIOUS_MISSING, KEYS_CMD_KEEP, KEYS_CMD_NOTE,
	/* editor-edit.c */
	KEYS_CMD_EDIT, KEYS_CMD_LEAVE_FIELD, KEYS_CMD_LEAVE_NEXT,
	KEYS_CMD_LEAVE_PREVIOUS, KEYS_CMD_NEWLINE, KEYS_CMD_CHAR_LEFT,
	KEYS_CMD_CHAR_RIGHT, KEYS_CMD_LINE_UP, KEYS_CMD_LINE_DOWN,
	KEYS_CMD_LINE_START, KEYS_CMD_LINE_END, KEYS_CMD_WORD_LEFT,
	KEYS_CMD_WORD_RIGHT, KEYS_CMD_TEXT_START, KEYS_CMD_TEXT_END,
	KEYS_CMD_PAGE_UP, KEYS_CMD_PAGE_DOWN, KEYS_CMD_DELETE_BACK,
	KEYS_CMD_DELETE_FORWARD, KEYS_CMD_KILL_LINE, KEYS_CMD_KILL_LINE_START,
	KEYS_CMD_KILL_WORD, KEYS_CMD_YANK, KEYS_CMD_UNDO, KEYS_CMD_REDO,
	/* editor-list.c */
	KEYS_CMD_KEYS, KEYS_CMD_FIELD_HELP, KEYS_CMD_OVERVIEW,
	KEYS_CMD_SUMMARY, KEYS_CMD_LIST_DOWN, KEYS_CMD_LIST_UP,
	KEYS_CMD_LIST_PAGE_DOWN, KEYS_CMD_LIST_PAGE_UP, KEYS_CMD_LIST_FIRST,
	KEYS_CMD_LIST_LAST,
	KEYS_NCMDS
};

struct keys_binding {
	int		 key;
	int		 contexts;
	enum keys_cmd	 command;
};

enum keys_cmd			 keys_lookup(int, int);
const struct keys_binding	*keys_table(size_t *);
const char			*keys_name(int, char *, size_t);

#endif
