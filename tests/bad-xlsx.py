#!/usr/bin/env python3
"""Make the bad workbooks of tests/bad/xlsx (run from the source tree:
python3 tests/bad-xlsx.py; the files are kept in git, this says how they
were made).  Every case is a small synthetic workbook of a fictional
service; tests/bad/MANIFEST says what kaiji must make of each."""
import os
import struct
import zipfile
import zlib

OUT = os.path.join(os.path.dirname(__file__), 'bad', 'xlsx')
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PNS = 'http://schemas.openxmlformats.org/package/2006/relationships'

WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="%s" '
            'xmlns:r="%s"><sheets><sheet name="2021" sheetId="1" r:id="rId1"/>'
            '</sheets></workbook>' % (NS, RNS))
RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="%s">'
        '<Relationship Id="rId1" Type="%s/worksheet" Target="%s"/>'
        '</Relationships>')
TYPES = ('<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://'
         'schemas.openxmlformats.org/package/2006/content-types"/>')


def rels(target='worksheets/sheet1.xml'):
    return RELS % (PNS, RNS, target)


def cell(ref, text):
    text = text.replace('&', '&amp;').replace('<', '&lt;')
    return ('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is>'
            '</c>' % (ref, text))


def rows_xml(rows):
    out = []
    for i, row in enumerate(rows, 1):
        cells = ''.join(cell('%s%d' % ('ABCDEFGH'[j], i), v)
                        for j, v in enumerate(row) if v is not None)
        out.append('<row r="%d">%s</row>' % (i, cells))
    return ''.join(out)


HEADER = ['ID', '申請内容', '様式', '版']
GOOD = [HEADER,
        ['1.1', '2026/6/25', 'asp-saas', '2021'],
        ['2.1', '架空テック株式会社', 'asp-saas', '2021'],
        ['27.1', 'そらまめ帳票クラウド', 'asp-saas', '2021']]


def sheet(body=None, rows=GOOD, extra=''):
    if body is None:
        body = rows_xml(rows)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n%s<worksheet xmlns="%s">'
            '<sheetData>%s</sheetData></worksheet>' % (extra, NS, body))


def book(name, parts=None, order=None, method=zipfile.ZIP_DEFLATED, **kw):
    p = {'[Content_Types].xml': TYPES, 'xl/workbook.xml': WORKBOOK,
         'xl/_rels/workbook.xml.rels': rels(),
         'xl/worksheets/sheet1.xml': sheet(**kw)}
    if parts:
        p.update(parts)
    p = {k: v for k, v in p.items() if v is not None}
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, 'w', method) as z:
        for k in (order or p):
            v = p[k]
            z.writestr(k, v.encode() if isinstance(v, str) else v)
    return path


def raw(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)


def sst(strings):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="%s">%s</sst>'
            % (NS, ''.join(strings)))


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.unlink(os.path.join(OUT, f))
    good = book('good.xlsx')
    data = open(good, 'rb').read()
    # not zip archives, damaged archives
    raw('empty.xlsx', b'')
    raw('text.xlsx', 'ID,申請内容,様式,版\r\n'.encode())
    raw('pk-only.xlsx', b'PK\x03\x04')
    raw('truncated-half.xlsx', data[:len(data) // 2])
    raw('truncated-end.xlsx', data[:-7])
    raw('garbage-after-magic.xlsx', b'PK\x03\x04' + bytes(range(256)) * 4)
    bad_crc = bytearray(data)
    i = bad_crc.find(b'PK\x03\x04', 0)
    while i >= 0:
        name_len = struct.unpack('<H', bad_crc[i + 26:i + 28])[0]
        name = bytes(bad_crc[i + 30:i + 30 + name_len])
        if name == b'xl/worksheets/sheet1.xml':
            bad_crc[i + 14] ^= 0xff
            break
        i = bad_crc.find(b'PK\x03\x04', i + 4)
    j = bad_crc.find(b'PK\x01\x02')
    while j >= 0:
        name_len = struct.unpack('<H', bad_crc[j + 28:j + 30])[0]
        if bytes(bad_crc[j + 46:j + 46 + name_len]) == b'xl/worksheets/sheet1.xml':
            bad_crc[j + 16] ^= 0xff
        j = bad_crc.find(b'PK\x01\x02', j + 4)
    raw('bad-crc.xlsx', bytes(bad_crc))
    # zip bombs: parts that inflate past the limits
    book('bomb-part.xlsx', parts={
        'xl/worksheets/sheet1.xml': sheet() + ' ' * (40 << 20)})
    book('bomb-total.xlsx', parts={
        'xl/sharedStrings.xml': sst([]) + ' ' * (30 << 20),
        'xl/worksheets/sheet1.xml': sheet() + ' ' * (30 << 20),
        'xl/workbook.xml': WORKBOOK + ' ' * (5 << 20)})
    book('bomb-cells.xlsx', body=''.join(
        '<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c>'
        '<c r="BJ%d" t="inlineStr"><is><t>x</t></is></c></row>'
        % (i, i, i) for i in range(1, 40000)))
    # zip-slip names: never written anywhere, never read
    book('slip-entries.xlsx', parts={'../../evil.txt': 'evil',
                                     '/etc/kaiji-evil': 'evil',
                                     'xl/../../x.xml': '<x/>'})
    book('slip-target.xlsx', parts={
        'xl/_rels/workbook.xml.rels': rels('../../../../etc/passwd')})
    book('external-target.xlsx', parts={
        'xl/_rels/workbook.xml.rels': rels('http://example.invalid/s.xml')})
    book('absolute-target.xlsx', parts={
        'xl/_rels/workbook.xml.rels': rels('/xl/worksheets/sheet1.xml')})
    # parts missing
    book('no-workbook.xlsx', parts={'xl/workbook.xml': None})
    book('no-rels.xlsx', parts={'xl/_rels/workbook.xml.rels': None})
    book('no-sheet-part.xlsx', parts={'xl/worksheets/sheet1.xml': None})
    book('no-sheet-element.xlsx', parts={'xl/workbook.xml': WORKBOOK.replace(
        '<sheet name="2021" sheetId="1" r:id="rId1"/>', '')})
    book('rel-unknown-id.xlsx', parts={'xl/workbook.xml': WORKBOOK.replace(
        'rId1', 'rId9')})
    book('only-other-files.xlsx', parts={
        'xl/workbook.xml': None, 'xl/_rels/workbook.xml.rels': None,
        'xl/worksheets/sheet1.xml': None, 'word/document.xml': '<w/>'})
    # XML attacks
    dtd = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;'
           '&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;'
           '&b;">]>')
    book('billion-laughs.xlsx', extra=dtd,
         body=rows_xml(GOOD).replace('そらまめ帳票クラウド', '&c;'))
    book('xxe-file.xlsx', extra='<!DOCTYPE worksheet [<!ENTITY x SYSTEM '
         '"file:///etc/passwd">]>',
         body=rows_xml(GOOD).replace('そらまめ帳票クラウド', '&x;'))
    book('xxe-dtd.xlsx', extra='<!DOCTYPE worksheet SYSTEM '
         '"http://example.invalid/x.dtd">')
    book('xxe-sst.xlsx', parts={'xl/sharedStrings.xml':
         '<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY x SYSTEM '
         '"file:///etc/passwd">]><sst xmlns="%s"><si><t>&x;</t></si></sst>'
         % NS})
    book('dtd-workbook.xlsx', parts={'xl/workbook.xml': WORKBOOK.replace(
        '\n<workbook', '\n<!DOCTYPE workbook><workbook')})
    book('undeclared-entity.xlsx',
         body=rows_xml(GOOD).replace('そらまめ帳票クラウド', '&undeclared;'))
    book('deep-nesting.xlsx', body='<row r="1">' + '<x>' * 100000 +
         '</x>' * 100000 + '</row>')
    book('deep-in-cell.xlsx', body=rows_xml(GOOD).replace(
        '<t xml:space="preserve">そらまめ', '<t>' + '<r>' * 5000 + 'そらまめ'
        + '</r>' * 5000 + '</t><t xml:space="preserve">'))
    book('not-well-formed.xlsx', body=rows_xml(GOOD)[:-10])
    book('unclosed-cell.xlsx', body='<row r="1"><c r="A1" t="inlineStr"><is>')
    book('invalid-utf8.xlsx', parts={'xl/worksheets/sheet1.xml':
         sheet().encode().replace('架空'.encode(), b'\xff\xfe')})
    book('char-ref-surrogate.xlsx', body=rows_xml(GOOD).replace(
        'そらまめ', '&#xD800;'))
    book('char-ref-nul.xlsx', body=rows_xml(GOOD).replace('そらまめ', '&#0;'))
    book('utf16-parts.xlsx', parts={'xl/worksheets/sheet1.xml': sheet()
         .replace('encoding="UTF-8"', 'encoding="UTF-16"').encode('utf-16')})
    book('shift-jis-part.xlsx', parts={'xl/worksheets/sheet1.xml': sheet()
         .replace('encoding="UTF-8"', 'encoding="Shift_JIS"')
         .encode('shift_jis')})
    book('bom-parts.xlsx', parts={'xl/worksheets/sheet1.xml':
         b'\xef\xbb\xbf' + sheet().encode()})
    # shared strings
    book('sst-huge.xlsx', parts={'xl/sharedStrings.xml':
         sst(['<si/>'] * (1100000))})
    book('sst-index-out.xlsx', parts={'xl/sharedStrings.xml': sst(
        ['<si><t>x</t></si>'])}, body=rows_xml(GOOD).replace(
        '<c r="B3" t="inlineStr"><is><t xml:space="preserve">架空テック株式会社'
        '</t></is></c>', '<c r="B3" t="s"><v>999999</v></c>'))
    book('sst-index-text.xlsx', body=rows_xml(GOOD).replace(
        '<c r="B3" t="inlineStr"><is><t xml:space="preserve">架空テック株式会社'
        '</t></is></c>', '<c r="B3" t="s"><v>abc</v></c>'))
    book('sst-rich-phonetic.xlsx', parts={'xl/sharedStrings.xml': sst(
        ['<si><r><rPr><b/></rPr><t>架空</t></r><r><t>テック株式会社</t></r>'
         '<rPh sb="0" eb="2"><t>カクウ</t></rPh><phoneticPr fontId="1"/></si>'
         ])}, body=rows_xml(GOOD).replace(
        '<c r="B3" t="inlineStr"><is><t xml:space="preserve">架空テック株式会社'
        '</t></is></c>', '<c r="B3" t="s"><v>0</v></c>'))
    # cells and rows
    book('ref-lowercase.xlsx', body=rows_xml(GOOD).replace('r="B4"', 'r="b4"'))
    book('ref-row-zero.xlsx', body=rows_xml(GOOD).replace('r="B4"', 'r="B0"'))
    book('ref-other-row.xlsx', body=rows_xml(GOOD).replace('r="B4"', 'r="B9"'))
    book('ref-too-wide.xlsx', body=rows_xml(GOOD).replace('r="B4"',
                                                          'r="XFE4"'))
    book('ref-four-letters.xlsx', body=rows_xml(GOOD).replace('r="B4"',
                                                              'r="AAAA4"'))
    book('ref-digits-first.xlsx', body=rows_xml(GOOD).replace('r="B4"',
                                                              'r="4B"'))
    book('ref-huge-row.xlsx', body=rows_xml(GOOD).replace(
        'r="B4"', 'r="B99999999999999999999"'))
    book('beyond-columns.xlsx', body=rows_xml(GOOD).replace(
        '</row><row r="4">', '<c r="ZZ3" t="inlineStr"><is><t>x</t></is></c>'
        '</row><row r="4">'))
    book('row-zero.xlsx', body=rows_xml(GOOD).replace('<row r="4">',
                                                      '<row r="0">'))
    book('row-too-big.xlsx', body=rows_xml(GOOD).replace(
        '<row r="4">', '<row r="1048577">'))
    book('row-not-number.xlsx', body=rows_xml(GOOD).replace(
        '<row r="4">', '<row r="abc">'))
    book('cells-no-refs.xlsx', body=rows_xml(GOOD).replace(
        ' r="A', ' x="A').replace(' r="B', ' x="B').replace(
        ' r="C', ' x="C').replace(' r="D', ' x="D'))
    book('cell-outside-row.xlsx', body=cell('A1', 'ID'))
    book('empty-sheet.xlsx', body='')
    book('value-cells.xlsx', body=rows_xml(GOOD).replace(
        '<c r="B2" t="inlineStr"><is><t xml:space="preserve">2026/6/25</t>'
        '</is></c>', '<c r="B2" s="1"><v>46198</v></c>').replace(
        '<c r="B3" t="inlineStr"><is><t xml:space="preserve">架空テック株式会社'
        '</t></is></c>', '<c r="B3" t="b"><v>1</v></c>').replace(
        '<c r="B4" t="inlineStr"><is><t xml:space="preserve">そらまめ帳票クラウド'
        '</t></is></c>', '<c r="B4" t="e"><v>#DIV/0!</v></c>'))
    book('formula.xlsx', body=rows_xml(GOOD).replace(
        '<c r="B3" t="inlineStr"><is><t xml:space="preserve">架空テック株式会社'
        '</t></is></c>', '<c r="B3" t="str"><f>"架空"&amp;"テック"</f>'
        '<v>架空テック</v></c>'))
    book('escape-control.xlsx', rows=GOOD[:3] + [
        ['27.1', 'ベル_x0007_と_x001B_[31m', 'asp-saas', '2021']])
    book('escape-surrogate.xlsx', rows=GOOD[:3] + [
        ['27.1', 'そらまめ_xD83D_', 'asp-saas', '2021']])
    book('cdata.xlsx', body=rows_xml(GOOD).replace(
        '<t xml:space="preserve">そらまめ帳票クラウド</t>',
        '<t><![CDATA[そらまめ<帳票>クラウド]]></t>'))
    # the table
    book('no-id-column.xlsx', rows=[['番号', '申請内容', '様式', '版']] +
         GOOD[1:])
    book('other-form.xlsx', rows=[HEADER] + [r[:2] + ['other-form', '2021']
                                             for r in GOOD[1:]])
    book('mixed-forms.xlsx', rows=GOOD + [['5.1', '99.9%', 'asp-saas',
                                           '2019']])
    book('duplicate-id.xlsx', rows=GOOD + [['2.1', '別の会社', 'asp-saas',
                                            '2021']])
    book('unknown-id.xlsx', rows=GOOD + [['99.1', '存在しない欄', 'asp-saas',
                                          '2021']])
    book('header-twice.xlsx', rows=[HEADER + ['ID']] + [r + [''] for r in
                                                        GOOD[1:]])
    book('stored.xlsx', method=zipfile.ZIP_STORED)
    book('parts-reversed.xlsx', order=['xl/worksheets/sheet1.xml',
                                       'xl/_rels/workbook.xml.rels',
                                       'xl/workbook.xml',
                                       '[Content_Types].xml'])
    print(len(os.listdir(OUT)), 'cases in', OUT)


if __name__ == '__main__':
    main()
