# The editor in a real terminal emulator that draws East Asian Ambiguous
# characters two columns wide (xterm -cjk_width) and in one that draws
# them one column wide (plain xterm), under Xvfb; run by tests/xterm.sh.
#
# The program runs under a relay (this file, "relay" mode) inside xterm:
# the relay passes the program's output to xterm and xterm's keys to the
# program, sends the test's keys from a FIFO, and on request asks xterm
# to print its screen (CSI i: printerCommand writes every cell, a wide
# character followed by U+FFFF for its second cell, so the columns of a
# printed row are its code points) or for the cursor position (CSI 6 n,
# the answer kept for the test).  What xterm shows is then checked by its
# own cells, not by kaiji's idea of widths:
#
# - the page view: 24 rows, title first, key hints last, the counter of
#   5.1 ("N/100字") ends at the last column of its row, and 5.1's answer
#   full of ambiguous characters is shown whole on its rows;
# - editing 5.1: typed ambiguous characters appear at the end of the
#   answer and the terminal's cursor is just after them;
# - F1, a choice list (29.1): every row of the box has its left and right
#   borders in the same columns;
# - the summary: 24 rows, title first, key hints last.
#
# Screenshots go to $KAIJI_SCREENSHOTS when it is set (PNG with
# ImageMagick's convert, else XWD).  Exit 77 when xterm or Xvfb is missing.
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time


def relay(ctl, cpr, argv):
    import fcntl
    import pty
    import termios
    import tty
    ws = fcntl.ioctl(0, termios.TIOCGWINSZ, b'\0' * 8)
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, ws)
        os.execvp(argv[0], argv)
    tty.setraw(0)
    ctlfd = os.open(ctl, os.O_RDWR)
    want_cpr = False
    pending = b''
    while True:
        r, _, _ = select.select([fd, 0, ctlfd], [], [])
        if fd in r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            os.write(1, data)
        if 0 in r:
            data = os.read(0, 4096)
            if want_cpr:
                pending += data
                i = pending.find(b'\033[')
                j = pending.find(b'R', i + 1) if i >= 0 else -1
                if j >= 0:
                    with open(cpr + '.new', 'wb') as f:
                        f.write(pending[i + 2:j])
                    os.rename(cpr + '.new', cpr)
                    data = pending[:i] + pending[j + 1:]
                    pending = b''
                    want_cpr = False
                else:
                    data = b''
            if data:
                os.write(fd, data)
        if ctlfd in r:
            data = os.read(ctlfd, 4096)
            if data == b'\0print\0':
                os.write(1, b'\033[i')
            elif data == b'\0cursor\0':
                want_cpr = True
                os.write(1, b'\033[6n')
            else:
                os.write(fd, data)
    os.waitpid(pid, 0)


if len(sys.argv) > 1 and sys.argv[1] == 'relay':
    relay(sys.argv[2], sys.argv[3], sys.argv[4:])
    sys.exit(0)

import signal
signal.alarm(100)       # a hung terminal fails the test, not the run

for prog in ('xterm', 'Xvfb'):
    if shutil.which(prog) is None:
        print(prog + ' is not installed: skipped')
        sys.exit(77)

KAIJI = os.environ['KAIJI']
COLS, ROWS = 80, 24
failures = 0
checks = 0
T = tempfile.mkdtemp(prefix='kaiji-xterm.')
shots = os.environ.get('KAIJI_SCREENSHOTS')


def fail(msg, screen=None):
    global failures
    failures += 1
    print('FAIL: ' + msg)
    if screen is not None:
        for row in screen:
            print('    |' + row.replace('\uffff', '') + '|')


def check(cond, msg, screen=None):
    global checks
    checks += 1
    if not cond:
        fail(msg, screen)
    return cond


def run(*args, **kw):
    return subprocess.run(args, check=True, **kw)


# Xvfb on a free display (it writes the number on -displayfd)
rfd, wfd = os.pipe()
xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(wfd), '-screen', '0',
                         '1280x800x24', '-nolisten', 'tcp'],
                        pass_fds=(wfd,), stderr=subprocess.DEVNULL)
os.close(wfd)
num = b''
while not num.endswith(b'\n'):
    if not select.select([rfd], [], [], 10)[0]:
        break
    c = os.read(rfd, 16)
    if not c:
        break
    num += c
if not num.strip():
    xvfb.kill()
    print('Xvfb did not start: skipped')
    sys.exit(77)
display = ':' + num.decode().strip()

env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='', DISPLAY=display,
           XDG_DATA_HOME=T + '/data', XDG_STATE_HOME=T + '/state')
env.pop('KAIJI_AMBIGUOUS_WIDTH', None)
if 'KAIJI_XTERM_WIDTH' in os.environ:     # to see the test fail
    env['KAIJI_AMBIGUOUS_WIDTH'] = os.environ['KAIJI_XTERM_WIDTH']
env.pop('KAIJI_FRAME', None)
env.pop('NO_COLOR', None)

# a draft of a fictional service whose 5.1 is full of ambiguous characters
TEXT51 = ('※当社は①受付○→②審査×→③提供■の三段階で運用する。'
          '温度は20°C以下、抵抗Ω、規程§4に従う。')
DRAFT = T + '/a.yaml'
run(KAIJI, 'new', DRAFT, env=env, stdout=subprocess.DEVNULL)
run(KAIJI, 'set', DRAFT, '5.1', TEXT51, env=env)
run(KAIJI, 'set', DRAFT, '2.1', '株式会社そらまめ○', env=env)


class Term:
    def __init__(self, wide, name):
        self.name = name
        self.ctl = T + '/ctl-' + name
        self.cpr = T + '/cpr-' + name
        self.out = T + '/screen-' + name
        self.n = 0
        draft = '%s/%s.yaml' % (T, name)
        shutil.copy(DRAFT, draft)
        os.mkfifo(self.ctl)
        args = ['xterm', '-geometry', '%dx%d' % (COLS, ROWS),
                '-fa', 'DejaVu Sans Mono', '-fd', 'Noto Sans Mono CJK JP',
                '-fs', '11',
                '-xrm', '*printerCommand: cat > ' + self.out + '.new && '
                'mv ' + self.out + '.new ' + self.out,
                '-xrm', '*printerAutoClose: true',
                '-xrm', '*printAttributes: 0',
                '-xrm', '*printerExtent: false',
                '-xrm', '*cjkWidth: ' + ('true' if wide else 'false'),
                '-e', sys.executable, os.path.abspath(__file__), 'relay',
                self.ctl, self.cpr, KAIJI, draft]
        self.proc = subprocess.Popen(args, env=env, cwd=T,
                                     stderr=subprocess.DEVNULL)
        self.fifo = open(self.ctl, 'wb', buffering=0)

    def send(self, data):
        self.fifo.write(data.encode() if isinstance(data, str) else data)
        time.sleep(0.15)

    def screen(self):
        """xterm's screen as rows of cells (a wide character's second
        cell is U+FFFF), trailing blanks dropped."""
        try:
            os.unlink(self.out)
        except FileNotFoundError:
            pass
        self.send(b'\0print\0')
        for _ in range(100):
            if os.path.exists(self.out):
                with open(self.out, encoding='utf-8',
                          errors='replace') as f:
                    rows = f.read().split('\n')
                while rows and rows[-1] == '':
                    rows.pop()
                return [r.rstrip(' ') for r in rows]
            time.sleep(0.05)
        return []

    def wait(self, text, timeout=10):
        """The screen once it shows text (U+FFFF cells dropped)."""
        end = time.time() + timeout
        while True:
            s = self.screen()
            if any(text in r.replace('\uffff', '') for r in s):
                return s
            if time.time() > end:
                fail('%s: no "%s" on the screen' % (self.name, text), s)
                return s
            time.sleep(0.2)

    def cursor(self):
        """The terminal's cursor (row, column), from 1."""
        try:
            os.unlink(self.cpr)
        except FileNotFoundError:
            pass
        self.send(b'\0cursor\0')
        for _ in range(100):
            if os.path.exists(self.cpr):
                with open(self.cpr) as f:
                    r, c = f.read().split(';')
                return int(r), int(c)
            time.sleep(0.05)
        return None

    def shot(self, what):
        if not shots or shutil.which('xwd') is None:
            return
        os.makedirs(shots, exist_ok=True)
        base = os.path.join(shots, '%s-%02d-%s' % (self.name, self.n, what))
        self.n += 1
        xwd = subprocess.run(['xwd', '-root', '-display', display, '-silent'],
                             stdout=subprocess.PIPE)
        if shutil.which('convert') is not None:
            subprocess.run(['convert', 'xwd:-', '-trim', '+repage',
                            base + '.png'],
                           input=xwd.stdout)
        else:
            with open(base + '.xwd', 'wb') as f:
                f.write(xwd.stdout)

    def stop(self):
        self.send('\x11')       # Ctrl-Q: save and quit
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.fifo.close()


def text(row):
    return row.replace('\uffff', '')


def frame_ok(t, s, what):
    """24 rows (nothing scrolled off), the title first, the hints last, no
    row past the last column."""
    check(len(s) == ROWS, '%s, %s: %d rows' % (t.name, what, len(s)), s)
    if s:
        check(text(s[0]).lstrip().startswith('asp-saas 2021'),
              '%s, %s: title on the first row' % (t.name, what), s)
        check('F1 Help' in text(s[-1]),
              '%s, %s: key hints on the last row' % (t.name, what), s)
    for i, r in enumerate(s):
        check(len(r) <= COLS, '%s, %s: row %d has %d columns' %
              (t.name, what, i + 1, len(r)), s)


def box_edges(row):
    """The columns of the corners of a box edge in row, or None."""
    import re
    m = re.search('[+┌└lm][-─q]{8,}[+┐┘kj]', row)
    return (m.start(), m.end() - 1) if m else None


def box_ok(t, s, what, inner):
    """A box around the row showing inner: its top and bottom edges, in
    the same columns, and every row between with its borders there."""
    rows = [i for i, r in enumerate(s) if inner in text(r)]
    if not check(rows, '%s, %s: "%s" shown' % (t.name, what, inner), s):
        return
    i = rows[-1]
    top = i
    while top > 0 and box_edges(s[top]) is None:
        top -= 1
    bottom = i
    while bottom < len(s) - 1 and box_edges(s[bottom]) is None:
        bottom += 1
    if not check(top < i < bottom and box_edges(s[top]) is not None and
                 box_edges(s[bottom]) is not None,
                 '%s, %s: a box around "%s"' % (t.name, what, inner), s):
        return
    left, right = box_edges(s[top])
    check(box_edges(s[bottom]) == (left, right), '%s, %s: the bottom edge '
          'is where the top edge is' % (t.name, what), s)
    for k in range(top + 1, bottom):
        r = s[k].ljust(right + 1)
        check(r[left] in '|│x' and r[right] in '|│x',
              '%s, %s: row %d of the box has its borders at columns %d '
              'and %d' % (t.name, what, k + 1, left + 1, right + 1), s)


def session(wide, name):
    t = Term(wide, name)
    try:
        s = t.wait('F1 ')
        # the page view, at 5.1
        t.send('g')
        t.send('5.1\r')
        s = t.wait('事業の概要')
        t.shot('page')
        frame_ok(t, s, 'the page')
        row = [r for r in s if ' 5.1 ' in text(r)]
        if check(row, '%s: the row of 5.1' % name, s):
            check(text(row[0]).endswith('/100字') and len(row[0]) == COLS,
                  '%s: the counter of 5.1 ends at column %d' % (name, COLS),
                  s)
        shown = ''.join(text(r).strip(' ') for r in s
                        if r.startswith(' ' * 6) and text(r).strip(' '))
        check(TEXT51 in shown, '%s: the answer of 5.1 is shown whole'
              % name, s)
        # editing 5.1: type at the end of the answer
        t.send('\r')
        t.send('\033[F')        # End: the end of the line
        t.send('①○')
        s = t.wait(TEXT51[-4:] + '①○')
        t.shot('edit')
        frame_ok(t, s, 'the edit')
        cur = t.cursor()
        k = [i for i, r in enumerate(s) if text(r).endswith('①○')]
        if check(cur is not None and k, '%s: the cursor and the end of the '
                 'answer' % name, s):
            want = (k[-1] + 1, len(s[k[-1]]) + 1)
            check(cur == want, '%s: the cursor is at %s, just after the '
                  'typed ○ at the end of the answer: at %s' %
                  (name, want, cur), s)
        t.send('\033')
        # F1
        t.send('\033OP')
        s = t.wait('Limit: 100字')
        t.shot('help')
        box_ok(t, s, 'F1', 'Limit: 100字')
        t.send('\033')
        # a choice list
        t.send('g')
        t.send('29.1\r')
        t.send('\r')
        s = t.wait('ネットワーク基盤サービス')
        t.shot('choices')
        box_ok(t, s, 'the choice list', 'ネットワーク基盤サービス')
        t.send('\033')
        # the summary
        t.send('s')
        s = t.wait('必須○')
        t.shot('summary')
        frame_ok(t, s, 'the summary')
        t.send('\033')
    finally:
        t.stop()


try:
    session(True, 'wide')
    session(False, 'narrow')
finally:
    xvfb.kill()
    xvfb.wait()
    shutil.rmtree(T, ignore_errors=True)

print('%d checks, %d failures' % (checks, failures))
sys.exit(1 if failures else 0)
