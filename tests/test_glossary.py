"""One term per concept in Korean (ko.TERMS): each glossary term is used, and no other word stands
for its concept anywhere in the catalog; where English names the concept, Korean uses the term."""

import re

import pytest

from rnn_cli.catalog import lookup
from rnn_cli.catalog.en import EN
from rnn_cli.catalog.ko import TERMS
from rnn_cli.catalog.lookup import Lang

KOREAN = lookup.catalog(Lang.KO)
# the English that names each concept in a sentence (en.py), when the sentence is about it
NAMED = {
    "time step": r"\bsteps?\b",  # "time step", "its last step", "one step's equations"
    "configuration": r"\bconfigurations?\b",
    "hidden state": r"\bhidden state\b",
    "cell state": r"\bcell state\b",
    "grid": r"\bgrid\b",
}


@pytest.mark.parametrize("concept", list(TERMS))
def test_no_other_word_stands_for_a_glossary_term(concept: str) -> None:
    term, others = TERMS[concept]
    assert any(term in sentence for sentence in KOREAN.values()), "a term no sentence uses"
    found = {k: w for k, s in KOREAN.items() for w in others if w in s}
    assert found == {}


@pytest.mark.parametrize("concept", list(NAMED))
def test_where_english_names_the_concept_korean_uses_the_term(concept: str) -> None:
    term, _ = TERMS[concept]
    keys = [k for k, s in EN.items() if re.search(NAMED[concept], s, re.IGNORECASE)]
    assert keys, "the English never names it: the check below cannot fail"
    missing = [k for k in keys if term not in KOREAN[k] and not k.startswith("sweep.col.")]
    assert missing == []


NUMBERS = ["파라미터", "곱셈-덧셈", "바이트"]


def test_sweep_headings_are_korean_and_the_legend_names_each_column() -> None:
    from tests.helpers import rnnx  # noqa: PLC0415

    args = ["sweep", "-c", "rnn,lstm", "-l", "1,2", "-H", "8,16"]
    english = rnnx(*args).stdout
    try:
        shown = rnnx(*args, "--lang", "ko").stdout
    finally:
        lookup.use(Lang.EN)
    head = next(line for line in shown.splitlines() if "파라미터" in line and "=" not in line)
    assert head.split() == ["셀", "은닉", "층", "비선형", "output", "h_n", "c_n", *NUMBERS]
    assert "셀 = cell" in shown
    assert "은닉 = hidden_size" in shown
    assert "params = total_parameters" in english
    assert "params" not in shown


@pytest.mark.parametrize("cell", ["rnn", "gru", "lstm"])
def test_shape_says_what_h_n_and_c_n_are_in_both_languages(cell: str) -> None:
    """An LSTM's two states as the notebook names them: h_n the 은닉 상태, its 단기 상태; c_n the
    셀 상태, its 장기 상태 (an RNN's or a GRU's one state needs no such note)."""
    from tests.helpers import shape_json  # noqa: PLC0415

    english = " ".join(shape_json("-B", "analytic", "-c", cell)["notes"])
    try:
        korean = " ".join(shape_json("-B", "analytic", "-c", cell, "--lang", "ko")["notes"])
    finally:
        lookup.use(Lang.EN)
    lstm = cell == "lstm"
    said = "h_n: each layer and direction's last hidden state (short-term state)"
    assert (said in english) is lstm
    assert ("h_n: 층과 방향마다 마지막 은닉 상태 (단기 상태)" in korean) is lstm
    assert ("c_n: its last cell state (long-term state)" in english) is lstm
    assert ("c_n: 마지막 셀 상태 (장기 상태)" in korean) is lstm
