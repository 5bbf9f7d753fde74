"""The command line in the user's language: help texts from the catalogue, and click's own
words (usage, headings, its error messages) in Chinese. Front end only."""

from __future__ import annotations

import re
from typing import Any

from .messages import Lang, catalogue, text

# click's fixed phrases and error messages, most specific first.
CLICK_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Usage: ", re.M), "用法："),
    (re.compile(r"^Options:$", re.M), "选项："),
    (re.compile(r"^Commands:$", re.M), "命令："),
    (re.compile(r"^Arguments:$", re.M), "参数："),
    (re.compile(r"Show this message and exit\."), "显示本帮助并退出。"),
    (re.compile(r"\[default: ([^\]]*)\]"), r"[默认：\1]"),
    (re.compile(r"\[required\]"), "[必填]"),
    (re.compile(r"Missing option '([^']+)'\.?"), r"缺少选项 \1"),
    (re.compile(r"Missing argument '([^']+)'\.?"), r"缺少参数 \1"),
    (re.compile(r"No such option: (\S+?)(?: Did you mean (\S+?)\?)?$"), r"没有这个选项：\1"),
    (re.compile(r"No such command '([^']+)'\.?"), r"没有这个命令：\1"),
    (re.compile(r"Option '([^']+)' requires an argument\.?"), r"选项 \1 需要一个值"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), r"多余的参数：\1"),
    (re.compile(r"Invalid value for '([^']+)': '([^']*)' is not a valid integer( range)?\.?"), r"\1：“\2”不是整数"),
    (re.compile(r"Invalid value for '([^']+)': (\S+) is not in the range (.*)\.?"), r"\1：\2 超出范围 \3"),
    (re.compile(r"Invalid value for '([^']+)': '([^']*)' is not one of (.*)\.?"), r"\1：“\2”不是可选值（\3）"),
    (re.compile(r"Invalid value for '([^']+)': (.*)"), r"\1 的值无效：\2"),
    # typer checks option types with pydantic.
    (re.compile(r"Input should be a valid integer[^（(]*"), "应为整数"),
    (re.compile(r"Input should be a valid (?:number|decimal)[^（(]*"), "应为数字"),
    (re.compile(r"Input should be greater than or equal to (\S+)"), r"应不小于 \1"),
    (re.compile(r"Input should be less than or equal to (\S+)"), r"应不大于 \1"),
]


def click_words(message: str, lang: Lang) -> str:
    """click's English ``message`` (help or an error) in ``lang``."""
    if lang == "en":
        return message
    for pattern, zh in CLICK_ZH:
        message = pattern.sub(zh, message)
    return message


def localise(command: Any, lang: Lang) -> Any:
    """Fill in ``command``'s help texts (catalogue codes) in ``lang``, for it and every
    subcommand and option; returns it."""
    known = catalogue()
    help_code = getattr(command, "help", None) or ""  # none: not a code
    if help_code in known:
        command.help = text(help_code, lang)
    for param in getattr(command, "params", []):
        if getattr(param, "help", None) in known:
            param.help = text(param.help, lang)
    for sub in getattr(command, "commands", {}).values():
        localise(sub, lang)
    return command
