"""Floor 1: what every floor may use and that knows nothing of rnnx: exceptions and exit codes, what
this machine can spare, user text made safe to echo, heavy imports with the collector paused.
Stdlib only.
"""
