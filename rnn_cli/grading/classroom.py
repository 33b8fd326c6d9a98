"""A class graded at once: targets and globs expanded, each student's own seed, checks in parallel.

Every student's trouble (no file, no function, a signature no convention fits) is that student's
zero, never the run's exit 2; only what the grader typed wrong (a glob matching nothing, flags no
convention takes) stops the run. Must not import torch, rich or render/.
"""

import glob
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.grading import conventions, run
from rnn_cli.grading.protocol import Failure, FailureKind
from rnn_cli.grading.target import split
from rnn_cli.grading.verdict import Check
from rnn_cli.spec.choices import Backend, Convention
from rnn_cli.spec.config import Spec

GLOB = "*?["


def expand(raws: list[str]) -> list[str]:
    """Each FILE.py:FUNCTION as given; a FILE part with a wildcard as every file it matches."""
    out = []
    for raw in raws:
        module, function = split(raw)  # not MODULE:FUNCTION is the grader's typo: exit 2
        if not any(c in module for c in GLOB):
            out.append(raw)
            continue
        found = sorted(glob.glob(module, recursive=True))
        if not found:
            raise SpecError(text("check.glob_empty", pattern=module))
        out += [f"{path}:{function}" for path in found]
    return out


def student_seed(spec: Spec, raw: str) -> int:
    """A seed of the student's own from the path and --seed: numbers no classmate shares."""
    digest = hashlib.sha256(f"{spec.seed}:{raw}".encode()).digest()
    return int.from_bytes(digest[:4], "big") >> 1


@dataclass(frozen=True)
class Options:
    convention: Convention | None
    reference: Backend
    tolerance: tuple[float, float]
    limits: run.Limits
    per_student: bool  # --seed-per-student


def one(spec: Spec, raw: str, o: Options) -> Check:
    """One student's check; a signature no convention fits is a SpecError (exit 2 when alone)."""
    if o.per_student:
        spec = replace(spec, seed=student_seed(spec, raw))
    return run.check(spec, o.convention, raw, o.reference, o.tolerance, o.limits)


def _one(spec: Spec, raw: str, o: Options) -> Check:
    try:
        return one(spec, raw, o)
    except SpecError as e:  # in a class: their signature fits no convention, or not these flags
        failure = Failure(FailureKind.USAGE, str(e), "")
        return Check(raw, o.convention, o.reference.value, *o.tolerance, (), (), (), failure, spec)


def grade(spec: Spec, raws: list[str], o: Options, jobs: int) -> list[Check]:
    """Every target's check, in the order given, `jobs` at a time."""
    if o.convention is not None:
        conventions.fit(spec, o.convention)  # the grader's flags: refused once, exit 2, not per row
    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        return list(pool.map(lambda raw: _one(spec, raw, o), raws))
    finally:  # Ctrl-C: the students not yet started are not started
        pool.shutdown(wait=True, cancel_futures=True)
