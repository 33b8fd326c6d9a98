"""A correct bidirectional classifier: the summary joins both directions' final states."""

import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, features: int = 5, hidden: int = 8, classes: int = 3) -> None:
        super().__init__()
        self.lstm = nn.LSTM(features, hidden, batch_first=True, bidirectional=True)
        self.classifier = nn.Linear(2 * hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, (h_n, _) = self.lstm(x)
        summary = torch.cat([h_n[-2], h_n[-1]], dim=-1)  # (batch, 2 * hidden)
        return self.classifier(summary)
