"""Korean particles that follow the sound before them: 은/는, 이/가, 을/를, 과/와, (으)로, for a
value filled into a sentence ("{name}는" -> "nn.GRU는", "h_n은"; never "을(를)").

How the word before is read (its last sound decides):
- Hangul: the last syllable's final consonant (받침); for (으)로 a final ㄹ counts as none (길로).
- A number, read aloud in Korean: its last digit's name (1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠,
  8 팔, 9 구, 0 영), or, where it ends in zeros, the power of ten they make (10 십, 100 백,
  1,000 천, 10,000 만, 10^8 억); digits after a decimal point are read one by one (0.25: 오).
- Latin letters and code (nn.GRU, h_n, --layers, TARGET), as a student reads them aloud:
  * an abbreviation (three letters or fewer, or no vowel letter: GRU, h_n, LSTM, bias_ih) by its
    last letter's Korean name: 엘 (L) and 알 (R) end in ㄹ, 엠 (M) and 엔 (N) in another
    consonant, every other letter's name in a vowel (에스, 티, 유, 에이치...);
  * a word (dropout, TARGET, padding, --cell) as its Korean loanword ends: in ㄹ after l (셀,
    모듈: a silent e after l too), in another consonant after m, n, ng (a silent e after m or n:
    네임) and after p, t, k, c that follow a vowel letter (드롭아웃, 스윕, 애널리틱), in a vowel
    otherwise (first 퍼스트, batch 배치, layers 레이어스, size 사이즈); WORDS lists the words
    whose Korean spelling breaks that rule (float 플로트, repeat 리피트).
- Closing brackets, quotes and dots after the word are skipped: (4, 1, 8) reads as 팔.
  Nothing readable at all: as after a vowel.

Must not import anything beyond the stdlib.
"""

import re
from enum import Enum


class Final(Enum):
    """The last sound of a word: no final consonant, ㄹ, or another final consonant."""

    NONE = "none"
    RIEUL = "rieul"
    OTHER = "other"


# each particle and its two forms: (after a final consonant, after a vowel)
FORMS: dict[str, tuple[str, str]] = {
    "은": ("은", "는"),
    "는": ("은", "는"),
    "이": ("이", "가"),
    "가": ("이", "가"),
    "을": ("을", "를"),
    "를": ("을", "를"),
    "과": ("과", "와"),
    "와": ("과", "와"),
    "으로": ("으로", "로"),
    "로": ("으로", "로"),
}
_HANGUL_FIRST, _HANGUL_LAST, _RIEUL = 0xAC00, 0xD7A3, 8  # syllables; ㄹ's index among finals
_DIGITS = {
    "0": Final.OTHER,  # 영
    "1": Final.RIEUL,  # 일
    "2": Final.NONE,  # 이
    "3": Final.OTHER,  # 삼
    "4": Final.NONE,  # 사
    "5": Final.NONE,  # 오
    "6": Final.OTHER,  # 육
    "7": Final.RIEUL,  # 칠
    "8": Final.RIEUL,  # 팔
    "9": Final.NONE,  # 구
}
# trailing zeros -> the unit read last: 십, 백, 천, 만 (to 천만), 억 (to 천억), 조, 경
_ZEROS = [Final.OTHER] * 11 + [Final.NONE] * 4 + [Final.OTHER] * 4
_LETTERS = {"l": Final.RIEUL, "r": Final.RIEUL, "m": Final.OTHER, "n": Final.OTHER}
_VOWELS = "aeiouy"
# English words whose Korean spelling ends otherwise than the rule says (see above)
WORDS = {
    "float": Final.NONE,  # 플로트
    "repeat": Final.NONE,  # 리피트
    "loop": Final.NONE,  # 루프
    "dtype": Final.OTHER,  # 디타입
}
_SKIPPED = " )]}'\"`.,;:!?…"  # after the word, never read
# a placeholder (and a closing quote), then a particle no Hangul follows (이 in 이면 is none)
_ANY = "|".join(sorted(FORMS, key=len, reverse=True))  # 으로 before 로
PLACED = re.compile(r"(\{[^{}]*\})(['\")\]]?)(" + _ANY + r")(?![가-힣])")


def final(word: str) -> Final:
    """The last sound of word as a Korean reader says it (the module's docstring has the rule)."""
    read = word.rstrip(_SKIPPED)
    if not read:
        return Final.NONE
    last = read[-1]
    if _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        index = (ord(last) - _HANGUL_FIRST) % 28
        return Final.NONE if index == 0 else Final.RIEUL if index == _RIEUL else Final.OTHER
    if last.isascii() and last.isdigit():
        return _number(read)
    if last.isascii() and last.isalpha():
        letters = re.search(r"[A-Za-z]+$", read)
        run = letters[0].lower() if letters else last.lower()
        if len(run) <= 3 or not any(v in run for v in "aeiou"):  # read letter by letter
            return _LETTERS.get(run[-1], Final.NONE)
        return WORDS.get(run, _word(run))
    return Final.NONE


def _word(word: str) -> Final:
    """How the Korean loanword for an English word ends, from its spelling (see above)."""
    if word.endswith("e") and word[-2] in "lmn":  # a silent e: 모듈, 네임, 라인
        word = word[:-1]
    if word.endswith("l"):
        return Final.RIEUL
    if word.endswith(("m", "n", "ng")):
        return Final.OTHER
    if word[-1] in "ptkc" and word[-2] in _VOWELS:
        return Final.OTHER
    return Final.NONE


def _number(read: str) -> Final:
    """A number's last sound in Korean: 10 십, 100 백, 2 이, 0.5 오, 1,000 천."""
    number = re.search(r"[0-9][0-9,]*(\.[0-9]+)?$", read)
    digits = number[0] if number else read[-1]
    if "." in digits or digits.replace(",", "").strip("0") == "":  # one by one, or 0 itself
        return _DIGITS[digits[-1]]
    whole = digits.replace(",", "")
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros == 0:
        return _DIGITS[whole[-1]]
    return _ZEROS[zeros - 1] if zeros <= len(_ZEROS) else Final.OTHER


def particle(word: str, written: str) -> str:
    """The form of written (은 or 는, 으로 or 로, …) that follows word."""
    after_consonant, after_vowel = FORMS[written]
    sound = final(word)
    if sound is Final.RIEUL and after_consonant == "으로":
        return after_vowel  # 길로, 1로 (일로)
    return after_vowel if sound is Final.NONE else after_consonant


def fill(template: str, fields: dict[str, object]) -> str:
    """template.format(**fields), each particle right after a placeholder fitted to the value
    it follows ("{name}는" with name="h_n" -> "h_n은")."""

    def fitted(match: re.Match[str]) -> str:
        value = match[1].format(**fields)
        escaped = value.replace("{", "{{").replace("}", "}}")
        return escaped + match[2] + particle(value, match[3])

    return PLACED.sub(fitted, template).format(**fields)
