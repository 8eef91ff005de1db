"""Every format mines to the same chapters and items as the .txt it was made from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.mine.pipeline import mine_source
from drafter.mine.readers import read_document, read_documents
from drafter.mine.readers.office import find_soffice
from drafter.model.document import MinedDocument
from tests.formats import make_all

# one xdist worker runs this module, so its module-scoped fixtures are built once
pytestmark = pytest.mark.xdist_group("test_readers_formats")

FORMATS = ["docx", "html", "pdf", "doc", "odt", "rtf", "wps"]
_SPACE = re.compile(r"\s+")


RENDERED = "drafter-rendered"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The corpus in every format, plus the example plan as drafter renders it (.docx with
    GB/T 9704 page numbers "— 1 —" in its footers, and its PDF)."""
    from tests.import_support import invoke

    folder = tmp_path_factory.mktemp("formats")
    example = Path(__file__).resolve().parents[1] / "examples" / "city_plan.yaml"
    rendered = {"txt": folder / f"{RENDERED}.txt", "docx": folder / f"{RENDERED}.docx"}
    for path in rendered.values():
        assert invoke("build", str(example), "-o", str(path)).exit_code == 0
    out = make_all(folder, also_pdf=(rendered["docx"],))
    out[RENDERED].update(rendered)
    return out


def outline(doc: MinedDocument) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    def norm(text: str) -> str:
        return _SPACE.sub("", text)

    return [(c.marker, norm(c.heading), [(i.marker, norm(i.lead), norm(i.body)) for i in c.items])
            for c in doc.chapters]


@pytest.fixture(scope="module")
def mined(documents: dict[str, dict[str, Path]]) -> dict[tuple[str, str], MinedDocument]:
    """Every file mined; all LibreOffice formats read in one batch (one soffice run)."""
    jobs = [(stem, fmt, path) for stem, files in documents.items()
            for fmt, path in files.items()]
    sources = read_documents([path for _, _, path in jobs])
    return {(stem, fmt): mine_source(source)
            for (stem, fmt, _), source in zip(jobs, sources, strict=True)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_mines_like_the_txt(documents: dict[str, dict[str, Path]],
                                        mined: dict[tuple[str, str], MinedDocument],
                                        fmt: str) -> None:
    if fmt not in next(iter(documents.values())):
        pytest.skip("LibreOffice is not installed")
    stems = [stem for stem, files in documents.items() if fmt in files and stem != RENDERED]
    assert stems
    for stem in stems:
        expected = mined[(stem, "txt")]
        got = mined[(stem, fmt)]
        assert outline(got) == outline(expected), f"{stem}.{fmt}"
        assert got.title == expected.title
        assert got.year == expected.year


def test_soffice_is_installed_here() -> None:
    """The format tests above must not pass by skipping on the development machine and CI."""
    assert find_soffice() is not None


def test_format_is_sniffed_by_content(documents: dict[str, dict[str, Path]],
                                      tmp_path: Path) -> None:
    """A .docx renamed .txt, and a PDF without extension, still read as what they are."""
    files = next(iter(documents.values()))
    disguised = tmp_path / "plan.txt"
    disguised.write_bytes(files["docx"].read_bytes())
    assert read_document(disguised).format == "docx"
    bare = tmp_path / "plan"
    bare.write_bytes(files["pdf"].read_bytes())
    assert read_document(bare).format == "pdf"


@pytest.mark.parametrize("fmt", ["docx", "doc", "odt", "pdf", "html"])
def test_import_from_each_format_builds_back_the_items(
        documents: dict[str, dict[str, Path]], tmp_path: Path, fmt: str) -> None:
    """`drafter import` on corpus 000 made into each format, then `build --format txt`: the
    items match the .txt source, chapter for chapter."""
    from tests.import_support import invoke, same_items

    files = documents["000_6e1b9dddc9e44491"]
    plan, out = tmp_path / "p.yaml", tmp_path / "p.txt"
    result = invoke("import", str(files[fmt]), "-o", str(plan))
    assert result.exit_code == 0, result.output
    assert invoke("build", str(plan), "--format", "txt", "-o", str(out)).exit_code == 0
    same_items(files["txt"], out)


def test_pdf_of_a_rendered_document_drops_page_numbers(
        documents: dict[str, dict[str, Path]], mined: dict[tuple[str, str], MinedDocument]
) -> None:
    """drafter's own .docx printed to PDF: footers "— 1 —" … are gone and every item is there."""
    files = documents[RENDERED]
    if "pdf" not in files:
        pytest.skip("LibreOffice is not installed")
    lines = read_document(files["pdf"]).lines
    assert not [line for line in lines if re.fullmatch(r"\s*[—-]\s*\d+\s*[—-]\s*", line)]
    assert outline(mined[(RENDERED, "pdf")]) == outline(mined[(RENDERED, "txt")])
