"""rnnx's sentences in Korean: every key of EN, the same {placeholders}, the study notebook's terms.

Terms are those Korean courses use (README's glossary): 은닉 상태, 셀 상태, 시점, 층, 삭제 게이트 …
Rule for the English term in parentheses, as the Korean PyTorch tutorials write it: it follows the
Korean term in the entries that open a command's output, so a reader meets it first there: the
dimension meanings (dim.*), explain's gate descriptions (gate.*), the diagram's title and output
line, compare's change lines (cmp.c_n_*, cmp.params), and the notes that introduce a term no
dimension names (정방향/역방향, 패킹). Later mentions use the Korean term alone. Formulas, tensor
names and flags stay as torch writes them. Notes are 합니다-style sentences; table cells are terse.

Plain data. Must not import anything beyond the stdlib and catalog.notation.
"""

from typing import Final

from rnn_cli.catalog.notation import NOTATION

# the English glosses after a Korean term, given at the term's first mention in an output only
# (catalog.text drops the repeats)
GLOSSES: Final[tuple[str, ...]] = (
    "hidden state", "cell state", "time step", "gate", "layer", "direction",
    "forward direction", "backward direction", "forward", "backward", "packing", "padding",
    "input gate", "forget gate, 망각 게이트", "output gate", "reset gate", "update gate",
    "new gate", "candidate", "proj_size", "hidden_size", "seq_len", "batch_size", "input_size",
)  # fmt: skip

# one term per concept (tests/test_glossary.py): the concept, its term, and the words that must
# not stand for it anywhere in KO
TERMS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "time step": ("시점", ("스텝", "단계", "타임스텝")),
    "configuration": ("설정", ("구성", "컨피그")),
    "hidden state": ("은닉 상태", ("히든 상태", "숨은 상태", "은닉상태")),
    "cell state": ("셀 상태", ("셀상태", "셀 스테이트", "장기 기억")),
    "layer": ("층", ("레이어", "계층")),
    "forward direction": ("정방향", ("순방향", "전방향")),
    "backward direction": ("역방향", ("후방향", "반대 방향")),
    "parameter": ("파라미터", ("매개변수", "모수")),
    "grid": ("격자", ("그리드",)),
    "padding": ("패딩", ("채움",)),
    "packing": ("패킹", ("압축",)),
}

KO: Final[dict[str, str]] = {
    **NOTATION,  # equations, symbols, marks and code: the same in every language
    # dimensions of tensors
    "dim.batch": "배치 크기 (batch_size) {n}",
    "dim.seq": "시퀀스 길이 (seq_len) {n}: 시점 (time step) {n}개",
    "dim.input": "입력 크기 (input_size) {n}: 특성 {n}개",
    "dim.hidden": "은닉 상태의 크기 (hidden_size) {h}",
    "dim.proj": "투영 크기 (proj_size) {p} (은닉 상태의 크기 {h}에서 투영)",
    "dim.hidden_2dir": "{n} = 방향 2개 × 은닉 상태의 크기 (hidden_size) {h}",
    "dim.proj_2dir": "{n} = 방향 2개 × 투영 크기 (proj_size) {p}",
    "dim.packed_steps": "{n} = {terms}: 실제 시점 전부, 패딩 (padding)은 뺌",
    "dim.batch_sizes": (
        "시퀀스 길이 (seq_len) {n}: batch_sizes[t] = 시점 t에 아직 진행 중인 시퀀스의 수"
    ),
    "dim.cell_state": "은닉 상태의 크기 (hidden_size) {h} (셀 상태 (cell state)는 투영되지 않음)",
    "dim.rows_1dir": "{n} = 층 (layer) {layers}개 × 방향 1개, 층마다 한 행: 행 = 층",
    "dim.rows_2dir": "{n} = 층 (layer) {layers}개 × 방향 2개, 순서 {order}: 행 = 2·층 + 방향",
    # parameters, torch's gate blocks
    "param.gates": "게이트 (gate) {g}개 ({names}) × 은닉 {h}",
    "param.one_gate": "은닉 {h}",
    "param.by_input": "{rows} × 입력 {i}",
    "param.by_below_1dir": "{rows} × {i}: 층 {below} 출력의 특성 수",
    "param.by_below_2dir": "{rows} × {i} = 방향 2개 × 층 {below}의 출력 {h_out}",
    "param.by_hidden": "{rows} × 은닉 {h}",
    "param.by_proj": "{rows} × 투영 {p} (h_t가 투영됨)",
    "param.proj": "투영 {p} × 은닉 {h}: h_t = W_hr (o_t ⊙ tanh(c_t))",
    # notes under the tensor table, each shown only where it applies
    "note.torch_default": (
        "rnnx의 기본값은 batch_first=True, 입력 (N, L, H_in)입니다; torch 자체의 기본값은 "
        "batch_first=False, 즉 seq-first (L, N, H_in)입니다."
    ),
    "note.seq_first": "시퀀스 우선 (batch_first=False): 입력과 출력이 (L, N, 특성)입니다.",
    "note.proj": (
        "투영 크기 {p}: output과 h_n은 특성 {p}개, c_n은 은닉 상태의 크기 {h}를 유지합니다."
    ),
    "note.unbatched": (
        "배치 없는 입력 (L, H_in): 입력, 출력, 상태 ({states})에서 배치 축이 빠지고, torch와 "
        "같이 batch_first는 무시됩니다."
    ),
    "note.bidirectional": (
        "output[..., :{h}]: 정방향 (forward direction), output[..., {h}:]: "
        "역방향 (backward direction)."
    ),
    "note.dropout": (
        "dropout {p}: 층 사이에서 학습할 때만 작동합니다. 이번 추론 실행에는 적용되지 않습니다."
    ),
    "note.dropout_one_layer": (
        "dropout {p}: 층이 1개이면 아무 효과가 없습니다. torch는 마지막 층을 뺀 모든 층 뒤에 "
        "적용합니다."
    ),
    "note.packed": (
        "패킹 (packing)된 길이 {lengths}: output은 각 시퀀스 자신의 길이 이후로 0이므로 "
        "짧은 시퀀스에서는 {last} 자리가 패딩입니다; 그 시퀀스들의 마지막 시점은 {own}입니다."
    ),
    "note.torch_warning": "torch의 경고: {message}",
    "note.onednn_proj": (
        "torch는 proj_size가 있는 LSTM을 oneDNN이 아닌 기본 커널로 실행합니다: 결과는 같고 "
        "CPU에서 더 느립니다."
    ),
    # rnnx compare
    "cmp.chosen": "지금 가진 네트워크 (--cell)",
    "cmp.c_n_new": "c_n: 새로 생김, LSTM의 셀 상태 (cell state)",
    "cmp.c_n_gone": "c_n: 사라짐, 셀 상태 (cell state)는 LSTM에만 있음",
    "cmp.params": "파라미터 {ratio}: 게이트 (gate) 블록 {g}개 ({names})",
    "cmp.params_plain": "파라미터 {ratio}: 가중치 블록 하나, 게이트 없음",
    "cmp.unchanged": "output과 h_n: 그대로",
    "cmp.h_out": "output과 h_n: 특성 {was}개 대신 {h}개",
    "cmp.dropped": (
        "proj_size와 nonlinearity는 한 셀에만 있는 옵션입니다: 다른 셀은 이것 없이 실행합니다."
    ),
    "cmp.dropout": "dropout은 학습할 때만 작동합니다: 여기서는 어느 백엔드도 적용하지 않습니다.",
    "cmp.title_cells": "셀을 바꾸면 무엇이 달라질까?",
    "cmp.title_backends": "같은 신경망일까? {backends}, 같은 파라미터와 입력",
    "cmp.col_cell": "셀",
    "cmp.col_params": "파라미터",
    "cmp.col_mult_adds": "곱셈-덧셈",
    "cmp.col_changes": "달라진 점",
    "cmp.col_diff": "최대 |Δ|",
    "cmp.col_verdict": "판정",
    "cmp.col_seconds": "순전파 ({n}회의 중앙값)",
    "cmp.same": "✓ 같음",
    "cmp.differs": "✗ 다름",
    "cmp.summary_match": "모든 백엔드가 일치합니다 (atol {atol:g})",
    "cmp.summary_mismatch": "백엔드끼리 결과가 다릅니다 (atol {atol:g})",
    "cmp.mismatch": "{names}: {backends} 사이의 차이가 atol {atol:g}보다 큽니다",
    # headings and summary lines
    "title.shape": "{cell} · {backend} 백엔드 · {dtype}",
    "col.tensor": "텐서",
    "col.shape": "모양",
    "col.dims": "차원",
    "col.parameter": "파라미터",
    "col.count": "개수",
    "col.meaning": "의미",
    "sum.total": "전체 파라미터 수",
    "sum.bytes": "파라미터 바이트",
    "sum.mult_adds": "순전파 한 번의 곱셈-덧셈 횟수",
    "sum.estimate": "계산에 필요한 메모리 (추정)",
    "head.notes": "참고",
    # rnnx explain: the equations are torch's docs' own, in every language (NOTATION)
    "act.tanh_proj": "tanh 다음 W_hr: (−∞, ∞)",
    "act.mix": "없음 (섞임)",
    "gate.rnn.h": "은닉 상태 (hidden state): 메모리 전체, 시점마다 x_t와 h_(t-1)로 새로 씀",
    "gate.lstm.i": "입력 게이트 (input gate): 후보 g_t를 셀에 쓸 양",
    "gate.lstm.f": "삭제 게이트 (forget gate, 망각 게이트): c_(t-1)을 남길지 (1) 지울지 (0)",
    "gate.lstm.g": "후보 (candidate): 셀에 새로 쓸 수 있는 내용",
    "gate.lstm.o": "출력 게이트 (output gate): 셀에서 h_t로 내보낼 양",
    "gate.lstm.c": "셀 상태 (cell state): 남긴 이전 기억과 받아들인 새 내용",
    "gate.lstm.h": "은닉 상태 (hidden state): 게이트를 거친 셀, 다음 시점과 출력으로",
    "gate.lstm.h_proj": "은닉 상태 (hidden state), 특성 P개로 투영됨: 다음 시점과 출력으로",
    "gate.gru.r": "리셋 게이트 (reset gate): 후보 n_t가 보는 h_(t-1)의 양",
    "gate.gru.z": "업데이트 게이트 (update gate): h_(t-1)을 남길지 (1) 바꿀지 (0)",
    "gate.gru.n": "새 게이트 (new gate): 후보 은닉 상태, x_t와 리셋된 h_(t-1)로 만듦",
    "gate.gru.h": "은닉 상태 (hidden state): z_t가 이전 상태와 후보를 섞음",
    "col.equation": "식",
    "col.nonlinearity": "비선형 함수",
    "col.term": "항",
    "col.as": "기호",
    "col.blocks": "dim 0을 따라 쌓인 블록",
    "col.rows": "행",
    "title.explain": "nn.{cell}: 층 0의 한 시점 t, {sizes}",
    "title.terms": "이 설정에서 각 항의 모양",
    "title.packing": "torch가 게이트를 쌓는 방식 (층 0, 정방향; 모든 층과 방향이 같음)",
    "term.x": "시점 t의 입력 (층 0)",
    "term.x_above": "층 k > 0: 아래 층의 h_t, 두 방향을 이어 붙임",
    "term.h_prev": "이전 은닉 상태; t = 0에서는 h_0 (주지 않으면 0)",
    "term.c_prev": "이전 셀 상태; t = 0에서는 c_0",
    "term.w_ih": "입력-은닉 가중치 (층 0)",
    "term.w_hh": "은닉-은닉 가중치",
    "term.b": "편향",
    "term.product": "비선형 함수를 거치기 전의 각 행렬 곱",
    "term.gates": "게이트, 은닉 유닛마다 숫자 하나",
    "term.c": "셀 상태 (투영되지 않음)",
    "term.o_tanh_c": "투영 전의 은닉 상태",
    "term.w_hr": "투영, weight_hr_l0",
    "term.h": "새 은닉 상태: 시점 t의 출력",
    "explain.batched": (
        "배치가 있으면 torch는 행 단위로 곱합니다: x_t W_i·ᵀ, {n_in} @ {t_in} → {n_out}."
    ),
    "explain.chunk": "weight_ih_l0.chunk({g}, 0)은 ({blocks})를 이 순서로 돌려줍니다.",
    "explain.gru_bhn": (
        "b_hn (bias_hh_l0[{rows}])은 r_t ⊙ (W_hn h_(t-1) + b_hn) 안에 있습니다: 리셋 게이트가 "
        "이 값을 조절하므로 b_in에 합칠 수 없습니다."
    ),
    "explain.states": "{states}: 각 층의 마지막 시점 t = {last}의 {values}입니다.",
    "explain.states_2dir": (
        "{states}: 각 층에서 방향이 끝나는 곳의 {values}입니다: 정방향은 t = {last}, "
        "역방향은 t = 0 (t = {last} … 0 순서로 진행)."
    ),
    "explain.states_packed": (
        "{states}: 각 시퀀스의 자기 마지막 시점 t = length_b − 1 ({ends})의 {values}입니다: "
        "패킹은 그 뒤의 패딩을 건너뜁니다."
    ),
    "explain.states_packed_2dir": (
        "{states}: 정방향은 각 시퀀스의 자기 마지막 시점 t = length_b − 1 ({ends})의 "
        "{values}입니다. 역방향은 그곳에서 시작해 t = 0에서 끝납니다."
    ),
    "explain.proj": (
        "투영 크기 {p}: h_t = W_hr (o_t ⊙ tanh(c_t))의 특성이 {p}개이므로 weight_hh는 "
        "({rows}, {p})이고 output과 h_n도 특성 {p}개입니다."
    ),
    "explain.layers": (
        "층 k > 0은 x_t = 아래 층의 출력, 곧 D·H_out = {d}·{h_out} = {i}개의 특성을 읽습니다: "
        "weight_ih_l1은 ({rows}, {i})입니다."
    ),
    "explain.bidirectional": (
        "모든 파라미터에는 같은 모양의 _reverse 쌍이 있습니다: 역방향은 t = L−1 … 0 (packed: 각 "
        "시퀀스 자신의 마지막 시점부터)으로 자기 가중치를 써서 진행합니다."
    ),
    "explain.no_bias": "--no-bias: b 항도, bias_ih와 bias_hh도 없습니다.",
    "explain.both": "{a}, {b}",
    # rnnx diagram
    "diagram.title": (
        "nn.{cell}을 펼친 그림: 층 (layer) {layers} × 방향 (direction) {d} × "
        "시점 (time step) {steps}"
    ),
    "diagram.layer": "층 {k} {arrow}",
    "diagram.input": "입력",
    "diagram.features": "특성 {i}개",
    "diagram.output_1dir": "{out} = 맨 위 층의 은닉 상태 (hidden state) h_t: 특성 {h}개.",
    "diagram.output_2dir": (
        "{out} = 맨 위 층의 [정방향 (forward) h_t | 역방향 (backward) h_t]: 2·{h} = 특성 {n}개."
    ),
    "diagram.legend": (
        "■ 상태가 h_n이 되는 시점 (행 번호는 화살표 끝에); □ 그 밖의 시점; "
        "h_0은 방향마다 시작하는 곳으로 들어갑니다."
    ),
    "diagram.legend_lstm": "화살표마다 h_t와 c_t가 흐릅니다. c_n의 행은 h_n의 행과 같습니다.",
    "diagram.legend_2dir": "한 층의 두 방향은 같은 x_t를 읽고, 위 층은 둘을 이어 붙여 읽습니다.",
    "diagram.legend_skip": "…: 시점 {first}부터 {last}까지, 모두 같은 모양입니다.",
    "diagram.ends": "끝나는 시점",
    "diagram.ends_many": "b {n}개",
    "diagram.legend_packed": (
        "패킹 (packing)된 길이 {lengths}: 시퀀스 b는 자기 마지막 시점 t = length_b − 1 "
        "({ends})에서 멈춥니다. 그곳의 정방향 상태가 h_n[row, b]가 되고 (정방향 행의 ■, b는 "
        "그 시점 아래 '{ends_row}' 행에 표시), 그 뒤의 출력은 0입니다."
    ),
    "diagram.legend_packed_2dir": (
        "역방향은 시퀀스마다 자기 마지막 시점에서 h_0을 받아 시작하고 t = 0에서 끝납니다: "
        "역방향의 h_n 행은 모든 시퀀스에서 t = 0의 값입니다."
    ),
    # identities checked on the run's numbers
    "title.identities": "이번 실행의 숫자로 확인한 항등식",
    "col.claim": "주장",
    "col.torch_says": "torch 기준",
    "col.numbers": "이 숫자",
    "id.expected": "항상",
    "id.trap": "일반적으로는 아님",
    "id.holds": "✓ 같음",
    "id.differs": "✗ 다름",
    "id.last": "output은 모든 시점에서 맨 위 층의 h_t이고, h_n[-1]은 그 마지막 시점입니다",
    "id.forward": "마지막 시점의 정방향 절반은 맨 위 층의 정방향 h_n입니다",
    "id.backward": "역방향은 t = L−1 … 0 순서로 진행하므로 t = 0에서 끝납니다",
    "id.trap_backward": "마지막 시점에서 역방향은 겨우 첫 시점을 계산했을 뿐입니다",
    "id.trap_cat": (
        "output의 마지막 시점은 요약이 아닙니다: 역방향 절반은 한 시점만 읽었습니다; 요약은 "
        "연결입니다 (레시피 참조)"
    ),
    "id.packed_last": "시퀀스 {b}: 자기 길이 {n}에서 멈춥니다. 그 h_n은 시점 {t}의 output입니다",
    "id.trap_packed": (
        "패딩된 시점은 0입니다: 짧은 시퀀스에서 {last} 자리는 마지막 시점이 아니라 패딩입니다"
    ),
    "id.trap_layer0": "h_n[0]은 층 0입니다. 맨 위 층의 행은 맨 끝에 옵니다",
    "id.trap_layout_bf": "batch_first=True에서는 마지막 시점이 아니라 마지막 시퀀스를 가리킵니다",
    "id.trap_layout_sf": "batch_first=False에서는 마지막 시점이 아니라 마지막 시퀀스를 가리킵니다",
    "note.trap_holds": (
        "함정이 이 숫자에서 성립하는 것은 이 설정 때문일 뿐입니다 (시점이 하나이거나, relu가 "
        "양쪽을 0으로 만듦). 일반적으로는 성립하지 않습니다."
    ),
    # --input-shape
    "read.unbatched": "배치 없음, 2차원",
    "read.dims_3": "N = 시퀀스 {n}개, L = 시점 {l}개, H_in = 특성 {h}개",
    "read.dims_2": "L = 시점 {l}개, H_in = 특성 {h}개",
    "note.input_shape": "--input-shape {shape}: torch가 읽는 대로 읽음 ({layout}): {dims}.",
    "warn.input_shape": (
        "--input-shape {shape}: torch는 배치 {n}개의 시점 {l}개로 읽지만, 2의 거듭제곱인 {l} "
        "쪽이 배치 크기처럼 보입니다 ({n}은 아님). {other_dims}을 뜻했다면 {flag} 옵션을 "
        "주거나 x.transpose(0, 1)을 쓰세요."
    ),
    "head.warnings": "경고",
    # a packed batch's sequences and their last steps, shared by explain and diagram
    "seq.end": "b={b}: t={t}",
    # rnnx code: comments in the generated script
    "code.header": "# rnnx가 만드는 nn.{cell}; rnnx가 보여주는 모양을 출력합니다 (숫자는 다름).",
    # rnnx sweep
    "title.sweep": "스윕 · 설정 {n}개 · {backend} 백엔드",
    "sweep.progress": "설정 {n}개 실행 중",
    "sweep.rejected": "torch가 거부하는 설정 {n}개를 뺐습니다 (전체 {total}개 중). 예: {reason}",
    "code.seed": "# --seed {seed} mod 2**63: torch는 64비트 시드를 받습니다",
    "code.lengths": "# 시퀀스마다 길이 하나, CPU에 둠",
    # errors: one line each, naming the flag, the value and the fix
    "error.lang_env": "RNNX_LANG: 알 수 없는 언어 {value!r}; {choices} 중에서 고르세요",
    "error.not_positive": "{flag}: 1 이상이어야 합니다 (받은 값 {value}); 양의 정수를 주세요",
    "error.negative": "{flag}: 0 이상이어야 합니다 (받은 값 {value}); 예: {flag} 0",
    "error.proj_lstm_only": (
        "--proj-size는 --cell lstm에만 쓸 수 있습니다: proj_size={proj_size}, cell={cell}; "
        "--proj-size를 빼거나 --cell lstm을 쓰세요"
    ),
    "error.proj_not_smaller": (
        "--proj-size는 --hidden-size보다 작아야 합니다: proj_size={proj_size}, "
        "hidden_size={hidden_size} (torch의 메시지: 'proj_size has to be smaller than "
        "hidden_size')"
    ),
    "error.nonlinearity_rnn_only": (
        "--nonlinearity는 --cell rnn에만 쓸 수 있습니다: nonlinearity={nonlinearity}, "
        "cell={cell}; --nonlinearity를 빼세요 (LSTM과 GRU의 게이트는 정해져 있음)"
    ),
    "error.dropout_range": (
        "--dropout: [0, 1) 안의 값이어야 합니다 (받은 값 {dropout}); 예: --dropout 0.2"
    ),
    "error.unbatched_batch": (
        "--batch-size는 --unbatched와 함께 쓸 수 없습니다: batch_size={batch_size}; "
        "--unbatched나 --batch-size를 빼세요"
    ),
    "error.lengths_unbatched": (
        "--lengths에는 배치가 필요합니다: --unbatched와 함께 lengths={lengths}; 하나를 빼세요"
    ),
    "error.lengths_positive": (
        "--lengths: 양의 정수여야 합니다 (받은 값 {lengths}); 예: --lengths 10,7,3"
    ),
    "error.lengths_mismatch": (
        "--lengths {lengths}: 배치 크기 (batch_size) {n}, 시퀀스 길이 (seq_len) {l}에 해당하는데 "
        "받은 값은 batch_size={batch_size}, seq_len={seq_len}입니다; --batch-size/--seq-len "
        "옵션을 빼세요"
    ),
    "error.cuda_backend": (
        "--device cuda는 --backend torch에서만 실행됩니다: backend={backend}; "
        "--device cuda를 빼거나 --backend torch를 쓰세요"
    ),
    "error.no_cuda": (
        "--device cuda: torch가 이 컴퓨터에서 CUDA GPU를 찾지 못했습니다 "
        "(torch.cuda.is_available()이 False); --device cpu를 쓰세요"
    ),
    "error.unknown_choice": (
        "{flag}: {raw!r} 안의 {name!r}: 알 수 없는 선택지입니다; {allowed} 중에서 고르세요"
    ),
    "error.empty_choices": "{flag}: 비어 있습니다; {example}처럼 쉼표로 구분한 목록을 주세요",
    "error.input_shape_rank": (
        "--input-shape {shape}: 차원이 {n}개입니다. nn.{cell}은 2차원 (L, H_in) 또는 3차원 "
        "입력을 받습니다; 차원을 빼거나 합치세요"
    ),
    "error.input_shape_unbatched": (
        "--input-shape {shape}: 차원이 3개인데 --unbatched는 2개 (L, H_in)을 받습니다; "
        "--unbatched나 배치 차원을 빼세요"
    ),
    "error.input_shape_features": (
        "--input-shape {shape}: torch의 메시지는 'input.size(-1) must be equal to input_size. "
        "Expected {expected}, got {got}'입니다. 마지막 차원은 각 x_t의 특성 수입니다: "
        "--input-size {got} 옵션을 주거나, 마지막 차원이 {expected}이 되도록 x의 모양을 "
        "바꾸세요"
    ),
    "error.input_shape_disagrees": (
        "{flag} {given}: --input-shape {shape}에서 읽은 값은 {read}입니다; "
        "{flag} 옵션을 빼세요 (--input-shape가 정함)"
    ),
    "error.input_shape_lengths": (
        "--input-shape {shape}, --lengths: 둘 다 배치를 정합니다; 하나를 빼세요"
    ),
    "error.grid_minimum": "{flag}: 값은 {minimum} 이상이어야 합니다 ({value!r} 안의 {got})",
    "error.grid_item": "{flag}: {expected}의 쉼표 목록을 받습니다 ({value!r} 안의 {item!r})",
    "grid.bools": "true, false 또는 {both}",
    "grid.ints": "정수",
    "grid.floats": "숫자",
    "error.max_configs": (
        "--max-configs: 격자의 설정이 {total:,}개로 max_configs={max_configs:,}보다 많습니다; "
        "쉼표 목록을 줄이거나 --max-configs를 올리세요"
    ),
    "budget.half": "사용 가능한 {free}의 절반",
    "error.memory": (
        "--max-memory: 이 실행에 필요한 메모리 (추정 약 {need})가 예산 {budget} ({source})보다 "
        "큽니다; 계산 없이 모양만 보려면 --backend analytic을 쓰거나 --max-memory를 올리세요"
    ),
    "error.in_config": "설정 {i}/{n} ({label}): {error}",
    "error.no_tensors": (
        "--backend {backend}: 여기서는 텐서를 계산하지 않습니다; --backend torch 또는 numpy를 "
        "쓰세요"
    ),
    "error.shape_mismatch": "{name}: 백엔드의 결과는 {shape}, 계산으로는 {expected}",
    "error.save_analytic": (
        "--save에는 계산한 값이 필요합니다: backend=analytic; --backend torch 또는 numpy를 쓰세요"
    ),
    "error.backends_two": (
        "--backends: 비교하려면 서로 다른 백엔드가 둘 이상 필요합니다 (받은 값 {backends!r}); "
        "예: --backends torch,numpy"
    ),
    "error.backends_analytic": (
        "--backends: analytic은 비교할 값을 계산하지 않습니다; 예: torch,numpy"
    ),
    "error.ints": (
        "{flag}: 쉼표로 구분한 양의 정수여야 합니다 (받은 값 '{raw}'); 예: {flag} {example}"
    ),
    "error.expect_name": (
        "--expect는 NAME=SHAPE 꼴이고 NAME은 {names} 중 하나입니다 (받은 값 {raw!r}); "
        "예: --expect h_n=4,1,8"
    ),
    "error.expect_shape": (
        "--expect {name}=SHAPE: 쉼표로 구분한 양의 정수여야 합니다 (받은 값 {raw!r}); "
        "예: --expect h_n=4,1,8"
    ),
    "error.contradict": "{first}, {then}: 서로 반대되는 옵션입니다; 하나만 주세요",
    "error.twice": "{flag}: 두 번 주어졌습니다 ({first}, 그다음 {then}); 한 번만 주세요",
    "exp.feature_hidden": "은닉 상태의 크기 (hidden_size) {h}",
    "exp.feature_proj": "투영 크기 (proj_size) {p}",
    "head.expectations": "내 답 (--expect)",
    "exp.holds": "{name}: torch가 내는 모양과 같습니다",
    "exp.doubled": (
        "{i}번 차원: {f} ({got} 아님): 두 방향은 0번 차원의 서로 다른 행입니다 "
        "({rows} = 층 {layers}개 × 방향 2개); 두 방향을 마지막 차원에서 이어 붙이는 것은 "
        "output뿐입니다"
    ),
    "exp.output_x2": (
        "{i}번 차원: {f} ({h} 아님): output은 두 방향을 마지막 차원에서 이어 붙입니다 "
        "({f} = 방향 2개 × {h})"
    ),
    "exp.batch_first_state": (
        "batch_first는 {name}에 적용되지 않습니다: 입력 배치가 어떻든 언제나 "
        "(층·방향, 배치, 특성) = ({shape})입니다"
    ),
    "exp.rows_directions": (
        "0번 차원: {rows} ({layers} 아님): 층마다, 방향마다 한 행입니다 "
        "({rows} = 층 {layers}개 × 방향 2개); 역방향 (backward direction)도 자기 행을 가집니다"
    ),
    "exp.rows_layers": (
        "0번 차원: {rows} ({d} 아님): 층마다, 방향마다 한 행입니다 ({rows} = 층 {layers}개 × "
        "방향 {d}개); 층마다 자기 마지막 상태를 남깁니다"
    ),
    "exp.proj_h": (
        "{i}번 차원: {f} ({got} 아님): 투영 크기 (proj_size) {p}이면 h_t는 저장되기 전에 "
        "은닉 상태의 크기 {h}에서 특성 {p}개로 투영됩니다"
    ),
    "exp.proj_c": (
        "{i}번 차원: 은닉 상태의 크기 {h} (투영 크기 {p} 아님): 셀 상태 (cell state)는 "
        "투영되지 않습니다; proj_size는 h_t (output과 h_n)에만 적용됩니다"
    ),
    "exp.unbatched": (
        "{name}에는 배치 축이 없습니다: 배치 없는 입력 (L, H_in)은 h_n, c_n을 포함한 "
        "모든 텐서에서 배치 축을 뺍니다"
    ),
    "exp.batch_kept": (
        "{name}은 {i}번 차원에 배치 축 (배치 크기 {n})을 유지합니다: 배치 축을 빼는 것은 "
        "2차원 (배치 없는) 입력뿐입니다"
    ),
    "exp.layout_bf": (
        "batch_first=True: {name}은 (배치, 시퀀스, 특성) = ({shape})입니다; (시퀀스, 배치, …)는 "
        "torch의 기본값인 seq-first입니다"
    ),
    "exp.layout_sf": (
        "seq-first (batch_first=False): {name}은 (시퀀스, 배치, 특성) = ({shape})입니다; "
        "(배치, 시퀀스, …)는 batch_first=True일 때입니다"
    ),
    "exp.rank": "{name}의 차원 수: {n}개 ({got}개 아님): {dims}",
    "exp.dim": "{i}번 차원: {want} ({got} 아님; {meaning})",
    "exp.mismatch": "--expect: {names}에서 torch와 다릅니다; 이유는 각 답 아래에 있습니다",
    "note.returns_lstm": "nn.LSTM은 중첩 튜플을 반환합니다: output, (h_n, c_n) = lstm(x).",
    "note.returns": (
        "nn.{cell}은 output, h_n을 반환합니다 (c_n 없음): output, (h_n, c_n) = {name}(x)는 "
        "ValueError로 실패합니다: 풀기는 h_n의 0번 차원을 따라가는데 그 크기가 2가 아니라 "
        "{rows}입니다."
    ),
    "note.h_n_not_doubled": (
        "h_n의 특성 수: {h} (2 × {h} 아님): 방향은 0번 차원의 행이고, 두 방향을 잇는 "
        "것은 output뿐입니다 ({n})."
    ),
    "note.recipes_need_values": (
        "레시피와 항등식은 계산된 값으로 검사합니다: --backend analytic에서는 검사하지 않습니다 "
        "(?); --backend torch 또는 numpy로 실행하세요."
    ),
    "note.more": "파라미터 {params}개 (텐서 {tensors}개), 곱셈-덧셈 {mult_adds}회: 표는 --params",
    "title.recipes": "레시피, 이번 실행의 값으로 검사함",
    "title.recipes_unchecked": "레시피 (검사 안 함: --backend analytic은 값을 계산하지 않습니다)",
    "recipe.fails": "✗ 여기서 성립하지 않음",
    "recipe.not": "{wrong} 아님",
    "recipe.same_here": "이 값에서는 우연히 같음",
    "recipe.summary": "분류기용 시퀀스 요약: 최상위 층의 마지막 상태",
    "recipe.summary_wrong_layer": "h_n[0]은 최하위 층입니다; 최상위 층은 마지막에 옵니다",
    "recipe.summary_2dir": "분류기용 시퀀스 요약: 최상위 층, 두 방향의 마지막 상태",
    "recipe.summary_wrong_last": "모양은 같지만 역방향 절반은 한 시점만 읽었습니다",
    "recipe.classifier": "요약을 읽는 층: in_features는 요약의 마지막 차원입니다",
    "recipe.classifier_wrong": "한 방향의 크기뿐입니다",
    "recipe.top_directions": "h_n의 마지막 두 행에서 같은 요약: permute 후 펼치기",
    "recipe.top_directions_wrong": "permute 없이 view하면 서로 다른 시퀀스의 행이 짝지어집니다",
    "recipe.layers_directions": "층별로 나눈 h_n: [k, 0]은 층 k의 마지막 상태",
    "recipe.layers_directions_2dir": (
        "층과 방향으로 나눈 h_n: [k, 0]은 층 k 정방향, [k, 1]은 역방향"
    ),
    "recipe.last_valid": "각 시퀀스의 마지막 실제 출력 (정방향); lengths는 텐서로",
    "recipe.last_valid_wrong": "마지막 패딩 시점: L보다 짧은 시퀀스는 0입니다",
    "recipe.backward": "역방향의 마지막 상태: L−1 … 0으로 진행해 t = 0에서 끝납니다",
    "recipe.backward_packed": (
        "역방향의 마지막 상태: 시퀀스 b의 역방향은 자기 마지막 시점 length_b − 1 (L − 1이 "
        "아님)에서 시작해 t = 0에서 끝납니다"
    ),
    "recipe.backward_wrong": "역방향이 시작하는 곳, 한 시점 뒤",
    "recipe.backward_wrong_packed": "각 시퀀스의 역방향이 끝나는 곳이 아니라 시작하는 곳",
    "recipe.initial_state": (
        "선택 사항 (생략하면 0): {name}(x, h_0); batch_first는 적용되지 않습니다"
    ),
    "recipe.initial_state_lstm": (
        "선택 사항 (생략하면 0): lstm(x, (h_0, c_0)); batch_first는 적용되지 않습니다"
    ),
    "recipe.initial_state_wrong": "batch_first는 상태에 결코 적용되지 않습니다",
    "id.legend": (
        "✓ 같음, ✗ 다름: 이 값이 보여 주는 것. 항상: torch가 보장; 일반적으로는 아님: 닮은꼴. "
        "초록과 파랑은 예상된 결과, 빨강은 뜻밖의 결과."
    ),
    "id.backward_packed": (
        "시퀀스 b의 역방향은 자기 마지막 시점 length_b − 1에서 시작해 t = 0에서 끝납니다"
    ),
    "col.recipe": "레시피",
    "col.purpose": "용도",
    "sweep.same": "모든 설정에서: {shapes}",
    "check.bad_fit": (
        "{given}: --convention {convention}에 맞지 않습니다; {fix} --convention torch를 쓰세요"
    ),
    "check.bad_target": (
        "TARGET은 FILE.py:FUNCTION 또는 package.module:FUNCTION 형식이어야 합니다: "
        "{target!r}을 받았습니다; 예: examples/check/loop_correct.py:rnn_loop"
    ),
    "check.no_file": "TARGET {target}: {path} 파일이 없습니다; 경로를 확인하세요",
    "check.missing": "TARGET {target}: 그곳에 {missing}이 없습니다; 이름을 확인하세요",
    "check.bad_timeout": (
        "--timeout은 양의 초 단위 숫자여야 합니다: {value}을 받았습니다; 예: --timeout 10"
    ),
    "error.tolerance": (
        "{flag}은 0 이상의 유한한 수여야 합니다: {value}을 받았습니다; 예: {flag} 1e-6"
    ),
    "check.conv_one_bias": (
        "b = bias_ih_l0 + bias_hh_l0: torch의 두 편향을 이 규약이 받는 하나의 편향으로 더했습니다."
    ),
    "check.conv_transposed": (
        "Wx = weight_ih_l0ᵀ (D, G·H), Wh = weight_hh_l0ᵀ (H, G·H): x @ Wx로 곱하도록 전치했습니다."
    ),
    "check.conv_gates": "게이트 블록 순서를 torch의 {torch}에서 {order}로 바꿨습니다.",
    "check.conv_c0_zero": (
        "c0 = 0: lstm_forward는 셀 상태를 0에서 시작하므로 기준 계산도 그렇게 합니다."
    ),
    "check.conv_h0": "h0은 0이 아니라 시드로 뽑은 난수입니다.",
    "check.fail_timeout": (
        "--timeout {seconds}초 안에 반환하지 않았습니다(무한 루프?): 중단했습니다"
    ),
    "check.fail_killed": (
        "반환하지 않고 프로세스가 끝났습니다(종료 상태 {code}): os._exit, 충돌 또는 제한"
    ),
    "check.fail_exception": "{error} 예외를 일으켰습니다",
    "check.fail_exit": "반환하는 대신 sys.exit({code})를 호출했습니다",
    "check.fail_memory": "메모리가 부족합니다: --memory-limit이 허용하는 것보다 많이 요청했습니다",
    "check.fail_return": "{what}을 기대했지만 {got}을 반환했습니다",
    "check.square_rerun": (
        "이를 보려면 --input-size {size}(정사각 가중치)로 다시 실행해야 했습니다."
    ),
    "mistake.transposed_w_hh": (
        "W_hh를 전치해서 사용: {convention}은 W_hh·h인데 h·W_hh로 계산(블록별)"
    ),
    "mistake.transposed_weights": (
        "가중치(W_ih와 W_hh)를 전치해서 사용: 레이아웃은 np.dot(Wx, x)인데 np.dot(x, Wx)로, "
        "또는 그 반대로"
    ),
    "mistake.bias_missing": "편향을 빠뜨림",
    "mistake.bias_ih_only": (
        "편향을 한 번만 더함: torch는 bias_ih와 bias_hh를 더하는데 bias_ih만 사용"
    ),
    "mistake.bias_hh_only": (
        "편향을 한 번만 더함: torch는 bias_ih와 bias_hh를 더하는데 bias_hh만 사용"
    ),
    "mistake.activation_swapped": ("--nonlinearity {want}은 {want}을 요구하는데 {got}을 사용"),
    "mistake.gate_order": (
        "--convention {convention}은 게이트를 {expected} 순서로 쌓는데 {order} 순서로 읽음"
    ),
    "mistake.gru_reset_before_matmul": (
        "리셋 게이트를 행렬곱 앞에 적용, d2l처럼 W_hn(r ⊙ h): torch는 r ⊙ (W_hn h + b_hn)"
    ),
    "mistake.gru_update_swapped": (
        "업데이트 게이트를 반대로: h' = z ⊙ n + (1 − z) ⊙ h, torch는 h' = (1 − z) ⊙ n + z ⊙ h"
    ),
    "mistake.h_c_swapped": "h와 c가 뒤바뀜: (h_n, c_n)이어야 하는데 (c_n, h_n)을 반환",
    "mistake.c_as_output": "출력으로 h_t 대신 셀 상태 c_t를 반환",
    "mistake.backward_not_reversed": "역방향을 뒤집지 않음: 정방향처럼 t = 0 … L−1 순서로 진행",
    "mistake.backward_not_rereversed": (
        "역방향 출력을 다시 뒤집지 않음: output[t]에 시점 L−1−t의 상태가 들어 있음"
    ),
    "mistake.h0_ignored": "h0을 무시함: 전달된 h0이 아니라 0에서 순환을 시작",
    "mistake.off_by_one": (
        "시점이 하나 어긋남: output[t]에 갱신 전에 저장한 상태 h_(t−1)이 들어 있음"
    ),
    "check.title": "rnnx check · {target} · --convention {convention} · 기준 {reference} float64",
    "check.col_expected": "기대",
    "check.col_got": "결과",
    "check.col_verdict": "판정",
    "check.col_max_abs": "최대 |Δ|",
    "check.col_max_rel": "최대 상대오차",
    "check.col_first": "처음 어긋난 곳",
    "check.pass": "통과",
    "check.fail": "실패",
    "check.shape_differs": "모양이 다름",
    "check.not_returned": "반환되지 않음",
    "check.at": "{where}: 기대 {expected:.6g}, 결과 {got:.6g}",
    "check.where_layer": "층 {layer}",
    "check.where_direction": "방향 {d}",
    "check.where_batch": "배치 행 {b}",
    "check.where_feature": "특성 {f}",
    "check.head_layout": "레이아웃",
    "check.head_failure": "함수가 실패했습니다",
    "check.head_diagnosis": "이런 실수로 보입니다",
    "check.no_diagnosis": "흔한 실수 하나로는 이 숫자들이 재현되지 않습니다",
    "check.passed": "통과: 모든 텐서가 atol {atol:g} + rtol {rtol:g}·|기대값| 안에 있습니다",
    "check.failed": (
        "실패: 텐서 {total}개 중 {n}개가 atol {atol:g} + rtol {rtol:g}·|기대값|를 넘게 다릅니다"
    ),
    "check.failed_run": "실패: 함수가 텐서를 내놓지 않았습니다",
    "check.gs_tensor": "{name}: 모양과 값",
    "check.gs_run": "실행되고 반환함",
    "mistake.state_not_carried": (
        "은닉 상태를 이어 받지 않음: 매 시점이 이전 시점의 h가 아니라 h0에서 다시 시작"
    ),
    "error.file_suffix": (
        "{flag}에는 {suffix} 파일 이름을 주어야 합니다: {name}={path}; 예: {flag} {example}"
    ),
    "error.file_is_dir": (
        "{flag}이 디렉터리를 가리킵니다: {name}={path}; {example} 같은 파일 이름을 주세요"
    ),
    "error.file_no_dir": (
        "{flag}: 디렉터리 {dir}이 없습니다: {path}을 받았습니다; 디렉터리를 만들거나 "
        "다른 경로를 고르세요"
    ),
    "error.file_dir_locked": (
        "{flag}: 디렉터리 {dir}에 쓸 수 없습니다(권한 없음): {path}을 받았습니다; 쓸 수 "
        "있는 디렉터리를 고르세요"
    ),
    "error.file_name_long": (
        "{flag}: 파일 이름이 {n}자로, 이 파일 시스템의 최대 {most}자보다 깁니다: {path}을 "
        "받았습니다; 더 짧은 이름을 고르세요"
    ),
    "error.cannot_write": (
        "{flag}: {path}에 쓸 수 없습니다: {reason}; 기존 파일이 있다면 그대로입니다; 쓸 수 있는 "
        "경로를 고르세요"
    ),
    "error.stdout_closed": (
        "표준 출력이 닫혀 있어 아무것도 출력할 수 없습니다; 표준 출력을 연 채로 rnnx를 "
        "실행하거나('>&-'를 빼세요) 파일로 리디렉션하세요"
    ),
    "error.stdout_failed": (
        "표준 출력에 쓸 수 없습니다: {reason}; 해당 장치의 공간을 확보하거나 표준 출력을 다른 "
        "곳으로 리디렉션하세요"
    ),
    "error.interrupted": "중단됨(Ctrl-C); 아무것도 저장하지 않았습니다",
    "error.out_of_memory": (
        "추정치가 예산 안에 들었지만 메모리가 부족했습니다; --max-memory를 낮추거나, 네트워크나 "
        "배치를 줄이거나, --backend analytic을 쓰세요"
    ),
    "note.parameters_not_listed": (
        "파라미터를 나열하지 않음: 층당 {per}행 × {layers:,}개 층 = {rows:,}행으로, rnnx가 "
        "나열하는 최대 {most:,}행보다 많습니다; 아래 합계는 모두 셉니다"
    ),
    "error.diagram_layers": (
        "--layers {layers:,}: 다이어그램은 층과 방향마다 한 줄씩 최대 {most}개 층까지 그립니다; "
        "--layers {most} 이하를 쓰거나, 합계는 rnnx shape --backend analytic으로 보세요"
    ),
    "error.size": (
        "{flag}에는 1바이트 이상의 크기를 주어야 합니다(예: 4GiB, 512MiB, 2GB, 1e9): "
        "'{value}'을 받았습니다"
    ),
    "error.size_too_large": (
        "{flag}은 최대 2**63 - 1이어야 합니다(torch는 크기를 64비트 정수로 저장합니다): "
        "{value}을 받았습니다; 더 작은 정수를 주세요"
    ),
    "error.list_not_finite": (
        "{flag}에는 유한한 수를 주어야 합니다: '{value}' 안의 '{item}'; 빼거나 0.1,0.2처럼 주세요"
    ),
    "error.grid_too_large": (
        "--max-configs: 격자에 설정이 {total:,}개로, sweep이 실행하는 최대 {most:,}개보다 "
        "많습니다; 쉼표 목록을 줄이거나 sweep을 나누세요"
    ),
    "error.os": "{what}: {reason}; 존재하는지, 읽고 쓸 수 있는지 확인하세요",
    "cmp.h_out_2dir": "output: 특성 {o_was}개 대신 {o}개 (방향 2개 × {h}); h_n: {was}개 대신 {h}개",
    "exp.proj_h_2dir": (
        "{i}번 차원: {f} ({got} 아님): 투영 크기 (proj_size) {p}이면 방향마다 h_t가 은닉 상태의 "
        "크기 {h}에서 특성 {p}개로 투영되고, output은 두 방향을 이어 붙입니다 ({f} = 2 × {p})"
    ),
    "error.expect_csv": (
        "--expect는 이유와 함께 답하는데 CSV에는 그 열이 없습니다: --format table, json, "
        "markdown 중 하나를 쓰세요"
    ),
    "recipe.summary_wrong_padded": (
        "모양은 같지만 L보다 짧은 시퀀스에서는 0인 패딩이고, 가장 긴 시퀀스에서도 역방향 절반은 "
        "한 시점만 읽었습니다"
    ),
    "error.computed_layers": (
        "--layers {layers}: --backend {backend}: 층은 최대 {most:,}개까지 만듭니다 (더 깊으면 "
        "몇 분이 "
        "걸립니다); 깊이에 상관없이 모양만 보려면 --backend analytic을 쓰세요"
    ),
    "check.memory_too_low": (
        "--memory-limit {value}: 자식 프로세스가 함수를 실행하기 전에 Python과 numpy를 올리는 데 "
        "필요한 {least}보다 작습니다; 예: --memory-limit 512MiB"
    ),
    # catalog hygiene: check's fixes from the catalog, so a Korean refusal is Korean throughout
    "check.fix_drop": "{flag} 옵션을 빼거나",
    "check.fix_cell": "--cell {allowed} 옵션을 쓰거나",
    "check.fix_seq_first": "x가 (N, T, D)가 되도록 {flag} 옵션을 빼거나",
    "check.or": "{a} 또는 {b}",
    # why: `rnnx why`, a torch error message decoded (rnn_cli/why/)
    "why.unknown": "이 글에는 rnnx가 아는 오류가 없습니다; rnnx why가 읽는 오류 종류: {families}",
    "why.no_text": (
        "rnnx why에는 오류 메시지가 필요합니다: 따옴표로 감싸 넘기거나 파이프로 보내세요 "
        "(python train.py 2>&1 | rnnx why)"
    ),
    "why.head_message": "torch의 메시지",
    "why.head_checked": "torch가 확인한 것",
    "why.head_numbers": "메시지의 숫자",
    "why.head_causes": "정확히 이 숫자를 만드는 원인 (가능성 높은 순)",
    "why.head_command": "올바른 모양 보기",
    "why.head_conflict": "주신 네트워크",
    "why.col_cause": "원인",
    "why.col_fix": "고치는 법",
    "why.likely": "유력",
    "why.possible": "가능",
    "why.no_cause": "메시지와 주신 네트워크 둘 다에 맞는 원인이 없습니다",
    "why.checked.dropout_range": "nn.RNN/LSTM/GRU가 dropout이 0에서 1 사이의 수인지 확인했습니다",
    "why.checked.dropout_one_layer": (
        "nn.RNN/LSTM/GRU가 dropout은 쌓인 층 사이에서만 작동한다고 경고했습니다"
    ),
    "why.checked.size_type": "nn.RNN/LSTM/GRU가 각 크기가 Python int인지 확인했습니다",
    "why.checked.size_not_positive": "nn.RNN/LSTM/GRU가 각 크기가 1 이상인지 확인했습니다",
    "why.checked.proj_negative": "nn.LSTM이 proj_size가 0 이상인지 확인했습니다",
    "why.checked.proj_not_smaller": "nn.LSTM이 proj_size가 hidden_size보다 작은지 확인했습니다",
    "why.checked.proj_not_lstm": ("nn.RNN과 nn.GRU가 nn.LSTM만 받는 proj_size를 거부했습니다"),
    "why.checked.nonlinearity": "nn.RNN이 nonlinearity가 'tanh' 또는 'relu'인지 확인했습니다",
    "why.checked.input_size": (
        "층이 입력의 마지막 차원, 곧 각 시점 (time step)의 특성 수가 만들 때의 input_size와 "
        "같은지 확인했습니다"
    ),
    "why.checked.hidden_size": (
        "층이 넘겨받은 초기 상태의 모양을 자기 설정과 입력으로 계산한 모양과 비교했습니다"
    ),
    "why.checked.input_rank": (
        "층이 입력이 3차원 (배치) 또는 2차원 (배치 없는 시퀀스 하나)인지 확인했습니다"
    ),
    "why.checked.state_rank": (
        "층이 입력에 배치 축이 있을 때에만 초기 상태에도 배치 축이 있는지 확인했습니다"
    ),
    "why.checked.dtype": "층이 입력의 dtype이 가중치의 dtype과 같은지 확인했습니다",
    "why.checked.cell_input_size": (
        "셀이 입력의 특성 수가 만들 때의 input_size와 같은지 확인했습니다"
    ),
    "why.checked.cell_batch": "셀이 입력과 상태의 행 수가 같은지 확인했습니다",
    "why.checked.cell_hidden_size": "셀이 상태의 크기가 만들 때의 hidden_size인지 확인했습니다",
    "why.checked.cell_rank": (
        "셀이 입력이 한 시점 분량, 곧 2차원 (배치, 특성) 또는 1차원인지 확인했습니다"
    ),
    "why.checked.lengths_type": "패킹이 lengths가 CPU에 있는 1차원 int64 텐서인지 확인했습니다",
    "why.checked.lengths_zero": "패킹이 모든 시퀀스에 시점이 하나 이상 있는지 확인했습니다",
    "why.checked.lengths_unsorted": (
        "패킹이 lengths가 긴 것부터 짧은 것 순서인지 확인했습니다 (enforce_sorted=True)"
    ),
    "why.checked.lengths_count": "패킹이 배치의 시퀀스마다 길이가 하나씩 있는지 확인했습니다",
    "why.checked.total_length": (
        "언패킹이 total_length가 가장 긴 시퀀스를 담을 만큼인지 확인했습니다"
    ),
    "why.checked.empty": "패킹 또는 층이 시점이 하나 이상 있는지 확인했습니다",
    "why.checked.packed_to_tensor_op": "Tensor를 받는 연산에 PackedSequence가 들어갔습니다",
    "why.checked.device": "층이 입력, 상태, 가중치가 같은 장치에 있는지 확인했습니다",
    "why.checked.not_contiguous": "cuDNN이 초기 상태가 메모리에 연속으로 놓였는지 확인했습니다",
    "why.checked.cudnn_eval_backward": "cuDNN이 eval 모드인 층을 거치는 역전파를 거부했습니다",
    "why.checked.flatten_parameters": (
        "cuDNN이 층의 가중치가 한 덩어리의 메모리가 아니라고 경고했습니다"
    ),
    "why.checked.matmul": (
        "행렬 곱, 곧 nn.Linear의 (행 × 특성) @ (in_features × out_features)가 특성 수와 "
        "in_features가 같은지 확인했습니다"
    ),
    "why.checked.tuple_to_tensor_op": "Tensor를 받는 연산에 튜플이 들어갔습니다",
    "why.checked.unpack": "Python이 풀어 낸 값의 개수가 왼쪽 이름의 개수와 맞는지 확인했습니다",
    "why.checked.tuple_attribute": "Python이 Tensor의 속성을 튜플에서 찾았습니다",
    "why.checked.view_stride": (
        "view()가 새 모양이 텐서의 메모리 배치를 그대로 쓸 수 있는지 확인했습니다"
    ),
    "why.checked.target_size": (
        "손실 함수가 로짓의 1번 차원을 클래스로 읽고 정답의 모양을 확인했습니다"
    ),
    "why.checked.loss_batch": "손실 함수가 로짓과 정답의 행 수가 같은지 확인했습니다",
    "why.meaning_rows": "층 × 방향",
    "why.meaning_batch": "배치",
    "why.meaning_features": "특성",
    "why.dim_same": "{i}번 차원은 {meaning}입니다: 층이 기대하는 대로 {want}",
    "why.dim_rows": (
        "{i}번 차원은 {meaning}입니다: 층에는 행이 {want}개 있는데 (층과 방향마다 하나) "
        "{state}은 {got}개로 만들어졌습니다"
    ),
    "why.dim_batch": (
        "{i}번 차원은 {meaning}입니다: 입력에는 시퀀스가 {want}개인데 {state}은 {got}개에 "
        "맞춰 만들어졌습니다"
    ),
    "why.dim_features": (
        "{i}번 차원은 {meaning}입니다: 층의 상태는 {want}개인데 {state}은 {got}개입니다"
    ),
    "why.conflict.input_size": (
        "--input-size {said} 설정을 주셨지만 이 오류를 낸 층의 input_size는 {want}입니다"
    ),
    "why.conflict.rows": (
        "이 오류를 낸 층의 층 × 방향 행은 {rows}개인데 주신 네트워크는 {said}개입니다"
    ),
    "why.conflict.lstm": "이 메시지는 nn.LSTM만 내는데 --cell {cell} 설정을 주셨습니다",
    "why.conflict.not_lstm": "nn.LSTM은 이 메시지를 내지 않는데 --cell {cell} 설정을 주셨습니다",
    "why.conflict.layers": "이 오류를 낸 층은 {got}층인데 --layers {said} 설정을 주셨습니다",
    "why.named.input_size": "input_size는 {want}인데 입력의 각 시점에는 특성이 {got}개입니다",
    "why.named.input_rank": "입력이 {got}차원입니다",
    "why.named.state_rank": "입력은 {input}차원, {states}는 {got}차원입니다",
    "why.named.dtype": "입력은 {input}, 층의 가중치는 {weight}입니다",
    "why.named.cell_batch": "입력은 {input}행 (배치)인데 {state}은 {built}행으로 만들어졌습니다",
    "why.named.cell_hidden_size": "셀의 hidden_size는 {want}인데 {state}의 특성은 {got}개입니다",
    "why.named.cell_rank": "{module}에 넣은 입력이 {got}차원입니다",
    "why.named.dropout_one_layer": "dropout {dropout}, num_layers {num_layers}",
    "why.named.size_type": "{name} 값이 {type}로 들어왔습니다",
    "why.named.size_not_positive": "{name} 값이 0 이하로 들어왔습니다",
    "why.named.nonlinearity": "nonlinearity로 '{nonlinearity}'를 주셨습니다",
    "why.named.lengths_type": "lengths는 {rank}차원이고 {device}에 있습니다",
    "why.named.lengths_count": (
        "길이를 {got}개 주셨는데 패킹할 텐서의 배치 자리 크기는 {batch}입니다"
    ),
    "why.named.total_length": "total_length {total_length}; 가장 긴 시퀀스는 {longest}시점",
    "why.named.packed_to_tensor_op": "연산: {what}",
    "why.named.device": "입력은 {input}에, {other} 텐서는 {device}에 있습니다",
    "why.named.not_contiguous": "연속이 아닌 상태: {state}",
    "why.named.matmul": (
        "특성 {features}개짜리 {rows}행이 특성 {in_features}개를 받아 {out_features}개를 내는 "
        "nn.Linear에 들어갔습니다"
    ),
    "why.named.unpack_not_enough": "왼쪽 이름은 {expected}개인데 값에는 {got}개가 있었습니다",
    "why.named.unpack_too_many": "왼쪽 이름은 {expected}개인데 값에는 더 많이 있었습니다",
    "why.named.tuple_attribute": "찾은 속성: .{attribute}",
    "why.named.target_size": (
        "로짓 (배치 {batch}, 시점 {time}, 클래스 {classes}): 손실 함수가 1번 차원 ({time}개)에서 "
        "클래스를 읽어 정답을 ({batch}, {classes}) 모양으로 기대했는데 정답은 "
        "({batch}, {time})입니다"
    ),
    "why.named.loss_batch": "로짓은 {input}행, 정답은 {target}행입니다",
    "why.cause.after_bidirectional": (
        "앞 층이 양방향입니다: 그 출력은 두 방향을 이어 붙여 2 × {half} = {got}개 특성인데 "
        "이 층은 {want}개로 만들어졌습니다"
    ),
    "why.cause.input_size_wrong": (
        "input_size는 {want}인데 데이터의 시점마다 특성이 {got}개입니다 (batch_first와 "
        "상관없이 마지막 차원이 늘 특성입니다)"
    ),
    "why.cause.features_not_last": (
        "특성이 마지막 축에 있지 않습니다: Conv1d나 스펙트로그램처럼 (배치, 특성, 시간)으로 "
        "놓인 데이터는 시점 ({got}개)이 마지막에 옵니다"
    ),
    "why.cause.last_batch": (
        "마지막 배치가 batch_size보다 작습니다: 입력에는 시퀀스가 {input}개인데 {state}은 "
        "{built}개에 맞춰 만들어졌습니다; 입력에서 크기를 읽어 만들거나 DataLoader에 "
        "drop_last=True를 주세요"
    ),
    "why.cause.seq_batch_swapped": (
        "시간과 배치가 뒤바뀌었습니다: batch_first=True가 아니면 층은 1번 차원을 배치로 "
        "읽으므로, 배치 우선 데이터에서는 시점 ({input}개)이 배치가 되고 {state}은 시퀀스 "
        "{built}개에 맞춰져 있습니다"
    ),
    "why.cause.state_size": (
        "{state}이 특성 {got}개로 만들어졌는데 층의 상태는 {want}개입니다 (hidden_size, "
        "LSTM의 h_0이면 proj_size)"
    ),
    "why.cause.old_torch_unbatched": (
        "torch 1.11 이전에는 3차원 입력만 받습니다: 시퀀스 하나 (L, 특성)에도 배치 축이 필요합니다"
    ),
    "why.cause.image_input": (
        "이미지 배치 (N, C, H, W)를 그대로 넣었습니다: 순환 층은 (N, L, 특성)을 읽습니다 "
        "(예: 이미지의 각 행을 한 시점으로)"
    ),
    "why.cause.extra_axis": (
        "축이 하나 많습니다: unsqueeze, 원-핫, 채널 축이 크기 1인 차원을 남겼습니다"
    ),
    "why.cause.no_feature_axis": (
        "숫자 하나씩의 시퀀스 (L,)에는 특성 축이 없습니다: 시점마다 벡터가 필요합니다"
    ),
    "why.cause.state_without_rows": (
        "상태를 (배치, 은닉)으로 만들었습니다: 층의 상태는 층이 하나여도 늘 층 × 방향으로 "
        "시작합니다, (L·D, 배치, 은닉) (LSTM이면 c_0도)"
    ),
    "why.cause.input_lost_batch": (
        "입력이 배치 축을 잃었습니다 (x[0], squeeze(), 배치 하나): 2차원 입력은 배치 없는 "
        "시퀀스 하나로 읽히는데 상태에는 배치가 있습니다"
    ),
    "why.cause.state_for_batch": (
        "배치 없는 시퀀스 하나의 상태는 배치 축 없이 (층 × 방향, 은닉)입니다"
    ),
    "why.cause.token_ids": (
        "입력이 정수, 곧 토큰 id입니다: 순환 층은 특성 벡터를 읽으므로 id는 먼저 "
        "nn.Embedding을 거쳐야 합니다; torch가 제안하는 model.to(torch.int64)는 통하지 "
        "않습니다 (가중치는 부동소수여야 합니다)"
    ),
    "why.cause.int_features": "특성이 정수로 저장되어 있습니다: 가중치의 dtype으로 바꾸세요",
    "why.cause.numpy_float64": (
        "NumPy는 float64 배열을 만들고 torch.from_numpy는 float64를 유지합니다; 층은 float32입니다"
    ),
    "why.cause.model_converted": (
        "모델은 변환했는데 (model.double(), model.half()) 입력은 변환하지 않았습니다"
    ),
    "why.cause.state_other_batch": (
        "상태를 다른 배치에서 이어 받았습니다 (이전 반복, 다른 배치 크기)"
    ),
    "why.cause.sequence_to_cell": (
        "시퀀스 전체를 한 시점만 받는 {module}에 넣었습니다: 시간에 대해 반복하거나 "
        "nn.{layer} 층을 쓰세요"
    ),
    "why.cause.dropout_percent": (
        "dropout은 백분율이 아니라 확률입니다: 20 %는 dropout=0.2입니다 (1 이상은 거부됩니다)"
    ),
    "why.cause.dropout_not_number": "dropout에 다른 것을 주었습니다 (예: bool, nn.Dropout 층)",
    "why.cause.dropout_one_layer": (
        "dropout은 쌓인 층 사이에서만 작동합니다; num_layers={num_layers}이면 층 사이가 없어 "
        "dropout={dropout} 설정은 아무 일도 하지 않습니다: 층을 하나 더 쌓거나 출력에 "
        "nn.Dropout({dropout})을 두세요"
    ),
    "why.cause.true_division": (
        "/는 나누어떨어져도 float를 냅니다: hidden_dim / 2는 128이 아니라 128.0입니다"
    ),
    "why.cause.float_config": "크기가 설정 파일이나 argparse에서 float로 들어왔습니다",
    "why.cause.size_zero": (
        "다른 값에서 계산한 크기가 0이 되었습니다: 예를 들어 hidden < 4일 때 hidden // 4, "
        "특성이 없는 텐서의 x.size(2)"
    ),
    "why.cause.proj_minus_one": "proj_size=-1은 투영을 끄지 않습니다; 끄려면 0입니다",
    "why.cause.proj_not_smaller": (
        "proj_size는 h_t를 hidden_size개 특성에서 줄입니다: 더 작아야 하고, 0은 투영 없음입니다"
    ),
    "why.cause.proj_not_lstm": (
        "h_t를 투영하는 것은 nn.LSTM뿐입니다; nn.GRU와 nn.RNN은 proj_size를 받지 않습니다"
    ),
    "why.cause.nonlinearity_choice": (
        "nn.RNN은 소문자 'tanh' 또는 'relu'를 받고, nn.LSTM과 nn.GRU는 받지 않습니다"
    ),
    "why.cause.lengths_on_gpu": ("lengths를 배치와 함께 GPU로 옮겼습니다; 패킹은 CPU에서 읽습니다"),
    "why.cause.lengths_not_1d": (
        "lengths가 {rank}차원입니다: 시퀀스마다 길이 하나, (배치,)여야 합니다"
    ),
    "why.cause.lengths_type": "lengths는 CPU의 int64 텐서나 int 리스트여야 합니다",
    "why.cause.empty_sequence": (
        "배치에 길이 0인 시퀀스가 있습니다 (빈 줄, 아무것도 남기지 않은 필터); 패킹에는 "
        "모든 길이가 1 이상이어야 합니다"
    ),
    "why.cause.enforce_sorted": (
        "lengths가 긴 것부터 짧은 것 순서가 아닙니다; 요청하면 패킹이 직접 정렬합니다"
    ),
    "why.cause.pack_layout": (
        "batch_first=True가 아니면 패킹은 1번 차원을 배치로 읽습니다: 배치 우선 데이터에서는 "
        "시점 ({batch}개)이 배치가 되는데 lengths는 시퀀스마다 하나 ({got}개)입니다"
    ),
    "why.cause.lengths_other_batch": (
        "lengths가 다른 배치의 것입니다 (더 작은 마지막 배치, 갱신되지 않은 변수)"
    ),
    "why.cause.total_length_short": (
        "total_length는 가장 긴 시퀀스 이상이어야 합니다; 입력의 패딩된 길이를 넘기세요"
    ),
    "why.cause.empty_batch": "배치나 시퀀스가 비었습니다: 필터나 분할이 아무것도 남기지 않았습니다",
    "why.cause.packed_output": (
        "PackedSequence를 받은 층은 출력도 패킹해서 돌려줍니다: {what} 전에 언패킹하거나 "
        "h_n을 쓰세요"
    ),
    "why.cause.state_device": (
        "초기 상태를 CPU에서 만들었는데 (device= 없는 torch.zeros) 입력은 GPU에 있습니다"
    ),
    "why.cause.model_device": "모델과 입력이 서로 다른 장치에 있습니다",
    "why.cause.state_transposed": (
        "{state}이 transpose나 permute에서 나왔습니다 (배치 우선 상태를 돌린 것): cuDNN에는 "
        "연속인 텐서가 필요합니다"
    ),
    "why.cause.backward_in_eval": (
        "eval 모드인 층을 거쳐 역전파했습니다 (살리언시, 기여도 분석, 적대적 입력): cuDNN은 "
        "학습 모드에서만 역전파에 필요한 것을 남깁니다"
    ),
    "why.cause.weights_not_flat": (
        "가중치를 바꾸거나 복사해서 (DataParallel, weight norm, 직접 불러오기) cuDNN이 호출마다 "
        "다시 모읍니다"
    ),
    "why.cause.bidirectional_linear": (
        "양방향 층 뒤에 nn.Linear(hidden_size)를 두었습니다: output은 두 방향을 이어 붙여 "
        "특성이 {features} = 2 × {hidden}개입니다"
    ),
    "why.cause.hn_all_layers": (
        "h_n.view(batch, -1)은 h_n의 모든 행, {k} = 층 × 방향을 이어 붙여 특성이 {features} = "
        "{k} × {hidden}개가 됩니다; 마지막 층만은 h_n[-1]입니다"
    ),
    "why.cause.time_flattened": (
        "출력을 시간에 대해 펼쳤습니다, {features} = {k}시점 × 특성 {hidden}개; 마지막 시점만은 "
        "output[:, -1]입니다"
    ),
    "why.cause.linear_doubled": (
        "nn.Linear가 양방향 층 뒤처럼 2 × {features} = {in_features}개 특성을 받는데 앞 층은 "
        "단방향입니다"
    ),
    "why.cause.linear_in_features": (
        "nn.Linear는 특성 {in_features}개로 만들어졌는데 {features}개를 받았습니다"
    ),
    "why.cause.sequential_rnn": (
        "nn.Sequential은 층의 반환값 전체, (output, h_n), LSTM이면 (output, (h_n, c_n))을 "
        "텐서 하나를 받는 다음 층에 넘깁니다"
    ),
    "why.cause.state_tuple": "LSTM의 상태는 텐서 하나가 아니라 (h_n, c_n) 쌍입니다",
    "why.cause.lstm_three_values": (
        "LSTM은 값 3개가 아니라 2개, output과 (h_n, c_n) 쌍을 돌려줍니다"
    ),
    "why.cause.gru_state_pair": (
        "nn.GRU와 nn.RNN은 (h_n, c_n)이 아니라 h_n만 돌려줍니다: 그것을 풀면 0번 차원이 "
        "나뉘는데 행이 {got}개입니다"
    ),
    "why.cause.unpack_tensor": (
        "텐서를 0번 차원을 따라 풀었습니다: 예를 들어 h_n의 행이 2개보다 많을 때 "
        "out, (h, c) = gru(x), 또는 output에서 이름들을 푼 경우"
    ),
    "why.cause.rnn_returns": (
        "순환 층은 (output, h_n)을, LSTM은 (output, (h_n, c_n))을 돌려줍니다"
    ),
    "why.cause.rnn_returns_tuple": (
        "순환 층은 튜플 (output, h_n)을 돌려줍니다: {attribute} 속성은 그 안의 텐서에 있습니다"
    ),
    "why.cause.view_after_transpose": (
        "transpose()나 permute() 뒤에 view()를 불렀습니다 (예: seq-first 출력을 배치 우선으로 "
        "돌린 것): 메모리가 더는 차례대로가 아닙니다"
    ),
    "why.cause.logits_nlc": (
        "로짓 (배치, 시간, 클래스)을 그대로 손실 함수에 넣었습니다: 손실 함수는 1번 차원 "
        "(여기서는 {time}개 시점)을 클래스로 읽으므로 클래스가 두 번째에 와야 합니다"
    ),
    "why.cause.targets_not_flattened": (
        "로짓은 시간에 대해 펼쳤는데 ({input}행 = {k} × {target}) 정답은 펼치지 않았습니다"
    ),
    "why.cause.logits_last_step": (
        "로짓은 마지막 시점에서 ({input}행), 정답은 모든 시점에서 ({target}행 = {k} × {input}) "
        "나왔습니다"
    ),
    "why.cause.loss_rows": "로짓과 정답이 서로 다른 배치로 만들어졌습니다",
    # truth: notes that say what torch really does for this configuration
    "note.packed_equal": (
        "패킹된 길이 {lengths}: 모두 같으므로 패딩된 시퀀스가 없고, {last}는 모든 시퀀스의 "
        "마지막 시점입니다."
    ),
    "note.returns_layers": (
        "nn.{cell}은 output, h_n을 반환하며 (c_n 없음) 여기서 h_n의 행은 2개입니다: "
        "output, (h_n, c_n) = {name}(x)는 오류 없이 h_n의 행을 나눠 담습니다. 오류보다 "
        '나쁩니다: "h_n"에는 층 0의 h_n[0], "c_n"에는 맨 위 층의 h_n[1]이 들어가며 '
        "둘 다 {shape}입니다. output, h_n = {name}(x)로 쓰세요."
    ),
    "note.returns_directions": (
        "nn.{cell}은 output, h_n을 반환하며 (c_n 없음) 여기서 h_n의 행은 2개입니다: "
        "output, (h_n, c_n) = {name}(x)는 오류 없이 h_n의 행을 나눠 담습니다. 오류보다 "
        '나쁩니다: "h_n"에는 정방향의 h_n[0], "c_n"에는 역방향의 h_n[1]이 들어가며 '
        "둘 다 {shape}입니다. output, h_n = {name}(x)로 쓰세요."
    ),
    "id.trap_backward_packed": (
        "t = L−1에서 역방향은 길이가 L인 시퀀스에서는 첫 시점만 계산했고, 더 짧은 시퀀스에서는 "
        "그 자리의 output이 0인 패딩입니다"
    ),
    "id.trap_cat_packed": (
        "output의 마지막 시점은 요약이 아닙니다: 역방향 절반은 길이가 L인 시퀀스에서는 한 시점만 "
        "읽었고, 더 짧은 시퀀스에서는 0인 패딩입니다. 요약은 연결입니다 (레시피 참조)"
    ),
    "cmp.code_to_lstm": (
        "코드: outputs, _status = cell(inputs)는 그대로 실행되지만 _status가 이제 튜플 "
        "(h_n, c_n)이므로 print(_status.shape)가 실패합니다 (AttributeError: 'tuple' object has "
        "no attribute 'shape'): outputs, (h_n, c_n) = cell(inputs)로 쓰세요"
    ),
    "cmp.code_same": "코드: 그대로입니다. 둘 다 outputs, h_n을 반환합니다",
    "cmp.code_from_lstm": (
        "코드: outputs, (h_n, c_n) = cell(inputs)는 ValueError로 실패합니다 (h_n의 0번 차원 "
        "크기가 2가 아니라 {rows}이고 c_n은 없습니다): outputs, h_n = cell(inputs)로 쓰세요"
    ),
    "cmp.code_from_lstm_silent": (
        '코드: outputs, (h_n, c_n) = cell(inputs)는 오류 없이 h_n의 행 {rows}개를 "h_n"과 '
        '"c_n"에 나눠 담습니다. 오류보다 나쁩니다: outputs, h_n = cell(inputs)로 쓰세요'
    ),
    # sandbox: files the student's process rewrote, what it printed
    "check.fail_garbled": (
        "프로세스가 rnnx가 읽을 수 없는 파일을 돌려주었습니다(고쳐 썼거나 바꿨거나 너무 큽니다)"
    ),
    "check.head_printed": "함수가 출력한 내용",
    "check.printed_cut": "… (더 출력했습니다; 앞부분만 보여 줍니다)",
    "check.gs_printed": "함수가 출력한 내용:",
    # korean: --help and Click's own words (words.*: Click's msgids, byte for byte)
    "help.rnnx": "PyTorch 순환 층 (RNN, LSTM, GRU)의 모양을 차원 하나하나 설명합니다.",
    "help.version": "버전을 출력합니다.",
    "help.no_pager": (
        "모두 한 번에 출력합니다; 그렇지 않으면 터미널보다 긴 출력은 $PAGER(없으면 less "
        "-FRX)로 보여 줍니다. 파이프나 CI에서는 쓰지 않습니다."
    ),
    "help.lang": "rnnx가 쓰는 언어: en 또는 ko. 기본값: $RNNX_LANG, 없으면 en.",
    "help.examples": "예:",
    "help.exit_codes": "종료 코드: 0 성공, 1 비교에서 불일치 발견, 2 잘못된 입력.",
    "help.cell": "nn.RNN, nn.LSTM 또는 nn.GRU.",
    "help.input_size": "H_in: 각 x_t의 특성 수.",
    "help.hidden_size": "h_t의 특성 수 (c_t도 같음).",
    "help.layers": "num_layers: 쌓은 층의 수.",
    "help.bidirectional": "두 방향으로 실행합니다 (D = 2).",
    "help.proj_size": "LSTM 전용: h_t를 이 개수의 특성으로 투영 (hidden보다 작게).",
    "help.nonlinearity": "RNN 전용: tanh (torch의 기본값) 또는 relu.",
    "help.bias": "bias_ih와 bias_hh를 넣습니다.",
    "help.dropout": "0 <= P < 1, 층 사이에, 학습할 때만 적용.",
    "help.batch_size": "N: 배치의 시퀀스 수. 기본값: {n}.",
    "help.seq_len": "L: 시퀀스마다 시점 수. 기본값: {n}.",
    "help.lengths": "패킹된 가변 길이 배치: 시퀀스마다 길이 하나 (N과 L을 정함).",
    "help.batch_first": "입력 (N, L, H_in) 또는 (L, N, H_in); torch 자체의 기본값은 seq-first.",
    "help.unbatched": "2차원 입력 (L, H_in), 배치 축 없음.",
    "help.input_shape": "내 입력의 모양, 예: 64,28,5 또는 배치 없이 28,5: torch가 읽는 대로 읽음.",
    "help.seed": "파라미터와 입력의 시드, 모든 백엔드에서 같음.",
    "help.dtype": "파라미터와 입력의 정밀도.",
    "help.device": "torch가 실행되는 장치.",
    "help.comma": "{help} 쉼표 목록.",
    "help.comma_bool": "{help} 쉼표 목록, 또는 {both}.",
    "help.backend": "torch (기준), numpy (밑바닥부터 구현) 또는 analytic (산술만).",
    "help.format": "table, json, csv 또는 markdown.",
    "help.save": "입력, 파라미터, output, h_n, c_n을 FILE.npz에 저장합니다.",
    "help.max_memory": (
        "torch나 numpy 실행에 SIZE (4GiB, 512MiB, 1e9)보다 많은 메모리가 필요하다고 추정되면 "
        "거부합니다 (exit 2). 기본값: 지금 사용 가능한 메모리의 절반."
    ),
    "help.svg": "출력한 것을 SVG 그림으로도 저장합니다.",
    "help.html": "출력한 것을 HTML 페이지로도 저장합니다.",
    "help.params": "표 보기: 파라미터 표와 합계도.",
    "help.all": "표 보기: 파라미터, 합계, 항등식도.",
    "help.max_configs": "설정이 이보다 많은 격자는 하나도 실행하기 전에 거부합니다 (exit 2).",
    "help.shape": (
        "신경망을 만들고 더미 배치를 실행해 모든 모양을 설명합니다. 붙여 넣을 레시피도 보여 줍니다."
    ),
    "help.expect": (
        "내 답, 예: h_n=4,1,16: torch와 다르면 exit 1과 그 이유. 여러 번 줄 수 있습니다."
    ),
    "help.ex.shape_proj": "h_n은 proj_size를 따르고 c_n은 아님",
    "help.ex.shape_save": "모든 배열, torch의 이름으로",
    "help.ex.shape_all": "파라미터와 항등식도, 저장까지",
    "help.ex.shape_expect": "exit 1: 어느 차원이 왜 다른지",
    "help.compare": (
        "셀을 바꿔 보고, 밑바닥부터 구현한 백엔드를 torch와 대조합니다: 같은 신경망일까?"
    ),
    "help.to": (
        "--cell(지금 가진 신경망)에서 바꿔 볼 셀, 쉼표로 구분; --with는 예전 이름 "
        "[기본값: rnn이면 lstm,gru; lstm이나 gru면 "
        "rnn]."
    ),
    "help.backends": "실행할 백엔드, 쉼표로 구분.",
    "help.atol": (
        "일치로 보는 가장 큰 |Δ| [float32는 max(1e-5, K·2^-23), float64는 max(1e-9, K·2^-52); "
        "K = 입력 특성 + 은닉, 가장 긴 합]."
    ),
    "help.repeat": "백엔드마다 시간을 재는 순전파 횟수 (중앙값).",
    "help.format_compare": "table, json 또는 markdown.",
    "help.ex.compare_lstm": "nn.RNN → nn.LSTM; numpy 옆에 torch",
    "help.compare_exit": "종료 상태: 0 모든 백엔드가 일치, 1 모양이나 값이 다름, 2 잘못된 입력.",
    "help.explain": "한 시점의 식, 각 항의 모양, torch가 게이트를 쌓는 방식을 출력합니다.",
    "help.ex.explain_lstm": "i_t, f_t, g_t, o_t, c_t, h_t와 그 모양",
    "help.ex.explain_gru": "b_hn의 자리, 모양이 (4, ...)인 항들",
    "help.diagram": "시간에 따라 펼친 신경망을 그립니다: 층, 방향, output, h_n.",
    "help.ex.diagram_rows": "어느 셀이 h_n의 어느 행이 되는지",
    "help.ex.diagram_long": "긴 시퀀스는 …로 줄여 그림",
    "help.code": "이 신경망을 만들고 모양을 출력하는, 바로 실행되는 PyTorch 스크립트를 출력합니다.",
    "help.code_script": (
        "스크립트는 torch의 기본값과 다른 인자만으로 nn.RNN/LSTM/GRU를 만들고, 입력 모양의 "
        "torch.randn을 실행해 rnnx shape가 보여 주는 모양을 출력합니다. rnnx는 숫자를 따로 "
        "뽑으므로 모양만 같습니다."
    ),
    "help.sweep": "쉼표 목록으로 준 옵션의 모든 조합을 한 행씩: 모양, 파라미터, 비용.",
    "help.ex.sweep_torch": "모든 행을 실제로 실행",
    "help.sweep_rejected": (
        "torch가 거부하는 조합 (--proj-size 4인 gru)는 stderr에 참고를 남기고 뺍니다."
    ),
    "help.why": (
        "torch 오류를 풀어 줍니다: 무엇을 검사했는지, 그 숫자, 가장 그럴듯한 실수와 고치는 법."
    ),
    "help.why_message": "torch의 메시지 또는 트레이스백 전체; 없으면 표준 입력에서 읽습니다.",
    "help.format_why": "table, json 또는 markdown.",
    "help.why_pipe": "트레이스백 전체를 파이프로 넘겨도 됩니다: python train.py 2>&1 | rnnx why",
    "help.why_exit": "종료 코드: 0 rnnx가 아는 오류를 찾음, 1 찾지 못함, 2 잘못된 옵션.",
    "help.check": "학생이 만든 RNN 함수를 rnnx의 숫자로 실행하고 반환값을 채점합니다.",
    "help.target": (
        "FILE.py:FUNCTION 또는 package.module:FUNCTION. 여러 개나 따옴표로 감싼 glob도 됩니다."
    ),
    "help.convention": "함수를 부르는 방식. 기본값: 함수의 시그니처에서 읽습니다 (아래 참조).",
    "help.reference": "numpy (float64, torch 없음) 또는 torch.",
    "help.check_atol": "값마다의 절대 허용 오차.",
    "help.check_rtol": "값마다의 상대 허용 오차.",
    "help.timeout": "함수가 실행될 수 있는 시간 (초).",
    "help.memory_limit": "함수의 프로세스가 쓸 수 있는 주소 공간 (4GiB, 512MiB).",
    "help.format_check": "table, json, csv (성적표) 또는 gradescope (대상 하나).",
    "help.check_exit": "종료 상태: 0 모든 텐서 통과, 1 함수 실패 또는 텐서가 다름, 2 잘못된 입력.",
    "error.see_help": "'{command} --help' 참조",
    "words.usage": "사용법:",
    "words.options": "옵션",
    "words.arguments": "인자",
    "words.commands": "명령",
    "words.help": "이 도움말을 보여 주고 끝냅니다.",
    "words.default": "기본값: {default}",
    "words.required": "필수",
    "words.invalid_for": "{param_hint}의 값이 잘못되었습니다: {message}",
    "words.invalid": "잘못된 값: {message}",
    "words.missing_argument": "빠진 인자",
    "words.missing_option": "빠진 옵션",
    "words.missing_parameter": "빠진 값",
    "words.no_option": "그런 옵션은 없습니다: {name}",
    "words.did_you_mean": "{possibility} 옵션을 뜻했나요?",
    "words.possible": "(비슷한 옵션: {possibilities})",
    "words.no_command": "그런 명령은 없습니다: {name!r}.",
    "words.extra_argument": "예상하지 못한 인자가 더 있습니다 ({args})",
    "words.extra_arguments": "예상하지 못한 인자가 더 있습니다 ({args})",
    "words.needs_value": "{name!r} 옵션에는 값이 필요합니다.",
    "words.no_value": "{name!r} 옵션은 값을 받지 않습니다.",
    "words.not_choice": "{value!r}: {choice}만 받습니다.",
    "words.not_one_of": "{value!r}: {choices} 중 하나여야 합니다.",
    "words.not_number": "{value!r}: 올바른 수가 아닙니다 ({number_type}).",
    "words.not_in_range": "{value}: 허용 범위 {range} 밖입니다.",
    "words.not_boolean": "{value!r}: 참/거짓 값이 아닙니다. 받는 값: {states}",
    "words.options_metavar": "[옵션]",
    "words.command_metavar": "명령 [인자]...",
    "words.did_you_mean_command": "{message}. {commands} 명령을 뜻했나요?",
    "words.install_completion": "지금 쓰는 셸에 자동 완성을 설치합니다.",
    "words.show_completion": (
        "지금 쓰는 셸의 자동 완성 스크립트를 보여 줍니다 (복사하거나 고쳐 쓰도록)."
    ),
    # korean: what h_n and c_n are, in the study notebook's words too
    "note.states_lstm": (
        "h_n: 층과 방향마다 마지막 은닉 상태 (단기 상태); c_n: 마지막 셀 상태 (장기 상태)."
    ),
    # korean: sweep's table headings (a legend maps each to its CSV and JSON name)
    "sweep.col.total_parameters": "파라미터",
    "sweep.col.mult_adds": "곱셈-덧셈",
    "sweep.col.estimated_bytes": "바이트",
    "sweep.col.hidden_size": "은닉",
    "sweep.col.input_size": "입력",
    "sweep.col.num_layers": "층",
    "sweep.col.nonlinearity": "비선형",
    "sweep.col.bidirectional": "양방향",
    "sweep.col.batch_first": "배치 우선",
    "sweep.col.proj_size": "투영",
    "sweep.col.cell": "셀",
    "sweep.col.bias": "편향",
    "sweep.col.dropout": "드롭아웃",
    "sweep.col.unbatched": "배치 없음",
    "sweep.col.dtype": "정밀도",
    "sweep.col.device": "장치",
    "sweep.col.seed": "시드",
    "sweep.col.lengths": "길이",
    "sweep.col.input_shape": "입력 모양",
    "sweep.col.backend": "백엔드",
    # inspect: the student's own model (rnnx inspect, rnn_cli.inspect)
    "inspect.why_backward_only": (
        "양방향 층의 h_n[-1]은 역방향 (backward direction)의 마지막 은닉 상태 (hidden "
        "state)뿐입니다: "
        "정방향의 것은 h_n[-2]입니다"
    ),
    "inspect.why_c_n": (
        "c_n은 LSTM의 셀 상태 (cell state), 게이트 안의 기억입니다; 층이 내보내는 은닉 상태는 "
        "h_n입니다"
    ),
    "inspect.why_flat_all": (
        "{layers}개 층의 마지막 상태를 모두 한데 펼쳤습니다: 요약은 맨 위 층의 것뿐입니다"
    ),
    "inspect.reads_wrong": "{module}: {layer}의 {expression} 조각을 읽습니다: {why}",
    "inspect.read_batch_first": (
        "{layer} (batch_first=True): 입력을 {steps} 시점짜리 시퀀스 {n}개로 읽었습니다"
    ),
    "inspect.read_seq_first": (
        "{layer} (batch_first=False): 입력을 {steps} 시점짜리 시퀀스 {n}개로 읽었습니다"
    ),
    "inspect.read_unbatched": "{layer}: 2차원 입력을 {steps} 시점짜리 시퀀스 하나로 읽었습니다",
    "inspect.layout_swapped": (
        "{layer}: 배치 크기 {n} 차원을 시간으로 읽었습니다: {n} 시점짜리 시퀀스 {steps}개를 "
        "돌렸으니 "
        "텐서의 배치 순서와 층의 batch_first가 맞지 않습니다"
    ),
    "inspect.dropout_unused": (
        "{layer}: dropout={p}인데 층이 하나입니다: torch는 쌓인 층 사이에만 드롭아웃을 적용하므로 "
        "아무것도 적용되지 않습니다"
    ),
    "inspect.nonfinite_in": "{module}: {name}에 NaN 또는 무한대 값 {count}개를 받았습니다",
    "inspect.nonfinite_out": "{module}: {name}에 NaN 또는 무한대 값 {count}개를 내보냈습니다",
    "inspect.nonfinite_fix": (
        "torch.Tensor(...)와 torch.empty(...)는 메모리를 초기화하지 않습니다: 입력은 "
        "torch.randn(...)이나 torch.zeros(...)로 만드세요"
    ),
    "inspect.warn_contiguous": (
        "torch 경고: 가중치가 연속된 한 덩어리에 있지 않습니다 (복사나 이동 뒤에는 호출마다 다시 "
        "모읍니다): flatten_parameters()를 한 번 호출하세요. torch: {message}"
    ),
    "inspect.warn_dropout": (
        "torch 경고: 드롭아웃은 층이 2개 이상일 때만 적용됩니다. torch: {message}"
    ),
    "inspect.warn_other": "torch 경고: {message}",
    "inspect.raised_between": "forward가 모듈 사이에서 오류를 일으켰습니다 ({error})",
    "inspect.raised_in": "{module} ({type}): {received} 값을 받고 오류를 일으켰습니다 ({error})",
    "inspect.title": "rnnx inspect: 호출 순서의 모듈 {modules}개, 순환 층 {layers}개",
    "inspect.col_module": "모듈",
    "inspect.col_type": "종류",
    "inspect.col_inputs": "받는 값",
    "inspect.col_outputs": "내보내는 값",
    "inspect.params": "파라미터 {n}개",
    "inspect.col_reads": "읽는 조각",
    "inspect.calls": "× 호출 {n}번",
    "inspect.packed": "패킹: 길이 {lengths}",
    "inspect.raised_here": "여기서 오류",
    "inspect.layer_heading": "{layer}: rnnx shape의 설명",
    "inspect.reproduce": "재현: {command}",
    "inspect.findings": "발견",
    "inspect.no_findings": "층 사이에서 실수를 찾지 못했습니다.",
    "inspect.fix": "고치기: {fix}",
    "inspect.notes": "torch가 각 순환 입력을 읽은 방식",
    "inspect.error": "forward 오류",
    "inspect.role_batch": "배치",
    "inspect.role_seq": "시간",
    "inspect.role_features": "특성",
    "inspect.role_layers_directions": "층×방향",
    "inspect.role_packed_steps": "시점",
    "inspect.bad_dtype": (
        "--input {raw}: 모르는 dtype {dtype}입니다; 다음 중 하나를 쓰세요: {allowed}"
    ),
    "inspect.no_embedding": (
        "--input {raw}: 토큰 id는 첫 nn.Embedding의 num_embeddings 아래에서 뽑는데 모델에 "
        "nn.Embedding이 없습니다; id를 담은 .npz나 .pt 파일을 주세요"
    ),
    "inspect.bad_kwargs": (
        "--kwargs {raw}: JSON 객체가 아닙니다 ({reason}); 예: '{{\"vocab\": 1000}}'"
    ),
    "inspect.no_input": (
        "--input이 없습니다: forward의 위치 인자마다 하나씩 주세요. 예: --input 32,50,5"
    ),
    "inspect.not_module": (
        "{target}: nn.Module이 아니라 {got}입니다 (클래스, 모듈을 돌려주는 함수, 또는 인스턴스)"
    ),
    "inspect.build_failed": "{target}: 만드는 중 오류가 일어났습니다 ({error})",
    "inspect.bad_file": "--input {raw}: 파일에 든 것이 텐서가 아닙니다 ({reason})",
    "inspect.no_file": "--input {raw}: 그런 파일이 없습니다",
    "inspect.bad_answer": "자식 프로세스가 rnnx가 읽을 수 없는 답을 보냈습니다 ({reason})",
    # inspect + why: an exception in forward decoded by `rnnx why`'s decoder, in the modules' terms
    "inspect.linear_receives": (
        "{module}: nn.Linear(in_features={in_features})의 입력은 {layer}의 {features}입니다"
    ),
    "inspect.torch_said": "torch의 메시지: {error}: {message}",
    "inspect.cause": "가장 그럴듯한 원인: {cause}",
    "why.no_exception": "아직 일어난 예외가 없습니다: torch의 메시지나 예외 객체를 넘기세요",
    # inspect: `rnnx inspect --help`
    "help.inspect": "내 모델을 한 번 실행해 흐름과 순환 층, 층 사이의 이음매를 설명합니다.",
    "help.inspect_target": (
        "FILE.py:NAME 또는 package.module:NAME: 모듈 클래스, 모듈을 돌려주는 함수, 또는 모듈."
    ),
    "help.inspect_input": (
        "forward의 위치 인자마다 하나: 32,50,5, 32,50:long (토큰 번호), 또는 .npz/.pt 파일."
    ),
    "help.inspect_kwargs": "모델을 만들 때 넘길 키워드 인자.",
    "help.inspect_lengths": "입력 뒤에 넘기는 시퀀스 길이 (패킹하는 모델용).",
    "help.inspect_batch_size": "의도한 배치 크기: 배치가 시간으로 읽히면 알려 줍니다.",
    "help.inspect_exit": "종료 상태: 0 지적 없음, 1 실수를 찾았거나 모델이 실패, 2 잘못된 입력.",
    # check: every verdict true, what a class needs (issue 17)
    "exp.directions_joined": (
        "방향을 이어 붙임: {name}은 정방향과 역방향을 0번 차원의 서로 다른 행으로 둡니다 "
        "({rows} = 층 {layers}개 × 방향 2개), 각각 특성 {f}개; 마지막 차원에서 두 방향을 "
        "이어 붙이는 것은 output뿐입니다"
    ),
    "exp.one_step": (
        "시점 하나: {name}은 {i}번 차원에 시점 {steps}개를 가집니다; 반복문 안의 return이 "
        "첫 시점 뒤에 함수를 끝냅니다"
    ),
    "exp.last_only": (
        "마지막 은닉 상태만 반환: {name}은 {i}번 차원에 시점 {steps}개를 모두 쌓으며, 마지막 "
        "h 하나에는 그 축이 없습니다"
    ),
    "check.conv_h0_c0": "h0과 c0은 0이 아니라 시드로 뽑은 난수입니다.",
    "check.conv_two_biases": (
        "bx = bias_ih_l0, bh = bias_hh_l0을 따로 넘깁니다: GRU의 b_hn은 "
        "r ⊙ (W_hn h + b_hn) 안에 있어서 두 편향을 더할 수 없습니다."
    ),
    "check.conv_loop_gates": (
        "Wx, Wh와 편향은 게이트 블록을 torch의 순서 {order}로 쌓습니다 (블록마다 hidden_size행)."
    ),
    "mistake.transposed_w_hh_loop": (
        "Wh를 전치해서 사용: loop 규약은 np.dot(Wh, h)인데 np.dot(h, Wh)로 계산(블록별)"
    ),
    "mistake.transposed_w_hh_cs231n": (
        "Wh를 전치해서 사용: cs231n 배치는 prev_h.dot(Wh)인데 prev_h.dot(Wh.T)로 계산(블록별)"
    ),
    "mistake.sigmoid_for_tanh": "tanh 자리에 시그모이드: tanh(…) 대신 h_t = σ(…)",
    "mistake.gru_bias_outside_reset": (
        "b_hn을 리셋 게이트 밖에서 더함: torch는 r ⊙ (W_hn h + b_hn)인데 "
        "r ⊙ (W_hn h) + b_hn으로 계산"
    ),
    "check.failed_shape": "실패: {name}의 모양이 {got}입니다 (기대: {want})",
    "check.head_shape": "모양",
    "check.shape_line": "{name} {got}, 기대 {want}: {why}",
    "check.head_ambiguous": (
        "이 수치는 아래 실수 모두와 맞고, 시도한 어떤 추출로도 구별되지 않습니다"
    ),
    "check.head_draws": "추출",
    "check.drawn_hidden": (
        "--seed {seeds}로도 실행했습니다: --seed {first}만으로는 다음 실수가 올바른 수치를 "
        "냅니다: {mistakes}"
    ),
    "check.drawn_apart": (
        "--seed {first}만으로는 구별되지 않는 실수를 가르려고 --seed {seeds}로도 실행했습니다"
    ),
    "check.failed_on_draw": (
        "시드 {first}에서는 통과했지만 시드 {seed}에서 실패했습니다: 위 수치는 시드 {seed}의 "
        "것입니다"
    ),
    "check.unseen": (
        "이 네트워크에서는 다음 실수가 시도한 모든 추출에서 올바른 수치를 내므로, 어떤 "
        "검사로도 볼 수 없습니다: {mistakes}"
    ),
    "check.gs_shape": "기대 {want}, 받은 모양 {got}: {why}",
    "check.no_function": "파일에 {function} 함수가 없습니다{hint}",
    "check.did_you_mean": "; 다음 중 하나를 뜻했나요: {names}?",
    "check.defines_none": "; 파일에 정의된 함수가 없습니다",
    "check.no_signature": (
        "{function}의 파라미터를 실행하지 않고는 읽을 수 없습니다: --convention을 주십시오. "
        "선택지: {choices}"
    ),
    "check.detected_arity": (
        "규약 선택: --convention {convention}. 인자 {n}개를 받는 {signature}에 맞는 규약은 "
        "이것 하나입니다."
    ),
    "check.detected_names": (
        "규약 선택: --convention {convention}. 첫 파라미터 이름이 {first}인 {signature}에 맞는 "
        "규약은 이것 하나입니다."
    ),
    "check.ambiguous": (
        "--cell {cell}에서 {signature}의 규약을 알 수 없습니다: --convention을 주십시오. "
        "선택지: {choices}"
    ),
    "check.glob_empty": (
        "{pattern}에 맞는 파일이 없습니다; 패턴을 확인하십시오 (셸에서는 따옴표로 감싸기)"
    ),
    "class.title": "rnnx check · 학생 {n}명",
    "class.col_student": "학생",
    "class.col_convention": "규약",
    "class.col_score": "점수",
    "class.col_verdict": "판정",
    "class.totals": "{n}명 중 {passed}명 통과 · 평균 점수 {mean:.3g} / {most:g}",
    "class.gradescope_one": (
        "-f gradescope는 제출물 하나를 채점합니다 (받은 대상 {n}개): 대상을 하나만 주거나 "
        "-f csv를 쓰십시오"
    ),
    "help.check_signatures": "규약 (--convention이 없으면 함수의 시그니처에서 읽습니다):",
    "help.jobs": "동시에 채점할 학생 수.",
    "help.seed_per_student": "학생마다 경로와 --seed로 뽑은 자기 숫자.",
    "help.max_score": "모두 통과했을 때의 점수.",
}
