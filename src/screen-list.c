/*
 * screen-list: a list of entries built by the editor (overview, summary,
 * key help, start screen), with the selected one highlighted and kept on
 * screen.
 */
#include "config.h"

#include <stdlib.h>

#include "editor.h"
#include "i18n.h"
#include "view.h"

static void
screen_list_draw(struct editor *e, int top, int rows)
{
	const struct editor_entry *en;
	static const char *const titles[] = {
		[EDITOR_OVERVIEW] = N_("Pages and sections (Enter: go there)"),
		[EDITOR_SUMMARY] = N_("Summary (Enter: go to the field)"),
		[EDITOR_KEYS] = N_("Keys"),
		[EDITOR_START] = N_("kaiji: start a new draft or resume one"),
	};
	int cols = view_cols(), y;
	size_t i;

	view_fill(top, 0, cols, VIEW_NORMAL);
	view_text(top, 1, cols - 1, _(titles[e->screen]), VIEW_HEADING);
	top++;
	rows--;
	if (rows <= 0)
		return;
	if (e->sel < e->list_top)
		e->list_top = e->sel;
	if (e->sel >= e->list_top + (size_t)rows)
		e->list_top = e->sel - (size_t)rows + 1;
	if (e->list_top > 0 && e->list_top + (size_t)rows > e->nentries)
		e->list_top = e->nentries > (size_t)rows ?
		    e->nentries - (size_t)rows : 0;
	for (y = 0; y < rows; y++) {
		view_fill(top + y, 0, cols, VIEW_NORMAL);
		i = e->list_top + (size_t)y;
		if (i >= e->nentries)
			continue;
		en = &e->entries[i];
		if (i == e->sel && !en->heading) {
			view_fill(top + y, 0, cols, VIEW_SELECTED);
			view_text(top + y, 1 + 2 * en->level, cols - 2 -
			    2 * en->level, en->label, VIEW_SELECTED);
		} else
			view_text(top + y, 1 + 2 * en->level, cols - 2 -
			    2 * en->level, en->label, en->heading ?
			    VIEW_HEADING : VIEW_NORMAL);
	}
}

const struct screen screen_list = {
	.name = "list",
	.draw = screen_list_draw,
};
