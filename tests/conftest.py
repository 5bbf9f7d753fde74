"""Shared fixtures: the bundled policies and calendar are loaded once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from leavecalc import holiday_calendar, holiday_data
from leavecalc.holiday_calendar import Arrangement, Calendar, HolidayLaw, bundled_calendar
from leavecalc.policy import Policy, PolicyRegistry, bundled_policies

# The last year whose holiday arrangement the tests treat as published. Tests of "an unpublished
# year" use 2027; when the installed chinese-calendar gains its notice they must not start failing,
# so the suite sees chinese-calendar's arrangements up to this year only (a fixture arrangement).
LAST_PUBLISHED = 2026
_real_arrangements = holiday_calendar.bundled_arrangements


def _arrangements_to_last_published(law: HolidayLaw) -> dict[int, Arrangement]:
    return {y: a for y, a in _real_arrangements(law).items() if y <= LAST_PUBLISHED}


@pytest.fixture(scope="session", autouse=True)
def _published_years_fixed() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(holiday_calendar, "bundled_arrangements", _arrangements_to_last_published)
        mp.setattr(holiday_data, "bundled_arrangements", _arrangements_to_last_published)
        yield


@pytest.fixture(scope="session")
def registry() -> PolicyRegistry:
    return bundled_policies()


@pytest.fixture(scope="session")
def calendar() -> Calendar:
    return bundled_calendar()


@pytest.fixture(scope="session")
def nj2025(registry: PolicyRegistry) -> Policy:
    return registry.get("nanjing_2025")


@pytest.fixture(scope="session")
def nj2023(registry: PolicyRegistry) -> Policy:
    return registry.get("nanjing_2023")


def d(text: str) -> date:
    """Short date literal for worked examples."""
    return date.fromisoformat(text)


@pytest.fixture(scope="session")
def empty_holidays_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("no-user-holidays")


@pytest.fixture(autouse=True)
def no_user_holiday_files(empty_holidays_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own holiday directory (docs/holidays.md) out of every test."""
    monkeypatch.setenv("LEAVECALC_HOLIDAYS_DIR", str(empty_holidays_dir))


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """An English locale: the command line answers in English without --lang."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """No English locale: the command line answers in Chinese, its default."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
