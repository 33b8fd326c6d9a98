"""A decoder that calls an nn.LSTMCell in its own loop: one row, with the number of calls."""

import torch
from torch import nn


class Decoder(nn.Module):
    def __init__(self, features: int = 5, hidden: int = 8, steps: int = 4) -> None:
        super().__init__()
        self.cell = nn.LSTMCell(features, hidden)
        self.out = nn.Linear(hidden, features)
        self.steps = steps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.zeros(x.shape[0], self.cell.hidden_size)
        c = torch.zeros_like(h)
        outputs = []
        for _ in range(self.steps):
            h, c = self.cell(x, (h, c))
            outputs.append(self.out(h))
        return torch.stack(outputs, dim=1)
