"""copydesk: an editorial quality-check linter for articles in plain text and Markdown."""

from __future__ import annotations

__version__ = "0.1.0"
