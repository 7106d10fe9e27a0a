"""libssrandom: verifiable 双随机、一公开 (double random, one public) inspection draws.

The package wraps the C++ core (``ssrandom._core``) in a Pythonic API.
"""

from ssrandom._core import __version__

__all__ = ["__version__"]
