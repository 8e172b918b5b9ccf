/*
 * test-editor: the editor without a terminal, driven key by key through
 * editor_key and editor_command on the shipped 2021 form and drafts in a
 * temporary directory: moving between fields, items, sections and pages;
 * jumps; typing against a limit (a field's and item 30's shared one);
 * pastes; choices and yes/no answers; search; the next missing field;
 * undo; read-only sessions; failed saves; a draft replaced under the
 * editor; quitting and coming back to the same field; and the key table
 * against the command table.
 *
 * Messages are compared in English: the tests never call setlocale.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "confine.h"
#include "draft.h"
#include "prompt.h"
#include "editor.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "keys.h"
#include "lock.h"
#include "testutil.h"
#include "text.h"
#include "textbuf.h"
#include "xalloc.h"

struct fixture {
	struct formdir	*fd;
	char		*dir;
	char		*path;		/* "<dir>/draft.yaml", not created */
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *s;

	f->fd = testutil_formdir();
	f->dir = testutil_tmpdir();
	f->path = xasprintf("%s/draft.yaml", f->dir);
	s = xasprintf("%s/state", f->dir);
	setenv("XDG_STATE_HOME", s, 1);
	free(s);
	s = xasprintf("%s/data", f->dir);
	setenv("XDG_DATA_HOME", s, 1);
	free(s);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	formdir_free(f->fd);
	testutil_rmdir(f->dir);
	free(f->path);
	free(f);
	return 0;
}

/* --- what the tests look at: the only places that know the struct ----- */

static const char *
cur_id(const struct editor *e)
{
	return e->file.draft->form->fields[e->nav.field].id;
}

static const char *
message(const struct editor *e)
{
	return e->ui.message != NULL ? e->ui.message : "";
}

static int
editing(const struct editor *e)
{
	return e->edit.tb != NULL;
}

/* The text being edited (the caller frees it). */
static char *
edit_text(const struct editor *e)
{
	assert_non_null(e->edit.tb);
	return textbuf_text(e->edit.tb);
}

static const char *
answer(const struct editor *e, const char *id)
{
	return e->file.draft->answers[testutil_field(e->file.draft, id)];
}

static size_t
count(const struct editor *e, const char *id, size_t *limit, int *shared)
{
	return editor_edit_count(e, testutil_field(e->file.draft, id), limit,
	    shared);
}

static void
paste(struct editor *e, const char *text)
{
	editor_paste(e, text);
}

/* --- driving it -------------------------------------------------------- */

static struct editor *
open_draft(struct fixture *f, const char *path)
{
	struct editor *e = editor_new(f->fd);
	char *cause = NULL;

	if (editor_open(e, path, &cause) != 0)
		fail_msg("%s", cause);
	return e;
}

static void
press(struct editor *e, int key)
{
	assert_int_equal(editor_key(e, key), 0);
}

/* Type text key by key (each code point a key). */
static void
type(struct editor *e, const char *text)
{
	size_t off = 0, len = strlen(text), n;
	uint32_t cp;

	while (off < len) {
		n = text_decode(text + off, len - off, &cp);
		assert_true(n > 0);
		press(e, (int)cp);
		off += n;
	}
}

/* n copies of the UTF-8 character c (the caller frees them). */
static char *
repeat(const char *c, size_t n)
{
	size_t len = strlen(c), i;
	char *s = xmalloc(len * n + 1);

	for (i = 0; i < n; i++)
		memcpy(s + i * len, c, len);
	s[len * n] = '\0';
	return s;
}

/* Go to a field or item with the jump prompt, as a user would. */
static void
jump(struct editor *e, const char *to)
{
	press(e, 'g');
	assert_int_equal(editor_context(e), KEYS_PROMPT);
	type(e, to);
	press(e, KEYS_ENTER);
}

/* Write a draft of the newest edition with some answers (id, text, NULL). */
static void
make_draft(struct fixture *f, const char *path, ...)
{
	const struct form *form;
	struct draft *d;
	const char *id, *text;
	char *cause = NULL;
	va_list ap;

	form = formdir_newest(f->fd, "asp-saas", &cause);
	assert_non_null(form);
	d = draft_new(form);
	va_start(ap, path);
	while ((id = va_arg(ap, const char *)) != NULL) {
		text = va_arg(ap, const char *);
		assert_int_equal(draft_set(d, testutil_field(d, id), text,
		    &cause), 0);
	}
	va_end(ap);
	if (draft_save(d, path, 0, &cause) != 0)
		fail_msg("%s", cause);
	draft_free(d);
}

/* The answer to id in the draft file at path, "" if none (caller frees). */
static char *
saved(struct fixture *f, const char *path, const char *id)
{
	struct draft *d;
	char *cause = NULL, *s;
	const char *a;

	if ((d = draft_load(path, f->fd, &cause)) == NULL)
		fail_msg("%s", cause);
	a = d->answers[testutil_field(d, id)];
	s = xstrdup(a != NULL ? a : "");
	draft_free(d);
	return s;
}

static void
assert_saved(struct fixture *f, const char *path, const char *id,
    const char *want)
{
	char *s = saved(f, path, id);

	assert_string_equal(s, want);
	free(s);
}

static void
assert_edit_text(const struct editor *e, const char *want)
{
	char *s = edit_text(e);

	assert_string_equal(s, want);
	free(s);
}

static void
assert_message(const struct editor *e, const char *part)
{
	if (strstr(message(e), part) == NULL)
		fail_msg("message '%s' does not contain '%s'", message(e),
		    part);
}

/*
 * The link is made with -Wl,--wrap=lock_acquire (Makefile.am): a test sets
 * on_lock to act, once, as another program would just before the lock is
 * granted.
 */
int	__real_lock_acquire(const char *, struct lock **, struct lock_holder *,
	    char **);
int	__wrap_lock_acquire(const char *, struct lock **, struct lock_holder *,
	    char **);
static void	(*on_lock)(const char *);

int
__wrap_lock_acquire(const char *path, struct lock **lk, struct lock_holder *h,
    char **cause)
{
	void (*act)(const char *) = on_lock;

	on_lock = NULL;
	if (act != NULL)
		act(path);
	return __real_lock_acquire(path, lk, h, cause);
}

/* --- the tests ----------------------------------------------------------- */

/* Fields, items, sections and pages, their first and last fields. */
static void
test_navigation(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);
	const struct form *form = e->file.draft->form;

	assert_int_equal(editor_context(e), KEYS_PAGE);
	assert_string_equal(cur_id(e), "1.1");
	press(e, KEYS_DOWN);
	assert_string_equal(cur_id(e), "2.1");
	press(e, '\t');
	assert_string_equal(cur_id(e), "3.1");
	press(e, 'j');
	assert_string_equal(cur_id(e), "3.2");
	press(e, KEYS_UP);
	assert_string_equal(cur_id(e), "3.1");
	press(e, KEYS_BTAB);
	assert_string_equal(cur_id(e), "2.1");
	press(e, 'k');
	press(e, 'k');		/* the first field stays */
	assert_string_equal(cur_id(e), "1.1");

	/* items: Left goes to the item's first field, then the one before */
	press(e, KEYS_RIGHT);
	press(e, KEYS_RIGHT);
	press(e, KEYS_RIGHT);
	assert_string_equal(cur_id(e), "4.1");
	press(e, KEYS_DOWN);
	press(e, KEYS_DOWN);
	assert_string_equal(cur_id(e), "4.3");
	press(e, KEYS_LEFT);
	assert_string_equal(cur_id(e), "4.1");
	press(e, KEYS_LEFT);
	assert_string_equal(cur_id(e), "3.1");

	/* sections: 人材 starts at item 6 */
	press(e, ']');
	assert_string_equal(cur_id(e), "6.1");
	press(e, KEYS_DOWN);
	press(e, '[');
	assert_string_equal(cur_id(e), "6.1");
	press(e, '[');
	assert_string_equal(cur_id(e), "2.1");

	/* pages start at items 1, 16, 27 ... */
	press(e, KEYS_PGDN);
	assert_string_equal(cur_id(e), "16.1");
	press(e, KEYS_PGDN);
	assert_string_equal(cur_id(e), "27.1");
	press(e, KEYS_DOWN);
	press(e, KEYS_PGUP);
	assert_string_equal(cur_id(e), "27.1");
	press(e, KEYS_PGUP);
	assert_string_equal(cur_id(e), "16.1");
	press(e, KEYS_END);
	assert_string_equal(cur_id(e), "26.2");
	press(e, KEYS_HOME);
	assert_string_equal(cur_id(e), "16.1");

	/* past the last page: the last field */
	while (strcmp(cur_id(e), form->fields[form->nfields - 1].id) != 0) {
		size_t before = e->nav.field;

		press(e, KEYS_PGDN);
		assert_true(e->nav.field > before);
	}
	press(e, KEYS_PGDN);
	assert_string_equal(cur_id(e), form->fields[form->nfields - 1].id);
	press(e, KEYS_DOWN);
	assert_string_equal(cur_id(e), form->fields[form->nfields - 1].id);

	/* browsing writes nothing */
	assert_int_equal(e->file.dirty, 0);
	editor_free(e);
}

/* Jumps to "30" and "30.2"; unknown ones say so and stay. */
static void
test_jump(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);

	jump(e, "30");
	assert_string_equal(cur_id(e), "30.1");
	assert_int_equal(editor_context(e), KEYS_PAGE);
	jump(e, "30.2");
	assert_string_equal(cur_id(e), "30.2");
	jump(e, "999");
	assert_string_equal(cur_id(e), "30.2");
	assert_message(e, "No item or field '999'.");
	jump(e, "5.9");
	assert_string_equal(cur_id(e), "30.2");
	assert_message(e, "No item or field '5.9'.");

	/* the prompt edits like a line: Backspace, Ctrl-U; Esc cancels */
	press(e, ':');
	type(e, "77");
	press(e, KEYS_BACKSPACE);
	press(e, KEYS_CTRL('u'));
	type(e, "4.2");
	press(e, KEYS_ENTER);
	assert_string_equal(cur_id(e), "4.2");
	press(e, 'g');
	type(e, "5");
	press(e, KEYS_ESC);
	assert_int_equal(editor_context(e), KEYS_PAGE);
	assert_string_equal(cur_id(e), "4.2");
	editor_free(e);
}

/* Typing stops at 5.1's 100字; a paste is kept whole and said to be over. */
static void
test_limit(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);
	size_t limit, i;
	int shared;
	char *s, *want;

	jump(e, "5.1");
	press(e, KEYS_ENTER);
	assert_int_equal(editor_context(e), KEYS_EDIT);
	for (i = 0; i < 100; i++)
		press(e, 0x3042);	/* あ */
	assert_int_equal(count(e, "5.1", &limit, &shared), 100);
	assert_int_equal(limit, 100);
	assert_int_equal(shared, 0);
	assert_int_equal(e->ui.message_error, 0);
	press(e, 0x3044);
	assert_int_equal(count(e, "5.1", &limit, &shared), 100);
	assert_message(e, "The limit of 100字 is reached.");
	assert_int_equal(e->ui.message_error, 1);
	/* a line break counts nothing and is typed */
	press(e, KEYS_ENTER);
	assert_int_equal(count(e, "5.1", &limit, &shared), 100);
	press(e, KEYS_ESC);
	assert_false(editing(e));
	s = repeat("あ", 100);
	want = xasprintf("%s\n", s);
	assert_saved(f, f->path, "5.1", want);
	free(want);
	free(s);
	assert_int_equal(editor_edit_status(e, testutil_field(e->file.draft, "5.1")),
	    EDITOR_ST_OK);

	/* a paste into the full field: kept whole, 50 over */
	press(e, KEYS_ENTER);
	s = repeat("い", 50);
	paste(e, s);
	free(s);
	assert_int_equal(count(e, "5.1", &limit, &shared), 150);
	assert_message(e, "Pasted 50字: 150/100字, 50 over the limit");
	assert_int_equal(editor_edit_status(e, testutil_field(e->file.draft, "5.1")),
	    EDITOR_ST_OVER);
	press(e, KEYS_ESC);
	assert_int_equal(editor_edit_status(e, testutil_field(e->file.draft, "5.1")),
	    EDITOR_ST_OVER);
	/* over the limit, typing still stops */
	press(e, KEYS_ENTER);
	type(e, "う");
	assert_int_equal(count(e, "5.1", &limit, &shared), 150);
	press(e, KEYS_ESC);
	editor_free(e);
}

/*
 * A yank is typed as a paste is: kept whole and told against the 字 limit;
 * cutting and yanking again and again grows the answer only up to what the
 * draft can hold (the size rule), and what is kept is saved and read back.
 * A second paste that would make the draft too large is refused whole.
 */
static void
test_yank_limits(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);
	size_t limit, i, n;
	int shared;
	char *s;

	jump(e, "5.1");
	press(e, KEYS_ENTER);
	s = repeat("あ", 60);
	type(e, s);
	free(s);
	editor_command(e, KEYS_CMD_KILL_LINE_START);
	editor_command(e, KEYS_CMD_YANK);
	assert_int_equal(count(e, "5.1", &limit, &shared), 60);
	editor_command(e, KEYS_CMD_YANK);
	assert_int_equal(count(e, "5.1", &limit, &shared), 120);
	assert_message(e, "120/100字, 20 over the limit");
	/* doubling: without the size rule this would reach gigabytes */
	for (i = 0; i < 40; i++) {
		editor_command(e, KEYS_CMD_KILL_LINE_START);
		editor_command(e, KEYS_CMD_YANK);
		editor_command(e, KEYS_CMD_YANK);
	}
	assert_message(e, "Not inserted: the draft would be larger");
	n = textbuf_bytes(e->edit.tb);
	assert_true(n > DRAFT_MAX_SIZE / 4 && n <= DRAFT_MAX_SIZE);
	press(e, KEYS_ESC);
	assert_false(e->file.save_failed);
	s = saved(f, f->path, "5.1");
	assert_int_equal(strlen(s), n);
	free(s);
	editor_free(e);

	/* two pastes of 3 MB: the second is refused, the first saved */
	unlink(f->path);
	e = open_draft(f, f->path);
	jump(e, "5.1");
	press(e, KEYS_ENTER);
	s = repeat("a", 3000000);
	paste(e, s);
	assert_message(e, "Pasted 3000000字");
	press(e, KEYS_ESC);
	jump(e, "31.1");
	press(e, KEYS_ENTER);
	paste(e, s);
	assert_message(e, "Not inserted: the draft would be larger");
	assert_int_equal(textbuf_len(e->edit.tb), 0);
	press(e, KEYS_ESC);
	assert_false(e->file.save_failed);
	assert_saved(f, f->path, "5.1", s);
	assert_saved(f, f->path, "31.1", "");
	free(s);
	/* the prompt's line is bounded too */
	press(e, 'g');
	s = repeat("1", 5000);
	paste(e, s);
	free(s);
	assert_message(e, "The line holds 1024 characters at most.");
	assert_int_equal(textbuf_len(e->ui.prompt_text), 0);
	press(e, KEYS_ESC);
	editor_free(e);
}

/*
 * Typing on without a pause still saves: at the latest EDITOR_MAX_UNSAVED
 * seconds after the first unsaved change, however recent the last key.
 */
static void
test_autosave_typing(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);
	time_t now = time(NULL);

	jump(e, "5.1");
	press(e, KEYS_ENTER);
	type(e, "あ");
	assert_true(e->file.dirty);
	/* the last key just now, the first change a moment ago: not yet */
	e->file.changed_at = now;
	e->file.dirty_since = now - 1;
	assert_true(editor_file_wait(e, now) > 0);
	assert_true(editor_file_wait(e, now) <= (EDITOR_MAX_UNSAVED - 1) *
	    1000);
	assert_int_equal(editor_file_autosave(e, now), 0);
	assert_true(e->file.dirty);
	/* the first change EDITOR_MAX_UNSAVED ago: now, though typing on */
	e->file.dirty_since = now - EDITOR_MAX_UNSAVED;
	assert_int_equal(editor_file_wait(e, now), 0);
	assert_int_equal(editor_file_autosave(e, now), 0);
	assert_false(e->file.dirty);
	assert_true(editing(e));
	assert_saved(f, f->path, "5.1", "あ");
	/* the next change starts the count again */
	type(e, "い");
	assert_true(e->file.dirty_since >= now);
	press(e, KEYS_ESC);
	editor_free(e);
}

/* A draft larger than kaiji saves opens read-only; nothing rewrites it. */
static void
test_oversized_readonly(void **state)
{
	struct fixture *f = *state;
	struct editor *e;
	char *s, *text, *cause = NULL;
	size_t len;
	FILE *fp;

	fp = fopen(f->path, "w");
	assert_non_null(fp);
	s = repeat("a", DRAFT_MAX_SIZE + 100);
	fprintf(fp, "kaiji-draft: 1\nform: asp-saas\nedition: \"2021\"\n"
	    "answers:\n  \"5.1\": %s\n", s);
	fclose(fp);
	e = editor_new(f->fd);
	if (editor_open(e, f->path, &cause) != 0)
		fail_msg("%s", cause);
	assert_true(e->file.readonly);
	assert_message(e, "is larger than the 4194304 bytes kaiji saves");
	assert_string_equal(answer(e, "5.1"), s);
	editor_free(e);
	assert_int_equal(fileio_read(f->path, DRAFT_READ_MAX, &text, &len,
	    &cause), 0);
	assert_non_null(strstr(text, s));
	free(text);
	free(s);
}

/* Item 30's 500字 are shared by 30.1 and 30.2. */
static void
test_shared_limit(void **state)
{
	struct fixture *f = *state;
	struct editor *e;
	size_t limit;
	int shared;
	char *s = repeat("あ", 495);

	make_draft(f, f->path, "30.1", s, (const char *)NULL);
	e = open_draft(f, f->path);
	assert_int_equal(count(e, "30.2", &limit, &shared), 495);
	assert_int_equal(limit, 500);
	assert_int_equal(shared, 1);
	jump(e, "30.2");
	press(e, KEYS_ENTER);		/* yes/no: the choices */
	press(e, KEYS_ENTER);		/* あり */
	assert_edit_text(e, "あり; ");
	assert_int_equal(count(e, "30.1", &limit, &shared), 499);
	type(e, "xyz");
	assert_edit_text(e, "あり; x");
	assert_int_equal(count(e, "30.2", &limit, &shared), 500);
	assert_message(e, "The limit of 500字 is reached.");
	press(e, KEYS_ESC);
	assert_saved(f, f->path, "30.2", "あり; x");
	assert_saved(f, f->path, "30.1", s);

	/* 30.1 is full too, now */
	jump(e, "30.1");
	press(e, KEYS_ENTER);
	type(e, "い");
	assert_edit_text(e, s);
	press(e, KEYS_ESC);
	free(s);
	editor_free(e);
}

/* Pastes into a one-line field lose their line breaks and say so. */
static void
test_paste_one_line(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);

	jump(e, "2.1");
	press(e, KEYS_ENTER);
	paste(e, "株式会社\nサンプル\n");
	assert_edit_text(e, "株式会社 サンプル");
	assert_message(e, "line breaks became spaces (the field is one line)");
	assert_message(e, "the line breaks and spaces at the end dropped");
	/* Enter in a one-line field leaves it for the next */
	press(e, KEYS_ENTER);
	assert_false(editing(e));
	assert_string_equal(cur_id(e), "3.1");
	assert_saved(f, f->path, "2.1", "株式会社 サンプル");

	/* a cell copied from Excel: a tab inside, CR LF at the end */
	jump(e, "2.1");
	press(e, KEYS_ENTER);
	press(e, KEYS_CTRL('u'));
	paste(e, "株式会社\tそらまめ \r\n");
	assert_edit_text(e, "株式会社 そらまめ");
	assert_message(e, "Pasted 9字.");
	assert_message(e, "tabs became spaces");
	press(e, KEYS_ESC);

	/* a multi-line field keeps them */
	jump(e, "4.3");
	press(e, KEYS_ENTER);
	paste(e, "東京\n大阪");
	assert_edit_text(e, "東京\n大阪");
	assert_message(e, "Pasted 4字.");
	assert_true(strstr(message(e), "Changed") == NULL);
	/* CR LF from Windows, the final line break dropped */
	paste(e, "\r\n名古屋\r\n");
	assert_edit_text(e, "東京\n大阪\n名古屋");
	assert_message(e, "Pasted 3字. Changed: the line break at the end "
	    "dropped.");
	press(e, KEYS_CTRL('z'));
	assert_edit_text(e, "東京\n大阪");
	press(e, KEYS_ESC);
	assert_string_equal(answer(e, "4.3"), "東京\n大阪");

	/* outside a field a paste does nothing */
	paste(e, "どこにも");
	assert_false(editing(e));
	assert_string_equal(answer(e, "4.3"), "東京\n大阪");

	/* a prompt takes it, also over an answer being edited */
	press(e, '/');
	paste(e, "大阪");
	press(e, KEYS_ENTER);
	assert_string_equal(e->nav.search, "大阪");
	press(e, KEYS_ENTER);
	press(e, KEYS_F6);
	press(e, KEYS_CTRL('u'));
	paste(e, "elsewhere.yaml");
	assert_int_equal(editor_context(e), KEYS_PROMPT);
	assert_edit_text(e, "東京\n大阪");
	press(e, KEYS_ESC);
	assert_int_equal(editor_context(e), KEYS_EDIT);
	press(e, KEYS_ESC);
	assert_string_equal(answer(e, "4.3"), "東京\n大阪");
	editor_free(e);
}

/* A closed list of choices sets the answer and saves it. */
static void
test_choices(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);

	jump(e, "16.1");
	press(e, KEYS_ENTER);
	assert_int_equal(editor_context(e), KEYS_LIST);
	assert_int_equal(e->list.n, 4);	/* no "write freely" */
	press(e, KEYS_DOWN);
	press(e, KEYS_ENTER);
	assert_int_equal(editor_context(e), KEYS_PAGE);
	assert_false(editing(e));
	assert_saved(f, f->path, "16.1", "②会計参与による監査");
	/* the list opens on the current answer; Esc keeps it */
	press(e, KEYS_ENTER);
	assert_int_equal(e->list.sel, 1);
	press(e, KEYS_DOWN);
	press(e, KEYS_ESC);
	assert_int_equal(editor_context(e), KEYS_PAGE);
	assert_string_equal(answer(e, "16.1"), "②会計参与による監査");
	editor_free(e);
}

/* あり/なし, then a detail; the detail stays when the answer changes. */
static void
test_yesno(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);

	jump(e, "15.1");
	press(e, KEYS_ENTER);
	assert_int_equal(editor_context(e), KEYS_LIST);
	assert_int_equal(e->list.n, 3);	/* あり, なし, write freely */
	press(e, KEYS_ENTER);
	assert_int_equal(editor_context(e), KEYS_EDIT);
	assert_edit_text(e, "あり; ");
	assert_message(e, "あり chosen: a detail may follow (Esc to finish).");
	type(e, "東証プライム");
	press(e, KEYS_ESC);
	assert_saved(f, f->path, "15.1", "あり; 東証プライム");

	/* the other answer keeps the detail */
	press(e, KEYS_ENTER);
	assert_int_equal(e->list.sel, 0);
	press(e, KEYS_DOWN);
	press(e, KEYS_ENTER);
	assert_edit_text(e, "なし; 東証プライム");
	press(e, KEYS_ESC);
	assert_saved(f, f->path, "15.1", "なし; 東証プライム");

	/* "write freely" edits the answer as it is */
	press(e, KEYS_ENTER);
	assert_int_equal(e->list.sel, 1);
	press(e, KEYS_END);
	press(e, KEYS_ENTER);
	assert_edit_text(e, "なし; 東証プライム");
	press(e, KEYS_CTRL('a'));
	press(e, KEYS_CTRL('k'));
	type(e, "なし(非上場)");
	press(e, KEYS_ESC);
	assert_saved(f, f->path, "15.1", "なし(非上場)");

	/* without a detail the separator goes */
	jump(e, "17.1");
	press(e, KEYS_ENTER);
	press(e, KEYS_ENTER);
	assert_edit_text(e, "あり; ");
	press(e, KEYS_ESC);
	assert_saved(f, f->path, "17.1", "あり");
	/* also when quitting from the field */
	press(e, KEYS_ENTER);
	press(e, KEYS_DOWN);
	press(e, KEYS_ENTER);
	assert_edit_text(e, "なし; ");
	press(e, KEYS_F10);
	assert_int_equal(e->ui.quit, 1);
	assert_saved(f, f->path, "17.1", "なし");
	editor_free(e);
}

/*
 * A draft opened from a name that did not exist says it was created (and
 * nothing is "saved" yet); keys that do nothing on a page say what would.
 */
static void
test_first_minute(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);

	assert_message(e, "Created the new draft ");
	assert_message(e, "no file of that name existed");
	assert_int_equal(e->file.saved_at, 0);
	press(e, 'z');
	assert_message(e, "Press Enter to edit the field");
	press(e, 'q');
	assert_message(e, "To quit, press Ctrl-Q or F10");
	press(e, KEYS_CTRL('c'));
	assert_message(e, "To quit, press Ctrl-Q or F10");
	assert_false(e->ui.quit);
	/* typing in a field is still typing */
	press(e, KEYS_ENTER);
	press(e, 'q');
	assert_edit_text(e, "q");
	press(e, KEYS_ESC);
	assert_true(e->file.saved_at != 0);
	editor_free(e);
	/* opened again: no "created" */
	e = open_draft(f, f->path);
	assert_null(e->ui.message);
	editor_free(e);
}

/* Search in descriptions and answers, again, and not found. */
static void
test_search(void **state)
{
	struct fixture *f = *state;
	struct editor *e;

	make_draft(f, f->path, "4.3", "ほげ支店", "31.1", "ほげの範囲",
	    (const char *)NULL);
	e = open_draft(f, f->path);
	press(e, 'n');		/* no search yet: asks for one */
	assert_int_equal(editor_context(e), KEYS_PROMPT);
	press(e, KEYS_ESC);
	press(e, '/');
	type(e, "ほげ");
	press(e, KEYS_ENTER);
	assert_string_equal(cur_id(e), "4.3");
	press(e, 'n');
	assert_string_equal(cur_id(e), "31.1");
	press(e, 'n');		/* round again, and said so */
	assert_string_equal(cur_id(e), "4.3");
	assert_message(e, "Search wrapped to the start of the form.");
	press(e, 'n');
	assert_string_equal(cur_id(e), "31.1");
	assert_null(e->ui.message);
	/* full-width ASCII as an IME types it finds ASCII, and back */
	press(e, '/');
	press(e, KEYS_CTRL('u'));
	type(e, "ＩＳＭＳ");
	press(e, KEYS_ENTER);
	assert_string_equal(cur_id(e), "42.1");
	press(e, '/');
	press(e, KEYS_CTRL('u'));
	type(e, "ｓａａｓ以外");
	press(e, KEYS_ENTER);
	assert_string_equal(cur_id(e), "5.1");
	/* a jump typed in full width */
	jump(e, "３０．２");
	assert_string_equal(cur_id(e), "30.2");
	jump(e, "２７");
	assert_string_equal(cur_id(e), "27.1");
	/* descriptions and item names too, case-insensitively */
	press(e, '/');
	press(e, KEYS_CTRL('u'));
	type(e, "上場");
	press(e, KEYS_ENTER);
	assert_string_equal(cur_id(e), "15.1");
	press(e, '/');
	press(e, KEYS_CTRL('u'));
	type(e, "SAAS以外");
	press(e, KEYS_ENTER);
	assert_string_equal(cur_id(e), "5.1");
	press(e, '/');
	press(e, KEYS_CTRL('u'));
	type(e, "どこにもない語");
	press(e, KEYS_ENTER);
	assert_string_equal(cur_id(e), "5.1");
	assert_message(e, "Not found: どこにもない語");
	editor_free(e);
}

/* The next and previous field that is missing or over its limit. */
static void
test_missing(void **state)
{
	struct fixture *f = *state;
	struct editor *e;
	char *src = testutil_data("complete-2021.yaml"), *buf, *s;
	size_t len;

	e = open_draft(f, f->path);
	press(e, 'm');
	assert_string_equal(cur_id(e), "2.1");	/* 必須 */
	press(e, 'M');
	assert_string_equal(cur_id(e), "1.1");
	press(e, 'M');		/* round the end */
	assert_int_equal(editor_edit_status(e, e->nav.field), EDITOR_ST_MISSING);
	assert_true(e->nav.field > testutil_field(e->file.draft, "30.1"));
	editor_free(e);

	buf = testutil_read(src, &len);
	assert_int_equal(fileio_replace(f->path, buf, len, 0, &s), 0);
	free(buf);
	free(src);
	e = open_draft(f, f->path);
	press(e, 'm');
	assert_string_equal(cur_id(e), "1.1");
	assert_message(e, "Nothing is missing, over a limit or to renew.");
	/* over a limit counts */
	jump(e, "31.1");
	press(e, KEYS_ENTER);
	s = repeat("あ", 201);
	paste(e, s);
	free(s);
	press(e, KEYS_ESC);
	press(e, KEYS_HOME);
	press(e, 'm');
	assert_string_equal(cur_id(e), "31.1");
	assert_int_equal(editor_edit_status(e, e->nav.field), EDITOR_ST_OVER);
	editor_free(e);
}

/* Undo and redo inside an answer. */
/*
 * Answers to renew: marked, visited by m, confirmed by c (and saved so);
 * a changed answer is no longer to renew.  Notes: N opens the prompt on
 * the note, Enter keeps it in the draft, an empty line removes it.
 */
static void
test_renew_note(void **state)
{
	struct fixture *f = *state;
	struct editor *e;
	struct draft *d;
	char *cause = NULL;

	make_draft(f, f->path, "1.1", "2019/6/26", "2.1", "架空テック株式会社",
	    "9.1", "¥1,000", NULL);
	d = draft_load(f->path, f->fd, &cause);
	assert_non_null(d);
	assert_int_equal(draft_mark_renew(d, "asp-saas 2019"), 2);
	assert_int_equal(draft_set_note(d, testutil_field(d, "2.1"), "財務に確認中",
	    &cause), 0);
	assert_int_equal(draft_save(d, f->path, 0, &cause), 0);
	draft_free(d);

	e = open_draft(f, f->path);
	assert_int_equal(editor_edit_status(e, testutil_field(e->file.draft,
	    "1.1")), EDITOR_ST_RENEW);
	assert_int_equal(editor_edit_status(e, testutil_field(e->file.draft,
	    "2.1")), EDITOR_ST_OK);
	jump(e, "8.1");
	press(e, 'm');
	assert_string_equal(cur_id(e), "9.1");	/* to renew */
	press(e, 'c');
	assert_message(e, "Confirmed unchanged");
	assert_int_equal(editor_edit_status(e, e->nav.field), EDITOR_ST_OK);
	press(e, 'c');
	assert_message(e, "not to renew");
	jump(e, "1.1");
	press(e, KEYS_ENTER);
	press(e, KEYS_END);
	press(e, KEYS_BACKSPACE);
	type(e, "5");
	press(e, KEYS_ESC);
	assert_string_equal(answer(e, "1.1"), "2019/6/25");
	assert_int_equal(editor_edit_status(e, e->nav.field), EDITOR_ST_OK);

	/* the note */
	jump(e, "2.1");
	press(e, 'N');
	assert_int_equal(editor_context(e), KEYS_PROMPT);
	assert_string_equal(e->ui.prompt->name, "note");
	press(e, KEYS_CTRL('u'));
	type(e, "法務に確認中");
	press(e, KEYS_ENTER);
	assert_message(e, "Note kept");
	assert_string_equal(e->file.draft->notes[e->nav.field], "法務に確認中");
	jump(e, "30.1");
	press(e, 'N');
	type(e, "営業に確認");
	press(e, KEYS_ENTER);
	press(e, KEYS_F2);
	editor_free(e);

	d = draft_load(f->path, f->fd, &cause);
	assert_non_null(d);
	assert_null(d->renew[testutil_field(d, "1.1")]);
	assert_null(d->renew[testutil_field(d, "9.1")]);
	assert_string_equal(d->notes[testutil_field(d, "2.1")], "法務に確認中");
	assert_string_equal(d->notes[testutil_field(d, "30.1")], "営業に確認");
	draft_free(d);

	e = open_draft(f, f->path);
	jump(e, "2.1");
	press(e, 'N');
	press(e, KEYS_CTRL('u'));
	press(e, KEYS_ENTER);
	assert_message(e, "Note removed");
	assert_null(e->file.draft->notes[e->nav.field]);
	editor_free(e);
}

static void
test_undo(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);

	jump(e, "4.1");
	press(e, KEYS_ENTER);
	type(e, "東京都");
	press(e, KEYS_BACKSPACE);
	assert_edit_text(e, "東京");
	press(e, KEYS_CTRL('z'));
	assert_edit_text(e, "東京都");
	press(e, KEYS_CTRL('r'));
	assert_edit_text(e, "東京");
	press(e, KEYS_CTRL('_'));
	assert_edit_text(e, "東京都");
	press(e, KEYS_CTRL('w'));
	assert_edit_text(e, "");
	press(e, KEYS_CTRL('y'));
	assert_edit_text(e, "東京都");
	assert_int_equal(e->file.dirty, 1);
	press(e, KEYS_ESC);
	assert_int_equal(e->file.dirty, 0);
	assert_saved(f, f->path, "4.1", "東京都");
	editor_free(e);
}

/* A second editor on a locked draft may only read it, and writes nothing. */
static void
test_readonly_locked(void **state)
{
	struct fixture *f = *state;
	struct editor *a, *b;
	char *before, *after, *positions;
	size_t lb, la;
	struct stat st;

	a = open_draft(f, f->path);
	assert_int_equal(a->file.readonly, 0);
	before = testutil_read(f->path, &lb);
	b = open_draft(f, f->path);
	assert_int_equal(b->file.readonly, 1);
	assert_int_equal(editor_context(b), KEYS_LIST);	/* read-only? */
	press(b, KEYS_ENTER);			/* open it read-only */
	assert_int_equal(editor_context(b), KEYS_PAGE);
	assert_message(b, "Read-only: ");
	assert_int_equal(b->ui.quit, 0);

	jump(b, "15.1");			/* moving is fine */
	assert_string_equal(cur_id(b), "15.1");
	press(b, KEYS_ENTER);			/* choosing is not */
	assert_int_equal(editor_context(b), KEYS_PAGE);
	assert_message(b, "This draft is open read-only.");
	jump(b, "4.1");
	press(b, 'e');
	assert_false(editing(b));
	assert_message(b, "This draft is open read-only.");
	press(b, KEYS_CTRL('s'));
	assert_message(b, "This draft is open read-only.");
	assert_int_equal(editor_command(b, KEYS_CMD_DELETE_BACK), 0);
	assert_message(b, "This draft is open read-only.");
	/* the prompts still edit their line */
	press(b, '/');
	type(b, "あい");
	press(b, KEYS_BACKSPACE);
	press(b, KEYS_ENTER);
	assert_string_equal(b->nav.search, "あ");
	press(b, KEYS_F10);
	assert_int_equal(b->ui.quit, 1);
	editor_free(b);

	after = testutil_read(f->path, &la);
	assert_int_equal(la, lb);
	assert_memory_equal(before, after, la);
	free(after);
	positions = xasprintf("%s/state/kaiji/positions", f->dir);
	assert_int_equal(stat(positions, &st), -1);
	free(positions);

	/* or it quits */
	b = open_draft(f, f->path);
	press(b, KEYS_DOWN);
	press(b, KEYS_ENTER);
	assert_int_equal(b->ui.quit, 1);
	editor_free(b);
	/* Esc opens it read-only */
	b = open_draft(f, f->path);
	press(b, KEYS_ESC);
	assert_int_equal(b->ui.quit, 0);
	assert_int_equal(b->file.readonly, 1);
	assert_int_equal(editor_context(b), KEYS_PAGE);
	editor_free(b);

	/* the first editor writes as before */
	jump(a, "4.1");
	press(a, KEYS_ENTER);
	type(a, "大阪");
	press(a, KEYS_ESC);
	assert_saved(f, f->path, "4.1", "大阪");
	editor_free(a);
	free(before);
}

/* A draft opened through a symbolic link is read-only. */
static void
test_readonly_symlink(void **state)
{
	struct fixture *f = *state;
	struct editor *e;
	char *link = xasprintf("%s/link.yaml", f->dir), *before, *after;
	size_t lb, la;

	make_draft(f, f->path, "2.1", "株式会社サンプル", (const char *)NULL);
	assert_int_equal(symlink(f->path, link), 0);
	before = testutil_read(f->path, &lb);
	e = open_draft(f, link);
	assert_int_equal(e->file.readonly, 1);
	assert_message(e, "is a symbolic link");
	assert_int_equal(editor_context(e), KEYS_PAGE);
	jump(e, "2.1");
	press(e, KEYS_ENTER);
	assert_false(editing(e));
	assert_message(e, "This draft is open read-only.");
	press(e, KEYS_F2);
	assert_message(e, "This draft is open read-only.");
	press(e, KEYS_F10);
	assert_int_equal(e->ui.quit, 1);
	editor_free(e);
	after = testutil_read(f->path, &la);
	assert_int_equal(la, lb);
	assert_memory_equal(before, after, la);
	free(before);
	free(after);
	free(link);
}

static struct fixture *race_fixture;

/* What a "kaiji set" that ends just before the editor's lock does. */
static void
race_set(const char *path)
{
	make_draft(race_fixture, path, "2.1", "新しい名前", (const char *)NULL);
}

/*
 * The lock is taken before the draft is read, and the identity kept is
 * that of the file read: a change made just before the lock is what the
 * editor shows, and its next save neither loses it nor calls it a
 * conflict.
 */
static void
test_lock_before_read(void **state)
{
	struct fixture *f = *state;
	struct editor *e;

	make_draft(f, f->path, "2.1", "古い名前", (const char *)NULL);
	race_fixture = f;
	on_lock = race_set;
	e = open_draft(f, f->path);
	assert_null(on_lock);
	assert_false(e->file.readonly);
	assert_string_equal(answer(e, "2.1"), "新しい名前");
	jump(e, "5.1");
	press(e, KEYS_ENTER);
	type(e, "説明");
	press(e, KEYS_ESC);
	assert_false(e->file.conflict);
	assert_false(e->file.save_failed);
	assert_saved(f, f->path, "2.1", "新しい名前");
	assert_saved(f, f->path, "5.1", "説明");
	editor_free(e);
}

/* The secret another user's link points to. */
static char *race_outside;

/* Swap the draft for a link to a file outside the drafts directory. */
static void
race_link(const char *path)
{
	assert_int_equal(unlink(path), 0);
	assert_int_equal(symlink(race_outside, path), 0);
}

/*
 * Restricted mode opens the draft through the directory's descriptor,
 * never following a link: a link swapped in after the name was checked
 * is refused, and nothing outside the directory is shown.  (Last: the
 * restricted mode lasts for the process.)
 */
static void
test_confine_swap(void **state)
{
	struct fixture *f = *state;
	struct editor *e;
	char *drafts = xasprintf("%s/drafts", f->dir), *path, *cause = NULL;

	race_outside = xasprintf("%s/outside.yaml", f->dir);
	make_draft(f, race_outside, "2.1", "秘密", (const char *)NULL);
	assert_int_equal(confine_start(drafts, &cause), 0);
	path = confine_path("mine", &cause);
	assert_non_null(path);
	make_draft(f, path, "2.1", "自分の", (const char *)NULL);
	on_lock = race_link;
	e = editor_new(f->fd);
	assert_int_equal(editor_open(e, path, &cause), -1);
	assert_null(on_lock);
	assert_non_null(strstr(cause, "a symbolic link"));
	free(cause);
	assert_null(e->file.draft);
	editor_free(e);
	free(path);
	free(drafts);
	free(race_outside);
}

/* A save into a removed directory fails, says so, keeps the text. */
static void
test_save_failure(void **state)
{
	struct fixture *f = *state;
	struct editor *e;
	char *sub = xasprintf("%s/sub", f->dir);
	char *path = xasprintf("%s/draft.yaml", sub);
	char *other = xasprintf("%s/rescued.yaml", f->dir);
	char *cmd;

	assert_int_equal(mkdir(sub, 0700), 0);
	e = open_draft(f, path);
	jump(e, "2.1");
	press(e, KEYS_ENTER);
	type(e, "株式会社");
	cmd = xasprintf("rm -rf '%s'", sub);
	assert_int_equal(system(cmd), 0);
	free(cmd);

	press(e, KEYS_F2);
	assert_message(e, "Not saved: ");
	assert_message(e, "F2: try again, F6: save elsewhere.");
	assert_int_equal(e->ui.message_error, 1);
	assert_int_equal(e->file.save_failed, 1);
	assert_true(editing(e));
	assert_edit_text(e, "株式会社");
	press(e, KEYS_ESC);		/* leaving saves, and fails again */
	assert_int_equal(e->file.dirty, 1);
	assert_string_equal(answer(e, "2.1"), "株式会社");
	assert_int_equal(editor_file_autosave(e, time(NULL) + 60), -1);

	/* quitting asks twice */
	press(e, KEYS_F10);
	assert_int_equal(e->ui.quit, 0);
	assert_message(e, "Quit again to leave without saving.");
	press(e, KEYS_DOWN);	/* anything else asks again */
	press(e, KEYS_F10);
	assert_int_equal(e->ui.quit, 0);

	/* save elsewhere, and go on there */
	press(e, KEYS_F6);
	assert_int_equal(editor_context(e), KEYS_PROMPT);
	press(e, KEYS_CTRL('u'));
	type(e, other);
	press(e, KEYS_ENTER);
	assert_message(e, "editing it from now on.");
	assert_string_equal(e->file.path, other);
	assert_int_equal(e->file.dirty, 0);
	assert_int_equal(e->file.save_failed, 0);
	assert_saved(f, other, "2.1", "株式会社");
	press(e, KEYS_F10);
	assert_int_equal(e->ui.quit, 1);
	editor_free(e);
	free(other);
	free(path);
	free(sub);
}

/* A draft replaced under the editor is not overwritten unless asked. */
static void
test_conflict(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);

	jump(e, "2.1");
	press(e, KEYS_ENTER);
	type(e, "株式会社");
	press(e, KEYS_ESC);
	assert_saved(f, f->path, "2.1", "株式会社");

	/* another program puts a new file in its place */
	make_draft(f, f->path, "2.1", "別の会社", (const char *)NULL);
	jump(e, "4.1");
	press(e, KEYS_ENTER);
	type(e, "大阪");
	press(e, KEYS_ESC);
	assert_message(e, "was changed or removed by another program");
	assert_int_equal(e->ui.message_error, 1);
	assert_saved(f, f->path, "2.1", "別の会社");
	assert_saved(f, f->path, "4.1", "");
	assert_string_equal(answer(e, "4.1"), "大阪");

	/* F2 asks: keep editing without saving */
	press(e, KEYS_F2);
	assert_int_equal(editor_context(e), KEYS_LIST);
	assert_int_equal(e->list.n, 3);
	press(e, KEYS_END);
	press(e, KEYS_ENTER);
	assert_int_equal(editor_context(e), KEYS_PAGE);
	assert_message(e, "Not saved. F2: save, F6: save elsewhere.");
	assert_saved(f, f->path, "2.1", "別の会社");
	/* Esc too leaves it */
	press(e, KEYS_F2);
	press(e, KEYS_ESC);
	assert_int_equal(editor_context(e), KEYS_PAGE);
	assert_saved(f, f->path, "2.1", "別の会社");
	/* overwrite it */
	press(e, KEYS_F2);
	press(e, KEYS_ENTER);
	assert_message(e, "Saved ");
	assert_int_equal(e->file.dirty, 0);
	assert_saved(f, f->path, "2.1", "株式会社");
	assert_saved(f, f->path, "4.1", "大阪");
	/* from now on saves go on as usual */
	press(e, KEYS_ENTER);
	type(e, "府");
	press(e, KEYS_ESC);
	assert_saved(f, f->path, "4.1", "大阪府");
	editor_free(e);
}

/* Quitting remembers the field; the next session starts there. */
static void
test_quit_remembers(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);
	char *positions = xasprintf("%s/state/kaiji/positions", f->dir);
	char *other = xasprintf("%s/other.yaml", f->dir), *buf;

	jump(e, "30.2");
	press(e, KEYS_CTRL('q'));
	assert_int_equal(e->ui.quit, 1);
	editor_free(e);
	assert_int_equal(access(positions, R_OK), 0);
	buf = testutil_read(positions, NULL);
	assert_non_null(strstr(buf, "30.2\t"));
	free(buf);

	e = open_draft(f, other);
	assert_string_equal(cur_id(e), "1.1");	/* a new draft: the start */
	jump(e, "7.2");
	press(e, KEYS_F10);
	editor_free(e);

	e = open_draft(f, f->path);
	assert_string_equal(cur_id(e), "30.2");
	editor_free(e);
	e = open_draft(f, other);
	assert_string_equal(cur_id(e), "7.2");
	editor_free(e);
	free(other);
	free(positions);
}

/*
 * Every binding names a command, and every command has one entry in the
 * command tables, a name of its own, help text, and a key.
 */
static void
test_key_table(void **state)
{
	struct fixture *f = *state;
	const struct keys_binding *kb;
	struct editor *e;
	const char *name, *help;
	char buf[32];
	size_t n, i, j;
	int id, other;

	kb = keys_table(&n);
	assert_true(n > 50);
	for (i = 0; i < n; i++) {
		if (editor_command_name(kb[i].command) == NULL)
			fail_msg("binding %zu names no command", i);
		assert_true(kb[i].contexts != 0);
		assert_true(*keys_name(kb[i].key, buf, sizeof buf) != '\0');
	}
	for (id = 0; id < KEYS_NCMDS; id++) {
		if ((name = editor_command_name(id)) == NULL)
			fail_msg("command %d is in no command table", id);
		help = editor_command_help(id);
		assert_non_null(help);
		assert_true(*help != '\0');
		for (other = 0; other < id; other++)
			assert_string_not_equal(editor_command_name(other),
			    name);
		for (j = 0; j < n; j++) {
			if (kb[j].command == (enum keys_cmd)id)
				break;
		}
		if (j == n)
			fail_msg("command %s has no key", name);
	}
	/* the key hints have labels */
	assert_string_equal(editor_command_hint(KEYS_CMD_HELP), "Help");
	assert_null(editor_command_hint(KEYS_CMD_CHAR_LEFT));

	/* an id that is no command runs nothing */
	e = open_draft(f, f->path);
	assert_int_equal(editor_command(e, KEYS_NCMDS), -1);
	assert_int_equal(editor_command(e, KEYS_CMD_NONE), -1);
	assert_string_equal(cur_id(e), "1.1");
	assert_int_equal(editor_command(e, KEYS_CMD_NEXT_FIELD), 0);
	assert_string_equal(cur_id(e), "2.1");
	editor_free(e);
}

/*
 * Undo reaches past the edit: on the page, Ctrl-Z puts the last changed
 * answer back (an edit or a choice), going there and saving; Ctrl-R does
 * it again; an answer changed since is left alone; a fresh edit with
 * nothing to undo goes on.
 */
static void
test_undo_answers(void **state)
{
	struct fixture *f = *state;
	struct editor *e = open_draft(f, f->path);
	char *why;

	jump(e, "2.1");
	press(e, KEYS_ENTER);
	press(e, KEYS_CTRL('z'));
	assert_true(editing(e));
	assert_message(e, "Nothing to undo.");
	type(e, "そらまめ");
	press(e, KEYS_ESC);
	jump(e, "4.3");
	press(e, KEYS_ENTER);
	type(e, "東京");
	press(e, KEYS_BACKSPACE);
	press(e, KEYS_BACKSPACE);
	type(e, "大阪");
	press(e, KEYS_ESC);
	assert_string_equal(answer(e, "4.3"), "大阪");
	jump(e, "29.1");
	press(e, KEYS_ENTER);
	press(e, KEYS_ENTER);
	assert_non_null(answer(e, "29.1"));
	jump(e, "1.1");

	press(e, KEYS_CTRL('z'));
	assert_string_equal(cur_id(e), "29.1");
	assert_null(answer(e, "29.1"));
	assert_message(e, "Undid the change to 29.1");
	assert_false(e->file.dirty);	/* saved */
	press(e, KEYS_CTRL('z'));
	assert_string_equal(cur_id(e), "4.3");
	assert_null(answer(e, "4.3"));
	press(e, KEYS_CTRL('z'));
	assert_string_equal(cur_id(e), "2.1");
	assert_null(answer(e, "2.1"));
	press(e, KEYS_CTRL('z'));
	assert_message(e, "Nothing to undo.");
	press(e, KEYS_CTRL('r'));
	assert_string_equal(answer(e, "2.1"), "そらまめ");
	assert_message(e, "Redid the change to 2.1.");
	press(e, KEYS_CTRL('r'));
	assert_string_equal(answer(e, "4.3"), "大阪");

	/* in an edit, its own steps first (Backspaces as one), then on */
	press(e, KEYS_ENTER);
	press(e, KEYS_BACKSPACE);
	press(e, KEYS_BACKSPACE);
	press(e, KEYS_CTRL('z'));
	assert_true(editing(e));
	assert_edit_text(e, "大阪");
	press(e, KEYS_CTRL('z'));
	assert_false(editing(e));
	assert_null(answer(e, "4.3"));

	/* an answer changed another way since: not undone, history gone */
	assert_int_equal(draft_set(e->file.draft, testutil_field(e->file.draft,
	    "2.1"), "別の会社", &why), 0);
	press(e, KEYS_CTRL('z'));
	assert_message(e, "The answer has changed since; not undone.");
	assert_string_equal(answer(e, "2.1"), "別の会社");
	press(e, KEYS_CTRL('r'));
	assert_message(e, "Nothing to redo.");
	editor_free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_navigation, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_jump, setup, teardown),
		cmocka_unit_test_setup_teardown(test_renew_note, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_first_minute, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shared_limit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_paste_one_line, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_choices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_yesno, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_locked, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_readonly_symlink, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_failure, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_conflict, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_quit_remembers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_yank_limits, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_oversized_readonly, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_autosave_typing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_undo_answers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_key_table, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lock_before_read, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_confine_swap, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
