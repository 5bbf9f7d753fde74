"""The examples in docs/library.md run, and print what the page says they print."""

from __future__ import annotations

import doctest
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_library_doc_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)  # the page loads tests/data/... by relative path
    failures, tried = doctest.testfile(str(ROOT / "docs" / "library.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert tried > 10 and failures == 0
