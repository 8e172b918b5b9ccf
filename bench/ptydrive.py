"""A pseudo-terminal driver for the benchmark (Python 3 standard library).

A Session starts a program in a new pty of a given size, as the only
process of a new session with the pty as its controlling terminal, and
reads everything the program writes, with the time each chunk arrived.
It can wait for the output to go quiet (the first full frame), type keys
one at a time waiting for each one's echo, send a bracketed paste, and
collect the program's exit status, CPU time and max RSS.

The program is not forked from Python directly: the spawn helper
(bench/spawn.c) forks it, wait4()s for it and reports its rusage on a pipe,
because Linux carries a process's peak RSS over exec() and the driver's own
RSS would otherwise show up as the program's.  The helper also reports the
CLOCK_MONOTONIC time just before it forked, which is the start of every
time measured here (time.monotonic_ns() reads the same clock).
"""

import errno
import fcntl
import os
import pty
import select
import struct
import termios
import time


class Timeout(Exception):
    pass


class Session:
    def __init__(self, spawn, argv, cols, rows, env, cwd):
        self.cols, self.rows = cols, rows
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack('HHHH', rows, cols, 0, 0))
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(self.master)
                os.close(rfd)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                os.chdir(cwd)
                os.set_inheritable(wfd, True)
                os.execve(spawn, [spawn, str(wfd)] + list(argv), env)
            finally:
                os._exit(127)
        os.close(slave)
        os.close(wfd)
        self.helper = pid
        self.rep = rfd
        self.repbuf = b''
        self.out = bytearray()          # everything the program wrote
        self.chunks = []                # (time_ns, end offset in out)
        self.eof = False
        self.result = None
        line = self._report_line()
        if not line.startswith('start '):
            raise RuntimeError('spawn helper: %r' % line)
        _, p, t0 = line.split()
        self.pid = int(p)               # the program (or valgrind)
        self.t0 = int(t0)

    # --- the helper's report -------------------------------------------------
    def _report_line(self):
        while b'\n' not in self.repbuf:
            d = os.read(self.rep, 4096)
            if not d:
                break
            self.repbuf += d
        line, _, self.repbuf = self.repbuf.partition(b'\n')
        return line.decode()

    # --- reading ----------------------------------------------------------------
    def _read(self, timeout):
        """Wait up to timeout seconds for output; True if some arrived."""
        if self.eof:
            if timeout > 0:
                time.sleep(timeout)
            return False
        r, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not r:
            return False
        try:
            d = os.read(self.master, 1 << 16)
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            d = b''
        now = time.monotonic_ns()
        if not d:
            self.eof = True
            return False
        self.out += d
        self.chunks.append((now, len(self.out)))
        return True

    def last_output_ns(self):
        return self.chunks[-1][0] if self.chunks else None

    def wait_quiet(self, quiet, limit, since=None):
        """Read until no output came for `quiet` seconds, after at least
        one chunk beyond offset `since` (default: the output so far).
        Returns the arrival time (ns) of the last chunk before the quiet
        spell.  Raises Timeout after `limit` seconds."""
        start = len(self.out) if since is None else since
        deadline = time.monotonic() + limit
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout('no quiet output within %.1f s' % limit)
            if len(self.out) > start and self.chunks:
                since_last = (time.monotonic_ns() -
                              self.chunks[-1][0]) / 1e9
                wait = quiet - since_last
                if wait <= 0:
                    return self.chunks[-1][0]
                self._read(min(wait, left))
            else:
                if self.eof:
                    raise Timeout('the program ended')
                self._read(min(left, 0.5))

    def drain(self, quiet):
        """Read whatever comes until `quiet` seconds pass without output."""
        while self._read(quiet):
            pass

    def wait_for(self, needle, limit, since=None):
        """Read until bytes `needle` appear after offset `since`; returns
        the arrival time (ns) of the chunk that completed them."""
        start = len(self.out) if since is None else since
        deadline = time.monotonic() + limit
        while True:
            i = self.out.find(needle, start)
            if i >= 0:
                end = i + len(needle)
                for t, off in self.chunks:
                    if off >= end:
                        return t
            left = deadline - time.monotonic()
            if left <= 0 or self.eof:
                raise Timeout('%r did not appear' % needle)
            self._read(min(left, 0.5))

    # --- writing ----------------------------------------------------------------
    def send(self, data):
        """Write bytes to the terminal; returns the time (ns) just before."""
        if isinstance(data, str):
            data = data.encode('utf-8')
        t = time.monotonic_ns()
        off = 0
        while off < len(data):
            off += os.write(self.master, data[off:])
        return t

    def key(self, data, quiet, limit=30):
        """Press a key and let the program finish reacting to it."""
        off = len(self.out)
        self.send(data)
        try:
            self.wait_quiet(quiet, limit, since=off)
        except Timeout:
            pass            # a key that changes nothing on screen

    def type_char(self, ch, quiet, limit=10):
        """Type one character as a person would: send it, wait until its
        bytes appear in the output (its echo), then until the output goes
        quiet.  Returns the key-to-echo time in ns, or None when the echo
        was not seen within `limit` seconds."""
        b = ch.encode('utf-8')
        off = len(self.out)
        t = self.send(b)
        try:
            te = self.wait_for(b, limit, since=off)
            lat = te - t
        except Timeout:
            lat = None
        self.drain(quiet)
        return lat

    def paste(self, text):
        """Send text as one bracketed paste; returns the time sent."""
        return self.send(b'\x1b[200~' + text.encode('utf-8') + b'\x1b[201~')

    # --- the end -------------------------------------------------------------------
    def finish(self, limit=60):
        """Read until the program has exited; returns a dict with status,
        utime_us, stime_us, maxrss_kb."""
        deadline = time.monotonic() + limit
        while not self.eof:
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill()
                break
            self._read(min(left, 0.5))
        line = self._report_line()
        os.close(self.master)
        os.close(self.rep)
        os.waitpid(self.helper, 0)
        if not line.startswith('end '):
            raise RuntimeError('spawn helper: %r' % line)
        _, st, ut, stt, rss = line.split()
        self.result = {'status': int(st), 'utime_us': int(ut),
                       'stime_us': int(stt), 'maxrss_kb': int(rss)}
        return self.result

    def kill(self):
        for p in (self.pid,):
            try:
                os.kill(p, 9)
            except ProcessLookupError:
                pass

    def text(self):
        return self.out.decode('utf-8', 'replace')


def proc_sample(pid):
    """CPU and scheduling counters of a running process, from /proc:
    run_ns (time on a CPU, schedstat), slices (times it was put on a
    CPU, schedstat), vcsw/nvcsw (voluntary and involuntary context
    switches, status), ticks (utime+stime in clock ticks, stat)."""
    s = {}
    with open('/proc/%d/schedstat' % pid) as fp:
        run, _wait, slices = fp.read().split()[:3]
    s['run_ns'] = int(run)
    s['slices'] = int(slices)
    with open('/proc/%d/status' % pid) as fp:
        for line in fp:
            if line.startswith('voluntary_ctxt_switches:'):
                s['vcsw'] = int(line.split()[1])
            elif line.startswith('nonvoluntary_ctxt_switches:'):
                s['nvcsw'] = int(line.split()[1])
    with open('/proc/%d/stat' % pid) as fp:
        f = fp.read().rsplit(')', 1)[1].split()
    s['ticks'] = int(f[11]) + int(f[12])
    return s
