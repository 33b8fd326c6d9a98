"""`rnnx why`'s contract: the JSON document's keys and types (pinned), the exit codes (0 known,
1 nothing known, 2 bad options), and `decode`'s public shape, which the API and inspect call."""

import json
from dataclasses import fields

from rnn_cli.why.decode import SCHEMA, Reading, decode, families
from tests.helpers import rnnx

MESSAGE = "RuntimeError: Expected hidden[0] size (2, 4, 8), got [1, 4, 8]"


def _types(value: object) -> object:
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value[:1]]
    return type(value).__name__


def test_the_json_keys_are_pinned() -> None:
    code, stdout, _ = rnnx("why", MESSAGE, "-f", "json")
    assert code == 0
    document = json.loads(stdout)
    assert _types(document) == {
        "schema": "str",
        "recognized": "bool",
        "error": "str",
        "message": "str",
        "checked": "str",
        "numbers": {"which": "int", "expected": ["int"], "got": ["int"]},
        "named": ["str"],
        "causes": [{"id": "str", "says": "str", "fix": "str", "likely": "bool"}],
        "command": "str",
        "conflict": "NoneType",
    }
    assert document["schema"] == SCHEMA
    assert (document["recognized"], document["error"]) == (True, "hidden_size")
    assert document["message"] == MESSAGE


def test_reading_holds_the_documents_fields_and_to_dict_is_the_document() -> None:
    reading = decode(MESSAGE, None)
    assert isinstance(reading, Reading)
    names = {f.name for f in fields(Reading)}
    assert names == set(reading.to_dict()) - {"schema", "recognized"}
    assert json.loads(rnnx("why", MESSAGE, "-f", "json").stdout) == reading.to_dict()


def test_nothing_known_is_exit_1_with_one_line_naming_the_families() -> None:
    code, stdout, stderr = rnnx("why", "Traceback: KeyError: 'label'")
    assert (code, stdout) == (1, "")
    assert stderr.count("\n") == 1
    assert all(f in stderr for f in families())


def test_nothing_known_in_json_is_a_document_and_exit_1() -> None:
    code, stdout, _ = rnnx("why", "all good", "-f", "json")
    assert code == 1
    assert json.loads(stdout) == {
        "schema": SCHEMA,
        "recognized": False,
        "families": list(families()),
    }


def test_bad_options_are_exit_2_naming_the_flag() -> None:
    for args in (["--layers", "0"], ["--cell", "transformer"], ["-f", "csv"]):
        code, _, stderr = rnnx("why", MESSAGE, *args)
        assert code == 2, args
        assert args[0] in stderr


def test_every_family_is_documented() -> None:
    from pathlib import Path  # noqa: PLC0415

    docs = (Path(__file__).resolve().parent.parent / "docs" / "why.md").read_text()
    assert [f for f in families() if f"`{f}`" not in docs] == []
