/*
 * editor: the state of an interactive editing session, without curses.
 *
 * Data model: one draft (and its form), the current field, and at most one
 * answer being edited in a textbuf.  While a field is edited its text lives
 * in the textbuf; editor_commit copies it into the draft.  "dirty" means
 * the draft on disk is older than what the user typed (including the
 * textbuf).  Key handlers change this state and set bits in redraw; only
 * the view draws.  Lists (overview, summary, start screen, choices) are
 * built here as entries the view shows and "accept" acts on.
 *
 * "disk" is the identity (device, inode, size, modification time) of the
 * draft file as this session last loaded or wrote it.  A save first checks
 * that the file is still that one: when another program replaced, changed
 * or removed it, nothing is written ("conflict") until the user chooses to
 * overwrite it or saves elsewhere.  A session writes only the file whose
 * lock it holds; "save-as" takes the new file's lock before writing it
 * and moves the session there.
 */
#ifndef KAIJI_EDITOR_H
#define KAIJI_EDITOR_H

#include <stddef.h>
#include <time.h>

#include "fileio.h"

struct draft;
struct form;
struct formdir;
struct lock;
struct textbuf;

enum editor_screen {
	EDITOR_PAGE,		/* the fields of a page */
	EDITOR_OVERVIEW,	/* pages and sections with completeness */
	EDITOR_SUMMARY,		/* the findings */
	EDITOR_KEYS,		/* the key bindings */
	EDITOR_START		/* no draft yet: new or resume */
};

enum editor_popup {
	EDITOR_NO_POPUP,
	EDITOR_FIELD_HELP,	/* the current field's description etc. */
	EDITOR_CHOICES,		/* choose an answer */
	EDITOR_READONLY_ASK,	/* the draft is locked: open read-only? */
	EDITOR_ASK		/* a question (ask) with entries to choose */
};

enum editor_prompt {
	EDITOR_NO_PROMPT,
	EDITOR_SEARCH,
	EDITOR_JUMP,
	EDITOR_SAVE_AS		/* the file name to save a copy to */
};

#define EDITOR_REDRAW_ALL	0x1
#define EDITOR_REDRAW_BODY	0x2
#define EDITOR_REDRAW_STATUS	0x4
#define EDITOR_REDRAW_FIELD	0x8	/* only the field being edited */

struct editor_entry {
	char		*label;		/* text to show (the view sanitises) */
	size_t		 field;		/* field to go to, or (size_t)-1 */
	int		 heading;	/* not selectable */
	int		 level;		/* 0 page/section, 1 item/field */
	char		*value;		/* start screen: path; choices: answer */
};

struct editor {
	struct formdir		*formdir;
	char			*path;		/* draft file, NULL on start */
	struct draft		*draft;
	struct lock		*lock;
	int			 readonly;
	char			*lock_message;

	size_t			 field;		/* current field index */
	struct textbuf		*edit;		/* answer being edited */
	int			 goal_col;	/* for up/down, -1: none */

	enum editor_screen	 screen;
	enum editor_popup	 popup;
	enum editor_prompt	 prompt;
	struct textbuf		*prompt_text;
	char			*search;	/* last search */

	struct editor_entry	*entries;	/* list of the screen/popup */
	size_t			 nentries;
	size_t			 sel;
	size_t			 list_top;

	int			 dirty;
	time_t			 changed_at;
	time_t			 saved_at;
	int			 save_failed;
	struct fileio_id	 disk;		/* the draft file as last read
						   or written by us */
	int			 conflict;	/* it changed under us */
	int			 overwrite;	/* the user said: overwrite it */
	char			*ask;		/* EDITOR_ASK's question */
	char			*save_as;	/* a file to replace, once
						   confirmed */
	char			*message;
	int			 message_error;
	int			 redraw;
	int			 quit;
	int			 quit_unsaved;	/* quit pressed after a failure */
	int			 page_rows;	/* set by the view: body height */
	int			 edit_width;	/* set by the view: answer width */
};

#define EDITOR_IDLE_SAVE	2	/* seconds of idle before autosave */

struct editor	*editor_new(struct formdir *);
void		 editor_free(struct editor *);
int		 editor_open(struct editor *, const char *, char **);
int		 editor_start(struct editor *);
char		*editor_drafts_dir(void);
void		 editor_message(struct editor *, int, const char *, ...)
		     __attribute__((format(printf, 3, 4)));

void		 editor_goto(struct editor *, size_t);
void		 editor_commit(struct editor *);
int		 editor_save(struct editor *);
int		 editor_rescue(struct editor *);
const char	*editor_prompt_label(const struct editor *);
void		 editor_remember(struct editor *);
int		 editor_autosave(struct editor *, time_t);
void		 editor_edit_begin(struct editor *);
void		 editor_edit_end(struct editor *);
void		 editor_type(struct editor *, const char *, int);
int		 editor_command(struct editor *, const char *);
const char	*editor_command_name(size_t);
const char	*editor_command_help(const char *);
int		 editor_key(struct editor *, int);
int		 editor_context(const struct editor *);

size_t		 editor_count(const struct editor *, size_t, size_t *, int *);
int		 editor_status(const struct editor *, size_t);

/* Field statuses, as editor_status returns them. */
enum {
	EDITOR_ST_OK,		/* answered, no finding */
	EDITOR_ST_EMPTY,	/* optional and unanswered */
	EDITOR_ST_MISSING,	/* 必須 unanswered */
	EDITOR_ST_MISSING_LEVEL,/* 必須○ unanswered */
	EDITOR_ST_OVER,		/* over a limit */
	EDITOR_ST_WARN		/* a format warning or not a choice */
};

#endif
