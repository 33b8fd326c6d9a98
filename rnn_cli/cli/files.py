"""Every file rnnx writes, written atomically: a reader sees the old file or the new one, never a
mix, whatever happens mid-write (a second writer, kill -9, a full disk, Ctrl-C).

Must not import numpy, torch or rich.
"""

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from rnn_cli.base.errors import SpecError
from rnn_cli.base.safe import shown
from rnn_cli.catalog.lookup import text


def refuse_bad_target(flag: str, path: Path, suffix: str) -> None:
    """Before any work: path names a file with suffix in a directory rnnx may write into."""
    try:
        _check_target(flag, path, suffix)
    except OSError as e:  # an unsearchable directory, a name the filesystem refuses
        raise _cannot_write(flag, path, e) from e


def _check_target(flag: str, path: Path, suffix: str) -> None:
    example = {".npz": "run.npz", ".svg": "rnn.svg", ".html": "rnn.html"}[suffix]
    fields = {"flag": flag, "name": flag.lstrip("-"), "path": shown(path), "suffix": suffix}
    fields["example"] = example
    if path.suffix.lower() != suffix:
        raise SpecError(text("error.file_suffix", **fields))
    parent = path.parent
    if not parent.is_dir():
        raise SpecError(text("error.file_no_dir", dir=shown(parent), **fields))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise SpecError(text("error.file_dir_locked", dir=shown(parent), **fields))
    longest = os.pathconf(parent, "PC_NAME_MAX")
    if len(os.fsencode(path.name)) > longest:
        raise SpecError(text("error.file_name_long", n=len(path.name), most=longest, **fields))
    if path.is_dir():
        raise SpecError(text("error.file_is_dir", **fields))


def _cannot_write(flag: str, path: Path, e: OSError) -> SpecError:
    reason = e.strerror or type(e).__name__
    return SpecError(text("error.cannot_write", flag=flag, path=shown(path), reason=reason))


def write_atomic(flag: str, path: Path, write: Callable[[BinaryIO], object]) -> None:
    """write(file) into a temporary file beside path, fsync it, then rename it over path.

    Any failure (OSError, MemoryError, KeyboardInterrupt, ...) removes the temporary file and
    leaves path as it was; an OSError becomes a SpecError naming flag and path.
    """
    tmp: str | None = None
    try:
        # beside the target, so the rename stays on one filesystem; a short name of our own,
        # as the target's may be as long as the filesystem allows
        fd, tmp = tempfile.mkstemp(prefix=".rnnx-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fchmod(handle.fileno(), _mode(path))
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
        _fsync_dir(path.parent)
    except OSError as e:
        raise _cannot_write(flag, path, e) from e
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mode(path: Path) -> int:
    """The replaced file's mode, or what open() gives a new file (mkstemp's would be 0600)."""
    with contextlib.suppress(OSError):
        return os.stat(path).st_mode & 0o7777
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable; a filesystem that cannot fsync a directory is fine."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
