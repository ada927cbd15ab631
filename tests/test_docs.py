"""The README says what the command does: its command table lists exactly the commands there are."""

from __future__ import annotations

import re
from pathlib import Path

from extractor.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_command_table_lists_every_command():
    documented = set(re.findall(r"^\| `qualspec (\w+)", README, flags=re.MULTILINE))
    assert documented == set(main.commands)


def test_documented_options_exist():
    for name, options in re.findall(r"^\| `qualspec (\w+) ([^`]*)`", README, flags=re.MULTILINE):
        command = main.commands[name]
        known = {opt for param in command.params for opt in getattr(param, "opts", [])}
        for option in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", options):
            assert option in known, f"README documents {name} {option}, which the command does not have"
