"""The `sitmap` command: a thin shell over the pipeline, the store, the exports and the servers.

Exit codes: 0 every input was read and coded; 1 some inputs failed and were recorded (the rest
went on); 2 a usage error (bad option or value); 3 sitmap could not run at all (database,
model or gazetteer missing or unreachable).
"""

from sitmap.api.commands import keys_app
from sitmap.cli import coding, queries
from sitmap.cli.app import app
from sitmap.commandline import finish
from sitmap.geo.commands import gazetteer_app
from sitmap.scale.commands import backfill_command, watch_command

app.add_typer(gazetteer_app, name="gazetteer", help="Build, extend and describe the gazetteer.")
app.add_typer(keys_app, name="keys", help="Create, list and revoke API keys for POST /documents.")
app.command(name="watch")(watch_command)
app.command(name="backfill")(backfill_command)

__all__ = ["app", "coding", "main", "queries"]


def main() -> None:
    """Entry point of the `sitmap` console script."""
    try:
        app()
    except SystemExit as done:
        finish(done.code)
