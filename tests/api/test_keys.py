"""API keys: made once, stored hashed, checked, revoked; and the `keys` commands for the CLI."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from sitmap import store
from sitmap.api.commands import keys_app
from sitmap.store.keys import api_keys, check_key, create_key, list_keys, revoke_key


@pytest.fixture
def engine(tmp_path):
    return store.open_database(str(tmp_path / "keys.db"))


def test_a_new_key_checks_and_counts_its_uses(engine):
    plaintext = create_key(engine, "field office")
    assert check_key(engine, plaintext).name == "field office"
    assert check_key(engine, plaintext).uses == 2


def test_only_a_salted_hash_of_the_key_is_stored(engine):
    first, second = create_key(engine, "a"), create_key(engine, "b")
    with engine.connect() as connection:
        rows = list(connection.execute(select(api_keys)))
    # the secret is everything after "sm_<id>_"; it may itself hold "_" (URL-safe base64)
    secrets = {first.split("_", 2)[2], second.split("_", 2)[2]}
    assert all(len(secret) >= 30 for secret in secrets)
    stored = b" ".join(
        bytes(str(value), "utf-8") if not isinstance(value, bytes) else value for r in rows for value in r
    )
    assert not any(secret.encode() in stored for secret in secrets)
    assert rows[0].salt != rows[1].salt and len(rows[0].hash) == 32


@pytest.mark.parametrize(
    "mangle",
    [
        lambda key: key[:-1] + ("A" if key[-1] != "A" else "B"),  # one character of the secret changed
        lambda key: key.rsplit("_", 1)[0] + "_",  # no secret
        lambda key: "sm_000000000000_" + key.rsplit("_", 1)[1],  # unknown id
        lambda key: "not a key",
        lambda key: "",
    ],
)
def test_a_wrong_key_is_refused(engine, mangle):
    assert check_key(engine, mangle(create_key(engine, "x"))) is None


def test_a_revoked_key_is_refused_and_listed_as_revoked(engine):
    plaintext = create_key(engine, "old laptop")
    (listed,) = list_keys(engine)
    assert revoke_key(engine, listed.id) is True
    assert revoke_key(engine, listed.id) is False
    assert check_key(engine, plaintext) is None
    assert list_keys(engine)[0].revoked_at is not None


def test_keys_commands_create_list_and_revoke(tmp_path):
    runner, db = CliRunner(), str(tmp_path / "cli.db")
    created = runner.invoke(keys_app, ["create", "analyst desk", "--db", db])
    assert created.exit_code == 0 and created.stdout.startswith("sm_")
    listed = runner.invoke(keys_app, ["list", "--db", db])
    assert "analyst desk" in listed.stdout and "live" in listed.stdout
    key_id = listed.stdout.split("\t")[0]
    assert runner.invoke(keys_app, ["revoke", key_id, "--db", db]).exit_code == 0
    assert runner.invoke(keys_app, ["revoke", key_id, "--db", db]).exit_code == 2
    assert check_key(store.open_database(db), created.stdout.strip()) is None
