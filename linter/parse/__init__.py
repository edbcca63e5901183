"""Parsers: file text to :class:`~linter.document.Document`, for plain text and Markdown."""

from __future__ import annotations

from linter.document import Document, SourceInfo
from linter.parse.roles import ArticleOptions, assign_roles
from linter.parse.source import DecodeError, decode, normalise

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def format_for(path: str) -> str:
    """``"markdown"`` for Markdown file names, ``"text"`` for everything else."""
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


def parse(
    text: str,
    path: str = "<text>",
    fmt: str | None = None,
    options: ArticleOptions | None = None,
    source: SourceInfo | None = None,
) -> Document:
    """Parse article text (any line endings) into a Document."""
    text, info = normalise(text)
    if source is not None:
        info = SourceInfo(
            bom=source.bom or info.bom,
            newline=info.newline,
            final_newline=info.final_newline,
            encoding=source.encoding,
        )
    fmt = fmt or format_for(path)
    options = options or ArticleOptions()
    front = front_error = None
    if fmt == "markdown":
        from linter.parse.markdown import parse_markdown  # markdown-it only when needed

        blocks, front, front_error = parse_markdown(text, path)
    else:
        from linter.parse.plaintext import parse_lines

        blocks = parse_lines(text)
    return Document(
        path=path,
        format=fmt,
        text=text,
        blocks=tuple(assign_roles(blocks, options)),
        source=info,
        front_matter=front,
        front_matter_error=front_error,
    )


def parse_bytes(
    data: bytes, path: str, fmt: str | None = None, options: ArticleOptions | None = None
) -> Document:
    """Decode file bytes (UTF-8, or with a UTF-8/UTF-16 BOM) and parse them."""
    text, encoding, bom = decode(data)
    return parse(text, path, fmt, options, SourceInfo(bom=bom, encoding=encoding))


__all__ = ["ArticleOptions", "DecodeError", "format_for", "parse", "parse_bytes"]
