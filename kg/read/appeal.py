"""Read an appeal file (text, HTML or PDF) into plain text.

Appeals reach a researcher as saved web pages, PDFs or text pasted from either. Extraction needs
one plain text whose offsets evidence spans can point into, plus a hash of the original bytes so a
record can be traced back to the exact file it came from. Anything that cannot be read gives one
:class:`~kg.errors.InputError` line naming the file and what to try.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from kg import limits
from kg.errors import InputError

#: Appeals are a few pages; anything larger is almost certainly the wrong file, and refusing it
#: keeps memory and time bounded.
MAX_BYTES = limits.APPEAL.default  # KG_MAX_APPEAL_BYTES changes it (kg.limits)

TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain"}
HTML_SUFFIXES = {".html": "text/html", ".htm": "text/html"}
PDF_SUFFIXES = {".pdf": "application/pdf"}

#: Elements that carry page chrome or code, never the appeal itself.
HTML_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe")
HTML_BLOCKS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "section",
    "article", "ul", "ol", "table", "pre",
)  # fmt: skip
CHROME_HINT = re.compile(r"\b(cookie|banner|menu|navbar|breadcrumb|share|social|sidebar)", re.I)


@dataclass(frozen=True)
class AppealText:
    """The text of one appeal and where it came from."""

    text: str
    source: str
    sha256: str
    media_type: str


def read_appeal(path: str | Path) -> AppealText:
    """Read ``path`` as an appeal; the file type is chosen by its extension."""
    p = Path(path)
    raw = _read_bytes(p)
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text, media = decode_text(raw, p), TEXT_SUFFIXES[suffix]
    elif suffix in HTML_SUFFIXES:
        text, media = html_to_text(decode_text(raw, p)), HTML_SUFFIXES[suffix]
    elif suffix in PDF_SUFFIXES:
        text, media = pdf_to_text(raw, p), PDF_SUFFIXES[suffix]
    else:
        known = ", ".join(sorted({**TEXT_SUFFIXES, **HTML_SUFFIXES, **PDF_SUFFIXES}))
        raise InputError(f"{p.name}: unsupported file type '{suffix or '(none)'}'; use {known}")
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(f"{p.name}: no text found in the file; is it the right document?")
    return AppealText(
        text=text, source=p.name, sha256=hashlib.sha256(raw).hexdigest(), media_type=media
    )


def _read_bytes(p: Path) -> bytes:
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; check the path") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror}); check the path") from None
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not an appeal file; pass a file")
    if size == 0:
        raise InputError(f"{p.name}: the file is empty; export the appeal again")
    limits.APPEAL.check(size, p.name)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p.name}: cannot read ({exc.strerror}); check permissions") from None


def decode_text(raw: bytes, p: Path) -> str:
    """Decode bytes whose encoding nobody declared.

    Order matters: a BOM is certain, UTF-8 almost never decodes text that is not UTF-8, and
    between the two common single-byte encodings Cyrillic text is recognised by its letter
    frequencies, since Windows-1251 bytes decoded as Latin-1 give mostly accented capitals.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(raw, "utf-16", p)
    if raw.startswith(b"\xef\xbb\xbf"):
        return _decode(raw[3:], "utf-8", p)
    if b"\x00" in raw[:4096]:
        raise InputError(f"{p.name}: binary data (NUL bytes), not text; is this the right file?")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode(raw, _guess_single_byte(raw), p)
    if _looks_binary(text):
        raise InputError(f"{p.name}: binary data, not text; is this the right file?")
    return text


def _decode(raw: bytes, encoding: str, p: Path) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{p.name}: not valid {encoding} text; save it as UTF-8") from None


def _guess_single_byte(raw: bytes) -> str:
    high = [b for b in raw if b >= 0x80]
    if not high:
        return "utf-8"
    cyrillic = sum(1 for b in high if b >= 0xC0)
    # Latin-1 text uses high bytes sparingly (accents); Cyrillic text is mostly 0xC0-0xFF.
    if cyrillic / len(high) > 0.8 and len(high) / max(len(raw), 1) > 0.2:
        return "cp1251"
    return "latin-1"


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    return controls > max(8, len(sample) // 100)


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF, so offsets do not depend on the platform that saved the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(html: str) -> str:
    """Visible text of a page, one paragraph per block, without scripts, menus or footers."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(HTML_DROP):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        hint = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        if tag.name not in ("body", "html", "main", "article") and CHROME_HINT.search(hint):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for tag in root.find_all(HTML_BLOCKS):
        tag.insert_before("\n\n" if tag.name != "br" else "\n")
    text = root.get_text()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def pdf_to_text(raw: bytes, p: Path) -> str:
    """The text layer of a PDF, page by page; scanned PDFs have none and are refused."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{p.name}: not a readable PDF ({exc}); export it again") from None
    except Exception as exc:  # noqa: BLE001 - a damaged PDF can trip any error inside pypdf
        reason = f"{type(exc).__name__}: {' '.join(str(exc).split())[:120]}"
        raise InputError(f"{p.name}: not a readable PDF ({reason}); export it again") from None
    text = "\n\n".join(page.strip() for page in pages)
    if not text.strip():
        raise InputError(
            f"{p.name}: the PDF has no text layer (a scan?); run OCR first or paste the text"
        )
    return text + "\n"
