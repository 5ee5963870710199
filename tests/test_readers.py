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
