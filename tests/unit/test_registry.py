"""The registry script: ontology entries grown from public registries, with provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kgraph import registry
from kgraph.ontology import load_ontology

REGISTRY_FILES = sorted(registry.REGISTRY_DIR.glob("*.yaml"))


@pytest.fixture(scope="module")
def curated():
    return load_ontology(include_registry=False)


@pytest.fixture(scope="module")
def generated() -> list[dict]:
    entries = []
    for path in REGISTRY_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries += [{**e, "_file": path.name} for e in data["entities"]]
    return entries


@pytest.fixture(scope="module")
def words() -> frozenset[str]:
    return registry.read_words(registry.SOURCES_DIR / "english_words.txt")


def test_the_output_is_deterministic_and_matches_the_shipped_files(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    registry.main(["--out", str(first)])
    registry.main(["--out", str(second)])
    names = sorted(p.name for p in first.glob("*.yaml"))
    assert names == sorted(p.name for p in second.glob("*.yaml"))
    assert names == [p.name for p in REGISTRY_FILES], "run `python -m kgraph.registry`"
    for name in names:
        fresh = (first / name).read_bytes()
        assert fresh == (second / name).read_bytes()
        assert fresh == (registry.REGISTRY_DIR / name).read_bytes(), f"{name} is stale"


def test_entries_are_sorted_within_each_file():
    for path in REGISTRY_FILES:
        names = [e["name"] for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entities"]]
        assert names == sorted(names, key=lambda n: (n.casefold(), n)), path.name


def test_every_entry_names_its_source_snapshot(generated):
    snapshots = {}
    for path in registry.SOURCES_DIR.glob("*.csv"):
        snap = registry.read_snapshot(path)
        assert snap.source.count("@") == 1 and len(snap.source.rpartition("@")[2]) == 40
        snapshots[registry.short_source(snap)] = snap
    assert generated
    for entry in generated:
        assert entry.get("source") in snapshots, entry
        assert "definition" not in entry, "definitions are never copied from a source"


def test_no_generated_name_or_alias_clashes_with_the_curated_ontology(curated, generated):
    seen: set[str] = set()
    for entry in generated:
        for name in [entry["name"], *entry.get("aliases", [])]:
            assert curated.lookup(name) is None, (name, entry["_file"])
            assert name.lower() not in seen, (name, entry["_file"])
            seen.add(name.lower())


def test_a_concept_spelled_with_other_hyphens_or_spaces_is_not_a_new_concept(curated, generated):
    # "self healing" is the curated "self-healing", "multifactor authentication" the
    # curated "multi-factor authentication": one idea must keep one canonical.
    known = {
        registry.joined(n)
        for e in curated.entries.values()
        if e.type == "CONCEPT"
        for n in [e.name, *e.aliases]
    }
    seen: set[str] = set()
    for entry in generated:
        if entry["type"] != "CONCEPT":
            continue
        key = registry.joined(entry["name"])
        assert key not in known and key not in seen, (entry["name"], entry["_file"])
        seen.add(key)


def test_an_app_is_an_application_when_names_clash():
    assert registry.joined("stateful app") == registry.joined("stateful application")
    assert registry.joined("Stateful Apps") == registry.joined("stateful-application")
    assert registry.joined("app") == "app"


def test_names_are_real_names(generated):
    for entry in generated:
        name = entry["name"]
        assert len(name) >= 2 and not name.replace(".", "").isdigit(), entry
        assert name == name.strip() and "  " not in name, entry


def test_concepts_are_lower_case_noun_phrases(generated):
    concepts = [e for e in generated if e["type"] == "CONCEPT"]
    assert len(concepts) > 1000
    for entry in concepts:
        first = entry["name"].split(" ")[0]
        assert (
            first.islower()
            or first.isupper()
            or any(c.isupper() for c in first[1:])
            or (first == first.capitalize() and entry["name"] != entry["name"].lower())
        ), entry
        assert not entry["name"].lower().endswith((" systems", " networks", " processes")), entry


def test_one_word_english_names_are_marked_ambiguous(generated, words):
    checked = 0
    for entry in generated:
        one_word = [n for n in [entry["name"], *entry.get("aliases", [])] if " " not in n]
        expected = any("-" not in n and n.lower() in words for n in one_word)
        if "google-cloud-4-words" in entry["source"] and entry.get("ambiguous"):
            continue  # a short form that reads as a plain phrase ("Cloud Tasks"), tested below
        assert bool(entry.get("ambiguous")) == expected, entry
        checked += expected
    assert checked > 100
    by_name = {e["name"]: e for e in generated}
    assert by_name["Atlantis"]["ambiguous"] is True
    assert by_name["Flux"]["ambiguous"] is True
    assert "ambiguous" not in by_name["Apache AsterixDB"]


def test_the_generated_files_load_with_the_curated_ontology():
    onto = load_ontology(extra=REGISTRY_FILES)
    counts = {t: len(onto.by_type(t)) for t in ("COMPANY", "TECHNOLOGY", "CONCEPT")}
    assert len(onto) >= 6000, counts
    assert counts["COMPANY"] >= 1000, counts
    assert counts["TECHNOLOGY"] >= 3000, counts
    assert counts["CONCEPT"] >= 2000, counts
    # parents and makers resolve (the loader checks they exist); spot-check some links
    assert onto.lookup("Amazon CloudHSM").company == "Amazon"
    assert "API gateway" in onto.lookup("3Scale").parents


@pytest.mark.parametrize(
    ("raw", "name", "aliases"),
    [
        ("Amazon Elastic Kubernetes Service (EKS)", "Amazon Elastic Kubernetes Service", ["EKS"]),
        ("Adidas (supporter)", "Adidas", []),
        ("Apache Amoro (Incubating)", "Apache Amoro", []),
    ],
)
def test_split_paren(raw, name, aliases):
    assert registry.split_paren(raw) == (name, aliases)


def test_an_aws_service_is_named_by_aws_short_name_when_that_is_its_initials():
    assert registry._initialism("Amazon SES", "Amazon Simple Email Service")
    assert registry._initialism("Amazon S3", "Amazon Simple Storage Service")
    assert not registry._initialism("Amazon DAX", "Amazon DynamoDB Accelerator")
    assert not registry._initialism("Amazon DocDB", "Amazon DocumentDB with MongoDB compatibility")
    onto = load_ontology()
    assert onto.lookup("Amazon Simple Email Service").name == "Amazon SES"
    # the full names of curated services are theirs, not separate generated entries
    assert onto.lookup("Amazon Simple Storage Service").name == "Amazon S3"


def test_slugs_become_names():
    assert registry.titled_slug("red-hat") == "Red Hat"
    assert registry.titled_slug("boeing-7321") == "Boeing"
    assert registry.titled_slug("bucket-b91b") == "Bucket"


def test_concept_names_are_singular_and_keep_acronyms(words):
    w = registry.Words(words, {"kubernetes": "Kubernetes"})
    assert registry.concept_name("Push CDNs", w) == "push CDN"
    assert registry.concept_name("Kubernetes Operator", w) == "Kubernetes operator"
    assert registry.concept_name("Client-Server Architecture", w) == "client-server architecture"
    assert (
        registry.concept_name("Hidden Markov models", w, sentence_case=True)
        == "hidden Markov model"
    )


def test_field_glossary_terms_are_trusted_unless_plain_words(generated):
    # (threat catalogue names are terms too, checked in their own test)
    terms = [e for e in generated if e.get("term") and e["type"] == "CONCEPT"]
    questions = registry.stack_questions(
        registry.read_snapshot(registry.SOURCES_DIR / "stackexchange_tags.csv")
    )
    assert terms and all(
        e["_file"] == "concepts_field_glossaries.yaml"
        or e["name"].endswith(" pattern")
        or questions.get(e["name"].lower().replace("-", " "), 0) >= registry.STACK_TERM_QUESTIONS
        for e in terms
    )
    assert all(e["type"] == "CONCEPT" and e["source"] for e in terms)
    onto = load_ontology()
    # A glossary term of two words or more needs no support in a post ...
    assert onto.lookup("credential stuffing").term
    assert not onto.lookup("credential stuffing").ambiguous
    assert not onto.lookup("medallion architecture").ambiguous
    # ... a one-word term needs it when it is a dictionary word; jargon that is no word names
    # the term wherever it is written, also as the one-word form of a longer term.
    assert onto.lookup("mocking").ambiguous and onto.lookup("mocking").term
    assert not onto.lookup("clickjacking").ambiguous
    assert onto.lookup("spearphishing").name == "spear phishing"
    assert not onto.lookup("spearphishing").ambiguous
    # Other registry concepts still need it.
    assert onto.lookup("use case").ambiguous and not onto.lookup("use case").term


def test_a_pattern_catalogue_name_that_says_pattern_is_a_term():
    snap = registry.Snapshot(
        "owner/repo patterns@0123456789abcdef",
        [{"title": "Repository"}, {"title": "Service Layer"}],
    )
    got = {c.name: c for c in registry.patterns(snap, registry.Words(frozenset()))}
    # "repository pattern" names the pattern; "service layer" also reads as a plain phrase
    assert got["repository pattern"].term and not got["service layer"].term
    onto = load_ontology()
    assert not onto.lookup("repository pattern").ambiguous
    assert onto.lookup("service layer").ambiguous


def test_a_catalogue_concept_that_is_a_popular_tag_is_a_term():
    snap = registry.Snapshot(
        "owner/repo tags.csv@0123456789abcdef",
        [
            {"tag": "dependency-injection", "stackoverflow": "900", "serverfault": "200"},
            {"tag": "linked-lists", "stackoverflow": "1500", "serverfault": "0"},
            {"tag": "use-case", "stackoverflow": "700", "serverfault": "0"},
            {"tag": "recursion", "stackoverflow": "40000", "serverfault": "0"},
        ],
    )
    questions = registry.stack_questions(snap)
    # the two sites add up; a plural tag counts for the singular concept name
    assert questions["dependency injection"] == 1100 and questions["linked list"] == 1500

    def concept(name: str) -> registry.Candidate:
        return registry.Candidate(name, "CONCEPT", "owner/repo f@0", "concepts_acm")

    entries = [concept(n) for n in ("dependency injection", "Linked-List", "use case")]
    entries += [
        concept("recursion"),
        registry.Candidate("Dependency Injection", "TECHNOLOGY", "", ""),
    ]
    registry.popular_terms(entries, questions)
    # asked about often enough: established terms; below the threshold, one word (a one-word
    # tag is not in the snapshot) or not a concept: unchanged
    assert [c.term for c in entries] == [True, True, False, False, False]
    onto = load_ontology()
    assert onto.lookup("dependency injection").term
    assert not onto.lookup("dependency injection").ambiguous


def test_a_field_glossary_row_may_list_the_terms_written_forms():
    snap = registry.Snapshot(
        "owner/repo glossary.md@0123456789abcdef",
        [{"term": "Security by default", "aliases": "secure by default; "}, {"term": "Fail-safe"}],
    )
    got = {c.name: c for c in registry.field_terms(snap, registry.Words(frozenset()))}
    assert got["security by default"].aliases == ["secure by default"]
    assert got["security by default"].term and got["fail-safe"].aliases == []


def test_github_topics_add_coined_software_names_only(words):
    snap = registry.Snapshot(
        source="github/explore topics/*/index.md@" + "0" * 40,
        rows=[
            {"display_name": n, "aliases": a, "topic": n.lower(), "github_url": "x"}
            for n, a in [
                ("Vite", "vitejs"),
                ("Preact.js", ""),
                ("Express", ""),
                ("Docker Image", ""),
                ("Matrix", ""),
            ]
        ],
    )
    taken = {"preact": None, "express.js": None, "docker": None}
    got = {c.name: c for c in registry.explore(snap, registry.Words(words), taken)}
    assert set(got) == {"Vite"}
    assert got["Vite"].aliases == ["vitejs"] and got["Vite"].type == "TECHNOLOGY"


def test_simple_icons_add_software_from_its_own_repository_only(words):
    snap = registry.Snapshot(
        source="simple-icons/simple-icons data/simple-icons.json@" + "0" * 40,
        rows=[
            {"title": t, "aliases": a, "repository": r}
            for t, a, r in [
                ("Axios", "", "github.com/axios/axios"),
                ("Zorbo Suite", "Zorboctl", "github.com/zorbo-org/zorboctl"),
                ("Anime.js", "", "github.com/simple-icons/simple-icons"),
                ("Flat", "", "github.com/flat/flat"),
                ("JSR", "", "github.com/jsr-io/jsr"),
                ("Preact.js", "", "github.com/preactjs/preact"),
            ]
        ],
    )
    got = {c.name: c for c in registry.icons(snap, registry.Words(words), {"preact": None})}
    assert set(got) == {"Axios", "Zorbo Suite"}
    assert got["Zorbo Suite"].aliases == ["Zorboctl"] and got["Axios"].type == "TECHNOLOGY"
    assert got["Axios"].out == "technologies_simple_icons"


def test_an_engineering_blog_list_adds_the_companies_not_their_teams(words):
    snap = registry.Snapshot(
        source="kilimchoi/engineering-blogs README.md@" + "0" * 40,
        rows=[
            {"name": n, "url": "https://example.org/blog"}
            for n in [
                "Zorbly",
                "Quill Fix",
                "PubZorb:",
                "Zorbly Old",
                "Quillmark(old)",
                "Zorbly Automation Team",
                "Quillmark Hacks",
                "CSC - IT Center - Cloud Team",
                "Simple",
            ]
        ],
    )
    got = {c.name: c for c in registry.blog_companies(snap, registry.Words(words))}
    assert set(got) == {"Zorbly", "Quill Fix", "PubZorb"}
    assert {c.type for c in got.values()} == {"COMPANY"}
    assert got["Zorbly"].out == "companies_engineering_blogs"


def test_security_catalogues_type_threat_groups_malware_and_exploited_products():
    """Threat groups are organisations, malware and ransomware families technologies, and
    a known-exploited product is its vendor's technology (CISA KEV)."""
    onto = load_ontology()
    for group in ("Scattered Spider", "Lazarus Group", "APT29", "Fancy Bear", "Volt Typhoon"):
        assert onto.lookup(group).type == "COMPANY", group
    assert onto.lookup("Fancy Bear").name == "APT28"
    for family in ("LockBit", "Emotet", "Cobalt Strike", "Mimikatz", "BlackCat", "ALPHV"):
        assert onto.lookup(family).type == "TECHNOLOGY", family
    netscaler = onto.lookup("NetScaler ADC")
    assert (netscaler.name, netscaler.type, netscaler.company) == (
        "Citrix NetScaler ADC",
        "TECHNOLOGY",
        "Citrix",
    )
    assert onto.lookup("Ivanti").type == "COMPANY"
    # a one-word camel-case brand goes by its own name, its vendor's form an alias
    assert onto.lookup("Fortinet FortiWeb").name == "FortiWeb"
    assert onto.lookup("FortiWeb").company == "Fortinet"
    assert onto.lookup("Fortinet FortiOS").company == "Fortinet"  # FortiOS alone is Fortio's
    assert onto.lookup("Pulse Connect Secure").type == "TECHNOLOGY"
    # catalogue names were screened against the dictionary: one-word names need no support
    for name in ("Emotet", "Turla", "APT3", "Kimsuky"):
        assert onto.lookup(name).term and not onto.lookup(name).ambiguous, name
    # ... but another source's one-word name without an inner capital still does
    assert onto.lookup("Flux").ambiguous


@pytest.mark.parametrize(
    "name",
    [
        "Trojan.Karagany",  # a detection name
        "OSX/Shlayer",
        "Operation Wocao",  # a campaign
        "RTM",  # too short: release to manufacturing first
        "Royal",  # a plain word
        "RIP lmao",
    ],
)
def test_threat_catalogue_names_that_are_not_names_people_write_are_left_out(name, words):
    assert not registry._threat_name(name, registry.Words(words))


def test_kev_products_are_split_named_by_vendor_and_screened(words):
    snap = registry.Snapshot(
        "cisagov/kev-data known_exploited_vulnerabilities.csv@0",
        [
            {"vendor": "Acme Networks", "product": "ESXi, Workstation, and NetScaler", "cves": "3"},
            {"vendor": "Acme Networks", "product": "Gateway", "cves": "1"},
            {"vendor": "Acme Networks", "product": "DIR-859 Router", "cves": "1"},
            {"vendor": "Acme Networks", "product": "Multiple Products", "cves": "1"},
            {"vendor": "Acme Networks", "product": "Connect Secure (ICS)", "cves": "1"},
            {"vendor": "CrushFTP", "product": "CrushFTP", "cves": "1"},
            {"vendor": "tj-actions", "product": "changed-files GitHub Action", "cves": "1"},
        ],
    )
    got = {
        c.name: c for c in registry.kev(snap, registry.Words(words), lambda n: None, lambda n: None)
    }
    assert set(got) == {
        "Acme Networks",
        "Acme Networks ESXi",
        "NetScaler",
        "Acme Networks Connect Secure",
        "CrushFTP",
    }
    assert got["Acme Networks"].type == "COMPANY"
    assert got["Acme Networks ESXi"].company == "Acme Networks"
    assert got["Acme Networks ESXi"].aliases == ["ESXi"]
    # Workstation (a plain word) is left out; a camel-case brand goes by its own name
    assert got["NetScaler"].aliases == ["Acme Networks NetScaler"]
    assert got["NetScaler"].company == "Acme Networks"
    assert got["Acme Networks Connect Secure"].aliases == []  # plain words, not a name alone
    assert got["CrushFTP"].type == "TECHNOLOGY" and not got["CrushFTP"].company


def test_endoflife_adds_software_products_under_the_names_writers_use(words):
    snap = registry.Snapshot(
        source="endoflife-date/endoflife.date products/*.md@" + "0" * 40,
        rows=[
            {"title": t, "category": c, "tags": g}
            for t, c, g in [
                ("Zorbix", "os", "linux-distribution"),
                ("Quillbase Server", "database", ""),
                ("Zorbon CMS", "server-app", "php-runtime"),
                ("Acme Quillix", "lang", "acme java-distribution"),
                ("Acme Known", "service", "acme"),
                ("Zorbphone", "device", "mobile-phone"),
                ("Express", "framework", "javascript-runtime"),
                ("nvm", "app", ""),
                ("API Platform", "framework", "php-runtime"),
            ]
        ],
    )
    taken = {"quillbase": None, "known": None}
    got = {
        c.name: c for c in registry.endoflife(snap, registry.Words(words), taken, lambda name: None)
    }
    # The device, the English word, the short name, the plain phrase and the products
    # known already (alone, or under their head) are left out.
    assert set(got) == {"Zorbix", "Zorbon", "Acme Quillix"}
    assert got["Zorbon"].aliases == ["Zorbon CMS"]
    assert got["Acme Quillix"].aliases == ["Quillix"] and got["Acme Quillix"].company == "Acme"
    assert all(c.term and c.type == "TECHNOLOGY" for c in got.values())
    assert got["Zorbix"].out == "technologies_endoflife"


def test_listed_companies_go_by_the_names_writers_give_them(words):
    snap = registry.Snapshot(
        source="datasets/nasdaq-listings data/nasdaq-listed-symbols.csv@" + "0" * 40,
        rows=[
            {"company": n}
            for n in [
                "Zorbaud, Inc. - Common Stock",
                "Quillebrite DI Ltd.",
                "Zorbix Holdings Corp. (Class A)",
                "Quillon Acquisition Corp. II",
                "Zorbimab Therapeutics, Inc.",
                "Fluent, Inc.",
                "Power Solutions International, Inc.",
                "Robert Zorbo Software Inc.",
                "XYZ Corp.",
            ]
        ],
    )
    got = {c.name: c for c in registry.listed_companies(snap, registry.Words(words))}
    # The shell, the drug maker, the English word, the phrase of plain words, the name a
    # given name opens and the short code are left out.
    assert set(got) == {"Zorbaud", "Quillebrite", "Zorbix"}
    assert got["Quillebrite"].aliases == ["Quillebrite DI"]
    assert all(c.term and c.type == "COMPANY" for c in got.values())
    assert got["Zorbaud"].out == "companies_listed"


def test_a_listed_name_loses_its_legal_form_and_share_class():
    assert registry.listed_name("Alphabet Inc. (Class A)") == "Alphabet"
    assert registry.listed_name("Blackbaud, Inc. - Common Stock") == "Blackbaud"
    assert registry.listed_name("Zorbix Holdings Corp.") == "Zorbix"


def test_a_listed_name_keeps_no_dangling_conjunction_of_its_legal_form():
    # "& Company" and "and Company" go whole: "Zorbix &" is no name a post writes.
    assert registry.listed_name("Zorbix & Company") == "Zorbix"
    assert registry.listed_name("Quillon, Zorbaud and Company") == "Quillon, Zorbaud"
    assert registry.listed_name("Zorbix & Quillon, Inc.") == "Zorbix & Quillon"


def test_an_aws_service_without_a_prefix_takes_its_product_familys():
    snap = registry.Snapshot(
        source="boto/botocore botocore/data/*/*/service-2.json@" + "0" * 40,
        rows=[
            {"service_id": i, "full_name": f, "abbreviation": ""}
            for i, f in [
                ("zmr", "Amazon ZMR"),
                ("zmr-serverless", "ZMR Serverless"),
                ("quill", "AWS Quill"),
                ("quill-micro", "Quill MicroVMs"),
                ("elastic-zorb", "Elastic Zorb Recovery"),
                ("zmr-agent", "Agents for Amazon ZMR"),
                ("zmr-agent-runtime", "Agents for Amazon ZMR Runtime"),
            ]
        ],
    )
    got = {c.name: c for c in registry.aws(snap)}
    assert got["Amazon ZMR Serverless"].aliases == ["ZMR Serverless", "AWS ZMR Serverless"]
    assert got["AWS Quill MicroVMs"].aliases == ["Quill MicroVMs"]
    # a plain first word names no family
    assert "AWS Elastic Zorb Recovery" in got
    # a part of another product is written after it; a runtime API is left as it is
    assert got["Amazon ZMR Agents"].aliases == ["Agents for Amazon ZMR"]
    assert "AWS Agents for Amazon ZMR Runtime" in got
    assert onto_name("EMR Serverless") == "Amazon EMR Serverless"


def onto_name(surface: str) -> str:
    return load_ontology().lookup(surface).name


def test_member_and_blog_companies_named_only_as_names_need_no_support(words):
    src = "cncf/landscape landscape.yml@" + "0" * 12
    entries = [
        registry.Candidate("Zorbpanda", "COMPANY", src, "companies_cncf"),
        registry.Candidate("Segment", "COMPANY", src, "companies_cncf", ambiguous=True),
        registry.Candidate("Quill Fix", "COMPANY", src, "companies_engineering_blogs"),
        registry.Candidate("Zorbix", "TECHNOLOGY", src, "technologies_cncf"),
    ]
    registry.screened_company_names(entries, registry.Words(words))
    assert [c.term for c in entries] == [True, False, False, False]


def test_research_institutions_are_organisations_under_their_full_names(words):
    snap = registry.Snapshot(
        source="emeryberger/CSrankings institutions.csv@" + "0" * 40,
        rows=[
            {"institution": n}
            for n in [
                "University of Zorbsville",
                "Univ. of Quillfornia - Zorbley",
                "The University of Quillabama",
                "ZORBL",
                "JUST",
                "Zorb/GU",
                "CUHK (SZ)",
                "Simon Zorbser University",
                "Norway University of Zorbing",
            ]
        ],
    )
    got = [c.name for c in registry.universities(snap, registry.Words(words))]
    assert got == [
        "University of Zorbsville",
        "University of Quillfornia, Zorbley",
        "University of Quillabama",
        "ZORBL",
    ]


def test_start_ups_are_companies_when_their_names_read_only_as_names(words):
    snap = registry.Snapshot(
        source="lukafilipxvic/YC-Analyzed data/2025-03-20/YC_Companies.csv@" + "0" * 40,
        rows=[
            {"name": n, "status": s, "industry": i}
            for n, s, i in [
                ("Zorbago", "Active", "fintech, saas"),
                ("Quillune AI", "Acquired", "artificial-intelligence"),
                ("Zorbflow", "Inactive", "saas"),
                ("Quillmed", "Active", "health-tech"),
                ("Zorbdash", "Active", "developer-tools, saas"),
                ("Convoy", "Active", "logistics"),
                ("TableFlow", "Active", "saas"),
                ("Robert Zorbo", "Active", "saas"),
                ("Zorb/Quill", "Active", "saas"),
            ]
        ],
    )
    got = {c.name: c for c in registry.yc_companies(snap, registry.Words(words))}
    # The closed start-up, the health company, the tool maker (its name is its product's),
    # the English word, the name joined from plain words (read apart as "Table Flow"), the
    # name a given name opens and the joint name are left out.
    assert set(got) == {"Zorbago", "Quillune"}
    assert got["Quillune"].aliases == ["Quillune AI"]
    assert all(c.term and c.type == "COMPANY" and c.out == "companies_yc" for c in got.values())


def test_database_systems_are_technologies_unless_named_by_plain_words(words):
    snap = registry.Snapshot(
        source="cmu-db/dbdb.io current_data/data_json/*.json@" + "0" * 40,
        rows=[{"name": n} for n in ["Zorbnesia", "ZorbDB", "DeepDive", "Drizzle", "Calvin", "XDB"]],
    )
    got = [c.name for c in registry.dbdb_systems(snap, registry.Words(words))]
    assert got == ["Zorbnesia", "ZorbDB"]
    assert onto_name("Mnesia") == "Mnesia"


def test_a_company_goes_by_its_head_before_a_tail_writers_leave_out(words):
    w = registry.Words(words)
    assert registry._short_company_name("Zorbspace Technology", w) == (
        "Zorbspace",
        ["Zorbspace Technology"],
    )
    assert registry._short_company_name("Quillebrite DI", w) == ("Quillebrite", ["Quillebrite DI"])
    # a web company's ".com" goes; an ".ai" name keeps its ending
    assert registry._short_company_name("Zorboola.com", w) == ("Zorboola", ["Zorboola.com"])
    assert registry._short_company_name("Zorbkata.ai", w) == ("Zorbkata.ai", [])
    # an acronym is shared by many things; a plain word names nothing
    assert registry._short_company_name("ZORB Global", w) == ("ZORB Global", [])
    assert registry._short_company_name("Anchor Systems", w) == ("Anchor Systems", [])


def test_employers_of_software_engineers_are_companies_not_their_teams(words):
    snap = registry.Snapshot(
        source="poteto/hiring-without-whiteboards README.md@" + "0" * 40,
        rows=[
            {"name": n}
            for n in [
                "Zorblan",
                "Quillcamp GmbH",
                "'Zorbshace, LLC",
                "Zorbft's Mobile Team",
                "Quillgemini UK Java Team",
                "ALICE",
                "Superzorb &",
                "Anchor",
            ]
        ],
    )
    got = {c.name: c for c in registry.tech_employers(snap, registry.Words(words))}
    # Teams, a given name in capitals and a plain word are left out; a legal form, a
    # quote, a note after a comma and a dangling '&' go.
    assert set(got) == {"Zorblan", "Quillcamp", "Zorbshace", "Superzorb"}
    assert all(c.term and c.out == "companies_tech_employers" for c in got.values())


def test_catalogued_software_named_only_as_a_name_needs_no_support(words):
    src = "cncf/landscape landscape.yml@" + "0" * 12
    entries = [
        registry.Candidate("Zorbhook", "TECHNOLOGY", src, "technologies_cncf"),
        registry.Candidate("Zorb", "TECHNOLOGY", src, "technologies_cncf"),
        registry.Candidate("Deployer", "TECHNOLOGY", src, "technologies_simple_icons"),
        registry.Candidate("TableFlow", "TECHNOLOGY", src, "technologies_github_topics"),
        registry.Candidate("Score", "TECHNOLOGY", src, "technologies_cncf", ambiguous=True),
        registry.Candidate("Zorbscript", "TECHNOLOGY", src, "technologies_languages"),
    ]
    registry.screened_technology_names(entries, registry.Words(words))
    # A short name, a plain word's agent noun, a name joined from plain words, a plain
    # word and a source not screened when read all still ask for support.
    assert [c.term for c in entries] == [True, False, False, False, False, False]


def test_pypi_packages_are_lower_case_names_that_read_only_as_names(words):
    snap = registry.Snapshot(
        source="hugovk/top-pypi-packages top-pypi-packages.csv@" + "0" * 40,
        rows=[
            {"project": n, "downloads": "1"}
            for n in [
                "zorbarrow",  # a coined name: kept
                "python-dateutil",  # an install name with a separator
                "s3fs",  # four characters or fewer
                "requests",  # an English word
                "filelock",  # run together from plain words
                "installer",  # a plain word's agent noun
                "pathlib2",  # a standard-library backport
                "iso8601",  # a standard's number
            ]
        ],
    )
    got = registry.pypi_packages(snap, registry.Words(words))
    assert [c.name for c in got] == ["zorbarrow"]
    assert got[0].type == "TECHNOLOGY" and got[0].term
    pyarrow = load_ontology().lookup("pyarrow")
    assert pyarrow is not None and pyarrow.case_sensitive and not pyarrow.ambiguous


def test_the_largest_companies_are_kept_unless_short_or_plain(words):
    snap = registry.Snapshot(
        source="someone/forbes-global-2000 data.csv@" + "0" * 40,
        rows=[
            {"rank": "1", "company": n, "country": "X", "industry": "Y"}
            for n in ["Zorbazeneca PLC", "ZBCB", "Orange", "General Motors", "Zorbmens AG"]
        ],
    )
    got = [c.name for c in registry.global_companies(snap, registry.Words(words))]
    assert got == ["Zorbazeneca", "Zorbmens"]
    assert onto_name("AstraZeneca") == "AstraZeneca"


def test_unicorns_are_companies_unless_pinyin_joined_words_or_tool_makers(words):
    snap = registry.Snapshot(
        source="palroy07/maven_unicorn Unicorn_Companies.csv@" + "0" * 40,
        rows=[
            {"name": n, "industry": i, "country": "X"}
            for n, i in [
                ("Zorklook", "Travel"),
                ("Zorbamove Labs", "Supply chain, logistics, & delivery"),
                ("Xiaobing", "Artificial intelligence"),  # pinyin: a Chinese given name too
                ("TableFlow", "Fintech"),  # joined from plain words: read apart too
                ("Zorbinary", "Internet software & services"),  # a software maker
                ("Zorbbolt", "Data management & analytics"),  # named after its product too
                ("Quilldoc", "Health"),
                ("Convoy", "Auto & transportation"),  # an English word
            ]
        ],
    )
    got = {c.name: c for c in registry.unicorn_companies(snap, registry.Words(words))}
    assert set(got) == {"Zorklook", "Zorbamove"}
    assert got["Zorbamove"].aliases == ["Zorbamove Labs"]
    assert all(c.term and c.out == "companies_unicorns" for c in got.values())
    assert onto_name("Klook") == "Klook"


@pytest.mark.parametrize(
    "name, pinyin",
    [
        ("Xiaohongshu", True),
        ("Meicai", True),
        ("Zuoyebang", True),
        ("Nuro", False),
        ("Zego", False),
        ("Afiniti", False),
        ("Klook", False),
        ("Lalamove", False),
    ],
)
def test_a_name_of_pinyin_syllables_only_is_recognised(name, pinyin):
    assert registry._pinyin_name(name) is pinyin


def test_google_cloud_products_go_by_the_names_writers_give_them(words):
    snap = registry.Snapshot(
        source="gregsramblings/google-cloud-4-words README.md@" + "0" * 40,
        rows=[
            {"name": n, "section": "S"}
            for n in [
                "Cloud Zorbtasks",  # a brand after "Cloud": the short form is a name
                "Cloud Tasks",  # a plain phrase after "Cloud": asks for support
                "Traffic Director",  # plain words: only under the full name
                "Quillbase Hosting",  # a brand: its own name
                "GCP Marketplace",
                "Compute Engine",  # the curated Google Compute Engine
                "Cloud Code for IntelliJ",  # a tool for another product
                "Preemptible VMs",  # a kind of machine
                "Maven App Engine Plugin",
            ]
        ],
    )
    taken = {"google compute engine": None, "compute engine": None}
    got = {c.name: c for c in registry.gcp(snap, registry.Words(words), taken)}
    assert set(got) == {
        "Google Cloud Zorbtasks",
        "Google Cloud Tasks",
        "Google Cloud Traffic Director",
        "Quillbase Hosting",
        "Google Cloud Marketplace",
    }
    assert got["Google Cloud Zorbtasks"].aliases == ["Cloud Zorbtasks"]
    assert not got["Google Cloud Zorbtasks"].needs_support
    assert got["Google Cloud Tasks"].aliases == ["Cloud Tasks"]
    assert got["Google Cloud Tasks"].needs_support
    assert got["Google Cloud Traffic Director"].aliases == []
    assert all(c.company == "Google" and c.type == "TECHNOLOGY" for c in got.values())
    assert onto_name("Cloud Scheduler") == "Google Cloud Scheduler"


def test_a_language_keeps_no_lower_case_alias_of_plain_words(words):
    # "plain text" and "man page" name the thing itself; "zorbroff" and "zorb-page" stay.
    snap = registry.Snapshot(
        source="github-linguist/linguist lib/linguist/languages.yml@" + "0" * 40,
        rows=[
            {"name": "Zorbtext", "type": "prose", "group": "", "aliases": "plain text|zorbtxt"},
            {"name": "Zorbroff", "type": "markup", "group": "", "aliases": "man page|zorb-page"},
        ],
    )
    got = {c.name: c.aliases for c in registry.linguist(snap, registry.Words(words))}
    assert got == {"Zorbtext": ["zorbtxt"], "Zorbroff": ["zorb-page"]}


def test_web_site_brands_are_companies_screened_as_the_start_ups_are(words):
    snap = registry.Snapshot(
        source="simple-icons/simple-icons data/simple-icons.json@" + "0" * 40,
        rows=[
            {"title": t, "aliases": "", "rank": "1", "domain": "x.com"}
            for t in ["Zorbimeo", "Zorbup", "Meetup", "ZRB", "Xiaobing", "Quill Zorbics"]
        ],
    )
    got = {c.name: c for c in registry.site_brands(snap, registry.Words(words))}
    # A verb run into its particle ("a meetup"), an acronym and pinyin syllables go.
    assert set(got) == {"Zorbimeo", "Zorbup", "Quill Zorbics"}
    assert all(c.type == "COMPANY" and c.term for c in got.values())
    assert got["Zorbimeo"].out == "companies_web_services"


def test_an_aws_runtime_or_data_plane_api_is_named_as_its_product():
    snap = registry.Snapshot(
        source="boto/botocore botocore/data/*/*/service-2.json@" + "0" * 40,
        rows=[
            {"service_id": i, "full_name": f, "abbreviation": ""}
            for i, f in [
                ("zmr", "Amazon ZMR"),
                ("zmr-runtime", "Amazon ZMR Runtime"),
                ("zmr-store-runtime", "Amazon ZMR Zorb Store Runtime"),
                ("quill-data", "AWS Quill Jobs Data Plane"),
            ]
        ],
    )
    got = {c.name: c.aliases for c in registry.aws(snap)}
    # A product with a service of its own keeps it; the API's name becomes an alias.
    assert got["Amazon ZMR Zorb Store"] == ["Amazon ZMR Zorb Store Runtime"]
    assert got["AWS Quill Jobs"] == ["AWS Quill Jobs Data Plane"]
    assert "Amazon ZMR Runtime" in got
    assert onto_name("Amazon SageMaker Feature Store") == "Amazon SageMaker Feature Store"
