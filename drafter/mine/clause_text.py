"""One clause's text: its lead phrase, its body, and the responsible units it names.

The lead is the bold title an item opens with ("开展党的理论学习宣传和教育培训系列活动"): the
text up to the first 。 (or an early ；/：/！ that clearly ends it), without final punctuation.
Responsibility notes ("（责任科室：基教科、德体卫科）", "（牵头单位：…；配合单位：…）") are
moved out of the text into `owners`. Pure string functions.
"""

from __future__ import annotations

import re

_UNIT = r"(?:单位|科室|处室|部门|股室|领导|人)"
_LABEL = rf"(?:责任|牵头|配合|协办|主办|主责|负责|参与|协同|责任主体){_UNIT}?"
_NOTE = re.compile(
    rf"[（(]\s*(?P<body>{_LABEL}\s*[：:][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]"
)
_LABELLED = re.compile(rf"{_LABEL}\s*[：:]")
# An unbracketed note ending the paragraph: "…落实到位。责任单位：基教科".
_TRAILING_NOTE = re.compile(
    rf"(?:^|(?<=[。；;]))\s*(?P<body>(?:责任|牵头|配合|协办|主责){_UNIT}"
    rf"\s*[：:][^。（）()]{{1,120}})。?$"
)
_NAME_SPLIT = re.compile(r"[、，,；;/\s]+")
_SENTENCE_END = "。！？!?"
_EARLY_END = "；：;:"
_EARLY_MAX = 40  # a ；/： ends the lead only this early
_LEAD_MAX = 80  # a longer first sentence is not a lead phrase
_UNNUMBERED_LEAD_MAX = 30
_SENTENCE_LEAD_MAX = 160  # an unnumbered item's first sentence
_STRIP = "。；：！？，、.;:!?, "
_NOT_A_LEAD_BEFORE_COLON = re.compile(r"(?:是|为|即|如下|包括|要求|目标|主要有|重点)$")


def extract_owners(text: str) -> tuple[str, list[str]]:
    """`text` without its responsibility notes, and the units they name (in order, unique)."""
    if "：" not in text and ":" not in text:
        return text, []
    owners: list[str] = []

    def take(m: re.Match[str]) -> str:
        for part in _LABELLED.split(m.group("body")):
            for name in _NAME_SPLIT.split(part):
                name = name.strip().strip("。").removesuffix("等")
                if name and name not in owners:
                    owners.append(name)
        return ""

    cleaned = _TRAILING_NOTE.sub(take, _NOTE.sub(take, text))
    if not owners:
        return text, []
    cleaned = re.sub(r"\s+([。；，])", r"\1", cleaned).strip()
    cleaned = re.sub(r"([。；])[。；]+", r"\1", cleaned)
    return cleaned, owners


def split_lead(text: str, *, numbered: bool = True) -> tuple[str, str]:
    """(lead, body) of a run-in item; lead is "" when the text opens with no lead phrase."""
    text = text.strip()
    end = _lead_end(text) if numbered else _sentence_end(text)
    limit = _LEAD_MAX if numbered else _UNNUMBERED_LEAD_MAX
    if end is None:
        if len(text) <= limit and numbered:
            return strip_final(text), ""
        return "", text
    lead, body = strip_final(text[:end]), text[end + 1:].strip()
    if numbered and limit < len(lead) <= _SENTENCE_LEAD_MAX:
        limit = len(lead)  # a numbered item's long first sentence is still its lead
    if len(lead) > limit or not lead or (not numbered and not body):
        return "", text
    return lead, body


def _lead_end(text: str) -> int | None:
    """Index of the punctuation mark that ends the lead phrase."""
    sentence = next((i for i, ch in enumerate(text) if ch in _SENTENCE_END), None)
    early = next((i for i, ch in enumerate(text[:_EARLY_MAX + 1]) if ch in _EARLY_END), None)
    if early is not None and (sentence is None or early < sentence):
        head = text[:early]
        # A lead phrase is one clause: a ；/： after a comma ends a clause of a sentence.
        if (not _NOT_A_LEAD_BEFORE_COLON.search(head) and _balanced(head)
                and "，" not in head and "," not in head):
            return early
    if sentence is not None and _balanced(text[:sentence]):
        return sentence
    return None if sentence is None else _balanced_end(text)


def _balanced(text: str) -> bool:
    """No quote or bracket left open (a 。 inside “…” or （…） does not end the lead)."""
    return (text.count("“") <= text.count("”") and text.count("（") <= text.count("）")
            and text.count("《") <= text.count("》"))


def _balanced_end(text: str) -> int | None:
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END and _balanced(text[:i]):
            return i
    return None


def first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, the rest) of an unnumbered item's paragraph: its lead and body.

    ("" , text) when the paragraph has no sentence end short enough to be a lead.
    """
    end = _balanced_end(text.strip())
    if end is None or end > _SENTENCE_LEAD_MAX:
        return "", text.strip()
    text = text.strip()
    return strip_final(text[:end]), text[end + 1:].strip()


def strip_final(text: str) -> str:
    """A heading or lead without its final punctuation."""
    return text.strip().rstrip(_STRIP).strip()


def _sentence_end(text: str) -> int | None:
    """The first sentence end (for paragraphs with no item number: no early ；/： lead)."""
    return _balanced_end(text)
