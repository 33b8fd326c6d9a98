"""The catalogs: every language has EN's keys and placeholders; RNNX_LANG is read strictly."""

import os
import string
import subprocess
import sys

import pytest

from rnn_cli.base.errors import SpecError
from rnn_cli.catalog import lookup
from rnn_cli.catalog.en import EN
from rnn_cli.catalog.lookup import Lang, lang_from_env, text
from rnn_cli.cli.launch import app
from tests.helpers import runner

KOREAN = {"RNNX_LANG": "ko"}


def placeholders(sentence: str) -> set[tuple[str, str, str]]:
    """'{n:,} of {total}' -> {('n', '', ','), ('total', '', '')}: name, conversion, format spec."""
    return {
        (name, conversion or "", spec or "")
        for _, name, spec, conversion in string.Formatter().parse(sentence)
        if name is not None
    }


@pytest.mark.parametrize("lang", [lang for lang in Lang if lang is not Lang.EN])
def test_every_language_has_every_key_with_the_same_placeholders(lang: Lang) -> None:
    other = lookup.catalog(lang)
    assert set(other) == set(EN), "keys differ"
    differ = {k: (EN[k], other[k]) for k in EN if placeholders(EN[k]) != placeholders(other[k])}
    assert differ == {}


@pytest.mark.parametrize("lang", list(Lang))
def test_no_sentence_is_empty_or_carries_stray_whitespace(lang: Lang) -> None:
    for key, sentence in lookup.catalog(lang).items():
        assert sentence, key
        assert sentence == sentence.strip(), key


def test_text_answers_in_the_chosen_language_and_use_restores() -> None:
    assert text("error.interrupted") == "interrupted (Ctrl-C); nothing was saved"
    lookup.use(Lang.KO)
    try:
        assert text("error.interrupted") == "중단됨(Ctrl-C); 아무것도 저장하지 않았습니다"
        assert text("dim.hidden", h=8) == "은닉 상태의 크기 (hidden_size) 8"
    finally:
        lookup.use(Lang.EN)
    assert lookup.current() is Lang.EN


@pytest.mark.parametrize(
    ("value", "lang"),
    [(None, Lang.EN), ("", Lang.EN), ("en", Lang.EN), ("ko", Lang.KO), (" KO ", Lang.KO)],
)
def test_rnnx_lang_names_a_language(value: str | None, lang: Lang) -> None:
    environ = {} if value is None else {"RNNX_LANG": value}
    assert lang_from_env(environ) is lang


@pytest.mark.parametrize("value", ["fr", "korean", "ko_KR"])
def test_an_unknown_rnnx_lang_is_bad_input_naming_variable_value_and_choices(value: str) -> None:
    with pytest.raises(SpecError) as caught:
        lang_from_env({"RNNX_LANG": value})
    message = str(caught.value)
    assert "\n" not in message
    assert "RNNX_LANG" in message
    assert repr(value) in message
    assert "en, ko" in message
    assert caught.value.exit_code == 2


def test_english_runs_never_load_another_language() -> None:
    """ko.py is imported when Korean is chosen, not by every English run."""
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from rnn_cli.cli.launch import app\n"
        "r = CliRunner().invoke(app, ['shape', '--backend', 'analytic'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.startswith('rnn_cli.catalog.')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "RNNX_LANG"}
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert found.strip() == "['rnn_cli.catalog.en', 'rnn_cli.catalog.lookup']"


def test_rnnx_lang_chooses_the_language_of_a_run() -> None:
    try:
        shown = runner.invoke(app, ["shape", "--cell", "lstm", "--proj-size", "8"], env=KOREAN)
        assert shown.exit_code == 2
        assert "--proj-size는 --hidden-size보다 작아야 합니다" in shown.stderr
        bad = runner.invoke(app, ["shape"], env={"RNNX_LANG": "fr"})
        assert bad.exit_code == 2
        assert bad.stderr == "rnnx: error: RNNX_LANG: unknown language 'fr'; choose from en, ko\n"
    finally:
        lookup.use(Lang.EN)
    english = runner.invoke(app, ["shape", "--cell", "lstm", "--proj-size", "8"])
    assert "--proj-size must be smaller than --hidden-size" in english.stderr
