"""More draws where one could hide a mistake: the seeds that tell mistakes apart, found here.

One draw can give a mistake the correct numbers (a relu that zeroes the first step hides an
ignored h0; a hidden size of 1 makes W_hh its own transpose), or give two mistakes the same
numbers (an all-zero output). Before the student's function runs again, the float64 reference
tries derived seeds in this process and keeps the few on which each such pair differs; a pair
no seed separates gives the same numbers on this network, and is said to. Must not import torch,
rich or the backends package.
"""

import itertools
from dataclasses import replace

import numpy as np

from rnn_cli.grading import conventions
from rnn_cli.grading.reference import Fault, forward
from rnn_cli.grading.verdict import Diagnosis, faults, reproduces
from rnn_cli.spec.choices import Convention
from rnn_cli.spec.config import Spec

SEARCH = 24  # derived seeds tried here, in the parent; the student's function runs on few of them

Tol = tuple[float, float]
Pair = tuple[Fault | None, Fault]  # None: the correct function


def seed(spec: Spec, k: int) -> int:
    """The k-th draw after the student's own: a seed derived from theirs, short to retype."""
    return (spec.seed + 1) * 1000 + k


def _outputs(
    spec: Spec, convention: Convention, made: set[Fault | None], names: tuple[str, ...]
) -> dict[Fault | None, dict[str, np.ndarray]]:
    inputs, _ = conventions.prepare(spec, convention)
    with np.errstate(all="ignore"):  # a wrong activation may overflow on purpose
        return {
            f: {n: t for n, t in forward(spec, *inputs, f).tensors().items() if n in names}
            for f in made
        }


def _apart(out: dict[Fault | None, dict[str, np.ndarray]], pair: Pair, tol: Tol) -> bool:
    a, b = pair
    return not reproduces(out[b], out[a], *tol)


def hidden(spec: Spec, convention: Convention, names: tuple[str, ...], tol: Tol) -> list[Fault]:
    """The mistakes whose numbers on spec's draw equal the correct ones."""
    every = faults(spec, convention)
    out = _outputs(spec, convention, {None, *every}, names)
    return [f for f in every if not _apart(out, (None, f), tol)]


def separating(
    spec: Spec, convention: Convention, pairs: list[Pair], names: tuple[str, ...], tol: Tol
) -> tuple[list[int], list[Pair]]:
    """Seeds, chosen greedily, on which every pair differs somewhere; the pairs none of SEARCH
    parts (they give the same numbers on this network)."""
    left, chosen = list(pairs), []
    made = {f for pair in pairs for f in pair}
    for k in range(1, SEARCH + 1):
        if not left:
            break
        s = seed(spec, k)
        out = _outputs(replace(spec, seed=s), convention, made, names)
        parted = [p for p in left if _apart(out, p, tol)]
        if parted:
            chosen.append(s)
            left = [p for p in left if p not in parted]
    return chosen, left


def pairs_of(found: tuple[Diagnosis, ...]) -> list[Pair]:
    return [(a.fault, b.fault) for a, b in itertools.combinations(found, 2)]
