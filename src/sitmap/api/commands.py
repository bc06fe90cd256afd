"""Command-line pieces for the lead's CLI: ``sitmap keys create|list|revoke`` and ``sitmap serve``."""

from __future__ import annotations

from typing import Annotated

import typer

from sitmap.commandline import DbOption

keys_app = typer.Typer(help="Create, list and revoke API keys for POST /documents.", no_args_is_help=True)


@keys_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Who or what the key is for.")], db: DbOption = None
) -> None:
    """Make a new API key and print it (it is stored hashed and never shown again)."""
    from sitmap import store
    from sitmap.store import keys

    print(keys.create_key(store.open_database(db), name))


@keys_app.command("list")
def list_(db: DbOption = None) -> None:
    """List API keys: id, name, created, revoked, uses (never the secrets)."""
    from sitmap import store
    from sitmap.store import keys

    for key in keys.list_keys(store.open_database(db)):
        revoked = key.revoked_at.isoformat(timespec="seconds") if key.revoked_at else "live"
        print(f"{key.id}\t{key.name}\t{key.created_at.isoformat(timespec='seconds')}\t{revoked}\t{key.uses}")


@keys_app.command("revoke")
def revoke(key_id: Annotated[str, typer.Argument(help="The key's id (from `keys list`) or the whole key.")],
           db: DbOption = None) -> None:  # fmt: skip
    """Revoke an API key; writes with it are refused from now on."""
    from sitmap import store
    from sitmap.store import keys

    if not keys.revoke_key(store.open_database(db), key_id):
        print(f"no live key {key_id!r}")
        raise typer.Exit(2)
    print(f"revoked {key_id}")


def serve(
    db: str | None = None, host: str = "127.0.0.1", port: int = 8000, tiles: str | None = None,
    tiles_attribution: str = "",
) -> None:  # fmt: skip
    """Run the API and web map with uvicorn until interrupted."""
    import uvicorn

    from sitmap.api.app import Settings, create_app

    app = create_app(db, settings=Settings(db=db, tiles=tiles, tiles_attribution=tiles_attribution))
    uvicorn.run(app, host=host, port=port, log_level="info")
