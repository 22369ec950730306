"""Runs a command as a child subreaper and exits with its status once every descendant has exited.

    python3 subreaper.py <command> [args...]

A process's CPU time and peak memory count for /usr/bin/time only once an ancestor waits
for it. Pagefind's Node API kills its indexing binary and exits without waiting for it;
the orphan would be reparented to init, and its cost lost. As a subreaper (prctl
PR_SET_CHILD_SUBREAPER), this process inherits such orphans and waits for them.
"""
import ctypes
import os
import sys

PR_SET_CHILD_SUBREAPER = 36

ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1)
child = os.fork()
if child == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
status = 0
while True:
    try:
        pid, waited = os.wait()
    except ChildProcessError:
        break
    if pid == child:
        status = waited
sys.exit(os.waitstatus_to_exitcode(status))
