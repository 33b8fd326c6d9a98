"""A correct packed model: h_n holds each sequence's state at its own last step."""

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence


class Classifier(nn.Module):
    def __init__(self, features: int = 5, hidden: int = 8, classes: int = 3) -> None:
        super().__init__()
        self.gru = nn.GRU(features, hidden, batch_first=True)
        self.classifier = nn.Linear(hidden, classes)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        _, h_n = self.gru(packed)
        return self.classifier(h_n[-1])
