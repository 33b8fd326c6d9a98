"""The error that raises: nn.Linear(hidden) after a bidirectional layer receives 2 × hidden."""

import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, features: int = 5, hidden: int = 128, classes: int = 3) -> None:
        super().__init__()
        self.encoder = nn.LSTM(features, hidden, batch_first=True, bidirectional=True)
        self.classifier = nn.Linear(hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output, _ = self.encoder(x)
        return self.classifier(output[:, -1])  # (batch, 256) into Linear(in_features=128)
