"""rnnx: a command-line shape explorer for recurrent neural networks, and its Python API.

`import rnn_cli` loads neither torch, numpy nor rich: `shape`, `inspect`, `why` and the notebook
extension's `load_ipython_extension` are imported on first use.
"""

import importlib
import sys
import types

# what the names are, for type checkers; at run time they load on first use, and `typing` is
# not imported: `python -m rnn_cli` loads this package before its Ctrl-C guard is in place
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from rnn_cli.api import inspect as inspect
    from rnn_cli.api import shape as shape
    from rnn_cli.api import why as why
    from rnn_cli.notebook import load_ipython_extension as load_ipython_extension

__version__ = "0.1.0"
__all__ = ["inspect", "load_ipython_extension", "shape", "why"]

_PUBLIC = {"shape": "rnn_cli.api", "load_ipython_extension": "rnn_cli.notebook"}


def __getattr__(name: str) -> "Any":
    """rnn_cli.shape and %load_ext rnn_cli's hook, imported when first used."""
    if name in _PUBLIC:
        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'rnn_cli' has no attribute {name!r}")


def _api(name: str) -> "Any":
    """rnn_cli.NAME is the API's function, though rnn_cli/NAME/ is also a package: the import
    system's record of the subpackage on its parent is dropped (sys.modules keeps it)."""

    def function(package: types.ModuleType) -> "Any":
        return getattr(importlib.import_module("rnn_cli.api"), name)

    def subpackage_imported(package: types.ModuleType, subpackage: types.ModuleType) -> None:
        pass

    return property(function, subpackage_imported)


class _Package(types.ModuleType):
    """rnn_cli.inspect and rnn_cli.why: the API's functions, not the subpackages of those names."""

    inspect = _api("inspect")
    why = _api("why")


sys.modules[__name__].__class__ = _Package
