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
