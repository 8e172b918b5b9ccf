/*
 * i18n: gettext macros.  Source strings are English; po/ja.po translates.
 * Without NLS (./configure --disable-nls) the macros give the English
 * strings and nothing calls gettext.
 */
#ifndef KAIJI_I18N_H
#define KAIJI_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>

#define _(s)			gettext(s)
#else
#define _(s)			(s)
#define ngettext(s, p, n)	((n) == 1 ? (s) : (p))
#endif
#define N_(s)			(s)

#endif
