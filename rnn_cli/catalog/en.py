"""rnnx's sentences in English: the reference catalog every other language mirrors key for key.

Plain data. Must not import anything beyond the stdlib and catalog.notation.
"""

from typing import Final

from rnn_cli.catalog.notation import NOTATION

EN: Final[dict[str, str]] = {
    **NOTATION,  # equations, symbols, marks and code: the same in every language
    # dimensions of tensors
    "dim.batch": "batch_size {n}",
    "dim.seq": "seq_len {n} time steps",
    "dim.input": "input_size {n} features",
    "dim.hidden": "hidden_size {h}",
    "dim.proj": "proj_size {p} (projected from hidden_size {h})",
    "dim.hidden_2dir": "{n} = 2 directions × hidden_size {h}",
    "dim.proj_2dir": "{n} = 2 directions × proj_size {p}",
    "dim.packed_steps": "{n} = {terms}: every real time step, padding dropped",
    "dim.batch_sizes": "seq_len {n}: batch_sizes[t] = sequences still running at step t",
    "dim.cell_state": "hidden_size {h} (the cell state is never projected)",
    "dim.rows_1dir": "{n} = layers {layers} × directions 1, one row per layer: row = layer",
    "dim.rows_2dir": (
        "{n} = layers {layers} × directions 2, ordered {order}: row = 2·layer + direction"
    ),
    # parameters, torch's gate blocks
    "param.gates": "{g} gates ({names}) × hidden {h}",
    "param.one_gate": "hidden {h}",
    "param.by_input": "{rows} by input {i}",
    "param.by_below_1dir": "{rows} by {i}, the features of layer {below}'s output",
    "param.by_below_2dir": "{rows} by {i} = 2 directions × {h_out} from layer {below}",
    "param.by_hidden": "{rows} by hidden {h}",
    "param.by_proj": "{rows} by proj {p} (h_t is projected)",
    "param.proj": "proj {p} by hidden {h}: h_t = W_hr (o_t ⊙ tanh(c_t))",
    # notes under the tensor table, each shown only where it applies
    "note.torch_default": (
        "rnnx defaults to batch_first=True, input (N, L, H_in); torch's own default is "
        "batch_first=False, i.e. seq-first (L, N, H_in)."
    ),
    "note.seq_first": "seq-first (batch_first=False): input and output are (L, N, features).",
    "note.proj": ("proj_size {p}: output and h_n carry {p} features; c_n keeps hidden_size {h}."),
    "note.unbatched": (
        "unbatched input (L, H_in): the batch axis is dropped from input, output and the states "
        "({states}); batch_first is ignored, as in torch."
    ),
    "note.bidirectional": (
        "output[..., :{h}] is the forward direction, output[..., {h}:] the backward one."
    ),
    "note.dropout": (
        "dropout {p} acts between layers, in training only: this inference run applies none."
    ),
    "note.dropout_one_layer": (
        "dropout {p} with 1 layer does nothing: torch applies it after every layer but the last."
    ),
    "note.packed": (
        "packed lengths {lengths}: output is zero past each sequence's own length, so {last} "
        "is padding for the short ones; their last step is {own}."
    ),
    "note.returns_lstm": "nn.LSTM returns a nested tuple: output, (h_n, c_n) = lstm(x).",
    "note.returns": (
        "nn.{cell} returns output, h_n (no c_n): output, (h_n, c_n) = {name}(x) fails with "
        "ValueError: unpacking iterates h_n's dimension 0, of size {rows}, not 2."
    ),
    "note.h_n_not_doubled": (
        "h_n keeps {h} features, not 2 × {h}: its directions are rows of dimension 0; only "
        "output joins them ({n})."
    ),
    "note.recipes_need_values": (
        "recipes and identities are checked on computed numbers: with --backend analytic they "
        "are unchecked (?); run with --backend torch or numpy."
    ),
    "note.more": (
        "{params} parameters in {tensors} tensors, {mult_adds} multiply-adds: "
        "--params for the table"
    ),
    "note.torch_warning": "torch warned: {message}",
    "note.onednn_proj": (
        "torch runs LSTM with proj_size on its default kernel, not oneDNN: same numbers, "
        "slower on CPU."
    ),
    # rnnx compare
    "cmp.chosen": "the network you have (--cell)",
    "cmp.c_n_new": "c_n: new, the LSTM's cell state",
    "cmp.c_n_gone": "c_n: gone, only the LSTM keeps a cell state",
    "cmp.params": "parameters {ratio}: {g} gate blocks ({names})",
    "cmp.params_plain": "parameters {ratio}: one weight block, no gates",
    "cmp.unchanged": "output and h_n: unchanged",
    "cmp.h_out": "output and h_n: {h} features instead of {was}",
    "cmp.dropped": (
        "proj_size and nonlinearity belong to one cell: the other cells run without them."
    ),
    "cmp.dropout": "dropout acts in training only: no backend applies it here.",
    "cmp.title_cells": "What changes when you swap the cell?",
    "cmp.title_backends": "Is it the same network? {backends}, same parameters and input",
    "cmp.col_cell": "cell",
    "cmp.col_params": "parameters",
    "cmp.col_mult_adds": "mult-adds",
    "cmp.col_changes": "what changed",
    "cmp.col_diff": "max |Δ|",
    "cmp.col_verdict": "verdict",
    "cmp.col_seconds": "forward (median of {n})",
    "cmp.same": "✓ same",
    "cmp.differs": "✗ differs",
    "cmp.summary_match": "every backend agrees (atol {atol:g})",
    "cmp.summary_mismatch": "backends disagree (atol {atol:g})",
    "cmp.mismatch": "{names} differ between {backends} beyond atol {atol:g}",
    # headings and summary lines
    "title.shape": "{cell} · {backend} backend · {dtype}",
    "col.tensor": "tensor",
    "col.shape": "shape",
    "col.dims": "dimensions",
    "col.parameter": "parameter",
    "col.count": "count",
    "col.meaning": "meaning",
    "sum.total": "total parameters",
    "sum.bytes": "parameter bytes",
    "sum.mult_adds": "multiply-adds per forward pass",
    "sum.estimate": "estimated memory to compute",
    "head.notes": "notes",
    # rnnx explain: nonlinearities, gates, terms, gate packing (the equations are in NOTATION).
    # Written h_(t-1), not h_{t-1}: every entry goes through str.format.
    "act.tanh_proj": "tanh, then W_hr: (−∞, ∞)",
    "act.mix": "none (a mix)",
    "gate.rnn.h": "the whole memory, rewritten every step from x_t and h_(t-1)",
    "gate.lstm.i": "input gate: how much of the candidate g_t is written into the cell",
    "gate.lstm.f": "forget gate: how much of c_(t-1) is kept (1) or forgotten (0)",
    "gate.lstm.g": "candidate: the new content that could be written",
    "gate.lstm.o": "output gate: how much of the cell is let out into h_t",
    "gate.lstm.c": "cell state: kept old memory plus admitted new content",
    "gate.lstm.h": "hidden state: the gated view of the cell, passed on and output",
    "gate.lstm.h_proj": "hidden state, projected to P features: passed on and output",
    "gate.gru.r": "reset gate: how much of h_(t-1) the candidate n_t may see",
    "gate.gru.z": "update gate: how much of h_(t-1) is kept (1) instead of replaced (0)",
    "gate.gru.n": "new gate: the candidate state, built from x_t and the reset h_(t-1)",
    "gate.gru.h": "hidden state: z_t blends the old state with the candidate",
    "col.equation": "equation",
    "col.nonlinearity": "nonlinearity",
    "col.term": "term",
    "col.as": "as",
    "col.blocks": "stacks along dim 0",
    "col.rows": "rows",
    "title.explain": "nn.{cell}: one time step t of layer 0, {sizes}",
    "title.terms": "every term, for this configuration",
    "title.packing": (
        "how torch packs the gates (layer 0, forward; every layer and direction alike)"
    ),
    "term.x": "the input at step t (layer 0)",
    "term.x_above": "layer k > 0: the layer below's h_t, both directions concatenated",
    "term.h_prev": "the previous hidden state; h_0 (zeros unless passed) at t = 0",
    "term.c_prev": "the previous cell state; c_0 at t = 0",
    "term.w_ih": "input-to-hidden weights (layer 0)",
    "term.w_hh": "hidden-to-hidden weights",
    "term.b": "biases",
    "term.product": "each matrix product, before the nonlinearity",
    "term.gates": "the gates, one number per hidden unit",
    "term.c": "the cell state (never projected)",
    "term.o_tanh_c": "the hidden state before projection",
    "term.w_hr": "the projection, weight_hr_l0",
    "term.h": "the new hidden state: the output at step t",
    "explain.batched": (
        "With a batch, torch multiplies row-wise: x_t W_i·ᵀ, {n_in} @ {t_in} → {n_out}."
    ),
    "explain.chunk": "weight_ih_l0.chunk({g}, 0) returns ({blocks}), in that order.",
    "explain.gru_bhn": (
        "b_hn (bias_hh_l0[{rows}]) sits inside r_t ⊙ (W_hn h_(t-1) + b_hn): the reset gate "
        "scales it, so it cannot be folded into b_in."
    ),
    "explain.states": "{states}: each layer's {values} at its last step, t = {last}.",
    "explain.states_2dir": (
        "{states}: each layer's {values} where its direction finishes: forward at "
        "t = {last}, backward at t = 0 (it runs t = {last} … 0)."
    ),
    "explain.states_packed": (
        "{states}: each sequence's {values} at its own last step t = length_b − 1 "
        "({ends}): packing skips the padding after it."
    ),
    "explain.states_packed_2dir": (
        "{states}: each sequence's forward {values} at its own last step "
        "t = length_b − 1 ({ends}); the backward direction starts there and finishes at t = 0."
    ),
    "explain.proj": (
        "proj_size {p}: h_t = W_hr (o_t ⊙ tanh(c_t)) has {p} features, so weight_hh is "
        "({rows}, {p}) and output and h_n carry {p}."
    ),
    "explain.layers": (
        "Layer k > 0 reads x_t = the layer below's output, D·H_out = {d}·{h_out} = {i} "
        "features: weight_ih_l1 is ({rows}, {i})."
    ),
    "explain.bidirectional": (
        "Every parameter has a _reverse twin of the same shape: the backward direction runs "
        "t = L−1 … 0 (packed: from each sequence's own last step) with its own weights."
    ),
    "explain.no_bias": "--no-bias: no b terms, no bias_ih or bias_hh.",
    "explain.both": "{a} and {b}",
    # rnnx diagram
    "diagram.title": "nn.{cell} unrolled: layers {layers} × directions {d} × time steps {steps}",
    "diagram.layer": "layer {k} {arrow}",
    "diagram.input": "input",
    "diagram.features": "{i} features",
    "diagram.output_1dir": "{out} is the top layer's h_t: {h} features.",
    "diagram.output_2dir": (
        "{out} = [forward h_t | backward h_t] of the top layer: 2·{h} = {n} features."
    ),
    "diagram.legend": (
        "■ a step whose state becomes h_n (row shown at the arrow's end); □ any other step; "
        "h_0 enters where each direction starts."
    ),
    "diagram.legend_lstm": "Each arrow carries h_t and c_t; c_n rows match h_n rows.",
    "diagram.legend_2dir": (
        "Both directions of a layer read the same x_t; the layer above reads them concatenated."
    ),
    "diagram.legend_skip": "… stands for steps {first} to {last}, drawn alike.",
    "diagram.ends": "last step of",
    "diagram.ends_many": "{n} seqs",
    "diagram.legend_packed": (
        "Packed lengths {lengths}: each sequence b stops at its own last step t = length_b − 1 "
        "({ends}); its forward state there becomes h_n[row, b] (■ in the forward rows, b named "
        "in the '{ends_row}' row where the step is drawn), and its output is zero after it."
    ),
    "diagram.legend_packed_2dir": (
        "The backward direction starts at each sequence's own last step, where its h_0 enters, "
        "and finishes at t = 0: its h_n rows come from t = 0 for every sequence."
    ),
    # recipes: what to paste, checked on the run's tensors
    "title.recipes": "recipes, checked on this run's numbers",
    "title.recipes_unchecked": "recipes (unchecked: --backend analytic computes no numbers)",
    "col.recipe": "recipe",
    "col.purpose": "what it is for",
    "recipe.fails": "✗ fails here",
    "recipe.not": "not {wrong}",
    "recipe.same_here": "equal on these numbers, by chance",
    "recipe.summary": "the sequence summary for a classifier: the top layer's final state",
    "recipe.summary_wrong_layer": "h_n[0] is the bottom layer; the top layer comes last",
    "recipe.summary_2dir": "the sequence summary for a classifier: top layer, both final states",
    "recipe.summary_wrong_last": "same shape, but its backward half has read one step",
    "recipe.classifier": "the layer that reads the summary: in_features is its last dimension",
    "recipe.classifier_wrong": "only one direction",
    "recipe.top_directions": "the same summary from h_n's last two rows: permute, then flatten",
    "recipe.top_directions_wrong": "without the permute, view pairs rows of different sequences",
    "recipe.layers_directions": "h_n split by layer: [k, 0] is layer k's final state",
    "recipe.layers_directions_2dir": (
        "h_n split by layer and direction: [k, 0] is layer k forward, [k, 1] backward"
    ),
    "recipe.last_valid": "each sequence's last real output (forward); lengths as a tensor",
    "recipe.last_valid_wrong": "the last padded step: zeros for sequences shorter than L",
    "recipe.backward": "the backward direction's final state: it runs L−1 … 0, ends at t = 0",
    "recipe.backward_packed": (
        "the backward direction's final state: sequence b's starts at its own last step "
        "length_b − 1 (not L − 1) and ends at t = 0"
    ),
    "recipe.backward_wrong": "where the backward direction starts, after one step",
    "recipe.backward_wrong_packed": "where each sequence's backward direction starts, not ends",
    "recipe.initial_state": (
        "optional (zeros when left out): {name}(x, h_0); batch_first does not apply"
    ),
    "recipe.initial_state_lstm": (
        "optional (zeros when left out): lstm(x, (h_0, c_0)); batch_first does not apply"
    ),
    "recipe.initial_state_wrong": "batch_first never applies to the states",
    # identities checked on the run's numbers
    "title.identities": "identities, checked on this run's numbers",
    "col.claim": "claim",
    "col.torch_says": "torch says",
    "col.numbers": "these numbers",
    "id.expected": "always",
    "id.trap": "not in general",
    "id.legend": (
        "✓ equal, ✗ differ: what these numbers show. always: torch guarantees it; not in "
        "general: a look-alike. green and blue are the expected outcomes, red a surprise."
    ),
    "id.holds": "✓ equal",
    "id.differs": "✗ differ",
    "id.last": "output is the top layer's h_t at every step; h_n[-1] is its last step",
    "id.forward": "the forward half at the last step is the top layer's forward h_n",
    "id.backward": "the backward direction runs t = L−1 … 0, so it finishes at t = 0",
    "id.backward_packed": (
        "the backward direction of sequence b starts at its own last step length_b − 1 "
        "and finishes at t = 0"
    ),
    "id.trap_backward": "at the last step the backward direction has taken only its first step",
    "id.trap_cat": (
        "output's last step is not the summary: its backward half has read one step; the "
        "concatenation is (see recipes)"
    ),
    "id.packed_last": "sequence {b} stops at its own length {n}: its h_n is output at step {t}",
    "id.trap_packed": (
        "padded steps are zero: {last} is a short sequence's padding, not its last step"
    ),
    "id.trap_layer0": "h_n[0] is layer 0; the top layer's rows come last",
    "id.trap_layout_bf": "with batch_first=True this indexes the last sequence, not the last step",
    "id.trap_layout_sf": "with batch_first=False this indexes the last sequence, not the last step",
    "note.trap_holds": (
        "a trap holds on these numbers only because of this configuration (one time step, or "
        "relu zeros on both sides); it does not hold in general."
    ),
    # --input-shape
    "read.unbatched": "unbatched, 2-D",
    "read.dims_3": "N = {n} sequences, L = {l} time steps, H_in = {h} features",
    "read.dims_2": "L = {l} time steps, H_in = {h} features",
    "note.input_shape": "--input-shape {shape} read as torch reads it ({layout}): {dims}.",
    "warn.input_shape": (
        "--input-shape {shape}: torch reads {l} time steps of a batch of {n}, but {l} looks like "
        "a batch size (a power of two) and {n} does not. If you meant {other_dims}, pass {flag} "
        "or x.transpose(0, 1)."
    ),
    "head.warnings": "warnings",
    # a packed batch's sequences and their last steps, shared by explain and diagram
    "seq.end": "b={b} at t={t}",
    # rnnx code: comments in the generated script
    "code.header": (
        "# nn.{cell} as rnnx builds it; prints the shapes rnnx shows (its numbers differ)."
    ),
    # rnnx sweep
    "title.sweep": "sweep · {n} configurations · {backend} backend",
    "sweep.same": "in every configuration: {shapes}",
    "sweep.progress": "running {n} configurations",
    "sweep.rejected": (
        "set aside {n} of {total} configurations that torch rejects, for example: {reason}"
    ),
    "code.seed": "# --seed {seed} mod 2**63: torch takes 64-bit seeds",
    "code.lengths": "# one length per sequence, on the CPU",
    # --expect: a student's shape answer, right or wrong and why
    "exp.holds": "{name} has this shape, as torch gives it",
    "exp.doubled": (
        "dimension {i}: {f}, not {got}: the two directions are separate rows of dimension 0 "
        "({rows} = {layers} layers × 2 directions); only output joins them along its last "
        "dimension"
    ),
    "exp.output_x2": (
        "dimension {i}: {f}, not {h}: output joins the two directions along its last dimension "
        "({f} = 2 directions × {h})"
    ),
    "exp.batch_first_state": (
        "batch_first never applies to {name}: it is always (layers·directions, batch, features) "
        "= ({shape}), whatever the input's layout"
    ),
    "exp.rows_directions": (
        "dimension 0: {rows}, not {layers}: one row per layer and per direction ({rows} = "
        "{layers} layers × 2 directions); the backward direction has rows of its own"
    ),
    "exp.rows_layers": (
        "dimension 0: {rows}, not {d}: one row per layer and per direction ({rows} = {layers} "
        "layers × {d} directions); every layer leaves its own final state"
    ),
    "exp.proj_h": (
        "dimension {i}: {f}, not {got}: with proj_size {p}, h_t is projected from hidden_size "
        "{h} to {p} features before output and h_n store it"
    ),
    "exp.proj_c": (
        "dimension {i}: hidden_size {h}, not proj_size {p}: the cell state is never projected; "
        "proj_size applies to h_t (output and h_n) only"
    ),
    "exp.unbatched": (
        "{name} has no batch axis: unbatched input (L, H_in) drops it from every tensor, "
        "h_n and c_n included"
    ),
    "exp.batch_kept": (
        "{name} keeps its batch axis at dimension {i} (batch_size {n}): only 2-D (unbatched) "
        "input drops it"
    ),
    "exp.layout_bf": (
        "batch_first=True: {name} is (batch, seq, features) = ({shape}); (seq, batch, …) is "
        "torch's default, seq-first"
    ),
    "exp.layout_sf": (
        "seq-first (batch_first=False): {name} is (seq, batch, features) = ({shape}); "
        "(batch, seq, …) needs batch_first=True"
    ),
    "exp.rank": "{name} has {n} dimensions, not {got}: {dims}",
    "exp.dim": "dimension {i}: {want}, not {got} ({meaning})",
    "exp.mismatch": "--expect: torch disagrees on {names}; the reason is printed with each answer",
    "head.expectations": "Your answers (--expect)",
    # errors: one line each, naming the flag, the value and the fix (`rnnx: error: ` goes before)
    "error.lang_env": "RNNX_LANG: unknown language {value!r}; choose from {choices}",
    "error.not_positive": "{flag} must be at least 1: got {value}; pass a positive whole number",
    "error.negative": "{flag} must be 0 or more: got {value}; pass e.g. {flag} 0",
    "error.proj_lstm_only": (
        "--proj-size applies to --cell lstm only: proj_size={proj_size}, cell={cell}; "
        "drop --proj-size or use --cell lstm"
    ),
    "error.proj_not_smaller": (
        "--proj-size must be smaller than --hidden-size: proj_size={proj_size}, "
        "hidden_size={hidden_size} (torch: proj_size has to be smaller than hidden_size)"
    ),
    "error.nonlinearity_rnn_only": (
        "--nonlinearity applies to --cell rnn only: nonlinearity={nonlinearity}, cell={cell}; "
        "drop --nonlinearity (LSTM and GRU gates are fixed)"
    ),
    "error.dropout_range": "--dropout must be in [0, 1): got {dropout}; pass e.g. --dropout 0.2",
    "error.unbatched_batch": (
        "--batch-size does not apply with --unbatched: batch_size={batch_size}; "
        "drop --unbatched or --batch-size"
    ),
    "error.lengths_unbatched": (
        "--lengths needs a batch: lengths={lengths} with --unbatched; drop one"
    ),
    "error.lengths_positive": (
        "--lengths must be positive whole numbers: got {lengths}; e.g. --lengths 10,7,3"
    ),
    "error.lengths_mismatch": (
        "--lengths {lengths} means batch_size {n} and seq_len {l}: got batch_size={batch_size}, "
        "seq_len={seq_len}; drop --batch-size/--seq-len"
    ),
    "error.cuda_backend": (
        "--device cuda runs on --backend torch only: backend={backend}; "
        "drop --device cuda or use --backend torch"
    ),
    "error.no_cuda": (
        "--device cuda: torch sees no CUDA GPU on this machine "
        "(torch.cuda.is_available() is False); use --device cpu"
    ),
    "error.unknown_choice": "{flag}: unknown choice {name!r} in {raw!r}; choose from {allowed}",
    "error.empty_choices": "{flag} is empty; give a comma list such as {example}",
    "error.input_shape_rank": (
        "--input-shape {shape} has {n} dimensions: nn.{cell} expects 2-D (L, H_in) or 3-D "
        "input; drop or merge dimensions"
    ),
    "error.input_shape_unbatched": (
        "--input-shape {shape} has 3 dimensions but --unbatched wants 2, (L, H_in); "
        "drop --unbatched or the batch dimension"
    ),
    "error.input_shape_features": (
        "--input-shape {shape}: input.size(-1) must be equal to input_size. Expected "
        "{expected}, got {got} (torch's message); the last dimension is the features of each "
        "x_t: pass --input-size {got}, or reshape x so its last dimension is {expected}"
    ),
    "error.input_shape_disagrees": (
        "{flag} {given} disagrees with --input-shape {shape}, which gives {read}; "
        "drop {flag}: --input-shape sets it"
    ),
    "error.input_shape_lengths": (
        "--input-shape {shape} and --lengths both set the batch; drop one of them"
    ),
    "error.grid_minimum": "{flag} takes values of at least {minimum}: got {got} in {value!r}",
    "error.grid_item": "{flag} takes a comma list of {expected}: got {item!r} in {value!r}",
    "grid.bools": "true, false or {both}",
    "grid.ints": "whole numbers",
    "grid.floats": "numbers",
    "error.max_configs": (
        "--max-configs: the grid holds {total:,} configurations, more than "
        "max_configs={max_configs:,}; shorten the comma lists or raise --max-configs"
    ),
    "budget.half": "half of the {free} available",
    "error.memory": (
        "--max-memory: this run needs about {need} (estimated), over the budget of {budget} "
        "({source}); use --backend analytic for the shapes without computing, or raise "
        "--max-memory"
    ),
    "error.in_config": "configuration {i} of {n} ({label}): {error}",
    "error.no_tensors": (
        "--backend {backend} computes no tensors here; use --backend torch or numpy"
    ),
    "error.shape_mismatch": "{name}: the backend gave {shape}, the arithmetic {expected}",
    "error.save_analytic": (
        "--save needs computed values: backend=analytic; use --backend torch or numpy"
    ),
    "error.backends_two": (
        "--backends needs two different backends to compare: got {backends!r}; "
        "use e.g. --backends torch,numpy"
    ),
    "error.backends_analytic": (
        "--backends: analytic computes no values to compare; use e.g. torch,numpy"
    ),
    "error.ints": (
        "{flag} must be positive whole numbers separated by commas: got '{raw}'; "
        "pass e.g. {flag} {example}"
    ),
    "error.expect_name": (
        "--expect takes NAME=SHAPE with NAME one of {names}: got {raw!r}; e.g. --expect h_n=4,1,8"
    ),
    "error.expect_shape": (
        "--expect {name}=SHAPE needs positive whole numbers separated by commas: got {raw!r}; "
        "e.g. --expect h_n=4,1,8"
    ),
    "error.contradict": "{first} and {then} contradict each other: give one of them",
    "error.twice": "{flag} given twice ({first}, then {then}): give it once",
    "exp.feature_hidden": "hidden_size {h}",
    "exp.feature_proj": "proj_size {p}",
    # rnnx check
    "check.bad_fit": (
        "{given} does not fit --convention {convention}: {fix}, or use --convention torch"
    ),
    "check.bad_target": (
        "TARGET must be FILE.py:FUNCTION or package.module:FUNCTION: got {target!r}; e.g. "
        "examples/check/loop_correct.py:rnn_loop"
    ),
    "check.no_file": "TARGET {target}: there is no file {path}; check the path",
    "check.missing": "TARGET {target}: no {missing} there; check the name",
    "check.bad_timeout": (
        "--timeout must be a positive number of seconds: got {value}; e.g. --timeout 10"
    ),
    "error.tolerance": ("{flag} must be a finite number, 0 or more: got {value}; e.g. {flag} 1e-6"),
    "check.conv_one_bias": (
        "b = bias_ih_l0 + bias_hh_l0: torch's two biases summed into the one bias this "
        "convention takes."
    ),
    "check.conv_transposed": (
        "Wx = weight_ih_l0ᵀ (D, G·H) and Wh = weight_hh_l0ᵀ (H, G·H): transposed, as x @ Wx "
        "multiplies."
    ),
    "check.conv_gates": "gate blocks re-ordered from torch's {torch} to {order}.",
    "check.conv_c0_zero": (
        "c0 = 0: lstm_forward starts its cell state at zero, so the reference does too."
    ),
    "check.conv_h0": "h0 holds seeded random numbers, not zeros.",
    "check.fail_timeout": "did not return within --timeout {seconds} s (an endless loop?): stopped",
    "check.fail_killed": (
        "the process ended (exit status {code}) without returning: os._exit, a crash, or a limit"
    ),
    "check.fail_exception": "raised {error}",
    "check.fail_exit": "called sys.exit({code}) instead of returning",
    "check.fail_memory": "ran out of memory: it asked for more than --memory-limit allows",
    "check.fail_return": "returned {got} where {what} was expected",
    "check.square_rerun": (
        "a rerun with --input-size {size} (square weights) was needed to see this."
    ),
    "mistake.transposed_w_hh": (
        "W_hh used transposed: h·W_hh where {convention} means W_hh·h (block by block)"
    ),
    "mistake.transposed_weights": (
        "weights used transposed (W_ih and W_hh): np.dot(x, Wx) where the layout asks for "
        "np.dot(Wx, x), or the other way round"
    ),
    "mistake.bias_missing": "the bias left out",
    "mistake.bias_ih_only": "bias counted once: only bias_ih, where torch adds bias_ih and bias_hh",
    "mistake.bias_hh_only": "bias counted once: only bias_hh, where torch adds bias_ih and bias_hh",
    "mistake.activation_swapped": "{got} where --nonlinearity {want} asks for {want}",
    "mistake.gate_order": (
        "gates in {order} order while --convention {convention} stacks them {expected}"
    ),
    "mistake.gru_reset_before_matmul": (
        "reset gate applied before the matmul, W_hn(r ⊙ h) as in d2l, where torch computes r ⊙ "
        "(W_hn h + b_hn)"
    ),
    "mistake.gru_update_swapped": (
        "update gate the other way round: h' = z ⊙ n + (1 − z) ⊙ h, where torch has h' = (1 − "
        "z) ⊙ n + z ⊙ h"
    ),
    "mistake.h_c_swapped": "h and c swapped: (c_n, h_n) returned where (h_n, c_n) is expected",
    "mistake.c_as_output": "the cell state c_t returned as the output, where h_t is expected",
    "mistake.backward_not_reversed": (
        "backward direction not reversed: it walks t = 0 … L−1 like the forward one"
    ),
    "mistake.backward_not_rereversed": (
        "backward direction's outputs not re-reversed: output[t] holds its step L−1−t"
    ),
    "mistake.h0_ignored": "h0 ignored: the recurrence starts from zeros, not from the h0 passed in",
    "mistake.state_not_carried": (
        "hidden state not carried: every step starts again from h0 instead of the previous step's h"
    ),
    "mistake.off_by_one": (
        "off by one time step: output[t] holds h_(t−1), the state stored before the update"
    ),
    "check.title": (
        "rnnx check · {target} · --convention {convention} · reference {reference} float64"
    ),
    "check.col_expected": "expected",
    "check.col_got": "got",
    "check.col_verdict": "verdict",
    "check.col_max_abs": "max |Δ|",
    "check.col_max_rel": "max rel",
    "check.col_first": "first divergence",
    "check.pass": "pass",
    "check.fail": "FAIL",
    "check.shape_differs": "shape differs",
    "check.not_returned": "not returned",
    "check.at": "{where}: expected {expected:.6g}, got {got:.6g}",
    "check.where_layer": "layer {layer}",
    "check.where_direction": "direction {d}",
    "check.where_batch": "batch row {b}",
    "check.where_feature": "feature {f}",
    "check.head_layout": "layout",
    "check.head_failure": "your function failed",
    "check.head_diagnosis": "looks like",
    "check.no_diagnosis": "no single usual mistake reproduces these numbers",
    "check.passed": "passed: every tensor within atol {atol:g} + rtol {rtol:g}·|expected|",
    "check.failed": (
        "failed: {n} of {total} tensors differ beyond atol {atol:g} + rtol {rtol:g}·|expected|"
    ),
    "check.failed_run": "failed: the function gave no tensors",
    "check.gs_tensor": "{name}: shape and values",
    "check.gs_run": "runs and returns",
    # hardening: files, output streams, resources (issue 13)
    "error.file_suffix": (
        "{flag} must name a {suffix} file: {name}={path}; use e.g. {flag} {example}"
    ),
    "error.file_is_dir": (
        "{flag} names a directory: {name}={path}; give a file name such as {example}"
    ),
    "error.file_no_dir": (
        "{flag}: directory {dir} does not exist: got {path}; create it or pick another path"
    ),
    "error.file_dir_locked": (
        "{flag}: cannot write into directory {dir} (permission denied): got {path}; "
        "pick a writable directory"
    ),
    "error.file_name_long": (
        "{flag}: the file name is {n} characters, longer than this filesystem's {most}: "
        "got {path}; pick a shorter name"
    ),
    "error.cannot_write": (
        "{flag}: cannot write {path}: {reason}; the old file, if any, is untouched; "
        "pick a writable path"
    ),
    "error.stdout_closed": (
        "standard output is closed, so nothing could be printed; "
        "run rnnx with stdout open (drop '>&-') or redirect it to a file"
    ),
    "error.stdout_failed": (
        "cannot write to standard output: {reason}; free space on its device or redirect "
        "stdout elsewhere"
    ),
    "error.interrupted": "interrupted (Ctrl-C); nothing was saved",
    "error.out_of_memory": (
        "ran out of memory although the estimate fitted the budget; lower --max-memory, "
        "shrink the network or batch, or use --backend analytic"
    ),
    "note.parameters_not_listed": (
        "parameters not listed: {per} rows per layer × {layers:,} layers = {rows:,} rows, more "
        "than the {most:,} rnnx lists; the totals below count every one"
    ),
    "error.diagram_layers": (
        "--layers {layers:,}: a diagram draws at most {most} layers, one line per layer and "
        "direction; use --layers {most} or fewer, or rnnx shape --backend analytic for the totals"
    ),
    "error.size": (
        "{flag} takes a size of at least 1 byte, such as 4GiB, 512MiB, 2GB or 1e9: got '{value}'"
    ),
    "error.size_too_large": (
        "{flag} must be at most 2**63 - 1 (torch keeps sizes as 64-bit integers): got {value}; "
        "pass a smaller whole number"
    ),
    "error.list_not_finite": (
        "{flag} takes finite numbers: got '{item}' in '{value}'; drop it or pass e.g. 0.1,0.2"
    ),
    "error.grid_too_large": (
        "--max-configs: the grid holds {total:,} configurations, more than the {most:,} a sweep "
        "ever runs; shorten the comma lists or split the sweep"
    ),
    "error.os": "{what}: {reason}; check that it exists and can be read and written",
    "cmp.h_out_2dir": (
        "output: {o} features instead of {o_was} (2 directions × {h}); h_n: {h} instead of {was}"
    ),
    "exp.proj_h_2dir": (
        "dimension {i}: {f}, not {got}: with proj_size {p}, each direction's h_t is projected "
        "from hidden_size {h} to {p} features, and output joins the 2 directions ({f} = 2 × {p})"
    ),
    "error.expect_csv": (
        "--expect answers with a reason, which CSV has no column for: use --format table, json "
        "or markdown"
    ),
    "recipe.summary_wrong_padded": (
        "same shape, but zero padding for the sequences shorter than L, and for the longest the "
        "backward half has read one step"
    ),
    "error.computed_layers": (
        "--layers {layers}: --backend {backend} builds at most {most:,} layers (deeper ones take "
        "minutes); use --backend analytic for the shapes of any depth"
    ),
    "check.memory_too_low": (
        "--memory-limit {value} is below {least}, what the child process needs to load Python and "
        "numpy before the function runs; pass e.g. --memory-limit 512MiB"
    ),
    # catalog hygiene: check's fixes from the catalog, so a Korean refusal is Korean throughout
    "check.fix_drop": "drop {flag}",
    "check.fix_cell": "use --cell {allowed}",
    "check.fix_seq_first": "drop {flag} (x is (N, T, D))",
    "check.or": "{a} or {b}",
    # why: `rnnx why`, a torch error message decoded (rnn_cli/why/)
    "why.unknown": (
        "no error rnnx knows is in this text; rnnx why reads these families: {families}"
    ),
    "why.no_text": (
        "rnnx why needs the message: pass it in quotes, or pipe it in "
        "(python train.py 2>&1 | rnnx why)"
    ),
    "why.head_message": "torch said",
    "why.head_checked": "What torch checked",
    "why.head_numbers": "Its numbers",
    "why.head_causes": "Causes that give exactly these numbers, most likely first",
    "why.head_command": "See the right shapes",
    "why.head_conflict": "Your network",
    "why.col_cause": "cause",
    "why.col_fix": "fix",
    "why.likely": "likely",
    "why.possible": "possible",
    "why.no_cause": "no cause fits both the message and the network you gave",
    "why.checked.dropout_range": "nn.RNN/LSTM/GRU checked that dropout is a number from 0 to 1",
    "why.checked.dropout_one_layer": (
        "nn.RNN/LSTM/GRU warned that dropout acts only between stacked layers"
    ),
    "why.checked.size_type": "nn.RNN/LSTM/GRU checked that each size is a Python int",
    "why.checked.size_not_positive": "nn.RNN/LSTM/GRU checked that each size is at least 1",
    "why.checked.proj_negative": "nn.LSTM checked that proj_size is 0 or more",
    "why.checked.proj_not_smaller": "nn.LSTM checked that proj_size is smaller than hidden_size",
    "why.checked.proj_not_lstm": "nn.RNN and nn.GRU refused proj_size, which only nn.LSTM takes",
    "why.checked.nonlinearity": "nn.RNN checked its nonlinearity: 'tanh' or 'relu'",
    "why.checked.input_size": (
        "the layer checked that the last dimension of its input, the features of each time "
        "step, equals the input_size it was built with"
    ),
    "why.checked.hidden_size": (
        "the layer checked the shape of the initial state you passed against the one it "
        "computes from its own settings and your input"
    ),
    "why.checked.input_rank": (
        "the layer checked that its input has 3 dimensions (batched) or 2 (one unbatched sequence)"
    ),
    "why.checked.state_rank": (
        "the layer checked that the initial state has a batch axis exactly when the input has one"
    ),
    "why.checked.dtype": "the layer checked that the input has the dtype of its weights",
    "why.checked.cell_input_size": (
        "the cell checked that the features of its input equal the input_size it was built with"
    ),
    "why.checked.cell_batch": "the cell checked that its input and its state hold as many rows",
    "why.checked.cell_hidden_size": (
        "the cell checked that its state has the hidden_size it was built with"
    ),
    "why.checked.cell_rank": (
        "the cell checked that its input is one time step: 2 dimensions (batch, features) or 1"
    ),
    "why.checked.lengths_type": "packing checked that lengths is a 1-D int64 tensor on the CPU",
    "why.checked.lengths_zero": "packing checked that every sequence has at least one step",
    "why.checked.lengths_unsorted": (
        "packing checked that lengths go from longest to shortest (enforce_sorted=True)"
    ),
    "why.checked.lengths_count": (
        "packing checked that there is one length per sequence of the batch"
    ),
    "why.checked.total_length": (
        "unpacking checked that total_length leaves room for the longest sequence"
    ),
    "why.checked.empty": "packing or the layer checked that there is at least one time step",
    "why.checked.packed_to_tensor_op": (
        "an operation that takes a Tensor was handed a PackedSequence"
    ),
    "why.checked.device": "the layer checked that its input, state and weights share one device",
    "why.checked.not_contiguous": (
        "cuDNN checked that the initial state lies contiguously in memory"
    ),
    "why.checked.cudnn_eval_backward": (
        "cuDNN refused a backward pass through a layer in eval mode"
    ),
    "why.checked.flatten_parameters": (
        "cuDNN warned that the layer's weights are not one block of memory"
    ),
    "why.checked.matmul": (
        "a matrix product, nn.Linear's (rows × features) @ (in_features × out_features), "
        "checked that the features equal in_features"
    ),
    "why.checked.tuple_to_tensor_op": "an operation that takes a Tensor was handed a tuple",
    "why.checked.unpack": "Python checked that the values unpacked match the names on the left",
    "why.checked.tuple_attribute": "Python looked for a Tensor's attribute on a tuple",
    "why.checked.view_stride": (
        "view() checked that the new shape can reuse the tensor's memory as it lies"
    ),
    "why.checked.target_size": (
        "the loss checked the targets' shape against the logits, reading dimension 1 of the "
        "logits as the classes"
    ),
    "why.checked.loss_batch": "the loss checked that logits and targets have as many rows",
    "why.meaning_rows": "layers × directions",
    "why.meaning_batch": "the batch",
    "why.meaning_features": "the features",
    "why.dim_same": "dimension {i} is {meaning}: {want}, as the layer expects",
    "why.dim_rows": (
        "dimension {i} is {meaning}: the layer has {want} rows (one per layer and direction); "
        "your {state} was built with {got}"
    ),
    "why.dim_batch": (
        "dimension {i} is {meaning}: your input has {want} sequences; your {state} was built "
        "for {got}"
    ),
    "why.dim_features": (
        "dimension {i} is {meaning}: the layer's states have {want}; your {state} has {got}"
    ),
    "why.conflict.input_size": (
        "you gave --input-size {said}, but the layer that raised this was built with {want}"
    ),
    "why.conflict.rows": (
        "the layer that raised this has {rows} rows of layers × directions; the network you "
        "gave has {said}"
    ),
    "why.conflict.lstm": "only nn.LSTM raises this message, and you gave --cell {cell}",
    "why.conflict.not_lstm": "nn.LSTM never raises this message, and you gave --cell {cell}",
    "why.conflict.layers": "the layer that raised this has {got} layers; you gave --layers {said}",
    "why.named.input_size": (
        "input_size is {want}; each time step of your input has {got} features"
    ),
    "why.named.input_rank": "your input has {got} dimensions",
    "why.named.state_rank": ("your input has {input} dimensions; your {states} has {got}"),
    "why.named.dtype": "your input is {input}; the layer's weights are {weight}",
    "why.named.cell_batch": (
        "your input has {input} rows (the batch); {state} was built for {built}"
    ),
    "why.named.cell_hidden_size": (
        "the cell's hidden_size is {want}; your {state} has {got} features"
    ),
    "why.named.cell_rank": "your input to {module} has {got} dimensions",
    "why.named.dropout_one_layer": "dropout {dropout} with num_layers {num_layers}",
    "why.named.size_type": "{name} arrived as a {type}",
    "why.named.size_not_positive": "{name} arrived as 0 or less",
    "why.named.nonlinearity": "nonlinearity was given as '{nonlinearity}'",
    "why.named.lengths_type": "lengths has {rank} dimensions and is on {device}",
    "why.named.lengths_count": (
        "you gave {got} lengths; the tensor packed has {batch} where it reads the batch"
    ),
    "why.named.total_length": (
        "total_length {total_length}; the longest sequence has {longest} steps"
    ),
    "why.named.packed_to_tensor_op": "the operation: {what}",
    "why.named.device": "your input is on {input}; the {other} tensors are on {device}",
    "why.named.not_contiguous": "the state that is not contiguous: {state}",
    "why.named.matmul": (
        "{rows} rows of {features} features met an nn.Linear that takes {in_features} "
        "features and gives {out_features}"
    ),
    "why.named.unpack_not_enough": "{expected} names on the left; the value held {got}",
    "why.named.unpack_too_many": "{expected} names on the left; the value held more",
    "why.named.tuple_attribute": "the attribute asked for: .{attribute}",
    "why.named.target_size": (
        "logits (batch {batch}, time {time}, classes {classes}): the loss read {time} as the "
        "classes, so it expected targets ({batch}, {classes}); yours are ({batch}, {time})"
    ),
    "why.named.loss_batch": "the logits have {input} rows; the targets {target}",
    "why.cause.after_bidirectional": (
        "the layer before it is bidirectional: its output joins both directions, 2 × {half} = "
        "{got} features, and this layer was built for {want}"
    ),
    "why.cause.input_size_wrong": (
        "input_size is set to {want}, but your data has {got} features per step (the last "
        "dimension is always the features, whatever batch_first says)"
    ),
    "why.cause.features_not_last": (
        "the features are not on the last axis: data laid out (batch, features, time), as a "
        "Conv1d or a spectrogram gives it, puts the time steps ({got}) last"
    ),
    "why.cause.last_batch": (
        "the last batch is smaller than batch_size: your input has {input} sequences, but "
        "{state} was built for {built}; build it from the input, or pass drop_last=True to "
        "the DataLoader"
    ),
    "why.cause.seq_batch_swapped": (
        "time and batch are swapped: the layer reads batch from dimension 1 unless "
        "batch_first=True, so batch-first data gives it its time steps ({input}) as the batch, "
        "while {state} was built for {built} sequences"
    ),
    "why.cause.state_size": (
        "{state} was built with {got} features, but the layer's states have {want} "
        "(hidden_size, or proj_size for an LSTM's h_0)"
    ),
    "why.cause.old_torch_unbatched": (
        "torch before 1.11 takes 3-D input only: one sequence (L, features) needs a batch axis"
    ),
    "why.cause.image_input": (
        "an image batch (N, C, H, W) went in as it is: a recurrent layer reads (N, L, features), "
        "e.g. each image row as a time step"
    ),
    "why.cause.extra_axis": (
        "an axis too many: an unsqueeze, a one-hot or a channel axis left a dimension of size 1"
    ),
    "why.cause.no_feature_axis": (
        "a sequence of single numbers (L,) has no feature axis: each step needs a vector"
    ),
    "why.cause.state_without_rows": (
        "the state was built as (batch, hidden): a layer's state always starts with layers × "
        "directions, (L·D, batch, hidden), even for one layer (c_0 too, for an LSTM)"
    ),
    "why.cause.input_lost_batch": (
        "your input lost its batch axis (x[0], squeeze(), a batch of one): 2-D input is read as "
        "one unbatched sequence, while your state is batched"
    ),
    "why.cause.state_for_batch": (
        "for one unbatched sequence the state is (layers × directions, hidden), with no batch axis"
    ),
    "why.cause.token_ids": (
        "your input holds integers, token ids: a recurrent layer reads vectors of features, so "
        "the ids go through nn.Embedding first; model.to(torch.int64), as torch suggests, "
        "cannot work (weights must be floating point)"
    ),
    "why.cause.int_features": (
        "your features are numbers stored as integers: convert them to the weights' dtype"
    ),
    "why.cause.numpy_float64": (
        "NumPy makes float64 arrays and torch.from_numpy keeps float64; the layer is float32"
    ),
    "why.cause.model_converted": (
        "the model was converted (model.double(), model.half()) and the input was not"
    ),
    "why.cause.state_other_batch": (
        "the state was carried over from another batch (a previous iteration, another batch size)"
    ),
    "why.cause.sequence_to_cell": (
        "a whole sequence went to {module}, which takes one time step: loop over time, or use "
        "nn.{layer}"
    ),
    "why.cause.dropout_percent": (
        "dropout is a probability, not a percentage: 20 % is dropout=0.2 (1 and above is refused)"
    ),
    "why.cause.dropout_not_number": (
        "dropout was given something else, e.g. a bool or an nn.Dropout layer"
    ),
    "why.cause.dropout_one_layer": (
        "dropout acts between stacked layers only; with num_layers={num_layers} there is none, "
        "so dropout={dropout} does nothing: stack a second layer, or put nn.Dropout({dropout}) "
        "on the output"
    ),
    "why.cause.true_division": (
        "/ gives a float even when it divides evenly: hidden_dim / 2 is 128.0, not 128"
    ),
    "why.cause.float_config": "the size came from a config or argparse as a float",
    "why.cause.size_zero": (
        "a size computed from something else came out 0: e.g. hidden // 4 with hidden < 4, or "
        "x.size(2) of a tensor with no features"
    ),
    "why.cause.proj_minus_one": "proj_size=-1 does not switch projection off; 0 does",
    "why.cause.proj_not_smaller": (
        "proj_size shrinks h_t from hidden_size features: it must be smaller; 0 means none"
    ),
    "why.cause.proj_not_lstm": "only nn.LSTM projects its h_t; nn.GRU and nn.RNN take no proj_size",
    "why.cause.nonlinearity_choice": (
        "nn.RNN takes 'tanh' or 'relu', in lower case; nn.LSTM and nn.GRU take none"
    ),
    "why.cause.lengths_on_gpu": (
        "lengths was moved to the GPU with the batch; packing reads it on the CPU"
    ),
    "why.cause.lengths_not_1d": (
        "lengths has {rank} dimensions: it must be one length per sequence, (batch,)"
    ),
    "why.cause.lengths_type": "lengths must be a CPU int64 tensor or a list of ints",
    "why.cause.empty_sequence": (
        "a sequence of length 0 is in the batch (an empty line of text, a filter that left "
        "nothing); packing needs every length ≥ 1"
    ),
    "why.cause.enforce_sorted": (
        "the lengths are not from longest to shortest; packing sorts them itself if asked"
    ),
    "why.cause.pack_layout": (
        "packing reads the batch from dimension 1 unless batch_first=True: batch-first data "
        "gives it the time steps ({batch}) as the batch, while lengths has one per sequence ({got})"
    ),
    "why.cause.lengths_other_batch": (
        "lengths belongs to another batch (the last, smaller batch, or a stale variable)"
    ),
    "why.cause.total_length_short": (
        "total_length must be at least the longest sequence; pass the padded length of the input"
    ),
    "why.cause.empty_batch": "the batch or a sequence is empty: a filter or a split left nothing",
    "why.cause.packed_output": (
        "a layer given a PackedSequence returns its output packed too: unpack it before {what}, "
        "or use h_n"
    ),
    "why.cause.state_device": (
        "the initial state was made on the CPU (torch.zeros without device=) while the input "
        "is on the GPU"
    ),
    "why.cause.model_device": "the model and the input are on different devices",
    "why.cause.state_transposed": (
        "{state} comes from a transpose or permute (a batch-first state turned around): "
        "cuDNN needs it contiguous"
    ),
    "why.cause.backward_in_eval": (
        "backward through a layer in eval mode (saliency, attribution, adversarial inputs): "
        "cuDNN keeps what backward needs only in training mode"
    ),
    "why.cause.weights_not_flat": (
        "the weights were replaced or copied (DataParallel, weight norm, loading by hand) and "
        "cuDNN compacts them on every call"
    ),
    "why.cause.bidirectional_linear": (
        "an nn.Linear(hidden_size) after a bidirectional layer: output joins both directions, "
        "{features} = 2 × {hidden} features"
    ),
    "why.cause.hn_all_layers": (
        "h_n.view(batch, -1) joins every row of h_n, {k} = layers × directions, so "
        "{features} = {k} × {hidden} features; the last layer alone is h_n[-1]"
    ),
    "why.cause.time_flattened": (
        "the output was flattened over time, {features} = {k} steps × {hidden} features; the "
        "last step alone is output[:, -1]"
    ),
    "why.cause.linear_doubled": (
        "the nn.Linear takes 2 × {features} = {in_features} features, as after a bidirectional "
        "layer, but the layer before is unidirectional"
    ),
    "why.cause.linear_in_features": (
        "the nn.Linear was built for {in_features} features and gets {features}"
    ),
    "why.cause.sequential_rnn": (
        "nn.Sequential hands the layer's whole return, (output, h_n), or (output, (h_n, c_n)) "
        "for an LSTM, to the next layer, which takes one tensor"
    ),
    "why.cause.state_tuple": "an LSTM's state is the pair (h_n, c_n), not one tensor",
    "why.cause.lstm_three_values": (
        "an LSTM returns 2 values, output and the pair (h_n, c_n), not 3"
    ),
    "why.cause.gru_state_pair": (
        "nn.GRU and nn.RNN return h_n alone, not (h_n, c_n): unpacking it splits its "
        "dimension 0, which has {got} row"
    ),
    "why.cause.unpack_tensor": (
        "a tensor was unpacked along its dimension 0, e.g. out, (h, c) = gru(x) with more than "
        "2 rows of h_n, or names unpacked from output"
    ),
    "why.cause.rnn_returns": (
        "a recurrent layer returns (output, h_n), an LSTM (output, (h_n, c_n))"
    ),
    "why.cause.rnn_returns_tuple": (
        "a recurrent layer returns a tuple (output, h_n): .{attribute} belongs to the tensors "
        "inside it"
    ),
    "why.cause.view_after_transpose": (
        "view() after transpose() or permute(), e.g. a seq-first output turned batch-first: "
        "the memory is no longer in order"
    ),
    "why.cause.logits_nlc": (
        "logits (batch, time, classes) went to the loss as they are: it reads dimension 1 "
        "({time} time steps here) as the classes, so classes must come second"
    ),
    "why.cause.targets_not_flattened": (
        "the logits were flattened over time ({input} rows = {k} × {target}) and the targets "
        "were not"
    ),
    "why.cause.logits_last_step": (
        "the logits come from the last time step ({input} rows), the targets from every step "
        "({target} rows = {k} × {input})"
    ),
    "why.cause.loss_rows": "logits and targets were built for different batches",
    # truth: notes that say what torch really does for this configuration
    "note.packed_equal": (
        "packed lengths {lengths}, all equal: no sequence is padded, so {last} is every "
        "sequence's last step."
    ),
    "note.returns_layers": (
        "nn.{cell} returns output, h_n (no c_n), and h_n has 2 rows here: output, (h_n, c_n) = "
        "{name}(x) raises no error, worse: it unpacks h_n's rows, \"h_n\" gets layer 0's "
        'h_n[0] and "c_n" the top layer\'s h_n[1], each {shape}. Write output, h_n = {name}(x).'
    ),
    "note.returns_directions": (
        "nn.{cell} returns output, h_n (no c_n), and h_n has 2 rows here: output, (h_n, c_n) = "
        '{name}(x) raises no error, worse: it unpacks h_n\'s rows, "h_n" gets the forward '
        "direction's h_n[0] and \"c_n\" the backward one's h_n[1], each {shape}. Write "
        "output, h_n = {name}(x)."
    ),
    "id.trap_backward_packed": (
        "at t = L−1 the backward direction has taken only its first step in the sequences of "
        "length L; in the shorter ones output there is zero padding"
    ),
    "id.trap_cat_packed": (
        "output's last step is not the summary: its backward half has read one step in the "
        "sequences of length L and is zero padding in the shorter ones; the concatenation is "
        "(see recipes)"
    ),
    "cmp.code_to_lstm": (
        "code: outputs, _status = cell(inputs) still runs, but _status is now the tuple "
        "(h_n, c_n), so print(_status.shape) fails (AttributeError: 'tuple' object has no "
        "attribute 'shape'): write outputs, (h_n, c_n) = cell(inputs)"
    ),
    "cmp.code_same": "code: unchanged, both return outputs, h_n",
    "cmp.code_from_lstm": (
        "code: outputs, (h_n, c_n) = cell(inputs) fails with ValueError (h_n's dimension 0 has "
        "size {rows}, not 2; there is no c_n): write outputs, h_n = cell(inputs)"
    ),
    "cmp.code_from_lstm_silent": (
        "code: outputs, (h_n, c_n) = cell(inputs) raises no error, worse: it splits h_n's "
        '{rows} rows into "h_n" and "c_n": write outputs, h_n = cell(inputs)'
    ),
    # sandbox: files the student's process rewrote, what it printed
    "check.fail_garbled": (
        "its process handed back files rnnx cannot read (rewritten, replaced or too large)"
    ),
    "check.head_printed": "your function printed",
    "check.printed_cut": "… (more was printed; only the first lines are kept)",
    "check.gs_printed": "Printed by your function:",
    # korean: --help and Click's own words (words.*: Click's msgids, byte for byte)
    "help.rnnx": (
        "Explain the shapes of PyTorch's recurrent layers (RNN, LSTM, GRU), dimension by dimension."
    ),
    "help.version": "Print the version.",
    "help.no_pager": (
        "Print everything at once; otherwise output taller than the terminal goes to $PAGER "
        "(else less -FRX), never on a pipe or in CI."
    ),
    "help.lang": "Language rnnx writes in: en or ko. Default: $RNNX_LANG, else en.",
    "help.examples": "Examples:",
    "help.exit_codes": "Exit codes: 0 success, 1 a comparison found a mismatch, 2 bad input.",
    "help.cell": "nn.RNN, nn.LSTM or nn.GRU.",
    "help.input_size": "H_in: features of each x_t.",
    "help.hidden_size": "Features in h_t (and c_t).",
    "help.layers": "num_layers: stacked layers.",
    "help.bidirectional": "Run both directions (D = 2).",
    "help.proj_size": "LSTM only: project h_t to this many features (< hidden).",
    "help.nonlinearity": "RNN only: tanh (torch's default) or relu.",
    "help.bias": "Include bias_ih and bias_hh.",
    "help.dropout": "0 <= P < 1, between layers, training only.",
    "help.batch_size": "N: sequences in the batch. Default: {n}.",
    "help.seq_len": "L: time steps per sequence. Default: {n}.",
    "help.lengths": "Packed variable-length batch: one length per sequence (sets N and L).",
    "help.batch_first": "Input (N, L, H_in) or (L, N, H_in); torch's own default is seq-first.",
    "help.unbatched": "2-D input (L, H_in), no batch axis.",
    "help.input_shape": "Your input's shape, e.g. 64,28,5, or 28,5 unbatched: read as torch would.",
    "help.seed": "Seeds parameters and input, the same for every backend.",
    "help.dtype": "Parameter and input precision.",
    "help.device": "Where torch runs.",
    "help.comma": "{help} Comma list.",
    "help.comma_bool": "{help} Comma list, or {both}.",
    "help.backend": "torch (reference), numpy (from scratch) or analytic (arithmetic only).",
    "help.format": "table, json, csv or markdown.",
    "help.save": "Write input, parameters, output, h_n, c_n to FILE.npz.",
    "help.max_memory": (
        "Refuse (exit 2) a torch or numpy run estimated to need more than SIZE (4GiB, 512MiB, "
        "1e9). Default: half the memory available now."
    ),
    "help.svg": "Also save what is printed as an SVG picture.",
    "help.html": "Also save what is printed as an HTML page.",
    "help.params": "Table view: the parameter table and totals too.",
    "help.all": "Table view: parameters, totals and the identities too.",
    "help.max_configs": (
        "Refuse (exit 2), before running any, a grid of more configurations than this."
    ),
    "help.shape": (
        "Build the network, run a dummy batch, and explain every shape, with recipes to paste."
    ),
    "help.expect": (
        "Your answer, e.g. h_n=4,1,16: exit 1 and why, if torch disagrees. Repeatable."
    ),
    "help.ex.shape_proj": "h_n takes proj_size, c_n not",
    "help.ex.shape_save": "every array, torch's names",
    "help.ex.shape_all": "parameters and identities too, saved",
    "help.ex.shape_expect": "exit 1: which dimension, why",
    "help.compare": (
        "Swap the cell, and check the from-scratch backend against torch: same network?"
    ),
    "help.to": (
        "Cells you swap to from --cell (the network you have), comma-separated; --with is its "
        "old name [default: lstm,gru from rnn; rnn from lstm or gru]."
    ),
    "help.backends": "Backends to run, comma-separated.",
    "help.atol": (
        "Largest |Δ| still a match [max(1e-5, K·2^-23) float32, max(1e-9, K·2^-52) float64; "
        "K = input features + hidden, the longest sum]."
    ),
    "help.repeat": "Forward passes timed per backend (median).",
    "help.format_compare": "table, json or markdown.",
    "help.ex.compare_lstm": "nn.RNN → nn.LSTM; torch beside numpy",
    "help.compare_exit": (
        "Exit status: 0 every backend agrees, 1 a shape or value differs, 2 bad input."
    ),
    "help.explain": (
        "Print one time step's equations, every term's shape, and how torch packs the gates."
    ),
    "help.ex.explain_lstm": "i_t, f_t, g_t, o_t, c_t, h_t with their shapes",
    "help.ex.explain_gru": "where b_hn sits, terms shaped (4, ...)",
    "help.diagram": "Draw the network unrolled over time: layers, directions, output and h_n.",
    "help.ex.diagram_rows": "which cell becomes which h_n row",
    "help.ex.diagram_long": "long sequences collapse to …",
    "help.code": "Print a runnable PyTorch script that builds this network and prints its shapes.",
    "help.code_script": (
        "The script builds nn.RNN/LSTM/GRU with only the arguments that differ from torch's "
        "defaults, runs torch.randn of the input's shape and prints the shapes rnnx shape shows. "
        "rnnx draws its own numbers, so only the shapes match."
    ),
    "help.sweep": (
        "Every combination of comma-listed options, one row each: shapes, parameters, cost."
    ),
    "help.ex.sweep_torch": "every row run for real",
    "help.sweep_rejected": (
        "A combination torch rejects (gru with --proj-size 4) is set aside with a note on stderr."
    ),
    "help.why": (
        "Decode a torch error: what it checked, its numbers, the likely mistake and the fix."
    ),
    "help.why_message": "torch's message or a whole traceback; none: read standard input.",
    "help.format_why": "table, json or markdown.",
    "help.why_pipe": "Or pipe a whole traceback in: python train.py 2>&1 | rnnx why",
    "help.why_exit": "Exit status: 0 an error rnnx knows was found, 1 none was, 2 bad options.",
    "help.check": "Run a student's RNN function on rnnx's numbers and grade what it returns.",
    "help.target": "FILE.py:FUNCTION or package.module:FUNCTION; several, or a quoted glob.",
    "help.convention": "How the function is called; default: read from its signature (see below).",
    "help.reference": "numpy (float64, no torch) or torch.",
    "help.check_atol": "Absolute tolerance per value.",
    "help.check_rtol": "Relative tolerance per value.",
    "help.timeout": "Seconds the function may run.",
    "help.memory_limit": "Address space the function's process may use (4GiB, 512MiB).",
    "help.format_check": "table, json, csv (a gradebook) or gradescope (one target).",
    "help.check_exit": (
        "Exit status: 0 every tensor passes, 1 a function failed or a tensor differs, 2 bad input."
    ),
    "error.see_help": "see '{command} --help'",
    "words.usage": "Usage:",
    "words.options": "Options",
    "words.arguments": "Arguments",
    "words.commands": "Commands",
    "words.help": "Show this message and exit.",
    "words.default": "default: {default}",
    "words.required": "required",
    "words.invalid_for": "Invalid value for {param_hint}: {message}",
    "words.invalid": "Invalid value: {message}",
    "words.missing_argument": "Missing argument",
    "words.missing_option": "Missing option",
    "words.missing_parameter": "Missing parameter",
    "words.no_option": "No such option: {name}",
    "words.did_you_mean": "Did you mean {possibility}?",
    "words.possible": "(Possible options: {possibilities})",
    "words.no_command": "No such command {name!r}.",
    "words.extra_argument": "Got unexpected extra argument ({args})",
    "words.extra_arguments": "Got unexpected extra arguments ({args})",
    "words.needs_value": "Option {name!r} requires an argument.",
    "words.no_value": "Option {name!r} does not take a value.",
    "words.not_choice": "{value!r} is not {choice}.",
    "words.not_one_of": "{value!r} is not one of {choices}.",
    "words.not_number": "{value!r} is not a valid {number_type}.",
    "words.not_in_range": "{value} is not in the range {range}.",
    "words.not_boolean": "{value!r} is not a valid boolean. Recognized values: {states}",
    "words.options_metavar": "[OPTIONS]",
    "words.command_metavar": "COMMAND [ARGS]...",
    "words.did_you_mean_command": "{message}. Did you mean {commands}?",
    "words.install_completion": "Install completion for the current shell.",
    "words.show_completion": (
        "Show completion for the current shell, to copy it or customize the installation."
    ),
    # korean: what h_n and c_n are, in the study notebook's words too
    "note.states_lstm": (
        "h_n: each layer and direction's last hidden state (short-term state); c_n: its last "
        "cell state (long-term state)."
    ),
    # korean: sweep's table headings (a legend maps each to its CSV and JSON name)
    "sweep.col.total_parameters": "params",
    "sweep.col.mult_adds": "mult-adds",
    "sweep.col.estimated_bytes": "bytes",
    "sweep.col.hidden_size": "hidden",
    "sweep.col.input_size": "input",
    "sweep.col.num_layers": "layers",
    "sweep.col.nonlinearity": "nonlin",
    "sweep.col.bidirectional": "bidir",
    "sweep.col.batch_first": "batch1st",
    "sweep.col.proj_size": "proj",
    "sweep.col.cell": "cell",
    "sweep.col.bias": "bias",
    "sweep.col.dropout": "dropout",
    "sweep.col.unbatched": "unbatched",
    "sweep.col.dtype": "dtype",
    "sweep.col.device": "device",
    "sweep.col.seed": "seed",
    "sweep.col.lengths": "lengths",
    "sweep.col.input_shape": "input_shape",
    "sweep.col.backend": "backend",
    # inspect: the student's own model (rnnx inspect, rnn_cli.inspect)
    "inspect.why_backward_only": (
        "h_n[-1] of a bidirectional layer is the backward direction's final state alone: the "
        "forward direction's is h_n[-2]"
    ),
    "inspect.why_c_n": (
        "c_n is the LSTM's cell state, its memory inside the gates; the hidden state it outputs "
        "is h_n"
    ),
    "inspect.why_flat_all": (
        "every one of the {layers} layers' final states flattened together: only the top layer's "
        "are the summary"
    ),
    "inspect.reads_wrong": "{module} reads {expression} of {layer}: {why}",
    "inspect.read_batch_first": (
        "{layer} (batch_first=True) read its input as {n} sequences of {steps} steps"
    ),
    "inspect.read_seq_first": (
        "{layer} (seq-first, batch_first=False) read its input as {n} sequences of {steps} steps"
    ),
    "inspect.read_unbatched": "{layer} read its 2-D input as one sequence of {steps} steps",
    "inspect.layout_swapped": (
        "{layer} read the batch of {n} as time: it ran {steps} sequences of {n} steps, so the "
        "tensor's layout and the layer's batch_first disagree"
    ),
    "inspect.dropout_unused": (
        "{layer} has dropout={p} and one layer: torch applies dropout between stacked layers "
        "only, so none is applied"
    ),
    "inspect.nonfinite_in": "{module} received {count} NaN or infinite values in {name}",
    "inspect.nonfinite_out": "{module} returned {count} NaN or infinite values in {name}",
    "inspect.nonfinite_fix": (
        "torch.Tensor(...) and torch.empty(...) leave memory uninitialised: build inputs with "
        "torch.randn(...) or torch.zeros(...)"
    ),
    "inspect.warn_contiguous": (
        "torch warned that the weights are not in one contiguous block (after a copy or a move, "
        "each call compacts them again): call flatten_parameters() once. torch: {message}"
    ),
    "inspect.warn_dropout": (
        "torch warned that dropout needs 2 or more layers to apply. torch: {message}"
    ),
    "inspect.warn_other": "torch warned: {message}",
    "inspect.raised_between": "forward raised {error} between modules",
    "inspect.raised_in": "{module} ({type}) received {received} and raised {error}",
    "inspect.title": "rnnx inspect: {modules} modules in call order, {layers} recurrent",
    "inspect.col_module": "module",
    "inspect.col_type": "type",
    "inspect.col_inputs": "receives",
    "inspect.col_outputs": "returns",
    "inspect.params": "{n} params",
    "inspect.col_reads": "reads",
    "inspect.calls": "× {n} calls",
    "inspect.packed": "packed: lengths {lengths}",
    "inspect.raised_here": "raised here",
    "inspect.layer_heading": "{layer}, as rnnx shape explains it",
    "inspect.reproduce": "reproduce: {command}",
    "inspect.findings": "Findings",
    "inspect.no_findings": "No mistake found at the seams.",
    "inspect.fix": "fix: {fix}",
    "inspect.notes": "How torch read each recurrent input",
    "inspect.error": "forward raised",
    "inspect.role_batch": "batch",
    "inspect.role_seq": "time",
    "inspect.role_features": "features",
    "inspect.role_layers_directions": "layers×dirs",
    "inspect.role_packed_steps": "steps",
    "inspect.bad_dtype": "--input {raw}: unknown dtype {dtype}; use one of {allowed}",
    "inspect.no_embedding": (
        "--input {raw}: token ids are drawn below the first nn.Embedding's num_embeddings, and "
        "the model has no nn.Embedding; pass a .npz or .pt file of ids"
    ),
    "inspect.bad_kwargs": (
        "--kwargs {raw}: not a JSON object ({reason}); e.g. '{{\"vocab\": 1000}}'"
    ),
    "inspect.no_input": (
        "no --input: give one per positional argument of forward, e.g. --input 32,50,5"
    ),
    "inspect.not_module": (
        "{target} gave {got}, not an nn.Module (a class, a function returning one, or an instance)"
    ),
    "inspect.build_failed": "building {target} raised {error}",
    "inspect.bad_file": "--input {raw}: the file holds a {reason}, not a tensor",
    "inspect.no_file": "--input {raw}: no such file",
    "inspect.bad_answer": "the child process answered something rnnx cannot read ({reason})",
    # inspect + why: an exception in forward decoded by `rnnx why`'s decoder, in the modules' terms
    "inspect.linear_receives": (
        "{module}: nn.Linear(in_features={in_features}) receives {features} from {layer}"
    ),
    "inspect.torch_said": "torch said: {error}: {message}",
    "inspect.cause": "likely cause: {cause}",
    "why.no_exception": (
        "no exception has been raised here yet: pass torch's message or the exception"
    ),
    # inspect: `rnnx inspect --help`
    "help.inspect": (
        "Run your own model once and explain its flow, its recurrent layers and their seams."
    ),
    "help.inspect_target": (
        "FILE.py:NAME or package.module:NAME: a module class, a function returning a module, "
        "or a module."
    ),
    "help.inspect_input": (
        "One per positional argument of forward: 32,50,5, 32,50:long (token ids), or a "
        ".npz/.pt file."
    ),
    "help.inspect_kwargs": "Keyword arguments to build the model.",
    "help.inspect_lengths": "Passed after the inputs, for models that pack.",
    "help.inspect_batch_size": "The batch you mean: a batch read as time is named.",
    "help.inspect_exit": (
        "Exit status: 0 nothing flagged, 1 a mistake found or the model failed, 2 bad input."
    ),
    # check: every verdict true, what a class needs (issue 17)
    "exp.directions_joined": (
        "directions joined: {name} keeps forward and backward as separate rows of dimension 0 "
        "({rows} = {layers} layers × 2 directions), {f} features each; only output concatenates "
        "them along its last dimension"
    ),
    "exp.one_step": (
        "one time step where {name} has {steps} along dimension {i}: a return inside the loop "
        "ends it after the first step"
    ),
    "exp.last_only": (
        "only the last state: {name} stacks all {steps} time steps along dimension {i}, and the "
        "final h alone has no such axis"
    ),
    "check.conv_h0_c0": "h0 and c0 hold seeded random numbers, not zeros.",
    "check.conv_two_biases": (
        "bx = bias_ih_l0 and bh = bias_hh_l0, kept apart: the GRU's b_hn sits inside "
        "r ⊙ (W_hn h + b_hn), so the two cannot be summed."
    ),
    "check.conv_loop_gates": (
        "Wx, Wh and the bias stack the gate blocks in torch's order {order}, hidden_size rows each."
    ),
    "mistake.transposed_w_hh_loop": (
        "Wh used transposed: np.dot(h, Wh) where the loop convention means np.dot(Wh, h) "
        "(block by block)"
    ),
    "mistake.transposed_w_hh_cs231n": (
        "Wh used transposed: prev_h.dot(Wh.T) (block by block) where cs231n's layout asks for "
        "prev_h.dot(Wh)"
    ),
    "mistake.sigmoid_for_tanh": "sigmoid where tanh belongs: h_t = σ(…) instead of tanh(…)",
    "mistake.gru_bias_outside_reset": (
        "b_hn added outside the reset gate: r ⊙ (W_hn h) + b_hn, where torch computes "
        "r ⊙ (W_hn h + b_hn)"
    ),
    "check.failed_shape": "failed: {name} has shape {got}, expected {want}",
    "check.head_shape": "shapes",
    "check.shape_line": "{name} {got}, expected {want}: {why}",
    "check.head_ambiguous": (
        "these numbers fit each of these mistakes, and no draw tried tells them apart"
    ),
    "check.head_draws": "draws",
    "check.drawn_hidden": (
        "also run with --seed {seeds}: with --seed {first} alone, these mistakes give the "
        "correct numbers: {mistakes}"
    ),
    "check.drawn_apart": (
        "also run with --seed {seeds} to tell apart the mistakes that --seed {first} alone "
        "could not"
    ),
    "check.failed_on_draw": (
        "passed on seed {first} but failed on seed {seed}: the numbers above are seed {seed}'s"
    ),
    "check.unseen": (
        "on this network these give the correct numbers on every draw tried, so no check can "
        "see them: {mistakes}"
    ),
    "check.gs_shape": "expected {want}, got {got}: {why}",
    "check.no_function": "there is no function {function} in the file{hint}",
    "check.did_you_mean": "; did you mean one of: {names}?",
    "check.defines_none": "; the file defines no function",
    "check.no_signature": (
        "cannot read the parameters of {function} without running it: pass --convention, one "
        "of {choices}"
    ),
    "check.detected_arity": (
        "--convention {convention} chosen: {signature} takes {n} arguments, as only that "
        "convention does."
    ),
    "check.detected_names": (
        "--convention {convention} chosen: {signature} starts with {first}, as only that "
        "convention's signature does."
    ),
    "check.ambiguous": (
        "cannot tell the convention of {signature} for --cell {cell}: pass --convention, one of "
        "{choices}"
    ),
    "check.glob_empty": "no file matches {pattern}; check the pattern (quote it for the shell)",
    "class.title": "rnnx check · a class of {n}",
    "class.col_student": "student",
    "class.col_convention": "convention",
    "class.col_score": "score",
    "class.col_verdict": "verdict",
    "class.totals": "{passed} of {n} passed · mean score {mean:.3g} of {most:g}",
    "class.gradescope_one": (
        "-f gradescope grades one submission, got {n}: give one target, or use -f csv"
    ),
    "help.check_signatures": "Conventions (without --convention, read from the signature):",
    "help.jobs": "Students graded at once.",
    "help.seed_per_student": "Each student's numbers drawn from their path and --seed.",
    "help.max_score": "Points a full pass is worth.",
}
