/*
 * editor-start: the start screen, shown while no draft is open: a new
 * draft of each installed edition, named by the user (prompt-new), and
 * the drafts of the drafts directory to resume, newest first, each with
 * its service name and how complete it is (see editor.h).
 *
 * Its entries (editor.list) carry in value "new:<form>:<edition>" or the
 * path of a draft; headings have none.  While the name prompt is open
 * the selected entry is the edition chosen.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "confine.h"
#include "draft.h"
#include "editor.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "prompt.h"
#include "text.h"
#include "validate.h"
#include "xalloc.h"
#include "xdg.h"

static int
start_cmp(const void *a, const void *b)
{
	const struct editor_entry *ea = a, *eb = b;

	/* labels start with the modification time, newest first */
	return strcmp(eb->label, ea->label);
}

/*
 * What the start screen says of the draft at path: its service name and
 * the 必須 and 必須○ fields of the whole form answered, or that it cannot
 * be read.  The caller frees it.
 */
static char *
start_about(struct editor *e, const char *path)
{
	size_t done[FORM_NMARKS], total[FORM_NMARKS];
	const struct form *form;
	struct draft *d;
	char *cause, *name, *p, *about;

	if ((d = draft_load(path, e->formdir, &cause)) == NULL) {
		free(cause);
		return xstrdup(_("(cannot be read)"));
	}
	form = d->form;
	validate_tally(d, 0, form->nitems, done, total);
	name = xstrdup(form->service != (size_t)-1 &&
	    d->answers[form->service] != NULL ? d->answers[form->service] :
	    _("(no service name yet)"));
	for (p = name; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	}
	about = xasprintf(_("%s  必須 %zu/%zu 必須○ %zu/%zu"), name, done[0],
	    total[0], done[1], total[1]);
	free(name);
	draft_free(d);
	return about;
}

/* The drafts of dir as entries, newest first. */
static void
start_drafts(struct editor *e, const char *dir)
{
	struct editor_entry *en;
	struct dirent *de;
	struct stat st;
	struct tm tm;
	char *path, *safe, *about, when[32];
	size_t first = e->list.n, len;
	DIR *dp;

	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			len = strlen(de->d_name);
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
			safe = text_safe_name(de->d_name);
			about = start_about(e, path);
			en = editor_list_add(e, (size_t)-1, 0,
			    xasprintf("%s  %s  %s", when, safe, about));
			free(about);
			free(safe);
			en->value = path;
			en->level = 1;
		}
		closedir(dp);
	}
	qsort(e->list.v + first, e->list.n - first, sizeof *e->list.v,
	    start_cmp);
	if (e->list.n == first)
		editor_list_add(e, (size_t)-1, 1, xstrdup(_("(no drafts "
		    "yet)")));
}

/* Build the start screen: new draft per edition, or resume one. */
int
editor_start(struct editor *e)
{
	const struct form **forms;
	struct editor_entry *en;
	char *dir = editor_drafts_dir(), *cause;
	size_t n, i;

	editor_list_clear(e);
	e->ui.screen = EDITOR_START;
	e->ui.redraw = EDITOR_REDRAW_ALL;
	editor_list_add(e, (size_t)-1, 1, xstrdup(_("New draft")));
	if (formdir_list(e->formdir, &forms, &n, &cause) != 0) {
		editor_message(e, 1, "%s", cause);
		free(cause);
		n = 0;
		forms = NULL;
	}
	for (i = n; i > 0; i--) {
		en = editor_list_add(e, (size_t)-1, 0, xasprintf("%s %s%s",
		    forms[i - 1]->title, forms[i - 1]->edition,
		    i == n ? _(" (newest)") : ""));
		en->value = xasprintf("new:%s:%s", forms[i - 1]->name,
		    forms[i - 1]->edition);
		en->level = 1;
	}
	free(forms);
	editor_list_add(e, (size_t)-1, 1, xasprintf(_("Resume a draft in %s"),
	    dir));
	start_drafts(e, dir);
	e->list.sel = 1;
	free(dir);
	return 0;
}

/*
 * Create a new draft named name in the drafts directory, of the edition
 * of the selected entry ("new:<form>:<edition>"), and open it.  The name
 * gets ".yaml" when it has no such ending; a name with a "/", starting
 * with "." or holding control characters is refused, as is one taken.
 */
void
editor_start_new(struct editor *e, const char *name)
{
	const struct form *form;
	struct draft *d;
	const char *spec, *p;
	char *copy, *edition, *dir, *path, *cause;
	size_t len = strlen(name);

	if (e->list.sel >= e->list.n || (spec = e->list.v[e->list.sel].value)
	    == NULL || strncmp(spec, "new:", 4) != 0)
		return;
	for (p = name; *p != '\0' && (unsigned char)*p >= 0x20 && *p != 0x7f;
	    p++)
		;
	if (len == 0 || *p != '\0' || strchr(name, '/') != NULL ||
	    name[0] == '.') {
		editor_message(e, 1, _("Not created: give a file name, without "
		    "\"/\" (the draft goes in the drafts directory)."));
		return;
	}
	copy = xstrdup(spec + 4);
	edition = strchr(copy, ':');
	*edition++ = '\0';
	dir = editor_drafts_dir();
	path = len > 5 && strcmp(name + len - 5, ".yaml") == 0 ?
	    xasprintf("%s/%s", dir, name) : xasprintf("%s/%s.yaml", dir, name);
	form = formdir_get(e->formdir, copy, edition, &cause);
	if (form == NULL || xdg_mkdirs(path) != 0) {
		editor_message(e, 1, "%s", form == NULL ? cause :
		    strerror(errno));
		if (form == NULL)
			free(cause);
	} else {
		d = draft_new(form);
		if (draft_save(d, path, FILEIO_EXCL, &cause) != 0 ||
		    editor_open(e, path, &cause) != 0) {
			editor_message(e, 1, _("Not created: %s"), cause);
			free(cause);
		} else
			editor_message(e, 0, _("New draft %s"), path);
		draft_free(d);
	}
	free(path);
	free(dir);
	free(copy);
}

/* Enter on the start screen: a new draft, or the one chosen. */
void
editor_start_accept(struct editor *e)
{
	const struct editor_entry *en = &e->list.v[e->list.sel];
	char *cause, stamp[40];
	time_t now;
	struct tm tm;

	if (en->value == NULL)
		return;
	if (strncmp(en->value, "new:", 4) == 0) {
		now = time(NULL);
		localtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "draft-%Y%m%d-%H%M%S.yaml", &tm);
		editor_prompt(e, &prompt_new, stamp);
	} else if (editor_open(e, en->value, &cause) != 0) {
		editor_message(e, 1, "%s", cause);
		free(cause);
	}
}
