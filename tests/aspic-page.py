#!/usr/bin/env python3
"""An ASPIC-style web page of a certified service from a kaiji draft.

Reads `kaiji export --to json` on standard input and writes, on standard
output, the page ASPIC publishes for a certified service since about 2023
(aspicjapan.org/nintei/<認定番号>), laid out as those pages are: a header
block (認定番号, サービス名称, サービス概要, 事業者名称, 認定年月日), then one
table 【審査対象項目】 (No, 項目, 小項目) | 【記述内容】 | 必須/選択 | 情報開示内容
with rowspans for the number, the category and the item name, a row per
section, 選択 answers verbatim, and the page notes under it.  Only the
layout is ASPIC's; the answers are the draft's (a fictional service).

The markup varies the way saved pages do, so that the reader is tried on
each: indented source with line breaks inside cells, <br> for the
answers' line breaks, entities (named and numeric) for some characters,
&nbsp; for some spaces, one answer in NFD, scripts and navigation around
the table.  --header dl writes the header block as a <dl> instead of a
table; --number sets the 認定番号.

Used by tests/aspic.sh; the pages in tests/data/aspic are its output.
"""
import argparse
import html
import json
import sys
import unicodedata


def cell_html(text, nfd=False):
    """An answer as cell markup: escaped, line breaks as <br>."""
    if nfd:
        text = unicodedata.normalize("NFD", text)
    lines = []
    for i, line in enumerate(text.split("\n")):
        s = html.escape(line, quote=False)
        # vary the escapes: a numeric reference, a no-break space
        s = s.replace("(", "&#40;", 1).replace("、", "&#x3001;", 1) if i % 2 == 0 else s
        s = s.replace(" ", "&nbsp;", 1) if i % 2 == 1 else s
        lines.append(s)
    return "<br>\n            ".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--header", choices=["table", "dl"], default="table")
    ap.add_argument("--number", default="0999-2106")
    ap.add_argument("--summary", default="勤怠と帳票をひとつにまとめる架空のクラウドサービス")
    ap.add_argument("--date", default="2021年6月25日")
    ap.add_argument("--nfd", default="", help="field id written in NFD")
    args = ap.parse_args()
    doc = json.load(sys.stdin)
    fields = doc["fields"]
    out = []
    w = out.append
    w("<!DOCTYPE html>")
    w('<html lang="ja">')
    w("<head>")
    w('<meta charset="UTF-8">')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">')
    w("<title>%s | 認定サービス | ASPIC</title>" % html.escape(doc["service"] or ""))
    w('<style>table.nintei td, table.nintei th { border: 1px solid #999; '
      'vertical-align: top; } .sec { background: #eef; }</style>')
    w("<script>var nav = document.querySelectorAll('nav a'); "
      "if (nav.length < 3 && 1 > 0) { /* <td>not a cell</td> */ }</script>")
    w("</head>")
    w("<body>")
    w('<header><nav><a href="/">ホーム</a> &gt; <a href="/nintei/">認定サービス一覧</a>'
      ' &gt; 認定サービス</nav></header>')
    w("<main>")
    w("<h1>%s</h1>" % html.escape(doc["title"]))
    head = [("認定番号", args.number), ("サービス名称", doc["service"] or ""),
            ("サービス概要", args.summary), ("事業者名称", doc["company"] or ""),
            ("認定年月日", args.date)]
    if args.header == "dl":
        w('<dl class="nintei-header">')
        for k, v in head:
            w("  <dt>%s</dt>\n  <dd>%s</dd>" % (k, html.escape(v)))
        w("</dl>")
    else:
        w('<table class="nintei-header">')
        for k, v in head:
            w("  <tr><th>%s</th><td>%s</td></tr>" % (k, html.escape(v)))
        w("</table>")
    w('<table class="nintei">')
    w("  <thead>")
    w('    <tr><th colspan="3">【審査対象項目】</th><th rowspan="2">【記述内容】</th>'
      '<th rowspan="2">必須/選択</th><th rowspan="2">情報開示内容</th></tr>')
    w("    <tr><th>No</th><th>項目</th><th>小項目</th></tr>")
    w("  </thead>")
    w("  <tbody>")
    # spans: an item's fields; a category's run of consecutive items
    by_item = {}
    for f in fields:
        by_item.setdefault(f["item"], []).append(f)
    items = sorted(by_item)
    cat_span = {}
    i = 0
    while i < len(items):
        j = i
        n = 0
        cat = by_item[items[i]][0]["category"]
        sec = by_item[items[i]][0]["section"]
        while (j < len(items) and by_item[items[j]][0]["category"] == cat
               and by_item[items[j]][0]["section"] == sec):
            n += len(by_item[items[j]])
            j += 1
        cat_span[items[i]] = n
        i = j
    section = None
    for it in items:
        rows = by_item[it]
        if rows[0]["section"] != section:
            section = rows[0]["section"]
            w('    <tr><td colspan="6" class="sec">%s</td></tr>' % html.escape(section))
        for r, f in enumerate(rows):
            w("    <tr>")
            if r == 0:
                span = ' rowspan="%d"' % len(rows) if len(rows) > 1 else ""
                w("      <td%s>%d</td>" % (span, it))
                if it in cat_span:
                    cs = ' rowspan="%d"' % cat_span[it] if cat_span[it] > 1 else ""
                    w("      <td%s>%s</td>" % (cs, html.escape(f["category"] or "")))
                w("      <td%s>\n        %s\n      </td>" % (span, html.escape(f["name"])))
            w("      <td>%s</td>" % html.escape(f["text"], quote=False))
            w("      <td>%s</td>" % f["mark"])
            ans = f["answer"] if f["answer"] is not None else ""
            w("      <td>\n            %s\n      </td>" % cell_html(ans, f["id"] == args.nfd))
            w("    </tr>")
    w("  </tbody>")
    w("</table>")
    for note in doc["notes"]:
        w("<p>%s</p>" % html.escape(note))
    w("</main>")
    w("<footer><p>&copy; 架空の認定機関 (試験用のページ)</p></footer>")
    w("</body>")
    w("</html>")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
