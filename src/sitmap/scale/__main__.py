"""`python -m sitmap.scale watch|backfill ...`: the scale commands without the rest of the CLI."""

from sitmap.scale.commands import scale_app

scale_app()
