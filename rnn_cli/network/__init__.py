"""Floor 3: the analytic truth about a Spec: shapes and counts, the meaning of each dimension,
seeded weights, one step's equations, and what a backend returns. Must not import torch or rich.
"""
