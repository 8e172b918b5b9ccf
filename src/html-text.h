/*
 * html-text: the text of an HTML tree as a browser shows it (html-text.c).
 * Only where libxml2 is (HAVE_XLSXREAD), in the module formats.so.
 */
#ifndef KAIJI_HTML_TEXT_H
#define KAIJI_HTML_TEXT_H

#include <libxml/tree.h>

int	 html_is(const xmlNode *, const char *);
char	*html_text(const xmlNode *, const xmlNode *, int);

#endif
