"""A correct Embedding model: token ids -> embeddings -> LSTM -> the last layer's h_n -> classes."""

import torch
from torch import nn


class TextClassifier(nn.Module):
    def __init__(self, vocab: int = 1000, embed: int = 16, hidden: int = 32, classes: int = 4):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.lstm = nn.LSTM(embed, hidden, num_layers=2, batch_first=True)
        self.dropout = nn.Dropout(0.2)
        self.classifier = nn.Linear(hidden, classes)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        _, (h_n, _) = self.lstm(self.embedding(tokens))
        return self.classifier(self.dropout(h_n[-1]))
