import pytest

from sopgraph.names import (compatible, cut_at_particle, given_first, looks_like_name, reordered, same_person_reordered,
                            split_title, surname_marked, written_forms)


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Prof. Ada Quill's", "Ada Quill", "Prof."),
        ("Professor Bo Renn", "Bo Renn", "Professor"),
        ("Prof. Dr. Tamm", "Tamm", "Prof. Dr."),
        ("Dr Cy Tamm", "Cy Tamm", "Dr"),
        ("Ms. Vale", "Vale", "Ms."),
        ("Prof. M. Ada Quill", "M. Ada Quill", "Prof."),
        ("Ada Quill", "Ada Quill", None),
        # professional titles: engineers in South Asia, Central Europe
        ("Engr. Bo Renn", "Bo Renn", "Engr."),
        ("Dipl.-Ing. Cy Tamm", "Cy Tamm", "Dipl.-Ing."),
        ("Ing Wei", "Ing Wei", None),
        # Indonesian honorifics
        ("Ibu Sri Ada Quill", "Sri Ada Quill", "Ibu"),
        ("Pak Bo Renn", "Bo Renn", "Pak"),
    ],
)
def test_split_title(text, name, title):
    assert split_title(text) == (name, title)


@pytest.mark.parametrize(
    "a, b, fuzzy, same",
    [
        ("Ada Quill", "A. Quill", False, True),
        ("Ada Quill", "Quill", False, True),
        ("Ada Quill", "Bo Quill", False, False),
        ("Wilhelm Brandtner", "Wilhelm Brantner", True, True),
        ("Wilhelm Brandtner", "Wilhelm Brantner", False, False),
        ("Ada Quill", "Ada Renn", True, False),
        ("Noa Ben-Ami", "Ben-Ami", False, True),
        ("Noa Ben-Ami", "Ben Ami", False, False),
        ("Jo Li", "Jo Lin", True, False),
        # an initial that is spelled like a particle ("e", "y", "i") is still an initial
        ("Eun-ji Quill", "E. J. Quill", False, True),
        ("Wei Renn", "Y. Renn", False, False),
        ("Ada van der Quill", "van der Quill", False, True),
        # the first of two surnames joined by "i" or "y" names the person alone
        ("Núria Quillé i Roig", "Quillé", False, True),
        ("Ana Quill y Renn", "Quill", False, True),
        ("Núria Quillé i Roig", "Roig", False, True),
        ("Núria Quillé i Roig", "Renn", False, False),
    ],
)
def test_compatible(a, b, fuzzy, same):
    assert compatible(a, b, fuzzy=fuzzy) is same


@pytest.mark.parametrize(
    "name, ok",
    [("Ada Quill", True), ("Ludwig van Beethoven", True), ("A. B. Quill", True), ("deep learning", False),
     ("R2 D2", False), ("One Two Three Four Five Six", False),
     # particles do not count towards the five words
     ("Ana Lucía de la Quill Renn", True), ("IBM Widget", False), ("Ada IBM Quill", False),
     ("Ada Joy M. de los Quill", True), ("Nur Ada binti Quill", True),
     # initials alone name nobody ("P.O. Box 430")
     ("P.O", False), ("P. O.", False),
     # names are compared in Latin letters: one written in another script is not taken as a name
     ("А. Б. Виджетова", False), ("Ада Квилл", False), ("Άδα Κουίλ", False)],
)
def test_looks_like_name(name, ok):
    assert looks_like_name(name) is ok


@pytest.mark.parametrize(
    "a, b, same",
    [("Maartje van der Linden", "van der Linden", True), ("Ludwig van Beethoven", "Beethoven", True),
     ("Maartje van der Linden", "Pieter van Dijk", False)],
)
def test_particles_before_a_surname(a, b, same):
    assert compatible(a, b) is same


@pytest.mark.parametrize("text, folded", [
    ("Đỗ Thanh Linh", "do thanh linh"),
    ("Łukasz Ørsted", "lukasz orsted"),
    ("José-María Núñez", "jose maria nunez"),
])
def test_fold_handles_letters_unicode_does_not_decompose(text, folded):
    from sopgraph.names import fold

    assert fold(text) == folded


@pytest.mark.parametrize("full, short, same", [
    ("Quill Văn Ada", "A. Quill", True),       # surname first in the text, initials and surname in a reference
    ("Roe Ji-won", "J.-W. Roe", True),
    ("Roe Ji-won", "J.-W. Quill", False),
    ("Ada Quill", "A. Quill", False),          # the same order already matches: not a reordering
    ("Ada Quill", "Ada Roe", False),           # two full names are never reordered
    ("Quill Văn Ada", "Văn Ada Quill", True),  # a reference's "Quill, Văn Ada" written given names first
    ("Quill Thị Văn Ada", "Văn Ada Quill", True),
    ("Quill Văn Ada", "Văn Ada Renn", False),
])
def test_a_name_written_surname_first_matches_its_reference_form(full, short, same):
    assert same_person_reordered(full, short) is same


def test_a_surname_in_capitals_marks_the_order():
    assert surname_marked("QUILL Văn Ada") and not surname_marked("Ada Quill") and not surname_marked("IBM")
    assert given_first("QUILL Văn Ada") == "Văn Ada Quill" and given_first("Ada Quill") == "Ada Quill"
    assert "Ada Quill" in reordered("QUILL Văn Ada")


@pytest.mark.parametrize("name, forms", [
    ("Jane Roe", ["Jane Roe"]),
    ("María José Quill Renn", ["María José Quill Renn", "María José Quill"]),  # the first of two surnames
    ("Luisa Quill dos Renn", ["Luisa Quill dos Renn"]),  # a particle binds the last two words
    ("QUILL Adaora", ["QUILL Adaora", "Adaora Quill"]),  # a surname marked in capitals
])
def test_written_forms(name, forms):
    assert written_forms(name) == forms


def test_an_author_with_initials_may_leave_out_the_first_given_name():
    assert "Bo Quill" in written_forms("Ada Bo Quill", initials=True)
    assert "Bo Quill" not in written_forms("Ada Bo Quill")
    assert written_forms("Luisa Quill dos Renn", initials=True) == ["Luisa Quill dos Renn"]


@pytest.mark.parametrize("label, cut", [
    ("Rosa Quillamo", True), ("Rosa Quillamo delos", True), ("Rosa Quillamo delos Renn", False), ("Bo Tamm", False)])
def test_cut_at_particle(label, cut):
    assert cut_at_particle(label, "Rosa Quillamo delos Renn") is cut
