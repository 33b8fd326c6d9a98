"""The views: one per command, each a {format: renderer} map (shape, compare, sweep, check;
explain, diagram and code have one format each), shape's format modules (table, json, csv,
markdown), the plain pieces every view shares (plain) and the Rich ones (pieces).

Renderers never compute and must not import torch.
"""
