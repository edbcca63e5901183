"""Hostile and odd files in one run: bad ones get a read-error, good ones their findings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.parse import DecodeError, parse, parse_bytes
from linter.parse.source import decode

#: Files that cannot be linted, and a piece of the message each must get.
BAD = {
    "articles/latin1.txt": "not valid UTF-8 at byte 19 (0xe9); save the file as UTF-8",
    "articles/binary.txt": "binary file (a NUL byte at byte 6): skipped, not linted",
    "articles/locked.txt": "permission denied: cannot read the file; check its permissions",
    "articles/broken.txt": "broken symbolic link: its target 'nowhere.txt' does not exist",
    "articles/loop-a.txt": "symbolic link loop: the link never reaches a file",
    "articles/loop-b.txt": "symbolic link loop: the link never reaches a file",
    "articles/pipe.txt": "not a regular file (a pipe, socket or device): skipped, not read",
    "gone.txt": "no such file or folder; check the path",
    "pictures": "nothing to check: no files matching *.md, *.markdown, *.txt in this folder",
}

LONG_LINE = "Ferries sailed again on Monday after the storm had passed the harbour. " * 14_600
MANY_LINES = "".join(f"Ferry {n} sailed again on Monday.\n" for n in range(100_000))
NESTED = "# Harbour Reopens\n\n" + "".join("  " * d + f"- level {d}\n" for d in range(40))

#: name -> (bytes, expected "line:column rule" findings)
VALID: dict[str, tuple[bytes, list[str]]] = {
    "empty.txt": (b"", []),
    "whitespace.txt": (b"  \n\t\n \xc2\xa0 \n", []),
    "no-final-newline.txt": (
        b"Harbour Reopens\nFerries sailed again on Monday.\n-",
        ["3:1 empty-bullet"],
    ),
    "crlf.txt": (
        b"Harbour Reopens\r\nFerries sailed again on Monday.\r\n-\r\n\r\n\r\n",
        ["3:1 empty-bullet", "4:1 trailing-blank-lines"],
    ),
    "lone-cr.txt": (
        b"Harbour Reopens\rFerries sailed again on Monday.\r-\r\r\r",
        ["3:1 empty-bullet", "4:1 trailing-blank-lines"],
    ),
    "tabs.txt": (
        b"Harbour Reopens\nFerries\tsailed again on Monday.\n\t\t-\n",
        ["3:3 empty-bullet"],
    ),
    "zero-width.txt": (
        "Harbour\u200bReopens\nFerries\u00a0sailed again on\u200b Monday.\n-\n".encode(),
        ["3:1 empty-bullet"],
    ),
    "right-to-left.txt": (
        (
            "נמל הצפון נפתח מחדש\nהמעבורות הפליגו שוב ביום שני.\n•\nعادت العبارات إلى الإبحار.\n"
        ).encode(),
        ["3:1 empty-bullet"],
    ),
    "emoji.md": (
        "# Harbour 🚢 Reopens\n\n- Ferries 🇬🇧 sailed agai\u0301n.\n\n  -\n".encode(),
        ["5:3 empty-bullet"],
    ),
    "utf8-bom.txt": (
        b"\xef\xbb\xbfHarbour Reopens\nFerries sailed again.\n-\n",
        ["3:1 empty-bullet"],
    ),
    "utf16-bom.txt": (
        "Harbour Reopens\nFerries sailed again.\n-\n".encode("utf-16"),
        ["3:1 empty-bullet"],
    ),
    "long-line.txt": (f"Harbour Reopens\n{LONG_LINE}\n-\n".encode(), ["3:1 empty-bullet"]),
    "many-lines.txt": (f"Harbour Reopens\n{MANY_LINES}-\n".encode(), ["100002:1 empty-bullet"]),
    "nested.md": (NESTED.encode(), []),
    "unclosed-fence.md": (
        b"# Harbour Reopens\n\nFerries sailed again.\n\n```\n-\n\n\n",
        ["7:1 trailing-blank-lines"],
    ),
    "front-matter.md": (
        b"---\ntitle: [Harbour Reopens\n---\n# Harbour Reopens\n\n-\n",
        ["3:1 front-matter-invalid", "6:1 empty-bullet"],
    ),
}


def _make_folder(root: Path) -> None:
    folder = root / "articles"
    folder.mkdir()
    for name, (data, _) in VALID.items():
        (folder / name).write_bytes(data)
    (folder / "latin1.txt").write_bytes(b"Harbour Reopens\nCaf\xe9 owners cheered.\n")
    (folder / "binary.txt").write_bytes(b"GIF89a\x00\x01\x02")
    (folder / "locked.txt").write_text("Harbour Reopens\n", encoding="utf-8")
    (folder / "broken.txt").symlink_to("nowhere.txt")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer forever
    (folder / "sub").mkdir()
    (folder / "sub" / "again").symlink_to("..", target_is_directory=True)  # a folder loop
    (root / "pictures").mkdir()
    (root / "pictures" / "harbour.png").write_bytes(b"\x89PNG\r\n\x1a\n")


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _make_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    # Tests may run as root, which reads any file: make the locked file unreadable by hand.
    read_bytes = Path.read_bytes

    def guarded_read(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded_read)
    return tmp_path


def _run(*args: str) -> tuple[int, dict[str, list[str]], dict[str, str], str]:
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--format", "json", *args], catch_exceptions=False
    )
    data = json.loads(result.stdout)
    found: dict[str, list[str]] = {}
    messages: dict[str, str] = {}
    for d in data["diagnostics"]:
        found.setdefault(d["path"], []).append(f"{d['line']}:{d['column']} {d['rule']}")
        if d["rule"] == "read-error":
            messages[d["path"]] = d["message"]
    return result.exit_code, found, messages, result.stdout + result.stderr


def test_one_run_over_every_kind_of_file(hostile: Path) -> None:
    code, found, messages, output = _run("articles", "gone.txt", "pictures")
    assert code == 2
    assert "Traceback" not in output
    for shown, piece in BAD.items():
        assert found[shown] == ["1:1 read-error"] or shown == "articles/latin1.txt", shown
        assert piece in messages[shown], shown
    for name, (_, expected) in VALID.items():
        assert found.get(f"articles/{name}", []) == expected, name
    assert set(found) <= set(BAD) | {f"articles/{n}" for n in VALID}


def test_a_bad_byte_is_placed_at_its_line_and_column(hostile: Path) -> None:
    _, found, _, _ = _run("articles/latin1.txt")
    assert found == {"articles/latin1.txt": ["2:4 read-error"]}


def test_the_text_format_shows_the_same_places(hostile: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--isolated", "articles/emoji.md"])
    assert result.stdout.splitlines()[0].startswith("articles/emoji.md:5:3: empty-bullet ")
    assert result.exit_code == 1


def test_a_misspelt_path_gets_a_close_match(hostile: Path) -> None:
    _, _, messages, _ = _run("articles/emoji.mb")
    assert messages == {
        "articles/emoji.mb": "no such file or folder; did you mean 'articles/emoji.md'?"
    }


def test_stdin_that_is_not_utf8_is_a_read_error(hostile: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--format", "json", "-"], input=b"Caf\xe9\n"
    )
    assert result.exit_code == 2
    (d,) = json.loads(result.stdout)["diagnostics"]
    assert (d["path"], d["line"], d["column"], d["rule"]) == ("<stdin>", 1, 4, "read-error")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_a_file_without_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Harbour Reopens\n", encoding="utf-8")
    locked.chmod(0)
    monkeypatch.chdir(tmp_path)
    code, _, messages, _ = _run("locked.txt")
    assert code == 2
    assert messages["locked.txt"].startswith("permission denied")


@pytest.mark.parametrize(
    ("data", "reason", "offset"),
    [
        (b"Harbour\xff", "not valid UTF-8 at byte 7 (0xff)", 7),
        (b"\xef\xbb\xbfHarbour\xc3", "not valid UTF-8 at byte 10 (after a UTF-8 byte-order", 10),
        (b"\xff\xfeH\x00\x00\xd8", "not valid UTF-16 at byte 4", 4),
        (b"Harbour\x00", "binary file (a NUL byte at byte 7)", 7),
        # UTF-32's mark starts like UTF-16's: it must not be read as text with NULs in it.
        ("Harbour\n".encode("utf-32"), "UTF-32 text (a UTF-32 byte-order mark)", 0),
        (b"\x00\x00\xfe\xff" + "Harbour\n".encode("utf-32-be"), "UTF-32 text", 0),
    ],
)
def test_decode_errors_name_the_byte(data: bytes, reason: str, offset: int) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert reason in str(info.value)
    assert info.value.offset == offset


def test_byte_order_marks_are_tried_before_the_nul_check() -> None:
    with pytest.raises(DecodeError, match="binary file"):  # UTF-16 without a BOM has NULs
        parse_bytes("Harbour Reopens\n".encode("utf-16-be"), "a.txt")
    doc = parse_bytes(b"\xfe\xff" + "Harbour\n".encode("utf-16-be"), "a.txt")
    assert (doc.text, doc.source.bom) == ("Harbour\n", True)


def test_columns_count_characters_not_bytes_or_code_units() -> None:
    doc = parse("🚢 e\u0301 \u05d0\u200bX\n", "a.txt")
    assert doc.position(doc.text.index("X")) == (1, 8)


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "colour.txt").write_text("Harbour Reopens\n\x1b[2JStorm\x07\n-\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "colour.txt"])
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "2 | \ufffd[2JStorm\ufffd\n" in result.stdout


def test_a_folder_that_cannot_be_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "articles" / "locked").mkdir(parents=True)
    (tmp_path / "articles" / "locked" / "secret.txt").write_text("Harbour Reopens\n-\n")
    (tmp_path / "articles" / "open.txt").write_text("Harbour Reopens\n-\n")
    monkeypatch.chdir(tmp_path)
    scandir = os.scandir

    def guarded_scandir(path: os.PathLike[str] | str = ".") -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    code, found, messages, _ = _run("articles")
    assert code == 2
    assert found == {
        "articles/locked": ["1:1 read-error"],
        "articles/open.txt": ["2:1 empty-bullet"],
    }
    assert messages["articles/locked"].startswith("cannot list the folder")


@pytest.mark.parametrize("fix", [[], ["--fix"], ["--diff", "-o", "report.json"]])
def test_an_unreadable_file_named_on_the_command_line_is_a_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fix: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("Harbour Reopens\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Harbour Reopens\nFerries sailed.\nTK\n", encoding="utf-8")
    secret.chmod(0)
    if os.geteuid() == 0:  # root reads every file: refuse this one as the system would
        access, read_bytes = os.access, Path.read_bytes

        def refuse(path: Path) -> bytes:
            if Path(path).name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return read_bytes(path)

        monkeypatch.setattr(os, "access", lambda p, m, **k: "secret" not in str(p) and access(p, m))
        monkeypatch.setattr(Path, "read_bytes", refuse)
    result = CliRunner().invoke(
        main,
        ["check", "--isolated", "--no-cache", "--format", "json", *fix, "secret.txt", "other.txt"],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    report = Path("report.json").read_text(encoding="utf-8") if "-o" in fix else result.stdout
    found = [(d["path"], d["rule"], d["message"]) for d in json.loads(report)["diagnostics"]]
    assert found == [
        (
            "secret.txt",
            "read-error",
            "permission denied: cannot read the file; check its permissions",
        ),
        ("other.txt", "placeholder-text", 'Placeholder "TK" left in the text'),
    ]


@pytest.mark.parametrize("extra", [[], ["--fix"], ["--diff"]])
def test_a_path_the_system_refuses_is_a_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.txt").write_text("Harbour Reopens\nTK\n", encoding="utf-8")
    long = "a" * 300 + ".md"
    args = ["check", "--isolated", "--format", "concise", *extra, long, "other.txt"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    lines = (result.stdout if not extra else result.stdout + result.stderr).splitlines()
    assert any(
        line.startswith(long) and "cannot read the path: File name too long" in line
        for line in lines
    )
    assert "internal error" not in result.output


def test_a_file_name_that_is_not_utf8_leaves_every_machine_format_well_formed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xml.dom.minidom

    name = b"lat\xe9.md"
    try:
        (tmp_path / os.fsdecode(name)).write_bytes(b"# Harbour\n\nFerries sail TODO.\n")
    except (OSError, UnicodeError):
        pytest.skip("this file system does not take names that are not UTF-8")
    monkeypatch.chdir(tmp_path)

    def report(fmt: str) -> bytes:
        result = CliRunner().invoke(main, ["check", "--isolated", "--format", fmt, "."])
        assert result.exit_code == 1
        return result.stdout_bytes

    # The JSON reports escape the byte, and Python reads the very name back.
    data = json.loads(report("json").decode("utf-8"))
    assert os.fsencode(data["diagnostics"][0]["path"]) == name
    issues = json.loads(report("gitlab").decode("utf-8"))
    assert os.fsencode(issues[0]["location"]["path"]) == name
    # XML cannot: the byte is written as text.
    junit = xml.dom.minidom.parseString(report("junit"))
    assert junit.getElementsByTagName("testcase")[0].getAttribute("name") == "lat\\xe9.md"
    page = report("html").decode("utf-8")  # a raw byte would not decode
    assert "<h2>lat\\xe9.md</h2>" in page


def test_characters_xml_cannot_hold_are_replaced_in_junit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xml.dom.minidom

    (tmp_path / "odd.md").write_text(
        "# Harbour\n\nFerries sail again.\n\n[Insert \ufffe quote \uffff here]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "junit", "odd.md"])
    assert result.exit_code == 1
    failure = xml.dom.minidom.parseString(result.stdout_bytes).getElementsByTagName("failure")[0]
    assert "[Insert \ufffd quote \ufffd here]" in failure.firstChild.data


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "html", "junit"])
def test_control_characters_quoted_from_an_article_do_not_reach_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    (tmp_path / "esc.md").write_bytes(
        b"# Harbour\n\nFerries sail again.\n\n[Insert \x1b[2J quote \x1b]0;x\x07 here]\n"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", fmt, "esc.md"])
    assert result.exit_code == 1
    assert "placeholder-text" in result.stdout
    assert not any(c in result.stdout for c in "\x1b\x07")
