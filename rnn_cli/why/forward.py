"""The messages a recurrent layer's forward raises (sizes, ranks, dtypes; the cells' too), read
into their numbers and causes; the states' causes come from --expect's misconception rules.

Must not import numpy, torch or rich.
"""

from collections.abc import Callable, Iterator
from typing import Any

from rnn_cli.catalog.lookup import text
from rnn_cli.findings.expectations import misconceptions
from rnn_cli.network import shapes
from rnn_cli.spec.choices import Cell
from rnn_cli.spec.config import Spec
from rnn_cli.why.causes import Candidate, Explained, maybe
from rnn_cli.why.network import Network

Numbers = dict[str, Any]


def _layer(net: Network, cell: bool = False) -> str:
    name = {Cell.RNN: "RNN", Cell.LSTM: "LSTM", Cell.GRU: "GRU"}.get(net.cell or Cell.LSTM, "LSTM")
    return f"nn.{name}Cell" if cell else f"nn.{name}"


def _shape(dims: list[int]) -> str:
    return ", ".join(map(str, dims))


def _batch_axis(net: Network) -> int:
    return 0 if net.batch_first else 1  # torch's own default is seq-first


def input_size(n: Numbers, net: Network, cell: bool = False) -> Explained:
    want, got = n["expected"], n["got"]
    fields = {"want": want, "got": got, "half": got // 2, "layer": _layer(net, cell)}
    causes = [
        Candidate("after_bidirectional", fields, got == 2 * want),
        Candidate("input_size_wrong", fields, got != 2 * want, {"input_size": got}),
        Candidate("features_not_last", fields, False),
    ]
    if got != 2 * want:
        causes = causes[1:] + causes[:1]
    conflict = maybe(
        net.input_size not in (None, want),
        "why.conflict.input_size",
        said=net.input_size,
        want=want,
    )
    named = (text("why.named.input_size", want=want, got=got),)
    return Explained(named, tuple(causes), {"input_size": want}, conflict)


def cell_input_size(n: Numbers, net: Network) -> Explained:
    return input_size(n, net, cell=True)


def _state(n: Numbers) -> str:
    return {None: "h_0", 0: "h_0", 1: "c_0"}[n.get("which")]


DIMS = ("rows", "batch", "features")  # a state's dimensions, as why.dim_<kind> names them


def _dims(state: str, want: list[int], got: list[int]) -> Iterator[str]:
    """Each dimension of a state named, in the message's numbers."""
    kinds = DIMS if len(want) == 3 else (DIMS[0], DIMS[2])
    for i, kind in enumerate(kinds):
        w, g = want[i], got[i] if i < len(got) else None
        key = "why.dim_same" if w == g else f"why.dim_{kind}"
        yield text(key, i=i, state=state, want=w, got=g, meaning=text(f"why.meaning_{kind}"))


def _specs(want: list[int], cell: Cell, state: str, got: list[int]) -> Iterator[Spec]:
    """The networks whose `state` torch expects as `want`: layers × directions split each way,
    either layout, and a projection where the features say one."""
    rows, hidden = want[0], want[-1]
    batch = want[1] if len(want) == 3 else 1
    projections = [(hidden, 0)]
    if cell is Cell.LSTM and state == "h_0" and got[-1] > hidden:
        projections.append((got[-1], hidden))
    if cell is Cell.LSTM and state == "c_0" and 0 < got[-1] < hidden:
        projections.append((hidden, got[-1]))
    for d in (1, 2):
        for h, p in projections:
            for batch_first in (True, False):
                if rows % d == 0:
                    yield Spec(
                        cell=cell,
                        hidden_size=h,
                        proj_size=p,
                        num_layers=rows // d,
                        bidirectional=d == 2,
                        batch_first=batch_first,
                        batch_size=batch,
                        unbatched=len(want) == 2,
                    )


def _misconceptions(n: Numbers, cell: Cell, state: str) -> Iterator[Candidate]:
    want, got = n["expected"], n["got"]
    fields = {"state": state, "shape": _shape(want)}
    for spec in _specs(want, cell, state, got):
        t = next(t for t in shapes.tensors(spec) if t.name == state)
        needs = {"layers": spec.num_layers, "bidirectional": spec.bidirectional}
        needs |= {"hidden_size": spec.hidden_size, "proj_size": spec.proj_size}
        for m in misconceptions(spec, t):
            if list(m.shape) == got and list(t.shape) == want:
                layout = {"batch_first": True} if m.id == "batch_first_state" else {}
                yield Candidate(m.id, fields, True, needs | layout, m.why, "why.fix.state_shape")


def _batch_causes(n: Numbers, net: Network, state: str) -> list[Candidate]:
    want, got = n["expected"], n["got"]
    if len(want) != 3 or len(got) != 3 or want[1] == got[1]:
        return []
    shape = f"{want[0]}, x.size({_batch_axis(net)}), {want[2]}"
    fields = {"state": state, "input": want[1], "built": got[1], "shape": shape}
    bigger = got[1] > want[1]
    return [
        Candidate("last_batch", fields, bigger),
        Candidate("seq_batch_swapped", fields, not bigger),
    ][:: 1 if bigger else -1]


def _conflict(n: Numbers, net: Network) -> str | None:
    """The network said cannot raise this: another cell, or other layers × directions."""
    if net.rows not in (None, n["expected"][0]):
        return text("why.conflict.rows", rows=n["expected"][0], said=net.rows)
    lstm = "which" in n  # only nn.LSTM numbers its states
    if net.cell is None or (net.cell is Cell.LSTM) == lstm:
        return None
    return text("why.conflict.lstm" if lstm else "why.conflict.not_lstm", cell=net.cell.value)


def hidden_size(n: Numbers, net: Network) -> Explained:
    want, got, state = n["expected"], n["got"], _state(n)
    cell = Cell.LSTM if "which" in n else Cell.GRU  # nn.RNN's states are nn.GRU's
    found: dict[str, Candidate] = {}
    for c in _misconceptions(n, cell, state):  # the first reading of each that the network allows
        if net.allows(c.needs):
            found.setdefault(c.id, c)
    causes = list(found.values()) + _batch_causes(n, net, state)
    fields = {"state": state, "shape": _shape(want), "want": want[-1], "got": got[-1]}
    if not causes or want[-1] != got[-1]:  # a state built with other features than the layer's
        size = Candidate("state_size", fields, True, {"hidden_size": want[-1]})
        causes.insert(0 if "projection" in found and not net.proj_size else len(causes), size)
    conflict = _conflict(n, net)
    revealed: dict[str, Any] = {"cell": Cell.LSTM} if "which" in n else {}
    if n.get("which") != 0:  # an LSTM's h_0 may be projected: its features may be proj_size
        revealed["hidden_size"] = want[-1]
    if len(want) == 3:
        revealed["batch_size"] = want[1]
    return Explained(tuple(_dims(state, want, got)), tuple(causes), revealed, conflict)


def input_rank(n: Numbers, net: Network) -> Explained:
    got = n["got"]
    if "expected" in n:  # torch < 1.11 took 3-D input only
        ids = ["old_torch_unbatched"] if got == 2 else ["extra_axis"]
    else:
        ids = {4: ["image_input", "extra_axis"], 1: ["no_feature_axis"]}.get(got, ["extra_axis"])
    fields = {"got": got, "module": n.get("module", _layer(net)[3:])}
    causes = tuple(Candidate(c, fields, i == 0) for i, c in enumerate(ids))
    return Explained((text("why.named.input_rank", **fields),), causes)


def state_rank(n: Numbers, net: Network) -> Explained:
    fields = {"input": n["input"], "got": n["got"], "states": n["states"], "axis": _batch_axis(net)}
    ids = ("state_without_rows",) if n["input"] == 3 else ("input_lost_batch", "state_for_batch")
    causes = tuple(Candidate(c, fields, i == 0) for i, c in enumerate(ids))
    revealed = {"cell": Cell.LSTM} if "cx" in n["states"] else {}
    return Explained((text("why.named.state_rank", **fields),), causes, revealed)


_DTYPES = {
    "Float": "torch.float32",
    "Double": "torch.float64",
    "Long": "torch.int64",
    "Int": "torch.int32",
    "Half": "torch.float16",
}


def dtype(n: Numbers, net: Network) -> Explained:
    given, weight = (_DTYPES.get(n[k], n[k]) for k in ("input", "weight"))
    fields = {"input": given, "weight": weight, "size": net.input_size or "input_size"}
    if "int" in str(given):
        ids = ["token_ids", "int_features"]
    elif given == "torch.float64":
        ids = ["numpy_float64"]
    else:
        ids = ["model_converted"]
    causes = tuple(Candidate(c, fields, i == 0) for i, c in enumerate(ids))
    return Explained((text("why.named.dtype", **fields),), causes)


def cell_batch(n: Numbers, net: Network) -> Explained:
    fields = {
        "input": n["input"],
        "built": n["hidden"],
        "state": f"hidden{n['which']}",
        "shape": f"x.size(0), {net.hidden_size or 'hidden_size'}",
    }
    bigger = n["hidden"] > n["input"]
    causes = (
        Candidate("last_batch", fields, bigger),
        Candidate("state_other_batch", fields, False),
    )
    return Explained((text("why.named.cell_batch", **fields),), causes, {"batch_size": n["input"]})


def cell_hidden_size(n: Numbers, net: Network) -> Explained:
    fields = {
        "state": f"hidden{n['which']}",
        "want": n["expected"],
        "got": n["got"],
        "shape": f"x.size(0), {n['expected']}",
    }
    causes = (Candidate("state_size", fields, True, {"hidden_size": n["expected"]}),)
    named = (text("why.named.cell_hidden_size", **fields),)
    return Explained(named, causes, {"hidden_size": n["expected"]})


def cell_rank(n: Numbers, net: Network) -> Explained:
    fields = {"module": n["module"], "got": n["got"], "layer": n["module"].removesuffix("Cell")}
    causes = (Candidate("sequence_to_cell", fields, True),)
    return Explained((text("why.named.cell_rank", **fields),), causes)


READERS: dict[str, Callable[[Numbers, Network], Explained]] = {
    "input_size": input_size,
    "cell_input_size": cell_input_size,
    "hidden_size": hidden_size,
    "input_rank": input_rank,
    "state_rank": state_rank,
    "dtype": dtype,
    "cell_batch": cell_batch,
    "cell_hidden_size": cell_hidden_size,
    "cell_rank": cell_rank,
}
