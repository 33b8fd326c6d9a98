"""Every process a student's code started, found and killed, whatever it did to hide.

As root, each run gets a user id of its own (`run_uid`): the child drops to it before the student's
code is importable, RLIMIT_NPROC then counts exactly that run's processes, and `kill_uid` ends all
of them from inside that uid (kill(-1) reaches every process it may signal, setsid or not).
rnnx is a child subreaper either way: a process whose parent exits is handed to rnnx, not to init,
so that it is reaped here and, without root, `kill_descendants` finds it by its parent links.
Linux only; elsewhere these do nothing. Must not import numpy, torch or rich.
"""

import contextlib
import ctypes
import os
import secrets
import signal
import sys
import threading
from pathlib import Path
from typing import NamedTuple

PROC = Path("/proc")
PR_SET_CHILD_SUBREAPER = 36
UID_RANGE = (0x6E780000, 0x6E78FFFF)  # 'nx' then 16 bits: far from any user's or system's uid
ROUNDS = 50  # passes of kill-then-look before giving up on a process that keeps forking

_live: set[int] = set()  # children of sandbox runs still going, which another run must not kill
_lock = threading.Lock()


class Proc(NamedTuple):
    """One process as /proc shows it."""

    pid: int
    ppid: int
    uid: int  # the real uid (what RLIMIT_NPROC counts)
    start: int  # clock ticks since boot
    zombie: bool  # dead, waiting for its parent to reap it


def is_root() -> bool:
    """Whether runs get a uid of their own: as root, on Linux (setresuid, /proc, prctl)."""
    return sys.platform.startswith("linux") and os.geteuid() == 0


def run_uid() -> int:
    """A user id no process holds now, for one run's student code."""
    busy = {p.uid for p in processes()}
    while True:
        uid = UID_RANGE[0] + secrets.randbelow(UID_RANGE[1] - UID_RANGE[0])
        if uid not in busy:
            return uid


def become_subreaper() -> None:
    """Orphans of this process's descendants come back to it, to be killed and reaped here, not
    left to an init that may never reap them (Linux; a no-op elsewhere)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def started(pid: int) -> None:
    with _lock:
        _live.add(pid)


def ended(pid: int) -> None:
    with _lock:
        _live.discard(pid)


def user_processes(uid: int) -> int:
    """How many processes uid holds now (RLIMIT_NPROC counts them all, not one run's)."""
    return sum(1 for p in processes() if p.uid == uid)


def kill_uid(uid: int) -> None:
    """SIGKILL every process of uid, until none is left: from a fork that becomes uid, so that
    kill(-1) reaches them all at once and a process forking meanwhile cannot outrun it."""
    for _ in range(ROUNDS):
        found = [p for p in processes() if p.uid == uid]
        _reap(found)
        if not any(not p.zombie for p in found):
            return
        pid = os.fork()
        if pid == 0:  # the fork: no Python beyond these calls, whatever other threads hold
            try:
                os.setgroups([])
                os.setresgid(uid, uid, uid)
                os.setresuid(uid, uid, uid)
                os.kill(-1, signal.SIGKILL)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)


def kill_descendants(since: int) -> None:
    """SIGKILL every descendant of this process started at or after `since` (clock ticks since
    boot, as /proc says), other runs' children and their trees aside; reap those handed to us."""
    me = os.getpid()
    for _ in range(ROUNDS):
        table = {p.pid: p for p in processes()}
        with _lock:
            spared = set(_live)
        doomed = [p for p in table.values() if _descends(p.pid, me, table, spared, since)]
        _reap(doomed)
        if not any(not p.zombie for p in doomed):
            return
        for p in doomed:
            with contextlib.suppress(ProcessLookupError):
                os.kill(p.pid, signal.SIGKILL)


def _reap(found: list[Proc]) -> None:
    """Wait for those of found that are this process's children: killed, they end at once."""
    me = os.getpid()
    for p in found:
        if p.ppid == me:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(p.pid, 0 if p.zombie else os.WNOHANG)


def _descends(pid: int, me: int, table: dict[int, Proc], spared: set[int], since: int) -> bool:
    seen = 0
    while pid in table and pid not in spared and seen < len(table):
        p = table[pid]
        if p.start < since:
            return False
        if p.ppid == me:
            return True
        pid, seen = p.ppid, seen + 1
    return False


def processes() -> list[Proc]:
    """Every process /proc shows now."""
    out = []
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        found = _stat(int(entry.name)) if entry.name.isdigit() else None
        if found:
            out.append(found)
    return out


def _stat(pid: int) -> Proc | None:
    """pid's record. The uid from status, not the folder's owner: a process that changed its uid
    is not dumpable, and /proc shows its files as root's."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return None
    uid = next((line.split()[1] for line in status.splitlines() if line.startswith("Uid:")), "-1")
    fields = raw[raw.rfind(")") + 2 :].split()  # the name may hold spaces and parentheses
    return Proc(pid, int(fields[1]), int(uid), int(fields[19]), fields[0] == "Z")


def now_ticks() -> int:
    """Clock ticks since boot now, on the scale of /proc/PID/stat's start times; 0 if unknown."""
    try:
        uptime = float((PROC / "uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return int(uptime * os.sysconf("SC_CLK_TCK")) - 1  # a tick early: the clocks round apart
