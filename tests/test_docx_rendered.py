"""The Word output as a real client lays it out: LibreOffice → PDF → measured lines.

GB/T 9704's grid is 22 lines × 28 characters; the page number "— N —" sits right on odd
pages and left on even pages, one character in. Skipped where LibreOffice is not installed
(CI installs it). The documents convert in the one LibreOffice run of tests.docx_render's
batch.
"""

from __future__ import annotations

import itertools

import pytest

from drafter.model.blocks import Block
from drafter.render.docx_writer import docx_bytes
from drafter.render.profile import load_profile
from tests.docx_render import (
    HAVE_OFFICE,
    PDF_GROUP,
    Page,
    batch,
    batch_pdf,
    char_count,
    pdf_pages,
)
from tests.docx_sample import example_cases, sample_blocks, sample_meta

# one xdist worker runs the modules of the LibreOffice batch, so it is converted once
pytestmark = [pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice (soffice) not installed"),
              pytest.mark.xdist_group(PDF_GROUP)]

PT = 1 / 20  # twips → points
PROFILE = load_profile()
LEFT = PROFILE.page.margin_left * PT
RIGHT = (PROFILE.page.width - PROFILE.page.margin_right) * PT
BLOCK_BOTTOM = (PROFILE.page.height - PROFILE.page.margin_bottom) * PT
PITCH = PROFILE.grid.line_pitch * PT  # 28.95 pt
INSET = PROFILE.page_number.inset * PT
LINES, CHARS = PROFILE.grid.lines_per_page, PROFILE.grid.chars_per_line  # 22, 28


CASES = [("corpus-002", sample_blocks(), sample_meta()), *example_cases()]


for _i, (_, _blocks, _meta) in enumerate(CASES):
    batch(f"要点{_i}", lambda b=_blocks, m=_meta: docx_bytes(b, profile=PROFILE, meta=m))


@pytest.fixture(scope="module", params=range(len(CASES)), ids=[c[0] for c in CASES])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[list[Page], list[Block]]:
    _name, blocks, _meta = CASES[request.param]
    found = pdf_pages(batch_pdf(f"要点{request.param}", tmp_path_factory))
    assert len(found) >= 3, "the plan should fill several pages"
    return found, blocks


@pytest.fixture
def pages(rendered: tuple[list[Page], list[Block]]) -> list[Page]:
    return rendered[0]


def _body(page: Page) -> list:
    return [line for line in page.lines if line.y1 <= BLOCK_BOTTOM + 2]


def _footer(page: Page) -> list:
    return [line for line in page.lines if line.y0 > BLOCK_BOTTOM + 2]


def test_pages_are_a4(pages: list[Page]) -> None:
    assert all(abs(p.width - 595.3) < 1 and abs(p.height - 841.9) < 1 for p in pages)


def test_22_lines_on_every_full_page(pages: list[Page]) -> None:
    for number, page in enumerate(pages[:-1], start=1):
        body = _body(page)
        slots = round((body[-1].y1 - body[0].y1) / PITCH) + 1  # page 1 has a blank line
        assert slots == LINES, f"第{number}页 {slots} 行"
        if number > 1:
            assert len(body) == LINES, f"第{number}页 {len(body)} 行"
        body = body[3:] if number == 1 else body  # past the 22 pt title lines and caption
        gaps = [(b.y1 - a.y1) / PITCH for a, b in itertools.pairwise(body)]
        assert all(abs(g - round(g)) < 0.03 and round(g) >= 1 for g in gaps), gaps


def test_no_line_over_28_characters_and_full_lines_hold_28(pages: list[Page]) -> None:
    counts = [char_count(line.text) for page in pages for line in _body(page)]
    assert max(counts) <= CHARS, max(counts)
    # without the −5 character spacing a 16 pt line only holds 27 characters
    assert sum(c == CHARS for c in counts) > len(counts) / 3


def test_lines_stay_inside_the_text_block(pages: list[Page]) -> None:
    for page in pages:
        for line in _body(page):
            # no punctuation hangs into the margin either
            assert line.x0 >= LEFT - 1 and line.x1 <= RIGHT + 1, line.text


def test_first_line_indent_is_two_characters(pages: list[Page]) -> None:
    starts = [line for page in pages for line in _body(page) if line.text[:2] in ("1.", "2.")]
    assert starts
    for line in starts:  # 39.3 mm from the page edge
        assert abs(line.x0 - (LEFT + 32)) < 1.5, line.text


def test_page_numbers_odd_right_even_left(pages: list[Page]) -> None:
    for number, page in enumerate(pages, start=1):
        footer = _footer(page)
        assert [line.text for line in footer] == [f"—{number}—"]
        line = footer[0]
        if number % 2:
            assert abs(line.x1 - (RIGHT - INSET)) < 1.5, line
        else:
            assert abs(line.x0 - (LEFT + INSET)) < 1.5, line
        # the dash sits about 7 mm (≈ 20 pt) below the text block
        assert 8 < line.y1 - BLOCK_BOTTOM < 40


def test_signature_and_date_positions(rendered: tuple[list[Page], list[Block]]) -> None:
    pages, blocks = rendered
    signature = [b.plain for b in blocks if b.role in ("signature", "date")]
    if len(signature) != 2:
        pytest.skip("this plan has no signature and date")
    body = _body(pages[-1])
    organ, date = body[-2], body[-1]
    assert [organ.text, date.text] == signature
    # GB/T 9704 7.3.5.2: the organ two characters from the right, the date starting two
    # characters further right; a date too long for that keeps two from the right instead
    insets = [(RIGHT - line.x1) / 16 for line in (organ, date)]
    assert min(insets) > 1.7 and any(abs(i - 2) < 0.3 for i in insets), insets
    shift = (date.x0 - organ.x0) / 15.75
    assert 1.5 <= shift <= 2.75, shift
