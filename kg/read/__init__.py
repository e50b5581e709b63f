"""Appeal files (.txt, .html, .pdf) -> plain text with stable offsets."""

from kg.read.appeal import MAX_BYTES, AppealText, read_appeal

__all__ = ["AppealText", "MAX_BYTES", "read_appeal"]
