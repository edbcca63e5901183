"""From bytes to one normalised text: note the BOM and line endings, then remove them."""

from __future__ import annotations

from dataclasses import dataclass

from linter.document import SourceInfo

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True, slots=True)
class DecodeError(Exception):
    """Bytes that are not text we can read, with where and why."""

    reason: str
    offset: int | None = None
    #: Not text at all (NUL bytes), as opposed to text in an encoding we cannot read.
    binary: bool = False

    def __str__(self) -> str:
        return self.reason


def decode(data: bytes) -> tuple[str, str, bool]:
    """Decode file bytes: UTF-8, or UTF-8/UTF-16 with a BOM. Returns (text, encoding, bom)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        # Its byte-order mark starts like UTF-16's: read as that, it would be text and NULs.
        raise DecodeError("UTF-32 text (a UTF-32 byte-order mark); save the file as UTF-8", 0)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                # exc.start counts from after the BOM the codec consumed.
                offset = exc.start + (len(bom) if encoding == "utf-8-sig" else 0)
                name = encoding.upper().replace("-SIG", "")
                raise DecodeError(
                    f"not valid {name} at byte {offset} (after a {name} byte-order mark); "
                    "save the file as UTF-8",
                    offset,
                ) from None
            return text.removeprefix("\ufeff"), encoding, True
    nul = data.find(b"\x00")
    if nul != -1:
        raise DecodeError(
            f"binary file (a NUL byte at byte {nul}): skipped, not linted; "
            "exclude it, or save it as UTF-8 text",
            nul,
            binary=True,
        )
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not valid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}); "
            "save the file as UTF-8",
            exc.start,
        ) from None


def normalise(text: str, *, encoding: str = "utf-8", bom: bool = False) -> tuple[str, SourceInfo]:
    """Remove a leading BOM and turn every line ending into ``\\n``, noting what was there."""
    if text.startswith("\ufeff"):
        text = text[1:]
        bom = True
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("\r\n", crlf), ("\r", lone_cr), ("\n", lf)) if n]
    newline = kinds[0] if len(kinds) == 1 else ("\n" if not kinds else "mixed")
    if crlf or lone_cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    info = SourceInfo(
        bom=bom, newline=newline, final_newline=text.endswith("\n"), encoding=encoding
    )
    return text, info
