"""Floor 2: every sentence rnnx prints, keyed, one module per language (`en`, `ko`), and the
lookup that answers in the process's one language (`lookup.text`). Must not import numpy, torch
or rich.
"""
