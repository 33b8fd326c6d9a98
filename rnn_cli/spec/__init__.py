"""Floor 2: the network a user asks for: the choices, the frozen `Spec` with its defaults and
minimums, the one grammar for numbers in an option, `--input-shape`, byte sizes, a sweep's grid,
and a Spec built from plain option values. Must not import numpy, torch, rich or typer.
"""
