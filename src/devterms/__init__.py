"""devterms: finds social-platform data flowing into surveillance sinks, before it ships."""

import os
import sys

__version__ = "0.1.0"


def _forget_working_folder() -> None:
    """``python -m devterms`` puts the working folder first on ``sys.path``, so a ``json.py``
    in the project being analysed would be imported instead of the standard library's. While
    ``-m`` locates the module, ``sys.argv[0]`` is ``"-m"``: that is when the entry is dropped."""
    if sys.argv[:1] == ["-m"] and not getattr(sys.flags, "safe_path", False) and sys.path[:1] in ([""], [os.getcwd()]):
        del sys.path[0]


_forget_working_folder()
