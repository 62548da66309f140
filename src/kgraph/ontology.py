"""The curated ontology: entities with types, aliases, is-a parents, makers and definitions.

It lives in ``data/ontology/*.yaml`` (format in ``docs/ontology.md``). Users add their own
internal systems with extra files (``--ontology FILE``); later files extend earlier ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from kgraph import config
from kgraph.errors import OntologyError
from kgraph.model import ENTITY_TYPES, entity_key

# The C loader is ~10x faster on our ~1,000 entries; both are safe loaders.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEFAULT_DIR = config.ONTOLOGY_DIR


@dataclass
class OntologyEntry:
    """One curated entity."""

    name: str
    """Canonical name; with the type, the entity's key."""
    type: str
    """COMPANY, TECHNOLOGY or CONCEPT."""
    aliases: list[str] = field(default_factory=list)
    """Other surface forms and acronyms (plurals and possessives are handled by the matcher)."""
    parents: list[str] = field(default_factory=list)
    """Canonical names of is-a parents (``auto-sharding`` is a ``sharding``)."""
    company: str = ""
    """For a technology: the company that makes it (product_of)."""
    definition: str = ""
    """One line for learners; every concept has one."""
    domains: list[str] = field(default_factory=list)
    """For a company: URL hosts or prefixes of its blog, to attribute posts to it."""
    case_sensitive: bool | None = None
    """None: exact case only for names that contain a capital letter."""
    ambiguous: bool = False
    """Also a common word; the extractor asks for supporting context."""
    origin: str = ""
    """The file it came from."""
    registry: bool = False
    """Generated from a public registry, not curated: its matches need support in the post."""
    term: bool = False
    """A registry concept from a field glossary: a term on its own, so it needs no support
    unless one of its names is a plain word. On a registry company or technology (a threat
    catalogue's group or malware name): only a common English word among its names is plain."""

    @property
    def key(self) -> str:
        return entity_key(self.type, self.name)


@dataclass
class Ontology:
    """All entries, indexed by key and by every lower-cased name and alias."""

    entries: dict[str, OntologyEntry] = field(default_factory=dict)
    by_name: dict[str, OntologyEntry] = field(default_factory=dict)

    def add(self, entry: OntologyEntry) -> None:
        """Add an entry; one that repeats a key extends it instead of replacing it.

        Users' files thus add aliases to shipped entries (``--ontology``) without losing
        the shipped ones; a later non-empty definition, company or domain list wins.
        """
        known = self.entries.get(entry.key)
        if known is not None:
            known.aliases = list(dict.fromkeys([*known.aliases, *entry.aliases]))
            known.parents = list(dict.fromkeys([*known.parents, *entry.parents]))
            known.definition = entry.definition or known.definition
            known.company = entry.company or known.company
            known.domains = entry.domains or known.domains
            entry = known
        self.entries[entry.key] = entry
        for name in [entry.name, *entry.aliases]:
            self.by_name.setdefault(name.lower(), entry)

    def lookup(self, name: str) -> OntologyEntry | None:
        """The entry whose canonical name or alias is ``name``, ignoring case."""
        return self.by_name.get(name.strip().lower())

    def by_type(self, type_: str) -> list[OntologyEntry]:
        return [e for e in self.entries.values() if e.type == type_]

    def __len__(self) -> int:
        return len(self.entries)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _entry(raw: dict, where: str) -> OntologyEntry:
    if not isinstance(raw, dict) or not raw.get("name") or not raw.get("type"):
        raise OntologyError(f"{where}: every entry needs a 'name' and a 'type'.")
    type_ = str(raw["type"]).upper()
    if type_ not in ENTITY_TYPES:
        raise OntologyError(
            f"{where}: type {raw['type']!r} must be one of {', '.join(ENTITY_TYPES)}."
        )
    return OntologyEntry(
        name=str(raw["name"]).strip(),
        type=type_,
        aliases=_as_list(raw.get("aliases")),
        parents=_as_list(raw.get("parent")),
        company=str(raw.get("company") or ""),
        definition=str(raw.get("definition") or "").strip(),
        domains=_as_list(raw.get("domains")),
        case_sensitive=raw.get("case_sensitive"),
        ambiguous=bool(raw.get("ambiguous", False)),
        term=bool(raw.get("term", False)),
        origin=where,
    )


def read_file(path: Path) -> list[OntologyEntry]:
    """The entries of one ontology YAML file."""
    return _parse(path, _read_bytes(path))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise OntologyError(f"{path}: no such ontology file.") from None


def _parse(path: Path, raw: bytes) -> list[OntologyEntry]:
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise OntologyError(f"{path}: not valid UTF-8 YAML ({exc}). Fix the file.") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise OntologyError(
            f"{path}: expected a top-level 'entities:' list (see docs/ontology.md)."
        )
    return [_entry(raw, f"{path.name} entry {i + 1}") for i, raw in enumerate(data["entities"])]


def default_files() -> list[Path]:
    return sorted(DEFAULT_DIR.glob("*.yaml"))


def registry_files() -> list[Path]:
    """The generated registry files (``data/ontology/registry/``), loaded after the curated ones."""
    return sorted(config.ONTOLOGY_REGISTRY_DIR.glob("*.yaml"))


def add_registry_entry(onto: Ontology, entry: OntologyEntry) -> bool:
    """Add a generated entry unless the curated ontology already knows one of its names.

    Curated entries win: a registry name that is already known (under any type) is left out
    whole. Registry entries are not curated, so the extractor asks for support before it
    reports them: every concept except a field-glossary term, and every name with a one-word
    form that is a common English word (``Self``, ``Streams``), is marked ambiguous; a lower-case one-word technology
    (``desktop``) also matches only in its own case, and asks for support unless it is a
    screened name (``term``: ``pyarrow``).
    """
    names = [entry.name, *entry.aliases]
    if any(onto.lookup(n) is not None for n in names):
        return False
    words = _english_words()
    if entry.term and entry.type != "CONCEPT":
        # A threat catalogue's name (Emotet, Turla), screened against the dictionary when
        # generated: only a common English word among its names asks for support.
        plain = any(" " not in n and n.lower() in words for n in names)
    elif entry.term:
        # A screened field term: a one-word form asks for support only when it is a dictionary
        # word ("mocking"); jargon that is no word ("rootkit", "memoization", "spearphishing")
        # names the term wherever it is written, as a two-word term does.
        plain = any(_plain_word(n, words) and n.lower() in words for n in names)
    else:
        plain = any(_plain_word(n, words) for n in names)
    if (entry.type == "CONCEPT" and not entry.term) or plain:
        entry.ambiguous = True
    if entry.type == "TECHNOLOGY" and " " not in entry.name and entry.name.islower():
        # "desktop" matches only in its own case, and asks for support unless it was
        # screened as a name when generated ("pyarrow", "boto3": no word, no given name)
        entry.case_sensitive = True
        entry.ambiguous = entry.ambiguous or not entry.term or plain
    entry.registry = True
    onto.add(entry)
    return True


def _plain_word(name: str, words: frozenset[str]) -> bool:
    """One word that could be an ordinary word: a common one in any case (``Self``), or any
    alphabetic word with no capital after its first letter (``Pod``, ``Streams``)."""
    if " " in name or not name.isalpha():
        return False
    return name.lower() in words or not any(c.isupper() for c in name[1:])


_WORDS: list[frozenset[str]] = []


def _english_words() -> frozenset[str]:
    """Common English words (the registry generator's list), read once."""
    if not _WORDS:
        path = config.ONTOLOGY_DIR / "sources" / "english_words.txt"
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        _WORDS.append(frozenset(w.strip().lower() for w in lines if w.strip()[:1] not in "#"))
    return _WORDS[0]


_PARSED: dict[tuple[str, int, int], list[OntologyEntry]] = {}
"""Parsed files by (path, size, mtime): a build loads the ontology twice (the extractor and
the graph stage), and parsing its YAML is most of the 0.4 s a load takes."""


def _read_once(path: Path) -> list[OntologyEntry]:
    """``read_file(path)``, parsed once per process while the file is unchanged; the caller
    gets its own copies, since loading sets flags on entries."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _PARSED:
        _PARSED[key] = _read_cached(path)
    return [_copy(e) for e in _PARSED[key]]


def _copy(entry: OntologyEntry) -> OntologyEntry:
    """A copy with its own lists; made field by field, as ``dataclasses.replace`` costs a
    third of a load from the cache over the shipped ontology's thousands of entries."""
    copy = object.__new__(OntologyEntry)
    copy.__dict__.update(entry.__dict__)
    copy.aliases, copy.parents, copy.domains = (
        list(entry.aliases),
        list(entry.parents),
        list(entry.domains),
    )
    return copy


CACHE_FORMAT = 1
"""Bumped when the cached form of parsed entries changes (see :func:`_read_cached`)."""


_STAMP: list[bytes] = []


def _loader_stamp() -> bytes:
    """What parsing depends on besides the file: this module's code and the YAML version."""
    if not _STAMP:
        code = config.ONTOLOGY_LOADER.read_bytes()
        _STAMP.append(hashlib.sha1(code + yaml.__version__.encode()).digest())
    return _STAMP[0]


def _read_cached(path: Path) -> list[OntologyEntry]:
    """``read_file(path)`` through a JSON copy of its parsed entries in the user's cache.

    Parsing the shipped YAML is most of the second it takes to load the ontology, paid by
    every process that extracts (each build, eval and the app); reading the same entries
    back from JSON takes a tenth of that. The copy is keyed by the file's content and by
    this module's source and the YAML library's version (which decide what an entry is),
    so an edited file or a changed loader parses again. A cache that cannot be read or
    written is passed over: the file is parsed as before.
    """
    raw = _read_bytes(path)
    digest = hashlib.sha1(_loader_stamp() + raw).hexdigest()
    name = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    where = config.user_cache_dir() / "ontology" / f"{path.stem}-{name}.json"
    try:
        cached = json.loads(where.read_text(encoding="utf-8"))
        if cached.get("format") == CACHE_FORMAT and cached.get("sha1") == digest:
            return [OntologyEntry(**e) for e in cached["entries"]]
    except (OSError, ValueError, TypeError, AttributeError):
        pass  # missing, unreadable or of another form: parse the file
    entries = _parse(path, raw)
    payload = {"format": CACHE_FORMAT, "sha1": digest, "entries": [asdict(e) for e in entries]}
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so a process reading at the same time sees a whole file.
        fd, tmp = tempfile.mkstemp(dir=where.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False)
            os.replace(tmp, where)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError:
        pass
    return entries


def load_ontology(
    extra: Iterable[Path | str] = (), *, include_default: bool = True, include_registry=None
) -> Ontology:
    """The shipped ontology (curated, then registry) plus the user's extra files, checked for
    dangling references. ``include_registry`` defaults to ``include_default``."""
    onto = Ontology()
    if include_registry is None:
        include_registry = include_default
    for path in default_files() if include_default else []:
        for entry in _read_once(path):
            onto.add(entry)
    for path in registry_files() if include_registry else []:
        for entry in _read_once(path):
            add_registry_entry(onto, entry)
    for path in [Path(p) for p in extra]:
        for entry in read_file(path):
            onto.add(entry)
    problems = [
        f"{e.origin}: {e.name!r} names unknown {what} {ref!r}"
        for e in onto.entries.values()
        for what, refs in (("parent", e.parents), ("company", [e.company] if e.company else []))
        for ref in refs
        if onto.lookup(ref) is None
    ]
    if problems:
        shown = "; ".join(problems[:5])
        raise OntologyError(f"{len(problems)} dangling reference(s): {shown}. Add the entries.")
    return onto
