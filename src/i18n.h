/*
 * i18n: gettext macros.  Source strings are English; po/ja.po translates.
 */
#ifndef KAIJI_I18N_H
#define KAIJI_I18N_H

#include <libintl.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

#endif
