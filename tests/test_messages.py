"""The message catalogue: every code the code uses is there in both languages, every entry is
used, and both languages of an entry take the same parameters."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from leavecalc.messages import LANGS, Catalogue, _flatten, catalogue

SRC = Path(__file__).parent.parent / "src" / "leavecalc"
# A call naming a catalogue code, or a help text given as a code.
USE = re.compile(r"""(?:(?<![.\w])(?:message|text|text_of|pair|verdict|key_date|bad_input)\(\s*|\bInputError\.of\(|Error\.of\(|help=)["']([a-z_]+(?:\.[a-z_]+)*)["']""")
LITERAL = re.compile(r"""["']([a-z_]+(?:\.[a-z_]+)+|article|article_item|article_named)["']""")


def sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py")))


def fields(template: str) -> set[str]:
    return {name.split("!")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_used_is_in_the_catalogue_in_both_languages():
    used = set(USE.findall(sources()))
    assert len(used) > 50  # the pattern finds the calls (a test that cannot fail is a defect)
    missing = sorted(c for c in used if c not in catalogue())
    assert missing == []
    for code in used:
        assert all(catalogue()[code].get(lang) for lang in LANGS), code


def test_every_catalogue_entry_is_used():
    literals = set(LITERAL.findall(sources()))
    unused = sorted(c for c in catalogue() if c not in literals)
    assert unused == []


def test_both_languages_take_the_same_parameters():
    for code, entry in catalogue().items():
        assert set(entry) - {"code"} == {"zh", "en"}, code
        assert fields(entry["zh"]) == fields(entry["en"]), code


def test_chinese_wording_names_no_option_outside_the_command_line_texts():
    # Answers are read out to callers: an option name belongs only to the command line's own texts.
    for code, entry in catalogue().items():
        if not code.startswith("cli."):
            assert "--" not in entry["zh"] and "docs/" not in entry["zh"], code


def test_the_catalogue_read_entry_by_entry_is_the_whole_file_parsed():
    text = (SRC / "data" / "messages.toml").read_text(encoding="utf-8")
    lazy = Catalogue(text)
    assert lazy._spans and not lazy._read  # messages.toml is read entry by entry (start-up time)
    assert dict(lazy.items()) == _flatten(tomllib.loads(text))


@pytest.mark.parametrize(
    "text",
    [
        # a code that is a prefix of another: the whole-file reading nests one in the other
        '[a]\nzh = "x"\nen = "y"\n[a.b]\nzh = "p"\nen = "q"\n',
        # a string over several lines that holds a line like a table header
        '[a]\nzh = """x\n[b]\n"""\nen = "y"\n[c]\nzh = "p"\nen = "q"\n',
        # a quoted table name
        '["a"]\nzh = "x"\nen = "y"\n',
    ],
)
def test_a_catalogue_not_made_of_plain_tables_is_read_whole(text):
    assert dict(Catalogue(text).items()) == _flatten(tomllib.loads(text))
