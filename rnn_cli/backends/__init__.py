"""Floor 5: the computing backends, each loaded on demand by `dispatch.run(spec, backend,
weights)`: torch's own layers (`torch_net`) and the from-scratch NumPy network (`numpy_net`,
`numpy_cells`). Must not import rich.
"""
