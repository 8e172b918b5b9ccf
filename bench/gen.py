"""Generators for the benchmark's inputs (Python 3 standard library only).

- complete synthetic drafts of about 20 KB for W4, W11 and W12, made from
  the fictional answers of tests/data/complete-2021.yaml with longer
  fictional paragraphs in the free-text fields that have no limit (for W11
  with the yes/no answers written as prose);
- synthetic forms of N fields (kaiji-forms(5)) and a complete draft for
  each, for W7;
- the arguments of a dialog --form with the 93 item labels of a form and
  the answers of a draft, for W1 and W5.

Every text written here is made up for the benchmark.  Form and draft files
are read with a small line parser that knows the block layout kaiji's own
files use; it is not a YAML parser.

Run as a script to write the inputs by hand:

    python3 bench/gen.py drafts OUTDIR N [TEMPLATE] [FORM]
    python3 bench/gen.py form FORMSDIR DRAFTDIR NFIELDS
"""

import os
import random
import re
import sys
import unicodedata


def _unquote(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] == '"':
        return v[1:-1].replace('\\"', '"').replace('\\\\', '\\')
    if len(v) >= 2 and v[0] == v[-1] == "'":
        return v[1:-1].replace("''", "'")
    return v


def parse_form(path):
    """The items and fields of a form file in kaiji's block layout.

    Returns a dict: form, edition, title, items (each: no, name, category,
    limit, fields (each: id, text, mark, type, limit)).
    """
    form = {'items': [], 'form': None, 'edition': None, 'title': ''}
    item = None
    field = None
    with open(path, encoding='utf-8') as fp:
        for line in fp:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            indent = len(line) - len(line.lstrip(' '))
            body = line.strip()
            if indent == 0 and ':' in body:
                k, v = body.split(':', 1)
                if k in ('form', 'edition', 'title'):
                    form[k] = _unquote(v)
                continue
            m = re.match(r'- number:\s*(\d+)$', body)
            if m and indent == 6:
                item = {'no': int(m.group(1)), 'name': '', 'category': None,
                        'limit': 0, 'fields': []}
                form['items'].append(item)
                field = None
                continue
            if item is None:
                continue
            if indent == 8 and ':' in body:
                k, v = body.split(':', 1)
                if k == 'name':
                    item['name'] = _unquote(v)
                elif k == 'category':
                    item['category'] = _unquote(v)
                elif k == 'limit':
                    item['limit'] = int(v)
                continue
            m = re.match(r'- text:\s*(.*)$', body)
            if m and indent == 10:
                row = len(item['fields']) + 1
                field = {'id': '%d.%d' % (item['no'], row),
                         'text': _unquote(m.group(1)), 'mark': None,
                         'type': 'text', 'limit': 0, 'multiline': None}
                item['fields'].append(field)
                continue
            if field is not None and indent == 12 and ':' in body:
                k, v = body.split(':', 1)
                if k == 'mark':
                    field['mark'] = _unquote(v)
                elif k == 'type':
                    field['type'] = _unquote(v)
                elif k == 'limit':
                    field['limit'] = int(v)
                elif k == 'multiline':
                    field['multiline'] = v.strip() == 'true'
    return form


def parse_draft(path):
    """(form, edition, [(field id, answer)]) of a draft in kaiji's layout."""
    answers = []
    form = edition = None
    with open(path, encoding='utf-8') as fp:
        lines = fp.read().split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith('form:'):
            form = _unquote(line[5:])
        elif line.startswith('edition:'):
            edition = _unquote(line[8:])
        m = re.match(r'  "([0-9.]+)": (.*)$', line)
        if not m:
            continue
        fid, v = m.group(1), m.group(2)
        if v in ('|', '|-', '|+'):
            block = []
            while i < len(lines) and (lines[i].startswith('    ') or
                                      lines[i] == ''):
                block.append(lines[i][4:])
                i += 1
            while block and block[-1] == '':
                block.pop()
            answers.append((fid, '\n'.join(block)))
        else:
            answers.append((fid, _unquote(v)))
    return form, edition, answers


_PLAIN_BAD_START = set('-?:,[]{}#&*!|>\'"%@`')


def _scalar(v):
    if '\n' in v:
        return '|-\n' + '\n'.join('    ' + ln for ln in v.split('\n'))
    if (v == '' or v[0] in _PLAIN_BAD_START or v[0] == ' ' or v[-1] == ' '
            or ': ' in v or ' #' in v or v.endswith(':')
            or re.fullmatch(r'[-+]?[0-9._]+', v) or v.lower() in (
                'true', 'false', 'yes', 'no', 'null', 'on', 'off', '~')):
        return "'" + v.replace("'", "''") + "'"
    return v


def write_draft(path, form, edition, answers):
    out = ['kaiji-draft: 1', 'form: %s' % form, 'edition: "%s"' % edition,
           'answers:']
    for fid, v in answers:
        out.append('  "%s": %s' % (fid, _scalar(v)))
    data = ('\n'.join(out) + '\n').encode('utf-8')
    with open(path, 'wb') as fp:
        fp.write(data)
    os.chmod(path, 0o600)
    return len(data)


# --- W4: complete drafts of about 20 KB --------------------------------------

_WHO = ['当社', '運用チーム', '情報システム部', '品質管理室', 'サポート窓口',
        '開発部門', '総務部', '監査担当']
_WHAT = ['本項目に関する事項', '関連する設定', '対象となる機器', '利用者向けの説明資料',
         '社内の規程', '運用の手順', '委託先との取り決め', '記録の保管方法']
_HOW = ['月次で点検し、結果を台帳に記録している。',
        '手順書に沿って管理し、変更は責任者が承認する。',
        '年に一度見直し、変更点を利用者に案内する。',
        '外部の専門家の助言を受けて継続的に改善している。',
        '障害時に備えて代替の手段を用意している。',
        '三年間保管し、内部監査で確認している。',
        '担当者を二名以上置き、不在時にも対応できるようにしている。',
        '契約時に書面で説明し、同意を得ている。']
_NAMES = ['そらまめ', 'えだまめ', 'くるみ', 'あおば', 'こはる', 'みなと', 'ひなた',
          'つばめ', 'かえで', 'すずらん']


def _sentence(rng):
    return '%sは%sを%s' % (rng.choice(_WHO), rng.choice(_WHAT),
                          rng.choice(_HOW))


def _free_text_fields(form):
    """Ids of multi-line text fields with no limit of their own or of their
    item."""
    ids = set()
    for item in form['items']:
        for f in item['fields']:
            if (f['type'] == 'text' and f['multiline'] is not False
                    and not f['limit'] and not item['limit']):
                ids.add(f['id'])
    return ids


def _prose(v):
    """A yes/no answer ("あり; detail") written as prose instead, as
    applicants do: the detail alone, or a sentence."""
    for word in ('あり', 'なし'):
        if v.startswith(word):
            v = v[len(word):].lstrip(';； ')
            return v or ('実施している。' if word == 'あり' else
                         '該当するものはない。')
    return v


def make_drafts(outdir, n, template, formfile, size=20 * 1024, prose=False):
    """n complete drafts d0000.yaml ... in outdir, each about size bytes.
    prose: the yes/no answers written as prose (each a format warning)."""
    form = parse_form(formfile)
    free = _free_text_fields(form)
    yesno = set(f['id'] for item in form['items'] for f in item['fields']
                if f['type'] == 'yesno')
    fname, edition, base = parse_draft(template)
    os.makedirs(outdir, exist_ok=True)
    paths = []
    total = 0
    for k in range(n):
        rng = random.Random(1000 + k)
        name = rng.choice(_NAMES)
        answers = []
        for fid, v in base:
            if fid == '2.1':
                v = '架空%s%d株式会社' % (name, k)
            elif fid == '27.1':
                v = '%s帳票クラウド%d' % (name, k)
            elif prose and fid in yesno:
                v = _prose(v)
            answers.append([fid, v])
        grow = [a for a in answers if a[0] in free]
        path = os.path.join(outdir, 'd%04d.yaml' % k)
        want = size + rng.randint(-512, 512)
        cur = write_draft(path, fname, edition,
                          [tuple(a) for a in answers])
        i = 0
        while grow and cur < want:
            a = grow[i % len(grow)]
            s = _sentence(rng)
            a[1] = a[1] + '\n' + s
            cur += len(s.encode('utf-8')) + 5
            i += 1
        total += write_draft(path, fname, edition,
                             [tuple(a) for a in answers])
        paths.append(path)
    return paths, total


# --- W7: synthetic forms ---------------------------------------------------

ITEM_FIELDS = 2         # fields per item
SECTION_ITEMS = 5       # items per section
PAGE_ITEMS = 10         # items per page: 20 fields, like the real pages


def make_form(outdir, draftdir, nfields):
    """synth-NFIELDS.yaml in outdir (a forms directory) and a complete
    draft for it in draftdir (not a forms directory: kaiji reads every
    .yaml file there as a form).

    Returns (form file, draft file, id of the last field).
    """
    nitems = nfields // ITEM_FIELDS
    os.makedirs(outdir, exist_ok=True)
    pages = [str(i) for i in range(1, nitems + 1, PAGE_ITEMS)]
    out = [
        '# A synthetic form of %d fields for the benchmark (made up).'
        % nfields,
        'kaiji-form: 1',
        'form: synth',
        'edition: "%d"' % nfields,
        'title: 性能測定用の合成フォーム',
        'subtitle: 合成フォーム(%d欄)' % nfields,
        'pages: [%s]' % ', '.join(pages),
        'notes:',
        '  - この様式は性能測定のために作った架空のものです。',
        'sections:',
    ]
    answers = []
    for i in range(1, nitems + 1):
        if (i - 1) % SECTION_ITEMS == 0:
            out.append('  - title: 第%d節 合成の区分' % ((i - 1) //
                                                  SECTION_ITEMS + 1))
            out.append('    items:')
        out.append('      - number: %d' % i)
        out.append('        category: 合成の分類%d' % ((i - 1) // 50 + 1))
        out.append('        name: 合成項目%d' % i)
        out.append('        fields:')
        for r in range(1, ITEM_FIELDS + 1):
            out.append('          - text: 合成項目%dの記述欄%d(架空の説明文です)'
                       % (i, r))
            if r == 1:
                out.append('            mark: %s' %
                           ('必須' if i % 3 else '選択'))
            answers.append(('%d.%d' % (i, r),
                            '合成項目%dの回答%d(架空の回答)' % (i, r)))
    formfile = os.path.join(outdir, 'synth-%d.yaml' % nfields)
    with open(formfile, 'w', encoding='utf-8') as fp:
        fp.write('\n'.join(out) + '\n')
    os.makedirs(draftdir, exist_ok=True)
    draft = os.path.join(draftdir, 'synth-%d-draft.yaml' % nfields)
    write_draft(draft, 'synth', str(nfields), answers)
    return formfile, draft, answers[-1][0]


# --- W1/W5: the dialog form --------------------------------------------------

def text_width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1
               for c in s)


def dialog_form_args(formfile, draftfile, cols):
    """dialog arguments for a --form with one row per item of the form,
    labelled with the item name and holding the first line of the draft's
    answer to the item's first field."""
    form = parse_form(formfile)
    _, _, answers = parse_draft(draftfile)
    amap = dict(answers)
    labels = ['%d %s' % (it['no'], it['name']) for it in form['items']]
    lw = max(text_width(lb) for lb in labels)
    # beside the label when at least 12 columns are left, else below it
    stacked = cols - 10 - (lw + 2) < 12
    flen = cols - 12 if stacked else cols - 10 - (lw + 2)
    args = ['--form', form['title'], '0', '0', '0']
    for i, (it, lb) in enumerate(zip(form['items'], labels)):
        first = it['fields'][0]['id']
        val = amap.get(first, '').split('\n')[0]
        row = 2 * i + 1 if stacked else i + 1
        args += [lb, str(row), '1', val, str(row + 1 if stacked else row),
                 '3' if stacked else str(lw + 2), str(flen), '500']
    return args


def main(argv):
    if len(argv) >= 3 and argv[0] == 'drafts':
        top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        tmpl = argv[3] if len(argv) > 3 else os.path.join(
            top, 'tests', 'data', 'complete-2021.yaml')
        formfile = argv[4] if len(argv) > 4 else os.path.join(
            top, 'forms', 'asp-saas-2021.yaml')
        paths, total = make_drafts(argv[1], int(argv[2]), tmpl, formfile)
        print('%d drafts, %d bytes' % (len(paths), total))
        return 0
    if len(argv) == 4 and argv[0] == 'form':
        print(*make_form(argv[1], argv[2], int(argv[3])))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
