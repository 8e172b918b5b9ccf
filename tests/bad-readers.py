#!/usr/bin/env python3
"""Make the bad inputs of tests/bad/export (kaiji's yaml and json exports,
read with --format export) and tests/bad/utf16 (UTF-16 text, detected) (run
from the source tree after a build: python3 tests/bad-readers.py; the files
are kept in git, this says how they were made).  Every case starts from
the export of tests/data/complete-2021.yaml (a fictional service) with
2.1 left unanswered (so that a case kaiji reads gives an incomplete draft
and a note naming the file) or is made here; tests/bad/MANIFEST says what kaiji must make of each."""
import csv
import io
import json
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KAIJI = os.path.join(HERE, '..', 'kaiji')
DRAFT = os.path.join(HERE, 'data', 'complete-2021.yaml')


TMP = tempfile.mkdtemp()
INCOMPLETE = os.path.join(TMP, 'd.yaml')
shutil.copy(DRAFT, INCOMPLETE)
subprocess.run([KAIJI, 'set', INCOMPLETE, '2.1', ''], check=True)


def export(to):
    return subprocess.run([KAIJI, 'export', INCOMPLETE, '--to', to],
                          check=True, capture_output=True).stdout


def write(d, name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(HERE, 'bad', d, name), 'wb') as f:
        f.write(data)


J = export('json').decode()
Y = export('yaml').decode()
C = export('csv').decode('utf-8-sig')
doc = json.loads(J)


def jdump(d, **kw):
    return json.dumps(d, ensure_ascii=False, **kw)


def with_answer(a, fid='30.1'):
    d = json.loads(J)
    for f in d['fields']:
        if f['id'] == fid:
            f['answer'] = a
    return d


def small(fields, **top):
    d = {'kaiji-export': 1, 'form': 'asp-saas', 'edition': '2021'}
    d.update(top)
    d['fields'] = fields
    return d


E = {}
E['json-cut-half.json'] = J[:len(J) // 2]
E['json-cut-7.json'] = J[:-7]
E['json-cut-in-string.json'] = J[:J.index('"answer": "2021/6/25"') + 15]
E['yaml-cut-half.yaml'] = Y[:Y.index('- id: "60.1"')]
E['yaml-cut-7.yaml'] = Y[:-7]
E['yaml-cut-in-string.yaml'] = Y[:Y.index('answer: "2021/6/25"') + 14]
t = jdump(with_answer('X'))
E['json-lone-high.json'] = t.replace('"X"', '"\\ud83d"')
E['json-lone-low.json'] = t.replace('"X"', '"\\ude00"')
E['json-reversed-pair.json'] = t.replace('"X"', '"\\ude00\\ud83d"')
E['json-high-then-text.json'] = t.replace('"X"', '"\\ud83dabc"')
E['json-high-at-end.json'] = t.replace('"X"', '"abc\\ud83d"')
E['json-pair-ok.json'] = t.replace('"X"', '"\\ud83d\\ude00\\u3042"')
E['json-escaped-backslash-u.json'] = t.replace('"X"', '"\\\\ud83d\\\\ude00"')
E['json-nul-escape.json'] = t.replace('"X"', '"a\\u0000b"')
E['yaml-nul-escape.yaml'] = Y.replace('answer: "2021/6/25"',
                                      'answer: "2021\\0/6/25"')
E['nul-byte.json'] = J.replace('2021/6/25', '2021\x00/6/25')
E['invalid-utf8.json'] = J.encode().replace('架空'.encode(), b'\x89\xcb', 1)
E['cesu-surrogate.json'] = J.encode().replace(b'2021/6/25', b'\xed\xa0\xbd\xed\xb8\x80')
E['esc-in-answer.json'] = t.replace('"X"', '"\\u001b[31m\\u009b2J"')
E['answer-list.json'] = jdump(small([{'id': '1.1', 'answer': ['a']}]))
E['answer-map.json'] = jdump(small([{'id': '1.1', 'answer': {'a': 1}}]))
E['answer-deep.json'] = jdump(small([{'id': '1.1'}])).replace(
    '"1.1"}', '"1.1", "answer": ' + '[' * 40 + ']' * 40 + '}')
E['ignored-deep.json'] = jdump(small([])).replace(
    '"fields"', '"x": ' + '[' * 30 + ']' * 30 + ', "fields"')
E['id-list.json'] = jdump(small([{'id': ['1.1'], 'answer': 'a'}]))
E['id-twice.json'] = '{"kaiji-export": 1, "form": "asp-saas", "edition": "2021", "fields": [{"id": "1.1", "id": "2.1", "answer": "a"}]}'
E['form-twice.json'] = '{"kaiji-export": 1, "form": "asp-saas", "form": "asp-saas", "edition": "2021", "fields": []}'
E['fields-twice.json'] = '{"kaiji-export": 1, "form": "asp-saas", "edition": "2021", "fields": [], "fields": []}'
E['fields-map.json'] = '{"kaiji-export": 1, "form": "asp-saas", "edition": "2021", "fields": {"1.1": "a"}}'
E['entry-scalar.json'] = jdump(small(['1.1']))
E['no-fields.json'] = '{"kaiji-export": 1, "form": "asp-saas", "edition": "2021"}'
E['no-form.json'] = '{"kaiji-export": 1, "edition": "2021", "fields": []}'
E['no-version.json'] = '{"form": "asp-saas", "edition": "2021", "fields": []}'
E['version-2.json'] = jdump(small([], **{'kaiji-export': 2}))
E['top-list.json'] = '[{"kaiji-export": 1}]'
E['top-scalar.yaml'] = 'kaiji-export\n'
E['empty.json'] = ''
E['other-edition.json'] = jdump(small([{'id': '1.1', 'answer': 'a'}],
                                      edition='2030'))
E['other-form.json'] = jdump(small([{'id': '1.1', 'answer': 'a'}],
                                   form='iaas'))
E['edition-path.json'] = jdump(small([], edition='../../../etc/passwd'))
E['a-draft.yaml'] = open(DRAFT, encoding='utf-8').read()
E['a-csv.csv'] = C
E['unknown-id.json'] = jdump(small([{'id': '99.1', 'answer': 'a'},
                                    {'id': '1.1', 'answer': '2021/6/25'}]))
E['dup-id.json'] = jdump(small([{'id': '1.1', 'answer': 'a'},
                                {'id': '1.1', 'answer': 'b'}]))
E['no-id.json'] = jdump(small([{'answer': 'a'}]))
E['empty-fields.json'] = jdump(small([]))
E['numbers.json'] = '{"kaiji-export": 1, "form": "asp-saas", "edition": 2021, "fields": [{"id": 8.1, "answer": 120}, {"id": "15.1", "answer": true}]}'
E['bom.json'] = '\ufeff' + J
E['comment.json'] = J.replace('{\n', '{\n  // a comment\n', 1)
E['trailing-comma.json'] = jdump(small([{'id': '1.1', 'answer': 'a'}])).replace(']}', '],}')
E['alias.yaml'] = 'kaiji-export: 1\nform: asp-saas\nedition: "2021"\nfields:\n- id: "1.1"\n  answer: &a "x"\n- id: "2.1"\n  answer: *a\n'
E['billion-laughs.yaml'] = ('kaiji-export: 1\nform: asp-saas\nedition: "2021"\n'
                            'x: &a ["l", "l", "l", "l", "l", "l", "l", "l", "l"]\n'
                            'y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n'
                            'z: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nfields: []\n')
E['binary-tag.yaml'] = 'kaiji-export: 1\nform: asp-saas\nedition: "2021"\nfields:\n- id: "1.1"\n  answer: !!binary "MjAyMQ=="\n'
E['local-tag.yaml'] = 'kaiji-export: 1\nform: asp-saas\nedition: "2021"\nfields:\n- id: "1.1"\n  answer: !secret "x"\n'
E['two-documents.yaml'] = Y + '---\nkaiji-export: 1\n'
E['tab-indent.yaml'] = 'kaiji-export: 1\nform: asp-saas\nedition: "2021"\nfields:\n-\tid: "1.1"\n\tanswer: "x"\n'
E['directive.yaml'] = '%YAML 1.3\n---\n' + Y
E['many-entries.json'] = jdump(small([{}] * 5000))
E['utf16.json'] = b'\xff\xfe' + J.encode('utf-16-le')
for name, data in E.items():
    write('export', name, data)

rows = list(csv.reader(io.StringIO(C, newline='')))


def tsv(rs):
    b = io.StringIO()
    csv.writer(b, delimiter='\t', lineterminator='\r\n').writerows(rs)
    return b.getvalue()


T = tsv(rows)


def le(s):
    return b'\xff\xfe' + s.encode('utf-16-le', 'surrogatepass')


def be(s):
    return b'\xfe\xff' + s.encode('utf-16-be', 'surrogatepass')


U = {}
for tag, enc in (('le', le), ('be', be)):
    head = T[:T.index('2021/6/25')]
    U['lone-high-%s.txt' % tag] = enc(head + '\ud83d' + T[len(head):])
    U['lone-low-%s.txt' % tag] = enc(head + '\ude00' + T[len(head):])
    U['reversed-pair-%s.txt' % tag] = enc(head + '\ude00\ud83d' + T[len(head):])
    U['high-at-end-%s.txt' % tag] = enc(T + '\ud83d')
    U['high-then-tab-%s.txt' % tag] = enc(head + '\ud83d\t' + T[len(head):])
    U['odd-length-%s.txt' % tag] = enc(T)[:-1]
    U['nul-%s.txt' % tag] = enc(head + '\0' + T[len(head):])
    U['bom-only-%s.txt' % tag] = enc('')
    U['cut-half-%s.txt' % tag] = enc(T)[:len(enc(T)) // 4 * 2]
    U['pair-ok-%s.txt' % tag] = enc(head + '絵文字😀' + T[len(head):])
    U['bom-twice-%s.txt' % tag] = enc('\ufeff' + T)
    U['other-edition-%s.txt' % tag] = enc(T.replace('\t2021\r\n', '\t2030\r\n'))
    U['unclosed-quote-%s.txt' % tag] = enc(T.replace('\t2021/6/25\t', '\t"2021/6/25\t'))
    U['cr-only-%s.txt' % tag] = enc(T.replace('\r\n', '\r'))
    U['c1-answer-%s.txt' % tag] = enc(T.replace('2021/6/25', '2021\x1b[31m\x9b/6/25'))
    U['wrong-cells-%s.txt' % tag] = enc(T.replace('\t2021/6/25\t', '\t2021/6/25\t\tx\t'))
U['utf32-le.txt'] = b'\xff\xfe\x00\x00' + T.encode('utf-32-le')
U['utf32-be.txt'] = b'\x00\x00\xfe\xff' + T.encode('utf-32-be')
U['le-bom-be-text.txt'] = b'\xff\xfe' + T.encode('utf-16-be')
U['be-bom-le-text.txt'] = b'\xfe\xff' + T.encode('utf-16-le')
U['semicolons-le.txt'] = le(T.replace('\t', ';'))
U['many-cells-le.txt'] = le('ID\t様式\t版\t申請内容' + '\tx' * 2000 + '\r\n')
U['draft-le.yaml'] = le(open(INCOMPLETE, encoding='utf-8').read())
U['yaml-export-le.yaml'] = le(Y)
U['json-lone-escape-le.json'] = le(J.replace('"2021/6/25"', '"\\ud800"'))
U['tab-in-answer-le.txt'] = le(T.replace('\t2021/6/25\t', '\t"2021\t6/25\r\nつづき"\t'))
U['noncharacter-le.txt'] = le(T.replace('2021/6/25', '2021/6/25\uffff'))
U['no-bom.txt'] = T.encode('utf-16-le')
U['no-bom-be.txt'] = T.encode('utf-16-be')
for name, data in U.items():
    write('utf16', name, data)
shutil.rmtree(TMP)
