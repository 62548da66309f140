"""Bytes to text, with a message that names the file and the fix when it is not UTF-8."""

from __future__ import annotations

import re

from kgraph.errors import CorpusError

# C0 controls other than tab, newline and carriage return carry no meaning in a post;
# lone surrogates (JSON "\ud800") cannot even be encoded as UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode a corpus file: UTF-8 (with or without BOM) unless ``encoding`` says otherwise."""
    try:
        text = data.decode(encoding or "utf-8-sig")
    except LookupError:
        raise CorpusError(
            f"{name}: unknown encoding {encoding!r}; try --encoding latin-1."
        ) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CorpusError(
            f"{name}: line {line} is not valid {encoding or 'UTF-8'} (byte 0x{data[exc.start]:02x}). "
            "Save the file as UTF-8, or pass its encoding, e.g. --encoding latin-1."
        ) from None
    return text


def clean(text: str) -> str:
    """One field's text: control characters dropped, white space squeezed."""
    return " ".join(_CONTROL.sub(" ", text).split())
