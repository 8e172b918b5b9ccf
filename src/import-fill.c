/*
 * import-fill: the rows read from a published disclosure onto the fields
 * of the draft.
 *
 * import_fill_align pairs the rows of each item with its fields in order,
 * so that a description decides where a row goes when it names a field
 * and order decides when it does not; then each field takes its row's
 * answer, or a note says why it has none.
 */
#include "config.h"

#include <stdlib.h>

#include "draft.h"
#include "form.h"
#include "i18n.h"
#include "import.h"
#include "xalloc.h"

/*
 * Pair the m rows idx[] of item with its fields: rows in order, fields
 * strictly increasing, each row on one field or none, maximizing the rows
 * whose description names their field and the rows placed; among equals,
 * earlier rows are placed and earlier fields used.  Sets rows[].field.
 */
static void
import_fill_align(struct import_ctx *ctx, size_t item, const size_t *idx,
    size_t m)
{
	const long skip_row = -3000, skip_field = -100, match = 2000;
	const long mismatch = -1000;
	const long none = -1000000000L;
	size_t n = ctx->form->items[item].nfields, i, j, k, w = n + 1;
	long *score, s;
	size_t *from;		/* previous j, for backtracking */
	int *took, desc;	/* field taken by row i, or -1 */

	score = xreallocarray(NULL, (m + 1) * w, sizeof *score);
	from = xreallocarray(NULL, (m + 1) * w, sizeof *from);
	took = xreallocarray(NULL, (m + 1) * w, sizeof *took);
	for (i = 0; i < (m + 1) * w; i++)
		score[i] = none;
	score[0] = 0;
	for (i = 0; i < m; i++) {
		desc = ctx->rows[idx[i]].desc;
		for (j = 0; j <= n; j++) {
			if (score[i * w + j] == none)
				continue;
			for (k = j; k < n; k++) {
				s = score[i * w + j] +
				    skip_field * (long)(k - j) +
				    (desc < 0 ? 0 : desc == (int)k ? match :
				    mismatch);
				if (s > score[(i + 1) * w + k + 1]) {
					score[(i + 1) * w + k + 1] = s;
					from[(i + 1) * w + k + 1] = j;
					took[(i + 1) * w + k + 1] = (int)k;
				}
			}
			s = score[i * w + j] + skip_row - (long)(m - i);
			if (s > score[(i + 1) * w + j]) {
				score[(i + 1) * w + j] = s;
				from[(i + 1) * w + j] = j;
				took[(i + 1) * w + j] = -1;
			}
		}
	}
	for (k = 0, j = 0; j <= n; j++) {
		if (score[m * w + j] > score[m * w + k])
			k = j;
	}
	for (i = m, j = k; i > 0; i--) {
		ctx->rows[idx[i - 1]].field = took[i * w + j];
		j = from[i * w + j];
	}
	free(score);
	free(from);
	free(took);
}

/*
 * Give field r of item it its row's answer in d, or note why it has none:
 * no row (the note is about line anchor), a replaced cell, no answer.
 */
static void
import_fill_field(struct import_ctx *ctx, struct draft *d,
    const struct form_item *it, size_t r, const struct import_row *row,
    size_t anchor)
{
	const struct form_field *f = &ctx->form->fields[it->first + r];
	char *why;

	if (row == NULL) {
		import_note(ctx, anchor, _("%s:%zu: %s: item %u has "
		    "no row for it: fill it in"), ctx->path, anchor, f->id,
		    it->no);
		ctx->st->missing++;
		return;
	}
	ctx->st->placed++;
	if (row->answer != NULL && row->replaced) {
		import_note(ctx, row->line, _("%s:%zu: %s: %s (the "
		    "publisher hid the answer): fill it in"), ctx->path,
		    row->line, f->id, row->answer);
		ctx->st->replaced++;
	} else if (row->answer == NULL) {
		import_note(ctx, row->line, _("%s:%zu: %s: the "
		    "document gives no answer: fill it in"), ctx->path,
		    row->line, f->id);
		ctx->st->missing++;
	} else if (draft_set(d, f->index, row->answer, &why) != 0) {
		import_note(ctx, row->line, "%s:%zu: %s: %s",
		    ctx->path, row->line, f->id, why);
		free(why);
		ctx->st->missing++;
	} else
		ctx->st->answered++;
}

/*
 * Fill the fields of item k from its m rows idx[] (in document order), or
 * note that the item is not in the document (about line anchor).
 */
static void
import_fill_item(struct import_ctx *ctx, struct draft *d, size_t k,
    const size_t *idx, size_t m, size_t anchor)
{
	const struct form_item *it = &ctx->form->items[k];
	const struct import_row *row;
	char *snip;
	size_t i, r;

	if (m == 0) {
		for (r = 0; r < it->nfields; r++) {
			import_note(ctx, anchor, _("%s: %s: item %u "
			    "(%s) is not in the document: fill it in"),
			    ctx->path, ctx->form->fields[it->first + r].id,
			    it->no, it->name);
			ctx->st->missing++;
		}
		return;
	}
	import_fill_align(ctx, k, idx, m);
	for (i = 0; i < m; i++) {
		row = &ctx->rows[idx[i]];
		if (row->field >= 0 || row->answer == NULL)
			continue;
		snip = import_snippet(row->answer);
		import_note(ctx, row->line, _("%s:%zu: '%s': item %u "
		    "has no field left for this row: not imported"), ctx->path,
		    row->line, snip, it->no);
		free(snip);
		ctx->st->unplaced++;
	}
	for (r = 0; r < it->nfields; r++) {
		for (row = NULL, i = 0; i < m && row == NULL; i++) {
			if (ctx->rows[idx[i]].field == (int)r)
				row = &ctx->rows[idx[i]];
		}
		import_fill_field(ctx, d, it, r, row, ctx->rows[idx[0]].line);
	}
}

/* Fill d from the rows, item by item, noting what is not answered. */
void
import_fill(struct import_ctx *ctx, struct draft *d)
{
	size_t *idx, m, k, i, anchor;

	idx = xreallocarray(NULL, ctx->nrows + 1, sizeof *idx);
	for (k = 0; k < ctx->form->nitems; k++) {
		/* an item not in the document is noted after the one before */
		for (m = 0, i = 0, anchor = 0; i < ctx->nrows; i++) {
			if (ctx->rows[i].item == k)
				idx[m++] = i;
			else if (ctx->rows[i].item < k &&
			    ctx->rows[i].line > anchor)
				anchor = ctx->rows[i].line;
		}
		import_fill_item(ctx, d, k, idx, m, anchor);
	}
	free(idx);
}
