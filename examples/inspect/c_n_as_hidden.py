"""A silent mistake: an LSTM's c_n (its cell state) read as the hidden state."""

import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, features: int = 5, hidden: int = 8, classes: int = 3) -> None:
        super().__init__()
        self.lstm = nn.LSTM(features, hidden, batch_first=True)
        self.classifier = nn.Linear(hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, (_, c_n) = self.lstm(x)
        return self.classifier(c_n[-1])
