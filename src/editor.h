/*
 * editor: the state of an interactive editing session, without curses.
 *
 * Data model: one draft (and its form) in a file, the current field, and
 * at most one answer being edited in a textbuf; lists of entries that a
 * screen or popup shows; what is on the screen.  Each part is a sub-struct
 * of struct editor owned by one file, whose header comment states its
 * invariants:
 *
 *	file	editor-file.c	the draft file, its lock, saving and conflicts
 *	nav	editor-nav.c	the current field and the last search
 *	edit	editor-edit.c	the answer being edited
 *	list	editor-list.c	the entries of a list screen or popup
 *	ask	popup-ask.c	the question of the ask popup
 *	ui	editor.c	screen, popup, prompt, message, redraw bits
 *
 * Every user action is a command (struct editor_cmd) in the command table
 * of the file that owns what it changes; keys reach commands through the
 * key table (keys.h), and editor.c dispatches them, applying the policy
 * the table states (allowed without a draft, writes the draft).  Commands
 * never draw: they change the state and set bits in ui.redraw; the view
 * draws from a const struct editor and reports its geometry back through
 * editor_drawn.
 *
 * Read first: editor.c (dispatch), then the file of the job at hand.
 */
#ifndef KAIJI_EDITOR_H
#define KAIJI_EDITOR_H

#include <stddef.h>
#include <time.h>

#include "fileio.h"
#include "keys.h"

struct draft;
struct form;
struct formdir;
struct lock;
struct popup;
struct popup_answer;
struct prompt;
struct textbuf;

enum editor_screen {
	EDITOR_PAGE,		/* the fields of a page */
	EDITOR_OVERVIEW,	/* pages and sections with completeness */
	EDITOR_SUMMARY,		/* the findings */
	EDITOR_KEYS,		/* the key bindings */
	EDITOR_START		/* no draft yet: new or resume */
};

#define EDITOR_REDRAW_ALL	0x1
#define EDITOR_REDRAW_BODY	0x2
#define EDITOR_REDRAW_STATUS	0x4
#define EDITOR_REDRAW_FIELD	0x8	/* only the field being edited */

#define EDITOR_IDLE_SAVE	2	/* seconds of idle before autosave */
#define EDITOR_MAX_UNSAVED	4	/* seconds a change stays unsaved */

struct editor_entry {
	char		*label;		/* text to show (the view sanitises) */
	size_t		 field;		/* field to go to, or (size_t)-1 */
	int		 heading;	/* not selectable */
	int		 level;		/* 0 page/section, 1 item/field */
	char		*value;		/* start screen: path; choices: answer */
};

/* editor-file.c */
struct editor_file {
	char			*path;		/* draft file, NULL on start */
	struct draft		*draft;
	struct lock		*lock;
	int			 readonly;
	char			*lock_message;	/* who holds the lock, or
						   why it was not taken */
	int			 lock_state;	/* EDITOR_LOCK_* at the load */
	int			 dirty;
	time_t			 changed_at;
	time_t			 dirty_since;	/* first unsaved change, or 0 */
	time_t			 saved_at;	/* 0: nothing saved since the
						   draft was opened */
	int			 save_failed;
	struct fileio_id	 disk;		/* the draft file as last read
						   or written by us */
	int			 conflict;	/* it changed under us */
	int			 overwrite;	/* the user said: overwrite it */
	char			*save_as;	/* a file to replace, once
						   confirmed */
	int			 quit_unsaved;	/* quit pressed after a failure */
};

/* How the load of a draft went with its lock (editor_file_lock says so). */
enum {
	EDITOR_LOCK_TAKEN,	/* the session holds it */
	EDITOR_LOCK_HELD,	/* another editor does: read-only */
	EDITOR_LOCK_FAILED,	/* it could not be taken: read-only */
	EDITOR_LOCK_LINK	/* path is a symbolic link: read-only */
};

/* editor-nav.c */
struct editor_nav {
	size_t			 field;		/* current field index */
	char			*search;	/* last search */
};

/* editor-edit.c */
struct editor_change {
	size_t			 field;
	char			*before, *after;	/* answers, NULL: none */
};

#define EDITOR_UNDO_FIELDS	100	/* changes of answers kept */

struct editor_edit {
	struct textbuf		*tb;		/* answer being edited */
	int			 goal_col;	/* for up/down, -1: none */
	int			 width;		/* from the view */
	char			*begun;		/* the answer when the edit
						   began, NULL: none */
	struct editor_change	*done;		/* oldest first */
	size_t			 ndone;
	struct editor_change	*undone;	/* most recently undone last */
	size_t			 nundone;
};

/* editor-list.c */
struct editor_list {
	struct editor_entry	*v;
	size_t			 n;
	size_t			 sel;
	unsigned		 serial;	/* a new list each time */
};

/* popup-ask.c */
struct editor_ask {
	char				*question;
	const struct popup_answer	*answers;	/* one per entry */
	int				 cancel;	/* the answer of Esc,
							   -1: none */
};

/* editor.c */
struct editor_ui {
	enum editor_screen	 screen;
	const struct popup	*popup;		/* NULL: none */
	const struct prompt	*prompt;	/* NULL: none */
	struct textbuf		*prompt_text;
	char			*message;
	int			 message_error;
	int			 redraw;
	int			 quit;
	int			 page_rows;	/* from the view: body height */
	int			 too_small;	/* from the view: the screen
						   shows only "too small" */
};

struct editor {
	struct formdir		*formdir;
	struct editor_file	 file;
	struct editor_nav	 nav;
	struct editor_edit	 edit;
	struct editor_list	 list;
	struct editor_ask	 ask;
	struct editor_ui	 ui;
};

/* A command: what it does and the policy dispatch applies to it. */
struct editor_cmd {
	enum keys_cmd	 id;
	const char	*name;
	const char	*help;		/* N_(), for the help screen */
	const char	*hint;		/* N_(), the key-hint label, or NULL */
	void		(*fn)(struct editor *);
	int		 flags;
};
#define EDITOR_CMD_NO_DRAFT	0x1	/* allowed without a draft */
#define EDITOR_CMD_WRITES	0x2	/* refused in a read-only session */
#define EDITOR_CMD_EDITS	0x4	/* changes the text being edited or,
					   in a prompt, the prompt line */

/* What the view tells the editor after drawing a frame. */
struct editor_frame {
	int		 page_rows;	/* rows of the body */
	int		 edit_width;	/* columns of an answer */
	int		 too_small;	/* only "too small" is shown */
};

/* Field statuses, as editor_edit_status returns them. */
enum {
	EDITOR_ST_OK,		/* answered, no finding */
	EDITOR_ST_EMPTY,	/* optional and unanswered */
	EDITOR_ST_MISSING,	/* 必須 unanswered */
	EDITOR_ST_MISSING_LEVEL,/* 必須○ unanswered */
	EDITOR_ST_OVER,		/* over a limit */
	EDITOR_ST_WARN,		/* a format warning or not a choice */
	EDITOR_ST_RENEW		/* carried over, still to renew */
};

/* editor.c */
struct editor	*editor_new(struct formdir *);
void		 editor_free(struct editor *);
int		 editor_open(struct editor *, const char *, char **);
char		*editor_drafts_dir(void);
void		 editor_message(struct editor *, int, const char *, ...)
		     __attribute__((format(printf, 3, 4)));
int		 editor_context(const struct editor *);
void		 editor_prompt(struct editor *, const struct prompt *,
		     const char *);
const char	*editor_prompt_label(const struct editor *);
void		 editor_popup(struct editor *, const struct popup *);
void		 editor_popup_close(struct editor *);
int		 editor_command(struct editor *, enum keys_cmd);
const char	*editor_command_name(enum keys_cmd);
const char	*editor_command_help(enum keys_cmd);
const char	*editor_command_hint(enum keys_cmd);
int		 editor_key(struct editor *, int);
void		 editor_paste(struct editor *, const char *);
void		 editor_prompt_type(struct editor *, const char *);
void		 editor_drawn(struct editor *, const struct editor_frame *);

/* editor-file.c */
extern const struct editor_cmd editor_file_cmds[];
int		 editor_file_load(struct editor *, const char *, char **);
void		 editor_file_lock(struct editor *);
void		 editor_file_free(struct editor *);
int		 editor_file_save(struct editor *);
int		 editor_file_wait(const struct editor *, time_t);
int		 editor_file_autosave(struct editor *, time_t);
int		 editor_file_rescue(struct editor *);
void		 editor_file_save_as(struct editor *, const char *, int);
void		 editor_file_changed(struct editor *);
size_t		 editor_file_recall(const struct editor *);
void		 editor_file_remember(struct editor *);

/* editor-nav.c */
extern const struct editor_cmd editor_nav_cmds[];
void		 editor_nav_goto(struct editor *, size_t);
void		 editor_nav_search_next(struct editor *);

/* editor-edit.c */
extern const struct editor_cmd editor_edit_cmds[];
void		 editor_edit_begin(struct editor *, const char *);
void		 editor_edit_end(struct editor *);
void		 editor_edit_commit(struct editor *);
void		 editor_edit_tidy(struct editor *);
void		 editor_edit_record(struct editor *, size_t, const char *);
void		 editor_edit_free(struct editor *);
void		 editor_edit_type(struct editor *, const char *, int);
size_t		 editor_edit_count(const struct editor *, size_t, size_t *,
		     int *);
int		 editor_edit_status(const struct editor *, size_t);
size_t		 editor_edit_halves(const struct editor *, size_t);
char		*editor_edit_why(const struct editor *, size_t);

/* editor-list.c */
extern const struct editor_cmd editor_list_cmds[];
void		 editor_list_clear(struct editor *);
struct editor_entry *editor_list_add(struct editor *, size_t, int, char *);
void		 editor_list_keys(struct editor *);
void		 editor_list_close(struct editor *);

/* editor-state.c */
extern const struct editor_cmd editor_state_cmds[];
int		 editor_state_set_note(struct editor *, const char *);

/* editor-start.c */
int		 editor_start(struct editor *);
void		 editor_start_accept(struct editor *);

#endif
