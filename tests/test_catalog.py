"""The catalogs: every language has EN's keys and placeholders; RNNX_LANG is read strictly."""

import ast
import os
import re
import string
import subprocess
import sys
from enum import Enum
from pathlib import Path

import pytest
import typer.main

import rnn_cli
from rnn_cli.base.errors import SpecError
from rnn_cli.catalog import lookup
from rnn_cli.catalog.en import EN
from rnn_cli.catalog.lookup import Lang, lang_from_env, text
from rnn_cli.catalog.notation import NOTATION
from rnn_cli.cli.launch import app
from rnn_cli.grading import conventions
from rnn_cli.grading.protocol import BEFORE_RUN, FailureKind
from rnn_cli.grading.reference import Mistake
from rnn_cli.network.shapes import Role
from rnn_cli.render.inspect import COLUMNS
from rnn_cli.spec import choices as spec_choices
from rnn_cli.spec.choices import Cell, Convention, Nonlinearity
from rnn_cli.spec.config import Spec
from rnn_cli.why.around import UNPACKS
from rnn_cli.why.causes import CAUSES
from rnn_cli.why.families import FAMILIES
from rnn_cli.why.forward import DIMS
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
    loaded = "['rnn_cli.catalog.en', 'rnn_cli.catalog.lookup', 'rnn_cli.catalog.notation']"
    assert found.strip() == loaded


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


# --- catalog hygiene: every key used, every used key there, notation once, Korean throughout ---

SOURCE = Path(rnn_cli.__file__).parent
LANGUAGES = {SOURCE / "catalog" / f"{name}.py" for name in ("en", "ko", "notation")}
NAMESPACES = "|".join(sorted({key.split(".")[0] for key in EN}))
KEYLIKE = re.compile(rf"^(?:{NAMESPACES})\.[a-z0-9_.]+$")  # "recipe.summary", not "check.py"
KEY_START = re.compile(rf"^(?:{NAMESPACES})\.")


def _trees() -> dict[Path, ast.Module]:
    """Every module of rnn_cli but the catalogs themselves, parsed."""
    paths = sorted(set(SOURCE.rglob("*.py")) - LANGUAGES)
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in paths}


def _pattern(node: ast.JoinedStr) -> str:
    """f"gate.{cell}.{g}" -> 'gate.{}.{}'."""
    return "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)


def scan() -> tuple[set[str], set[str]]:
    """The string literals in rnn_cli, and the patterns of the keys it builds: f-strings and
    concatenations that start like a key ('explain.states' + ...)."""
    literals, built = set(), set()
    for tree in _trees().values():
        pieces = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and KEY_START.match(_pattern(node)):
                built.add(_pattern(node))
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                left = node.left
                if isinstance(left, ast.Constant) and KEY_START.match(str(left.value)):
                    built.add(str(left.value) + "{}")
            whole = id(node) not in pieces  # not the 'gate.' of f"gate.{cell}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and whole:
                literals.add(node.value)
    return literals, built


def built_keys() -> dict[str, set[str]]:
    """Each key pattern rnnx builds, with every key the values that complete it can make; the
    values come from the enumerations the code draws them from, not from the catalog."""
    cells = (Cell.LSTM, Cell.GRU)  # lesson._gate: the RNN's one line is the literal gate.rnn.h
    return {
        "gate.{}.{}": {f"gate.{c.value}.{g}" for c in cells for g in Spec(cell=c).gates},
        "param.by_below_{}dir": {  # shapes: spec.num_directions
            f"param.by_below_{Spec(bidirectional=b).num_directions}dir" for b in (False, True)
        },
        "mistake.{}": {f"mistake.{m.value}" for m in Mistake},  # render/check: d.mistake
        "check.fail_{}": {  # sandbox: a run's kind (those before a run carry their reason)
            f"check.fail_{k.value}" for k in FailureKind if k not in BEFORE_RUN
        },
        # why: each cause declared (why/causes.CAUSES), each family (why/families.FAMILIES),
        # a state's dimensions (why/forward.DIMS), the unpack message's kinds (why/around)
        "why.cause.{}": {f"why.cause.{c}" for c in CAUSES},
        "why.fix.{}": {f"why.fix.{c}" for c in CAUSES},
        "why.checked.{}": {f"why.checked.{f.id}" for f in FAMILIES},
        "why.dim_{}": {f"why.dim_{kind}" for kind in DIMS},
        "why.meaning_{}": {f"why.meaning_{kind}" for kind in DIMS},
        "why.named.unpack_{}": {f"why.named.unpack_{kind}" for kind in UNPACKS.values()},
        "sweep.col.{}": {f"sweep.col.{name}" for name in _sweep_columns()},  # render/sweep
        # inspect: a dimension's role (network/shapes.Role), the flow's columns (render/inspect)
        "inspect.role_{}": {f"inspect.role_{r.value}" for r in Role},
        "inspect.col_{}": {f"inspect.col_{c}" for c in COLUMNS},
    }


def _sweep_columns() -> set[str]:
    """The columns sweep's table can show but the tensors: config keys and the numbers."""
    from rnn_cli.findings.report import config  # noqa: PLC0415
    from rnn_cli.render import sweep  # noqa: PLC0415
    from rnn_cli.spec.choices import Backend  # noqa: PLC0415

    return {*config(Spec(), Backend.ANALYTIC), *sweep.COLUMNS} - set(sweep.STATES)


def test_every_key_built_at_run_time_is_listed_with_its_completions() -> None:
    _, built = scan()
    assert built == set(built_keys()), "list a new f-string key with the values completing it"
    missing = {key for keys in built_keys().values() for key in keys} - set(EN)
    assert missing == set()


def test_every_key_is_used_and_every_key_used_exists() -> None:
    literals, _ = scan()
    made = set().union(*built_keys().values())
    assert set(EN) - literals - made == set(), "keys nothing in rnn_cli asks for"
    assert {s for s in literals if KEYLIKE.match(s)} - set(EN) == set(), "keys not in catalog"


def _explicit_keys(path: Path) -> set[str]:
    """The keys a language module writes out itself (not drawn from NOTATION)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    dicts = [n for n in ast.walk(tree) if isinstance(n, ast.Dict)]
    return {str(k.value) for d in dicts for k in d.keys if isinstance(k, ast.Constant)}


@pytest.mark.parametrize("lang", list(Lang))
def test_notation_lives_once_and_every_language_draws_it(lang: Lang) -> None:
    sentences = lookup.catalog(lang)
    assert {k: sentences[k] for k in NOTATION} == NOTATION
    assert _explicit_keys(SOURCE / "catalog" / f"{lang.value}.py") & set(NOTATION) == set()


def test_what_every_language_writes_alike_is_notation() -> None:
    catalogs = [lookup.catalog(lang) for lang in Lang]
    alike = {key for key in EN if all(c[key] == EN[key] for c in catalogs)}
    assert alike == set(NOTATION)


# An instruction: a clause that opens with an imperative and names a flag ("drop --layers").
VERBS = {"use", "drop", "run", "pass", "shorten", "raise", "lower", "give", "pick", "create", "see"}
# the other words that open a clause naming a flag, none of them an instruction
OPENERS = {
    "rnnx",
    "with",
    "lengths",
    "did",
    "it",
    "a",
    "gates",
    "also",
    "cannot",
    "the",
    "nn",
    "you",
    "only",
    "no",
}
FLAG = re.compile(r"--[a-z]|\{flag\}")
CLAUSES = re.compile(r"; |: |, or |\. ")
# code and flags: placeholders, quoted text, --flags, words holding code's marks or digits
CODE = re.compile(r"\{[^}]*\}|'[^']*'|--[a-z][a-z0-9-]*|[\w]*[_.()\[\]=*/0-9][\w.()\[\]=*/,'-]*")


def _openers(sentence: str) -> set[str]:
    """The first word of each clause that names a flag."""
    clauses = [c for c in CLAUSES.split(sentence) if FLAG.search(c)]
    return {m[1] for c in clauses if (m := re.match(r"([a-z]+)\b", c))}


def english_words(korean: str) -> list[str]:
    """The English words of a Korean sentence outside code and flags, but for a flag's value
    (a choice rnnx takes: lstm, torch, analytic), rnnx and its commands, capitalised names
    (Python, GPU) and one-letter symbols (x); an English imperative always counts."""
    choices = {m.value for v in vars(spec_choices).values() if _is_choice(v) for m in v}
    names = choices | {"rnnx"} | set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    words = re.findall(r"(?<![A-Za-z])[A-Za-z]+(?![A-Za-z])", CODE.sub(" ", korean))
    known = names | {w for w in words if len(w) == 1 or w[0].isupper()}
    return [w for w in words if w.lower() in VERBS or w not in known]


def _is_choice(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, Enum) and value is not Enum


def test_every_clause_naming_a_flag_is_sorted_into_instruction_or_not() -> None:
    openers = set().union(*(_openers(sentence) for sentence in EN.values()))
    assert openers <= VERBS | OPENERS, "a new opener: is it an imperative (VERBS) or not?"


def test_no_english_instruction_inside_a_korean_sentence() -> None:
    korean = lookup.catalog(Lang.KO)
    instructions = [key for key, sentence in EN.items() if _openers(sentence) & VERBS]
    assert len(instructions) > 20  # the rule bites: every fix rnnx suggests
    found = {key: english_words(korean[key]) for key in instructions}
    assert {key: words for key, words in found.items() if words} == {}


MISFITS = [
    (Spec(lengths=(3, 2), batch_size=2, seq_len=3), Convention.TORCH),
    (Spec(cell=Cell.GRU), Convention.CS231N),
    (Spec(cell=Cell.LSTM, proj_size=2), Convention.LOOP),
    (Spec(num_layers=2), Convention.LOOP),
    (Spec(bidirectional=True), Convention.CS231N),
    (Spec(bias=False), Convention.LOOP),
    (Spec(nonlinearity=Nonlinearity.RELU), Convention.CS231N),
    (Spec(unbatched=True), Convention.CS231N),
    (Spec(batch_first=False), Convention.CS231N),
    (Spec(batch_size=3), Convention.LOOP),
    (Spec(cell=Cell.LSTM, proj_size=2), Convention.CS231N),
]


@pytest.mark.parametrize(("spec", "convention"), MISFITS)
def test_checks_refusals_in_korean_carry_no_english(spec: Spec, convention: Convention) -> None:
    english = _refusal(spec, convention)
    lookup.use(Lang.KO)
    try:
        korean = _refusal(spec, convention)
    finally:
        lookup.use(Lang.EN)
    assert english_words(korean) == [], korean
    assert korean != english
    assert re.findall(r"--[a-z-]+", korean)[:1] == re.findall(r"--[a-z-]+", english)[:1]


def _refusal(spec: Spec, convention: Convention) -> str:
    with pytest.raises(SpecError) as caught:
        conventions.fit(spec, convention)
    return str(caught.value)
