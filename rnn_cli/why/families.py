"""The messages `rnnx why` knows: each family a stable id and the patterns of its wordings
(torch 2.13's first, then the older ones still pasted everywhere), whose named groups are the
message's numbers. Must not import numpy, torch or rich.

The current wordings are checked against torch itself by tests/test_why_torch.py; each older one
has a fixture in tests/test_why_older.py saying where it was seen.
"""

import re
from dataclasses import dataclass

Value = int | float | str | list[int]
SHAPE = r"[\d, ]*"  # "2, 4, 8" inside brackets or parentheses
DTYPE = r"torch\.\w+"


@dataclass(frozen=True)
class Family:
    id: str  # stable, English: the JSON's "error"
    patterns: tuple[str, ...]  # the current wording first


def _f(id: str, *patterns: str) -> Family:
    return Family(id, patterns)


FAMILIES: tuple[Family, ...] = (
    # the constructor
    _f("dropout_range", r"dropout should be a number in range \[0, 1\]"),
    _f(
        "dropout_one_layer",
        r"non-zero dropout expects num_layers greater than 1, but got "
        r"dropout=(?P<dropout>[\d.e-]+) and num_layers=(?P<num_layers>\d+)",
    ),
    _f("size_type", r"(?P<name>input_size|hidden_size) should be of type int, got: (?P<type>\w+)"),
    _f(
        "size_not_positive",
        r"(?P<name>input_size|hidden_size|num_layers) must be greater than zero",
    ),
    _f("proj_negative", r"proj_size should be a positive integer or zero to disable projections"),
    _f("proj_not_smaller", r"proj_size has to be smaller than hidden_size"),
    _f("proj_not_lstm", r"proj_size argument is only supported for LSTM, not RNN or GRU"),
    _f("nonlinearity", r"Unknown nonlinearity '(?P<nonlinearity>[^']*)'"),
    # the layer's forward
    _f(
        "input_size",
        r"input\.size\(-1\) must be equal to input_size\. Expected (?P<expected>\d+), "
        r"got (?P<got>\d+)",
    ),
    _f(
        "hidden_size",
        rf"Expected hidden(?:\[(?P<which>[01])\])? size \((?P<expected>{SHAPE})\), "
        rf"got [\[(](?P<got>{SHAPE})[\])]",
    ),
    _f(
        "input_rank",
        r"(?P<module>RNN|LSTM|GRU): Expected input to be 2D or 3D, got (?P<got>\d)D instead",
        r"input must have (?P<expected>\d) dimensions, got (?P<got>\d)",  # torch < 1.11
    ),
    _f(
        "state_rank",
        r"For (?:un)?batched (?P<input>[23])-D input, (?P<states>hx|hx and cx) should also be "
        r"[23]-D but got \(?(?P<got>\d)-D",
    ),
    _f(
        "dtype",
        rf"RNN input dtype \((?P<input>{DTYPE})\) does not match weight dtype "
        rf"\((?P<weight>{DTYPE})\)",
        r"expected scalar type (?P<weight>\w+) but found (?P<input>\w+)",  # torch 1.5-1.12
        r"Expected object of scalar type (?P<weight>\w+) but got scalar type (?P<input>\w+)",
    ),
    # the cells: nn.RNNCell, nn.LSTMCell, nn.GRUCell
    _f(
        "cell_input_size",
        r"input has inconsistent input_size: got (?P<got>\d+),? expected (?P<expected>\d+)",
    ),
    _f(
        "cell_batch",
        r"Input batch size (?P<input>\d+) doesn't match hidden\[?(?P<which>[01])\]? batch size "
        r"(?P<hidden>\d+)",
    ),
    _f(
        "cell_hidden_size",
        r"hidden\[?(?P<which>[01])\]? has inconsistent hidden_size: got (?P<got>\d+),? "
        r"expected (?P<expected>\d+)",
    ),
    _f("cell_rank", r"(?P<module>\w+Cell): Expected input to be 1D or 2D, got (?P<got>\d)D"),
    # packing
    _f(
        "lengths_type",
        r"'lengths' argument should be a 1D CPU int64 tensor, but got (?P<rank>\d)D "
        r"(?P<device>[\w:]+) (?P<type>\w+) tensor",
    ),
    _f("lengths_zero", r"Length of all samples has to be greater than 0"),
    _f(
        "lengths_unsorted",
        r"`lengths` array must be sorted in decreasing order when `enforce_sorted` is True",
        r"lengths array has to be sorted in decreasing order",  # torch < 1.1
    ),
    _f(
        "lengths_count",
        r"Expected `len\(lengths\)` to be equal to batch_size, but got (?P<got>\d+) "
        r"\(batch_size=(?P<batch>\d+)\)",
    ),
    _f(
        "total_length",
        r"Expected total_length to be at least the length of the longest sequence in input, "
        r"but got total_length=(?P<total_length>\d+) and max sequence length being "
        r"(?P<longest>\d+)",
    ),
    _f(
        "empty",
        r"Cannot pack empty tensors",
        r"received an empty list of sequences",
        r"Expected sequence length to be larger than 0 in RNN",
    ),
    _f(
        "packed_to_tensor_op",
        r"(?P<op>\w+)\(\): argument 'input' \(position 1\) must be Tensor, not PackedSequence",
        r"'PackedSequence' object has no attribute '(?P<attribute>\w+)'",
    ),
    # devices and cuDNN (CUDA only: fixtures)
    _f(
        "device",
        r"Input and (?P<other>hidden|parameter) tensors are not at the same device, found input "
        r"tensor at (?P<input>[\w:]+) and (?:hidden|parameter) tensor at (?P<device>[\w:]+)",
    ),
    _f("not_contiguous", r"rnn: (?P<state>hx|cx) is not contiguous"),
    _f("cudnn_eval_backward", r"cudnn RNN backward can only be called in training mode"),
    _f("flatten_parameters", r"RNN module weights are not part of single contiguous chunk"),
    # after the RNN
    _f(
        "matmul",
        r"mat1 and mat2 shapes cannot be multiplied \((?P<rows>\d+)x(?P<features>\d+) and "
        r"(?P<in_features>\d+)x(?P<out_features>\d+)\)",
        # torch < 1.7: m2 is the weight as stored, (in, out) of nn.Linear's x @ W.T
        r"size mismatch, m1: \[(?P<rows>\d+) x (?P<features>\d+)\], m2: \[(?P<in_features>\d+) "
        r"x (?P<out_features>\d+)\]",
    ),
    _f(
        "tuple_to_tensor_op",
        r"(?P<op>\w+)\(\): argument 'input' \(position 1\) must be Tensor, not tuple",
    ),
    _f(
        "unpack",
        r"(?P<kind>not enough|too many) values to unpack \(expected (?P<expected>\d+)"
        r"(?:, got (?P<got>\d+))?\)",
    ),
    _f("tuple_attribute", r"'tuple' object has no attribute '(?P<attribute>\w+)'"),
    _f("view_stride", r"view size is not compatible with input tensor's size and stride"),
    _f(
        "target_size",
        rf"Expected target size [\[(](?P<expected>{SHAPE})[\])], "
        rf"got (?:torch\.Size\()?\[(?P<got>{SHAPE})\]",
    ),
    _f(
        "loss_batch",
        r"Expected input batch_size \((?P<input>\d+)\) to match target batch_size "
        r"\((?P<target>\d+)\)",
    ),
)

BY_ID = {f.id: f for f in FAMILIES}
_COMPILED = tuple((f, re.compile(p)) for f in FAMILIES for p in f.patterns)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


@dataclass(frozen=True)
class Found:
    family: Family
    numbers: dict[str, Value]  # the named groups the message filled, as numbers where numbers
    message: str  # the line it was found on, as the student saw it


def clean(text: str) -> str:
    """ANSI colours (notebook tracebacks) and Windows line ends gone."""
    return _ANSI.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


def _value(raw: str) -> Value:
    if re.fullmatch(r"\d+", raw):
        return int(raw)
    if re.fullmatch(r"[\d, ]*,[\d, ]*|", raw):  # a shape: "2, 4, 8"; "" is ()
        return [int(n) for n in raw.replace(" ", "").split(",") if n]
    if re.fullmatch(r"\d*\.\d+(?:e-?\d+)?", raw):
        return float(raw)
    return raw


def _line(text: str, start: int, end: int) -> str:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : len(text) if last < 0 else last].strip()


def find(text: str) -> Found | None:
    """The last message in text that a family knows (a traceback ends with its cause)."""
    text = clean(text)
    hits = [(m.start(), f, m) for f, pattern in _COMPILED for m in pattern.finditer(text)]
    if not hits:
        return None
    _, family, match = max(hits, key=lambda hit: hit[0])
    numbers = {k: _value(v) for k, v in match.groupdict().items() if v is not None}
    return Found(family, numbers, _line(text, match.start(), match.end()))
