"""A small terminal screen for the benchmark (Python 3 standard library):
enough of xterm to follow what ncurses writes for TERM=xterm-256color, so
that the benchmark can tell which cells a key changed on the screen.

Screen.feed(bytes) interprets the output; Screen.cells() is the screen as
rows of (character, attributes) cells, the second half of a wide character
being ('', attributes).  changed(a, b) lists the cells that differ, and
least_bytes(...) what the least a program could send to show them: for
each run of changed cells on a row, a cursor address ("ESC [ row ; col H")
unless the cursor is already there (or rewriting the unchanged cells
between is shorter), an SGR sequence when the run's attributes differ from
the current ones, and the UTF-8 bytes of the characters, the cursor's row
first; or, where shorter, an ICH that shifts the rest of the row right,
then the same for what still differs; and at the end a cursor address to
where the cursor ends up, if it is not there already.

What is followed: UTF-8 with wide (East Asian W/F) and zero-width
characters, auto-margins with xterm's pending wrap, CR LF BS HT, the CSI
sequences ICH CUU CUD CUF CUB CNL CPL CHA CUP ED EL IL DL DCH SU SD ECH
REP VPA HPA SGR DECSTBM and the save and restore of the cursor, ESC 7 8 M
D E c, the alternate screen (cleared on entry); erasing uses the current
background (bce).  Modes, OSC strings and character sets are read and
ignored.
"""

import unicodedata


def char_width(ch):
    o = ord(ch)
    if o == 0 or unicodedata.combining(ch) or unicodedata.category(ch) in (
            'Mn', 'Me', 'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in 'WF' else 1


BLANK_ATTR = ()


class Screen:
    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.attr = BLANK_ATTR
        self.grid = [[(' ', BLANK_ATTR)] * cols for _ in range(rows)]
        self.y = self.x = 0
        self.wrap = False           # pending wrap after the last column
        self.top, self.bottom = 0, rows - 1
        self.saved = (0, 0, BLANK_ATTR)
        self.last = None            # last graphic character, for REP
        self.pend = b''             # an incomplete sequence or character
        self.sgr = {}

    # --- state ------------------------------------------------------------------
    def cells(self):
        return [list(r) for r in self.grid]

    def cursor(self):
        return (self.y, min(self.x, self.cols - 1))

    def text(self):
        return '\n'.join(''.join(c for c, _ in r).rstrip()
                         for r in self.grid)

    # --- helpers --------------------------------------------------------------------
    def _blank(self):
        bg = tuple(kv for kv in self.attr if kv[0] == 'bg')
        return (' ', bg)

    def _fix_wide(self, y, x):
        """Clear the other half of a wide character cut at (y, x)."""
        row = self.grid[y]
        if 0 <= x < self.cols and row[x][0] == '' and x > 0:
            row[x - 1] = (' ', row[x - 1][1])
        if 0 <= x < self.cols and x + 1 < self.cols and \
                char_width(row[x][0] or ' ') == 2:
            row[x + 1] = (' ', row[x + 1][1])

    def _scroll_up(self, n=1):
        for _ in range(n):
            del self.grid[self.top]
            self.grid.insert(self.bottom, [self._blank()] * self.cols)

    def _scroll_down(self, n=1):
        for _ in range(n):
            del self.grid[self.bottom]
            self.grid.insert(self.top, [self._blank()] * self.cols)

    def _lf(self):
        if self.y == self.bottom:
            self._scroll_up()
        elif self.y < self.rows - 1:
            self.y += 1

    def _put(self, ch):
        w = char_width(ch)
        if w == 0:
            return
        if self.wrap or (w == 2 and self.x == self.cols - 1):
            if w == 2 and not self.wrap:
                self.grid[self.y][self.x] = self._blank()
            self.x = 0
            self.wrap = False
            self._lf()
        row = self.grid[self.y]
        self._fix_wide(self.y, self.x)
        row[self.x] = (ch, self.attr)
        if w == 2:
            self._fix_wide(self.y, self.x + 1)
            row[self.x + 1] = ('', self.attr)
        self.x += w
        if self.x >= self.cols:
            self.x = self.cols - 1
            self.wrap = True
        self.last = ch

    # --- SGR ----------------------------------------------------------------------
    def _sgr(self, ps):
        a = dict(self.attr)
        ps = ps or [0]
        i = 0
        names = {1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline',
                 5: 'blink', 7: 'reverse', 8: 'invisible', 9: 'strike'}
        while i < len(ps):
            p = ps[i]
            if p == 0:
                a = {}
            elif p in names:
                a[names[p]] = 1
            elif p == 22:
                a.pop('bold', None)
                a.pop('dim', None)
            elif p in (23, 24, 25, 27, 28, 29):
                a.pop({23: 'italic', 24: 'underline', 25: 'blink',
                       27: 'reverse', 28: 'invisible', 29: 'strike'}[p],
                      None)
            elif 30 <= p <= 37 or 90 <= p <= 97:
                a['fg'] = str(p)
            elif 40 <= p <= 47 or 100 <= p <= 107:
                a['bg'] = str(p)
            elif p == 39:
                a.pop('fg', None)
            elif p == 49:
                a.pop('bg', None)
            elif p in (38, 48) and i + 1 < len(ps):
                key = 'fg' if p == 38 else 'bg'
                if ps[i + 1] == 5 and i + 2 < len(ps):
                    a[key] = '%d;5;%d' % (p, ps[i + 2])
                    i += 2
                elif ps[i + 1] == 2 and i + 4 < len(ps):
                    a[key] = '%d;2;%d;%d;%d' % ((p,) + tuple(ps[i + 2:i + 5]))
                    i += 4
            i += 1
        self.attr = tuple(sorted(a.items()))

    # --- CSI -------------------------------------------------------------------------
    def _csi(self, private, ps, final):
        def p(i=0, d=1):
            v = ps[i] if i < len(ps) else 0
            return v if v else d
        if private and final not in 'hl':
            return
        if final in 'hl':
            if private and any(x in (47, 1047, 1049) for x in ps) and \
                    final == 'h':
                self.grid = [[(' ', BLANK_ATTR)] * self.cols
                             for _ in range(self.rows)]
            return
        if final != 'b':
            self.last = None if final != 'm' else self.last
        self.wrap = False if final not in 'm' else self.wrap
        row = self.grid[self.y]
        if final == '@':
            n = min(p(), self.cols - self.x)
            self._fix_wide(self.y, self.x)
            row[self.x:self.x] = [self._blank()] * n
            del row[self.cols:]
            if row[-1][0] != '' and char_width(row[-1][0] or ' ') == 2:
                row[-1] = self._blank()
        elif final == 'A':
            self.y = max(self.top if self.y >= self.top else 0, self.y - p())
        elif final == 'B':
            self.y = min(self.bottom if self.y <= self.bottom
                         else self.rows - 1, self.y + p())
        elif final == 'C':
            self.x = min(self.cols - 1, self.x + p())
        elif final == 'D':
            self.x = max(0, min(self.x, self.cols - 1) - p())
        elif final == 'E':
            self.y = min(self.rows - 1, self.y + p())
            self.x = 0
        elif final == 'F':
            self.y = max(0, self.y - p())
            self.x = 0
        elif final in 'G`':
            self.x = min(self.cols - 1, p() - 1)
        elif final in 'Hf':
            self.y = min(self.rows - 1, p(0) - 1)
            self.x = min(self.cols - 1, p(1) - 1)
        elif final == 'd':
            self.y = min(self.rows - 1, p() - 1)
        elif final == 'J':
            m = ps[0] if ps else 0
            if m == 0:
                self._el(0)
                rng = range(self.y + 1, self.rows)
            elif m == 1:
                self._el(1)
                rng = range(0, self.y)
            else:
                rng = range(self.rows)
            for y in rng:
                self.grid[y] = [self._blank()] * self.cols
        elif final == 'K':
            self._el(ps[0] if ps else 0)
        elif final in 'LM':
            if self.top <= self.y <= self.bottom:
                n = min(p(), self.bottom - self.y + 1)
                for _ in range(n):
                    if final == 'L':
                        del self.grid[self.bottom]
                        self.grid.insert(self.y, [self._blank()] * self.cols)
                    else:
                        del self.grid[self.y]
                        self.grid.insert(self.bottom,
                                         [self._blank()] * self.cols)
                self.x = 0
        elif final == 'P':
            n = min(p(), self.cols - self.x)
            self._fix_wide(self.y, self.x)
            if self.x + n < self.cols:
                self._fix_wide(self.y, self.x + n)
            del row[self.x:self.x + n]
            row.extend([self._blank()] * n)
        elif final == 'X':
            n = min(p(), self.cols - self.x)
            self._fix_wide(self.y, self.x)
            if self.x + n < self.cols:
                self._fix_wide(self.y, self.x + n)
            row[self.x:self.x + n] = [self._blank()] * n
        elif final == 'S':
            self._scroll_up(p())
        elif final == 'T':
            self._scroll_down(p())
        elif final == 'b':
            if self.last is not None:
                for _ in range(p()):
                    self._put(self.last)
        elif final == 'm':
            self._sgr(ps)
        elif final == 'r':
            t, b = p(0) - 1, p(1, self.rows) - 1
            if t < b < self.rows:
                self.top, self.bottom = t, b
                self.y = self.x = 0
        elif final == 's':
            self.saved = (self.y, self.x, self.attr)
        elif final == 'u':
            self.y, self.x, self.attr = self.saved

    def _el(self, m):
        row = self.grid[self.y]
        x = min(self.x, self.cols - 1)
        if m == 0:
            self._fix_wide(self.y, x)
            row[x:] = [self._blank()] * (self.cols - x)
        elif m == 1:
            if x + 1 < self.cols:
                self._fix_wide(self.y, x + 1)
            row[:x + 1] = [self._blank()] * (x + 1)
        else:
            self.grid[self.y] = [self._blank()] * self.cols

    # --- the input ------------------------------------------------------------------
    def feed(self, data):
        data = self.pend + bytes(data)
        self.pend = b''
        i, n = 0, len(data)
        while i < n:
            b = data[i]
            if b == 0x1b:
                j = self._escape(data, i)
                if j is None:
                    self.pend = data[i:]
                    return
                i = j
                continue
            if b < 0x20 or b == 0x7f:
                self._control(b)
                i += 1
                continue
            if b < 0x80:
                self._put(chr(b))
                i += 1
                continue
            k = 2 if b >= 0xc0 else 1
            k = 3 if b >= 0xe0 else k
            k = 4 if b >= 0xf0 else k
            if i + k > n:
                self.pend = data[i:]
                return
            try:
                ch = data[i:i + k].decode('utf-8')
            except UnicodeDecodeError:
                ch, k = '\ufffd', 1
            self._put(ch)
            i += k

    def _control(self, b):
        if b == 0x08:
            if self.wrap:
                self.wrap = False
            elif self.x > 0:
                self.x -= 1
        elif b == 0x09:
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            self.wrap = False
        elif b in (0x0a, 0x0b, 0x0c):
            self._lf()
            self.wrap = False
        elif b == 0x0d:
            self.x = 0
            self.wrap = False

    def _escape(self, data, i):
        """Interpret the escape sequence at data[i]; the index after it,
        or None when it is incomplete."""
        n = len(data)
        if i + 1 >= n:
            return None
        c = data[i + 1]
        if c == ord('['):
            j = i + 2
            while j < n and not (0x40 <= data[j] <= 0x7e):
                j += 1
            if j >= n:
                return None
            body = data[i + 2:j].decode('latin-1')
            private = body[:1] in ('?', '>', '<', '=')
            if private:
                body = body[1:]
            ps = []
            for part in body.split(';') if body else []:
                try:
                    ps.append(int(part.split(':')[0] or 0))
                except ValueError:
                    ps.append(0)
            self._csi(private, ps, chr(data[j]))
            return j + 1
        if c == ord(']'):
            j = i + 2
            while j < n:
                if data[j] == 0x07:
                    return j + 1
                if data[j] == 0x1b and j + 1 < n and data[j + 1] == ord('\\'):
                    return j + 2
                j += 1
            return None
        if c in b'()*+':
            return i + 3 if i + 2 < n else None
        if c == ord('7'):
            self.saved = (self.y, self.x, self.attr)
        elif c == ord('8'):
            self.y, self.x, self.attr = self.saved
            self.wrap = False
        elif c == ord('M'):
            if self.y == self.top:
                self._scroll_down()
            elif self.y > 0:
                self.y -= 1
        elif c == ord('D'):
            self._lf()
        elif c == ord('E'):
            self._lf()
            self.x = 0
        elif c == ord('c'):
            self.__init__(self.cols, self.rows)
        return i + 2


def changed(a, b):
    """The cells (y, x) that differ between screens a and b (cells())."""
    out = []
    for y, (ra, rb) in enumerate(zip(a, b)):
        for x, (ca, cb) in enumerate(zip(ra, rb)):
            if ca != cb:
                out.append((y, x))
    return out


def _sgr_bytes(attr):
    ps = ['0']
    names = {'bold': '1', 'dim': '2', 'italic': '3', 'underline': '4',
             'blink': '5', 'reverse': '7', 'invisible': '8', 'strike': '9'}
    for k, v in attr:
        ps.append(names[k] if k in names else v)
    return len('\x1b[%sm' % ';'.join(ps))


def _cup_bytes(y, x):
    return len('\x1b[%d;%dH' % (y + 1, x + 1))


def _row_plain(before, after, y, cur, pen):
    """Cost of writing the cells of row y that differ from before, from
    cursor cur with attributes pen: (bytes, cursor, pen)."""
    total = 0
    cy, cx = cur
    xs = [x for x in range(len(after)) if after[x] != before[x]]
    xs = sorted(set(xs) | {x - 1 for x in xs if after[x][0] == '' and x > 0})
    for x in xs:
        ch, attr = after[x]
        if ch == '':
            continue            # written with its first half
        if (y, x) != (cy, cx):
            gap = after[cx:x] if y == cy and cx < x else None
            if gap and all(a == pen for _, a in gap) and sum(
                    len(c.encode('utf-8')) for c, _ in gap) < \
                    _cup_bytes(y, x):
                # rewriting the unchanged cells between is shorter
                total += sum(len(c.encode('utf-8')) for c, _ in gap)
            else:
                total += _cup_bytes(y, x)
        if attr != pen:
            total += _sgr_bytes(attr)
            pen = attr
        total += len(ch.encode('utf-8'))
        cy, cx = y, x + char_width(ch)
    return total, (cy, cx), pen


def least_bytes(before, after, cur_before, cur_after, attr_before):
    """The least bytes a program could write to turn screen before into
    after (see the module's comment), and the number of cells that
    differ; cur_*: (y, x) of the cursor.  A row may instead be shifted
    right with ICH ("ESC [ n @") at its first changed cell and then
    patched, when that is shorter (typing in the middle of a text)."""
    total = 0
    cur = tuple(cur_before)
    pen = attr_before
    ncells = 0
    # the row the cursor is on first, then the others from the top
    order = [cur[0]] + [y for y in range(len(after)) if y != cur[0]]
    for y in order:
        rb, ra = before[y], after[y]
        xs = [x for x in range(len(ra)) if ra[x] != rb[x]]
        if not xs:
            continue
        ncells += len(xs)
        best = _row_plain(rb, ra, y, cur, pen)
        x0 = xs[0]
        if x0 > 0 and ra[x0][0] == '':
            x0 -= 1
        for k in range(1, 5):
            if x0 + k >= len(rb):
                break
            blank = (' ', tuple(kv for kv in pen if kv[0] == 'bg'))
            sim = rb[:x0] + [blank] * k + rb[x0:len(rb) - k]
            c = 0 if (y, x0) == cur else _cup_bytes(y, x0)
            c += len('\x1b[%d@' % k) if k > 1 else 3
            b, cr, pn = _row_plain(sim, ra, y, (y, x0), pen)
            if c + b < best[0]:
                best = (c + b, cr, pn)
        total += best[0]
        cur, pen = best[1], best[2]
    if cur != tuple(cur_after):
        total += _cup_bytes(*cur_after)
    return total, ncells
