"""--input-shape: a user's own input shape, read the way torch reads it, and the doubts about it.

Pure arithmetic on a Spec: it sets batch_size, seq_len and unbatched. Must not import numpy, torch
or rich.
"""

from dataclasses import replace

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog.lookup import text
from rnn_cli.spec.config import Spec, validate
from rnn_cli.spec.lists import comma_list, parse_ints


def parse(value: str) -> tuple[int, ...]:
    """'64,28,5', '(64, 28, 5)', '64x28x5' or 'torch.Size([64, 28, 5])' -> (64, 28, 5)."""
    return parse_ints("--input-shape", value, "64,28,5")


def _check_rank(spec: Spec, dims: tuple[int, ...]) -> None:
    if len(dims) not in (2, 3):
        raise SpecError(
            text(
                "error.input_shape_rank",
                shape=comma_list(dims),
                n=len(dims),
                cell=spec.cell.name,
            )
        )
    if len(dims) == 3 and spec.unbatched:
        raise SpecError(text("error.input_shape_unbatched", shape=comma_list(dims)))


def _check_features(spec: Spec, dims: tuple[int, ...]) -> None:
    if dims[-1] != spec.input_size:
        raise SpecError(
            text(
                "error.input_shape_features",
                shape=comma_list(dims),
                expected=spec.input_size,
                got=dims[-1],
            )
        )


def _check_agrees(flag: str, given: int | None, read: int, dims: tuple[int, ...]) -> None:
    """An explicit --batch-size/--seq-len (None: not given) must agree with what the shape says."""
    if given is not None and given != read:
        raise SpecError(
            text(
                "error.input_shape_disagrees",
                flag=flag,
                given=given,
                shape=comma_list(dims),
                read=read,
            )
        )


def read(
    spec: Spec, dims: tuple[int, ...], batch_size: int | None = None, seq_len: int | None = None
) -> Spec:
    """spec with N, L (and unbatched for 2-D) taken from dims under spec.batch_first.

    batch_size and seq_len are the flags as given (None when absent): they must agree with dims.
    """
    if spec.lengths is not None:
        raise SpecError(text("error.input_shape_lengths", shape=comma_list(dims)))
    _check_rank(spec, dims)
    _check_features(spec, dims)
    if len(dims) == 2:
        batch, seq = 1, dims[0]  # torch reads 2-D input as one unbatched sequence
    else:
        batch, seq = (dims[0], dims[1]) if spec.batch_first else (dims[1], dims[0])
    _check_agrees("--batch-size", batch_size, batch, dims)
    _check_agrees("--seq-len", seq_len, seq, dims)
    return validate(
        replace(spec, batch_size=batch, seq_len=seq, unbatched=len(dims) == 2, input_shape=dims)
    )


def _layout(spec: Spec) -> str:
    if spec.unbatched:
        return text("read.unbatched")
    return text("read.batch_first" if spec.batch_first else "read.seq_first")


def _dims(spec: Spec, batch: int, seq: int) -> str:
    if spec.unbatched:
        return text("read.dims_2", l=seq, h=spec.input_size)
    return text("read.dims_3", n=batch, l=seq, h=spec.input_size)


def note(spec: Spec) -> tuple[str, ...]:
    """How torch reads --input-shape, each dimension named; nothing without --input-shape."""
    if spec.input_shape is None:
        return ()
    dims = _dims(spec, spec.batch_size, spec.seq_len)
    return (
        text(
            "note.input_shape", shape=comma_list(spec.input_shape), layout=_layout(spec), dims=dims
        ),
    )


def _looks_like_batch(n: int) -> bool:
    """Batch sizes are nearly always powers of two (1, 32, 64); sequence lengths often are not."""
    return n & (n - 1) == 0


def warnings(spec: Spec) -> tuple[str, ...]:
    """The other reading, when the dimension torch takes as time looks like the batch instead."""
    if spec.input_shape is None or spec.unbatched:
        return ()
    n, seq = spec.batch_size, spec.seq_len
    if not _looks_like_batch(seq) or _looks_like_batch(n):
        return ()
    return (
        text(
            "warn.input_shape",
            shape=comma_list(spec.input_shape),
            l=seq,
            n=n,
            other_dims=_dims(spec, seq, n),
            flag="--seq-first" if spec.batch_first else "--batch-first",
        ),
    )
