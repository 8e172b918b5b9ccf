/*
 * chardiff: a character diff of two answers (see chardiff.h).
 *
 * The texts are cut into tokens (code points; with CHARDIFF_SPACE,
 * whitespace is skipped).  The common beginning and end are taken off
 * first, so that a small change in a long answer costs little; the middle
 * is compared by a longest common subsequence over a table of at most
 * CHARDIFF_MAX_CELLS cells, and a middle too large for that is one
 * change.  The runs are then built from the token steps, each change
 * block as one DEL run and one ADD run.  Last, an unchanged stretch no
 * longer than the changes on both sides of it is taken into them (as in
 * the semantic clean-up of diff-match-patch), so that a rewritten phrase
 * shows as one change, not as scattered characters it shares by chance.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chardiff.h"
#include "text.h"
#include "xalloc.h"

#define CHARDIFF_MAX_CELLS	(1U << 22)	/* 8 MiB of uint16_t */

struct chardiff_toks {
	size_t		*end;		/* byte after token i */
	uint32_t	*cp;
	size_t		 n;
};

struct chardiff_out {
	struct chardiff_run	*v;
	size_t			 n;
	size_t			 apos, bpos;	/* bytes of a and b in runs */
};

static int
chardiff_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0x3000;
}

/* The tokens of s (invalid bytes are tokens of their own). */
static void
chardiff_tokens(const char *s, int flags, struct chardiff_toks *t)
{
	size_t len = strlen(s), i = 0, k;
	uint32_t cp;

	t->end = xreallocarray(NULL, len + 1, sizeof *t->end);
	t->cp = xreallocarray(NULL, len + 1, sizeof *t->cp);
	t->n = 0;
	while (i < len) {
		if ((k = text_decode(s + i, len - i, &cp)) == 0) {
			k = 1;
			cp = 0x110000 + (unsigned char)s[i];
		}
		i += k;
		if ((flags & CHARDIFF_SPACE) && chardiff_is_space(cp))
			continue;
		t->end[t->n] = i;
		t->cp[t->n++] = cp;
	}
}

/* Add a run of kind reaching to byte aend of a and bend of b. */
static void
chardiff_add(struct chardiff_out *o, enum chardiff_kind kind, size_t aend,
    size_t bend)
{
	struct chardiff_run *r;

	if (kind == CHARDIFF_SAME && o->n > 0 &&
	    o->v[o->n - 1].kind == CHARDIFF_SAME) {
		r = &o->v[o->n - 1];
	} else {
		o->v = xreallocarray(o->v, o->n + 1, sizeof *o->v);
		r = &o->v[o->n++];
		r->kind = kind;
		r->a = o->apos;
		r->b = o->bpos;
		r->alen = r->blen = 0;
	}
	if (kind != CHARDIFF_ADD) {
		r->alen += aend - o->apos;
		o->apos = aend;
	}
	if (kind != CHARDIFF_DEL) {
		r->blen += bend - o->bpos;
		o->bpos = bend;
	}
}

/* One change block: a's tokens up to del, b's up to add (-1: none). */
static void
chardiff_change(struct chardiff_out *o, const struct chardiff_toks *ta,
    const struct chardiff_toks *tb, long del, long add)
{
	if (del >= 0)
		chardiff_add(o, CHARDIFF_DEL, ta->end[del], 0);
	if (add >= 0)
		chardiff_add(o, CHARDIFF_ADD, 0, tb->end[add]);
}

/*
 * The middle a[p..p+n), b[p..p+m): by the table of the longest common
 * subsequences of their suffixes, or as one change when too large.
 */
static void
chardiff_middle(struct chardiff_out *o, const struct chardiff_toks *ta,
    const struct chardiff_toks *tb, size_t p, size_t n, size_t m)
{
	uint16_t *L;
	size_t i, j, w = m + 1;
	long del = -1, add = -1;

	if (n == 0 || m == 0 || n > CHARDIFF_MAX_CELLS / m ||
	    (n + 1) * (m + 1) > CHARDIFF_MAX_CELLS) {
		chardiff_change(o, ta, tb, n > 0 ? (long)(p + n - 1) : -1,
		    m > 0 ? (long)(p + m - 1) : -1);
		return;
	}
	L = xcalloc((n + 1) * w, sizeof *L);
	for (i = n; i-- > 0;) {
		for (j = m; j-- > 0;) {
			if (ta->cp[p + i] == tb->cp[p + j])
				L[i * w + j] = L[(i + 1) * w + j + 1] + 1;
			else
				L[i * w + j] = L[(i + 1) * w + j] >
				    L[i * w + j + 1] ? L[(i + 1) * w + j] :
				    L[i * w + j + 1];
		}
	}
	i = j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && ta->cp[p + i] == tb->cp[p + j]) {
			chardiff_change(o, ta, tb, del, add);
			del = add = -1;
			chardiff_add(o, CHARDIFF_SAME, ta->end[p + i],
			    tb->end[p + j]);
			i++;
			j++;
		} else if (j == m || (i < n && L[(i + 1) * w + j] >=
		    L[i * w + j + 1])) {
			del = (long)(p + i++);
		} else {
			add = (long)(p + j++);
		}
	}
	chardiff_change(o, ta, tb, del, add);
	free(L);
}

/* Code points in a run: the longer of its two stretches. */
static size_t
chardiff_size(const char *a, const char *b, const struct chardiff_run *r)
{
	size_t na = text_count(a + r->a, r->alen);
	size_t nb = text_count(b + r->b, r->blen);

	return na > nb ? na : nb;
}

/*
 * The clean-up (see the top): on runs as SAME and changes (DEL and ADD
 * together, kind DEL), merge change, SAME, change into one change while a
 * SAME is no longer than either change; then split the changes again.
 */
static void
chardiff_cleanup(const char *a, const char *b, struct chardiff_out *o)
{
	struct chardiff_run *v = o->v, *r;
	size_t n = 0, i, k;
	int merged;

	for (i = 0; i < o->n; i++) {
		if (n > 0 && v[i].kind == CHARDIFF_ADD &&
		    v[n - 1].kind == CHARDIFF_DEL) {
			v[n - 1].b = v[i].b;
			v[n - 1].blen = v[i].blen;
			continue;
		}
		v[n] = v[i];
		if (v[n].kind == CHARDIFF_ADD)
			v[n].kind = CHARDIFF_DEL;
		n++;
	}
	do {
		merged = 0;
		for (i = 1; i + 1 < n; i++) {
			if (v[i].kind != CHARDIFF_SAME ||
			    v[i - 1].kind != CHARDIFF_DEL ||
			    v[i + 1].kind != CHARDIFF_DEL)
				continue;
			k = chardiff_size(a, b, &v[i]);
			if (k > chardiff_size(a, b, &v[i - 1]) ||
			    k > chardiff_size(a, b, &v[i + 1]))
				continue;
			v[i - 1].alen = v[i + 1].a + v[i + 1].alen - v[i - 1].a;
			v[i - 1].blen = v[i + 1].b + v[i + 1].blen - v[i - 1].b;
			memmove(&v[i], &v[i + 2], (n - i - 2) * sizeof *v);
			n -= 2;
			merged = 1;
			break;
		}
	} while (merged);
	o->v = xreallocarray(NULL, 2 * n + 1, sizeof *o->v);
	o->n = 0;
	for (i = 0; i < n; i++) {
		if (v[i].kind == CHARDIFF_SAME) {
			o->v[o->n++] = v[i];
			continue;
		}
		if (v[i].alen > 0) {
			r = &o->v[o->n++];
			*r = v[i];
			r->blen = 0;
		}
		if (v[i].blen > 0) {
			r = &o->v[o->n++];
			*r = v[i];
			r->kind = CHARDIFF_ADD;
			r->a += r->alen;
			r->alen = 0;
		}
	}
	free(v);
}

/*
 * Compare a with b (flags: CHARDIFF_SPACE).  Stores the runs in *runs
 * (the caller frees them; NULL when both texts are empty) and returns how
 * many.
 */
size_t
chardiff_run(const char *a, const char *b, int flags,
    struct chardiff_run **runs)
{
	struct chardiff_toks ta, tb;
	struct chardiff_out o = { NULL, 0, 0, 0 };
	size_t p = 0, s = 0, alen = strlen(a), blen = strlen(b);

	chardiff_tokens(a, flags, &ta);
	chardiff_tokens(b, flags, &tb);
	while (p < ta.n && p < tb.n && ta.cp[p] == tb.cp[p])
		p++;
	while (s < ta.n - p && s < tb.n - p &&
	    ta.cp[ta.n - 1 - s] == tb.cp[tb.n - 1 - s])
		s++;
	if (p > 0)
		chardiff_add(&o, CHARDIFF_SAME, ta.end[p - 1], tb.end[p - 1]);
	chardiff_middle(&o, &ta, &tb, p, ta.n - p - s, tb.n - p - s);
	if (s > 0)
		chardiff_add(&o, CHARDIFF_SAME, ta.end[ta.n - 1],
		    tb.end[tb.n - 1]);
	/* what is left is whitespace not compared */
	if (o.apos < alen || o.bpos < blen)
		chardiff_add(&o, CHARDIFF_SAME, alen, blen);
	chardiff_cleanup(a, b, &o);
	free(ta.end);
	free(ta.cp);
	free(tb.end);
	free(tb.cp);
	*runs = o.v;
	return o.n;
}
