/*
 * fuzz-editor: random key, command and paste sequences through editor_key,
 * editor_command and editor_paste on a new draft of the shipped form, in
 * restricted mode (so that whatever the keys name, nothing is written
 * outside a scratch directory).
 *
 * The input is a program of operations, one byte each (some followed by
 * operands): a key from a table (text, line breaks, the control keys of
 * the edit commands), a command by number, a paste of the next n bytes,
 * a paste of one character repeated up to 2^20 times (the size rule), a
 * change of the answer width (10 to 79 columns).  After every operation it checks: typing
 * never takes a field from within its 字 limit to beyond it; the prompt's
 * line holds at most PROMPT_MAX_CHARS; the text being edited counts as
 * text_count counts it; its rows as layout_rewrap brings them up to date
 * are those layout_wrap cuts, covering the text in order, none wider than
 * the width; and the draft, with the text being edited, fits in what
 * kaiji saves (draft_fits).  At the end: a save reads back with the same
 * answers, and so does the emergency copy.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "confine.h"
#include "draft.h"
#include "editor.h"
#include "emergency.h"
#include "form.h"
#include "formdir.h"
#include "fuzz.h"
#include "keys.h"
#include "layout.h"
#include "text.h"
#include "textbuf.h"
#include "xalloc.h"

static struct formdir	*fuzz_editor_forms;
static char		*fuzz_editor_dir;	/* the drafts directory */
static char		*fuzz_editor_path;	/* the draft */

/* The keys an operation byte may press (the rest: commands, pastes). */
static const int fuzz_editor_keys[] = {
	'a', 'Z', '1', '5', '.', ' ', 'g', '/', 'n', 'm', 0x3042, 0x4e00,
	0xff21, 0x85, 0x202e, 0x3099, '\t', KEYS_ENTER, KEYS_ESC,
	KEYS_BACKSPACE, KEYS_DC, KEYS_UP, KEYS_DOWN, KEYS_LEFT, KEYS_RIGHT,
	KEYS_HOME, KEYS_END, KEYS_PGUP, KEYS_PGDN, KEYS_F2, KEYS_F10,
	KEYS_M_B, KEYS_M_F, KEYS_M_LT, KEYS_M_GT, KEYS_CTRL('u'),
	KEYS_CTRL('y'), KEYS_CTRL('k'), KEYS_CTRL('w'), KEYS_CTRL('z'),
	KEYS_CTRL('e'), KEYS_CTRL('a'), KEYS_RESIZE,
};
#define FUZZ_NKEYS (sizeof fuzz_editor_keys / sizeof fuzz_editor_keys[0])

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char tmpl[] = "/tmp/kaiji-fuzz-editor.XXXXXX", *s, *cause = NULL;

	(void)argc;
	(void)argv;
	fuzz_editor_forms = fuzz_forms("fuzz-editor");
	if (mkdtemp(tmpl) == NULL) {
		perror("fuzz-editor: mkdtemp");
		exit(1);
	}
	fuzz_editor_dir = xstrdup(tmpl);
	s = xasprintf("%s/state", tmpl);
	setenv("XDG_STATE_HOME", s, 1);
	free(s);
	s = xasprintf("%s/drafts", tmpl);
	if (confine_start(s, &cause) != 0) {
		fprintf(stderr, "fuzz-editor: %s\n", cause);
		exit(1);
	}
	free(s);
	fuzz_editor_path = confine_path("fuzz", &cause);
	FUZZ_CHECK(fuzz_editor_path != NULL, cause);
	return 0;
}

/* Remove the files of dir (it holds no directories). */
static void
fuzz_editor_empty(const char *dir)
{
	struct dirent *de;
	DIR *dp;
	char *p;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		unlink(p);
		free(p);
	}
	closedir(dp);
}

/* Remove what the last input left in the drafts and state directories. */
static void
fuzz_editor_clean(void)
{
	char *d = xasprintf("%s/drafts", fuzz_editor_dir);
	char *s = xasprintf("%s/state/kaiji", fuzz_editor_dir);

	fuzz_editor_empty(d);
	fuzz_editor_empty(s);
	free(d);
	free(s);
}

/* The layout of the text being edited: rewrapped as full, and sound. */
static void
fuzz_editor_layout(struct textbuf *tb, int width, struct layout_row **rows,
    size_t *nrows)
{
	struct layout_row *fresh;
	size_t n, i, at = 0, len = textbuf_len(tb), k;
	int w;

	if (*nrows == 0) {	/* a new edit, or a new width */
		free(*rows);
		*nrows = layout_wrap(tb, width, rows);
	} else
		*nrows = layout_rewrap(tb, width, rows, *nrows, NULL, NULL);
	n = layout_wrap(tb, width, &fresh);
	FUZZ_CHECK(n == *nrows && memcmp(fresh, *rows, n * sizeof *fresh) ==
	    0, "layout_rewrap differs from layout_wrap");
	FUZZ_CHECK(n >= 1, "no row");
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(fresh[i].start == at && fresh[i].end >= at &&
		    fresh[i].end <= len, "rows out of order");
		for (w = 0, k = fresh[i].start; k < fresh[i].end; k++)
			w += textbuf_charwidth(tb, k);
		FUZZ_CHECK(w <= width, "row wider than the width");
		at = fresh[i].end;
		if (at < len && textbuf_char(tb, at) == '\n')
			at++;
	}
	FUZZ_CHECK(at == len, "rows do not cover the text");
	free(fresh);
	textbuf_clean(tb);
}

/* What the draft of the session holds, with the text being edited. */
static char **
fuzz_editor_answers(const struct editor *e)
{
	const struct draft *d = e->file.draft;
	char **v = xcalloc(d->form->nfields, sizeof *v), *t;
	size_t i;

	for (i = 0; i < d->form->nfields; i++)
		v[i] = d->answers[i] != NULL ? xstrdup(d->answers[i]) : NULL;
	if (e->edit.tb != NULL) {
		t = textbuf_text(e->edit.tb);
		free(v[e->nav.field]);
		v[e->nav.field] = *t != '\0' ? t : NULL;
		if (*t == '\0')
			free(t);
	}
	return v;
}

/* The draft file at path has the answers v (then freed). */
static void
fuzz_editor_same(const char *path, const struct form *form, char **v)
{
	struct draft *d;
	char *cause = NULL;
	size_t i;

	d = draft_load(path, fuzz_editor_forms, &cause);
	FUZZ_CHECK(d != NULL, cause);
	FUZZ_CHECK(d->form == form, "form");
	for (i = 0; i < form->nfields; i++) {
		FUZZ_CHECK(v[i] == NULL ? d->answers[i] == NULL :
		    d->answers[i] != NULL && strcmp(v[i], d->answers[i]) == 0,
		    form->fields[i].id);
		free(v[i]);
	}
	free(v);
	draft_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct editor *e = editor_new(fuzz_editor_forms);
	struct layout_row *rows = NULL;
	struct editor_frame frame = { 20, 40 };
	const struct textbuf *seen = NULL;
	size_t off = 0, n, nrows = 0, before, after, limit, field, k;
	char *cause = NULL, *text, save[4096];
	int op, shared, key, typed, seen_width = 0;

	fuzz_editor_clean();
	if (editor_open(e, fuzz_editor_path, &cause) != 0)
		FUZZ_CHECK(0, cause);
	while (off < size) {
		op = data[off++];
		typed = 0;
		field = e->nav.field;
		before = e->edit.tb != NULL ? editor_edit_count(e, field,
		    &limit, &shared) : 0;
		if (op < 0xc0) {
			key = fuzz_editor_keys[op % FUZZ_NKEYS];
			typed = key < KEYS_BASE && key >= 0x20;
			editor_key(e, key);
		} else if (op < 0xf0)
			editor_command(e, (enum keys_cmd)((op - 0xc0) %
			    KEYS_NCMDS));
		else if (op < 0xf8 && off < size) {
			n = data[off++] % 64;
			if (n > size - off)
				n = size - off;
			text = fuzz_copy(data + off, n);
			off += n;
			if (text_invalid(text, n) == n && strlen(text) == n)
				editor_paste(e, text);
			free(text);
		} else if (op < 0xfc && off < size) {
			/* one character, 2^k times: 1 to 1 Mi */
			k = data[off++] % 21;
			text = xmalloc(((size_t)1 << k) + 1);
			memset(text, "a\n"[op & 1], (size_t)1 << k);
			text[(size_t)1 << k] = '\0';
			editor_paste(e, text);
			free(text);
		} else if (off < size)
			frame.edit_width = 10 + data[off++] % 70;
		if (e->edit.tb != NULL && typed && e->nav.field == field) {
			after = editor_edit_count(e, field, &limit, &shared);
			FUZZ_CHECK(limit == 0 || before > limit ||
			    after <= limit, "typing went past the limit");
		}
		if (e->ui.prompt_text != NULL)
			FUZZ_CHECK(textbuf_len(e->ui.prompt_text) <=
			    PROMPT_MAX_CHARS, "prompt line too long");
		if (e->edit.tb != NULL) {
			struct textbuf *tb = e->edit.tb;

			text = textbuf_text(tb);
			FUZZ_CHECK(textbuf_count(tb) == text_count(text,
			    strlen(text)), "count");
			FUZZ_CHECK(textbuf_bytes(tb) == strlen(text), "bytes");
			FUZZ_CHECK(draft_fits(e->file.draft, e->nav.field,
			    text), "the draft would not fit");
			free(text);
			if (tb != seen || frame.edit_width != seen_width) {
				nrows = 0;	/* rows from nothing */
				seen = tb;
				seen_width = frame.edit_width;
			}
			fuzz_editor_layout(tb, frame.edit_width, &rows, &nrows);
		} else
			seen = NULL;
		editor_drawn(e, &frame);
	}
	free(rows);
	if (e->file.draft != NULL && !e->file.readonly) {
		const struct form *form = e->file.draft->form;
		char **v = fuzz_editor_answers(e);

		/* the emergency copy: the session as it is now */
		if (emergency_save(save, sizeof save) == 0)
			fuzz_editor_same(save, form, v);
		else {
			for (k = 0; k < form->nfields; k++)
				free(v[k]);
			free(v);
		}
		/* a save, when the draft is its own (not moved away) */
		v = fuzz_editor_answers(e);
		e->file.overwrite = 1;
		if (editor_file_save(e) == 0)
			fuzz_editor_same(e->file.path, form, v);
		else {
			for (k = 0; k < form->nfields; k++)
				free(v[k]);
			free(v);
		}
	}
	editor_free(e);
	return 0;
}
