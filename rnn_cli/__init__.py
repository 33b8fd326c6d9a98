"""rnnx: a command-line shape explorer for recurrent neural networks."""

__version__ = "0.1.0"
