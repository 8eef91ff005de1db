"""The issued notice as LibreOffice lays it out: positions read back from the PDF.

Both variants of the example's notice (without and with the blank page before the 版记) are
converted in the one LibreOffice run of tests.docx_render's batch; the one `drafter build
--notice` picks (the blank page only when the 版记 would otherwise land on an odd page) is
read and checked in full: the red rule
under the 发文字号 across the block, 附件1 from a new page, 附件2 on landscape pages with
the header row on each, page numbers "— N —" odd right / even left throughout, the 版记 at
the foot of the last, even page. Skipped where LibreOffice is not installed (CI has it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber  # a test dependency (pyproject [test]): missing, the module fails, never skips
import pytest

from tests.docx_render import HAVE_OFFICE, PDF_GROUP, batch, batch_pdf
from tests.notice_sample import PROFILE, notice_bytes

# one xdist worker runs the modules of the LibreOffice batch, so it is converted once
pytestmark = [pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice (soffice) not installed"),
              pytest.mark.xdist_group(PDF_GROUP)]

PT = 1 / 20
PAGE_NUMBER = re.compile(r"^— (\d+) —$")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]
    rules: list[tuple[float, float, float, tuple[float, ...]]]  # x0, x1, y, colour
    turned: Line | None = None  # text set vertically (the landscape page number)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def _page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def _read(pdf: Path, last: int | None = None) -> list[Page]:
    """Every page (or the last `last` pages) as lines and rules."""
    pages = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages if last is None else doc.pages[-last:]:
            # the text without the spaces pdfplumber puts for the CJK/digit autospace gap,
            # except inside "— N —"
            upright = page.filter(lambda o: o["object_type"] != "char" or o["upright"])
            lines = [Line(_squeeze(ln["text"]), ln["x0"], ln["x1"],
                          ln["top"], ln["bottom"]) for ln in upright.extract_text_lines()]
            rules = [(o["x0"], o["x1"], o["top"], tuple(o.get("stroking_color") or ()))
                     for o in page.lines]
            chars = [c for c in page.chars if not c["upright"]]
            turned = None
            if chars:
                text = "".join(c["text"] for c in sorted(chars, key=lambda c: c["top"]))
                turned = Line(_squeeze(text), min(c["x0"] for c in chars),
                              max(c["x1"] for c in chars), min(c["top"] for c in chars),
                              max(c["bottom"] for c in chars))
            pages.append(Page(page.width, page.height, lines, rules, turned))
    return pages


def _squeeze(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return re.sub(r"^—(\d+)—$", r"— \1 —", text)


for _blank in (False, True):
    batch(f"notice-{int(_blank)}", lambda b=_blank: notice_bytes(blank_page=b))


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> bool:
    """What build picks: the blank page only when the 版记 would fall on an odd page of the
    notice without it."""
    return _page_count(batch_pdf("notice-0", tmp_path_factory)) % 2 == 1


@pytest.fixture(scope="module")
def chosen(blank: bool, tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    """The chosen variant's pages (only that one is read: pdfplumber takes seconds)."""
    return _read(batch_pdf(f"notice-{int(blank)}", tmp_path_factory))


def _block(page: Page) -> tuple[float, float, float, float]:
    setup = PROFILE.tasks.page if page.landscape else PROFILE.page
    return (setup.margin_left * PT, (setup.width - setup.margin_right) * PT,
            setup.margin_top * PT, (setup.height - setup.margin_bottom) * PT)


def _numbers(page: Page) -> list[Line]:
    return [ln for ln in page.lines if PAGE_NUMBER.match(ln.text)]


def test_red_rule_under_the_number_across_the_block(chosen: list[Page]) -> None:
    first = chosen[0]
    left, right, _, _ = _block(first)
    mark = next(ln for ln in first.lines if ln.text == "安顺市教育局文件")
    number = next(ln for ln in first.lines if "〔2025〕3" in ln.text)
    title = next(ln for ln in first.lines if ln.text.startswith("关于印发"))
    red = [r for r in first.rules if r[3][:3] == (1.0, 0.0, 0.0)]
    assert red, first.rules
    x0, x1, y, _ = red[0]
    assert abs(x0 - left) < 2 and abs(x1 - right) < 2  # as wide as the block
    assert number.bottom < y < title.top
    assert 2 <= (y - number.bottom) * 25.4 / 72 <= 7  # about 4 mm under the 发文字号
    assert mark.bottom < number.top
    centre = (left + right) / 2
    for line in (mark, number):
        assert abs((line.x0 + line.x1) / 2 - centre) < 3, line.text


def test_notice_fits_its_first_page(chosen: list[Page]) -> None:
    texts = [ln.text for ln in chosen[0].lines]
    assert "2025年2月20日" in texts
    assert any(t.startswith("（此件公开发布）") for t in texts)


def test_attachment_one_starts_a_new_page_top_left(chosen: list[Page]) -> None:
    second = chosen[1]
    left, _, top, _ = _block(second)
    label = second.lines[0]
    assert label.text == "附件1"
    assert abs(label.x0 - left) < 2 and label.top < top + 29
    assert "教育工作要点" in second.lines[1].text.replace(" ", "")  # the title on line 3
    assert second.lines[1].top - label.top > 50  # a blank line between


def test_attachment_two_is_landscape_with_the_header_on_every_page(chosen: list[Page]) -> None:
    landscape = [i for i, p in enumerate(chosen) if p.landscape]
    assert landscape and landscape == list(range(landscape[0], landscape[-1] + 1))
    first = chosen[landscape[0]]
    assert first.lines[0].text == "附件2"
    assert any("重点任务分解表" in ln.text.replace(" ", "") for ln in first.lines[:3])
    for index in landscape:
        assert any(ln.text.startswith("序号") for ln in chosen[index].lines), index + 1
    assert not chosen[landscape[-1] + 1].landscape  # the 版记 page is portrait again


def test_page_numbers_odd_right_even_left_throughout(chosen: list[Page], blank: bool) -> None:
    numbered = chosen[:-2] if blank else chosen
    inset = PROFILE.page_number.inset * PT
    for index, page in enumerate(numbered, start=1):
        if page.landscape:
            _turned_number(page, index)
            continue
        found = _numbers(page)
        assert len(found) == 1, (index, [ln.text for ln in page.lines[-3:]])
        line = found[0]
        assert PAGE_NUMBER.match(line.text)[1] == str(index)  # type: ignore[index]
        left, right, _, bottom = _block(page)
        assert line.top > bottom - 2  # below the block (landscape: right under the table)
        if index % 2:
            assert abs(line.x1 - (right - inset)) < 3, (index, line)
        else:
            assert abs(line.x0 - (left + inset)) < 3, (index, line)
    if blank:  # GB/T 9704 7.5: the blank page and the 版记 page carry no page number
        assert not _numbers(chosen[-2]) and not _numbers(chosen[-1])
        assert not chosen[-2].lines


def _turned_number(page: Page, index: int) -> None:
    """A landscape page is bound with its top at the left: its number stands turned in the
    left margin, where the portrait pages have theirs on the sheet (odd: towards the
    sheet's right = the page's bottom; even: towards its left = the page's top)."""
    line = page.turned
    assert line is not None and line.text == f"— {index} —", (index, line)
    left, _, top, bottom = _block(page)
    inset = PROFILE.page_number.inset * PT
    assert line.x1 < left - 10  # in the margin, clear of the table
    if index % 2:
        assert abs(line.bottom - (bottom - inset)) < 4, (index, line)
    else:
        assert abs(line.top - (top + inset)) < 4, (index, line)


def test_record_at_the_foot_of_the_last_even_page(chosen: list[Page]) -> None:
    assert len(chosen) % 2 == 0
    last = chosen[-1]
    left, right, _, bottom = _block(last)
    body = [ln for ln in last.lines if not PAGE_NUMBER.match(ln.text)]
    assert [ln.text.replace(" ", "")[:3] for ln in body] == ["抄送：", "安顺市"]
    assert body[-1].text.replace(" ", "").endswith("2025年2月21日印发")
    assert abs(body[-1].x1 - (right - 14)) < 3  # 印发日期 one 4号 character from the right
    assert abs(body[-1].x0 - (left + 14)) < 3  # 印发机关 one character from the left
    rules = sorted(y for x0, x1, y, _ in last.rules if abs(x0 - left) < 2 and abs(x1 - right) < 2)
    assert len(rules) == 3
    assert abs(rules[-1] - bottom) < 6  # the last rule on the block's lower edge
    assert rules[0] < body[0].top and body[-1].bottom < rules[-1]


def test_blank_variant_puts_an_empty_page_before_the_record(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    plain_pdf, blank_pdf = (batch_pdf(f"notice-{i}", tmp_path_factory) for i in (0, 1))
    assert _page_count(blank_pdf) == _page_count(plain_pdf) + 1
    plain, blank = _read(plain_pdf, last=1), _read(blank_pdf, last=2)
    assert not blank[-2].lines
    assert [ln.text for ln in blank[-1].lines] == [ln.text for ln in plain[-1].lines
                                                   if not PAGE_NUMBER.match(ln.text)]
