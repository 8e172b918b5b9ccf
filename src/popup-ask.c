/*
 * popup-ask: a question with answers to choose, each an action (struct
 * popup_answer): what to do about a draft changed under the editor, a
 * file to replace, a draft another editor holds.
 *
 * State owned here, struct editor_ask: the question while the popup is
 * showing (and the last one after), its answers, one per entry of
 * editor.list, and the answer Esc gives (-1: Esc only closes the popup).
 */
#include "config.h"

#include <stdlib.h>

#include "editor.h"
#include "i18n.h"
#include "popup.h"
#include "strvec.h"
#include "textbuf.h"
#include "xalloc.h"

/*
 * Ask question (taken) over the page, offering n answers; Esc gives
 * answers[cancel] (cancel -1: none).  A prompt open is closed.
 */
void
popup_ask_open(struct editor *e, char *question,
    const struct popup_answer *answers, size_t n, int cancel)
{
	size_t i;

	if (e->ui.prompt_text != NULL)
		textbuf_free(e->ui.prompt_text);
	e->ui.prompt_text = NULL;
	e->ui.prompt = NULL;
	e->ui.screen = EDITOR_PAGE;
	editor_list_clear(e);
	free(e->ask.question);
	e->ask.question = question;
	e->ask.answers = answers;
	e->ask.cancel = cancel;
	for (i = 0; i < n; i++)
		editor_list_add(e, (size_t)-1, 0, xstrdup(_(answers[i].label)));
	editor_popup(e, &popup_ask);
}

static void
popup_ask_text(const struct editor *e, struct strvec *lines)
{
	strvec_add(lines, xstrdup(e->ask.question));
	strvec_add(lines, xstrdup(""));
}

/* Close the popup and act on answer i (if there is one). */
static void
popup_ask_answer(struct editor *e, size_t i)
{
	size_t n = e->list.n;

	editor_popup_close(e);
	if (i < n)
		e->ask.answers[i].fn(e);
}

static void
popup_ask_accept(struct editor *e)
{
	popup_ask_answer(e, e->list.sel);
}

static void
popup_ask_cancel(struct editor *e)
{
	if (e->ask.cancel >= 0)
		popup_ask_answer(e, (size_t)e->ask.cancel);
	else
		editor_popup_close(e);
}

const struct popup popup_ask = {
	.name = "ask",
	.list = 1,
	.text = popup_ask_text,
	.accept = popup_ask_accept,
	.cancel = popup_ask_cancel,
};
