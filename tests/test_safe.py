"""User text echoed in messages (rnn_cli.safe): one line, no terminal escapes, a readable length;
and the ASCII spelling of rnnx's symbols for outputs that cannot encode them."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnn_cli.base.safe import LONGEST, escape, shown, to_ascii


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_escaped_text_is_one_printable_line(value: str) -> None:
    out = escape(value)
    # printable, but for spaces such as U+00A0, which a terminal shows as spaces
    assert all(c.isprintable() or unicodedata.category(c) == "Zs" for c in out)
    assert "\n" not in out
    assert "\x1b" not in out


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\x1b[31mb", "a\\x1b[31mb"), ("x\ny", "x\\ny"), ("\u202eevil", "\\u202eevil"),
     ("plain, ünïcode ×", "plain, ünïcode ×")],
)  # fmt: skip
def test_escape_spells_control_characters(raw: str, expected: str) -> None:
    assert escape(raw) == expected


def test_shown_cuts_a_huge_value_in_the_middle() -> None:
    out = shown("1" * 5000 + "end")
    assert len(out) <= LONGEST
    assert out.endswith("end")
    assert "…" in out


@pytest.mark.parametrize(
    ("symbol", "ascii_text"), [("×", "x"), ("…", "..."), ("─", "-"), ("⊙", "(.)"), ("é", "e")]
)
def test_to_ascii(symbol: str, ascii_text: str) -> None:
    assert to_ascii(symbol) == ascii_text
    to_ascii(symbol).encode("ascii")
