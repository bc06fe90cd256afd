"""Print docs/cli.md: the `--help` of every sitmap command, so the reference never drifts.

`make docs` writes it; tests/test_docs.py fails when the checked-in file differs.
"""

from __future__ import annotations

from typing import Any

import typer.main

from sitmap import cli


def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    for name in sorted(getattr(command, "commands", {})):
        found += _walk(command.commands[name], [*path, name])
    return found


def reference() -> str:
    """The CLI reference in Markdown."""
    root = typer.main.get_command(cli.app)
    parts = [
        "# sitmap command reference",
        "",
        "Generated from `--help` by `make docs`; do not edit by hand.",
        "",
    ]
    for path, command in _walk(root, ["sitmap"]):
        command.rich_markup_mode = None  # plain text, not rich panels
        context = command.context_class(
            command, info_name=" ".join(path), terminal_width=100, max_content_width=100
        )
        with context:
            text = command.get_help(context)
        parts += [f"## `{' '.join(path)}`", "", "```", text.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
