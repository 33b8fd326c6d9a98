"""rnnx's exceptions and the exit code each maps to. Must not import anything beyond the stdlib."""


class RnnxError(Exception):
    """Base of every error rnnx reports as one line on stderr."""

    exit_code = 1


class SpecError(RnnxError):
    """Bad input: the message names the flag, the value and the fix."""

    exit_code = 2


class MismatchError(RnnxError):
    """Two computations that must agree did not (a backend against the analytic shapes, say)."""

    exit_code = 1
