#!/usr/bin/env python3
"""Hard-wrap text as a mail program, an editor or a PDF viewer does, and
measure what kaiji import made of it.

  wrap.py wrap N <in >out        break every line longer than N display
                                 columns (wide characters take two, a tab
                                 moves to the next multiple of 8): after a
                                 space when there is one in the last third
                                 of the line (fold -s), else anywhere
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
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap_line(line, n):
    out, cur, col, last_space = [], [], 0, -1
    for ch in line:
        w = width(ch, col)
        if col + w > n and cur:
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


def norm(s):
    return "".join(unicodedata.normalize("NFKC", s).split())


def main():
    if sys.argv[1] == "wrap":
        n = int(sys.argv[2])
        for line in sys.stdin.read().split("\n"):
            sys.stdout.write("\n".join(wrap_line(line, n)) + "\n")
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
