/*
 * html-text: the text of an HTML tree (libxml2's) as a browser shows it:
 * each run of white space one space, <br> and block elements line breaks,
 * no space at either end of a line, a no-break space a space, <pre> kept
 * as it is, what a browser hides (head, script, style...) left out; NFC.
 *
 * State while a tree is walked, struct html_buf: the text so far (s, len
 * bytes, NUL-terminated, room allocated) and the space or line break due
 * before more text.  The tree is walked without recursion, so the cost is
 * linear in the tree and the stack does not grow with its depth.
 */
#include "config.h"

#ifdef HAVE_XLSXREAD
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "html-text.h"
#include "text.h"
#include "xalloc.h"

/* Text as a browser lays it out, built by appending. */
struct html_buf {
	char		*s;
	size_t		 len, room;
	int		 space;		/* a space is due before more text */
	int		 brk;		/* a line break is due */
	int		 tabs;		/* cells apart by tabs (outside the table) */
	int		 pre;		/* inside <pre>: white space kept */
};

static void
html_put(struct html_buf *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->room) {
		t->room = t->len + n + 1 > 2 * t->room ? t->len + n + 1 :
		    2 * t->room;
		t->s = xrealloc(t->s, t->room);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static char
html_last(const struct html_buf *t)
{
	return t->len > 0 ? t->s[t->len - 1] : '\n';
}

/* Emit the line break or space that is due before more text. */
static void
html_flush(struct html_buf *t)
{
	if (t->brk && t->len > 0 && html_last(t) != '\n')
		html_put(t, "\n", 1);
	else if (t->space && html_last(t) != '\n' && html_last(t) != '\t')
		html_put(t, " ", 1);
	t->brk = t->space = 0;
}

/* Append the text s of a text node, white space as a browser shows it. */
static void
html_chars(struct html_buf *t, const char *s)
{
	unsigned char c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (t->pre && (c == '\n' || c == '\r')) {
			if (c == '\r' && s[1] == '\n')
				s++;
			t->space = t->brk = 0;
			html_put(t, "\n", 1);
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f') {
			if (t->pre) {
				html_flush(t);
				html_put(t, " ", 1);
			} else
				t->space = 1;
			continue;
		}
		html_flush(t);
		if (c == 0xc2 && (unsigned char)s[1] == 0xa0) {
			html_put(t, " ", 1);	/* no-break space */
			s++;
		} else
			html_put(t, s, 1);
	}
}

/* Whether n is an element of that name (any case). */
int
html_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

static int
html_in(const xmlNode *n, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++) {
		if (html_is(n, names[i]))
			return 1;
	}
	return 0;
}

static const char *const html_blocks[] = {
	"address", "article", "aside", "blockquote", "caption", "center",
	"dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hr", "li", "main", "menu", "nav", "ol", "p",
	"pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
	"ul", "td", "th", NULL
};

/* What a browser does not show. */
static const char *const html_hidden[] = {
	"head", "script", "style", "template", "title", "noscript", "iframe",
	"object", "select", "textarea", NULL
};

/* Entering n: its text, or a break; whether to go into its children. */
static int
html_enter(struct html_buf *t, const xmlNode *n, const xmlNode *skip)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			html_chars(t, (const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || n == skip ||
	    html_in(n, html_hidden)) {
		if (n == skip)
			t->brk = 1;
		return 0;
	}
	if (html_is(n, "br")) {
		html_flush(t);
		html_put(t, "\n", 1);
		return 0;
	}
	if (t->tabs && (html_is(n, "td") || html_is(n, "th"))) {
		if (!t->brk && t->len > 0 && html_last(t) != '\n') {
			t->space = 0;
			html_put(t, "\t", 1);
		}
	} else if (html_in(n, html_blocks))
		t->brk = 1;
	if (html_is(n, "pre") && n->children != NULL)
		t->pre++;
	return n->children != NULL;
}

static void
html_leave(struct html_buf *t, const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (html_is(n, "pre") && n->children != NULL && t->pre > 0)
		t->pre--;
	if (html_in(n, html_blocks) && !(t->tabs && (html_is(n, "td") ||
	    html_is(n, "th"))))
		t->brk = 1;
}

/*
 * The text of top's children as a browser shows it (skip left out; with
 * tabs, table cells apart by tabs), NFC, as a string the caller frees.
 */
char *
html_text(const xmlNode *top, const xmlNode *skip, int tabs)
{
	struct html_buf t;
	const xmlNode *n = top->children;
	char *out;
	size_t len;

	memset(&t, 0, sizeof t);
	t.tabs = tabs;
	html_put(&t, "", 0);
	while (n != NULL) {
		if (html_enter(&t, n, skip)) {
			n = n->children;
			continue;
		}
		for (;;) {
			html_leave(&t, n);
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == NULL || n == top) {
				n = NULL;
				break;
			}
		}
	}
	if ((out = text_nfc(t.s, strlen(t.s), &len)) == NULL)
		return t.s;	/* in NFC already */
	free(t.s);
	return out;
}
#endif /* HAVE_XLSXREAD */
