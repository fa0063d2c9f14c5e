"""Loading: source paths (folders, globs, links), decoding and its guesses, HTML to text with offsets;
concept groups of a rules file turned into the aliases of the claims that use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.concepts import with_concepts
from claimcheck.errors import ClaimcheckError
from claimcheck.htmltext import html_to_text
from claimcheck.load import check_encoding, decode, load_rules, read_source, source_paths
from claimcheck.model import Claim, Verdict
from claimcheck.verify import verify


def test_folders_globs_and_files_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("a.txt", "b/c.md", "b/d.html", "b/e.pdf", "b/f.docx", "b/skip.png", "b/.hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = source_paths([str(tmp_path / "b")])
    assert found == [str(tmp_path / "b" / n) for n in ("c.md", "d.html", "e.pdf", "f.docx")]
    assert source_paths([str(tmp_path / "*.txt"), str(tmp_path / "a.txt")]) == [str(tmp_path / "a.txt")]
    assert source_paths([str(tmp_path / "b" / "skip.png")]) == [str(tmp_path / "b" / "skip.png")]  # named: read


def test_glob_matching_a_folder_searches_it(tmp_path: Path) -> None:
    (tmp_path / "news" / "day1").mkdir(parents=True)
    (tmp_path / "news" / "day1" / "a.txt").write_text("x", encoding="utf-8")
    assert source_paths([str(tmp_path / "news" / "*")]) == [str(tmp_path / "news" / "day1" / "a.txt")]


def test_keep_going_keeps_paths_that_name_no_source(tmp_path: Path) -> None:
    missing, empty = str(tmp_path / "missing.txt"), str(tmp_path / "empty")
    (tmp_path / "empty").mkdir()
    assert source_paths([missing, empty], keep_going=True) == [missing, empty]
    for path, message in ((missing, "no such file"), (empty, "folder holds no source files")):
        with pytest.raises(ClaimcheckError, match=message):
            read_source(path)


def test_symlink_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "again").symlink_to(tmp_path, target_is_directory=True)
    assert source_paths([str(tmp_path)]) == [str(tmp_path / "a" / "x.txt")]


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("café".encode(), None, "café"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", None, "café"),
        ("café".encode("utf-16"), None, "café"),
        ("café".encode("utf-32"), None, "café"),
        ("café".encode("utf-16-le"), "utf-16-le", "café"),
        ("café".encode("cp1252"), "cp1252", "café"),
    ],
)
def test_decode(data: bytes, encoding: str | None, text: str) -> None:
    assert decode(data, "s.txt", encoding) == text


@pytest.mark.parametrize(
    ("data", "guess"),
    [
        ("The café “closed” on Monday, said Zoë.".encode("cp1252"), "cp1252"),
        ("Полиция задержала 38 человек в Москве и других городах страны.".encode("cp1251"), "cp1251"),
    ],
)
def test_not_utf8_names_a_likely_encoding(data: bytes, guess: str) -> None:
    if guess != "cp1252":  # only charset_normalizer tells Cyrillic from Western single-byte text
        pytest.importorskip("charset_normalizer")
    with pytest.raises(ClaimcheckError) as err:
        decode(data, "s.txt")
    assert f"it looks like {guess}" in str(err.value)
    assert f"--encoding {guess}" in str(err.value)


def test_not_utf8_without_charset_normalizer(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # an import of it now fails
    with pytest.raises(ClaimcheckError, match="looks like cp1252"):
        decode("café".encode("cp1252"), "s.txt")


def test_check_encoding() -> None:
    assert check_encoding(None) is None
    assert check_encoding("latin-1") == "latin-1"
    with pytest.raises(ClaimcheckError, match="did you mean 'cp1252'"):
        check_encoding("cp1522")


def test_html_to_text_keeps_offsets_and_drops_scripts() -> None:
    original = "<html><head><title>T</title></head><body><p>38 &amp; 9</p><script>var x = 1;</script></body>"
    text, offsets = html_to_text(original)
    assert text.split() == ["38", "&", "9"]
    assert len(offsets) == len(text)
    i = text.index("38")
    assert original[offsets[i] : offsets[i] + 2] == "38"
    assert original[offsets[text.index("&")]] == "&"


def test_html_offsets_cost_memory_per_tag_not_per_character() -> None:
    import pickle

    paragraph = "Flooding hit 38 towns &amp; 9 cities &NotEqualTilde; again. " * 2000
    original = f"<p>{paragraph}</p><p>{paragraph}</p>"
    text, offsets = html_to_text(original)
    assert len(offsets) == len(text)
    for i, ch in enumerate(text):  # each character maps to where it came from: itself, its entity, its tag
        assert original[offsets[i]] == ch or original[offsets[i]] in "&<"
    assert original[offsets[text.index("≂")] :].startswith("&NotEqualTilde;")
    assert original[offsets[text.index("≂") + 1] :].startswith("&NotEqualTilde;")  # both decoded characters
    runs = len(offsets._text)  # type: ignore[attr-defined]
    assert runs * 10 < len(text)  # runs per entity and tag, not per character
    assert pickle.loads(pickle.dumps(offsets)) == offsets
    assert offsets[-1] == offsets[len(text) - 1] and offsets[2:5] == [offsets[2], offsets[3], offsets[4]]


def test_deeply_nested_html() -> None:
    depth = 200_000
    text, _ = html_to_text("<div>" * depth + "38 towns" + "</div>" * depth)
    assert text.strip() == "38 towns"


def test_html_source_located_in_the_original(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<html>\n<body>\n  <p>Flooding hit <b>38</b> towns.</p>\n</body></html>\n", encoding="utf-8")
    source = read_source(str(path))
    assert source.offsets is not None and source.original is not None
    start = source.text.index("Flooding")
    assert source.original[source.offsets[start] :].startswith("Flooding hit <b>38</b>")


# Concept groups in a rules file ----------------------------------------------------------------

SHIP = (("ship", ("shipped", "shipments", "deliveries", "sent out")),)
SHIP_RULES = """\
concepts:
  assemble: [assembled, output, "turned out"]
claims:
  - id: phones
    text: "Kestrel assembled 2.4 million tablets last year"
"""
SHIP_SOURCE = "Output of Kestrel tablets came to 2.4 million last year, the firm said.\n"


def rules_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def aliased_words(claim: Claim) -> list[str]:
    return [word for word, _ in claim.aliases]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kestrel shipped 2.4 million tablets", ["shipped"]),  # a member, by its stem
        ("Kestrel ships 40,000 tablets a month", ["ships"]),  # the group's name is a member too
        ("The depot sent out 9,000 parcels", ["sent"]),  # a phrase, by its content word
        ("The depot sent 9,000 parcels", []),  # part of a phrase is not the phrase
        ("The depot received 9,000 parcels", []),
    ],
)
def test_a_claim_word_of_a_group_gets_the_group_as_aliases(text: str, words: list[str]) -> None:
    claim = with_concepts(Claim("c", text), SHIP)
    assert aliased_words(claim) == words
    for _, members in claim.aliases:
        assert members == ("ship", "shipped", "shipments", "deliveries", "sent")  # "out" would match any passage


def test_a_group_named_like_a_shipped_one_extends_it() -> None:
    claim = with_concepts(Claim("c", "The bakery sold 12,000 loaves"), (("sell", ("dispatched",)),))
    assert aliased_words(claim) == ["sold"]


def test_own_aliases_are_kept_beside_the_groups() -> None:
    claim = with_concepts(Claim("c", "Kestrel shipped 2.4 million tablets", aliases=(("tablets", ("slates",)),)), SHIP)
    assert aliased_words(claim) == ["tablets", "shipped"]


def test_a_user_group_makes_a_claim_agree_with_the_users_word(tmp_path: Path) -> None:
    source = tmp_path / "news.txt"
    source.write_text(SHIP_SOURCE, encoding="utf-8")
    with_group = rules_file(tmp_path, SHIP_RULES)
    (claim,) = load_rules([with_group])
    assert verify([claim], [str(source)]).claims[0].verdict is Verdict.AGREE
    without = rules_file(tmp_path, "claims:" + SHIP_RULES.split("claims:", 1)[1])
    (bare,) = load_rules([without])
    assert bare.aliases == ()
    assert verify([bare], [str(source)]).claims[0].verdict is Verdict.SILENT


def test_a_phrase_member_is_not_found_by_its_function_words(tmp_path: Path) -> None:
    rules = 'concepts:\n  shelve: [shelved, "put on hold"]\nclaims:\n  - {id: p, text: "The board shelved the plan"}\n'
    (claim,) = load_rules([rules_file(tmp_path, rules)])
    verdicts = []
    for text in ("The board put the plan on hold.", "The board put the plan to a vote."):
        (tmp_path / "s.txt").write_text(text, encoding="utf-8")
        verdicts.append(verify([claim], [str(tmp_path / "s.txt")]).claims[0].verdict)
    assert verdicts == [Verdict.AGREE, Verdict.SILENT]


def test_a_file_with_only_ids_and_texts_is_unchanged(tmp_path: Path) -> None:
    (claim,) = load_rules([rules_file(tmp_path, "claims:\n  - id: a\n    text: Kestrel shipped 2.4 million tablets\n")])
    assert claim == Claim("a", "Kestrel shipped 2.4 million tablets", claim.path, 2)


@pytest.mark.parametrize(
    ("concepts", "message", "at"),
    [
        ("concepts: [shipped, deliveries]", "'concepts' must map a group name to a list of words", "1:11"),
        ("concepts:\n  ship: shipped", "concept group 'ship' must be a list of words", "2:9"),
        ("concepts:\n  ship: [shipped, [sent, out]]", "concept group 'ship' must be a list of words", "2:9"),
        ("concepts:\n  ship: []", "concept group 'ship' has no words", "2:9"),
        ("concepts:\n  ship: [shipped, '  ']", "concept group 'ship' has an empty word", "2:19"),
        ("concepts:\n  ship: [shipped]\n  ship: [sent]", "concept group 'ship' given twice", "3:3"),
        ("concepts:\n  [a, b]: [shipped]", "must be a single value", "2:3"),
        ("concept:\n  ship: [shipped]", "unknown top-level key 'concept'", "1:1"),
    ],
)
def test_bad_concepts_name_file_and_line(tmp_path: Path, concepts: str, message: str, at: str) -> None:
    path = rules_file(tmp_path, f"{concepts}\nclaims:\n  - {{id: a, text: Kestrel shipped 2.4 million tablets}}\n")
    with pytest.raises(ClaimcheckError, match=message) as err:
        load_rules([path])
    assert str(err.value).startswith(f"{path}:{at}: error:")
