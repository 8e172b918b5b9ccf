/*
 * formcache: compiled copies of loaded forms, so that opening a draft does
 * not parse the form's YAML every time.
 *
 * One file per form path, "$XDG_CACHE_HOME/kaiji/form-<hash of the path>"
 * (~/.cache/kaiji without XDG_CACHE_HOME).  It records the kaiji version,
 * every file of the form's base chain as stat() saw it before it was read
 * (path, device, inode, size, modification time in ns), and the form.  A
 * cached form is used only when the version and every file's record match
 * the file system now.  The cache file is an input like any other: one that
 * is not a regular file of ours, truncated, or inconsistent in any way is
 * ignored (the caller parses the YAML instead, and writes a new one).
 * Only forms that loaded without error are written, atomically and 0600.
 * Nothing is reported: the cache can only make loading faster.
 */
#ifndef KAIJI_FORMCACHE_H
#define KAIJI_FORMCACHE_H

#include <stddef.h>
#include <stdint.h>

struct form;
struct form_file;

struct form	*formcache_get(const char *);
void		 formcache_put(const struct form *,
		     const struct form_file *, size_t);
char		*formcache_file(const char *);
uint64_t	 formcache_sum(const char *, size_t);

#endif
