"""Korean particles fitted to the word before them (catalog/particles.py): the helper on Hangul,
numbers, abbreviations and English words, and every catalog sentence that puts a particle after a
placeholder or after code, rendered and checked."""

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rnn_cli.catalog import lookup, particles
from rnn_cli.catalog.lookup import Lang, text
from rnn_cli.catalog.particles import FORMS, PLACED, Final, final, particle

# (word, how a Korean reader ends it), written out by hand: the oracle for the helper
READ = [
    ("바다", Final.NONE),
    ("책", Final.OTHER),
    ("길", Final.RIEUL),
    ("은닉 상태", Final.NONE),
    ("1", Final.RIEUL),  # 일
    ("2", Final.NONE),  # 이
    ("3", Final.OTHER),  # 삼
    ("4", Final.NONE),  # 사
    ("6", Final.OTHER),  # 육
    ("7", Final.RIEUL),  # 칠
    ("8", Final.RIEUL),  # 팔
    ("9", Final.NONE),  # 구
    ("0", Final.OTHER),  # 영
    ("10", Final.OTHER),  # 십
    ("20", Final.OTHER),  # 이십
    ("100", Final.OTHER),  # 백
    ("1,000", Final.OTHER),  # 천
    ("10000", Final.OTHER),  # 만
    ("1,040", Final.OTHER),  # 천사십
    ("1,000,000,000,000", Final.NONE),  # 조
    ("0.25", Final.NONE),  # 영 점 이 오
    ("0.5", Final.NONE),  # 오
    ("1e-06", Final.OTHER),  # 육
    ("(4, 1, 8)", Final.RIEUL),  # 팔
    ("float32", Final.NONE),  # 삼십이
    ("nn.GRU", Final.NONE),  # 유
    ("nn.LSTM", Final.OTHER),  # 엠
    ("nn.RNN", Final.OTHER),  # 엔
    ("h_n", Final.OTHER),  # 엔
    ("x_t", Final.NONE),  # 티
    ("W_hr", Final.RIEUL),  # 알
    ("bias_ih", Final.NONE),  # 에이치
    ("'fr'", Final.RIEUL),  # 알
    ("--layers", Final.NONE),  # 레이어스
    ("--cell", Final.RIEUL),  # 셀
    ("--format", Final.OTHER),  # 포맷
    ("--dropout", Final.OTHER),  # 드롭아웃
    ("--memory-limit", Final.OTHER),  # 리밋
    ("--hidden-size", Final.NONE),  # 사이즈
    ("batch_first", Final.NONE),  # 퍼스트
    ("output", Final.OTHER),  # 아웃풋
    ("padding", Final.OTHER),  # 패딩
    ("analytic", Final.OTHER),  # 애널리틱
    ("sweep", Final.OTHER),  # 스윕
    ("TARGET", Final.OTHER),  # 타깃
    ("NAME", Final.OTHER),  # 네임
    ("FILE", Final.RIEUL),  # 파일
    ("numpy", Final.NONE),  # 넘파이
    ("torch", Final.NONE),  # 토치
    ("float", Final.NONE),  # 플로트
    ("…", Final.NONE),  # nothing readable
]
# the forms each sound takes, by hand
AFTER = {
    Final.NONE: {"은": "는", "이": "가", "을": "를", "과": "와", "으로": "로"},
    Final.RIEUL: {"은": "은", "이": "이", "을": "을", "과": "과", "으로": "로"},
    Final.OTHER: {"은": "은", "이": "이", "을": "을", "과": "과", "으로": "으로"},
}
CANONICAL = {written: forms[0] for written, forms in FORMS.items()}  # 는 -> 은, 로 -> 으로


@pytest.mark.parametrize(("word", "sound"), READ, ids=[w for w, _ in READ])
def test_final_reads_the_word_as_a_student_says_it(word: str, sound: Final) -> None:
    assert final(word) is sound


@pytest.mark.parametrize(("word", "sound"), READ, ids=[w for w, _ in READ])
@pytest.mark.parametrize("written", list(FORMS))
def test_particle_takes_the_form_of_the_sound_before(word: str, sound: Final, written: str) -> None:
    assert particle(word, written) == AFTER[sound][CANONICAL[written]]


@given(
    word=st.text(min_size=0, max_size=12),
    pair=st.sampled_from(sorted(set(CANONICAL.values()))),
)
def test_either_written_form_gives_the_same_and_fill_changes_only_the_particle(
    word: str, pair: str
) -> None:
    forms = [w for w, c in CANONICAL.items() if c == pair]
    chosen = {particle(word, w) for w in forms}
    assert len(chosen) == 1
    (form,) = chosen
    assert form in FORMS[pair]
    for written in forms:
        assert particles.fill("{x}" + written + " 끝", {"x": word}) == f"{word}{form} 끝"


def _placed(sentence: str) -> list[re.Match[str]]:
    return list(PLACED.finditer(sentence))


KOREAN = lookup.catalog(Lang.KO)
PLACED_KEYS = sorted(k for k, s in KOREAN.items() if _placed(s))
# values a placeholder takes in a test, each with its sound written out
SAMPLES = [("nn.GRU", Final.NONE), ("h_n", Final.OTHER), (10, Final.OTHER), (2, Final.NONE),
           (1, Final.RIEUL), ("길", Final.RIEUL)]  # fmt: skip


def test_the_catalog_puts_particles_after_placeholders() -> None:
    assert len(PLACED_KEYS) >= 15  # else the test below checks little


@pytest.mark.parametrize("key", PLACED_KEYS)
@pytest.mark.parametrize(("value", "sound"), SAMPLES, ids=[str(v) for v, _ in SAMPLES])
def test_every_particle_after_a_placeholder_follows_the_value(
    key: str, value: object, sound: Final
) -> None:
    sentence = KOREAN[key]
    names = {name for _, name, spec, _ in string.Formatter().parse(sentence) if name}
    specs = {spec for _, name, spec, _ in string.Formatter().parse(sentence) if name and spec}
    if specs and not isinstance(value, int):
        pytest.skip("a number's format (:, or :g) takes numbers only")
    fields = dict.fromkeys(names, value)
    lookup.use(Lang.KO)
    try:
        shown = text(key, **fields)
    finally:
        lookup.use(Lang.EN)
    for match in _placed(sentence):
        said = match[1].format(**fields) + match[2]  # the value as Python writes it, a quote
        assert said + AFTER[sound][CANONICAL[match[3]]] in shown, (said, shown)


def test_no_mechanical_particle_is_left() -> None:
    """Never 을(를), 은(는), 이(가), 와(과), (으)로: the helper picks one."""
    mechanical = re.compile(r"[을은이과와]\([를는가와과]\)|\(으\)로")
    assert [k for k, s in KOREAN.items() if mechanical.search(s)] == []


# code written in a Korean sentence (h_n, --cell, analytic), then a particle
_CODE = re.compile(
    r"(?<![{\w])([A-Za-z0-9_.\-\[\]()']*[A-Za-z0-9])([)\]']?)(으로|[은는이가을를과와로])(?![가-힣])"
)


def test_particles_written_after_code_are_the_ones_the_helper_picks() -> None:
    wrong = []
    for key, sentence in KOREAN.items():
        for match in _CODE.finditer(re.sub(r"\{[^{}]*\}", "", sentence)):
            if particle(match[1], match[3]) != match[3]:
                wrong.append((key, match[0]))
    assert wrong == []
