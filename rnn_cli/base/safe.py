"""User text echoed back in a message, made safe to print: control characters (escape sequences,
newlines, a terminal's bell) shown as escapes, and a huge value cut to a readable length.

Must not import anything beyond the stdlib.
"""

import unicodedata

LONGEST = 120  # characters of one echoed value before it is cut with "…"


def escape(message: str) -> str:
    """message with every control or format character written as \\n, \\x1b, \\u202e..."""
    if message.isprintable():
        return message
    return "".join(ch if ch.isprintable() else _escaped(ch) for ch in message)


def _escaped(ch: str) -> str:
    if ch in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
    if unicodedata.category(ch) == "Zs":  # a no-break or other space: printable to a reader
        return ch
    code = ord(ch)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def shown(value: object, longest: int = LONGEST) -> str:
    """A user's value (a path, a flag's text) escaped, and cut in the middle past longest."""
    raw = escape(str(value))
    if len(raw) <= longest:
        return raw
    half = (longest - 1) // 2
    return f"{raw[:half]}…{raw[-half:]}"


# what rnnx's own symbols become on an output that cannot encode them (LC_ALL=C, ascii, cp949);
# a symbol a table cell may hold (—, ✓, ✗, −) takes one character, so the columns stay aligned
_ASCII = {
    "×": "x",
    "…": "...",
    "·": ".",
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "⊙": "(.)",
    "≤": "<=",
    "≥": ">=",
    "≠": "!=",
    "Δ": "d",
    "σ": "sigma",
    "—": "-",
    "–": "-",
    "−": "-",
    "─": "-",
    "━": "-",
    "│": "|",
    "┃": "|",
    "•": "*",
    "✓": "v",
    "✗": "x",
}


def to_ascii(chunk: str) -> str:
    """chunk in ASCII: rnnx's symbols by their ASCII spelling, accents dropped, else '?'."""
    out = []
    for ch in chunk:
        if ch in _ASCII:
            out.append(_ASCII[ch])
            continue
        plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
        out.append(plain or ("-" if unicodedata.name(ch, "").startswith("BOX DRAWINGS") else "?"))
    return "".join(out)
