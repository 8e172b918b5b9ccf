/*
 * keys: the default key bindings.  The first binding of a key in a
 * context wins.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

static const struct keys_binding keys_default[] = {
	/* everywhere */
	{ KEYS_F1, KEYS_ANY, "help" },
	{ KEYS_F2, KEYS_PAGE | KEYS_EDIT | KEYS_LIST, "save" },
	{ KEYS_CTRL('s'), KEYS_PAGE | KEYS_EDIT | KEYS_LIST, "save" },
	{ KEYS_F6, KEYS_PAGE | KEYS_EDIT | KEYS_LIST, "save-as" },
	{ KEYS_CTRL('o'), KEYS_PAGE | KEYS_EDIT | KEYS_LIST, "save-as" },
	{ KEYS_F10, KEYS_PAGE | KEYS_EDIT | KEYS_LIST, "quit" },
	{ KEYS_CTRL('q'), KEYS_PAGE | KEYS_EDIT | KEYS_LIST, "quit" },
	{ KEYS_RESIZE, KEYS_ANY, "redraw" },
	{ KEYS_CTRL('l'), KEYS_PAGE | KEYS_LIST, "redraw" },

	/* browsing a page */
	{ KEYS_DOWN, KEYS_PAGE, "next-field" },
	{ KEYS_UP, KEYS_PAGE, "previous-field" },
	{ '\t', KEYS_PAGE, "next-field" },
	{ KEYS_BTAB, KEYS_PAGE, "previous-field" },
	{ 'j', KEYS_PAGE, "next-field" },
	{ 'k', KEYS_PAGE, "previous-field" },
	{ KEYS_RIGHT, KEYS_PAGE, "next-item" },
	{ KEYS_LEFT, KEYS_PAGE, "previous-item" },
	{ ']', KEYS_PAGE, "next-section" },
	{ '[', KEYS_PAGE, "previous-section" },
	{ KEYS_PGDN, KEYS_PAGE, "next-page" },
	{ KEYS_PGUP, KEYS_PAGE, "previous-page" },
	{ KEYS_HOME, KEYS_PAGE, "first-field" },
	{ KEYS_END, KEYS_PAGE, "last-field" },
	{ KEYS_ENTER, KEYS_PAGE, "edit" },
	{ 'e', KEYS_PAGE, "edit" },
	{ 'g', KEYS_PAGE, "jump" },
	{ ':', KEYS_PAGE, "jump" },
	{ '/', KEYS_PAGE, "search" },
	{ 'n', KEYS_PAGE, "search-next" },
	{ 'm', KEYS_PAGE, "next-missing" },
	{ 'M', KEYS_PAGE, "previous-missing" },
	{ 'o', KEYS_PAGE, "overview" },
	{ KEYS_F3, KEYS_PAGE, "overview" },
	{ 's', KEYS_PAGE, "summary" },
	{ KEYS_F4, KEYS_PAGE, "summary" },
	{ '?', KEYS_PAGE, "keys" },
	{ 'i', KEYS_PAGE, "field-help" },
	{ 'x', KEYS_PAGE, "export" },
	{ KEYS_F5, KEYS_PAGE, "export" },

	/* editing an answer (readline-style) */
	{ KEYS_ESC, KEYS_EDIT, "leave-field" },
	{ '\t', KEYS_EDIT, "leave-next" },
	{ KEYS_BTAB, KEYS_EDIT, "leave-previous" },
	{ KEYS_ENTER, KEYS_EDIT, "newline" },
	{ KEYS_LEFT, KEYS_EDIT, "char-left" },
	{ KEYS_CTRL('b'), KEYS_EDIT, "char-left" },
	{ KEYS_RIGHT, KEYS_EDIT, "char-right" },
	{ KEYS_CTRL('f'), KEYS_EDIT, "char-right" },
	{ KEYS_UP, KEYS_EDIT, "line-up" },
	{ KEYS_CTRL('p'), KEYS_EDIT, "line-up" },
	{ KEYS_DOWN, KEYS_EDIT, "line-down" },
	{ KEYS_CTRL('n'), KEYS_EDIT, "line-down" },
	{ KEYS_HOME, KEYS_EDIT, "line-start" },
	{ KEYS_CTRL('a'), KEYS_EDIT, "line-start" },
	{ KEYS_END, KEYS_EDIT, "line-end" },
	{ KEYS_CTRL('e'), KEYS_EDIT, "line-end" },
	{ KEYS_C_LEFT, KEYS_EDIT, "word-left" },
	{ KEYS_M_B, KEYS_EDIT, "word-left" },
	{ KEYS_C_RIGHT, KEYS_EDIT, "word-right" },
	{ KEYS_M_F, KEYS_EDIT, "word-right" },
	{ KEYS_C_HOME, KEYS_EDIT, "text-start" },
	{ KEYS_M_LT, KEYS_EDIT, "text-start" },
	{ KEYS_C_END, KEYS_EDIT, "text-end" },
	{ KEYS_M_GT, KEYS_EDIT, "text-end" },
	{ KEYS_BACKSPACE, KEYS_EDIT | KEYS_PROMPT, "delete-back" },
	{ KEYS_CTRL('h'), KEYS_EDIT | KEYS_PROMPT, "delete-back" },
	{ KEYS_DC, KEYS_EDIT, "delete-forward" },
	{ KEYS_CTRL('d'), KEYS_EDIT, "delete-forward" },
	{ KEYS_CTRL('k'), KEYS_EDIT, "kill-line" },
	{ KEYS_CTRL('u'), KEYS_EDIT | KEYS_PROMPT, "kill-line-start" },
	{ KEYS_CTRL('w'), KEYS_EDIT, "kill-word" },
	{ KEYS_CTRL('y'), KEYS_EDIT, "yank" },
	{ KEYS_CTRL('z'), KEYS_EDIT, "undo" },
	{ KEYS_CTRL('_'), KEYS_EDIT, "undo" },
	{ KEYS_CTRL('r'), KEYS_EDIT, "redo" },
	{ KEYS_PGDN, KEYS_EDIT, "page-down" },
	{ KEYS_PGUP, KEYS_EDIT, "page-up" },

	/* lists and prompts */
	{ KEYS_DOWN, KEYS_LIST, "list-down" },
	{ 'j', KEYS_LIST, "list-down" },
	{ '\t', KEYS_LIST, "list-down" },
	{ KEYS_UP, KEYS_LIST, "list-up" },
	{ 'k', KEYS_LIST, "list-up" },
	{ KEYS_BTAB, KEYS_LIST, "list-up" },
	{ KEYS_PGDN, KEYS_LIST, "list-page-down" },
	{ KEYS_PGUP, KEYS_LIST, "list-page-up" },
	{ KEYS_HOME, KEYS_LIST, "list-first" },
	{ KEYS_END, KEYS_LIST, "list-last" },
	{ KEYS_ENTER, KEYS_LIST | KEYS_PROMPT, "accept" },
	{ KEYS_ESC, KEYS_LIST | KEYS_PROMPT, "cancel" },
	{ 'q', KEYS_LIST, "cancel" },
	{ KEYS_CTRL('g'), KEYS_LIST | KEYS_PROMPT | KEYS_EDIT, "cancel" },
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

/* The command bound to key in context, or NULL. */
const char *
keys_lookup(int context, int key)
{
	size_t i;

	for (i = 0; i < keys_nbindings; i++) {
		if (keys_bindings[i].key == key &&
		    (keys_bindings[i].contexts & context))
			return keys_bindings[i].command;
	}
	return NULL;
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
