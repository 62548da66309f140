from kgraph.extract.publisher import source_keys


def test_a_mirror_credits_its_original_publisher():
    assert "zorbly" in source_keys("mirror.org (copy of the Zorbly Techblog feed)", "")
    assert "zorbly" in source_keys("Digest (item on a Zorbly engineering post)", "")
    assert "zorbly" in source_keys("Reader (repost of The Notes, Zorbly's blog)", "")
    assert "zorbly" in source_keys("Site (Zorbly Technology Blog repost)", "")


def test_a_writer_or_a_topic_in_the_note_is_no_publisher():
    keys = source_keys("Weekly (item on a Dana Okafor post)", "")
    assert "danaokafor" not in keys
    assert "http3" not in source_keys("The Zorbly Blog (HTTP/3 feed)", "")
    assert "workersai" not in source_keys("The Zorbly Blog (Workers AI tag feed)", "")


def test_a_talk_write_up_a_case_study_or_an_engineer_credits_the_organisation():
    assert "zorbly" in source_keys(
        "site.com (translation of a Zorbly engineering talk write-up)", ""
    )
    assert "zorbly" in source_keys("site.com (translation of a Zorbly meetup post on Habr)", "")
    assert "zorblylabs" in source_keys("Vendor blog (case study on Zorbly Labs)", "")
    assert "zorbly" in source_keys("Dana Okafor on Medium (Zorbly engineer; author page)", "")
    assert "kubecon" not in source_keys("Reader (KubeCon talk write-up)", "")
