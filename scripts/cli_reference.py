"""Print docs/cli.md: the `--help` of every sitmap command, so the reference never drifts.

`make docs` writes it; tests/test_docs.py fails when the checked-in file differs.
"""

from __future__ import annotations

import click
import typer.main

from sitmap import cli


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found += _walk(command.commands[name], [*path, name])
    return found


def reference() -> str:
    """The CLI reference in Markdown."""
    cli._mount_subcommands()
    root = typer.main.get_command(cli.app)
    parts = ["# sitmap command reference", "", "Generated from `--help` by `make docs`; do not edit by hand.", ""]
    for path, command in _walk(root, ["sitmap"]):
        command.rich_markup_mode = None  # type: ignore[attr-defined]  # plain text, not rich panels
        with click.Context(command, info_name=" ".join(path), terminal_width=100, max_content_width=100) as context:
            text = command.get_help(context)
        parts += [f"## `{' '.join(path)}`", "", "```", text.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
