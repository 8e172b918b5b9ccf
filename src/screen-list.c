/*
 * screen-list: a list of entries built by the editor (overview, summary,
 * key help, start screen), with the selected one highlighted and kept on
 * screen, and the incomplete ones (an entry's status) in the style of a
 * missing 必須 or 必須○ answer.
 *
 * State: the first entry shown, kept from frame to frame so that the list
 * scrolls only when the selection leaves the screen, and the serial of
 * the list it belongs to (a new list starts at its top).
 */
#include "config.h"

#include <stdlib.h>

#include "editor.h"
#include "i18n.h"
#include "view.h"
#include "xalloc.h"

struct list_state {
	size_t		 top;
	unsigned	 serial;
};

static void *
screen_list_create(void)
{
	return xcalloc(1, sizeof (struct list_state));
}

static void
screen_list_destroy(void *state)
{
	free(state);
}

/* Scroll so that the selected entry is among the rows shown. */
static void
list_scroll(struct list_state *ls, const struct editor_list *l, size_t rows)
{
	if (ls->serial != l->serial) {
		ls->serial = l->serial;
		ls->top = 0;
	}
	if (l->sel < ls->top)
		ls->top = l->sel;
	if (l->sel >= ls->top + rows)
		ls->top = l->sel - rows + 1;
	if (ls->top > 0 && ls->top + rows > l->n)
		ls->top = l->n > rows ? l->n - rows : 0;
}

static void
screen_list_draw(void *state, const struct editor *e, int top, int rows,
    struct view_frame *frame)
{
	static const char *const titles[] = {
		[EDITOR_OVERVIEW] = N_("Pages and sections (Enter: go there)"),
		[EDITOR_SUMMARY] = N_("Summary (Enter: go to the field)"),
		[EDITOR_KEYS] = N_("Keys"),
		[EDITOR_START] = N_("kaiji: start a new draft or resume one"),
	};
	struct list_state *ls = state;
	const struct editor_list *l = &e->list;
	const struct editor_entry *en;
	int cols = view_draw_cols(), y, x;
	size_t i;

	(void)frame;
	view_draw_fill(top, 0, cols, VIEW_NORMAL);
	view_draw_text(top, 1, cols - 1, _(titles[e->ui.screen]), VIEW_HEADING);
	top++;
	rows--;
	if (rows <= 0)
		return;
	list_scroll(ls, l, (size_t)rows);
	for (y = 0; y < rows; y++) {
		view_draw_fill(top + y, 0, cols, VIEW_NORMAL);
		i = ls->top + (size_t)y;
		if (i >= l->n)
			continue;
		en = &l->v[i];
		x = 1 + 2 * en->level;
		if (i == l->sel && !en->heading) {
			view_draw_fill(top + y, 0, cols, VIEW_SELECTED);
			view_draw_text(top + y, x, cols - x - 1, en->label,
			    VIEW_SELECTED);
		} else
			view_draw_text(top + y, x, cols - x - 1, en->label,
			    en->heading ? VIEW_HEADING : en->status ==
			    EDITOR_ST_MISSING ? VIEW_MISSING : en->status ==
			    EDITOR_ST_MISSING_LEVEL ? VIEW_LEVEL : VIEW_NORMAL);
	}
}

const struct screen screen_list = {
	.name = "list",
	.create = screen_list_create,
	.destroy = screen_list_destroy,
	.draw = screen_list_draw,
};
