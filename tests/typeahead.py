#!/usr/bin/env python3
"""Keys typed while kaiji asks the terminal for the width of ambiguous
characters reach the editor.  Runs KAIJI DRAFT on a pty that never answers
the cursor position request; the keys (jump to 6, edit 6.1, type 代表,
leave) are written before kaiji reads anything, so they
all arrive while the probe waits; F10 (save and quit) follows later.  Exits with kaiji's status, 99 on a hang."""
import os, pty, select, sys, time

kaiji, draft = sys.argv[1], sys.argv[2]
keys = "g6\r\r代表\033".encode()
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm"
    os.environ.pop("KAIJI_AMBIGUOUS_WIDTH", None)
    os.execv(kaiji, [kaiji, draft])
os.write(fd, keys)
start = time.time()
deadline = start + 30
quit_sent = False
seen = b""
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        seen += data
    if not quit_sent and time.time() > start + 3:
        os.write(fd, b"\033[21~")      # F10: save and quit
        quit_sent = True
    wpid, status = os.waitpid(pid, os.WNOHANG)
    if wpid == pid:
        sys.exit(os.waitstatus_to_exitcode(status))
if time.time() < deadline:            # the pty closed: kaiji is ending
    wpid, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))
sys.stderr.write(repr(seen[-2000:]) + "\n")
os.kill(pid, 9)
sys.exit(99)
