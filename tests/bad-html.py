#!/usr/bin/env python3
"""Make the bad web pages of tests/bad/html (run from the source tree:
python3 tests/bad-html.py; the files are kept in git, this says how they
were made).  Every case is a small synthetic page laid out as ASPIC's
page of a certified service (a fictional service), broken one way;
tests/bad/MANIFEST says what kaiji import must make of each."""
import os

OUT = os.path.join(os.path.dirname(__file__), 'bad', 'html')

HEADER = ('<table><tr><th>認定番号</th><td>0999-2106</td></tr>\n'
          '<tr><th>サービス名称</th><td>そらまめ帳票クラウド</td></tr>\n'
          '<tr><th>事業者名称</th><td>架空テック株式会社</td></tr></table>\n')
HEAD_ROWS = ('<tr><th colspan="3">【審査対象項目】</th><th rowspan="2">【記述内容】'
             '</th><th rowspan="2">必須/選択</th><th rowspan="2">情報開示内容</th>'
             '</tr>\n<tr><th>No</th><th>項目</th><th>小項目</th></tr>\n')
ROWS = ('<tr><td>1</td><td>開示情報の時点</td><td>開示情報の日付</td>'
        '<td>開示情報の年月日(西暦)</td><td>必須</td><td>2021/6/25</td></tr>\n'
        '<tr><td colspan="6">事業所・事業</td></tr>\n'
        '<tr><td>2</td><td rowspan="2">事業所等の概要</td><td>事業者名</td>'
        '<td>事業者の正式名称(商号)</td><td>必須</td><td>%s</td></tr>\n'
        '<tr><td rowspan="2">3</td><td rowspan="2">設立年・事業年数</td>'
        '<td>事業者の設立年(西暦)</td><td>必須</td><td>2008年</td></tr>\n'
        '<tr><td>設立後の事業年数(1年に満たない場合は月数)</td><td></td>'
        '<td>13年</td></tr>\n')


def page(body=None, header=HEADER, rows=None, answer='架空テック株式会社',
         doctype='<!DOCTYPE html>', end='</body></html>\n'):
    if rows is None:
        rows = HEAD_ROWS + ROWS % answer
    if body is None:
        body = header + '<table class="nintei">\n' + rows + '</table>\n'
    return ('%s\n<html lang="ja"><head><meta charset="UTF-8"><title>認定サービス'
            '</title></head>\n<body>\n%s%s' % (doctype, body, end))


def put(name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    good = page()
    put('empty.html', b'')
    put('only-bom.html', b'\xef\xbb\xbf')
    put('only-blank.html', b'  \n\t\n')
    put('nul.html', good.replace('2008年', '2008\0年'))
    put('binary.html', bytes(range(256)) * 4)
    put('latin1.html', good.encode('utf-8').replace(
        '架空テック'.encode('utf-8'), b'Kak\xfc Tech'))
    put('cp932.html', page().replace('charset="UTF-8"', 'charset="Shift_JIS"')
        .encode('cp932'))
    put('overlong-utf8.html', good.encode('utf-8').replace(b'<td>2008',
                                                           b'<td>\xc0\xb2008'))
    put('cesu-surrogate.html', good.encode('utf-8').replace(
        b'2008', b'\xed\xa0\x80\xed\xb0\x80'))
    put('utf16.html', b'\xff\xfe' + good.encode('utf-16-le'))
    put('utf16be.html', b'\xfe\xff' + good.encode('utf-16-be'))
    put('utf32-bom.html', b'\xff\xfe\x00\x00' + good.encode('utf-32-le'))
    put('truncated.html', good[:good.index('<td>2008')])
    put('truncated-in-tag.html', good[:good.index('rowspan="2">設立') + 5])
    put('no-html-end.html', good.replace('</body></html>', '</body>'))
    put('unclosed-comment.html', good.replace('<table class="nintei">',
                                              '<!-- <table class="nintei">'))
    put('unclosed-script.html', good.replace('<table class="nintei">',
                                             '<script>var t = "<table>";'))
    lol = ''.join('<!ENTITY lol%d "&lol%d;&lol%d;&lol%d;&lol%d;">\n'
                  % (i, i - 1, i - 1, i - 1, i - 1) for i in range(1, 10))
    put('entity-bomb.html', page(doctype='<!DOCTYPE html [\n<!ENTITY lol0 '
                                 '"lol">\n' + lol + ']>', answer='&lol9;'))
    put('external-entity.html', page(doctype='<!DOCTYPE html [\n<!ENTITY xxe '
                                     'SYSTEM "file:///etc/passwd">\n]>',
                                     answer='&xxe;'))
    put('external-entity-http.html', page(
        doctype='<!DOCTYPE html [<!ENTITY xxe SYSTEM '
        '"http://example.invalid/x">]>', answer='&xxe;'))
    put('parameter-entity.html', page(
        doctype='<!DOCTYPE html [<!ENTITY % p SYSTEM '
        '"http://example.invalid/p.dtd"> %p;]>'))
    put('entity-lowercase.html', page(doctype='<!doctype html [<!entity e '
                                      '"x">]>', answer='&e;'))
    put('entity-in-body.html', page(answer='<!ENTITY e "x">&e;'))
    put('charref-surrogate.html', page(answer='架空&#xD800;テック'))
    put('charref-surrogate-low.html', page(answer='架空&#xDC00;テック'))
    put('charref-surrogate-dec.html', page(answer='架空&#56320;テック'))
    put('charref-surrogate-pair.html', page(answer='&#xD83D;&#xDE00;'))
    put('charref-nul.html', page(answer='架空&#0;テック'))
    put('charref-nul-hex.html', page(answer='架空&#x0000;テック'))
    put('charref-beyond.html', page(answer='&#x110000;'))
    put('charref-huge.html', page(answer='&#99999999999999999999999;'))
    put('charref-esc.html', page(answer='&#27;[2J架空テック'))
    put('charref-c1.html', page(answer='&#x9B;31m架空テック'))
    put('charref-del.html', page(answer='架空&#127;テック'))
    put('deep-nesting.html', page(body=HEADER + '<div>' * 300 + 'x' +
                                  '</div>' * 300))
    put('deep-spans.html', page(body=HEADER + '<span><b>' * 200 + 'x'))
    put('deep-in-cell.html', page(answer='<ul><li>' * 300 + 'x'))
    put('no-table.html', page(body=HEADER.replace('<table>', '<dl>')
                              .replace('</table>', '</dl>')
                              .replace('<tr><th>', '<dt>')
                              .replace('</th><td>', '</dt><dd>')
                              .replace('</td></tr>', '</dd>')))
    put('empty-table.html', page(body='<dl><dt>認定番号</dt><dd>0999-2106</dd>'
                                 '</dl><table></table>'))
    put('no-header.html', page(header=''))
    put('header-no-number.html', page(header=HEADER.replace('認定番号', '番号')))
    put('header-no-company.html', page(header=HEADER.replace('事業者名称',
                                                             '事業者')))
    put('header-no-service.html', page(header=HEADER.replace(
        '<tr><th>サービス名称</th><td>そらまめ帳票クラウド</td></tr>\n', '')))
    put('header-empty-values.html', page(header=HEADER.replace(
        '0999-2106', '').replace('そらまめ帳票クラウド', '').replace(
        '<td>架空テック株式会社</td>', '<td> </td>')))
    put('header-in-script.html', page(header='<script>/* 認定番号:0999-2106 '
                                      'サービス名称:x 事業者名称:y */</script>'))
    put('few-rows.html', good)
    other = ('<tr><td>1</td><td>開示情報の時点</td><td>開示情報の日付</td>'
             '<td>開示情報の年月日(西暦)</td><td>必須</td><td>2021/6/25</td>'
             '</tr>\n' + ''.join(
                 '<tr><td>%d</td><td>データセンター設備</td><td>受電設備 %d</td>'
                 '<td>受電容量、冗長化の状況</td><td>必須</td><td>架空の回答</td>'
                 '</tr>\n' % (i, i) for i in range(2, 94)))
    put('other-form.html', page(rows=HEAD_ROWS + other))
    put('th-only.html', page(rows=HEAD_ROWS * 40))
    put('table-in-comment.html', page(body=HEADER + '<!-- <table>' + HEAD_ROWS
                                      + ROWS % 'x' + '</table> -->'))
    put('table-in-script.html', page(body=HEADER + '<script>document.write('
                                     '"<table>' + HEAD_ROWS.replace('\n', '') +
                                     '</table>")</script>'))
    put('head-only.html', '<!DOCTYPE html>\n<html><head><title>認定番号 サービス'
        '名称 事業者名称</title></head></html>\n')
    put('only-comments.html', '<!-- 認定番号 --><!-- </html> -->\n</html>\n')
    put('not-html.txt.html', '認定番号:0999-2106, サービス名称:x, 事業者名称:y\n'
        '1\t開示情報の時点\t開示情報の日付\t開示情報の年月日(西暦)\t必須\t2021/6/25\n'
        '</html>\n')
    put('spans-huge.html', page(rows=HEAD_ROWS + '<tr><td rowspan="65534" '
                                'colspan="1000">1</td><td colspan="99999999999'
                                '">x</td></tr>\n' * 3))
    put('columns-200.html', page(rows=HEAD_ROWS + ('<tr>' + '<td>1</td>' * 200 +
                                                   '</tr>\n') * 5))
    put('dtd-network.html', page(
        doctype='<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://example.invalid/xhtml1-strict.dtd">'))
    put('xml-external-stylesheet.html', '<?xml version="1.0"?>\n<?xml-stylesheet'
        ' href="http://example.invalid/s.xsl"?>\n' + good)


if __name__ == '__main__':
    main()
