"""``python -m linter``: the same as the ``copydesk`` command."""

from __future__ import annotations

from linter.console import run

if __name__ == "__main__":
    run()
