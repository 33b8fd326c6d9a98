"""--lang before the command or after it; --help and Click's own errors in Korean under --lang ko
or RNNX_LANG=ko, with no English sentence left; English help as Click writes it."""

import re
import string

import pytest

from rnn_cli.catalog import lookup
from rnn_cli.catalog.en import EN
from rnn_cli.catalog.lookup import Lang
from rnn_cli.cli import launch
from rnn_cli.cli.launch import chosen_lang
from tests.helpers import Outcome, rnnx

KOREAN = {"RNNX_LANG": "ko"}
COMMANDS = list(launch.MODULES)
_WORD = re.compile(r"(?<![\w.\-$'])[A-Za-z]{2,}(?![\w(])")


def _english_pieces(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """The fixed text of each help and Click sentence Korean says otherwise, where it holds two
    English words or more (a flag or a format name alone never matches)."""
    ko = lookup.catalog(Lang.KO)
    found = set()
    for key, sentence in EN.items():
        if key.startswith(prefixes) and ko[key] != sentence:
            for literal, *_ in string.Formatter().parse(sentence):
                piece = literal.strip(" .,:;()[]")
                if len(_WORD.findall(piece)) >= 2:
                    found.add(piece)
    return tuple(sorted(found))


HELP_PIECES = _english_pieces(("help.", "words."))
CLICK_PIECES = _english_pieces(("words.", "error.see_help"))


def korean(*args: str, env: dict[str, str] | None = None) -> Outcome:
    try:
        return rnnx(*args, env=env)
    finally:
        lookup.use(Lang.EN)


def _unwrapped(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "ko", "shape", "-B", "analytic"],
        ["--lang=ko", "shape", "-B", "analytic"],
        ["shape", "-B", "analytic", "--lang", "ko"],
        ["--lang", "KO", "shape", "-B", "analytic"],
    ],
    ids=" ".join,
)
def test_lang_is_taken_before_the_command_or_after_it(args: list[str]) -> None:
    code, out, err = korean(*args)
    assert code == 0, err
    assert "은닉 상태" in out


def test_the_command_after_lang_is_the_one_loaded() -> None:
    """`rnnx --lang ko shape` loads shape's module, not every command (ko is no command)."""
    assert launch._command_name(["--lang", "ko", "shape", "-l", "2"]) == ["shape"]
    assert launch._command_name(["--lang", "ko"]) == COMMANDS


def test_the_language_is_chosen_before_click_parses() -> None:
    assert chosen_lang(["--lang", "ko", "shape"]) is Lang.KO
    assert chosen_lang(["shape", "--lang=ko"]) is Lang.KO
    assert chosen_lang(["--lang", "ko", "shape", "--lang", "en"]) is Lang.EN  # the command's
    assert chosen_lang(["shape", "--", "--lang", "ko"]) is Lang.EN  # past `--`: no option
    assert chosen_lang(["shape", "--lang", "fr"]) is Lang.EN  # Click refuses it


def test_an_unknown_lang_is_refused_by_click_in_english() -> None:
    code, _, err = korean("--lang", "fr", "shape")
    assert code == 2
    assert "'fr' is not one of 'en', 'ko'" in err


@pytest.mark.parametrize("how", ["flag", "env"])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_korean_help_holds_no_english_sentence(command: str, how: str) -> None:
    args = [command] if command else []
    english = rnnx(*args, "--help").stdout
    assert [p for p in HELP_PIECES if p in _unwrapped(english)], "the check below cannot fail"
    if how == "flag":
        code, shown, _ = korean("--lang", "ko", *args, "--help")
    else:
        code, shown, _ = korean(*args, "--help", env=KOREAN)
    assert code == 0
    assert [p for p in HELP_PIECES if p in _unwrapped(shown)] == []
    assert shown.startswith("사용법: ")
    assert "옵션:" in shown
    assert "예:" in shown


def test_english_help_is_clicks_own_after_a_korean_one() -> None:
    """Korean help swaps the texts while it is shown only: English help again after it."""
    before = rnnx("shape", "--help").stdout
    korean("shape", "--help", "--lang", "ko")
    after = rnnx("shape", "--help").stdout
    assert after == before
    assert before.startswith("Usage: ")
    assert "Show this message and exit." in before
    assert "# nn.RNN(5, 8, batch_first=True)" in before


@pytest.mark.parametrize(
    ("command", "english"),
    [(["shape"], "Build the network"), (["sweep"], "Comma list"), ([], "Exit codes:")],
)
def test_help_texts_come_from_the_catalog(command: list[str], english: str) -> None:
    shown = korean(*command, "--help", "--lang", "ko").stdout
    assert english in rnnx(*command, "--help").stdout
    assert english not in shown


def test_korean_help_fits_80_columns_by_cells() -> None:
    """Hangul takes two cells: Click's wrapping measures cells, not characters (an example
    command is printed whole, in English too)."""
    from rich.cells import cell_len  # noqa: PLC0415

    for command in COMMANDS:
        shown = korean(command, "--help", "--lang", "ko", env={"COLUMNS": "80"}).stdout
        lines = [line for line in shown.splitlines() if not line.startswith("    rnnx ")]
        wide = [line for line in lines if cell_len(line) > 80]
        assert wide == [], command


# one of each kind of Click's own usage errors, and the word that says it in each language
CLICK_ERRORS = [
    (["compare", "--repeat", "0"], "is not in the range", "범위"),
    (["shape", "--cell", "foo"], "is not one of", "중 하나여야"),
    (["shape", "--cell"], "requires an argument", "값이 필요합니다"),
    (["shape", "--hiden-size", "3"], "Possible options", "비슷한 옵션"),
    (["shape", "--max-memry", "1GiB"], "Did you mean --max-memory?", "옵션을 뜻했나요"),
    (["check"], "Missing argument 'TARGET'", "빠진 인자"),
    (["shape", "--layers", "x"], "is not a valid integer", "올바른 수가 아닙니다"),
    (["shap"], "Did you mean 'shape'?", "명령을 뜻했나요"),
    (["shape", "extra"], "unexpected extra argument", "예상하지 못한 인자"),
]


@pytest.mark.parametrize("before", [True, False], ids=["before-command", "after-command"])
@pytest.mark.parametrize(("args", "english", "said"), CLICK_ERRORS, ids=str)
def test_clicks_own_errors_in_korean(
    args: list[str], english: str, said: str, before: bool
) -> None:
    code, _, err = rnnx(*args)
    assert code == 2
    assert english in err
    lang = ["--lang", "ko"]
    shown = korean(*(lang + args if before else args[:1] + lang + args[1:]))
    assert shown.code == 2
    assert shown.stderr.startswith("rnnx: error: ")
    assert shown.stderr.count("\n") == 1
    assert said in shown.stderr, shown.stderr
    assert [p for p in CLICK_PIECES if p in shown.stderr] == [], shown.stderr


def test_every_words_key_is_clicks_own_msgid() -> None:
    """words.* sentences in English are Click's and Typer's own words, so English stays theirs."""
    import inspect  # noqa: PLC0415

    import click  # noqa: PLC0415
    import typer.completion  # noqa: PLC0415
    import typer.core  # noqa: PLC0415

    modules = (click.core, click.decorators, click.exceptions, click.parser, click.types)
    source = "".join(
        inspect.getsource(m) for m in (*modules, click.formatting, typer.core, typer.completion)
    )
    for key, sentence in EN.items():
        if key.startswith("words."):
            quoted = (f'"{sentence}"', f"'{sentence}'")
            assert any(q in source for q in quoted) or key == "words.did_you_mean_command", key
