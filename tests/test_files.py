"""Reading users' data files: regular files only, a size cap, a BOM accepted, TOML failures as one error."""

import os

import pytest

from leavecalc.errors import PolicyError
from leavecalc.files import parse_toml, read_data_file


def test_a_bom_is_dropped(tmp_path):
    p = tmp_path / "a.toml"
    p.write_bytes(b"\xef\xbb\xbfx = 1\n")
    assert read_data_file(p, "policy file", PolicyError) == "x = 1\n"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    p = tmp_path / "fifo.toml"
    os.mkfifo(p)
    with pytest.raises(PolicyError, match="not a regular file"):
        read_data_file(p, "policy file", PolicyError)


def test_a_device_is_refused():
    with pytest.raises(PolicyError, match="not a regular file"):
        read_data_file("/dev/zero", "policy file", PolicyError)


def test_a_file_over_the_cap_is_refused(tmp_path):
    p = tmp_path / "big.toml"
    p.write_bytes(b"#" * 101)
    with pytest.raises(PolicyError, match="101 bytes, more than the 100"):
        read_data_file(p, "policy file", PolicyError, limit=100)


def test_a_missing_file_names_the_path(tmp_path):
    with pytest.raises(PolicyError, match="missing.toml: cannot read it"):
        read_data_file(tmp_path / "missing.toml", "policy file", PolicyError)


@pytest.mark.parametrize(
    "text, says",
    [("x = " + "9" * 5000, "not valid TOML"), ("x = " + "[" * 3000 + "]" * 3000, "not valid TOML"), ("x = ", "not valid TOML")],
    ids=["5000-digit integer", "3000-deep nesting", "syntax"],
)
def test_toml_failures_are_one_error(text, says):
    with pytest.raises(PolicyError, match=says):
        parse_toml(text, "f.toml", PolicyError)
