"""Floor 5: what a run shows: claims and traps, recipes, `--expect`, the frozen `Report`, compare's
findings. Must not import rich, nor the backends at module level.
"""
