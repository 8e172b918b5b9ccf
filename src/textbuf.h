/*
 * textbuf: the editing model of one answer, without any terminal code.
 *
 * The text is a sequence of Unicode code points; positions (the cursor,
 * layout rows) are code point indexes from 0 to textbuf_len.  A line feed
 * is the only line break kept: CR LF and a lone CR become LF on the way in,
 * and each invalid UTF-8 byte becomes U+FFFD, inserted text is put in NFC
 * with what precedes it (text_nfc_cps), so textbuf_count always equals
 * text_count of textbuf_text.  Each code point has the display width the
 * view gives it (textbuf_charwidth: controls count as their ^X or <U+0085>
 * placeholders, a tab too).  Edits can be undone and redone (the last 200
 * steps, in memory bounded by twice the largest the text has been, at
 * least 1 MiB: textbuf_undo_bytes; typing coalesces); killed text can be
 * yanked back.  textbuf_dirty is the lowest position changed since the
 * last textbuf_clean, from which the view redraws, and textbuf_dirty_end
 * where the change ends (what follows was there at the clean, moved), so
 * that a layout can be brought up to date from the rows it had;
 * textbuf_version names the text as it is (no two states of any buffers
 * share one) and textbuf_clean_version the text at the last clean.
 *
 * textbuf_new's result is freed with textbuf_free; textbuf_text returns a
 * string the caller frees.  Functions returning int return 0 when there was
 * nothing to do (no move, nothing to delete, kill, yank, undo or redo).
 */
#ifndef KAIJI_TEXTBUF_H
#define KAIJI_TEXTBUF_H

#include <stddef.h>
#include <stdint.h>

struct textbuf;

struct textbuf	*textbuf_new(const char *);
void		 textbuf_free(struct textbuf *);
char		*textbuf_text(const struct textbuf *);
size_t		 textbuf_count(const struct textbuf *);
size_t		 textbuf_halves(const struct textbuf *);
size_t		 textbuf_bytes(const struct textbuf *);
char		*textbuf_killed(const struct textbuf *);
size_t		 textbuf_dirty(const struct textbuf *);
size_t		 textbuf_dirty_end(const struct textbuf *);
void		 textbuf_clean(struct textbuf *);
unsigned long	 textbuf_version(const struct textbuf *);
unsigned long	 textbuf_clean_version(const struct textbuf *);
size_t		 textbuf_len(const struct textbuf *);
uint32_t	 textbuf_char(const struct textbuf *, size_t);
int		 textbuf_charwidth(const struct textbuf *, size_t);
int		 textbuf_changed(const struct textbuf *);

size_t		 textbuf_cursor(const struct textbuf *);
void		 textbuf_set_cursor(struct textbuf *, size_t);
int		 textbuf_left(struct textbuf *);
int		 textbuf_right(struct textbuf *);
int		 textbuf_word_left(struct textbuf *);
int		 textbuf_word_right(struct textbuf *);
int		 textbuf_home(struct textbuf *);
int		 textbuf_end(struct textbuf *);

void		 textbuf_insert(struct textbuf *, const char *);
int		 textbuf_delete_back(struct textbuf *);
int		 textbuf_delete_fwd(struct textbuf *);
int		 textbuf_kill_eol(struct textbuf *);
int		 textbuf_kill_bol(struct textbuf *);
int		 textbuf_kill_word(struct textbuf *);
int		 textbuf_yank(struct textbuf *);
int		 textbuf_undo(struct textbuf *);
int		 textbuf_redo(struct textbuf *);
size_t		 textbuf_undo_bytes(const struct textbuf *);

#endif
