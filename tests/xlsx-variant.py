#!/usr/bin/env python3
"""Rewrite a kaiji workbook as other spreadsheets write theirs (for
tests/xlsx.sh): xlsx-variant.py KIND IN.xlsx OUT.xlsx, KIND one of

  inline    every string cell an inline string (t="inlineStr")
  rich      every shared string split into rich-text runs, with a
            phonetic run (<rPh>) that is not part of the text
  number    the answer to field 1.1 a number cell (what a spreadsheet
            makes of a date), the answer to 36.1 a formula
  absolute  the sheet named by an absolute target, parts in a new order
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape


def sst_texts(xml):
    out = []
    for si in re.findall(r'<si>(.*?)</si>', xml, re.S):
        si = re.sub(r'<rPh\b.*?</rPh>', '', si, flags=re.S)
        out.append(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S)))
    return out


def main():
    kind, src, dst = sys.argv[1:4]
    zin = zipfile.ZipFile(src)
    parts = {n: zin.read(n) for n in zin.namelist()}
    sheet = parts['xl/worksheets/sheet1.xml'].decode()
    sst = parts['xl/sharedStrings.xml'].decode()
    texts = sst_texts(sst)
    if kind == 'inline':
        def inline(m):
            return '<c%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (
                m.group(1), texts[int(m.group(2))])
        sheet = re.sub(r'<c([^>]*?) t="s"><v>(\d+)</v></c>', inline, sheet)
    elif kind == 'rich':
        def rich(m):
            t = m.group(2)
            half = len(t) // 2
            while half > 0 and t[half - 1] == '&':
                half -= 1
            if '&' in t[max(0, half - 6):half]:
                half = 0
            return ('<si><r><rPr><b/></rPr><t xml:space="preserve">%s</t></r>'
                    '<r><t xml:space="preserve">%s</t></r>'
                    '<rPh sb="0" eb="1"><t>フリガナ</t></rPh>'
                    '<phoneticPr fontId="1"/></si>' % (t[:half], t[half:]))
        sst = re.sub(r'<si><t( xml:space="preserve")?>(.*?)</t></si>', rich,
                     sst, flags=re.S)
    elif kind == 'number':
        ids = {}
        for m in re.finditer(r'<c r="I(\d+)"[^>]*t="s"><v>(\d+)</v>', sheet):
            ids[texts[int(m.group(2))]] = m.group(1)
        r1, r2 = ids['1.1'], ids['36.1']
        sheet = re.sub(r'<c r="F%s"[^>]*>.*?</c>' % r1,
                       '<c r="F%s" s="1"><v>46198</v></c>' % r1, sheet)
        sheet = re.sub(r'<c r="F%s"[^>]*>.*?</c>' % r2,
                       '<c r="F%s" t="str"><f>1000*2</f><v>2000</v></c>' % r2,
                       sheet)
    elif kind == 'absolute':
        rels = parts['xl/_rels/workbook.xml.rels'].decode()
        rels = rels.replace('Target="worksheets/sheet1.xml"',
                            'Target="/xl/worksheets/sheet1.xml"')
        parts['xl/_rels/workbook.xml.rels'] = rels.encode()
    else:
        sys.exit('unknown kind ' + kind)
    parts['xl/worksheets/sheet1.xml'] = sheet.encode()
    parts['xl/sharedStrings.xml'] = sst.encode()
    names = list(parts)
    if kind == 'absolute':
        names.reverse()
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
        for n in names:
            zout.writestr(n, parts[n])


if __name__ == '__main__':
    main()
