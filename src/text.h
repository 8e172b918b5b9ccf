/*
 * text: UTF-8 text as the form counts and shows it.
 *
 * Every string in kaiji is UTF-8 without NUL bytes.  text_count is the one
 * place where the character count (字) of an answer is defined; text_guard
 * is the check every reader of files makes first; text_nfc the
 * normalization every way into a draft applies (draft_set).  text_decode,
 * text_encode and text_invalid use no memory and no state, so a signal
 * handler may call them (the emergency save).
 */
#ifndef KAIJI_TEXT_H
#define KAIJI_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum text_flaw {
	TEXT_OK,
	TEXT_WIDE_BOM,		/* a UTF-16 or UTF-32 byte order mark */
	TEXT_NUL,		/* a NUL byte */
	TEXT_INVALID		/* a byte that is not valid UTF-8 */
};

/* What text_paste changed. */
#define TEXT_PASTE_END		0x1	/* line breaks (spaces) at the end */
#define TEXT_PASTE_TABS		0x2	/* tabs became spaces */
#define TEXT_PASTE_BREAKS	0x4	/* line breaks became spaces */

size_t	 text_decode(const char *, size_t, uint32_t *);
size_t	 text_encode(uint32_t, char *);
size_t	 text_invalid(const char *, size_t);
size_t	 text_count(const char *, size_t);
size_t	 text_cp_halves(uint32_t);
size_t	 text_halves(const char *, size_t);
size_t	 text_digit(const char *, int *);
size_t	 text_space(const char *);
int	 text_cpwidth(uint32_t);
int	 text_safe_width(uint32_t);
void	 text_set_ambiguous(int);
int	 text_ambiguous_width(void);
uint32_t	 text_lookalike(uint32_t);
uint32_t	 text_cp932_canon(uint32_t);
uint32_t	 text_cp932_fold(uint32_t);
int	 text_cp932_holds(uint32_t);
size_t	 text_cp932_lacks(const char *, size_t, uint32_t *);
int	 text_nfc_inert(uint32_t);
char	*text_nfc(const char *, size_t, size_t *);
int	 text_nfd_marks(const char *, size_t);
uint32_t	*text_nfc_cps(const uint32_t *, size_t, size_t *);
char	*text_nfkc(const char *);
int	 text_in_ranges(const uint32_t (*)[2], size_t, uint32_t);
size_t	 text_width(const char *);
int	 text_has_era(const char *);
char	*text_safe(const char *, int);
char	*text_safe_name(const char *);
char	*text_paste(const char *, int, unsigned *);
char	*text_fold(const char *);
char	*text_tail(const char *, size_t);
enum text_flaw	 text_guard(const char *, size_t, size_t *);
size_t	 text_line(const char *, size_t, size_t, size_t *);
uint32_t	*text_cps(const char *, size_t, size_t *);

#endif
