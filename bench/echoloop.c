/*
 * echoloop: the least a curses program can do per key, the limit the
 * editor's typing is measured against.  It reads each key with get_wch()
 * and echoes it with addnwstr() and refresh(); Ctrl-Q ends it.
 *
 *	echoloop
 *
 * It draws nothing else: no frame, no status, no counter.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>

#include <curses.h>

int
main(void)
{
	wint_t ch;
	wchar_t s;
	int rc;

	setlocale(LC_ALL, "");
	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	refresh();
	for (;;) {
		rc = get_wch(&ch);
		if (rc == ERR)
			break;
		if (rc == OK && ch == 0x11)	/* Ctrl-Q */
			break;
		if (rc != OK)
			continue;
		s = (wchar_t)ch;
		addnwstr(&s, 1);
		refresh();
	}
	endwin();
	return 0;
}
