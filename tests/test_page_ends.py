"""No page-end defects, as LibreOffice lays the plan out (GB/T 9704 7.3.5; issue 10).

Thirty plans differ only in the length of the preamble (shifting every heading by about
half a line each time, so each heading meets the page foot in some variant) and of the
closing paragraph (so the 落款 meets the page end). All thirty convert in the one
LibreOffice run of tests.docx_render's batch. For each: no page holds only the 落款 (every
page has body text), no heading is the last line of a page, and neither the 署名 nor the
date starts a page. (Without keepNext, six of the thirty fail.)
"""

from __future__ import annotations

import re

import pytest

from drafter.model.blocks import Block
from drafter.model.plan import PlanMeta, PlanOptions
from drafter.render.docx_writer import docx_bytes
from drafter.render.profile import load_profile
from tests.docx_render import HAVE_OFFICE, PDF_GROUP, Page, batch, batch_pdf, pdf_pages

# one xdist worker runs the modules of the LibreOffice batch, so it is converted once
pytestmark = [pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice (soffice) not installed"),
              pytest.mark.xdist_group(PDF_GROUP)]

PROFILE = load_profile()
BLOCK_BOTTOM = (PROFILE.page.height - PROFILE.page.margin_bottom) / 20
ORGAN, DATE = "某某市教育局", "2025年1月10日"
VARIANTS = 30
_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_SENTENCE = "坚持稳中求进工作总基调，推动教育事业高质量发展。"  # 24 characters


def _plan(k: int) -> list[Block]:
    """Title, a preamble of 60 + 14k characters, three chapters of items, a closing of
    30 + 9k characters, 署名 and date."""
    def text(n: int) -> str:
        return (_SENTENCE * (n // len(_SENTENCE) + 1))[:n - 1] + "。"

    blocks = [Block(role="title", text="某某市教育局2025年工作要点"),
              Block(role="preamble", text=text(60 + 14 * k))]
    number = 0
    for c, heading in enumerate(("加强党的建设", "促进学生全面发展", "办好人民满意的教育")):
        blocks.append(Block(role="chapter", marker="一二三"[c] + "、", text=heading))
        for i in range(4):
            number += 1
            blocks.append(Block(role="item", marker=f"{number}.", lead="落实重点任务。",
                                text=text(70 + 23 * ((i + c) % 4))))
    blocks.append(Block(role="closing", text=text(30 + 9 * k)))
    blocks.append(Block(role="signature", text=ORGAN))
    blocks.append(Block(role="date", text=DATE))
    return blocks


def _docx(k: int) -> bytes:
    meta = PlanMeta(organ=ORGAN, options=PlanOptions(signature=True))
    return docx_bytes(_plan(k), profile=PROFILE, meta=meta)


for _k in range(VARIANTS):
    batch(f"page-ends-{_k:02d}", lambda k=_k: _docx(k))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[list[Page]]:
    return [pdf_pages(batch_pdf(f"page-ends-{k:02d}", tmp_path_factory))
            for k in range(VARIANTS)]


def _body(page: Page) -> list[str]:
    return [ln.text for ln in page.lines if ln.y1 <= BLOCK_BOTTOM + 2]


def test_variants_put_headings_and_the_signature_at_every_page_position(
        rendered: list[list[Page]]) -> None:
    """The test means something: the 落款 lands on the second page at many heights, and the
    variants span more than one page of shift."""
    second_page = {len(_body(pages[-1])) for pages in rendered}
    assert len(second_page) >= 10
    assert max(len(pages) for pages in rendered) > min(len(pages) for pages in rendered)


@pytest.mark.parametrize("k", range(VARIANTS))
def test_no_page_end_defects(rendered: list[list[Page]], k: int) -> None:
    pages = rendered[k]
    for number, page in enumerate(pages, start=1):
        body = _body(page)
        where = f"变体{k} 第{number}页"
        assert [t for t in body if not _is_signature(t)], f"{where}：只有落款，没有正文"
        if number < len(pages):
            assert not _HEADING.match(body[-1]), f"{where}：标题在页末 {body[-1]}"
        assert not _is_signature(body[0]), f"{where}：落款在页首 {body[0]}"


def _is_signature(text: str) -> bool:
    squeezed = text.replace(" ", "")
    return squeezed in (ORGAN, DATE)
