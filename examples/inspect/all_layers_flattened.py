"""A silent mistake: every layer's h_n flattened together, where the top layer's is the summary."""

import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, features: int = 5, hidden: int = 8, classes: int = 3) -> None:
        super().__init__()
        self.rnn = nn.RNN(features, hidden, num_layers=2, batch_first=True)
        self.classifier = nn.Linear(2 * hidden, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        _, h_n = self.rnn(x)  # (2, batch, hidden)
        return self.classifier(h_n.permute(1, 0, 2).reshape(x.shape[0], -1))
