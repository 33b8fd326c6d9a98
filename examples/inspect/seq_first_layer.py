"""A silent mistake: batch-first data (batch, time, features) fed to a seq-first layer."""

import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, features: int = 5, hidden: int = 8, classes: int = 3) -> None:
        super().__init__()
        self.rnn = nn.RNN(features, hidden)  # batch_first=False: reads (time, batch, features)
        self.classifier = nn.Linear(hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h_n = self.rnn(x)
        return self.classifier(h_n[-1])
