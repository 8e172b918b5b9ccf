/*
 * keys: the default key bindings.  The first binding of a key in a
 * context wins.  A binding names its command by id (keys.h), so a
 * misspelt command does not compile.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

static const struct keys_binding keys_default[] = {
	/* everywhere */
	{ KEYS_F1, KEYS_ANY, KEYS_CMD_HELP },
	{ KEYS_F2, KEYS_PAGE | KEYS_EDIT | KEYS_LIST, KEYS_CMD_SAVE },
	{ KEYS_CTRL('s'), KEYS_PAGE | KEYS_EDIT | KEYS_LIST, KEYS_CMD_SAVE },
	{ KEYS_F6, KEYS_PAGE | KEYS_EDIT | KEYS_LIST, KEYS_CMD_SAVE_AS },
	{ KEYS_CTRL('o'), KEYS_PAGE | KEYS_EDIT | KEYS_LIST, KEYS_CMD_SAVE_AS },
	{ KEYS_F10, KEYS_PAGE | KEYS_EDIT | KEYS_LIST, KEYS_CMD_QUIT },
	{ KEYS_CTRL('q'), KEYS_PAGE | KEYS_EDIT | KEYS_LIST, KEYS_CMD_QUIT },
	{ KEYS_RESIZE, KEYS_ANY, KEYS_CMD_REDRAW },
	{ KEYS_CTRL('l'), KEYS_PAGE | KEYS_LIST, KEYS_CMD_REDRAW },

	/* browsing a page */
	{ KEYS_DOWN, KEYS_PAGE, KEYS_CMD_NEXT_FIELD },
	{ KEYS_UP, KEYS_PAGE, KEYS_CMD_PREVIOUS_FIELD },
	{ '\t', KEYS_PAGE, KEYS_CMD_NEXT_FIELD },
	{ KEYS_BTAB, KEYS_PAGE, KEYS_CMD_PREVIOUS_FIELD },
	{ 'j', KEYS_PAGE, KEYS_CMD_NEXT_FIELD },
	{ 'k', KEYS_PAGE, KEYS_CMD_PREVIOUS_FIELD },
	{ KEYS_RIGHT, KEYS_PAGE, KEYS_CMD_NEXT_ITEM },
	{ KEYS_LEFT, KEYS_PAGE, KEYS_CMD_PREVIOUS_ITEM },
	{ ']', KEYS_PAGE, KEYS_CMD_NEXT_SECTION },
	{ '[', KEYS_PAGE, KEYS_CMD_PREVIOUS_SECTION },
	{ KEYS_PGDN, KEYS_PAGE, KEYS_CMD_NEXT_PAGE },
	{ KEYS_PGUP, KEYS_PAGE, KEYS_CMD_PREVIOUS_PAGE },
	{ KEYS_HOME, KEYS_PAGE, KEYS_CMD_FIRST_FIELD },
	{ KEYS_END, KEYS_PAGE, KEYS_CMD_LAST_FIELD },
	{ KEYS_ENTER, KEYS_PAGE, KEYS_CMD_EDIT },
	{ 'e', KEYS_PAGE, KEYS_CMD_EDIT },
	{ 'g', KEYS_PAGE, KEYS_CMD_JUMP },
	{ ':', KEYS_PAGE, KEYS_CMD_JUMP },
	{ '/', KEYS_PAGE, KEYS_CMD_SEARCH },
	{ 'n', KEYS_PAGE, KEYS_CMD_SEARCH_NEXT },
	{ 'm', KEYS_PAGE, KEYS_CMD_NEXT_MISSING },
	{ 'M', KEYS_PAGE, KEYS_CMD_PREVIOUS_MISSING },
	{ 'c', KEYS_PAGE, KEYS_CMD_KEEP },
	{ 'N', KEYS_PAGE, KEYS_CMD_NOTE },
	{ 'o', KEYS_PAGE, KEYS_CMD_OVERVIEW },
	{ KEYS_F3, KEYS_PAGE, KEYS_CMD_OVERVIEW },
	{ 's', KEYS_PAGE, KEYS_CMD_SUMMARY },
	{ KEYS_F4, KEYS_PAGE, KEYS_CMD_SUMMARY },
	{ '?', KEYS_PAGE, KEYS_CMD_KEYS },
	{ 'i', KEYS_PAGE, KEYS_CMD_FIELD_HELP },
	{ 'x', KEYS_PAGE, KEYS_CMD_EXPORT },
	{ KEYS_F5, KEYS_PAGE, KEYS_CMD_EXPORT },

	/* editing an answer (readline-style) */
	{ KEYS_ESC, KEYS_EDIT, KEYS_CMD_LEAVE_FIELD },
	{ '\t', KEYS_EDIT, KEYS_CMD_LEAVE_NEXT },
	{ KEYS_BTAB, KEYS_EDIT, KEYS_CMD_LEAVE_PREVIOUS },
	{ KEYS_ENTER, KEYS_EDIT, KEYS_CMD_NEWLINE },
	{ KEYS_LEFT, KEYS_EDIT, KEYS_CMD_CHAR_LEFT },
	{ KEYS_CTRL('b'), KEYS_EDIT, KEYS_CMD_CHAR_LEFT },
	{ KEYS_RIGHT, KEYS_EDIT, KEYS_CMD_CHAR_RIGHT },
	{ KEYS_CTRL('f'), KEYS_EDIT, KEYS_CMD_CHAR_RIGHT },
	{ KEYS_UP, KEYS_EDIT, KEYS_CMD_LINE_UP },
	{ KEYS_CTRL('p'), KEYS_EDIT, KEYS_CMD_LINE_UP },
	{ KEYS_DOWN, KEYS_EDIT, KEYS_CMD_LINE_DOWN },
	{ KEYS_CTRL('n'), KEYS_EDIT, KEYS_CMD_LINE_DOWN },
	{ KEYS_HOME, KEYS_EDIT, KEYS_CMD_LINE_START },
	{ KEYS_CTRL('a'), KEYS_EDIT, KEYS_CMD_LINE_START },
	{ KEYS_END, KEYS_EDIT, KEYS_CMD_LINE_END },
	{ KEYS_CTRL('e'), KEYS_EDIT, KEYS_CMD_LINE_END },
	{ KEYS_C_LEFT, KEYS_EDIT, KEYS_CMD_WORD_LEFT },
	{ KEYS_M_B, KEYS_EDIT, KEYS_CMD_WORD_LEFT },
	{ KEYS_C_RIGHT, KEYS_EDIT, KEYS_CMD_WORD_RIGHT },
	{ KEYS_M_F, KEYS_EDIT, KEYS_CMD_WORD_RIGHT },
	{ KEYS_C_HOME, KEYS_EDIT, KEYS_CMD_TEXT_START },
	{ KEYS_M_LT, KEYS_EDIT, KEYS_CMD_TEXT_START },
	{ KEYS_C_END, KEYS_EDIT, KEYS_CMD_TEXT_END },
	{ KEYS_M_GT, KEYS_EDIT, KEYS_CMD_TEXT_END },
	{ KEYS_BACKSPACE, KEYS_EDIT | KEYS_PROMPT, KEYS_CMD_DELETE_BACK },
	{ KEYS_CTRL('h'), KEYS_EDIT | KEYS_PROMPT, KEYS_CMD_DELETE_BACK },
	{ KEYS_DC, KEYS_EDIT, KEYS_CMD_DELETE_FORWARD },
	{ KEYS_CTRL('d'), KEYS_EDIT, KEYS_CMD_DELETE_FORWARD },
	{ KEYS_CTRL('k'), KEYS_EDIT, KEYS_CMD_KILL_LINE },
	{ KEYS_CTRL('u'), KEYS_EDIT | KEYS_PROMPT, KEYS_CMD_KILL_LINE_START },
	{ KEYS_CTRL('w'), KEYS_EDIT, KEYS_CMD_KILL_WORD },
	{ KEYS_CTRL('y'), KEYS_EDIT, KEYS_CMD_YANK },
	{ KEYS_CTRL('z'), KEYS_EDIT | KEYS_PAGE, KEYS_CMD_UNDO },
	{ KEYS_CTRL('_'), KEYS_EDIT | KEYS_PAGE, KEYS_CMD_UNDO },
	{ KEYS_CTRL('r'), KEYS_EDIT | KEYS_PAGE, KEYS_CMD_REDO },
	{ KEYS_PGDN, KEYS_EDIT, KEYS_CMD_PAGE_DOWN },
	{ KEYS_PGUP, KEYS_EDIT, KEYS_CMD_PAGE_UP },

	/* lists and prompts */
	{ KEYS_DOWN, KEYS_LIST, KEYS_CMD_LIST_DOWN },
	{ 'j', KEYS_LIST, KEYS_CMD_LIST_DOWN },
	{ '\t', KEYS_LIST, KEYS_CMD_LIST_DOWN },
	{ KEYS_UP, KEYS_LIST, KEYS_CMD_LIST_UP },
	{ 'k', KEYS_LIST, KEYS_CMD_LIST_UP },
	{ KEYS_BTAB, KEYS_LIST, KEYS_CMD_LIST_UP },
	{ KEYS_PGDN, KEYS_LIST, KEYS_CMD_LIST_PAGE_DOWN },
	{ KEYS_PGUP, KEYS_LIST, KEYS_CMD_LIST_PAGE_UP },
	{ KEYS_HOME, KEYS_LIST, KEYS_CMD_LIST_FIRST },
	{ KEYS_END, KEYS_LIST, KEYS_CMD_LIST_LAST },
	{ KEYS_ENTER, KEYS_LIST | KEYS_PROMPT, KEYS_CMD_ACCEPT },
	{ KEYS_ESC, KEYS_LIST | KEYS_PROMPT, KEYS_CMD_CANCEL },
	{ 'q', KEYS_LIST, KEYS_CMD_CANCEL },
	{ KEYS_CTRL('g'), KEYS_LIST | KEYS_PROMPT | KEYS_EDIT,
	    KEYS_CMD_CANCEL },
};

static const struct keys_binding *const keys_bindings = keys_default;
static const size_t keys_nbindings =
    sizeof keys_default / sizeof keys_default[0];

/* All bindings, in priority order. */
const struct keys_binding *
keys_table(size_t *n)
{
	*n = keys_nbindings;
	return keys_bindings;
}

/* The command bound to key in context, or KEYS_CMD_NONE. */
enum keys_cmd
keys_lookup(int context, int key)
{
	size_t i;

	for (i = 0; i < keys_nbindings; i++) {
		if (keys_bindings[i].key == key &&
		    (keys_bindings[i].contexts & context))
			return keys_bindings[i].command;
	}
	return KEYS_CMD_NONE;
}

/* A key's name for the help screen ("F2", "Ctrl-S", "Tab", "a"). */
const char *
keys_name(int key, char *buf, size_t len)
{
	static const char *const names[] = {
		"Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn",
		"Shift-Tab", "Delete", "Backspace", "Enter", "Esc",
		"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10",
		"Ctrl-Left", "Ctrl-Right", "Ctrl-Home", "Ctrl-End",
		"Alt-b", "Alt-f", "Alt-d", "Alt-<", "Alt->", "Resize", "Paste",
		""
	};

	if (key >= KEYS_BASE && key <= KEYS_NONE)
		snprintf(buf, len, "%s", names[key - KEYS_BASE]);
	else if (key == '\t')
		snprintf(buf, len, "Tab");
	else if (key == ' ')
		snprintf(buf, len, "Space");
	else if (key < 0x20)
		snprintf(buf, len, "Ctrl-%c", key == KEYS_CTRL('_') ? '_' :
		    key + 'A' - 1);
	else if (key < 0x7f)
		snprintf(buf, len, "%c", key);
	else
		snprintf(buf, len, "U+%04X", (unsigned)key);
	return buf;
}
