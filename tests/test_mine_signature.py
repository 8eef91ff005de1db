"""The 落款 at a plan's end (organ line, date line) is the signature, never a clause.

drafter import turns the 落款 on by default, so a built plan ends with "XX市教育局" and a date;
mining that text again must give the same items, and the organ and date fill the plan's meta.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine.pipeline import mine_file

HEAD = ("XX市教育局2024年工作要点\n"
        "2024年全市教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，"
        "全面贯彻党的二十大精神，办好人民满意的教育。\n")
NUMBERED = ("一、加强党的建设\n"
            "1.深化主题教育成果。巩固拓展主题教育成果，健全长效机制。\n"
            "2.加强基层党组织建设。推进党支部标准化规范化建设。\n"
            "3.推进清廉学校建设。加强教育系统党风廉政建设和作风建设。\n")
# drafter's own .txt output: paragraphs indented by two full-width spaces, the 落款 not
INDENTED = "".join(f"\u3000\u3000{line}\n" for line in NUMBERED.splitlines())
PLAIN = ("一、加强党的建设\n"
         "巩固拓展主题教育成果，健全长效机制，推进党支部标准化规范化建设。\n"
         "推进清廉学校建设，加强教育系统党风廉政建设和作风建设。\n")


@pytest.mark.parametrize(("body", "tail", "organ", "date"), [
    # a lone organ line: was read as an item with no lead
    (NUMBERED, "XX市教育局\n", "XX市教育局", None),
    (INDENTED, "XX市教育局\n", "XX市教育局", None),
    (INDENTED, "XX市教育局\n2024年2月20日\n", "XX市教育局", "2024-02-20"),
    # right-aligned by spaces, as a .txt export leaves it
    (NUMBERED, "                              XX市教育局\n", "XX市教育局", None),
    # organ and date (drafter's own .txt output)
    (NUMBERED, "XX市教育局\n2024年2月20日\n", "XX市教育局", "2024-02-20"),
    # a lone date line
    (NUMBERED, "2024年2月20日\n", None, "2024-02-20"),
    # the date in Chinese numerals
    (NUMBERED, "XX市教育局\n二〇二四年二月二十日\n", "XX市教育局", "2024-02-20"),
    # organ and date on one line
    (NUMBERED, "XX市教育局  2024年2月20日\n", "XX市教育局", "2024-02-20"),
    # a chapter of plain paragraphs (each an item): the organ line is no paragraph-item
    (PLAIN, "XX市教育局\n", "XX市教育局", None),
    (PLAIN, "XX市教育局\n2024年2月20日\n", "XX市教育局", "2024-02-20"),
    # after the signature, a 抄送 line and a 印发 line
    (NUMBERED, "XX市教育局\n2024年2月20日\n抄送：市委办公室。\n"
     "XX市教育局办公室 2024年2月21日印发\n", "XX市教育局", "2024-02-20"),
])
def test_the_signature_is_not_a_clause(tmp_path: Path, body: str, tail: str,
                                       organ: str | None, date: str | None) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(HEAD + body, encoding="utf-8")
    signed = tmp_path / "signed.txt"
    signed.write_text(HEAD + body + tail, encoding="utf-8")
    want, got = mine_file(plain), mine_file(signed)
    assert [(i.lead, i.body) for i in got.items()] == [(i.lead, i.body) for i in want.items()]
    assert (got.organ, got.date) == (organ, date)
    assert got.closing == want.closing


def test_a_short_last_item_ending_in_an_organ_word_stays_an_item(tmp_path: Path) -> None:
    """Only a line after the last item that names an organ and nothing else is the 落款."""
    path = tmp_path / "p.txt"
    path.write_text(HEAD + NUMBERED + "3.完善督导委员会。\n", encoding="utf-8")
    doc = mine_file(path)
    assert doc.items()[-1].lead == "完善督导委员会" and doc.organ is None


def test_the_notices_signature_dates_the_plan() -> None:
    """A plan wrapped in its 印发通知 takes the notice's organ and date."""
    from tests.conftest import DATA

    doc = mine_file(DATA / "mine" / "notice.txt")
    assert (doc.organ, doc.date) == ("XX市教育局", "2024-02-26")
