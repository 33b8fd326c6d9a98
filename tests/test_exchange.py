"""What the student's process hands back, parsed as hostile input (grading/protocol.py and
grading/exchange.py) without a child: each malformed shape refused as ProtocolError."""

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rnn_cli.grading.exchange import read_arrays, read_file
from rnn_cli.grading.protocol import FailureKind, ProtocolError, Status, parse_result

LIMIT = 2**20


def npz(**arrays: Any) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_a_real_result_parses() -> None:
    raw = {"status": "failed", "kind": "return", "fields": {"what": "output", "got": "None"}}
    reply = parse_result(json.dumps({**raw, "traceback": ""}).encode())
    assert reply.status is Status.FAILED
    assert reply.kind is FailureKind.RETURN
    assert reply.fields == {"what": "output", "got": "None"}


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        b"[" * 100_000,
        b'{"status": "passed"}',
        b'{"status": "failed", "kind": "nuclear", "fields": {}}',
        b'{"status": "failed", "kind": "exception"}',
        b'{"status": "failed", "kind": "exception", "fields": {"error": "E", "more": "x"}}',
        b'{"status": "failed", "kind": "exception", "fields": {"error": 3}}',
        b'{"status": "failed", "kind": "timeout", "fields": {}}',  # only rnnx decides a timeout
        b'{"status": "failed", "kind": "exit", "fields": {"code": "1"}, "traceback": []}',
    ],
)
def test_a_malformed_result_is_refused(raw: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_result(raw)


def test_texts_are_cut_and_fields_escaped() -> None:
    trace = "\n".join(f"line {i}" for i in range(100_000))
    document = {"status": "failed", "kind": "exception", "fields": {"error": "\x1b[2J"}}
    reply = parse_result(json.dumps({**document, "traceback": trace}).encode())
    assert len(reply.traceback.splitlines()) == 26  # 20 first, a marker, 5 last
    assert reply.fields["error"] == "\\x1b[2J"


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    assert read_file(tmp_path / "absent", LIMIT) is None
    os.mkfifo(tmp_path / "fifo")  # no writer: a blocking open would wait forever
    (tmp_path / "link").symlink_to("/etc/passwd")
    (tmp_path / "big").write_bytes(bytes(LIMIT + 1))
    (tmp_path / "folder").mkdir()
    for name in ("fifo", "link", "big", "folder"):
        with pytest.raises(ProtocolError):
            read_file(tmp_path / name, LIMIT)
    (tmp_path / "fine").write_bytes(b"ok")
    assert read_file(tmp_path / "fine", LIMIT) == b"ok"
    with pytest.raises(ProtocolError):
        read_file(tmp_path / "fine", LIMIT, owner=os.getuid() + 1)


def test_arrays_come_back_as_float64_whatever_their_real_dtype_and_order() -> None:
    a = np.asfortranarray(np.arange(6, dtype=np.int32).reshape(2, 3))
    b = np.linspace(0, 1, 5, dtype=np.float32)
    got = read_arrays(npz(output=a, h_n=b), ("output", "h_n"), LIMIT)
    assert got["output"].dtype == np.float64
    np.testing.assert_array_equal(got["output"], a)
    np.testing.assert_array_equal(got["h_n"], b.astype(np.float64))


@pytest.mark.parametrize(
    "arrays",
    [
        {"output": np.zeros(2, dtype=complex)},
        {"output": np.array(["1.0"])},
        {"output": np.zeros(2, dtype=[("a", "f8")])},
        {"output": np.array([None], dtype=object)},
        {"output": np.zeros(2), "extra": np.zeros(2)},
        {"other": np.zeros(2)},
    ],
)
def test_arrays_other_than_asked_are_refused(arrays: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError):
        read_arrays(npz(**arrays), ("output",), LIMIT)


def test_declared_sizes_are_checked_before_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("output.npy", bytes(LIMIT + 1))
    assert len(buffer.getvalue()) < LIMIT // 100
    with pytest.raises(ProtocolError, match="declares"):
        read_arrays(buffer.getvalue(), ("output",), LIMIT)


def test_a_truncated_or_garbage_npz_is_refused() -> None:
    good = npz(output=np.zeros((4, 4)))
    for raw in (good[: len(good) // 2], b"PK\x03\x04" + bytes(50), b"not a zip"):
        with pytest.raises(ProtocolError):
            read_arrays(raw, ("output",), LIMIT)
