#!/usr/bin/env python3
"""Hard-wrap text as a mail program, an editor or a PDF viewer does, and
measure what kaiji import made of it.

  wrap.py wrap N <in >out        break every line longer than N display
                                 columns (wide characters take two, a tab
                                 moves to the next multiple of 8; never
                                 before a combining or sound mark): after a
                                 space when there is one in the last third
                                 of the line (fold -s), else anywhere
  wrap.py messy <in >out         the same text as a spreadsheet or a
                                 converter leaves it: titles on two lines,
                                 header lines padded with tabs, trailing
                                 empty cells dropped, page numbers and
                                 column headers repeated mid-table,
                                 half-width katakana in the form's words
                                 and NFD text on every third row
  wrap.py score FORM WANT GOT    compare the answers of draft GOT with
                                 those of WANT; print "exact total desc",
                                 desc being the answers of GOT that start
                                 with (a part of) a description of FORM
"""
import sys
import unicodedata

import yaml


def width(ch, col):
    if ch == "\t":
        return 8 - col % 8
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap_line(line, n):
    out, cur, col, last_space = [], [], 0, -1
    for ch in line:
        w = width(ch, col)
        if col + w > n and cur and not unicodedata.combining(ch) and \
                ch not in "\uff9e\uff9f":
            if last_space >= len(cur) * 2 // 3 and ch != " ":
                rest = cur[last_space + 1:]
                out.append("".join(cur[:last_space + 1]))
                cur = rest
            else:
                out.append("".join(cur))
                cur = []
            col = 0
            for c in cur:
                col += width(c, col)
            last_space = -1
            w = width(ch, col)
        cur.append(ch)
        if ch == " ":
            last_space = len(cur) - 1
        col += w
    out.append("".join(cur))
    return out


HALF = {}
for c in range(0xFF66, 0xFF9E):
    HALF[unicodedata.normalize("NFKC", chr(c))] = chr(c)
for full, half in list(HALF.items()):
    for mark, hmark in (("\u3099", "\uff9e"), ("\u309a", "\uff9f")):
        composed = unicodedata.normalize("NFC", full + mark)
        if len(composed) == 1:
            HALF[composed] = half + hmark


def halfwidth(s):
    return "".join(HALF.get(c, c) for c in s)


def messy(lines):
    out, head, rows = [], None, 0
    for line in lines:
        cells = line.split("\t")
        if "(1/" in line or line.rstrip().endswith(")") and "/" in line \
                and "\t" not in line and "申請内容 (" in line:
            title, _, rest = line.rpartition(" 認定サービス")
            out += [title + "\t\t\t", "認定サービス" + rest]
            continue
        if line.startswith(("認定番号", "(注)", "※")):
            out.append(line + "\t\t\t\t\t")
            continue
        if "【記述内容】" in line:
            head = line
        if len(cells) > 1 and cells[0].isdigit():
            rows += 1
            if rows % 10 == 0 and head is not None:
                out += ["- %d -" % (rows // 10), "%d / 8" % (rows // 10),
                        head]
        if len(cells) == 6 and rows % 3 == 1 and cells[5]:
            # half-width katakana in the form's words, NFD everywhere
            cells = [halfwidth(c) for c in cells[:4]] + cells[4:]
            line = unicodedata.normalize("NFD", "\t".join(cells))
        out.append(line.rstrip("\t") if len(cells) > 1 else line)
    return out


def norm(s):
    return "".join(unicodedata.normalize("NFKC", s).split())


def main():
    if sys.argv[1] == "wrap":
        n = int(sys.argv[2])
        for line in sys.stdin.read().split("\n"):
            sys.stdout.write("\n".join(wrap_line(line, n)) + "\n")
        return
    if sys.argv[1] == "messy":
        text = sys.stdin.read().split("\n")
        sys.stdout.write("\n".join(messy(text)))
        return
    form = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
    want = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))["answers"]
    got = yaml.safe_load(open(sys.argv[4], encoding="utf-8")).get(
        "answers") or {}
    texts = [norm(f["text"]) for s in form["sections"] for it in s["items"]
             for f in it["fields"]]
    exact = sum(1 for k, v in want.items() if got.get(k) == v)
    desc = 0
    for k, v in got.items():
        a = norm(str(v))
        if v == want.get(k):
            continue
        if any(len(t) >= 6 and (a.startswith(t[:16]) or
                                (len(a) >= 12 and a in t)) for t in texts):
            desc += 1
    print(exact, len(want), desc)


main()
