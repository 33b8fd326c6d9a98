"""The wordings torch no longer prints but students still paste, and cuDNN's messages (CUDA
only, so no test here can make them): each a fixture, with where such a message was seen."""

import pytest

from rnn_cli.why.decode import decode

# (the message as pasted, its family, the true cause first, where it was seen)
OLDER = [
    # torch <= 1.4 printed the state's size as a tuple (RNNBase.check_hidden_size, tuple(hx.size()))
    ("RuntimeError: Expected hidden size (2, 64, 256), got (1, 64, 256)", "hidden_size",
     "rows_layers"),
    ("RuntimeError: Expected hidden[0] size (2, 4, 256), got (2, 64, 256)", "hidden_size",
     "last_batch"),
    # torch < 1.11 took 3-D input only (RNNBase.check_input: 'input must have {} dimensions')
    ("RuntimeError: input must have 3 dimensions, got 2", "input_rank", "old_torch_unbatched"),
    # torch <= 1.4 TH's addmm: the weight as stored transposed, (in_features x out_features);
    # 512 = 2 x 256: a Linear sized for two directions after a one-direction layer
    ("RuntimeError: size mismatch, m1: [64 x 256], m2: [512 x 512] at "
     "/pytorch/aten/src/TH/generic/THTensorMath.cpp:41", "matmul", "linear_doubled"),
    ("RuntimeError: size mismatch, m1: [64 x 300], m2: [256 x 10] at "
     "/pytorch/aten/src/TH/generic/THTensorMath.cpp:41", "matmul", "linear_in_features"),
    ("RuntimeError: size mismatch, m1: [4 x 512], m2: [256 x 10] at "
     "/opt/conda/conda-bld/pytorch_1579022060824/work/aten/src/TH/generic/THTensorMath.cpp:136",
     "matmul", "bidirectional_linear"),
    # torch <= 1.0, pack_padded_sequence before enforce_sorted existed
    ("ValueError: lengths array has to be sorted in decreasing order", "lengths_unsorted",
     "enforce_sorted"),
    # torch 1.5-1.12: the input/weight dtype check of the fused RNN kernels and of addmm
    ("RuntimeError: expected scalar type Float but found Double", "dtype", "numpy_float64"),
    ("RuntimeError: expected scalar type Float but found Long", "dtype", "token_ids"),
    # torch <= 1.4 (THTensorMath's type check)
    ("RuntimeError: Expected object of scalar type Float but got scalar type Double for "
     "argument #2 'mat1' in call to _th_addmm", "dtype", "numpy_float64"),
    # torch 1.7-1.8: lengths on the GPU were refused, not moved
    ("RuntimeError: 'lengths' argument should be a 1D CPU int64 tensor, but got 1D cuda:0 "
     "Long tensor", "lengths_type", "lengths_on_gpu"),
    # torch <= 1.9 RNNCellBase.check_forward_hidden ("hidden{}" with "[0]"/"[1]" labels)
    ("RuntimeError: Input batch size 16 doesn't match hidden[0] batch size 32", "cell_batch",
     "last_batch"),
    ("RuntimeError: hidden[1] has inconsistent hidden_size: got 64, expected 128",
     "cell_hidden_size", "state_size"),
    ("RuntimeError: input has inconsistent input_size: got 300, expected 100",
     "cell_input_size", "input_size_wrong"),
    # torch <= 1.4 nll_loss2d: 'Expected target size {}, got {}' with torch.Size
    ("ValueError: Expected target size (32, 50), got torch.Size([32, 20])", "target_size",
     "logits_nlc"),
    # torch 1.x before "hidden tensors": the weights' device was named
    ("RuntimeError: Input and parameter tensors are not at the same device, found input "
     "tensor at cuda:0 and parameter tensor at cpu", "device", "model_device"),
    # cuDNN (aten/src/ATen/native/cudnn/RNN.cpp), any torch on CUDA; e.g. stable-baselines3's
    # changelog, RecurrentPPO with n_lstm_layers > 1
    ("RuntimeError: rnn: hx is not contiguous", "not_contiguous", "state_transposed"),
    ("RuntimeError: rnn: cx is not contiguous", "not_contiguous", "state_transposed"),
    # cudnn/RNN.cpp _cudnn_rnn_backward; Captum and Grad-CAM on an LSTM in eval mode
    ("RuntimeError: cudnn RNN backward can only be called in training mode",
     "cudnn_eval_backward", "backward_in_eval"),
    # cudnn/RNN.cpp's warning, e.g. under nn.DataParallel
    ("UserWarning: RNN module weights are not part of single contiguous chunk of memory. This "
     "means they need to be compacted at every call, possibly greatly increasing memory usage. "
     "To compact weights again call flatten_parameters().", "flatten_parameters",
     "weights_not_flat"),
    # any torch on CUDA: h_0 made with torch.zeros(...) and no device=
    ("RuntimeError: Input and hidden tensors are not at the same device, found input tensor "
     "at cuda:0 and hidden tensor at cpu", "device", "state_device"),
]  # fmt: skip


@pytest.mark.parametrize(("message", "family", "cause"), OLDER, ids=[o[0][:60] for o in OLDER])
def test_each_older_wording_is_read_with_its_true_cause_first(
    message: str, family: str, cause: str
) -> None:
    reading = decode(message, None)
    assert reading is not None
    assert (reading.error, reading.causes[0].id) == (family, cause)
    assert reading.message == message  # quoted whole, as pasted


def test_the_tuple_wording_names_the_same_numbers_as_todays() -> None:
    old = decode("Expected hidden size (2, 64, 256), got (1, 64, 256)", None)
    new = decode("Expected hidden size (2, 64, 256), got [1, 64, 256]", None)
    assert old is not None
    assert new is not None
    assert old.numbers == new.numbers == {"expected": [2, 64, 256], "got": [1, 64, 256]}
    assert old.named == new.named
