"""Reading the files a student's process leaves behind, as hostile input.

Only regular files, opened without following links and without blocking (a FIFO in place of a file
is refused, not waited on), owned by whom the caller expects; sizes checked before reading, an
.npz's members checked against their declared sizes before inflating, and each .npy's header
parsed before its data: a real float or int dtype, a shape whose bytes are exactly what is there.
Anything else is `ProtocolError`. Must not import torch or rich.
"""

import io
import os
import stat
import zipfile
from pathlib import Path

import numpy as np

from rnn_cli.grading.protocol import ProtocolError

OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
DTYPE_KINDS = "fiu"  # float, signed and unsigned int; never object, string, complex or void
HEADER_LIMIT = 10_000  # bytes of an .npy header: a dict of three short fields
HEADERS = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}


def read_file(path: Path, limit: int, owner: int | None = None) -> bytes | None:
    """path's bytes if it is a regular file of at most limit bytes (owned by owner when given);
    None if there is nothing at path; ProtocolError for anything else."""
    try:
        fd = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as e:  # a link (ELOOP), no permission; a FIFO opens at once, non-blocking
        raise ProtocolError(f"{path.name}: {e.strerror}") from None
    try:
        _regular(os.fstat(fd), path.name, limit, owner)
    except ProtocolError:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as f:
        return f.read(limit + 1)[:limit]


def _regular(info: os.stat_result, name: str, limit: int, owner: int | None) -> None:
    """ProtocolError unless a regular file (fdopen would raise for a folder), owner's, small."""
    if not stat.S_ISREG(info.st_mode):
        raise ProtocolError(f"{name} is not a regular file")
    if owner is not None and info.st_uid != owner:
        raise ProtocolError(f"{name} belongs to uid {info.st_uid}")
    if info.st_size > limit:
        raise ProtocolError(f"{name} holds {info.st_size} bytes, past {limit}")


def head(fd: int, limit: int) -> tuple[bytes, bool]:
    """The first limit bytes of the file open as fd, and whether there was more."""
    size = os.fstat(fd).st_size
    return os.pread(fd, limit, 0), size > limit


def read_arrays(raw: bytes, names: tuple[str, ...], limit: int) -> dict[str, np.ndarray]:
    """An .npz's bytes as {name: array}: only members named in names, inflating to at most
    limit bytes in all (declared sizes checked first, then the bytes actually read)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, EOFError) as e:
        raise ProtocolError(f"out.npz is not an npz: {e}") from None
    with archive:
        members = archive.infolist()
        allowed = {f"{name}.npy" for name in names}
        if len(members) > len(names) or any(m.filename not in allowed for m in members):
            raise ProtocolError(f"out.npz holds {[m.filename for m in members][:8]}")
        if sum(m.file_size for m in members) > limit:
            raise ProtocolError(f"out.npz declares more than {limit} bytes")
        return {m.filename[: -len(".npy")]: _member(archive, m, limit) for m in members}


def _member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> np.ndarray:
    try:
        with archive.open(member) as f:
            data = f.read(min(member.file_size, limit) + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as e:
        raise ProtocolError(f"{member.filename}: {e}") from None
    if len(data) != member.file_size:
        raise ProtocolError(f"{member.filename}: {len(data)} bytes, {member.file_size} declared")
    return parse_npy(data, member.filename)


def parse_npy(data: bytes, name: str) -> np.ndarray:
    """One .npy file's bytes as an array, its header checked before its data is looked at."""
    stream = io.BytesIO(data)
    try:
        version = np.lib.format.read_magic(stream)
        read_header = HEADERS.get(version)
        if read_header is None:
            raise ValueError(f"version {version}")
        shape, fortran, dtype = read_header(stream, max_header_size=HEADER_LIMIT)
    except (ValueError, SyntaxError, TypeError, EOFError) as e:
        raise ProtocolError(f"{name}: not an .npy header: {e}") from None
    if dtype.kind not in DTYPE_KINDS or dtype.hasobject or dtype.fields is not None:
        raise ProtocolError(f"{name}: dtype {dtype.str!r:.40} is not a float or int dtype")
    count = 1
    for n in shape:
        count *= n
    body = data[stream.tell() :]
    if len(body) != count * dtype.itemsize:
        raise ProtocolError(f"{name}: {len(body)} bytes for shape {shape} of {dtype.str}")
    flat = np.frombuffer(body, dtype=dtype)
    return flat.reshape(shape, order="F" if fortran else "C").astype(np.float64)
