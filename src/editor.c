/*
 * editor: interactive editing without curses (see editor.h).
 *
 * Every user action is a named command in editor_commands; keys reach
 * commands through the keys table.  Commands never draw: they change the
 * state and set redraw bits.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "confine.h"
#include "csv.h"
#include "draft.h"
#include "emergency.h"
#include "export.h"
#include "editor.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "ftype.h"
#include "i18n.h"
#include "keys.h"
#include "layout.h"
#include "lock.h"
#include "text.h"
#include "textbuf.h"
#include "validate.h"
#include "xalloc.h"

#define CMD_MODIFIES	0x1	/* changes the answer being edited */
#define CMD_WRITES	0x2	/* refused in a read-only session */

struct editor_cmd {
	const char	*name;
	const char	*help;
	void		(*fn)(struct editor *);
	int		 flags;
};

static const struct editor_cmd	*editor_find_cmd(const char *);
static void			 editor_save_as(struct editor *, const char *,
				     int);
static void			 editor_answer(struct editor *);

/* A new editor with no draft, reading forms from fd. */
struct editor *
editor_new(struct formdir *fd)
{
	struct editor *e = xcalloc(1, sizeof *e);

	e->formdir = fd;
	e->goal_col = -1;
	e->redraw = EDITOR_REDRAW_ALL;
	e->page_rows = 20;
	e->edit_width = 60;
	return e;
}

static void
editor_clear_entries(struct editor *e)
{
	size_t i;

	for (i = 0; i < e->nentries; i++) {
		free(e->entries[i].label);
		free(e->entries[i].value);
	}
	free(e->entries);
	e->entries = NULL;
	e->nentries = 0;
	e->sel = 0;
	e->list_top = 0;
}

static struct editor_entry *
editor_add_entry(struct editor *e, size_t field, int heading, char *label)
{
	struct editor_entry *en;

	e->entries = xreallocarray(e->entries, e->nentries + 1,
	    sizeof *e->entries);
	en = &e->entries[e->nentries++];
	memset(en, 0, sizeof *en);
	en->label = label;
	en->field = field;
	en->heading = heading;
	return en;
}

void
editor_free(struct editor *e)
{
	if (e == NULL)
		return;
	editor_clear_entries(e);
	if (e->edit != NULL)
		textbuf_free(e->edit);
	if (e->prompt_text != NULL)
		textbuf_free(e->prompt_text);
	if (e->lock != NULL)
		lock_release(e->lock);
	draft_free(e->draft);
	free(e->lock_message);
	free(e->ask);
	free(e->save_as);
	free(e->search);
	free(e->message);
	free(e->path);
	free(e);
}

/* Show a one-line message in the status line (error: in the error style). */
void
editor_message(struct editor *e, int error, const char *fmt, ...)
{
	va_list ap;

	free(e->message);
	va_start(ap, fmt);
	if (vasprintf(&e->message, fmt, ap) < 0)
		e->message = NULL;
	va_end(ap);
	e->message_error = error;
	e->redraw |= EDITOR_REDRAW_STATUS;
}

/*
 * "$VAR/kaiji/leaf" when the XDG variable is an absolute path, else
 * "$HOME/fallback/kaiji/leaf" (caller frees).
 */
static char *
editor_xdg(const char *var, const char *fallback, const char *leaf)
{
	const char *xdg = getenv(var), *home = getenv("HOME");

	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/kaiji/%s", xdg, leaf);
	return xasprintf("%s/%s/kaiji/%s", home != NULL ? home : ".",
	    fallback, leaf);
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
	return editor_xdg("XDG_DATA_HOME", ".local/share", "drafts");
}

/* The file that says where each draft was left (caller frees). */
static char *
editor_state_path(void)
{
	return editor_xdg("XDG_STATE_HOME", ".local/state", "positions");
}

static int
editor_mkdirs(const char *path)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

/* The absolute path of the draft, for the positions file (caller frees). */
static char *
editor_abspath(const char *path)
{
	char *real = realpath(path, NULL);

	return real != NULL ? real : xstrdup(path);
}

/* Remember the current field for this draft (best effort). */
void
editor_remember(struct editor *e)
{
	char *state, *abs, *buf = NULL, *line, *next, *out, *cause;
	size_t len, olen = 0;
	FILE *fp;

	if (e->draft == NULL || e->path == NULL)
		return;
	state = editor_state_path();
	abs = editor_abspath(e->path);
	if (fileio_read(state, 1024 * 1024, &buf, &len, &cause) != 0) {
		free(cause);
		buf = xstrdup("");
	}
	if ((fp = open_memstream(&out, &olen)) == NULL)
		abort();
	fprintf(fp, "%s\t%s\n", e->draft->form->fields[e->field].id, abs);
	for (line = buf; line != NULL && *line != '\0'; line = next) {
		char *tab;

		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		tab = strchr(line, '\t');
		if (tab == NULL || strcmp(tab + 1, abs) == 0)
			continue;
		fprintf(fp, "%s\n", line);
	}
	fclose(fp);
	if (editor_mkdirs(state) == 0 &&
	    fileio_replace(state, out, olen, 0, &cause) != 0)
		free(cause);
	free(out);
	free(buf);
	free(abs);
	free(state);
}

/* The field where this draft was left, or 0. */
static size_t
editor_recall(struct editor *e)
{
	const struct form_field *f;
	char *state, *abs, *buf, *line, *next, *tab, *cause;
	size_t len, field = 0;

	state = editor_state_path();
	abs = editor_abspath(e->path);
	if (fileio_read(state, 1024 * 1024, &buf, &len, &cause) != 0) {
		free(cause);
		free(abs);
		free(state);
		return 0;
	}
	for (line = buf; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		if (strcmp(tab + 1, abs) == 0 &&
		    (f = form_field(e->draft->form, line)) != NULL) {
			field = f->index;
			break;
		}
	}
	free(buf);
	free(abs);
	free(state);
	return field;
}

/*
 * Open (or create, in the newest edition) the draft at path and lock it.
 * When another editor holds the lock, the session asks whether to open
 * read-only.  Returns -1 with a cause when the draft cannot be read.
 */
int
editor_open(struct editor *e, const char *arg, char **cause)
{
	const struct form *form;
	struct lock_holder holder;
	struct stat st;
	struct draft *d;
	char *path;
	int rc, link;

	if (confine_check(arg, cause) != 0)
		return -1;
	path = xstrdup(arg);	/* arg may be an entry freed below */
	if (stat(path, &st) == -1 && errno == ENOENT) {
		if ((form = formdir_newest(e->formdir, "asp-saas",
		    cause)) == NULL) {
			free(path);
			return -1;
		}
		d = draft_new(form);
		if (draft_save(d, path, FILEIO_EXCL, cause) != 0) {
			draft_free(d);
			free(path);
			return -1;
		}
	} else if ((d = draft_load(path, e->formdir, cause)) == NULL) {
		free(path);
		return -1;
	}
	if (e->lock != NULL) {
		lock_release(e->lock);
		e->lock = NULL;
	}
	draft_free(e->draft);
	e->draft = d;
	free(e->path);
	e->path = path;
	e->field = editor_recall(e);
	e->screen = EDITOR_PAGE;
	e->popup = EDITOR_NO_POPUP;
	e->readonly = 0;
	e->saved_at = time(NULL);
	e->dirty = e->save_failed = e->conflict = e->overwrite = 0;
	if (fileio_id_get(path, &e->disk) != 0)
		e->disk.known = 0;
	editor_clear_entries(e);

	link = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	rc = link ? -1 : lock_acquire(path, &e->lock, &holder, cause);
	if (link) {
		/* saving would replace the link or write through it */
		e->readonly = 1;
		editor_message(e, 1, _("Read-only: %s is a symbolic link; "
		    "kaiji does not write through links (F6: save "
		    "elsewhere)."), path);
	} else if (rc == 1) {
		free(e->lock_message);
		e->lock_message = lock_describe(&holder);
		e->popup = EDITOR_READONLY_ASK;
		e->readonly = 1;
		editor_add_entry(e, (size_t)-1, 0,
		    xstrdup(_("Open it read-only")));
		editor_add_entry(e, (size_t)-1, 0, xstrdup(_("Quit")));
	} else if (rc == -1) {
		e->readonly = 1;
		editor_message(e, 1, _("Read-only: %s"), *cause);
		free(*cause);
		*cause = NULL;
	}
	e->redraw = EDITOR_REDRAW_ALL;
	return 0;
}

/*
 * The count a limit applies to for field, including text being edited,
 * with the limit (0: none) and whether it is an item's shared limit.
 */
size_t
editor_count(const struct editor *e, size_t field, size_t *limit, int *shared)
{
	const struct form *form = e->draft->form;
	const struct form_field *f = &form->fields[field];
	const struct form_item *item = &form->items[f->item];
	const char *a;
	size_t i, count = 0;

	*shared = item->limit != 0;
	*limit = *shared ? item->limit : f->limit;
	for (i = *shared ? item->first : field; i < (*shared ? item->first +
	    item->nfields : field + 1); i++) {
		if (e->edit != NULL && i == e->field)
			count += textbuf_count(e->edit);
		else if ((a = e->draft->answers[i]) != NULL)
			count += text_count(a, strlen(a));
	}
	return count;
}

/* The status mark of a field (EDITOR_ST_*), as committed in the draft. */
int
editor_status(const struct editor *e, size_t field)
{
	const struct form_field *f = &e->draft->form->fields[field];
	struct findings fs = { NULL, 0 };
	size_t count, limit, i;
	int shared, st;

	if (e->edit != NULL && field == e->field) {
		count = editor_count(e, field, &limit, &shared);
		if (limit != 0 && count > limit)
			return EDITOR_ST_OVER;
		return textbuf_len(e->edit) == 0 ? (f->mark == FORM_OPTIONAL ?
		    EDITOR_ST_EMPTY : f->mark == FORM_MANDATORY ?
		    EDITOR_ST_MISSING : EDITOR_ST_MISSING_LEVEL) :
		    EDITOR_ST_OK;
	}
	count = editor_count(e, field, &limit, &shared);
	if (limit != 0 && count > limit)
		return EDITOR_ST_OVER;
	validate_field(e->draft, field, &fs);
	st = e->draft->answers[field] == NULL ? EDITOR_ST_EMPTY : EDITOR_ST_OK;
	for (i = 0; i < fs.n; i++) {
		switch (fs.v[i].kind) {
		case FINDING_MISSING:
			st = EDITOR_ST_MISSING;
			break;
		case FINDING_MISSING_LEVEL:
			st = EDITOR_ST_MISSING_LEVEL;
			break;
		case FINDING_OVER_LIMIT:
			st = EDITOR_ST_OVER;
			break;
		default:
			if (st == EDITOR_ST_OK)
				st = EDITOR_ST_WARN;
			break;
		}
	}
	validate_free(&fs);
	return st;
}

/* Copy the text being edited into the draft (the edit goes on). */
void
editor_commit(struct editor *e)
{
	char *text, *why;
	const char *old;

	if (e->edit == NULL || e->readonly)
		return;
	text = textbuf_text(e->edit);
	old = e->draft->answers[e->field];
	if ((old == NULL && *text != '\0') ||
	    (old != NULL && strcmp(old, text) != 0)) {
		if (draft_set(e->draft, e->field, text, &why) != 0)
			free(why);	/* a textbuf always holds UTF-8 */
		e->dirty = 1;
		e->redraw |= EDITOR_REDRAW_BODY;	/* counts change */
	}
	free(text);
}

/*
 * Whether the draft file is no longer the one this session last read or
 * wrote (replaced, changed or removed by another program).  A directory
 * that is gone is not such a change: the save fails and says so.
 */
static int
editor_disk_changed(const struct editor *e)
{
	struct fileio_id now;
	struct stat st;
	char *dir, *slash;
	int gone;

	if (!e->disk.known)
		return 0;
	if (fileio_id_get(e->path, &now) == 0)
		return !fileio_id_same(&now, &e->disk);
	if (errno != ENOENT)
		return 0;
	dir = xstrdup(e->path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else
		slash[slash == dir] = '\0';
	gone = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	free(dir);
	return gone;
}

/*
 * Save the draft now (with the text being edited).  Returns 0, or -1 after
 * showing the error; the text stays in the editor either way, and a file
 * that changed under us is not overwritten unless the user said so.
 */
int
editor_save(struct editor *e)
{
	char *cause, *buf;
	size_t len;
	int rc;

	if (e->draft == NULL || e->readonly)
		return 0;
	editor_commit(e);
	if (!e->overwrite && editor_disk_changed(e)) {
		e->conflict = 1;
		e->save_failed = 1;
		editor_message(e, 1, _("Not saved: %s was changed or removed "
		    "by another program. F2: choose what to do."), e->path);
		return -1;
	}
	buf = draft_format(e->draft, &len);
	rc = fileio_replace_id(e->path, buf, len, FILEIO_BACKUP, &e->disk,
	    &cause);
	free(buf);
	if (rc != 0) {
		editor_message(e, 1, _("Not saved: %s. F2: try again, F6: "
		    "save elsewhere."), cause);
		free(cause);
		e->save_failed = 1;
		return -1;
	}
	e->dirty = 0;
	e->save_failed = 0;
	e->conflict = 0;
	e->overwrite = 0;
	e->saved_at = time(NULL);
	e->redraw |= EDITOR_REDRAW_STATUS;
	return 0;
}

/*
 * Save on the way out (a signal): when the draft cannot be saved, write
 * the answers to a new "<draft>.save" instead, as a crash would.  Returns
 * 0 when the draft itself was saved, else -1 with the message set.
 */
int
editor_rescue(struct editor *e)
{
	char path[4096], *why;

	if (e->draft == NULL || e->readonly || editor_save(e) == 0)
		return 0;
	why = e->message != NULL ? xstrdup(e->message) : xstrdup("");
	if (emergency_save(path, sizeof path) == 0)
		editor_message(e, 1, _("%s The answers were saved in %s."),
		    why, path);
	free(why);
	return -1;
}

/* Save when there are unsaved changes and the user has paused. */
int
editor_autosave(struct editor *e, time_t now)
{
	if (!e->dirty || now - e->changed_at < EDITOR_IDLE_SAVE)
		return 0;
	return editor_save(e);
}

static void
editor_changed(struct editor *e)
{
	e->dirty = 1;
	e->changed_at = time(NULL);
	e->redraw |= EDITOR_REDRAW_FIELD | EDITOR_REDRAW_STATUS;
}

/* Start editing the current field. */
void
editor_edit_begin(struct editor *e)
{
	const char *a = e->draft->answers[e->field];

	if (e->edit != NULL)
		return;
	e->edit = textbuf_new(a != NULL ? a : "");
	textbuf_set_cursor(e->edit, textbuf_len(e->edit));
	e->goal_col = -1;
	e->redraw |= EDITOR_REDRAW_BODY | EDITOR_REDRAW_STATUS;
}

/* Strip a dangling separator left after choosing あり/なし without detail. */
static void
editor_tidy_yesno(struct editor *e)
{
	const struct form_field *f = &e->draft->form->fields[e->field];
	char *text;
	size_t len;

	if (f->type != &ftype_yesno || e->edit == NULL)
		return;
	text = textbuf_text(e->edit);
	len = strlen(text);
	if (len >= 2 && strcmp(text + len - 2, "; ") == 0) {
		text[len - 2] = '\0';
		textbuf_free(e->edit);
		e->edit = textbuf_new(text);
	}
	free(text);
}

/* Stop editing: the text goes into the draft, which is saved. */
void
editor_edit_end(struct editor *e)
{
	int was_dirty;

	if (e->edit == NULL)
		return;
	editor_tidy_yesno(e);
	editor_commit(e);
	was_dirty = e->dirty;
	textbuf_free(e->edit);
	e->edit = NULL;
	if (was_dirty)
		editor_save(e);
	e->redraw |= EDITOR_REDRAW_BODY | EDITOR_REDRAW_STATUS;
}

/* Make field the current one (leaving the field being edited). */
void
editor_goto(struct editor *e, size_t field)
{
	if (e->draft == NULL || field >= e->draft->form->nfields)
		return;
	editor_edit_end(e);
	e->field = field;
	e->screen = EDITOR_PAGE;
	e->redraw |= EDITOR_REDRAW_BODY | EDITOR_REDRAW_STATUS;
}

/*
 * Type text into the field being edited.  Typing stops at the field's
 * limit; a paste is kept whole and says when it goes over.
 */
void
editor_type(struct editor *e, const char *text, int paste)
{
	size_t count, limit, add;
	int shared;

	if (e->edit == NULL)
		return;
	if (e->readonly) {
		editor_message(e, 1, _("This draft is open read-only."));
		return;
	}
	if (paste && !e->draft->form->fields[e->field].multiline &&
	    strpbrk(text, "\r\n") != NULL) {
		char *flat = xstrdup(text), *p;

		for (p = flat; *p != '\0'; p++) {
			if (*p == '\r' || *p == '\n')
				*p = ' ';
		}
		editor_type(e, flat, paste);
		free(flat);
		editor_message(e, 0, _("This field is one line: the line breaks "
		    "of the paste became spaces."));
		return;
	}
	count = editor_count(e, e->field, &limit, &shared);
	add = text_count(text, strlen(text));
	if (!paste && limit != 0 && count + add > limit && add > 0) {
		editor_message(e, 1, _("The limit of %zu字 is reached."),
		    limit);
		return;
	}
	textbuf_insert(e->edit, text);
	e->goal_col = -1;
	editor_changed(e);
	if (paste && limit != 0 && count + add > limit)
		editor_message(e, 1, _("Pasted %zu字: %zu/%zu字, %zu over the "
		    "limit; shorten it before you submit."), add, count + add,
		    limit, count + add - limit);
	else if (paste)
		editor_message(e, 0, _("Pasted %zu字."), add);
}

/* The key context of the current state. */
int
editor_context(const struct editor *e)
{
	if (e->prompt != EDITOR_NO_PROMPT)
		return KEYS_PROMPT;
	if (e->popup == EDITOR_CHOICES || e->popup == EDITOR_READONLY_ASK ||
	    e->popup == EDITOR_ASK)
		return KEYS_LIST;
	if (e->popup == EDITOR_FIELD_HELP)
		return KEYS_LIST;
	if (e->screen != EDITOR_PAGE)
		return KEYS_LIST;
	return e->edit != NULL ? KEYS_EDIT : KEYS_PAGE;
}

/* --- navigation ------------------------------------------------------- */

static const struct form *
editor_form(const struct editor *e)
{
	return e->draft->form;
}

static size_t
editor_item_of(const struct editor *e, size_t field)
{
	return editor_form(e)->fields[field].item;
}

static void
cmd_next_field(struct editor *e)
{
	if (e->field + 1 < editor_form(e)->nfields)
		editor_goto(e, e->field + 1);
}

static void
cmd_previous_field(struct editor *e)
{
	if (e->field > 0)
		editor_goto(e, e->field - 1);
}

static void
cmd_first_field(struct editor *e)
{
	const struct form *form = editor_form(e);
	size_t page = form->items[editor_item_of(e, e->field)].page;

	editor_goto(e, form->items[form->pages[page]].first);
}

static void
cmd_last_field(struct editor *e)
{
	const struct form *form = editor_form(e);
	size_t page = form->items[editor_item_of(e, e->field)].page;
	size_t end = page + 1 < form->npages ? form->pages[page + 1] :
	    form->nitems;

	editor_goto(e, form->items[end - 1].first + form->items[end -
	    1].nfields - 1);
}

static void
cmd_next_item(struct editor *e)
{
	size_t item = editor_item_of(e, e->field);

	if (item + 1 < editor_form(e)->nitems)
		editor_goto(e, editor_form(e)->items[item + 1].first);
}

static void
cmd_previous_item(struct editor *e)
{
	const struct form *form = editor_form(e);
	size_t item = editor_item_of(e, e->field);

	if (e->field != form->items[item].first)
		editor_goto(e, form->items[item].first);
	else if (item > 0)
		editor_goto(e, form->items[item - 1].first);
}

static void
cmd_next_section(struct editor *e)
{
	const struct form *form = editor_form(e);
	size_t s = form->items[editor_item_of(e, e->field)].section;

	if (s + 1 < form->nsections)
		editor_goto(e, form->items[form->sections[s + 1].first].first);
}

static void
cmd_previous_section(struct editor *e)
{
	const struct form *form = editor_form(e);
	size_t s = form->items[editor_item_of(e, e->field)].section;
	size_t first = form->items[form->sections[s].first].first;

	if (e->field != first)
		editor_goto(e, first);
	else if (s > 0)
		editor_goto(e, form->items[form->sections[s - 1].first].first);
}

static void
cmd_next_page(struct editor *e)
{
	const struct form *form = editor_form(e);
	size_t p = form->items[editor_item_of(e, e->field)].page;

	if (p + 1 < form->npages)
		editor_goto(e, form->items[form->pages[p + 1]].first);
	else
		cmd_last_field(e);
}

static void
cmd_previous_page(struct editor *e)
{
	const struct form *form = editor_form(e);
	size_t p = form->items[editor_item_of(e, e->field)].page;
	size_t first = form->items[form->pages[p]].first;

	if (e->field != first)
		editor_goto(e, first);
	else if (p > 0)
		editor_goto(e, form->items[form->pages[p - 1]].first);
}

static int
editor_is_missing(const struct editor *e, size_t field)
{
	int st = editor_status(e, field);

	return st == EDITOR_ST_MISSING || st == EDITOR_ST_MISSING_LEVEL ||
	    st == EDITOR_ST_OVER;
}

/* Go to the next (dir 1) or previous (-1) field that needs attention. */
static void
editor_find_missing(struct editor *e, int dir)
{
	size_t n = editor_form(e)->nfields, i, f;

	editor_edit_end(e);
	for (i = 1; i <= n; i++) {
		f = (e->field + n + (size_t)dir * i) % n;
		if (editor_is_missing(e, f)) {
			editor_goto(e, f);
			return;
		}
	}
	editor_message(e, 0, _("Nothing is missing or over a limit."));
}

static void
cmd_next_missing(struct editor *e)
{
	editor_find_missing(e, 1);
}

static void
cmd_previous_missing(struct editor *e)
{
	editor_find_missing(e, -1);
}

static int
editor_contains(const char *hay, const char *needle)
{
	return hay != NULL && strcasestr(hay, needle) != NULL;
}

/* Go to the next field (after the current one, wrapping) matching search. */
static void
editor_search_next(struct editor *e)
{
	const struct form *form = editor_form(e);
	const struct form_field *f;
	const struct form_item *item;
	size_t n = form->nfields, i, k;

	if (e->search == NULL || *e->search == '\0')
		return;
	editor_edit_end(e);
	for (i = 1; i <= n; i++) {
		k = (e->field + i) % n;
		f = &form->fields[k];
		item = &form->items[f->item];
		if (editor_contains(f->text, e->search) ||
		    editor_contains(item->name, e->search) ||
		    editor_contains(item->category, e->search) ||
		    editor_contains(f->id, e->search) ||
		    editor_contains(e->draft->answers[k], e->search)) {
			editor_goto(e, k);
			return;
		}
	}
	editor_message(e, 0, _("Not found: %s"), e->search);
}

static void
cmd_search(struct editor *e)
{
	e->prompt = EDITOR_SEARCH;
	e->prompt_text = textbuf_new(e->search != NULL ? e->search : "");
	textbuf_set_cursor(e->prompt_text, textbuf_len(e->prompt_text));
	e->redraw |= EDITOR_REDRAW_STATUS;
}

static void
cmd_search_next(struct editor *e)
{
	if (e->search == NULL)
		cmd_search(e);
	else
		editor_search_next(e);
}

static void
cmd_jump(struct editor *e)
{
	e->prompt = EDITOR_JUMP;
	e->prompt_text = textbuf_new("");
	e->redraw |= EDITOR_REDRAW_STATUS;
}

/* Go to "<item>" or "<item>.<row>". */
static void
editor_jump_to(struct editor *e, const char *what)
{
	const struct form *form = editor_form(e);
	const struct form_field *f = form_field(form, what);
	unsigned long no;
	char *end;

	if (f == NULL && strchr(what, '.') == NULL) {
		no = strtoul(what, &end, 10);
		if (*end == '\0' && end != what && no >= 1 &&
		    no <= form->nitems)
			f = &form->fields[form->items[no - 1].first];
	}
	if (f == NULL)
		editor_message(e, 1, _("No item or field '%s'."), what);
	else
		editor_goto(e, f->index);
}

/* --- editing ---------------------------------------------------------- */

static void
editor_open_choices(struct editor *e)
{
	const struct form_field *f = &editor_form(e)->fields[e->field];
	const char *a = e->draft->answers[e->field];
	struct editor_entry *en;
	size_t i;

	editor_clear_entries(e);
	for (i = 0; i < f->nchoices; i++) {
		en = editor_add_entry(e, e->field, 0, xstrdup(f->choices[i]));
		en->value = xstrdup(f->choices[i]);
		if (a != NULL && strncmp(a, f->choices[i],
		    strlen(f->choices[i])) == 0)
			e->sel = i;
	}
	if (f->type == &ftype_yesno) {
		en = editor_add_entry(e, e->field, 0,
		    xstrdup(_("Write the answer freely")));
		en->value = NULL;
	}
	e->popup = EDITOR_CHOICES;
	e->redraw |= EDITOR_REDRAW_ALL;
}

static void
cmd_edit(struct editor *e)
{
	const struct form_field *f = &editor_form(e)->fields[e->field];

	if (e->readonly) {
		editor_message(e, 1, _("This draft is open read-only."));
		return;
	}
	if (f->nchoices > 0)
		editor_open_choices(e);
	else
		editor_edit_begin(e);
}

/* Set the current field from the choices popup. */
static void
editor_choose(struct editor *e)
{
	const struct form_field *f = &editor_form(e)->fields[e->field];
	const char *value = e->entries[e->sel].value, *a, *detail = "";
	char *text, *why;
	size_t i, n;

	e->popup = EDITOR_NO_POPUP;
	e->redraw |= EDITOR_REDRAW_ALL;
	if (f->type != &ftype_yesno) {
		if (value == NULL) {
			editor_clear_entries(e);
			return;
		}
		if (draft_set(e->draft, e->field, value, &why) != 0)
			free(why);
		editor_clear_entries(e);
		editor_changed(e);
		editor_save(e);
		return;
	}
	/* あり/なし: keep any detail after the old answer, then edit it */
	a = e->draft->answers[e->field];
	if (a != NULL) {
		detail = a;
		for (i = 0; i < f->nchoices; i++) {
			n = strlen(f->choices[i]);
			if (strncmp(a, f->choices[i], n) == 0) {
				detail = a + n;
				detail += strspn(detail, ";:,; 　");
				if (strncmp(detail, "；", 3) == 0 ||
				    strncmp(detail, "：", 3) == 0)
					detail += 3;
				break;
			}
		}
	}
	if (value == NULL)
		text = xstrdup(a != NULL ? a : "");
	else
		text = xasprintf("%s; %s", value, detail);
	editor_clear_entries(e);
	e->edit = textbuf_new(text);
	textbuf_set_cursor(e->edit, textbuf_len(e->edit));
	free(text);
	editor_changed(e);
}

static void
cmd_leave_field(struct editor *e)
{
	editor_edit_end(e);
}

static void
cmd_leave_next(struct editor *e)
{
	editor_edit_end(e);
	cmd_next_field(e);
}

static void
cmd_leave_previous(struct editor *e)
{
	editor_edit_end(e);
	cmd_previous_field(e);
}

static void
cmd_newline(struct editor *e)
{
	if (!editor_form(e)->fields[e->field].multiline) {
		cmd_leave_next(e);
		return;
	}
	editor_type(e, "\n", 0);
}

/* The text the editing commands act on: the prompt line or the answer. */
static struct textbuf *
editor_tb(struct editor *e)
{
	return e->prompt != EDITOR_NO_PROMPT ? e->prompt_text : e->edit;
}

#define EDITOR_TB(name, call)						\
static void								\
name(struct editor *e)							\
{									\
	struct textbuf *tb = editor_tb(e);				\
									\
	if (tb != NULL)							\
		call;							\
	e->goal_col = -1;						\
}
EDITOR_TB(cmd_char_left, textbuf_left(tb))
EDITOR_TB(cmd_char_right, textbuf_right(tb))
EDITOR_TB(cmd_word_left, textbuf_word_left(tb))
EDITOR_TB(cmd_word_right, textbuf_word_right(tb))
EDITOR_TB(cmd_line_start, textbuf_home(tb))
EDITOR_TB(cmd_line_end, textbuf_end(tb))
EDITOR_TB(cmd_text_start, textbuf_set_cursor(tb, 0))
EDITOR_TB(cmd_text_end, textbuf_set_cursor(tb, textbuf_len(tb)))
EDITOR_TB(cmd_delete_back, textbuf_delete_back(tb))
EDITOR_TB(cmd_delete_forward, textbuf_delete_fwd(tb))
EDITOR_TB(cmd_kill_line, textbuf_kill_eol(tb))
EDITOR_TB(cmd_kill_line_start, textbuf_kill_bol(tb))
EDITOR_TB(cmd_kill_word, textbuf_kill_word(tb))
EDITOR_TB(cmd_undo, textbuf_undo(tb))
EDITOR_TB(cmd_redo, textbuf_redo(tb))
EDITOR_TB(cmd_yank, textbuf_yank(tb))

/* Move the cursor by rows display rows (negative: up), keeping a column. */
static void
editor_move_rows(struct editor *e, long rows)
{
	struct layout_row *lr;
	size_t n, row;
	long target;
	int col;

	if (e->edit == NULL)
		return;
	n = layout_wrap(e->edit, e->edit_width, &lr);
	layout_locate(lr, n, e->edit, textbuf_cursor(e->edit), &row, &col);
	if (e->goal_col < 0)
		e->goal_col = col;
	target = (long)row + rows;
	if (target < 0)
		target = 0;
	if (target >= (long)n)
		target = (long)n - 1;
	textbuf_set_cursor(e->edit, layout_position(lr, n, e->edit,
	    (size_t)target, e->goal_col));
	free(lr);
}

static void
cmd_line_up(struct editor *e)
{
	editor_move_rows(e, -1);
}

static void
cmd_line_down(struct editor *e)
{
	editor_move_rows(e, 1);
}

static void
cmd_page_up(struct editor *e)
{
	editor_move_rows(e, -(long)(e->page_rows > 2 ? e->page_rows - 2 : 1));
}

static void
cmd_page_down(struct editor *e)
{
	editor_move_rows(e, e->page_rows > 2 ? e->page_rows - 2 : 1);
}

/* --- screens and lists ------------------------------------------------ */

static char *
editor_tally_label(const struct editor *e, size_t first_item, size_t end_item,
    const char *name)
{
	const struct form *form = editor_form(e);
	size_t done[FORM_NMARKS] = { 0 }, total[FORM_NMARKS] = { 0 }, i, j;

	for (i = first_item; i < end_item; i++) {
		for (j = form->items[i].first; j < form->items[i].first +
		    form->items[i].nfields; j++) {
			total[form->fields[j].mark]++;
			if (e->draft->answers[j] != NULL)
				done[form->fields[j].mark]++;
		}
	}
	return xasprintf("必須 %3zu/%-3zu 必須○ %2zu/%-2zu 選択 %2zu/%-2zu  %s",
	    done[0], total[0], done[1], total[1], done[2], total[2], name);
}

static void
cmd_overview(struct editor *e)
{
	const struct form *form = editor_form(e);
	size_t p, i, start, end, cur = 0;
	char *name;

	editor_edit_end(e);
	editor_clear_entries(e);
	for (p = 0; p < form->npages; p++) {
		end = p + 1 < form->npages ? form->pages[p + 1] : form->nitems;
		name = xasprintf(_("Page %zu/%zu"), p + 1, form->npages);
		editor_add_entry(e, form->items[form->pages[p]].first, 0,
		    editor_tally_label(e, form->pages[p], end, name))->level = 0;
		free(name);
		for (i = form->pages[p]; i < end; i = start) {
			start = i + 1;
			while (start < end && form->items[start].section ==
			    form->items[i].section)
				start++;
			if (editor_item_of(e, e->field) >= i &&
			    editor_item_of(e, e->field) < start)
				cur = e->nentries;
			editor_add_entry(e, form->items[i].first, 0,
			    editor_tally_label(e, i, start,
			    form->sections[form->items[i].section].title))->level
			    = 1;
		}
	}
	e->sel = cur;
	e->screen = EDITOR_OVERVIEW;
	e->redraw = EDITOR_REDRAW_ALL;
}

static void
cmd_summary(struct editor *e)
{
	static const struct {
		enum finding_kind	 kind;
		const char		*heading;
	} kinds[] = {
		{ FINDING_MISSING, N_("Missing 必須 answers (%zu):") },
		{ FINDING_MISSING_LEVEL, N_("Missing 必須○ answers (%zu):") },
		{ FINDING_OVER_LIMIT, N_("Over the limit (%zu):") },
		{ FINDING_NOT_CHOICE, N_("Not among the choices (%zu):") },
		{ FINDING_FORMAT, N_("Warnings (%zu):") },
	};
	const struct form *form = editor_form(e);
	struct findings fs = { NULL, 0 };
	const struct form_field *f;
	size_t k, i, n;
	char *label;

	editor_edit_end(e);
	editor_clear_entries(e);
	validate_draft(e->draft, &fs);
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		for (i = n = 0; i < fs.n; i++)
			n += fs.v[i].kind == kinds[k].kind;
		if (n == 0)
			continue;
		label = xasprintf(_(kinds[k].heading), n);
		editor_add_entry(e, (size_t)-1, 1, label);
		for (i = 0; i < fs.n; i++) {
			if (fs.v[i].kind != kinds[k].kind)
				continue;
			f = &form->fields[fs.v[i].field];
			if (fs.v[i].kind == FINDING_OVER_LIMIT)
				label = xasprintf(_("%s %s: %zu/%zu字 (%zu "
				    "over)"), f->id, form->items[f->item].name,
				    fs.v[i].count, fs.v[i].limit,
				    fs.v[i].count - fs.v[i].limit);
			else if (fs.v[i].message != NULL)
				label = xasprintf("%s %s: %s", f->id,
				    form->items[f->item].name, fs.v[i].message);
			else
				label = xasprintf("%s %s: %s", f->id,
				    form->items[f->item].name, f->text);
			editor_add_entry(e, f->index, 0, label)->level = 1;
		}
	}
	if (fs.n == 0)
		editor_add_entry(e, (size_t)-1, 1, xstrdup(_("Complete: "
		    "nothing is missing or over a limit.")));
	validate_free(&fs);
	e->sel = 0;
	while (e->sel < e->nentries && e->entries[e->sel].heading)
		e->sel++;
	if (e->sel == e->nentries)
		e->sel = 0;
	e->screen = EDITOR_SUMMARY;
	e->redraw = EDITOR_REDRAW_ALL;
}

static void
cmd_keys(struct editor *e)
{
	size_t n, i, j, c;
	const struct keys_binding *kb = keys_table(&n);
	static const struct {
		int		 context;
		const char	*title;
	} contexts[] = {
		{ KEYS_PAGE, N_("On a page") },
		{ KEYS_EDIT, N_("Editing an answer") },
		{ KEYS_LIST, N_("In lists") },
		{ KEYS_PROMPT, N_("In the search and jump prompts") },
	};
	const struct editor_cmd *cmd;
	char keyname[32], keysbuf[128];

	editor_edit_end(e);
	editor_clear_entries(e);
	e->popup = EDITOR_NO_POPUP;
	for (c = 0; c < sizeof contexts / sizeof contexts[0]; c++) {
		editor_add_entry(e, (size_t)-1, 1,
		    xstrdup(_(contexts[c].title)));
		for (i = 0; i < n; i++) {
			if (!(kb[i].contexts & contexts[c].context) ||
			    kb[i].key == KEYS_RESIZE)
				continue;
			/* first binding of this command in this context? */
			for (j = 0; j < i; j++) {
				if ((kb[j].contexts & contexts[c].context) &&
				    strcmp(kb[j].command, kb[i].command) == 0)
					break;
			}
			if (j < i)
				continue;
			keysbuf[0] = '\0';
			for (j = i; j < n; j++) {
				if (!(kb[j].contexts & contexts[c].context) ||
				    strcmp(kb[j].command, kb[i].command) != 0 ||
				    keys_lookup(contexts[c].context,
				    kb[j].key) != kb[j].command)
					continue;
				if (keysbuf[0] != '\0')
					strncat(keysbuf, ", ", sizeof keysbuf -
					    strlen(keysbuf) - 1);
				strncat(keysbuf, keys_name(kb[j].key, keyname,
				    sizeof keyname), sizeof keysbuf -
				    strlen(keysbuf) - 1);
			}
			cmd = editor_find_cmd(kb[i].command);
			editor_add_entry(e, (size_t)-1, 0, xasprintf("%-22s %s",
			    keysbuf, cmd != NULL ? _(cmd->help) :
			    kb[i].command))->level = 1;
		}
	}
	e->sel = 1;
	e->screen = EDITOR_KEYS;
	e->redraw = EDITOR_REDRAW_ALL;
}

static void
cmd_field_help(struct editor *e)
{
	e->popup = e->popup == EDITOR_FIELD_HELP ? EDITOR_NO_POPUP :
	    EDITOR_FIELD_HELP;
	e->redraw = EDITOR_REDRAW_ALL;
}

static void
cmd_help(struct editor *e)
{
	if (e->prompt != EDITOR_NO_PROMPT || e->popup == EDITOR_READONLY_ASK ||
	    e->popup == EDITOR_ASK)
		return;
	if (e->popup == EDITOR_CHOICES) {
		/* the description of the field whose answer is being chosen */
		editor_clear_entries(e);
		e->popup = EDITOR_FIELD_HELP;
		e->redraw = EDITOR_REDRAW_ALL;
	} else if (e->screen == EDITOR_PAGE && e->popup == EDITOR_NO_POPUP)
		cmd_field_help(e);
	else if (e->popup == EDITOR_FIELD_HELP) {
		e->popup = EDITOR_NO_POPUP;
		cmd_keys(e);
	} else if (e->screen != EDITOR_KEYS)
		cmd_keys(e);
}

static int
editor_drafts_cmp(const void *a, const void *b)
{
	const struct editor_entry *ea = a, *eb = b;

	/* labels start with the modification time, newest first */
	return strcmp(eb->label, ea->label);
}

/* Build the start screen: new draft per edition, or resume one. */
int
editor_start(struct editor *e)
{
	const struct form **forms;
	struct editor_entry *en;
	struct dirent *de;
	struct stat st;
	struct tm tm;
	char *dir = editor_drafts_dir(), *path, *cause, when[32];
	size_t n, i, first;
	DIR *dp;

	editor_clear_entries(e);
	e->screen = EDITOR_START;
	e->redraw = EDITOR_REDRAW_ALL;
	editor_add_entry(e, (size_t)-1, 1, xstrdup(_("New draft")));
	if (formdir_list(e->formdir, &forms, &n, &cause) != 0) {
		editor_message(e, 1, "%s", cause);
		free(cause);
		n = 0;
		forms = NULL;
	}
	for (i = n; i > 0; i--) {
		en = editor_add_entry(e, (size_t)-1, 0, xasprintf("%s %s%s",
		    forms[i - 1]->title, forms[i - 1]->edition,
		    i == n ? _(" (newest)") : ""));
		en->value = xasprintf("new:%s:%s", forms[i - 1]->name,
		    forms[i - 1]->edition);
		en->level = 1;
	}
	free(forms);
	editor_add_entry(e, (size_t)-1, 1, xasprintf(_("Resume a draft in %s"),
	    dir));
	first = e->nentries;
	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			size_t len = strlen(de->d_name);

			if (de->d_name[0] == '.' || len < 6 ||
			    strcmp(de->d_name + len - 5, ".yaml") != 0)
				continue;
			path = xasprintf("%s/%s", dir, de->d_name);
			/* restricted: links are not drafts of the directory */
			if ((confine_dir() != NULL ? lstat(path, &st) :
			    stat(path, &st)) != 0 || !S_ISREG(st.st_mode)) {
				free(path);
				continue;
			}
			localtime_r(&st.st_mtime, &tm);
			strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
			en = editor_add_entry(e, (size_t)-1, 0,
			    xasprintf("%s  %s", when, de->d_name));
			en->value = path;
			en->level = 1;
		}
		closedir(dp);
	}
	qsort(e->entries + first, e->nentries - first, sizeof *e->entries,
	    editor_drafts_cmp);
	if (e->nentries == first)
		editor_add_entry(e, (size_t)-1, 1, xstrdup(_("(no drafts "
		    "yet)")));
	e->sel = 1;
	free(dir);
	return 0;
}

/* Create a new draft of form:edition in the drafts directory and open it. */
static void
editor_start_new(struct editor *e, const char *spec)
{
	const struct form *form;
	struct draft *d;
	char *copy = xstrdup(spec + 4), *edition, *dir, *path, *cause;
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	edition = strchr(copy, ':');
	*edition++ = '\0';
	dir = editor_drafts_dir();
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	path = xasprintf("%s/draft-%s.yaml", dir, stamp);
	form = formdir_get(e->formdir, copy, edition, &cause);
	if (form == NULL || editor_mkdirs(path) != 0) {
		editor_message(e, 1, "%s", form == NULL ? cause :
		    strerror(errno));
		if (form == NULL)
			free(cause);
	} else {
		d = draft_new(form);
		if (draft_save(d, path, FILEIO_EXCL, &cause) != 0 ||
		    editor_open(e, path, &cause) != 0) {
			editor_message(e, 1, "%s", cause);
			free(cause);
		} else
			editor_message(e, 0, _("New draft %s"), path);
		draft_free(d);
	}
	free(path);
	free(dir);
	free(copy);
}

static void
cmd_accept(struct editor *e)
{
	const struct editor_entry *en;
	char *text, *cause, *target;

	if (e->prompt != EDITOR_NO_PROMPT) {
		text = textbuf_text(e->prompt_text);
		textbuf_free(e->prompt_text);
		e->prompt_text = NULL;
		if (e->prompt == EDITOR_SEARCH) {
			e->prompt = EDITOR_NO_PROMPT;
			free(e->search);
			e->search = text;
			editor_search_next(e);
		} else if (e->prompt == EDITOR_SAVE_AS) {
			e->prompt = EDITOR_NO_PROMPT;
			/* restricted: a name in the drafts directory */
			if ((target = confine_path(text, &cause)) == NULL) {
				editor_message(e, 1, _("Not saved: %s"), cause);
				free(cause);
			} else
				editor_save_as(e, target, 0);
			free(target);
			free(text);
		} else {
			e->prompt = EDITOR_NO_PROMPT;
			editor_jump_to(e, text);
			free(text);
		}
		e->redraw |= EDITOR_REDRAW_STATUS;
		return;
	}
	if (e->popup == EDITOR_READONLY_ASK) {
		e->popup = EDITOR_NO_POPUP;
		e->redraw = EDITOR_REDRAW_ALL;
		if (e->sel == 1)
			e->quit = 1;
		else
			editor_message(e, 0, _("Read-only: %s"),
			    e->lock_message);
		editor_clear_entries(e);
		return;
	}
	if (e->popup == EDITOR_FIELD_HELP) {
		e->popup = EDITOR_NO_POPUP;
		e->redraw = EDITOR_REDRAW_ALL;
		return;
	}
	if (e->popup == EDITOR_ASK) {
		editor_answer(e);
		return;
	}
	if (e->sel >= e->nentries)
		return;
	en = &e->entries[e->sel];
	if (e->popup == EDITOR_CHOICES) {
		editor_choose(e);
		return;
	}
	if (e->screen == EDITOR_START) {
		if (en->value == NULL)
			return;
		if (strncmp(en->value, "new:", 4) == 0)
			editor_start_new(e, en->value);
		else if (editor_open(e, en->value, &cause) != 0) {
			editor_message(e, 1, "%s", cause);
			free(cause);
		}
		return;
	}
	if (en->field != (size_t)-1)
		editor_goto(e, en->field);
	else if (e->screen == EDITOR_KEYS)
		return;
	e->screen = EDITOR_PAGE;
	editor_clear_entries(e);
	e->redraw = EDITOR_REDRAW_ALL;
}

static void
cmd_cancel(struct editor *e)
{
	if (e->prompt != EDITOR_NO_PROMPT) {
		textbuf_free(e->prompt_text);
		e->prompt_text = NULL;
		e->prompt = EDITOR_NO_PROMPT;
		e->redraw |= EDITOR_REDRAW_STATUS;
		return;
	}
	if (e->popup == EDITOR_READONLY_ASK) {
		e->sel = 0;
		cmd_accept(e);
		return;
	}
	if (e->popup != EDITOR_NO_POPUP) {
		e->popup = EDITOR_NO_POPUP;
		if (e->screen == EDITOR_PAGE)
			editor_clear_entries(e);
		e->redraw = EDITOR_REDRAW_ALL;
		return;
	}
	if (e->edit != NULL) {
		editor_edit_end(e);
		return;
	}
	if (e->screen == EDITOR_START)
		e->quit = 1;
	else if (e->draft == NULL)
		editor_start(e);
	else if (e->screen != EDITOR_PAGE) {
		e->screen = EDITOR_PAGE;
		editor_clear_entries(e);
		e->redraw = EDITOR_REDRAW_ALL;
	}
}

static void
editor_list_move(struct editor *e, long by)
{
	long sel = (long)e->sel, n = (long)e->nentries, step = by < 0 ? -1 : 1;
	long moved = 0;

	if (n == 0)
		return;
	while (moved != by) {
		long next = sel + step;

		while (next >= 0 && next < n && e->entries[next].heading)
			next += step;
		if (next < 0 || next >= n)
			break;
		sel = next;
		moved += step;
	}
	e->sel = (size_t)sel;
	e->redraw |= EDITOR_REDRAW_BODY;
}

static void
cmd_list_down(struct editor *e)
{
	editor_list_move(e, 1);
}

static void
cmd_list_up(struct editor *e)
{
	editor_list_move(e, -1);
}

static void
cmd_list_page_down(struct editor *e)
{
	editor_list_move(e, e->page_rows > 1 ? e->page_rows - 1 : 1);
}

static void
cmd_list_page_up(struct editor *e)
{
	editor_list_move(e, -(long)(e->page_rows > 1 ? e->page_rows - 1 : 1));
}

static void
cmd_list_first(struct editor *e)
{
	editor_list_move(e, -(long)e->nentries);
}

static void
cmd_list_last(struct editor *e)
{
	editor_list_move(e, (long)e->nentries);
}

/* --- session ---------------------------------------------------------- */

/*
 * Ask a question in a popup; the rest are pairs of a label (translated
 * here) and the action editor_answer runs, ending with NULL.  Takes
 * question.
 */
static void
editor_ask(struct editor *e, char *question, ...)
{
	const char *label;
	va_list ap;

	if (e->prompt_text != NULL)
		textbuf_free(e->prompt_text);
	e->prompt_text = NULL;
	e->prompt = EDITOR_NO_PROMPT;
	e->screen = EDITOR_PAGE;
	editor_clear_entries(e);
	free(e->ask);
	e->ask = question;
	va_start(ap, question);
	while ((label = va_arg(ap, const char *)) != NULL) {
		editor_add_entry(e, (size_t)-1, 0, xstrdup(_(label)))->value =
		    xstrdup(va_arg(ap, const char *));
	}
	va_end(ap);
	e->popup = EDITOR_ASK;
	e->redraw = EDITOR_REDRAW_ALL;
}

/* Ask what to do about a draft file that changed under us. */
static void
editor_ask_conflict(struct editor *e)
{
	editor_ask(e, xasprintf(_("%s was changed or removed by another "
	    "program after kaiji last read or saved it. Saving here would "
	    "replace that version."), e->path),
	    N_("Overwrite it with the answers here"), "overwrite",
	    N_("Save the answers elsewhere"), "save-as",
	    N_("Keep editing without saving"), "keep", (const char *)NULL);
}

static void
cmd_save(struct editor *e)
{
	if (e->draft == NULL)
		return;
	if (e->readonly) {
		editor_message(e, 1, _("This draft is open read-only."));
		return;
	}
	if (e->conflict || (!e->overwrite && editor_disk_changed(e))) {
		editor_commit(e);
		editor_ask_conflict(e);
		return;
	}
	if (editor_save(e) == 0)
		editor_message(e, 0, _("Saved %s"), e->path);
}

static void
cmd_save_as(struct editor *e)
{
	if (e->draft == NULL)
		return;
	e->popup = EDITOR_NO_POPUP;
	editor_clear_entries(e);
	e->screen = EDITOR_PAGE;
	if (e->prompt_text != NULL)
		textbuf_free(e->prompt_text);
	e->prompt = EDITOR_SAVE_AS;
	/* restricted mode takes names, not paths */
	e->prompt_text = textbuf_new(confine_dir() != NULL &&
	    strrchr(e->path, '/') != NULL ? strrchr(e->path, '/') + 1 :
	    e->path);
	textbuf_set_cursor(e->prompt_text, textbuf_len(e->prompt_text));
	e->redraw = EDITOR_REDRAW_ALL;
}

/* The label of the prompt line. */
const char *
editor_prompt_label(const struct editor *e)
{
	switch (e->prompt) {
	case EDITOR_SEARCH:
		return _("Search: ");
	case EDITOR_JUMP:
		return _("Go to item or field: ");
	case EDITOR_SAVE_AS:
		return _("Save as (Enter: save, Esc: cancel): ");
	case EDITOR_NO_PROMPT:
		break;
	}
	return "";
}

/*
 * Whether the answers may be saved to path; -1 with a cause if not.  The
 * one place that judges a file name typed in the editor (restricted mode
 * refuses names outside its drafts directory here).
 */
static int
editor_target_ok(const struct editor *e, const char *path, char **cause)
{
	size_t len = strlen(path);

	(void)e;
	if (len == 0) {
		*cause = xstrdup(_("No file name given."));
		return -1;
	}
	if (path[len - 1] == '/') {
		*cause = xasprintf(_("%s: not a file name"), path);
		return -1;
	}
	return confine_check(path, cause);
}

/*
 * Save the answers to path, a new file unless replace (the user confirmed
 * replacing it), then go on editing that file under its lock.  Never
 * writes through a symbolic link or into a file another editor holds.
 */
static void
editor_save_as(struct editor *e, const char *path, int replace)
{
	struct lock_holder holder;
	struct fileio_id id;
	struct lock *lk = NULL;
	struct stat st;
	char *cause, *buf, *who, *old;
	size_t len;
	int rc;

	if (editor_target_ok(e, path, &cause) != 0) {
		editor_message(e, 1, _("Not saved: %s"), cause);
		free(cause);
		return;
	}
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode) || !S_ISREG(st.st_mode)) {
			editor_message(e, 1, S_ISLNK(st.st_mode) ?
			    _("Not saved: %s is a symbolic link; kaiji does "
			    "not write through links.") : _("Not saved: %s is "
			    "not a regular file."), path);
			return;
		}
		if (!e->readonly && e->disk.known &&
		    st.st_dev == e->disk.dev && st.st_ino == e->disk.ino) {
			cmd_save(e);	/* the draft itself */
			return;
		}
		if (!replace) {
			free(e->save_as);
			e->save_as = xstrdup(path);
			editor_ask(e, xasprintf(_("%s exists. Replace it with "
			    "the answers here?"), path),
			    N_("Replace it"), "replace",
			    N_("Do not save"), "keep", (const char *)NULL);
			return;
		}
	} else if (errno != ENOENT) {
		editor_message(e, 1, _("Not saved: %s: %s"), path,
		    strerror(errno));
		return;
	}
	rc = lock_acquire(path, &lk, &holder, &cause);
	if (rc == 1) {
		who = lock_describe(&holder);
		editor_message(e, 1, _("Not saved: %s is being edited (%s)."),
		    path, who);
		free(who);
		return;
	}
	if (rc == -1) {
		editor_message(e, 1, _("Not saved: %s"), cause);
		free(cause);
		return;
	}
	editor_commit(e);
	buf = draft_format(e->draft, &len);
	rc = fileio_replace_id(path, buf, len, replace ? FILEIO_BACKUP :
	    FILEIO_EXCL, &id, &cause);
	free(buf);
	if (rc != 0) {
		lock_release(lk);
		editor_message(e, 1, _("Not saved: %s"), cause);
		free(cause);
		return;
	}
	if (e->lock != NULL)
		lock_release(e->lock);
	e->lock = lk;
	old = e->path;
	e->path = xstrdup(path);
	free(old);
	e->disk = id;
	e->readonly = 0;
	e->dirty = e->save_failed = e->conflict = e->overwrite = 0;
	e->saved_at = time(NULL);
	editor_message(e, 0, _("Saved %s; editing it from now on."), path);
	e->redraw = EDITOR_REDRAW_ALL;
}

/* Act on the entry chosen in an EDITOR_ASK popup. */
static void
editor_answer(struct editor *e)
{
	char *action, *target;

	action = e->sel < e->nentries && e->entries[e->sel].value != NULL ?
	    xstrdup(e->entries[e->sel].value) : xstrdup("keep");
	e->popup = EDITOR_NO_POPUP;
	editor_clear_entries(e);
	e->redraw = EDITOR_REDRAW_ALL;
	target = e->save_as;
	e->save_as = NULL;
	if (strcmp(action, "overwrite") == 0) {
		e->overwrite = 1;
		if (editor_save(e) == 0)
			editor_message(e, 0, _("Saved %s"), e->path);
	} else if (strcmp(action, "save-as") == 0)
		cmd_save_as(e);
	else if (strcmp(action, "replace") == 0 && target != NULL)
		editor_save_as(e, target, 1);
	else
		editor_message(e, 0, _("Not saved. F2: save, F6: save "
		    "elsewhere."));
	free(target);
	free(action);
}

/* Write the printable text of the draft beside it, as DRAFT.txt. */
static void
cmd_export(struct editor *e)
{
	struct export_opts opts;
	char *base, *path, *out, *cause, **notes = NULL;
	size_t len, nnotes = 0, n;

	editor_edit_end(e);
	base = xstrdup(e->path);
	n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		base[n - 5] = '\0';
	path = xasprintf("%s.txt", base);
	memset(&opts, 0, sizeof opts);
	if (export_draft(e->draft, "text", &opts, &out, &len, &notes, &nnotes,
	    &cause) != 0) {
		editor_message(e, 1, "%s", cause);
		free(cause);
	} else {
		if (fileio_replace(path, out, len, 0, &cause) != 0) {
			editor_message(e, 1, "%s", cause);
			free(cause);
		} else
			editor_message(e, 0, _("Exported the printable text to "
			    "%s"), path);
		free(out);
	}
	xfreev(notes, nnotes);
	free(path);
	free(base);
}

static void
cmd_quit(struct editor *e)
{
	if (e->draft == NULL || e->readonly) {
		e->quit = 1;
		return;
	}
	editor_tidy_yesno(e);
	editor_commit(e);
	if (!e->dirty || editor_save(e) == 0 || e->quit_unsaved) {
		editor_remember(e);
		e->quit = 1;
		return;
	}
	e->quit_unsaved = 1;
	editor_message(e, 1, _("Not saved. Quit again to leave without "
	    "saving."));
}

static void
cmd_redraw(struct editor *e)
{
	e->redraw = EDITOR_REDRAW_ALL;
}

static const struct editor_cmd editor_commands[] = {
	{ "help", N_("help for the field; again: all keys"), cmd_help, 0 },
	{ "keys", N_("all keys"), cmd_keys, 0 },
	{ "field-help", N_("the field's description, mark, limit, "
	    "choices"), cmd_field_help, 0 },
	{ "save", N_("save now"), cmd_save, 0 },
	{ "save-as", N_("save the answers to another file and edit that"),
	    cmd_save_as, 0 },
	{ "quit", N_("save and quit"), cmd_quit, 0 },
	{ "redraw", N_("redraw the screen"), cmd_redraw, 0 },
	{ "next-field", N_("next field"), cmd_next_field, 0 },
	{ "previous-field", N_("previous field"), cmd_previous_field, 0 },
	{ "next-item", N_("next item"), cmd_next_item, 0 },
	{ "previous-item", N_("previous item"), cmd_previous_item, 0 },
	{ "next-section", N_("next section"), cmd_next_section, 0 },
	{ "previous-section", N_("previous section"), cmd_previous_section,
	    0 },
	{ "next-page", N_("next page"), cmd_next_page, 0 },
	{ "previous-page", N_("previous page"), cmd_previous_page, 0 },
	{ "first-field", N_("first field of the page"), cmd_first_field, 0 },
	{ "last-field", N_("last field of the page"), cmd_last_field, 0 },
	{ "edit", N_("edit the answer (or choose one)"), cmd_edit,
	    CMD_WRITES },
	{ "jump", N_("go to an item or field number"), cmd_jump, 0 },
	{ "search", N_("search descriptions and answers"), cmd_search, 0 },
	{ "search-next", N_("search again"), cmd_search_next, 0 },
	{ "next-missing", N_("next missing or over-limit field"),
	    cmd_next_missing, 0 },
	{ "previous-missing", N_("previous missing or over-limit field"),
	    cmd_previous_missing, 0 },
	{ "overview", N_("all pages and sections"), cmd_overview, 0 },
	{ "summary", N_("what is missing, over or doubtful"), cmd_summary,
	    0 },
	{ "export", N_("write the printable text to DRAFT.txt"), cmd_export,
	    0 },
	{ "leave-field", N_("leave the field, keeping the text"),
	    cmd_leave_field, 0 },
	{ "leave-next", N_("leave the field, go to the next"),
	    cmd_leave_next, 0 },
	{ "leave-previous", N_("leave the field, go to the previous"),
	    cmd_leave_previous, 0 },
	{ "newline", N_("new line (single-line fields: next field)"),
	    cmd_newline, 0 },
	{ "char-left", N_("character left"), cmd_char_left, 0 },
	{ "char-right", N_("character right"), cmd_char_right, 0 },
	{ "line-up", N_("line up"), cmd_line_up, 0 },
	{ "line-down", N_("line down"), cmd_line_down, 0 },
	{ "line-start", N_("start of line"), cmd_line_start, 0 },
	{ "line-end", N_("end of line"), cmd_line_end, 0 },
	{ "word-left", N_("word left"), cmd_word_left, 0 },
	{ "word-right", N_("word right"), cmd_word_right, 0 },
	{ "text-start", N_("start of the answer"), cmd_text_start, 0 },
	{ "text-end", N_("end of the answer"), cmd_text_end, 0 },
	{ "page-up", N_("up a screen"), cmd_page_up, 0 },
	{ "page-down", N_("down a screen"), cmd_page_down, 0 },
	{ "delete-back", N_("delete the character before the cursor"),
	    cmd_delete_back, CMD_MODIFIES },
	{ "delete-forward", N_("delete the character at the cursor"),
	    cmd_delete_forward, CMD_MODIFIES },
	{ "kill-line", N_("cut to the end of the line"), cmd_kill_line,
	    CMD_MODIFIES },
	{ "kill-line-start", N_("cut to the start of the line"),
	    cmd_kill_line_start, CMD_MODIFIES },
	{ "kill-word", N_("cut the word before the cursor"), cmd_kill_word,
	    CMD_MODIFIES },
	{ "yank", N_("paste what was cut"), cmd_yank, CMD_MODIFIES },
	{ "undo", N_("undo"), cmd_undo, CMD_MODIFIES },
	{ "redo", N_("redo"), cmd_redo, CMD_MODIFIES },
	{ "list-down", N_("next line"), cmd_list_down, 0 },
	{ "list-up", N_("previous line"), cmd_list_up, 0 },
	{ "list-page-down", N_("down a screen"), cmd_list_page_down, 0 },
	{ "list-page-up", N_("up a screen"), cmd_list_page_up, 0 },
	{ "list-first", N_("first line"), cmd_list_first, 0 },
	{ "list-last", N_("last line"), cmd_list_last, 0 },
	{ "accept", N_("choose / go there"), cmd_accept, 0 },
	{ "cancel", N_("back / close"), cmd_cancel, 0 },
};

static const struct editor_cmd *
editor_find_cmd(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof editor_commands / sizeof editor_commands[0];
	    i++) {
		if (strcmp(editor_commands[i].name, name) == 0)
			return &editor_commands[i];
	}
	return NULL;
}

/* The name of the i-th command, or NULL past the last one. */
const char *
editor_command_name(size_t i)
{
	if (i >= sizeof editor_commands / sizeof editor_commands[0])
		return NULL;
	return editor_commands[i].name;
}

/* The translated one-line help of a command, or NULL. */
const char *
editor_command_help(const char *name)
{
	const struct editor_cmd *cmd = editor_find_cmd(name);

	return cmd != NULL ? _(cmd->help) : NULL;
}

/* Run the named command; 0 if it exists. */
int
editor_command(struct editor *e, const char *name)
{
	const struct editor_cmd *cmd = editor_find_cmd(name);
	const struct textbuf *edit;
	size_t field;

	if (cmd == NULL)
		return -1;
	if (e->draft == NULL && strncmp(name, "list-", 5) != 0 &&
	    strcmp(name, "accept") != 0 && strcmp(name, "cancel") != 0 &&
	    strcmp(name, "quit") != 0 && strcmp(name, "redraw") != 0 &&
	    strcmp(name, "help") != 0 && strcmp(name, "keys") != 0)
		return 0;
	if ((cmd->flags & CMD_MODIFIES) && e->readonly &&
	    e->prompt == EDITOR_NO_PROMPT) {
		editor_message(e, 1, _("This draft is open read-only."));
		return 0;
	}
	if (strcmp(name, "quit") != 0)
		e->quit_unsaved = 0;
	edit = e->edit;
	field = e->field;
	cmd->fn(e);
	if ((cmd->flags & CMD_MODIFIES) && e->edit != NULL &&
	    e->prompt == EDITOR_NO_PROMPT)
		editor_changed(e);
	/* within the answer being edited only that field changes */
	if (edit != NULL && e->edit == edit && e->field == field &&
	    e->screen == EDITOR_PAGE && e->popup == EDITOR_NO_POPUP)
		e->redraw |= EDITOR_REDRAW_FIELD | EDITOR_REDRAW_STATUS;
	else
		e->redraw |= EDITOR_REDRAW_BODY | EDITOR_REDRAW_STATUS;
	return 0;
}

/* Handle one key (a KEYS_* code or a typed character). */
int
editor_key(struct editor *e, int key)
{
	int context = editor_context(e);
	const char *name;
	char buf[8];

	if (e->message != NULL && key != KEYS_RESIZE) {
		free(e->message);
		e->message = NULL;
		e->redraw |= EDITOR_REDRAW_STATUS;
	}
	name = keys_lookup(context, key);
	if (name != NULL)
		return editor_command(e, name);
	if (key < 0x20 || key == 0x7f || key >= KEYS_BASE)
		return 0;
	/* a typed character */
	buf[text_encode((unsigned)key, buf)] = '\0';
	if (context == KEYS_EDIT)
		editor_type(e, buf, 0);
	else if (context == KEYS_PROMPT) {
		textbuf_insert(e->prompt_text, buf);
		e->redraw |= EDITOR_REDRAW_STATUS;
	}
	return 0;
}
