"""Reading appeal files: encodings, HTML chrome, PDFs and every way a file can be wrong."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import MAX_BYTES, read_appeal

APPEAL = "On 7 November 2017, the court reclassified the charges against Mr Ivan Petrov.\n"


def test_utf8_text_keeps_text_and_hashes_raw_bytes(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    raw = APPEAL.replace("\n", "\r\n").encode("utf-8")
    f.write_bytes(raw)
    got = read_appeal(f)
    assert got.text == APPEAL
    assert got.source == "a.txt"
    assert got.media_type == "text/plain"
    assert got.sha256 == hashlib.sha256(raw).hexdigest()


def test_windows_1251_text_is_decoded(tmp_path: Path) -> None:
    text = "Правозащитник Иван Петров задержан 7 ноября 2017 года в городе Алматы."
    f = tmp_path / "ru.txt"
    f.write_bytes(text.encode("cp1251"))
    assert read_appeal(f).text == text


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    text = "La défenseure a été arrêtée à Bogotá; son avocat n'a pas été prévenu."
    f = tmp_path / "fr.txt"
    f.write_bytes(text.encode("latin-1"))
    assert read_appeal(f).text == text


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes(APPEAL.encode("utf-16"))
    assert read_appeal(f).text == APPEAL


def test_empty_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty"):
        read_appeal(f)


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "blank.txt"
    f.write_text("  \n\n \n")
    with pytest.raises(InputError, match="no text found"):
        read_appeal(f)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match=r"image\.txt: binary data"):
        read_appeal(f)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_appeal(tmp_path / "nope.txt")


def test_unsupported_extension_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "appeal.docx"
    f.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"appeal\.docx: unsupported file type '\.docx'"):
        read_appeal(f)


def test_folder_is_refused(tmp_path: Path) -> None:
    d = tmp_path / "dir.txt"
    d.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        read_appeal(d)


def test_twenty_megabyte_text_is_refused_with_the_limit(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    line = APPEAL.encode()
    f.write_bytes(line * (20 * 1024 * 1024 // len(line) + 1))
    with pytest.raises(InputError, match=rf"huge\.txt: 20\.0 MB is over the {MAX_BYTES >> 20} MB"):
        read_appeal(f)


def test_html_drops_scripts_and_chrome_and_keeps_paragraphs(tmp_path: Path) -> None:
    page = """<html><head><title>t</title><style>p {color: red}</style>
    <script>var tracking = "Mr Evil";</script></head><body>
    <header><nav><a href="/">Home</a> <a href="/donate">Donate</a></nav></header>
    <div class="cookie-banner">We use cookies</div>
    <main><h1>Kazakhstan: Charges against Ivan Petrov</h1>
    <p>On 7 November 2017, the court <b>reclassified</b> the charges.</p>
    <script>document.write("injected")</script>
    <p>Front Line Defenders urges the authorities to:</p></main>
    <aside>Related appeals</aside><footer>© 2017</footer>
    <script src="x.js"></script></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    got = read_appeal(f)
    assert got.media_type == "text/html"
    assert "On 7 November 2017, the court reclassified the charges." in got.text
    assert "Kazakhstan: Charges against Ivan Petrov\n\nOn 7 November" in got.text
    for chrome in ("tracking", "injected", "Donate", "cookies", "Related", "©", "color"):
        assert chrome not in got.text


def _pdf(path: Path, text: str | None) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(20, 20, 100, 50)
    else:
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))


def test_pdf_with_text_layer(tmp_path: Path) -> None:
    f = tmp_path / "appeal.pdf"
    _pdf(f, "On 7 November 2017, the court reclassified the charges against Ivan Petrov.")
    got = read_appeal(f)
    assert got.media_type == "application/pdf"
    assert "reclassified the charges" in got.text
    assert "Ivan Petrov" in got.text


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "scan.pdf"
    _pdf(f, None)
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF has no text layer"):
        read_appeal(f)


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "broken.pdf"
    f.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(InputError, match=r"broken\.pdf"):
        read_appeal(f)
