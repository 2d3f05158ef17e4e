"""ingest: normalisation, decoding checks, language, boilerplate and every reader format.

Fixture files are written in ``tmp_path`` from real articles of the shared ISOT Reuters sample;
the French and Spanish paragraphs were written for these tests in the style of a wire report.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitmap import ingest
from sitmap.errors import InputError
from sitmap.ingest import boilerplate, language
from sitmap.model import Document, Skip

FRENCH = (
    "Les forces gouvernementales syriennes ont brisé mardi le siège imposé depuis trois ans par "
    "le groupe État islamique à la ville de Deir ez-Zor, dans l'est du pays, selon les médias "
    "officiels. Des milliers de civils et de soldats y étaient encerclés depuis 2015, et "
    "l'aviation russe a appuyé l'offensive, ont précisé des sources militaires."
)
SPANISH = (
    "Las fuerzas del gobierno sirio rompieron el martes el asedio de tres años que el grupo "
    "Estado Islámico mantenía sobre la ciudad de Deir ez-Zor, en el este del país, según "
    "informaron los medios estatales. Miles de civiles y soldados habían permanecido cercados "
    "desde 2015, y la aviación rusa apoyó el avance, dijeron fuentes militares."
)
BRIEF = "MOSUL, Iraq (Reuters) - Iraqi forces retook the al-Nuri mosque in Mosul on Thursday."


@pytest.fixture(scope="module")
def reuters(shared: Path) -> list[dict]:
    """Three real Reuters articles (id, title, text, published_raw) from the shared sample."""
    path = shared / "corpora" / "isot-reuters-2017-sample.jsonl"
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(40), fh, strict=False)]
    picked = [r for r in rows if "(Reuters)" in r["text"][:80] and "Source link" not in r["text"]]
    return picked[:3]


def _first_words(text: str, n: int = 8) -> str:
    return " ".join(text.split()[:n])


def _html_page(row: dict) -> str:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in row["text"].split(". ") if s.strip())
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{row['title']} | Reuters</title>"
        "<meta property='og:site_name' content='Reuters'>"
        "<meta property='article:published_time' content='2017-12-31T10:00:00Z'>"
        "<link rel='canonical' href='https://www.reuters.com/article/us-usa-budget'>"
        "</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{row['title']}</h1>{paras}</article>"
        "<footer>All quotes delayed a minimum of 15 minutes.</footer></body></html>"
    )


# --- normalisation -------------------------------------------------------------------------


def test_normalise_spaces_keep_length_and_offsets():
    text = "KABUL\u00a0(Reuters) -\u2009Ten\u202fpeople were killed."
    out = ingest.normalise(text)
    assert out == "KABUL (Reuters) - Ten people were killed."
    assert len(out) == len(text)


def test_normalise_line_breaks_controls_and_nfc():
    assert ingest.normalise("a\r\nb\rc\u2029d") == "a\nb\nc\nd"
    assert ingest.normalise("Ankara\x00 said\x07\u200b") == "Ankara said"
    assert ingest.normalise("Mose\u0301") == "Mosé"  # combining accent composed (NFC)


def test_from_text_normalises_and_keeps_spans_consistent():
    doc = ingest.from_text("Ten\u00a0people died in Kabul on Monday, police said.\r\n")
    assert doc.text == "Ten people died in Kabul on Monday, police said.\n"
    assert doc.language == "en"


# --- from_text ----------------------------------------------------------------------------


def test_from_text_reference_article(seed_path: Path):
    doc = ingest.from_text(seed_path.read_text(encoding="utf-8"), source="Anti-Media")
    assert doc.title == "Syrian Army Closing in on Oil-Rich Region the US Wants for Itself"
    assert doc.language == "en"
    labels = [s.label for s in doc.removed]
    assert labels == ["licence footer", "donation appeal"]
    footer, appeal = doc.removed
    assert footer.text == "Creative Commons / Anti-Media / Report a typo"
    assert appeal.text.startswith("Since you’re here…")
    assert appeal.text.endswith("Click here to support us")
    assert appeal.end == len(doc.text.rstrip())
    for span in doc.removed:
        assert doc.text[span.start : span.end] == span.text
    clean = doc.clean_text
    assert "That being said, Russia is also bombing the same territory" in clean
    assert "small favor" not in clean and "Report a typo" not in clean
    assert clean.rstrip().endswith("all bets are off the table until further notice.")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Iraqi forces retake Kirkuk\n\nKIRKUK, Iraq (Reuters) - Iraqi forces took control.",
            "Iraqi forces retake Kirkuk",
        ),
        ("By Tom Perry\n\nBEIRUT (Reuters) - Syrian army forces broke the siege.", None),
        ("BEIRUT (Reuters) - Syrian army forces broke the siege\n\nof Deir al-Zor.", None),
        ("The army said it had retaken the town.\n\nIt gave no details.", None),
        ("Syrian army breaks siege of Deir al-Zor", None),  # nothing after it
    ],
)
def test_detect_title(text, title):
    assert ingest.detect_title(text) == title


def test_from_text_keeps_given_title_and_parses_published_string():
    doc = ingest.from_text(BRIEF, title="Mosque retaken", published="December 31, 2017 ")
    assert doc.title == "Mosque retaken"
    assert doc.published == date(2017, 12, 31)
    assert doc.meta["published_raw"] == "December 31, 2017 "


def test_from_text_unreadable_date_is_an_input_error():
    with pytest.raises(InputError) as err:
        ingest.from_text(BRIEF, published="next blue moon")
    assert err.value.reason == "date"


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u00a0\u2009\n"])
def test_from_text_empty(text):
    with pytest.raises(InputError) as err:
        ingest.from_text(text)
    assert err.value.reason == "empty"


def test_from_text_only_boilerplate_is_empty():
    with pytest.raises(InputError) as err:
        ingest.from_text("Creative Commons / Anti-Media / Report a typo")
    assert err.value.reason == "empty"


@pytest.mark.parametrize(
    ("text", "code", "name"), [(FRENCH, "fr", "French"), (SPANISH, "es", "Spanish")]
)
def test_from_text_refuses_non_english_naming_the_language(text, code, name):
    with pytest.raises(InputError) as err:
        ingest.from_text(text)
    assert err.value.reason == "not-english"
    assert f"{name} ({code})" in str(err.value)
    assert err.value.language == code


@pytest.mark.parametrize(
    "text",
    [
        BRIEF,
        "MOSCOW (Reuters) - Vladimir Putin met Recep Tayyip Erdogan in Sochi.",
        "Saudi-led coalition strikes Sanaa",
        "ANKARA (Reuters) - Turkish jets struck PKK targets in Qandil and Hakurk, the army said.",
    ],
)
def test_short_english_briefs_are_never_refused(text):
    assert ingest.from_text(text).language == "en"


def test_whole_corpus_sample_is_english(shared: Path):
    path = shared / "corpora" / "isot-unreliable-2017-sample.jsonl"
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(150), fh, strict=False)]
    assert all(language.check_english(r["text"]) == "en" for r in rows)


# --- decode -------------------------------------------------------------------------------


def test_decode_utf8_with_bom():
    assert ingest.decode("\ufeffDeir ez-Zor".encode()) == "Deir ez-Zor"


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x7fELF\x02\x01\x01", "ELF executable"),
        (b"some words\x00\x00\x01\x02 more", "NUL bytes"),
    ],
)
def test_decode_binary(data, looks_like):
    with pytest.raises(InputError) as err:
        ingest.decode(data, path="x.txt")
    assert err.value.reason == "binary"
    assert looks_like in str(err.value)


def test_decode_latin1_needs_an_encoding():
    data = "Le président a parlé à Beyrouth.".encode("latin-1")
    with pytest.raises(InputError) as err:
        ingest.decode(data)
    assert err.value.reason == "encoding"
    message = str(err.value)
    assert "0xe9" in message and "offset 5" in message and "--encoding latin-1" in message
    assert ingest.decode(data, encoding="latin-1") == "Le président a parlé à Beyrouth."


def test_decode_too_large_and_empty():
    with pytest.raises(InputError) as err:
        ingest.decode(b"a" * 101, max_bytes=100)
    assert err.value.reason == "too-large"
    assert "101 bytes" in str(err.value) and "100 bytes" in str(err.value)
    with pytest.raises(InputError) as err:
        ingest.decode(b" \n ")
    assert err.value.reason == "empty"


# --- boilerplate --------------------------------------------------------------------------


def _removed(text: str) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in boilerplate.find(text)]


def test_boilerplate_glued_credits_peeled_off_run_on_text():
    # ISOT texts lost their line breaks: the credit and the embed prompt are glued on.
    text = (
        "Until then, we ll have to stick to  Weekend Update  and the rest of SNL, and hope for "
        "the best.Watch the video below:Featured image via Scott Olson/Getty Images"
    )
    assert _removed(text) == [
        ("embed prompt", "Watch the video below:"),
        ("image credit", "Featured image via Scott Olson/Getty Images"),
    ]
    text = "It s a heist.Photo by Ralph Orlowski/Getty Images for Burda Media."
    assert _removed(text) == [
        ("image credit", "Photo by Ralph Orlowski/Getty Images for Burda Media.")
    ]


def test_boilerplate_paragraph_furniture():
    text = (
        "BEIRUT (Reuters) - Syrian army forces broke a three-year siege of Deir al-Zor on "
        "Tuesday, state media said.\n\n"
        "Smoke rises from the city of Deir al-Zor, Syria, September 5, 2017. "
        "REUTERS/Omar Sanadiki\n\n"
        "Read more: Syrian army closes in on Islamic State\n\n"
        "The advance was backed by Russian air strikes, a military source said.\n\n"
        "(Reporting by Tom Perry; Editing by Angus MacSwan)\n\n"
        "Share this article\n"
        "Follow us on Twitter @Reuters\n"
        "We use cookies to improve your experience on our site.\n"
        "© 2017 Thomson Reuters. All rights reserved."
    )
    assert [label for label, _ in _removed(text)] == [
        "image credit",
        "read more",
        "reporting credit",
        "share prompt",
        "share prompt",
        "cookie notice",
        "licence footer",
    ]
    clean = Document(text=text, removed=boilerplate.find(text)).clean_text
    assert "broke a three-year siege" in clean and "Russian air strikes" in clean


@pytest.mark.parametrize(
    "text",
    [
        # News paragraphs that mention the same words as furniture stay.
        "Turkey still hopes to become a member of the European Union, Erdogan said.",
        "Patreon, the crowdfunding site, closed the account on Friday.",
        "Supporters donated $2 million to the campaign in the last quarter.",
        "Just stop with this and actually do something to support us,  said Jones, who works "
        "for Workshops for Warriors, a San Diego nonprofit.",
        "Police said photos by reporters were seized.",
        "Copyright law was changed by parliament last year.",
    ],
)
def test_boilerplate_leaves_news_alone(text):
    body = (
        "ANKARA (Reuters) - Turkish jets struck Kurdish militant targets in northern Iraq on "
        "Monday, the army said.\n\n" + text
    )
    assert boilerplate.find(body) == []


def test_boilerplate_appeal_mid_article_removes_only_its_paragraph():
    paras = [f"Paragraph {i} about the fighting near Raqqa continued on Monday." for i in range(20)]
    paras.insert(3, "Please support our journalism: donate today.")
    text = "\n\n".join(paras)
    removed = boilerplate.find(text)
    assert [(s.label, s.text) for s in removed] == [
        ("donation appeal", "Please support our journalism: donate today.")
    ]


# --- readers: every format ----------------------------------------------------------------


def _docs(items: list) -> list[Document]:
    assert all(isinstance(i, Document) for i in items), [i for i in items if isinstance(i, Skip)]
    return items


def test_read_txt_and_gz(tmp_path: Path, reuters):
    row = reuters[0]
    (tmp_path / "a.txt").write_text(f"{row['title']}\n\n{row['text']}", encoding="utf-8")
    with gzip.open(tmp_path / "b.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(reuters[1]["text"])
    a, b = _docs(list(ingest.read(tmp_path, source="Reuters", published="2017-12-31")))
    assert a.title == row["title"] and a.path == str(tmp_path / "a.txt")
    assert a.source == "Reuters" and a.published == date(2017, 12, 31)
    assert b.text == reuters[1]["text"] and b.path.endswith("b.txt.gz")


def test_read_html_page(tmp_path: Path, reuters):
    row = reuters[0]
    path = tmp_path / "page.html"
    path.write_text(_html_page(row), encoding="utf-8")
    (doc,) = _docs(list(ingest.read(path)))
    assert doc.title == row["title"]
    assert doc.source == "Reuters"
    assert doc.url == "https://www.reuters.com/article/us-usa-budget"
    assert doc.published == date(2017, 12, 31)
    assert _first_words(row["text"]) in doc.text
    assert "Home" not in doc.text and "quotes delayed" not in doc.text


def test_read_malformed_html_still_yields_text(tmp_path: Path):
    path = tmp_path / "broken.htm"
    path.write_bytes(b"<html><body><p>" + BRIEF.encode() + b"<div><b>unclosed <p><<</td>")
    (doc,) = _docs(list(ingest.read(path)))
    assert "Iraqi forces retook the al-Nuri mosque" in doc.text


def test_read_csv_with_odd_column_names(tmp_path: Path, reuters):
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["Headline", "Article Body", "Pub Date", "Outlet", "Link"])
        for i, r in enumerate(reuters):
            w.writerow(
                [r["title"], r["text"], r["published_raw"], "Reuters", f"https://r.example/{i}"]
            )
    docs = _docs(list(ingest.read(path)))
    assert [d.title for d in docs] == [r["title"] for r in reuters]
    assert docs[0].text == reuters[0]["text"]
    assert docs[0].published is not None and docs[0].source == "Reuters"
    assert docs[1].url == "https://r.example/1" and docs[1].path == f"{path}#2"


def test_read_csv_fields_override_and_missing_text_column(tmp_path: Path, reuters):
    path = tmp_path / "odd.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["hed", "copy"])
        w.writerow([reuters[0]["title"], reuters[0]["text"]])
    (skip,) = list(ingest.read(path))
    assert isinstance(skip, Skip) and skip.reason == "no-text" and "hed, copy" in skip.message
    (doc,) = _docs(list(ingest.read(path, fields={"text": "copy", "title": "hed"})))
    assert doc.title == reuters[0]["title"] and doc.text == reuters[0]["text"]


def test_read_json_list_and_object(tmp_path: Path, reuters):
    (tmp_path / "list.json").write_text(json.dumps(reuters), encoding="utf-8")
    (tmp_path / "one.json").write_text(
        json.dumps({"headline": reuters[2]["title"], "content": reuters[2]["text"]}),
        encoding="utf-8",
    )
    docs = _docs(list(ingest.read(tmp_path, source="Reuters")))
    assert [d.path for d in docs] == [
        f"{tmp_path / 'list.json'}#1",
        f"{tmp_path / 'list.json'}#2",
        f"{tmp_path / 'list.json'}#3",
        str(tmp_path / "one.json"),
    ]
    assert docs[0].meta["record_id"] == reuters[0]["id"]
    assert docs[0].source == "Reuters"  # null source in the record → the argument
    assert docs[3].title == reuters[2]["title"]


def test_read_shared_corpus_jsonl(shared: Path):
    items = list(
        ingest.read(shared / "corpora" / "isot-reuters-2017-sample.jsonl", source="Reuters")
    )
    docs = [i for i in items if isinstance(i, Document)]
    assert len(items) == 987 and len(docs) == 987
    first = docs[0]
    assert first.title == "As U.S. budget fight looms, Republicans flip their fiscal script"
    assert first.published == date(2017, 12, 31) and first.source == "Reuters"
    assert first.path.endswith("isot-reuters-2017-sample.jsonl#1")


def test_read_jsonl_bad_line_is_one_skip(tmp_path: Path, reuters):
    lines = [
        json.dumps(reuters[0]),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(reuters[1]),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(ingest.read(path))
    assert [type(i).__name__ for i in items] == ["Document", "Skip", "Skip", "Document"]
    assert items[1].reason == "malformed" and items[1].path == f"{path}#2"
    assert items[2].reason == "no-text"


def _warc(path: Path, pages: list[tuple[str, bytes, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, ctype, status in pages:
            req = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(req)
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)


def test_read_warc_html_responses(tmp_path: Path, reuters):
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            (
                "https://www.reuters.com/a",
                _html_page(reuters[0]).encode(),
                "text/html; charset=utf-8",
                "200 OK",
            ),
            ("https://www.reuters.com/logo.png", b"\x89PNG\r\n\x1a\n", "image/png", "200 OK"),
            (
                "https://www.reuters.com/gone",
                b"<html>Not found</html>",
                "text/html",
                "404 Not Found",
            ),
            ("https://www.reuters.com/b", _html_page(reuters[1]).encode(), "text/html", "200 OK"),
        ],
    )
    docs = _docs(list(ingest.read(path)))
    assert [d.title for d in docs] == [reuters[0]["title"], reuters[1]["title"]]
    assert all("#" in d.path for d in docs)
    assert docs[0].meta["crawled"]


def test_read_rss_and_atom_feeds(tmp_path: Path, reuters):
    items = "".join(
        f"<item><title>{r['title']}</title><link>https://r.example/{i}</link>"
        f"<pubDate>Sun, 31 Dec 2017 1{i}:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{r['text']}</p>]]></description></item>"
        for i, r in enumerate(reuters[:2])
    )
    (tmp_path / "world.rss").write_text(
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Reuters World News</title>"
        f"<link>https://r.example</link><description>x</description>{items}</channel></rss>",
        encoding="utf-8",
    )
    r = reuters[2]
    (tmp_path / "feed.xml").write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Reuters Politics</title><id>urn:r</id><updated>2017-12-29T00:00:00Z</updated>"
        f"<entry><title>{r['title']}</title><id>urn:r:1</id><link href='https://r.example/atom'/>"
        "<updated>2017-12-29T08:00:00Z</updated><published>2017-12-29T08:00:00Z</published>"
        f"<content type='html'>&lt;p&gt;{r['text'].replace('&', '&amp;amp;')}&lt;/p&gt;</content>"
        "</entry></feed>",
        encoding="utf-8",
    )
    atom, rss1, rss2 = _docs(list(ingest.read(tmp_path)))  # sorted: feed.xml, world.rss
    assert rss1.title == reuters[0]["title"] and rss1.source == "Reuters World News"
    assert rss1.url == "https://r.example/0" and rss1.published == date(2017, 12, 31)
    assert _first_words(reuters[1]["text"]) in rss2.text
    assert atom.source == "Reuters Politics" and atom.published == date(2017, 12, 29)
    assert atom.url == "https://r.example/atom" and _first_words(r["text"]) in atom.text


def test_read_stdin(monkeypatch, reuters):
    data = json.dumps(reuters[:2]).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs = _docs(list(ingest.read("-")))
    assert [d.path for d in docs] == ["<stdin>#1", "<stdin>#2"]


# --- readers: bad input -------------------------------------------------------------------


def test_read_directory_mixing_good_and_bad_files(tmp_path: Path, reuters):
    good = tmp_path / "good"
    good.mkdir()
    (good / "one.txt").write_text(reuters[0]["text"], encoding="utf-8")
    (tmp_path / "page.html").write_text(_html_page(reuters[1]), encoding="utf-8")
    bad = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\n ", "empty"),
        "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "unsupported"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
        "report.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary"),
        "latin1.txt": ("Le président a parlé à Beyrouth lundi.".encode("latin-1"), "encoding"),
        "big.txt": (b"Ten people were killed in Kabul. " * 190_000, "too-large"),
        "shell.html": (
            b"<html><head><script>var a=1;</script></head><body><div></div></body></html>",
            "malformed",
        ),
        "french.txt": (FRENCH.encode(), "not-english"),
        "broken.jsonl.gz": (b"\x1f\x8b\x08\x00garbage", "malformed"),
        "notes.xml": (b"<?xml version='1.0'?><config><a>1</a></config>", "unsupported"),
    }
    for name, (data, _) in bad.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    items = list(ingest.read(tmp_path, max_bytes=5_000_000))
    docs = [i for i in items if isinstance(i, Document)]
    skips = {Path(i.path).name: i for i in items if isinstance(i, Skip)}
    assert sorted(Path(d.path).name for d in docs) == ["one.txt", "page.html"]
    assert {name: s.reason for name, s in skips.items()} == {n: r for n, (_, r) in bad.items()}
    assert len(items) == len(bad) + 2
    assert "PNG image" in skips["photo.txt"].message
    assert "5,000,000" in skips["big.txt"].message and "6,270,000" in skips["big.txt"].message
    assert skips["french.txt"].detail == "fr" and "French (fr)" in skips["french.txt"].message
    assert "--encoding" in skips["latin1.txt"].message


def test_read_missing_path_and_latin1_with_encoding(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Beirut (Reuters) - Le pr\xe9sident Aoun said on Monday the army would act.")
    (doc,) = _docs(list(ingest.read(path, encoding="latin-1")))
    assert "Le président Aoun" in doc.text
    (skip,) = list(ingest.read(tmp_path / "nope.txt"))
    assert skip.reason == "missing"


def test_read_rejects_a_bad_published_argument_at_once(tmp_path: Path):
    with pytest.raises(InputError):
        ingest.read(tmp_path, published="not a date")
