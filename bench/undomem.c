/*
 * undomem: the memory a text buffer's undo history keeps, driving textbuf
 * (libkaiji.a) directly, as the editor does for one answer.
 *
 *	undomem edits	a 4 MB answer (Japanese, 3 bytes a character), then
 *			60 edits at spread-out places, each its own undo
 *			step: a typed word, a Backspace or a Delete in turn
 *	undomem paste	a 2.5 MB paste into an empty answer, then 200
 *			Backspaces
 *
 * Prints one line:
 *
 *	MODE answer BYTES rss_kb KB undo_bytes N
 *
 * BYTES is the answer's size in UTF-8 after the edits; KB the growth of
 * the process's resident memory (VmRSS) from just after the buffer was
 * made to just after the last edit, what the history holds; N what
 * textbuf_undo_bytes reports (- when libkaiji.a has no such function).
 * In edits mode, exits 1 when undoing every step does not give back the
 * starting text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textbuf.h"

/* Only in trees that account for undo memory. */
size_t	textbuf_undo_bytes(const struct textbuf *) __attribute__((weak));

static long
rss_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *fp;

	if ((fp = fopen("/proc/self/status", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL) {
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = atol(line + 6);
	}
	fclose(fp);
	return kb;
}

/* n bytes of Japanese text (a 3-byte character repeated, a line break
 * every 200 characters), as a string the caller frees. */
static char *
japanese(size_t n)
{
	static const char *const chars[] = { "申", "請", "内", "容", "の",
	    "記", "述", "で", "す", "。" };
	char *s = malloc(n + 1), *p = s;
	size_t i = 0;

	if (s == NULL)
		abort();
	while ((size_t)(p - s) + 3 <= n) {
		if (i % 201 == 200)
			*p++ = '\n';
		else {
			memcpy(p, chars[i % 10], 3);
			p += 3;
		}
		i++;
	}
	*p = '\0';
	return s;
}

int
main(int argc, char **argv)
{
	static const char *const word[] = { "追", "記", "語", "句" };
	struct textbuf *tb;
	unsigned long seed = 12345;
	const char *mode = argc > 1 ? argv[1] : "edits";
	char *start, *text, *end;
	long before, after;
	size_t i, j, steps = 0;
	int ok;

	if (strcmp(mode, "edits") == 0) {
		start = japanese(4000000);
		tb = textbuf_new(start);
	} else if (strcmp(mode, "paste") == 0) {
		start = strdup("");
		tb = textbuf_new(start);
	} else {
		fprintf(stderr, "usage: undomem edits|paste\n");
		return 2;
	}
	before = rss_kb();
	if (strcmp(mode, "edits") == 0) {
		for (i = 0; i < 60; i++) {
			seed = seed * 1103515245 + 12345;
			textbuf_set_cursor(tb, (seed >> 8) % textbuf_len(tb));
			switch (i % 3) {
			case 0:
				for (j = 0; j < 4; j++)
					textbuf_insert(tb, word[j]);
				break;
			case 1:
				textbuf_delete_back(tb);
				break;
			default:
				textbuf_delete_fwd(tb);
				break;
			}
			steps++;
		}
	} else {
		text = japanese(2500000);
		textbuf_insert(tb, text);
		free(text);
		steps++;
		for (i = 0; i < 200; i++, steps++)
			textbuf_delete_back(tb);
	}
	after = rss_kb();
	end = textbuf_text(tb);
	printf("%s answer %zu rss_kb %ld undo_bytes ", mode, strlen(end),
	    after - before);
	if (textbuf_undo_bytes != NULL)
		printf("%zu\n", textbuf_undo_bytes(tb));
	else
		printf("-\n");
	free(end);
	while (textbuf_undo(tb))
		steps--;
	text = textbuf_text(tb);
	ok = strcmp(mode, "paste") == 0 ||
	    (steps == 0 && strcmp(text, start) == 0);
	free(text);
	free(start);
	textbuf_free(tb);
	return ok ? 0 : 1;
}
