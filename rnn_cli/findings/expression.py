"""Code a student pastes, as a tiny expression tree: each node prints itself as torch code (`text`)
and computes the same thing on a run's numpy arrays (`value`), so what rnnx prints and what it
checks are one object and cannot drift apart.

The nodes cover what recipes and identities print: indexing (with torch.arange and lengths - 1
inside), torch.cat along the features, .permute, .view/.reshape, nn.Linear (its value is the
number of features it reads), torch.zeros, and an assignment of several of them.

numpy is loaded inside `value` only, which runs on a run's arrays: building and printing a tree,
as the analytic backend does, loads none. Must not import torch, rich or the backends package.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from rnn_cli.findings.slices import Arrays, concat
from rnn_cli.network.weights import NP_DTYPE
from rnn_cli.spec.choices import DType
from rnn_cli.spec.config import Spec

if TYPE_CHECKING:
    import numpy as np

ALL = slice(None)


class Node(ABC):
    """A piece of torch code and the same computation in numpy."""

    @property
    @abstractmethod
    def text(self) -> str: ...

    @abstractmethod
    def value(self, arrays: Arrays) -> np.ndarray: ...


Item = int | slice | Node
Index = tuple[Item, ...]


def _item_text(i: Item) -> str:
    if isinstance(i, Node):
        return i.text
    if isinstance(i, int):
        return str(i)
    return f"{'' if i.start is None else i.start}:{'' if i.stop is None else i.stop}"


def _numbers(dims: tuple[int, ...]) -> str:
    return ", ".join(map(str, dims))


@dataclass(frozen=True)
class Pick(Node):
    """A named tensor (output, h_n, c_n, lengths), indexed; trailing ':' implied, as in numpy."""

    tensor: str
    index: Index = ()

    @property
    def text(self) -> str:
        index = self.index
        while index and index[-1] == ALL:
            index = index[:-1]
        return self.tensor + (f"[{', '.join(map(_item_text, index))}]" if index else "")

    def value(self, arrays: Arrays) -> np.ndarray:
        index = tuple(i.value(arrays) if isinstance(i, Node) else i for i in self.index)
        return arrays[self.tensor][index]


@dataclass(frozen=True)
class Arange(Node):
    """torch.arange(n): one index per sequence of the batch."""

    n: int

    @property
    def text(self) -> str:
        return f"torch.arange({self.n})"

    def value(self, arrays: Arrays) -> np.ndarray:
        import numpy as np

        return np.arange(self.n)


@dataclass(frozen=True)
class Minus(Node):
    """base - k: lengths - 1, each sequence's last step."""

    base: Node
    k: int

    @property
    def text(self) -> str:
        return f"{self.base.text} - {self.k}"

    def value(self, arrays: Arrays) -> np.ndarray:
        return self.base.value(arrays) - self.k


@dataclass(frozen=True)
class Cat(Node):
    """torch.cat([...], dim=-1): the parts joined along the features."""

    parts: tuple[Node, ...]

    @property
    def text(self) -> str:
        return f"torch.cat([{', '.join(p.text for p in self.parts)}], dim=-1)"

    def value(self, arrays: Arrays) -> np.ndarray:
        return concat([p.value(arrays) for p in self.parts])


@dataclass(frozen=True)
class Permute(Node):
    base: Node
    dims: tuple[int, ...]

    @property
    def text(self) -> str:
        return f"{self.base.text}.permute({_numbers(self.dims)})"

    def value(self, arrays: Arrays) -> np.ndarray:
        permuted: np.ndarray = self.base.value(arrays).transpose(self.dims)  # torch's permute
        return permuted


@dataclass(frozen=True)
class Reshape(Node):
    """.view or .reshape: the same numbers in torch wherever view is allowed (contiguous)."""

    base: Node
    dims: tuple[int, ...]
    method: Literal["view", "reshape"] = "reshape"

    @property
    def text(self) -> str:
        return f"{self.base.text}.{self.method}({_numbers(self.dims)})"

    def value(self, arrays: Arrays) -> np.ndarray:
        return self.base.value(arrays).reshape(self.dims)


@dataclass(frozen=True)
class Linear(Node):
    """nn.Linear reading in_features; its value is that number, to compare with what it reads."""

    in_features: int

    @property
    def text(self) -> str:
        return f"nn.Linear(in_features={self.in_features}, out_features=num_classes)"

    def value(self, arrays: Arrays) -> np.ndarray:
        import numpy as np

        return np.array(self.in_features)


@dataclass(frozen=True)
class Zeros(Node):
    """torch.zeros in the network's dtype: torch refuses a float32 h_0 for a float64 network."""

    dims: tuple[int, ...]
    dtype: DType

    @property
    def text(self) -> str:
        given = "" if self.dtype is DType.FLOAT32 else f", dtype=torch.{self.dtype.value}"
        return f"torch.zeros({_numbers(self.dims)}{given})"  # float32 is torch's default

    def value(self, arrays: Arrays) -> np.ndarray:
        import numpy as np

        return np.zeros(self.dims, dtype=NP_DTYPE[self.dtype])


@dataclass(frozen=True)
class Assign:
    """A statement, `h_0, c_0 = ..., ...`; its value is one array per name."""

    names: tuple[str, ...]
    values: tuple[Node, ...]

    @property
    def text(self) -> str:
        return f"{', '.join(self.names)} = {', '.join(v.text for v in self.values)}"

    def value(self, arrays: Arrays) -> tuple[np.ndarray, ...]:
        return tuple(v.value(arrays) for v in self.values)


Code = Node | Assign  # an expression, or a statement (the initial state)
# what Code computes: Assign gives one array per name
Value: TypeAlias = "np.ndarray | tuple[np.ndarray, ...]"


def step(spec: Spec, t: int, features: slice = ALL, batch_first: bool | None = None) -> Pick:
    """output at time step t, the chosen features, laid out as batch_first says (spec's own
    layout unless given): output[:, -1] is the last step batch-first, output[-1] seq-first."""
    first = spec.batch_first if batch_first is None else batch_first
    if spec.unbatched:
        return Pick("output", (t, features))  # (L, D·H_out)
    if first:
        return Pick("output", (ALL, t, features))  # (N, L, D·H_out)
    return Pick("output", (t, ALL, features))  # (L, N, D·H_out)


def own_step(spec: Spec, features: slice = ALL) -> Pick:
    """output at each sequence's own last step, lengths - 1 (a packed batch, so never unbatched)."""
    rows, last = Arange(spec.batch_size), Minus(Pick("lengths"), 1)
    if spec.batch_first:
        return Pick("output", (rows, last, features))
    return Pick("output", (last, rows, features))
