"""Write docs/cli.md from the parser's own --help texts (a test keeps it current).

.venv/bin/python scripts/cli_reference.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.cli import command_help

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def render() -> str:
    parts = ["# kg command line\n", "Generated from `--help` by `scripts/cli_reference.py`.\n"]
    for name, text in command_help():
        title = "kg" if not name else f"kg {name}"
        parts.append(f"## `{title}`\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def main() -> int:
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
