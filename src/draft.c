/*
 * draft: reading and writing draft files.
 *
 * A draft file is YAML:
 *
 *	kaiji-draft: 1
 *	form: asp-saas
 *	edition: "2021"
 *	answers:
 *	  "1.1": 2021/6/25
 *	  "30.1": |-
 *	    first line
 *	    second line
 *
 * Answers are written in form order, only for answered fields, multi-line
 * ones in literal block style.  The writer's output depends only on the
 * answers, so loading and saving a draft kaiji wrote gives the same bytes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"
#include "fileio.h"
#include "form.h"
#include "formdir.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"
#include "yemit.h"
#include "ynode.h"

/* An empty draft of form. */
struct draft *
draft_new(const struct form *form)
{
	struct draft *d = xcalloc(1, sizeof *d);

	d->form = form;
	d->answers = xcalloc(form->nfields, sizeof *d->answers);
	return d;
}

void
draft_free(struct draft *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->form->nfields; i++)
		free(d->answers[i]);
	free(d->answers);
	free(d);
}

const char *
draft_get(const struct draft *d, size_t field)
{
	return d->answers[field];
}

/*
 * Set the answer of field (an index) to a copy of value; "" or NULL clears
 * it.  Fails, changing nothing, when value is not valid UTF-8.
 */
int
draft_set(struct draft *d, size_t field, const char *value, char **cause)
{
	size_t len, bad;

	if (value != NULL && *value != '\0') {
		len = strlen(value);
		if ((bad = text_invalid(value, len)) != len) {
			*cause = xasprintf(_("invalid UTF-8 at byte %zu"),
			    bad + 1);
			return -1;
		}
	}
	free(d->answers[field]);
	d->answers[field] = value == NULL || *value == '\0' ? NULL :
	    xstrdup(value);
	return 0;
}

static const struct ynode *
draft_key(const struct ynode *map, const char *key, const struct ynode **k)
{
	size_t i;

	for (i = 0; i + 1 < map->n; i += 2) {
		if (strcmp(map->kids[i]->str, key) == 0) {
			if (k != NULL)
				*k = map->kids[i];
			return map->kids[i + 1];
		}
	}
	return NULL;
}

/*
 * Parse a draft file's contents (buf, len bytes, read from path), finding
 * its form in fd.  Returns a draft the caller frees, or NULL with a cause
 * "path:line:col: problem".
 */
struct draft *
draft_parse(const char *path, const char *buf, size_t len, struct formdir *fd,
    char **cause)
{
	struct ynode *root;
	const struct ynode *node, *form_node, *ed_node, *answers, *key, *val;
	const struct form *form;
	const struct form_field *f;
	struct draft *d = NULL;
	char *why;
	size_t i;

	if ((root = ynode_parse(path, buf, len, cause)) == NULL)
		return NULL;
	if (root->kind != YNODE_MAP) {
		*cause = ynode_error(path, root, _("not a kaiji draft (expected "
		    "a mapping)"));
		goto out;
	}
	for (i = 0; i + 1 < root->n; i += 2) {
		key = root->kids[i];
		if (strcmp(key->str, "kaiji-draft") != 0 &&
		    strcmp(key->str, "form") != 0 &&
		    strcmp(key->str, "edition") != 0 &&
		    strcmp(key->str, "answers") != 0) {
			*cause = ynode_error(path, key, _("unknown key '%s'"),
			    key->str);
			goto out;
		}
		if (root->kids[i + 1]->kind != YNODE_SCALAR &&
		    strcmp(key->str, "answers") != 0) {
			*cause = ynode_error(path, root->kids[i + 1],
			    _("expected a text value"));
			goto out;
		}
	}
	node = draft_key(root, "kaiji-draft", NULL);
	if (node == NULL) {
		*cause = xasprintf(_("%s: not a kaiji draft (no 'kaiji-draft' "
		    "key)"), path);
		goto out;
	}
	if (strcmp(node->str, "1") != 0) {
		*cause = ynode_error(path, node, _("unsupported draft version "
		    "'%s'"), node->str);
		goto out;
	}
	form_node = draft_key(root, "form", NULL);
	ed_node = draft_key(root, "edition", NULL);
	if (form_node == NULL || ed_node == NULL) {
		*cause = xasprintf(_("%s: the draft does not say which form "
		    "and edition it answers"), path);
		goto out;
	}
	if ((form = formdir_get(fd, form_node->str, ed_node->str, &why)) ==
	    NULL) {
		*cause = ynode_error(path, form_node, "%s", why);
		free(why);
		goto out;
	}
	d = draft_new(form);
	answers = draft_key(root, "answers", NULL);
	if (answers == NULL || ynode_is_null(answers))
		goto out;
	if (answers->kind != YNODE_MAP) {
		*cause = ynode_error(path, answers, _("'answers' must be a "
		    "mapping of field ids to answers"));
		goto fail;
	}
	for (i = 0; i + 1 < answers->n; i += 2) {
		key = answers->kids[i];
		val = answers->kids[i + 1];
		f = form_field(form, key->str);
		if (f == NULL || strcmp(f->id, key->str) != 0) {
			*cause = ynode_error(path, key, _("unknown field id "
			    "'%s' in form %s %s"), key->str, form->name,
			    form->edition);
			goto fail;
		}
		if (val->kind != YNODE_SCALAR) {
			*cause = ynode_error(path, val, _("the answer to %s "
			    "must be text"), f->id);
			goto fail;
		}
		/* the whole file was checked for UTF-8 already: take it */
		if (!ynode_is_null(val) && val->len > 0) {
			d->answers[f->index] = val->str;
			((struct ynode *)val)->str = NULL;
		}
	}
	goto out;

fail:
	draft_free(d);
	d = NULL;
out:
	ynode_free(root);
	return d;
}

/* Load the draft file at path; see draft_parse. */
struct draft *
draft_load(const char *path, struct formdir *fd, char **cause)
{
	struct draft *d;
	char *buf;
	size_t len;

	if (fileio_read(path, DRAFT_MAX_SIZE, &buf, &len, cause) != 0)
		return NULL;
	d = draft_parse(path, buf, len, fd, cause);
	free(buf);
	return d;
}

/*
 * Whether a plain scalar would be read by YAML 1.1 tools as something other
 * than a string (null, bool, number, date): such answers are quoted.
 */
static int
draft_needs_quotes(const char *s)
{
	static const char *const words[] = {
		"~", "null", "true", "false", "yes", "no", "on", "off", "y",
		"n", ".inf", "-.inf", "+.inf", ".nan", NULL
	};
	size_t i;

	for (i = 0; words[i] != NULL; i++) {
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	}
	if (strchr("0123456789+-.", *s) == NULL)
		return 0;
	return strspn(s, "0123456789+-.:_eExXoObBaAcCdDfF") == strlen(s);
}

/*
 * The draft as YAML text (NUL-terminated, *len bytes), in form order.  The
 * caller frees the result.
 */
char *
draft_format(const struct draft *d, size_t *len)
{
	const struct form *form = d->form;
	struct yemit y;
	yaml_scalar_style_t style;
	const char *a;
	char *buf;
	size_t i;
	FILE *fp;

	fp = xmemstream(&buf, len);
	yemit_start(&y, fp);
	yemit_open(&y, 1);
	yemit_scalar(&y, "kaiji-draft", YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, "1", YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, "form", YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, form->name, YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, "edition", YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, form->edition, draft_needs_quotes(form->edition) ?
	    YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE);
	yemit_scalar(&y, "answers", YAML_PLAIN_SCALAR_STYLE);
	yemit_open(&y, 1);
	for (i = 0; i < form->nfields; i++) {
		if ((a = d->answers[i]) == NULL)
			continue;
		yemit_scalar(&y, form->fields[i].id,
		    YAML_DOUBLE_QUOTED_SCALAR_STYLE);
		if (strchr(a, '\n') != NULL)
			style = YAML_LITERAL_SCALAR_STYLE;
		else if (draft_needs_quotes(a))
			style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
		else
			style = YAML_PLAIN_SCALAR_STYLE;
		yemit_scalar(&y, a, style);
	}
	yemit_close(&y, 1);
	yemit_close(&y, 1);
	yemit_finish(&y);
	xmemclose(fp);
	return buf;
}

/*
 * Save the draft to path atomically (fileio_replace flags: FILEIO_BACKUP,
 * FILEIO_EXCL).  Returns 0, or -1 with a cause; on failure the file at path
 * is unchanged.
 */
int
draft_save(const struct draft *d, const char *path, int flags, char **cause)
{
	char *buf;
	size_t len;
	int rc;

	buf = draft_format(d, &len);
	rc = fileio_replace(path, buf, len, flags, cause);
	free(buf);
	return rc;
}
