"""Floor 5: `rnnx check`: the exchange with the student's child process, the calling conventions,
the mistake-making float64 reference, the verdict, the sandbox and its child. Must not import
rich, render or cli.
"""
