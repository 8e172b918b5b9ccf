/*
 * editor: the session's lifecycle, its messages, the key context, the
 * registry of command tables and the dispatch of keys, commands and pastes
 * (see editor.h).
 *
 * State owned here, struct editor_ui: the screen showing; at most one
 * popup (popup.h) and at most one prompt (prompt.h), a prompt's line in
 * prompt_text (non-NULL exactly while a prompt is open); the status
 * message; the redraw bits; quit, once set, ends the session.  A popup
 * or prompt may open over an answer being edited; the key context is the
 * prompt's, else the popup's, else the screen's.
 *
 * Dispatch applies each command's policy from its table, in this one
 * place: without a draft only EDITOR_CMD_NO_DRAFT commands run; in a
 * read-only session EDITOR_CMD_WRITES commands, typing and pastes into
 * an answer are refused with a message (the text commands still edit a
 * prompt's line).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confine.h"
#include "editor.h"
#include "emergency.h"
#include "i18n.h"
#include "keys.h"
#include "limit.h"
#include "popup.h"
#include "prompt.h"
#include "text.h"
#include "textbuf.h"
#include "xalloc.h"
#include "xdg.h"

static const struct editor_cmd editor_cmds[];

/* The command tables, one per file that owns what its commands change. */
static const struct editor_cmd *const editor_tables[] = {
	editor_cmds,
	editor_file_cmds,
	editor_nav_cmds,
	editor_edit_cmds,
	editor_list_cmds,
	editor_state_cmds,
};

/*
 * A new editor with no draft, reading forms from fd; it is the session
 * the emergency save watches until it is freed.
 */
struct editor *
editor_new(struct formdir *fd)
{
	struct editor *e = xcalloc(1, sizeof *e);
	struct emergency_source src = {
		.path = &e->file.path,
		.draft = &e->file.draft,
		.field = &e->nav.field,
		.edit = &e->edit.tb,
		.readonly = &e->file.readonly,
	};

	e->formdir = fd;
	e->edit.goal_col = -1;
	e->edit.width = 60;
	e->ui.redraw = EDITOR_REDRAW_ALL;
	e->ui.page_rows = 20;
	emergency_watch(&src);
	return e;
}

void
editor_free(struct editor *e)
{
	if (e == NULL)
		return;
	emergency_watch(NULL);
	editor_list_clear(e);
	editor_edit_free(e);
	if (e->ui.prompt_text != NULL)
		textbuf_free(e->ui.prompt_text);
	editor_file_free(e);
	free(e->ask.question);
	free(e->nav.search);
	free(e->ui.message);
	free(e);
}

/*
 * Open (or create, in the newest edition) the draft at path, at the field
 * where it was left, and lock it; when another editor holds the lock the
 * session asks whether to open it read-only.  Returns -1 with a cause
 * when the draft cannot be read; the session is unchanged then.
 */
int
editor_open(struct editor *e, const char *path, char **cause)
{
	if (editor_file_load(e, path, cause) != 0)
		return -1;
	e->nav.field = editor_file_recall(e);
	e->ui.screen = EDITOR_PAGE;
	e->ui.popup = NULL;
	editor_list_clear(e);
	editor_file_lock(e);
	e->ui.redraw = EDITOR_REDRAW_ALL;
	return 0;
}

/*
 * Where the start screen keeps drafts: the restricted mode's directory, or
 * $XDG_DATA_HOME/kaiji/drafts (caller frees).
 */
char *
editor_drafts_dir(void)
{
	if (confine_dir() != NULL)
		return xstrdup(confine_dir());
	return xdg_path("XDG_DATA_HOME", ".local/share", "drafts");
}

/* Show a one-line message in the status line (error: in the error style). */
void
editor_message(struct editor *e, int error, const char *fmt, ...)
{
	va_list ap;

	free(e->ui.message);
	va_start(ap, fmt);
	if (vasprintf(&e->ui.message, fmt, ap) < 0)
		e->ui.message = NULL;
	va_end(ap);
	e->ui.message_error = error;
	e->ui.redraw |= EDITOR_REDRAW_STATUS;
}

/* The key context of the current state. */
int
editor_context(const struct editor *e)
{
	if (e->ui.prompt != NULL)
		return KEYS_PROMPT;
	if (e->ui.popup != NULL || e->ui.screen != EDITOR_PAGE)
		return KEYS_LIST;
	return e->edit.tb != NULL ? KEYS_EDIT : KEYS_PAGE;
}

/* Open prompt p on the status line with text, the cursor at its end. */
void
editor_prompt(struct editor *e, const struct prompt *p, const char *text)
{
	if (e->ui.prompt_text != NULL)
		textbuf_free(e->ui.prompt_text);
	e->ui.prompt = p;
	e->ui.prompt_text = textbuf_new(text);
	textbuf_set_cursor(e->ui.prompt_text, textbuf_len(e->ui.prompt_text));
	e->ui.redraw |= EDITOR_REDRAW_STATUS;
}

/* Close the prompt; returns its line (caller frees). */
static char *
editor_prompt_close(struct editor *e)
{
	char *text = textbuf_text(e->ui.prompt_text);

	textbuf_free(e->ui.prompt_text);
	e->ui.prompt_text = NULL;
	e->ui.prompt = NULL;
	e->ui.redraw |= EDITOR_REDRAW_STATUS;
	return text;
}

/* The label of the prompt line. */
const char *
editor_prompt_label(const struct editor *e)
{
	return e->ui.prompt != NULL ? _(e->ui.prompt->label) : "";
}

/* Show popup p (its entries, if any, are in the list already). */
void
editor_popup(struct editor *e, const struct popup *p)
{
	e->ui.popup = p;
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

/* Close the popup; its entries go unless a list screen shows them. */
void
editor_popup_close(struct editor *e)
{
	e->ui.popup = NULL;
	if (e->ui.screen == EDITOR_PAGE)
		editor_list_clear(e);
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

/* F1: the field's description; pressed again, all keys. */
static void
editor_help(struct editor *e)
{
	if (e->ui.prompt != NULL)
		return;
	if (e->ui.popup != NULL) {
		if (e->ui.popup->help != NULL)
			e->ui.popup->help(e);
	} else if (e->ui.screen == EDITOR_PAGE)
		editor_popup(e, &popup_help);
	else if (e->ui.screen != EDITOR_KEYS)
		editor_list_keys(e);
}

static void
editor_redraw(struct editor *e)
{
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

/* Enter in a prompt, a popup or a list. */
static void
editor_accept(struct editor *e)
{
	const struct prompt *p = e->ui.prompt;
	const struct editor_entry *en;

	if (p != NULL) {
		p->accept(e, editor_prompt_close(e));
		return;
	}
	if (e->ui.popup != NULL) {
		e->ui.popup->accept(e);
		return;
	}
	if (e->list.sel >= e->list.n)
		return;
	if (e->ui.screen == EDITOR_START) {
		editor_start_accept(e);
		return;
	}
	en = &e->list.v[e->list.sel];
	if (en->field != (size_t)-1)
		editor_nav_goto(e, en->field);
	else if (e->ui.screen == EDITOR_KEYS)
		return;
	editor_list_close(e);
}

/* Esc: close what is open, leave the field, go back a screen. */
static void
editor_cancel(struct editor *e)
{
	if (e->ui.prompt != NULL)
		free(editor_prompt_close(e));
	else if (e->ui.popup != NULL) {
		if (e->ui.popup->cancel != NULL)
			e->ui.popup->cancel(e);
		else
			editor_popup_close(e);
	} else if (e->edit.tb != NULL)
		editor_edit_end(e);
	else if (e->ui.screen == EDITOR_START)
		e->ui.quit = 1;
	else if (e->file.draft == NULL)
		editor_start(e);
	else if (e->ui.screen != EDITOR_PAGE)
		editor_list_close(e);
}

static const struct editor_cmd editor_cmds[] = {
	{ KEYS_CMD_HELP, "help", N_("help for the field; again: all keys"),
	    N_("Help"), editor_help, EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_REDRAW, "redraw", N_("redraw the screen"), NULL,
	    editor_redraw, EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_ACCEPT, "accept", N_("choose / go there"), N_("Choose"),
	    editor_accept, EDITOR_CMD_NO_DRAFT },
	{ KEYS_CMD_CANCEL, "cancel", N_("back / close"), N_("Back"),
	    editor_cancel, EDITOR_CMD_NO_DRAFT },
	{ .name = NULL }
};

static const struct editor_cmd *
editor_find(enum keys_cmd id)
{
	const struct editor_cmd *cmd;
	size_t i;

	for (i = 0; i < sizeof editor_tables / sizeof editor_tables[0]; i++) {
		for (cmd = editor_tables[i]; cmd->name != NULL; cmd++) {
			if (cmd->id == id)
				return cmd;
		}
	}
	return NULL;
}

/* The name of a command ("next-field"), or NULL if id is none. */
const char *
editor_command_name(enum keys_cmd id)
{
	const struct editor_cmd *cmd = editor_find(id);

	return cmd != NULL ? cmd->name : NULL;
}

/* The translated one-line help of a command, or NULL. */
const char *
editor_command_help(enum keys_cmd id)
{
	const struct editor_cmd *cmd = editor_find(id);

	return cmd != NULL ? _(cmd->help) : NULL;
}

/* The translated key-hint label of a command, or NULL if it has none. */
const char *
editor_command_hint(enum keys_cmd id)
{
	const struct editor_cmd *cmd = editor_find(id);

	return cmd != NULL && cmd->hint != NULL ? _(cmd->hint) : NULL;
}

/*
 * Whether the session refuses what flags (EDITOR_CMD_*) describe: a
 * write in a read-only session, unless it is an edit of a prompt's line.
 * Says so when it does.
 */
static int
editor_refused(struct editor *e, int flags)
{
	if (!(flags & EDITOR_CMD_WRITES) || !e->file.readonly ||
	    (e->ui.prompt != NULL && (flags & EDITOR_CMD_EDITS)))
		return 0;
	editor_message(e, 1, _("This draft is open read-only."));
	return 1;
}

/* Run a command under its policy; 0, or -1 if id is no command. */
int
editor_command(struct editor *e, enum keys_cmd id)
{
	const struct editor_cmd *cmd = editor_find(id);
	const struct textbuf *tb;
	size_t field;

	if (cmd == NULL)
		return -1;
	if (e->file.draft == NULL && !(cmd->flags & EDITOR_CMD_NO_DRAFT))
		return 0;
	if (editor_refused(e, cmd->flags))
		return 0;
	if (id != KEYS_CMD_QUIT)
		e->file.quit_unsaved = 0;
	tb = e->edit.tb;
	field = e->nav.field;
	cmd->fn(e);
	if ((cmd->flags & EDITOR_CMD_EDITS) && e->edit.tb != NULL &&
	    e->ui.prompt == NULL)
		editor_file_changed(e);
	/* within the answer being edited only that field changes */
	if (tb != NULL && e->edit.tb == tb && e->nav.field == field &&
	    e->ui.screen == EDITOR_PAGE && e->ui.popup == NULL)
		e->ui.redraw |= EDITOR_REDRAW_FIELD | EDITOR_REDRAW_STATUS;
	else
		e->ui.redraw |= EDITOR_REDRAW_BODY | EDITOR_REDRAW_STATUS;
	return 0;
}

/*
 * Text typed or pasted in a context: into the answer being edited (a
 * write) or a prompt's line; elsewhere it is ignored.
 */
static void
editor_input(struct editor *e, int context, const char *text, int paste)
{
	if (context == KEYS_EDIT) {
		if (!editor_refused(e, EDITOR_CMD_WRITES | EDITOR_CMD_EDITS))
			editor_edit_type(e, text, paste);
	} else if (context == KEYS_PROMPT)
		editor_prompt_type(e, text);
}

/* Type text into the prompt's line, which holds PROMPT_MAX_CHARS at most. */
void
editor_prompt_type(struct editor *e, const char *text)
{
	if (textbuf_len(e->ui.prompt_text) + strlen(text) > PROMPT_MAX_CHARS) {
		editor_message(e, 1, _("The line holds %u characters at most."),
		    PROMPT_MAX_CHARS);
		return;
	}
	textbuf_insert(e->ui.prompt_text, text);
	e->ui.redraw |= EDITOR_REDRAW_STATUS;
}

/* Handle one key (a KEYS_* code or a typed character). */
int
editor_key(struct editor *e, int key)
{
	int context = editor_context(e);
	enum keys_cmd id;
	char buf[8];

	if (e->ui.message != NULL && key != KEYS_RESIZE) {
		free(e->ui.message);
		e->ui.message = NULL;
		e->ui.redraw |= EDITOR_REDRAW_STATUS;
	}
	id = keys_lookup(context, key);
	/* what the user cannot see is not changed: only quit and redraw */
	if (e->ui.too_small && id != KEYS_CMD_QUIT && id != KEYS_CMD_REDRAW)
		return 0;
	if (id != KEYS_CMD_NONE)
		return editor_command(e, id);
	/* keys that do nothing here say what would */
	if (key == KEYS_CTRL('c') || (key == 'q' && context == KEYS_PAGE)) {
		editor_message(e, 0, _("To quit, press Ctrl-Q or F10 (the "
		    "answers are saved)."));
		return 0;
	}
	if (context == KEYS_PAGE && e->file.draft != NULL && key >= 0x20 &&
	    key != 0x7f && key < KEYS_BASE) {
		editor_message(e, 0, _("Press Enter to edit the field, F1 for "
		    "help."));
		return 0;
	}
	if (key < 0x20 || key == 0x7f || key >= KEYS_BASE)
		return 0;
	buf[text_encode((unsigned)key, buf)] = '\0';
	editor_input(e, context, buf, 0);
	return 0;
}

/* Handle a paste: kept whole, with the limit it goes over said. */
void
editor_paste(struct editor *e, const char *text)
{
	int context = editor_context(e);

	if (e->ui.too_small)
		return;		/* it would not be seen */
	editor_input(e, context, text, 1);
	if (context == KEYS_PROMPT)
		e->ui.redraw |= EDITOR_REDRAW_BODY;
	e->ui.redraw |= EDITOR_REDRAW_STATUS;
}

/*
 * The view drew a frame: what it asked for is on the screen, and frame
 * says the rows of the body and the width of an answer now.
 */
void
editor_drawn(struct editor *e, const struct editor_frame *frame)
{
	e->ui.page_rows = frame->page_rows;
	e->edit.width = frame->edit_width;
	e->ui.too_small = frame->too_small;
	e->ui.redraw = 0;
	if (e->edit.tb != NULL)
		textbuf_clean(e->edit.tb);
}
