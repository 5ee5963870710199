import codecs

import pytest

from sopgraph.model import Document, ReadFailure
from sopgraph.readers import read_inputs


def _read(paths):
    return list(read_inputs(paths))


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Café statement".encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + "Café statement".encode("utf-8"), "utf-8-sig"),
        ("Café statement".encode("utf-16"), "utf-16"),
        ("Café statement".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(tmp_path, data, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    (doc,) = _read([f])
    assert isinstance(doc, Document)
    assert doc.text == "Café statement"
    assert doc.encoding == encoding


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00" * 10, "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_files_fail_with_reason(tmp_path, data, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    (item,) = _read([f])
    assert isinstance(item, ReadFailure)
    assert reason in item.reason


def test_missing_path_is_a_failure_not_an_exception(tmp_path):
    (item,) = _read([tmp_path / "nope.txt"])
    assert isinstance(item, ReadFailure) and "no such file" in item.reason


def test_folder_walk_is_sorted_recursive_and_filters_suffixes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("Zed text", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Aye text", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    docs = _read([tmp_path])
    assert [d.path.name for d in docs] == ["a.txt", "z.md"]


def test_crlf_is_normalised(tmp_path):
    f = tmp_path / "w.txt"
    f.write_bytes(b"line one\r\nline two\r\n")
    (doc,) = _read([f])
    assert doc.text == "line one\nline two\n"


# --- real-world formats, encodings and limits (issue 7) -------------------------------

from sopgraph.limits import Limits  # noqa: E402
from sopgraph.readers import read_one  # noqa: E402

from .corpus_factory import docx_bytes, html_page, pdf_bytes, statement, zip_bomb_bytes  # noqa: E402

TEXT, NAME, SCHOOL = statement(1)


@pytest.mark.parametrize(
    "filename, data, fmt, encoding",
    [
        ("s.pdf", pdf_bytes(TEXT.splitlines()), "pdf", "pdf"),
        ("s.docx", docx_bytes(TEXT.split("\n\n")), "docx", "docx"),
        ("s.html", html_page(TEXT).encode("utf-8"), "html", "utf-8"),
        ("s.htm", html_page(TEXT).replace("utf-8", "windows-1252").encode("cp1252"), "html", "cp1252"),
        ("s.md", TEXT.encode("utf-16-le"), "text", "utf-16-le"),
        ("s.txt", TEXT.encode("utf-16-be"), "text", "utf-16-be"),
        ("s.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "text", "utf-8-sig"),
    ],
)
def test_formats_yield_the_statement_text(tmp_path, filename, data, fmt, encoding):
    f = tmp_path / filename
    f.write_bytes(data)
    doc = read_one(f)
    assert isinstance(doc, Document), doc
    assert (doc.format, doc.encoding) == (fmt, encoding)
    assert NAME in doc.text and SCHOOL in doc.text and "PhD program" in doc.text


def test_html_drops_scripts_styles_and_head(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(html_page(TEXT), encoding="utf-8")
    doc = read_one(f)
    assert "Harvard" not in doc.text and "color" not in doc.text and "My statement" not in doc.text
    assert "\n\nI am applying" in doc.text  # paragraphs stay apart


def test_html_line_breaks_are_lines_and_markup_newlines_are_spaces():
    from sopgraph.formats.html import html_to_text

    markup = "<p><strong>Jane Roe</strong><br>\nApplicant, MSc Widgetry<br>\nQuill University</p>\n<p>I build\nwidgets.</p>"
    assert html_to_text(markup) == "Jane Roe\nApplicant, MSc Widgetry\nQuill University\n\nI build widgets.\n"
    assert html_to_text("<pre>a\nb</pre>") == "a\nb\n"


def test_html_table_cells_are_kept_apart():
    from sopgraph.formats.html import html_to_text

    markup = ("<table><tr><th>Degree</th><th>Institution</th></tr>"
              "<tr><td>B.Sc. in Widgetry</td><td>Quill University of Science (QUS), Quilltown</td><td>2017</td></tr></table>")
    assert html_to_text(markup) == ("Degree | Institution\n\nB.Sc. in Widgetry | Quill University of Science (QUS), "
                                    "Quilltown | 2017\n")


@pytest.mark.parametrize("markup, cleaned", [
    # a footnote mark after a name is a citation mark, not part of the name
    ("<p>I worked at the Quill Hospital for Children<sup>1</sup> in Quillton.</p>",
     "I worked at the Quill Hospital for Children [1] in Quillton."),
    ("<p>the 32<sup>nd</sup> Widget Congress</p>", "the 32nd Widget Congress"),
    ("<p>about 10<sup>6</sup> cells</p>", "about 10^6 cells"),
])
def test_html_superscripts_are_read_as_in_inline_markup(markup, cleaned):
    from sopgraph.formats.html import html_to_text
    from sopgraph.normalize import clean_text

    assert clean_text(html_to_text(markup)).text.strip() == cleaned


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("Café \x81 résumé".encode("latin-1"), "Café  résumé", "latin-1"),  # 0x81 is undefined in cp1252
        ("Straße “quoted” – naïve".encode("cp1252"), "Straße “quoted” – naïve", "cp1252"),
        ("Я хочу изучать физику в университете.".encode("cp1251"), "Я хочу изучать физику в университете.", "cp1251"),
    ],
)
def test_legacy_encodings_are_detected_and_recorded(tmp_path, data, text, encoding):
    f = tmp_path / "legacy.txt"
    f.write_bytes(data)
    doc = read_one(f)
    assert (doc.text, doc.encoding) == (text, encoding)


def test_mojibake_is_repaired_and_flagged(tmp_path):
    f = tmp_path / "moji.txt"
    f.write_text("Café résumé at Université de Montréal".encode("utf-8").decode("cp1252"), encoding="utf-8")
    doc = read_one(f)
    assert doc.text == "Café résumé at Université de Montréal" and doc.repaired


def test_text_is_normalised(tmp_path):
    f = tmp_path / "n.txt"
    f.write_text("e\u0301tude ef\ufb01cient of\ufb02ine co\u00adoperate\r\nnext\x07", encoding="utf-8")
    doc = read_one(f)
    assert doc.text == "étude efficient offline cooperate\nnext"
    assert not doc.repaired


def test_pdf_hyphenated_line_breaks_are_joined(tmp_path):
    f = tmp_path / "h.pdf"
    f.write_bytes(pdf_bytes(["I study reinforce-", "ment learning."]))
    assert "reinforcement learning" in read_one(f).text


@pytest.mark.parametrize(
    "filename, data, limits, status, reason",
    [
        ("bomb.docx", zip_bomb_bytes(150_000_000), Limits(), "too_large", "zip bomb"),
        ("many.docx", docx_bytes(["x"]), Limits(docx_max_entries=3), "too_large", "zip entries"),
        ("fake.docx", b"PK\x03\x04 not really a zip", Limits(), "not_text", "not a .docx"),
        ("truncated.pdf", pdf_bytes(TEXT.splitlines())[:300], Limits(), "unreadable", "damaged PDF"),
        ("loop.pdf", pdf_bytes(TEXT.splitlines(), loop=True), Limits(), "unreadable", "cyclic"),
        ("slow.pdf", pdf_bytes(TEXT.splitlines()), Limits(pdf_timeout=0.001), "unreadable", "longer than"),
        ("image.pdf", b"\x89PNG\r\n\x1a\n" + bytes(200), Limits(), "not_text", "no %PDF- header"),
        ("empty.pdf", pdf_bytes([]), Limits(), "empty", "no text in this pdf"),
        ("big.txt", b"word " * 300, Limits(max_bytes=1000), "too_large", "1500 bytes"),
        ("long.txt", "é" * 2000, Limits(max_chars=1000), "too_large", "2000 characters"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), Limits(), "not_text", "binary"),
        ("lone.txt", ("ab" * 40).encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le"), Limits(), "unreadable",
         "invalid utf-16-le"),
        ("blank.txt", b" \n\t\n", Limits(), "empty", "empty"),
    ],
)
def test_bad_inputs_get_one_status_and_a_reason(tmp_path, filename, data, limits, status, reason):
    f = tmp_path / filename
    f.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    item = read_one(f, limits)
    assert isinstance(item, ReadFailure), item
    assert item.status == status and reason in item.reason, item


def test_docx_bomb_is_refused_without_inflating(tmp_path, monkeypatch):
    import docx

    f = tmp_path / "bomb.docx"
    f.write_bytes(zip_bomb_bytes(150_000_000))
    monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("parsed a zip bomb"))
    assert read_one(f).status == "too_large"


def test_limits_reject_nonsense():
    with pytest.raises(ValueError, match="chunk_chars"):
        Limits(chunk_chars=0)
