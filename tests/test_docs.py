"""The documentation stays true: README commands, CLI reference, public API."""

from __future__ import annotations

from pathlib import Path

import kg
from kg.cli import command_help

ROOT = Path(__file__).resolve().parent.parent


def test_docs_readme_opens_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block == [
        "scripts/setup && .venv/bin/kg build data/articles --out build/",
        "scripts/check",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/setup" in ci and "scripts/check" in ci


def test_docs_cli_reference_is_generated_from_help() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for _, text in command_help():
        assert text.rstrip() in reference, "docs/cli.md is stale: run scripts/cli_reference.py"


def test_docs_public_api_is_sorted_and_importable() -> None:
    assert kg.__all__ == sorted(kg.__all__)
    assert all(hasattr(kg, name) for name in kg.__all__)
