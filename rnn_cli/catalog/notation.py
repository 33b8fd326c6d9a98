"""The notation every language writes alike: equations, symbols, marks and code. Each entry lives
here once and every language module draws it in (`**NOTATION`), so a translation can neither drift
from it nor repeat it; tests/test_catalog.py checks that a value the same in every language lives
here and nowhere else.

Plain data. Must not import anything beyond the stdlib.
"""

from typing import Final

NOTATION: Final[dict[str, str]] = {
    # one time step's equations, torch's docs' names. Written h_(t-1), not h_{t-1}: every entry
    # goes through str.format
    "eq.affine": "W_i{g} x_t + b_i{g} + W_h{g} h_(t-1) + b_h{g}",
    "eq.affine_nobias": "W_i{g} x_t + W_h{g} h_(t-1)",
    "eq.gate": "{g}_t = {act}({affine})",
    "eq.gru_n": "n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_(t-1) + b_hn))",
    "eq.gru_n_nobias": "n_t = tanh(W_in x_t + r_t ⊙ (W_hn h_(t-1)))",
    "eq.gru_h": "h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_(t-1)",
    "eq.lstm_c": "c_t = f_t ⊙ c_(t-1) + i_t ⊙ g_t",
    "eq.lstm_h": "h_t = o_t ⊙ tanh(c_t)",
    "eq.lstm_h_proj": "h_t = W_hr (o_t ⊙ tanh(c_t))",
    # each nonlinearity's symbol and range
    "act.sigmoid": "σ: (0, 1)",
    "act.tanh": "tanh: (−1, 1)",
    "act.relu": "relu: [0, ∞)",
    # the sizes' symbols in explain's title
    "size.batch": "N = {n}",
    "size.input": "H_in = {n}",
    "size.hidden": "H = {n} (hidden_size)",
    "size.proj": "P = {n} (proj_size)",
    # marks in the tables: holds, unchecked, nothing
    "recipe.holds": "✓",
    "recipe.unchecked": "?",
    "cmp.none": "—",
    # code: batch_first as torch spells it, a comment line in the generated script
    "read.batch_first": "batch_first=True",
    "read.seq_first": "batch_first=False",
    "code.input": "# {layout}",
    # sweep's headings that are the sizes' symbols
    "sweep.col.batch_size": "N",
    "sweep.col.seq_len": "L",
    # a count or an index alone
    "param.bias": "{rows}",
    "check.where_time": "t={t}",
    # why: each fix is code, the same in every language; compare's swapped row
    "cmp.instead": "nn.{was} → nn.{now} (--cell {chosen} --to {cell})",
    "why.fix.state_shape": "{state} = torch.zeros({shape})",
    "why.fix.after_bidirectional": "{layer}(input_size={got}, ...)",
    "why.fix.input_size_wrong": "{layer}(input_size={got}, ...)",
    "why.fix.features_not_last": "x = x.permute(0, 2, 1)",
    "why.fix.last_batch": "{state} = torch.zeros({shape})",
    "why.fix.seq_batch_swapped": "nn.LSTM(..., batch_first=True)",
    "why.fix.state_size": "{state} = torch.zeros({shape})",
    "why.fix.old_torch_unbatched": "x = x.unsqueeze(1)",
    "why.fix.image_input": "x = x.squeeze(1)  # (N, H, W)",
    "why.fix.extra_axis": "x = x.squeeze(2)",
    "why.fix.no_feature_axis": "x = x.unsqueeze(-1)  # (L, 1)",
    "why.fix.state_without_rows": "h_0 = h_0.unsqueeze(0)  # (1, N, H)",
    "why.fix.input_lost_batch": "x = x.unsqueeze({axis})",
    "why.fix.state_for_batch": "h_0 = h_0.squeeze(1)",
    "why.fix.token_ids": "embed = nn.Embedding(vocab_size, {size})\nout, _ = rnn(embed(ids))",
    "why.fix.int_features": "x = x.to({weight})",
    "why.fix.numpy_float64": "x = torch.from_numpy(a).float()",
    "why.fix.model_converted": "x = x.to({weight})",
    "why.fix.state_other_batch": "h = torch.zeros({shape})",
    "why.fix.sequence_to_cell": "for t in range(x.size(1)):\n    h = cell(x[:, t], h)",
    "why.fix.dropout_percent": "nn.LSTM(..., dropout=0.2)",
    "why.fix.dropout_not_number": "nn.LSTM(..., dropout=0.2)",
    "why.fix.dropout_one_layer": "nn.LSTM(..., num_layers=2, dropout={dropout})",
    "why.fix.true_division": "{name}=hidden_dim // 2",
    "why.fix.float_config": "{name}=int({name})",
    "why.fix.size_zero": "assert {name} >= 1, {name}",
    "why.fix.proj_minus_one": "nn.LSTM(..., proj_size=0)",
    "why.fix.proj_not_smaller": "nn.LSTM(input_size, hidden_size, proj_size=hidden_size // 2)",
    "why.fix.proj_not_lstm": "nn.GRU(input_size, hidden_size)",
    "why.fix.nonlinearity_choice": 'nn.RNN(..., nonlinearity="tanh")',
    "why.fix.lengths_on_gpu": "pack_padded_sequence(x, lengths.cpu(), batch_first=True)",
    "why.fix.lengths_not_1d": "lengths = lengths.view(-1).cpu()",
    "why.fix.lengths_type": "lengths = torch.as_tensor(lengths, dtype=torch.int64)",
    "why.fix.empty_sequence": "keep = lengths > 0\nx, lengths = x[keep], lengths[keep]",
    "why.fix.enforce_sorted": (
        "pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)"
    ),
    "why.fix.pack_layout": "pack_padded_sequence(x, lengths, batch_first=True)",
    "why.fix.lengths_other_batch": "lengths = lengths[: x.size(0)]",
    "why.fix.total_length_short": (
        "pad_packed_sequence(out, batch_first=True, total_length=x.size(1))"
    ),
    "why.fix.empty_batch": "if x.numel() == 0:\n    continue",
    "why.fix.packed_output": "out, lengths = pad_packed_sequence(out, batch_first=True)",
    "why.fix.state_device": "h_0 = torch.zeros(..., device=x.device)",
    "why.fix.model_device": "model.to(device)\nx = x.to(device)",
    "why.fix.state_transposed": "{state} = {state}.contiguous()",
    "why.fix.backward_in_eval": (
        "with torch.backends.cudnn.flags(enabled=False):\n    loss.backward()"
    ),
    "why.fix.weights_not_flat": "self.rnn.flatten_parameters()",
    "why.fix.bidirectional_linear": "nn.Linear(2 * {hidden}, ...)",
    "why.fix.hn_all_layers": "h_last = h_n[-1]  # (N, H)",
    "why.fix.time_flattened": "last = output[:, -1]",
    "why.fix.linear_doubled": "nn.Linear({features}, {out_features})",
    "why.fix.linear_in_features": "nn.Linear({features}, {out_features})",
    "why.fix.sequential_rnn": (
        "def forward(self, x):\n    out, _ = self.rnn(x)\n    return self.fc(out[:, -1])"
    ),
    "why.fix.state_tuple": "h_n, c_n = state",
    "why.fix.lstm_three_values": "out, (h_n, c_n) = lstm(x)",
    "why.fix.gru_state_pair": "out, h_n = gru(x)",
    "why.fix.unpack_tensor": "out, h_n = gru(x)\nout, (h_n, c_n) = lstm(x)",
    "why.fix.rnn_returns": "out, h_n = rnn(x)\nout, (h_n, c_n) = lstm(x)",
    "why.fix.rnn_returns_tuple": "out, h_n = rnn(x)\nout, (h_n, c_n) = lstm(x)",
    "why.fix.view_after_transpose": "y = x.transpose(0, 1).reshape(x.size(1), -1)",
    "why.fix.logits_nlc": "loss = F.cross_entropy(logits.transpose(1, 2), y)",
    "why.fix.targets_not_flattened": (
        "loss = F.cross_entropy(logits.reshape(-1, logits.size(-1)), y.reshape(-1))"
    ),
    "why.fix.logits_last_step": "loss = F.cross_entropy(logits, y[:, -1])",
    "why.fix.loss_rows": "assert logits.size(0) == y.size(0)",
}
