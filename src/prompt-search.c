/*
 * prompt-search: "Search: " — the text becomes the last search, and the
 * next field holding it is made current.  The line starts empty; left
 * empty, it searches again for the last search.
 */
#include "config.h"

#include <stdlib.h>

#include "editor.h"
#include "i18n.h"
#include "prompt.h"

static void
prompt_search_accept(struct editor *e, char *text)
{
	if (*text == '\0' && e->nav.search != NULL)
		free(text);
	else {
		free(e->nav.search);
		e->nav.search = text;
	}
	editor_nav_search_next(e);
}

const struct prompt prompt_search = {
	.name = "search",
	.label = N_("Search: "),
	.accept = prompt_search_accept,
};
