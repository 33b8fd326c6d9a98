"""What every family's reader hands back: the numbers named, the causes that fit them (each a
catalog key and its fields, or a sentence already made by --expect's misconception rules), the
options the message revealed, and where the network said contradicts the message.

Must not import numpy, torch or rich.
"""

from dataclasses import dataclass, field
from typing import Any

from rnn_cli.catalog.lookup import text

# every cause rnnx why names by its own sentence (why.cause.<id>) and fix (why.fix.<id>); a cause
# made by --expect's misconception rules brings its sentence and names its fix (fix_key)
CAUSES: tuple[str, ...] = (
    "after_bidirectional",
    "backward_in_eval",
    "bidirectional_linear",
    "dropout_not_number",
    "dropout_one_layer",
    "dropout_percent",
    "empty_batch",
    "empty_sequence",
    "enforce_sorted",
    "extra_axis",
    "features_not_last",
    "float_config",
    "gru_state_pair",
    "hn_all_layers",
    "image_input",
    "input_lost_batch",
    "input_size_wrong",
    "int_features",
    "last_batch",
    "lengths_not_1d",
    "lengths_on_gpu",
    "lengths_other_batch",
    "lengths_type",
    "linear_doubled",
    "linear_in_features",
    "logits_last_step",
    "logits_nlc",
    "loss_rows",
    "lstm_three_values",
    "model_converted",
    "model_device",
    "no_feature_axis",
    "nonlinearity_choice",
    "numpy_float64",
    "old_torch_unbatched",
    "pack_layout",
    "packed_output",
    "proj_minus_one",
    "proj_not_lstm",
    "proj_not_smaller",
    "rnn_returns",
    "rnn_returns_tuple",
    "seq_batch_swapped",
    "sequence_to_cell",
    "sequential_rnn",
    "size_zero",
    "state_device",
    "state_for_batch",
    "state_other_batch",
    "state_size",
    "state_transposed",
    "state_tuple",
    "state_without_rows",
    "targets_not_flattened",
    "time_flattened",
    "token_ids",
    "total_length_short",
    "true_division",
    "unpack_tensor",
    "view_after_transpose",
    "weights_not_flat",
)


@dataclass(frozen=True)
class Candidate:
    id: str  # stable, English: the JSON's cause id
    fields: dict[str, Any]  # the catalog's {placeholders}
    likely: bool = True  # the numbers point at it, not merely allow it
    needs: dict[str, Any] = field(default_factory=dict)  # network options it takes (Network names)
    says: str | None = None  # made already (a misconception of --expect); else why.cause.<id>
    fix_key: str | None = None  # else why.fix.<id>

    def __post_init__(self) -> None:
        if self.says is None or self.fix_key is None:
            assert self.id in CAUSES, "declare the cause {self.id!r} in CAUSES"

    def said(self) -> str:
        return self.says if self.says is not None else text(f"why.cause.{self.id}", **self.fields)

    def fix(self) -> str:
        return text(self.fix_key or f"why.fix.{self.id}", **self.fields)


@dataclass(frozen=True)
class Explained:
    named: tuple[str, ...]  # one sentence per number of the message
    causes: tuple[Candidate, ...]  # most likely first
    revealed: dict[str, Any] = field(default_factory=dict)  # rnnx shape options it shows
    conflict: str | None = None  # the network said cannot have raised it: why


def maybe(flag: bool, key: str, **fields: Any) -> str | None:
    """The sentence for key when flag holds (a conflict with what was said)."""
    return text(key, **fields) if flag else None
