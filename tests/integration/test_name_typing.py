"""Where a discovered name ends and whether it is an organisation or a product (entity
rules: organisations are COMPANY, products TECHNOLOGY; spans never cut a name), on the
text shapes of newsletters and security digests."""

from __future__ import annotations

import pytest


def _typed(ex, title, summary=""):
    # the surface may keep a possessive ending; scoring compares names without it
    return {(m.text.removesuffix("'s"), m.type) for m in ex.extract_text(title, summary)}


def _texts(ex, title, summary=""):
    return {m.text for m in ex.extract_text(title, summary)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "name"),
    [
        # a list with more known companies than technologies is a list of organisations
        (
            "The worm dragged OpenAI, Mistral, Zorblio, and Guardrails AI into the blast radius.",
            "Zorblio",
        ),
        # "the X group": a group of people (a threat actor, a vendor)
        ("The plant fell victim to a ransomware attack from the Quillcat group.", "Quillcat"),
        # the kind of business first, its name in apposition
        (
            "Now a healthcare company, Brightmoor Medical Center, has lost patient records.",
            "Brightmoor Medical Center",
        ),
        # a new name used as a possessive
        ("The breach was Zorbtek's fifth supply chain compromise this year.", "Zorbtek"),
        # what only an organisation has, even after a plain word opening the sentence
        ("Lighthouse's newest product runs on Kubernetes.", "Lighthouse"),
        # a known product's name as a workplace is the organisation behind it
        (
            "I maintain an internal-facing service at Heroku that does metadata processing.",
            "Heroku",
        ),
        # a newspaper keeps its article
        (
            "The Wall Street Journal reported that the systems were taken offline.",
            "The Wall Street Journal",
        ),
    ],
)
def test_organisations_by_what_the_sentence_says(ex, summary, name):
    found = _typed(ex, "A post", summary)
    assert (name, "COMPANY") in found, found


@pytest.mark.model
def test_a_languages_engineers_do_not_make_it_an_organisation(ex):
    found = _typed(ex, "A post", "Zorbly improved the productivity of its iOS engineers.")
    assert ("iOS", "TECHNOLOGY") in found, found


@pytest.mark.model
def test_an_organisation_defined_by_its_acronym_gives_the_acronym_its_type(ex):
    mentions = ex.extract_text(
        "A post",
        "The network of Brightmoor Health Services (BHS) was infected with ransomware. "
        "BHS took systems offline as a precaution.",
    )
    found = {(m.text, m.type, m.canonical) for m in mentions}
    assert ("Brightmoor Health Services", "COMPANY", "Brightmoor Health Services") in found
    assert ("BHS", "COMPANY", "Brightmoor Health Services") in found, found


@pytest.mark.model
def test_a_title_that_is_only_a_blog_name_is_the_company(ex):
    assert ("Zillow", "COMPANY") in _typed(ex, "Zillow Engineering")
    assert "Netflix TechBlog" not in _texts(ex, "Netflix TechBlog")


@pytest.mark.model
def test_a_name_is_not_cut_at_a_hyphen_or_kept_with_a_trademark_sign(ex):
    found = _texts(ex, "A post", "Plans using T-Mobile, Sprint, and Wi-Fi extend coverage.")
    assert "Wi" not in found, found
    found = _texts(ex, "A post", "We solve hard problems like real-time Zorbimates®, at scale.")
    assert "Zorbimates" in found and "Zorbimates®" not in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "absent"),
    [
        ("It was released as an open weight model with a permissive MIT license.", "MIT"),
        ("We keep that 60 FPS ink feel in the browser.", "FPS"),
        ("This post shows how the Revenue & Growth Tools (RGT) team builds tools.", "RGT"),
        ("Driven in part by the U.S. chip embargo, the team had to innovate.", "U.S."),
        ("He holds a PhD from a university in London.", "PhD"),
    ],
)
def test_licences_units_teams_places_and_degrees_are_no_names(ex, summary, absent):
    assert absent not in _texts(ex, "A post", summary)


@pytest.mark.model
def test_a_preposition_gerund_is_no_part_of_a_concept(ex):
    found = _texts(
        ex, "A post", "AI engineering needs discipline, including model gateways and retries."
    )
    assert "including model gateways" not in found, found


@pytest.mark.model
def test_a_workplace_makes_a_known_product_the_organisation_in_all_its_mentions(ex):
    found = _typed(
        ex,
        "Chat at scale",
        "Every message goes through Riot chat servers. I work on the Player Accounts team at Riot.",
    )
    assert ("Riot", "COMPANY") in found and ("Riot", "TECHNOLOGY") not in found, found
    found = _typed(ex, "TAO Revisited", "The article looks back at TAO, the data store.")
    assert ("TAO", "TECHNOLOGY") in found, found


@pytest.mark.model
def test_names_the_model_reads_as_one_across_a_comma_are_each_a_name(ex):
    found = _typed(
        ex, "A post", "He held positions at companies like Microsoft, McAfee, Google, and Zorbly."
    )
    assert ("McAfee", "COMPANY") in found, found


@pytest.mark.model
def test_a_business_word_as_a_modifier_makes_no_organisation(ex):
    found = _typed(
        ex, "A post", "This work presents Zorbswap, a novel provider-side cold-start optimization."
    )
    assert ("Zorbswap", "TECHNOLOGY") in found, found


@pytest.mark.model
def test_a_registry_name_listed_among_companies_is_a_company(ex):
    found = _typed(
        ex, "A post", "The worm dragged OpenAI, Mistral, and Guardrails AI into the blast radius."
    )
    assert ("Guardrails AI", "COMPANY") in found, found


@pytest.mark.model
def test_an_executive_title_after_a_name_makes_it_an_organisation(ex):
    # a registry company name that could be a plain word needs the sentence's support
    found = _typed(ex, "A post", "In the talk, Sysdig CISO Dana Okafor explains why offence wins.")
    assert ("Sysdig", "COMPANY") in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    "summary",
    [
        "F5 is buying Threat Stack for $68 million in cash.",
        "The acquisition of Threat Stack closed this week.",
    ],
)
def test_a_registry_name_that_a_business_buys_is_a_company(ex, summary):
    found = _typed(ex, "A post", summary)
    assert ("Threat Stack", "COMPANY") in found, found


@pytest.mark.model
def test_a_registry_name_used_as_a_product_stays_a_product(ex):
    found = _typed(ex, "A post", "The team deployed Threat Stack agents on every host.")
    assert ("Threat Stack", "COMPANY") not in found, found


@pytest.mark.model
def test_a_name_with_a_release_number_is_a_product_in_all_its_mentions(ex):
    summary = "The full Zorbkit 4.1 release blog covers the API, beside Zorbkit’s native @Single."
    found = _typed(ex, "A post", summary)
    assert ("Zorbkit’s", "COMPANY") not in found and ("Zorbkit 4.1", "COMPANY") not in found, found


@pytest.mark.model
def test_a_python_style_name_with_a_possessive_stays_a_product(ex):
    found = _typed(
        ex, "If ZorbPy is So Great, Why Isn’t Anyone Using It?", "ZorbPy’s problem is hard."
    )
    assert not any(t == "COMPANY" for _, t in found), found


@pytest.mark.model
def test_the_last_word_of_a_known_product_named_in_the_post_is_its_short_form(ex):
    summary = "Android Studio is now stable. The model powering Studio’s AI features is updated."
    found = {(m.text, m.type, m.canonical) for m in ex.extract_text("A post", summary)}
    assert ("Studio’s", "TECHNOLOGY", "Android Studio") in found, found


@pytest.mark.model
def test_a_name_after_a_spaced_at_sign_is_a_workplace(ex):
    found = _typed(ex, "Scaling @ ZorbFresh: API Gateway", "ZorbFresh keeps growing every day.")
    assert ("ZorbFresh", "COMPANY") in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("source", "url"),
    [
        ("Zorblix Tech Blog", ""),
        ("Zorblix Engineering (Medium)", ""),
        ("A mirror", "https://blog.zorblix.com/posts/cache-warming"),
    ],
)
def test_the_posts_publisher_named_by_its_source_or_host_is_the_organisation(ex, source, url):
    from kgraph.model import Post

    post = Post(
        id="p",
        title="Multi-region checkout, part 2",
        summary="Checkout traffic now runs through Zorblix in two regions.",
        source=source,
        url=url,
    )
    found = {(m.text, m.type) for m in next(iter(ex.extract([post])))}
    assert ("Zorblix", "COMPANY") in found, found


def test_only_the_publishers_own_name_is_read_from_the_source_and_host():
    from kgraph.extract.publisher import source_keys

    assert source_keys("Zorblix Tech Blog (Medium)", "") >= {"zorblix"}
    assert "zorblix" in source_keys("zorblixtech (Medium)", "https://medium.com/zorblixtech")
    assert "zorblix" in source_keys("A mirror", "https://blog.zorblix.co.uk/p/1")
    assert "zorblix" in source_keys("Open source blog", "http://zorblix.github.io/")
    # a newsletter's or show's name and site are a writer's, not an organisation's
    keys = source_keys("Adventures in Quarrel (newsletter)", "https://adventures.quarrel.dev/x")
    assert not keys & {"adventures", "quarrel"}
    # a title's first word, a subdomain and a hosting service are no publisher
    keys = source_keys("Cloud Native Weekly", "https://cloud.substack.com/p/1")
    assert not keys & {"cloud", "substack"}


@pytest.mark.model
def test_the_publishers_name_is_discovered_where_it_looks_like_a_place(ex):
    from kgraph.model import Post

    post = Post(
        id="p",
        title="The story of a checkout rewrite in Zorblistan",
        summary="We launched a new checkout service in Zorblistan.",
        source="zorblistantech (Medium)",
    )
    found = {(m.text, m.type) for m in next(iter(ex.extract([post])))}
    assert ("Zorblistan", "COMPANY") in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("source", "summary", "name"),
    [
        # plain words, after "at": the NER and the one-word cues pass over them
        (
            "Zorbly Market Engineering (Medium)",
            "The data team at Zorbly Market is rather young.",
            "Zorbly Market",
        ),
        # the publisher's name written in lower case
        ("Quorvix Tech blog", "The quorvix engineering stack runs on Go.", "quorvix"),
    ],
)
def test_the_publishers_name_the_ner_misses_is_the_organisation(ex, source, summary, name):
    from kgraph.model import Post

    post = Post(id="p", title="A post", summary=summary, source=source)
    found = {(m.text, m.type) for m in next(iter(ex.extract([post])))}
    assert (name, "COMPANY") in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    "summary",
    [
        "Distributed Readings archives",  # a feed's label of plain words
        "Quarrel Weekly: big-data",  # the label before the topic
        "Uber x Apache Pinot Meetup",  # the end of an event's name
        "Photos shown on quorvix are ranked.",  # a site used as a product
    ],
)
def test_the_publishers_name_as_a_label_or_a_tool_is_no_new_organisation(ex, summary):
    from kgraph.extract.publisher import publisher_keys, squeezed
    from kgraph.model import Post

    source = {"D": "Distributed Readings", "Q": "Quarrel Weekly", "U": "Meetup (talks)"}.get(
        summary[0], "quorvix tech blog"
    )
    post = Post(id="p", title="A post", summary=summary, source=source)
    found = {(m.text, m.type) for m in next(iter(ex.extract([post])))}
    own = publisher_keys(post)
    assert not any(t == "COMPANY" and squeezed(n) in own for n, t in found), found


@pytest.mark.model
def test_a_known_companys_name_with_a_release_number_is_its_product(ex):
    found = _typed(ex, "Tailscale v1.10 is out", "Tailscale 1.10 is now available everywhere.")
    assert ("Tailscale v1.10", "TECHNOLOGY") in found, found
    assert ("Tailscale 1.10", "TECHNOLOGY") in found, found


@pytest.mark.model
def test_a_product_before_a_preposition_and_its_is_not_acting(ex):
    summary = "Zorbly, an open-source replication tool, initially used Docker for its builds."
    found = _typed(ex, "A post", summary)
    assert ("Docker", "TECHNOLOGY") in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "name"),
    [
        # a known company's unit listed with companies
        ("Enterprises like Grofers and Paytm Zorbmart run Loki on premise.", "Paytm Zorbmart"),
        # a known company's other name
        ("It ran on bare metal and VPSs in Zorblayer (now IBM Cloud).", "Zorblayer"),
        ("We moved to Google Cloud (formerly Zorblex) last year.", "Zorblex"),
    ],
)
def test_a_name_listed_with_or_renamed_as_a_company_is_one(ex, summary, name):
    found = _typed(ex, "A post", summary)
    assert (name, "COMPANY") in found, found


@pytest.mark.model
def test_a_full_stop_the_tokenizer_keeps_on_a_name_ends_it(ex):
    summary = "The protocol is WebAuthn, standardized by W3C. Passkeys are synced credentials."
    found = _texts(ex, "A post", summary)
    assert "W3C" in found and not any(". " in t for t in found), found


@pytest.mark.model
def test_a_range_after_a_name_is_no_release(ex):
    found = _texts(ex, "A post", "This makes WarpStream 5-10x cheaper for high volume workloads.")
    assert "WarpStream" in found and "WarpStream 5" not in found, found
    found = _texts(ex, "A post", "Weaviate v1.20 - coming in July - changes this.")
    assert "Weaviate v1.20" in found, found


@pytest.mark.model
def test_a_full_stop_after_a_mixed_case_name_ends_the_sentence_not_the_name(ex):
    found = _texts(ex, "A post", "He solved cold starts with ZorbFaaS. Almost all platforms lag.")
    assert "ZorbFaaS" in found and "ZorbFaaS." not in found, found


@pytest.mark.model
def test_a_participle_hyphened_onto_a_name_is_no_part_of_it(ex):
    found = _texts(ex, "Tracking Down a ZTS-Related Memory Leak", "ZTS holds references.")
    assert "ZTS-Related" not in found, found


@pytest.mark.model
def test_one_thing_of_a_product_named_in_plural_is_the_product(ex):
    found = {
        (m.text, m.canonical)
        for m in ex.extract_text("A post", "A re-usable GitHub action was hijacked.")
    }
    assert ("GitHub action", "GitHub Actions") in found, found


@pytest.mark.model
def test_a_title_that_is_the_feeds_own_name_gives_no_mentions(ex):
    from kgraph.model import Post

    post = Post(
        id="p",
        title="Airbnb Engineering",
        summary="We rebuilt the upload path with Kafka.",
        source="Airbnb Engineering blog",
    )
    mentions = next(iter(ex.extract([post])))
    assert all(m.field == "summary" for m in mentions), mentions
    assert any(m.text == "Kafka" for m in mentions)


@pytest.mark.model
def test_a_companys_api_or_sdk_is_a_product(ex):
    found = {
        (m.text, m.type, m.canonical)
        for m in ex.extract_text(
            "A post", "The first Plaid Link SDK was simple: it called the Plaid API directly."
        )
    }
    assert ("Plaid Link SDK", "TECHNOLOGY", "Plaid Link") in found, found
    assert ("Plaid API", "TECHNOLOGY", "Plaid API") in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    "summary",
    [
        "This week Quorvel and Mark are joined by a product manager.",
        "As tech lead of the integrations team, Quorvel and his team build connectors.",
        "What happens when you get Quorvel, William, and our guest in one room?",
    ],
)
def test_a_name_listed_with_people_is_a_person(ex, summary):
    assert "Quorvel" not in _texts(ex, "A post", summary)


@pytest.mark.model
def test_a_name_listed_with_a_product_stays_a_name(ex):
    assert "Zorblix" in _texts(ex, "A post", "We compared Zorblix and Kafka for streaming.")


@pytest.mark.model
@pytest.mark.parametrize(
    "summary",
    [
        "The provider is getting a Quorvelton, New Zealand region in 2024.",
        "Developers in the Quorvelton offices have been adding features.",
    ],
)
def test_a_name_written_as_a_place_is_no_name(ex, summary):
    assert "Quorvelton" not in _texts(ex, "A post", summary)


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "name"),
    [
        # a full name introduced by a title, and the name joined to it
        (
            "In this session, Zorbly engineers Ashwin Kayyoor and Rakesh Veeramacheneni share "
            "their journey with Apache Iceberg.",
            "Rakesh Veeramacheneni",
        ),
        ("CEO Quorvin Teskildsen explains why the search stack changed.", "Quorvin Teskildsen"),
        # an apposition that is a title, and a title in brackets
        (
            "The call featured a presentation by Anit, a Senior Software Engineer at Uber.",
            "Anit",
        ),
        ("During this talk Preeti (SVP Engineering) unveiled the roadmap for Temporal.", "Preeti"),
        # a registry's one-word name after a given name is a surname
        ("Phil Eaton has looked at which companies are behind Postgres 18.", "Eaton"),
    ],
)
def test_people_introduced_by_title_are_no_names(ex, summary, name):
    assert name not in _texts(ex, "A post", summary)


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "name", "type_"),
    [
        # organisations named in a list after "companies like", "clients including"
        (
            "It powers AI applications at companies like Cursor, Notion, and Linear.",
            "Cursor",
            "COMPANY",
        ),
        ("We built it for clients including Zorbimo and others.", "Zorbimo", "COMPANY"),
        # "at places like": workplaces
        ("He worked at places like Pinterest, Slack, and Stripe.", "Slack", "COMPANY"),
        # a company's name before "alternative" is its product
        (
            "Linen is an open-source Slack/Discord alternative for communities.",
            "Slack",
            "TECHNOLOGY",
        ),
        # a coined name with a release number, and before the kind of software it is
        ("We upgraded our clusters to Zorbly v2.3 last month.", "Zorbly v2.3", "TECHNOLOGY"),
        ("We use the open-source Frobnicator tool to check configs.", "Frobnicator", "TECHNOLOGY"),
        # a coined word in apposition after a preposition
        ("Logs are copied every night via rsync, a standard Unix utility.", "rsync", "TECHNOLOGY"),
        # a known word inside a maker's longer product name
        (
            "Last week we announced Netlify Edge Functions, a serverless runtime.",
            "Netlify Edge Functions",
            "TECHNOLOGY",
        ),
    ],
)
def test_names_typed_by_what_the_sentence_says(ex, summary, name, type_):
    found = _typed(ex, "A post", summary)
    assert (name, type_) in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "name"),
    [
        ("Pingora is released under the Apache License version 2.0.", "Apache License"),
        ("At 2023-06-07 15:01 GMT+7, we detected an increased number of errors.", "GMT+7"),
        ("The error happened at their Miami data center last week.", "Miami"),
    ],
)
def test_licences_time_zones_and_sites_are_no_names(ex, summary, name):
    assert name not in _texts(ex, "A post", summary)


@pytest.mark.model
@pytest.mark.parametrize(
    ("summary", "names"),
    [
        # the writer speaking for the organisation: a plain word or a name read as a person's
        ("At Quillmark Hill, we have invested in a new trading platform.", {"Quillmark Hill"}),
        ("Drawing from my experience at Front, where search was the problem.", {"Front"}),
        # a candidate inside the name gives way to the whole name
        ("In 2025, my team at Mr. Zorbly executed a complex migration.", {"Mr. Zorbly"}),
        # people from organisations, listed
        (
            "Leaders from Orange, Brightwave Telekom, and the Linux Foundation gathered.",
            {"Orange", "Brightwave Telekom", "Linux Foundation"},
        ),
    ],
)
def test_a_workplace_names_an_organisation(ex, summary, names):
    companies = {t for t, ty in _typed(ex, "Notes", summary) if ty == "COMPANY"}
    assert names <= companies


@pytest.mark.model
def test_a_workplace_is_no_event_country_or_list_after_at(ex):
    typed = _typed(ex, "Notes", "At KubeCon, we showed a demo of our scheduler.")
    assert not any(ty == "COMPANY" for _, ty in typed)
    typed = _typed(ex, "Notes", "I am an engineer at Zorbly, Norway's welfare agency.")
    assert ("Norway", "COMPANY") not in typed


@pytest.mark.model
def test_a_maker_named_by_a_participle_is_not_the_tool_after_it(ex):
    typed = _typed(ex, "Notes", "Developed by HashiCorp, the tool codifies cloud APIs.")
    assert ("HashiCorp", "COMPANY") in typed


def test_a_publications_path_and_a_leading_team_word_name_the_publisher():
    from kgraph.extract.publisher import source_keys

    assert "zorbly" in source_keys("Team Zorbly (Medium)", "")
    assert "zorbly" in source_keys("A post", "https://medium.com/team-zorbly/p-1")
    assert "zorbly" in source_keys("A post", "https://medium.com/zorbly-engineering/p-1")
    assert source_keys("A post", "https://medium.com/@someone/p-1") == {"apost"}


@pytest.mark.model
def test_the_publishers_name_before_its_product_or_as_a_possessive_is_the_organisation(ex):
    from kgraph.model import Post

    def companies(summary, source):
        post = Post(id="p", title="Notes", summary=summary, source=source)
        return {m.text for m in next(ex.extract([post])) if m.type == "COMPANY"}

    assert "Zorbly" in companies(
        "We reduced the cold startup time of the Zorbly Android app by 77%.", "Zorbly Engineering"
    )
    assert "Paper Lantern" in companies(
        "We tuned Core Web Vitals for Paper Lantern’s News sites.", "Paper Lantern blog"
    )


@pytest.mark.model
def test_a_name_after_based_in_is_a_place(ex):
    texts = _texts(ex, "Notes", "We are based in Quillmarsh with an upcoming office in Zorbton.")
    assert not texts & {"Quillmarsh", "Zorbton"}


@pytest.mark.parametrize(
    ("after", "defined"),
    [
        (", a Rust-based HTTP proxy that processes a trillion requests", True),
        (" is a reliable and fast accounting database. Its primary", True),
        (", a modern cloud data warehouse, is built on DuckDB", True),
        (" is a high-performance vector database and search engine built", True),
        # the kind word is a modifier: the head decides nothing
        (" is a MySQL-compatible, serverless database platform powered by", False),
        # a business
        (" is an online food delivery company based in London", False),
        (", a major e-commerce platform, migrated", False),
        # no definition: a preposition before the kind, a capitalised name
        (" is a great choice for any distributed system, that", False),
        (" was the excellent performance between Google Compute Engine", False),
    ],
)
def test_a_definition_by_a_kind_of_software(after, defined):
    from kgraph.extract.definitions import defined_as_software

    assert defined_as_software(after) is defined


@pytest.mark.model
def test_a_name_defined_as_software_is_the_product_whatever_else_the_post_says(ex):
    found = _typed(
        ex,
        "Bringing DuckDB to the Cloud",
        "Zorbduck, a modern cloud data warehouse, is built on DuckDB. In a conversation with "
        "Zorbduck founding engineer Dana Okafor we hear how.",
    )
    assert ("Zorbduck", "TECHNOLOGY") in found and ("Zorbduck", "COMPANY") not in found, found


@pytest.mark.model
def test_names_listed_after_a_kind_of_software_are_products(ex):
    found = _typed(
        ex,
        "A post",
        "Our mobile applications — including TurboTax, QuickBooks, Mint, and Mailchimp — "
        "serve millions. Companies like Stripe and Shopify use it.",
    )
    for name in ("TurboTax", "QuickBooks", "Mint", "Mailchimp"):
        assert (name, "TECHNOLOGY") in found, found
    assert ("Stripe", "COMPANY") in found, found


@pytest.mark.model
def test_a_long_list_of_companies_is_no_headline(ex):
    found = _typed(
        ex,
        "A post",
        "Other adopters include Booking.com, Brex, Epic Games, Glovo, Monzo, PagerDuty, "
        "Splunk, Zorbmens, Quilltrade, Twilio, Wise, and hundreds of others.",
    )
    for name in ("Zorbmens", "Quilltrade", "Wise"):
        assert (name, "COMPANY") in found, found


@pytest.mark.model
def test_a_coined_word_before_software_or_security_is_a_company(ex):
    found = _typed(ex, "A post", "Dana Okafor, a VP at Zorbix Software, gave a talk.")
    assert ("Zorbix Software", "COMPANY") in found, found


def test_a_case_study_address_names_its_customer():
    from kgraph.extract.publisher import customer_keys

    assert "zorbly" in customer_keys("https://vendor.example/customers/zorbly/")
    assert "zorbly" in customer_keys("https://vendor.example/case-studies/zorbly-case-study")
    assert not customer_keys("https://customers.vendor.example/blog/post")


def test_a_glued_campaign_ends_no_event():
    from kgraph.extract.discovery_words import event_ending

    assert event_ending("KubeCon") and event_ending("Campaign")
    assert not event_ending("ActiveCampaign")


@pytest.mark.model
def test_a_vendor_listed_with_tools_is_its_product(ex):
    summary = "Fragmented stacks (PagerDuty + Slack + Jira + Google Docs) tax every responder."
    found = _typed(ex, "A post", summary)
    assert ("PagerDuty", "TECHNOLOGY") in found and ("Slack", "TECHNOLOGY") in found, found


@pytest.mark.model
def test_a_vendor_in_a_list_of_organisations_stays_one(ex):
    summary = "Adopters include Monzo, PagerDuty, Splunk, Brex and Wise."
    found = _typed(ex, "A post", summary)
    assert ("PagerDuty", "COMPANY") in found, found


@pytest.mark.model
def test_a_business_defined_at_a_sentence_start_is_a_company(ex):
    summary = "Zorbleton, the parent company that includes two marketplaces, is an example."
    assert ("Zorbleton", "COMPANY") in _typed(ex, "A post", summary)


@pytest.mark.model
def test_a_funding_round_and_a_field_name_are_no_names(ex):
    summary = "Our team at a Series B fintech logs a Request ID and a Parent Transaction ID."
    assert not {m.text for m in ex.extract_text("A post", summary) if m.type != "CONCEPT"}


@pytest.mark.model
def test_a_move_between_two_names_keeps_both(ex):
    found = _typed(ex, "A post", "An automated Java-to-Kotlin code migration system.")
    assert ("Kotlin", "TECHNOLOGY") in found, found


@pytest.mark.model
def test_plain_words_opening_a_sentence_that_defines_a_business_are_its_name(ex):
    summary = "Quill Labs is a London-based startup that has built an agent for support."
    assert ("Quill Labs", "COMPANY") in _typed(ex, "A post", summary)


@pytest.mark.model
def test_a_kind_of_software_called_a_given_name_is_the_product(ex):
    summary = "Dana presents a browser automation assistant called Milton that clicks buttons."
    assert ("Milton", "TECHNOLOGY") in _typed(ex, "A post", summary)


@pytest.mark.model
def test_a_vendor_weighed_against_a_product_is_a_product_and_a_business_act_an_organisation(ex):
    found = _typed(ex, "Okta vs Keycloak: Comparison and easy Okta to Keycloak migration")
    assert ("Okta", "TECHNOLOGY") in found and ("Okta", "COMPANY") not in found, found
    found = _typed(ex, "A post", "CircleCI recently launched a package manager for configuration.")
    assert ("CircleCI", "COMPANY") in found, found
    found = _typed(ex, "A post", "Couchbase and its connectors play a pivotal role in our stack.")
    assert ("Couchbase", "TECHNOLOGY") in found, found


@pytest.mark.model
def test_a_team_named_after_a_company_and_its_work_is_the_companys(ex):
    found = _typed(ex, "A post", "The Zorbly Search Team has built a data store for hotels.")
    assert ("Zorbly", "COMPANY") in found and ("Zorbly Search Team", "COMPANY") not in found, found
    found = _typed(
        ex, "A post", "With modern tools, the Delivery Hero Logistics team cut build times."
    )
    assert ("Delivery Hero", "COMPANY") in found, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("title", "summary", "absent"),
    [
        ("Databricks Data & AI 2024 Summit: A Spark of Innovation", "", "Databricks"),
        ("A post", "The big announcement this week in AWS re-invent is strong consistency.", "AWS"),
        ("A post", "The team shared its story at KubeCon + CloudNativeCon NA 2018.", "KubeCon +"),
    ],
)
def test_a_host_opening_an_events_name_and_an_event_are_no_mentions(ex, title, summary, absent):
    assert absent not in _texts(ex, title, summary)


@pytest.mark.model
def test_a_business_bought_a_time_span_and_a_teams_work_words(ex):
    found = _typed(
        ex, "A post", "Ever since it bought Linode 2 years ago, Akamai has built edge sites."
    )
    assert ("Linode", "COMPANY") in found and not any("Linode 2" in t for t, _ in found), found
    found = _typed(ex, "A post", "Pulley's technical team uses Hasura for its API.")
    assert ("Pulley", "COMPANY") in found, found
