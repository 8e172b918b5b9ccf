/*
 * editor-file: the draft file of the session: opening and locking it,
 * saving (now, when idle, on the way out), conflicts with other programs,
 * saving elsewhere, the printable export, quitting, and the remembered
 * position (see editor.h).
 *
 * State owned here, struct editor_file.  path and draft are both set (a
 * draft is open) or both NULL (the start screen).  A writable session
 * holds the lock of path; a read-only one (readonly: another editor holds
 * the lock, path is a symbolic link, the lock could not be taken, or the
 * draft is larger than kaiji saves)
 * holds none and never writes the draft, the positions file or anything
 * else of the session's own: the writers here check readonly themselves,
 * and dispatch refuses the commands that would change the answers.
 * dirty: the draft on disk is older than what the user typed; it is only
 * ever set in a writable session.  disk is the identity (device, inode,
 * size, modification time) of the file as this session last loaded or
 * wrote it: a save first checks that the file is still that one, and when
 * another program replaced, changed or removed it nothing is written
 * (conflict, which implies save_failed) until the user says to overwrite
 * it or saves elsewhere.  save_as names a file to replace while the
 * question whether to replace it is open.  "save-as" takes the new file's
 * lock before writing it and moves the session there.  exported is the
 * identity of the printable export as this session last wrote it, which
 * the next export replaces without asking; export_replace is set while an
 * export the user confirmed runs.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "confine.h"
#include "draft.h"
#include "editor.h"
#include "emergency.h"
#include "export.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "limit.h"
#include "lock.h"
#include "popup.h"
#include "positions.h"
#include "prompt.h"
#include "strvec.h"
#include "xalloc.h"
#include "xdg.h"

/*
 * Read the draft at arg (or create it, in the newest edition) and make it
 * the session's.  The lock is taken first, so that no other writer
 * changes the file between the read and the lock, and the identity kept
 * (disk) is that of the file read, from its descriptor; in restricted
 * mode the file is opened through the drafts directory (confine_open).
 * How the lock went is left in lock_state for editor_file_lock to say.
 * Returns -1 with a cause, changing nothing, when it cannot be read.
 */
int
editor_file_load(struct editor *e, const char *arg, char **cause)
{
	struct editor_file *file = &e->file;
	struct lock_holder holder;
	struct lock *lk = NULL;
	struct fileio_id id;
	const struct form *form;
	struct stat st;
	struct draft *d = NULL;
	char *path, *buf, *why = NULL;
	size_t len;
	int fd, state = EDITOR_LOCK_TAKEN, err, created = 0;

	if (confine_check(arg, cause) != 0)
		return -1;
	path = xstrdup(arg);	/* arg may be an entry freed below */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		state = EDITOR_LOCK_LINK;	/* never locked nor written */
	else {
		switch (lock_acquire(path, &lk, &holder, &why)) {
		case 1:
			why = lock_describe(&holder, path);
			state = EDITOR_LOCK_HELD;
			break;
		case -1:
			state = EDITOR_LOCK_FAILED;
			break;
		}
	}
	if ((fd = confine_open(path, cause)) != -1) {
		if (fileio_read_fd(fd, path, DRAFT_READ_MAX, &buf, &len, &id,
		    cause) == 0) {
			d = draft_parse(path, buf, len, e->formdir, cause);
			free(buf);
		}
		close(fd);
	} else if ((err = errno) == ENOENT && state != EDITOR_LOCK_LINK) {
		free(*cause);
		*cause = NULL;
		if ((form = formdir_newest(e->formdir, "asp-saas",
		    cause)) != NULL) {
			d = draft_new(form);
			if ((buf = draft_bytes(d, path, &len, cause)) == NULL ||
			    fileio_replace_id(path, buf, len, FILEIO_EXCL, &id,
			    cause) != 0) {
				draft_free(d);
				d = NULL;
			} else
				created = 1;
			free(buf);
		}
	}
	if (d == NULL) {
		lock_release(lk);
		free(why);
		free(path);
		return -1;
	}
	if (file->lock != NULL)
		lock_release(file->lock);
	file->lock = lk;
	draft_free(file->draft);
	file->draft = d;
	free(file->path);
	file->path = path;
	free(file->lock_message);
	file->lock_message = why;
	file->lock_state = state;
	file->readonly = state != EDITOR_LOCK_TAKEN;
	file->saved_at = 0;	/* nothing saved yet in this session */
	file->dirty = file->save_failed = file->conflict = 0;
	file->dirty_since = 0;
	file->overwrite = 0;
	file->disk = id;
	/* a mistyped name must not look like lost answers */
	if (created)
		editor_message(e, 0, _("Created the new draft %s (%s %s): no "
		    "file of that name existed."), path, d->form->name,
		    d->form->edition);
	return 0;
}

static void
file_readonly(struct editor *e)
{
	editor_message(e, 0, _("Read-only: %s"), e->file.lock_message);
}

static void
file_quit_now(struct editor *e)
{
	e->ui.quit = 1;
}

static const struct popup_answer file_locked_answers[] = {
	{ N_("Open it read-only"), file_readonly },
	{ N_("Quit"), file_quit_now },
};

/*
 * Say how the load went with the lock (editor_file_load took it): when
 * another editor holds it, ask whether to read the draft (Esc: yes) or
 * quit; a link, a lock that could not be taken, or a draft larger than
 * kaiji saves make the session read-only with a message.
 */
void
editor_file_lock(struct editor *e)
{
	struct editor_file *file = &e->file;

	if (!draft_fits(file->draft, (size_t)-1, NULL)) {
		/* opened to be read and repaired, never saved as it is */
		lock_release(file->lock);
		file->lock = NULL;
		file->readonly = 1;
		editor_message(e, 1, _("Read-only: %s is larger than the %u "
		    "bytes kaiji saves; shorten an answer with \"kaiji set\"."),
		    file->path, DRAFT_MAX_SIZE);
		return;
	}
	switch (file->lock_state) {
	case EDITOR_LOCK_LINK:
		/* saving would replace the link or write through it */
		editor_message(e, 1, _("Read-only: %s is a symbolic link; "
		    "kaiji does not write through links (F6: save "
		    "elsewhere)."), file->path);
		break;
	case EDITOR_LOCK_HELD:
		popup_ask_open(e, xasprintf(_("This draft is being edited: %s"),
		    file->lock_message), file_locked_answers,
		    sizeof file_locked_answers / sizeof file_locked_answers[0],
		    0);
		break;
	case EDITOR_LOCK_FAILED:
		editor_message(e, 1, _("Read-only: %s"), file->lock_message);
		break;
	}
}

void
editor_file_free(struct editor *e)
{
	struct editor_file *file = &e->file;

	if (file->lock != NULL)
		lock_release(file->lock);
	draft_free(file->draft);
	free(file->lock_message);
	free(file->save_as);
	free(file->path);
}

/*
 * The answers changed: unsaved from now, saved when the user pauses, or
 * at the latest EDITOR_MAX_UNSAVED seconds after the first unsaved change.
 */
void
editor_file_changed(struct editor *e)
{
	e->file.dirty = 1;
	e->file.changed_at = time(NULL);
	if (e->file.dirty_since == 0)
		e->file.dirty_since = e->file.changed_at;
	e->ui.redraw |= EDITOR_REDRAW_FIELD | EDITOR_REDRAW_STATUS;
}

/*
 * Whether the draft file is no longer the one this session last read or
 * wrote (replaced, changed or removed by another program).  A directory
 * that is gone is not such a change: the save fails and says so.
 */
static int
file_disk_changed(const struct editor *e)
{
	const struct editor_file *file = &e->file;
	struct fileio_id now;
	struct stat st;
	char *dir, *slash;
	int gone;

	if (!file->disk.known)
		return 0;
	if (fileio_id_get(file->path, &now) == 0)
		return !fileio_id_same(&now, &file->disk);
	if (errno != ENOENT)
		return 0;
	dir = xstrdup(file->path);
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
editor_file_save(struct editor *e)
{
	struct editor_file *file = &e->file;
	char *cause, *buf;
	size_t len;
	int rc;

	if (file->draft == NULL || file->readonly)
		return 0;
	editor_edit_commit(e);
	if (!file->overwrite && file_disk_changed(e)) {
		file->conflict = 1;
		file->save_failed = 1;
		editor_message(e, 1, _("Not saved: %s was changed or removed "
		    "by another program. F2: choose what to do."), file->path);
		return -1;
	}
	if ((buf = draft_bytes(file->draft, file->path, &len, &cause)) ==
	    NULL)
		rc = -1;
	else
		rc = fileio_replace_id(file->path, buf, len, FILEIO_BACKUP,
		    &file->disk, &cause);
	free(buf);
	if (rc != 0) {
		editor_message(e, 1, _("Not saved: %s. F2: try again, F6: "
		    "save elsewhere."), cause);
		free(cause);
		file->save_failed = 1;
		return -1;
	}
	file->dirty = 0;
	file->dirty_since = 0;
	file->save_failed = 0;
	file->conflict = 0;
	file->overwrite = 0;
	file->saved_at = time(NULL);
	e->ui.redraw |= EDITOR_REDRAW_STATUS;
	return 0;
}

/*
 * Milliseconds the view may wait for a key at time now before an autosave
 * is due, or -1: none is.
 */
int
editor_file_wait(const struct editor *e, time_t now)
{
	const struct editor_file *file = &e->file;
	long left;

	if (!file->dirty || file->save_failed)
		return -1;
	left = (long)(file->changed_at + EDITOR_IDLE_SAVE - now);
	if (file->dirty_since != 0 &&
	    (long)(file->dirty_since + EDITOR_MAX_UNSAVED - now) < left)
		left = (long)(file->dirty_since + EDITOR_MAX_UNSAVED - now);
	return left <= 0 ? 0 : (int)left * 1000;
}

/*
 * Save when there are unsaved changes and the user has paused, or has
 * typed on for EDITOR_MAX_UNSAVED seconds since the first of them (unless
 * the last save failed: then typing does not retry it at every key).
 */
int
editor_file_autosave(struct editor *e, time_t now)
{
	const struct editor_file *file = &e->file;

	if (!file->dirty)
		return 0;
	if (now - file->changed_at >= EDITOR_IDLE_SAVE ||
	    (!file->save_failed && file->dirty_since != 0 &&
	    now - file->dirty_since >= EDITOR_MAX_UNSAVED))
		return editor_file_save(e);
	return 0;
}

/*
 * Save on the way out (a signal) and remember the field: when the draft
 * cannot be saved, write the answers to a new "<draft>.save" instead, as
 * a crash would.  Returns 0 when the draft itself was saved (or there was
 * nothing to save), else -1 with the message set.
 */
int
editor_file_rescue(struct editor *e)
{
	char path[4096], *why;
	int rc = 0;

	if (e->file.draft == NULL)
		return 0;
	if (editor_file_save(e) != 0) {
		why = xstrdup(e->ui.message != NULL ? e->ui.message : "");
		if (emergency_save(path, sizeof path) == 0)
			editor_message(e, 1, _("%s The answers were saved in "
			    "%s."), why, path);
		free(why);
		rc = -1;
	}
	editor_file_remember(e);
	return rc;
}

/* The positions file (caller frees). */
static char *
file_positions(void)
{
	return xdg_path("XDG_STATE_HOME", ".local/state", "positions");
}

/* The field where this draft was left, or 0. */
size_t
editor_file_recall(const struct editor *e)
{
	const struct form_field *f;
	char *state = file_positions(), *id;
	size_t field = 0;

	id = positions_recall(state, e->file.path);
	if (id != NULL && (f = form_field(e->file.draft->form, id)) != NULL)
		field = f->index;
	free(id);
	free(state);
	return field;
}

/* Remember the current field for this draft (best effort). */
void
editor_file_remember(struct editor *e)
{
	const struct editor_file *file = &e->file;
	char *state, *cause;

	if (file->draft == NULL || file->readonly)
		return;
	state = file_positions();
	if (xdg_mkdirs(state) == 0 && positions_remember(state,
	    file->path, file->draft->form->fields[e->nav.field].id,
	    &cause) != 0)
		free(cause);
	free(state);
}

static void
file_overwrite(struct editor *e)
{
	e->file.overwrite = 1;
	if (editor_file_save(e) == 0)
		editor_message(e, 0, _("Saved %s"), e->file.path);
}

static void
file_keep(struct editor *e)
{
	editor_message(e, 0, _("Not saved. F2: save, F6: save elsewhere."));
}

static void
file_save_as(struct editor *e)
{
	const char *path = e->file.path, *slash = strrchr(path, '/');

	e->ui.popup = NULL;
	editor_list_clear(e);
	e->ui.screen = EDITOR_PAGE;
	/* restricted mode takes names, not paths */
	editor_prompt(e, &prompt_save_as, confine_dir() != NULL &&
	    slash != NULL ? slash + 1 : path);
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

static const struct popup_answer file_conflict_answers[] = {
	{ N_("Overwrite it with the answers here"), file_overwrite },
	{ N_("Save the answers elsewhere"), file_save_as },
	{ N_("Keep editing without saving"), file_keep },
};

static void
file_save(struct editor *e)
{
	if (e->file.conflict || (!e->file.overwrite && file_disk_changed(e))) {
		editor_edit_commit(e);
		popup_ask_open(e, xasprintf(_("%s was changed or removed by "
		    "another program after kaiji last read or saved it. Saving "
		    "here would replace that version."), e->file.path),
		    file_conflict_answers, sizeof file_conflict_answers /
		    sizeof file_conflict_answers[0], -1);
		return;
	}
	if (editor_file_save(e) == 0)
		editor_message(e, 0, _("Saved %s"), e->file.path);
}

/*
 * Whether the answers may be saved to path; -1 with a cause if not.  The
 * one place that judges a file name typed in the editor (restricted mode
 * refuses names outside its drafts directory here).
 */
static int
file_target_ok(const char *path, char **cause)
{
	size_t len = strlen(path);

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

static void
file_replace(struct editor *e)
{
	char *target = e->file.save_as;

	e->file.save_as = NULL;
	if (target != NULL)
		editor_file_save_as(e, target, 1);
	free(target);
}

static void
file_keep_target(struct editor *e)
{
	free(e->file.save_as);
	e->file.save_as = NULL;
	file_keep(e);
}

static const struct popup_answer file_replace_answers[] = {
	{ N_("Replace it"), file_replace },
	{ N_("Do not save"), file_keep_target },
};

/*
 * Save the answers to path, a new file unless replace (the user confirmed
 * replacing it), then go on editing that file under its lock.  Never
 * writes through a symbolic link or into a file another editor holds.
 */
void
editor_file_save_as(struct editor *e, const char *path, int replace)
{
	struct editor_file *file = &e->file;
	struct lock_holder holder;
	struct fileio_id id;
	struct lock *lk = NULL;
	struct stat st;
	char *cause, *buf, *who;
	size_t len;
	int rc;

	if (file_target_ok(path, &cause) != 0) {
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
		if (!file->readonly && file->disk.known &&
		    st.st_dev == file->disk.dev && st.st_ino == file->disk.ino) {
			file_save(e);	/* the draft itself */
			return;
		}
		if (!replace) {
			free(file->save_as);
			file->save_as = xstrdup(path);
			popup_ask_open(e, xasprintf(_("%s exists. Replace it "
			    "with the answers here?"), path),
			    file_replace_answers, sizeof file_replace_answers /
			    sizeof file_replace_answers[0], -1);
			return;
		}
	} else if (errno != ENOENT) {
		editor_message(e, 1, _("Not saved: %s: %s"), path,
		    strerror(errno));
		return;
	}
	rc = lock_acquire(path, &lk, &holder, &cause);
	if (rc == 1) {
		who = lock_describe(&holder, path);
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
	editor_edit_commit(e);
	if ((buf = draft_bytes(file->draft, path, &len, &cause)) == NULL)
		rc = -1;
	else
		rc = fileio_replace_id(path, buf, len, replace ?
		    FILEIO_BACKUP : FILEIO_EXCL, &id, &cause);
	free(buf);
	if (rc != 0) {
		lock_release(lk);
		editor_message(e, 1, _("Not saved: %s"), cause);
		free(cause);
		return;
	}
	if (file->lock != NULL)
		lock_release(file->lock);
	file->lock = lk;
	free(file->path);
	file->path = xstrdup(path);
	file->disk = id;
	file->readonly = 0;
	file->dirty = file->save_failed = file->conflict = 0;
	file->dirty_since = 0;
	file->overwrite = 0;
	file->saved_at = time(NULL);
	editor_message(e, 0, _("Saved %s; editing it from now on."), path);
	e->ui.redraw = EDITOR_REDRAW_ALL;
}

/*
 * Whether the file at path, there already, is one kaiji may replace
 * without asking: the export this session wrote last, or a file that
 * starts with the line the new export out starts with (an earlier export
 * of a draft of the form).
 */
static int
file_export_ours(const struct editor *e, const char *path, const char *out,
    size_t len)
{
	struct fileio_id id;
	const char *nl = memchr(out, '\n', len);
	size_t first = nl != NULL ? (size_t)(nl - out) + 1 : len;
	char *old, *cause;
	size_t olen;
	int ours;

	if (fileio_id_get(path, &id) != 0)
		return 1;		/* nothing there to lose */
	if (e->file.exported.known && fileio_id_same(&id, &e->file.exported))
		return 1;
	if (fileio_read(path, DRAFT_MAX_SIZE, &old, &olen, &cause) != 0) {
		free(cause);
		return 0;
	}
	ours = olen >= first && memcmp(old, out, first) == 0;
	free(old);
	return ours;
}

static void	file_export(struct editor *);

static void
file_export_replace(struct editor *e)
{
	e->file.export_replace = 1;
	file_export(e);
	e->file.export_replace = 0;
}

static void
file_export_keep(struct editor *e)
{
	editor_message(e, 0, _("Not exported."));
}

static const struct popup_answer file_export_answers[] = {
	{ N_("Replace it"), file_export_replace },
	{ N_("Do not export"), file_export_keep },
};

/*
 * Write the printable text of the draft beside it, as DRAFT.txt; a file
 * there that kaiji did not write (file_export_ours) is replaced only once
 * the user says so.
 */
static void
file_export(struct editor *e)
{
	struct export_opts opts;
	struct strvec notes = STRVEC_INIT;
	char *base, *path, *out, *cause;
	size_t len, n;

	editor_edit_end(e);
	base = xstrdup(e->file.path);
	n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		base[n - 5] = '\0';
	path = xasprintf("%s.txt", base);
	memset(&opts, 0, sizeof opts);
	if (export_draft(e->file.draft, "text", &opts, &out, &len, &notes,
	    &cause) != 0) {
		editor_message(e, 1, "%s", cause);
		free(cause);
	} else {
		if (!e->file.export_replace &&
		    !file_export_ours(e, path, out, len))
			popup_ask_open(e, xasprintf(_("%s exists and is not an "
			    "export by kaiji. Replace it with the printable "
			    "text?"), path), file_export_answers,
			    sizeof file_export_answers /
			    sizeof file_export_answers[0], 1);
		else if (fileio_replace_id(path, out, len, 0,
		    &e->file.exported, &cause) != 0) {
			editor_message(e, 1, "%s", cause);
			free(cause);
		} else
			editor_message(e, 0, _("Exported the printable text to "
			    "%s"), path);
		free(out);
	}
	strvec_free(&notes);
	free(path);
	free(base);
}

/* Save and quit; after a failed save, quit only when pressed again. */
static void
file_quit(struct editor *e)
{
	if (e->file.draft == NULL) {
		e->ui.quit = 1;
		return;
	}
	editor_edit_tidy(e);
	editor_edit_commit(e);
	if (!e->file.dirty || editor_file_save(e) == 0 ||
	    e->file.quit_unsaved) {
		editor_file_remember(e);
		e->ui.quit = 1;
		return;
	}
	e->file.quit_unsaved = 1;
	editor_message(e, 1, _("Not saved. Quit again to leave without "
	    "saving."));
}

const struct editor_cmd editor_file_cmds[] = {
	{ KEYS_CMD_SAVE, "save", N_("save now"), N_("Save"), file_save,
	    EDITOR_CMD_WRITES },
	{ KEYS_CMD_SAVE_AS, "save-as", N_("save the answers to another file "
	    "and edit that"), NULL, file_save_as, 0 },
	{ KEYS_CMD_EXPORT, "export", N_("write the printable text to "
	    "DRAFT.txt"), NULL, file_export, 0 },
	{ KEYS_CMD_QUIT, "quit", N_("save and quit"), N_("Quit"), file_quit,
	    EDITOR_CMD_NO_DRAFT },
	{ .name = NULL }
};
