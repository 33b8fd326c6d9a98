"""The sandbox against hostile students, each reproducer of issue 17 run for real: rnnx in its own
process, never past --timeout + 5 s, never a traceback, no student process left, the limits
holding with a hostile resource.py beside the submission, the parent's memory bounded."""

import json
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from rnn_cli.grading import processes
from tests.helpers import process, rnnx

TIMEOUT = 5  # --timeout given to the runs here
BOMB_TIMEOUT = 60  # the student's own deflating of 1.5 GiB takes seconds on a loaded machine
LOOP = ("--convention", "loop")
SECONDS = ("--timeout", str(TIMEOUT))
ROOT = os.geteuid() == 0

# A student's file: a correct loop RNN, and helpers that forge the child's files from inside.
STUDENT = '''
import atexit, json, os, sys, threading, time, zipfile
import numpy as np

BOX = os.environ["HOME"]


def correct(inputs, h0, Wx, Wh, b):
    h, out = h0, []
    for x in inputs:
        h = np.tanh(Wx @ x + Wh @ h + b)
        out.append(h)
    return out


def forge(result, build=None):
    """Write result.json (and out.npz by build) as the child would, then die before it can."""
    with open(os.path.join(BOX, "result.json"), "w") as f:
        f.write(result if isinstance(result, str) else json.dumps(result))
    if build is not None:
        build(os.path.join(BOX, "out.npz"))
    os._exit(0)
'''

OK = {"status": "ok"}
# name: (body of rnn_loop, the failure kind rnnx must report)
FORGED: dict[str, tuple[str, str]] = {
    "fifo_out": ("forge(OK, os.mkfifo)", "garbled"),
    "link_out": ("forge(OK, lambda p: os.symlink('/etc/passwd', p))", "garbled"),
    "malformed_json": ("forge('{not json')", "garbled"),
    "unknown_kind": (
        "forge({'status': 'failed', 'kind': 'nuclear', 'fields': {}, 'traceback': ''})",
        "garbled",
    ),
    "missing_field": ("forge({'status': 'failed', 'kind': 'exception'})", "garbled"),
    "object_dtype": (
        "forge(OK, lambda p: np.savez(p, output=np.array([{}], dtype=object)))",
        "garbled",
    ),
    "string_dtype": ("forge(OK, lambda p: np.savez(p, output=np.array(['1.0'])))", "garbled"),
    "truncated_npy": ("forge(OK, truncated)", "garbled"),
    "deflate_bomb": ("forge(OK, bomb)", "garbled"),
    "raises_exit_2": ("raise SystemExit(2)", "exit"),
    "folder_result": ("os.mkdir(os.path.join(BOX, 'result.json'))\nos._exit(0)", "garbled"),
}
# name: body of a correct function that leaves something running or pending at exit
LINGERS = {
    "lingering_thread": "threading.Thread(target=time.sleep, args=(300,)).start()",
    "atexit_hook": "atexit.register(os.remove, os.path.join(BOX, 'result.json'))",
}
EXTRA = '''
OK = {"status": "ok"}


def truncated(path):
    np.savez(path, output=np.zeros((10, 8)))
    with zipfile.ZipFile(path) as z:
        data = z.read("output.npy")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("output.npy", data[: len(data) // 2])


def bomb(path):
    """1.5 GiB of zeros deflated to about 1.5 MB."""
    header = b"{'descr': '<f8', 'fortran_order': False, 'shape': (201326592,), }"
    header = b"\\x93NUMPY\\x01\\x00v\\x00" + header.ljust(117) + b"\\n"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("output.npy", "w", force_zip64=True) as f:
            f.write(header)
            chunk = bytes(2**24)
            for _ in range(96):
                f.write(chunk)
'''


def student(folder: Path, functions: dict[str, str], extra: str = "") -> Path:
    """folder/student.py: STUDENT, extra, and `def NAME(inputs, h0, Wx, Wh, b): BODY` each."""
    defs = "".join(
        f"\n\ndef {name}(inputs, h0, Wx, Wh, b):\n{textwrap.indent(body, '    ')}\n"
        for name, body in functions.items()
    )
    path = folder / "student.py"
    path.write_text(STUDENT + extra + defs)
    return path


def graded(
    path: Path, function: str, *options: str, timeout: int = TIMEOUT
) -> tuple[int, dict[str, Any]]:
    """rnnx check in its own process, JSON out; a hang past --timeout + 5 s fails the test."""
    seconds = ("--timeout", str(timeout))
    args = ("check", f"{path}:{function}", *LOOP, *seconds, *options, "-f", "json")
    done = process(*args, timeout=timeout + 5)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def passes(path: Path, function: str, *options: str, timeout: int = TIMEOUT) -> None:
    """rnnx check grades path's function as correct: exit 0, every tensor passed."""
    code, doc = graded(path, function, *options, timeout=timeout)
    assert code == 0, doc["failure"]
    assert doc["passed"] is True


@pytest.mark.parametrize("name", sorted(FORGED))
def test_forged_exchange_files_are_the_students_failure(tmp_path: Path, name: str) -> None:
    body, kind = FORGED[name]
    path = student(tmp_path, {name: body}, EXTRA)
    code, doc = graded(path, name, timeout=BOMB_TIMEOUT if "bomb" in name else TIMEOUT)
    assert code == 1
    assert doc["failure"]["kind"] == kind


@pytest.mark.parametrize("name", sorted(LINGERS))
def test_what_lingers_after_the_return_changes_nothing(tmp_path: Path, name: str) -> None:
    body = f"{LINGERS[name]}\nreturn correct(inputs, h0, Wx, Wh, b)"
    passes(student(tmp_path, {name: body}), name)


def test_a_bomb_never_inflates_in_the_parent(tmp_path: Path) -> None:
    """rnnx under a 1 GiB address space still reads the 1.5 GiB bomb as garbled, not a crash."""
    path = student(tmp_path, {"bomb_": "forge(OK, bomb)"}, EXTRA)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    args = [sys.executable, "-m", "rnn_cli", "check", f"{path}:bomb_", *LOOP, "-f", "json"]
    args += ["--memory-limit", "700MiB", "--timeout", str(BOMB_TIMEOUT)]
    done = subprocess.run(
        args, capture_output=True, text=True, timeout=BOMB_TIMEOUT + 5, preexec_fn=cap, check=False
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["failure"]["kind"] == "garbled"


def _alive(pid: int) -> bool:
    """Whether pid runs (a zombie waiting for init to reap it does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


DETACH = ["os.setsid()", "os.setsid(); os.fork() and os._exit(0)"]


def forks(tmp_path: Path, detach: str) -> Path:
    """A correct student that first leaves a process behind, detached by detach."""
    body = (
        "pid = os.fork()\n"
        f"if pid == 0:\n    {detach}\n    print('left', os.getpid(), flush=True)\n"
        "    time.sleep(300)\n    os._exit(0)\n"
        "time.sleep(0.5)\n"
        "return correct(inputs, h0, Wx, Wh, b)"
    )
    return student(tmp_path, {"forks": body})


def left_behind(gradescope: str) -> list[int]:
    """The pids the student printed as left behind, from Gradescope's output."""
    output = json.loads(gradescope)["output"]
    pids = [int(line.split()[1]) for line in output.splitlines() if line.startswith("left ")]
    assert pids, output
    return pids


@pytest.mark.parametrize("detach", DETACH)
def test_no_process_of_the_student_outlives_the_check(tmp_path: Path, detach: str) -> None:
    path = forks(tmp_path, detach)
    done = process("check", f"{path}:forks", *LOOP, *SECONDS, "-f", "gradescope", timeout=15)
    assert done.returncode == 0, done.stdout
    assert not any(_alive(pid) for pid in left_behind(done.stdout))


@pytest.mark.parametrize("detach", DETACH)
def test_without_root_every_descendant_is_killed(
    tmp_path: Path, detach: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The subreaper's way, as rnnx takes it when not root: no uid of the run's own."""
    monkeypatch.setattr(processes, "is_root", lambda: False)
    code, out, _ = rnnx("check", f"{forks(tmp_path, detach)}:forks", *LOOP, "-f", "gradescope")
    assert code == 0, out
    assert not any(_alive(pid) for pid in left_behind(out))


@pytest.mark.skipif(not ROOT, reason="RLIMIT_NPROC does not bind root")
def test_a_fork_bomb_stops_at_the_process_limit(tmp_path: Path) -> None:
    body = (
        "n = 0\nwhile n < 10_000:\n    try:\n        pid = os.fork()\n"
        "    except OSError:\n        break\n"
        "    if pid == 0:\n        time.sleep(300)\n        os._exit(0)\n"
        "    n += 1\n"
        "print('forked', n)\n"
        "return correct(inputs, h0, Wx, Wh, b)"
    )
    path = student(tmp_path, {"bomb": body})
    done = process("check", f"{path}:bomb", *LOOP, *SECONDS, "-f", "gradescope", timeout=15)
    assert done.returncode == 0, done.stdout
    output = json.loads(done.stdout)["output"]
    (count,) = [int(line.split()[1]) for line in output.splitlines() if line.startswith("forked")]
    assert 0 < count < 64
    low, high = processes.UID_RANGE
    assert not [p for p in processes.processes() if low <= p.uid <= high and not p.zombie]


@pytest.mark.skipif(not ROOT, reason="the uid of its own is taken only as root")
def test_the_student_cannot_touch_the_parents_files(tmp_path: Path) -> None:
    grader = tmp_path / "results.json"
    grader.write_text("grader's")
    grader.chmod(0o644)
    body = (
        f"for what in ('/proc/%d/environ' % os.getppid(), {str(grader)!r}):\n"
        "    try:\n        open(what, 'a').write('x')\n        print('wrote', what)\n"
        "    except OSError:\n        print('denied', what)\n"
        "print('uid', os.getuid())\n"
        "return correct(inputs, h0, Wx, Wh, b)"
    )
    path = student(tmp_path, {"writes": body})
    done = process(
        "check", f"{path}:writes", *LOOP, *SECONDS, "-f", "gradescope", timeout=TIMEOUT + 5
    )
    output = json.loads(done.stdout)["output"]
    assert output.count("denied") == 2, output
    assert "wrote" not in output
    assert "uid 0" not in output
    assert grader.read_text() == "grader's"


def test_limits_hold_with_a_hostile_resource_py_beside_the_submission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """resource.py and an rnn_cli/ folder beside the file and in the working directory."""
    (tmp_path / "resource.py").write_text("def setrlimit(*args):\n    pass\n")
    (tmp_path / "rnn_cli" / "grading").mkdir(parents=True)
    for init in ("rnn_cli/__init__.py", "rnn_cli/grading/__init__.py"):
        (tmp_path / init).write_text("")
    (tmp_path / "rnn_cli" / "grading" / "child.py").write_text("print('hijacked')\n")
    path = student(tmp_path, {"hoards": "hoard = np.ones(3 * 2**27)\nreturn hoard"})
    monkeypatch.chdir(tmp_path)
    rnnx_script = str(Path(sys.executable).with_name("rnnx"))  # as a grader runs it, not -m
    args = [rnnx_script, "check", f"{path}:hoards", *LOOP, "--memory-limit", "512MiB", "-f", "json"]
    args += ["--timeout", str(TIMEOUT)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT + 5, check=False)
    assert json.loads(done.stdout)["failure"]["kind"] == "memory"
    assert "hijacked" not in done.stdout + done.stderr


def test_memory_limit_past_the_system_is_clamped(tmp_path: Path) -> None:
    path = student(tmp_path, {"fine": "return correct(inputs, h0, Wx, Wh, b)"})
    passes(path, "fine", "--memory-limit", "1e999")


def test_a_huge_exception_is_cut_to_its_first_and_last_lines(tmp_path: Path) -> None:
    body = "raise ValueError('\\n'.join(f'line {i}' for i in range(3_000_000)))"
    code, doc = graded(student(tmp_path, {"huge": body}), "huge")
    assert code == 1
    trace = doc["failure"]["traceback"]
    assert len(trace.splitlines()) < 40
    assert "line 0" in trace
    assert "line 2999999" in trace


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    body = "print('\\x1b[2J\\x1b[32mpassed')\nraise ValueError('\\x1b[2J\\x1b[32mpassed')"
    path = student(tmp_path, {"clears": body})
    code, out, _ = rnnx("check", f"{path}:clears", *LOOP)
    assert code == 1
    assert "\x1b" not in out
    assert out.count("\\x1b[2J\\x1b[32mpassed") >= 2  # the exception and the print, as text


def test_an_exception_at_import_shows_the_students_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.py"
    path.write_text(
        "import numpy as np\n\n\ndef helper():\n    raise RuntimeError('at import')\n\n\nhelper()\n"
    )
    code, doc = graded(path, "rnn_loop")
    assert code == 1
    trace = doc["failure"]["traceback"]
    assert f'"{path}", line 8' in trace  # where the student keeps it, even when rnnx copied it
    assert 'broken.py", line 5, in helper' in trace
    assert "importlib" not in trace
    assert "at import" in trace


def test_prints_are_captured_and_shown_never_in_json(tmp_path: Path) -> None:
    body = (
        "for i in range(100):\n    print('printed', i)\n"
        "print('to stderr', file=sys.stderr)\nreturn correct(inputs, h0, Wx, Wh, b)"
    )
    path = student(tmp_path, {"talks": body})
    passes(path, "talks")  # json.loads of the whole stdout: nothing mixed in
    code, out, _ = rnnx("check", f"{path}:talks", *LOOP)
    assert code == 0
    assert "printed 0" in out
    assert "printed 19" in out
    assert "printed 20" not in out
    assert "to stderr" in out


def test_a_student_may_import_the_standard_library_and_torch(tmp_path: Path) -> None:
    """As the run's uid, whatever rnnx's own Python can import (even one installed under /root)."""
    body = (
        "import email.mime.text, glob, torch\n"
        "h, out = torch.from_numpy(h0), []\n"
        "for x in torch.from_numpy(inputs):\n"
        "    h = torch.tanh(torch.from_numpy(Wx) @ x + torch.from_numpy(Wh) @ h"
        " + torch.from_numpy(b))\n"
        "    out.append(h)\n"
        "return torch.stack(out)"
    )
    passes(student(tmp_path, {"in_torch": body}), "in_torch", timeout=60)


def test_prints_past_the_file_size_limit_stop_there(tmp_path: Path) -> None:
    """100 MiB printed: the 64 MiB file limit stops the student, rnnx keeps the first lines."""
    body = "for _ in range(100 * 1024):\n    sys.stdout.write('x' * 1023 + '\\n')"
    path = student(tmp_path, {"loud": body})
    code, doc = graded(path, "loud")
    assert code == 1
    assert "File too large" in doc["failure"]["traceback"]
    code, out, _ = rnnx("check", f"{path}:loud", *LOOP)
    assert out.count("x…") == 20  # 20 lines, each cut to its first 500 characters
    assert "only the first lines are kept" in out
