"""Runs a command as a child subreaper and exits with its status once every descendant has exited.

    python3 subreaper.py [--peak-rss-to FILE] <command> [args...]

A process's CPU time and peak memory count for /usr/bin/time only once an ancestor waits
for it. Pagefind's Node API kills its indexing binary and exits without waiting for it;
the orphan would be reparented to init, and its cost lost. As a subreaper (prctl
PR_SET_CHILD_SUBREAPER), this process inherits such orphans and waits for them.

With --peak-rss-to, it also writes to FILE the peak, in kB, of the resident memory of all
its descendants together, sampled every SAMPLE_SECONDS: /usr/bin/time reports the largest
single process, which says nothing of a build whose steps run side by side. Resident
memory (statm's second field, VmRSS) counts pages shared between processes once per
process, so the sum errs high, never low. A peak shorter than the interval may be missed.
"""
import ctypes
import os
import sys
import threading
from collections import defaultdict

PR_SET_CHILD_SUBREAPER = 36
SAMPLE_SECONDS = 0.05
PAGE_KB = os.sysconf('SC_PAGE_SIZE') // 1024


def parent_of(pid):
    """The parent pid from /proc/<pid>/stat (after the command name, which may hold spaces and parentheses)."""
    with open(f'/proc/{pid}/stat', 'rb') as stat:
        text = stat.read()
    return int(text[text.rindex(b')') + 2:].split()[1])


def descendants_rss_kb(root):
    """The resident memory of every descendant of `root` together. The kernel here has no
    /proc/<pid>/task/<tid>/children, so the tree is read from every process's parent."""
    children = defaultdict(list)
    for name in os.listdir('/proc'):
        if name.isdigit():
            try:
                children[parent_of(name)].append(int(name))
            except (OSError, ValueError, IndexError):
                pass  # the process exited meanwhile
    total = 0
    pending = list(children[root])
    while pending:
        pid = pending.pop()
        pending.extend(children[pid])
        try:
            with open(f'/proc/{pid}/statm') as statm:
                total += int(statm.read().split()[1])
        except (OSError, ValueError, IndexError):
            pass
    return total * PAGE_KB


def sample_peak(root, stop, peak):
    while not stop.wait(SAMPLE_SECONDS):
        peak[0] = max(peak[0], descendants_rss_kb(root))


args = sys.argv[1:]
peak_file = None
if args[:1] == ['--peak-rss-to']:
    peak_file, args = args[1], args[2:]

ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1)
child = os.fork()
if child == 0:
    os.execvp(args[0], args)

stop = threading.Event()
peak = [0]
sampler = threading.Thread(target=sample_peak, args=(os.getpid(), stop, peak), daemon=True)
if peak_file:
    sampler.start()
status = 0
while True:
    try:
        pid, waited = os.wait()
    except ChildProcessError:
        break
    if pid == child:
        status = waited
if peak_file:
    stop.set()
    sampler.join()
    with open(peak_file, 'w') as out:
        out.write(f'{peak[0]}\n')
sys.exit(os.waitstatus_to_exitcode(status))
