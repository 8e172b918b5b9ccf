/*
 * limit: the sizes kaiji holds to, defined once.  Every reader refuses
 * more than its limit with a message naming the file; every writer of a
 * draft (the editor, new, set, import, migrate, the emergency save)
 * refuses a change that would make the draft larger than DRAFT_MAX_SIZE
 * and leaves the draft as it was, so that what kaiji writes it reads
 * back.  The draft reader accepts up to DRAFT_READ_MAX, more than any
 * writer writes: a larger draft (made by hand, or by an older kaiji) is
 * read, opened read-only in the editor and can be shrunk with "kaiji set".
 * A reader keeps what it reads in memory bounded by a small multiple of
 * its input, and at most IMPORT_MAX_NOTES notes about it (then it says
 * how many more there were).
 */
#ifndef KAIJI_LIMIT_H
#define KAIJI_LIMIT_H

#define DRAFT_MAX_SIZE	(4U * 1024 * 1024)	/* bytes a draft save writes */
#define DRAFT_READ_MAX	(4 * DRAFT_MAX_SIZE)	/* bytes the reader accepts */
#define PASTE_MAX_SIZE	DRAFT_MAX_SIZE		/* bytes of a paste kept */
#define PROMPT_MAX_CHARS 1024			/* code points of a prompt */
#define FORM_MAX_SIZE	(4U * 1024 * 1024)	/* bytes of a form file */
#define FORMCACHE_MAX	(16U * 1024 * 1024)	/* bytes of a form cache */
#define IMPORT_MAX_SIZE	(16U * 1024 * 1024)	/* bytes an import reads */
#define IMPORT_MAX_NOTES 1000			/* notes an import keeps */

#endif
