"""What this machine can spare right now: the memory the guard budgets against.

Reads /proc, /sys and os.sysconf only. Must not import numpy, torch or rich.
"""

import os
from pathlib import Path

_MEMINFO = Path("/proc/meminfo")
# a container's own ceiling, which /proc/meminfo does not show: (limit, usage), cgroup v2 then v1
_CGROUPS = (
    (Path("/sys/fs/cgroup/memory.max"), Path("/sys/fs/cgroup/memory.current")),
    (
        Path("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
        Path("/sys/fs/cgroup/memory/memory.usage_in_bytes"),
    ),
)


_STATUS = Path("/proc/self/status")
# a process limit (`ulimit -v`, `ulimit -d`) and the part of it this process already uses
_RLIMITS = (("RLIMIT_AS", "VmSize:"), ("RLIMIT_DATA", "VmData:"))


def available_bytes() -> int | None:
    """Memory a new allocation can take without swapping, the OOM killer or a MemoryError from a
    process limit: the least of MemAvailable, the cgroup's headroom and RLIMIT_AS/RLIMIT_DATA's;
    None if unknown."""
    found = (_meminfo_available(), _cgroup_headroom(), *_rlimit_headroom())
    sizes = [n for n in found if n is not None]
    if sizes:
        return min(sizes)
    return _sysconf_available()


def _rlimit_headroom() -> tuple[int | None, ...]:
    """Per process limit: the limit less what this process has mapped; None when unlimited."""
    try:
        import resource  # noqa: PLC0415 (POSIX only)
    except ImportError:
        return ()
    out: list[int | None] = []
    for name, status_key in _RLIMITS:
        soft, _ = resource.getrlimit(getattr(resource, name))
        if soft == resource.RLIM_INFINITY or soft < 0:
            out.append(None)
        else:
            out.append(max(soft - (_status_bytes(status_key) or 0), 0))
    return tuple(out)


def _status_bytes(key: str) -> int | None:
    """VmSize/VmData of this process from /proc/self/status, in bytes."""
    try:
        lines = _STATUS.read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(key):
            return int(line.split()[1]) * 1024  # the file counts kB
    return None


def _meminfo_available() -> int | None:
    """Linux's MemAvailable: free memory plus the caches it can drop."""
    try:
        lines = _MEMINFO.read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024  # the file counts kB
    return None


def _cgroup_headroom() -> int | None:
    for limit_file, usage_file in _CGROUPS:
        try:
            limit, usage = limit_file.read_text().strip(), usage_file.read_text().strip()
        except OSError:
            continue
        if limit.isdigit() and usage.isdigit():  # v2 writes "max" when there is no limit
            return max(int(limit) - int(usage), 0)
    return None


def _sysconf_available() -> int | None:
    """Free pages × page size where the OS reports them (not Linux's caches, so conservative)."""
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
