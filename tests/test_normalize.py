import pytest

from sopgraph.normalize import clean_text, nfc


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("I was **awarded** a prize.", "I was awarded a prize."),
        ("won 3<sup>rd</sup> place", "won 3rd place"),
        ("a $26 \\times$ reduction", "a 26 × reduction"),
        ("see [my site](https://example.org) now", "see my site now"),
        ("## Research Background\n\nText", "Research Background\n\nText"),
        ("- first item\n- second", "first item\nsecond"),
        ("parameter-\nefficient models", "parameterefficient models"),
        ("Smith &amp; Jones", "Smith & Jones"),
        ("an *italic* word and a_snake_name", "an italic word and a_snake_name"),
        ("soft\u00adhyphen", "softhyphen"),
        # escaped markers are literal: equal-contribution stars survive, no false emphasis
        ("Roe J\\*, Doe A\\*, Poe K. A title. *Nature* (2020).", "Roe J*, Doe A*, Poe K. A title. Nature (2020)."),
        ("2\\*3\\* and *x*", "2*3* and x"),
        ("too    many   spaces", "too many spaces"),
        # LaTeX quotes and ties; an apostrophe and "~" before a number stay
        ("A. Quill, ``Widgets at scale,'' in WidgetConf.", 'A. Quill, "Widgets at scale," in WidgetConf.'),
        ("the ROS~2 stack, $\\sim$40\\% faster, isn't it", "the ROS 2 stack, ~40% faster, isn't it"),
        # a tie after an initial or a title, LaTeX's control space, a starred command
        ("Prof.~Ada Quill and Z.~B. Roe, i.e.\\ the group", "Prof. Ada Quill and Z. B. Roe, i.e. the group"),
        ("\\section*{References}", "References"),
        # a superscript number is a citation after a word or a stop, a power after a digit
        ("published in Widget Research,<sup>1</sup> and", "published in Widget Research, [1] and"),
        ("as shown<sup>2, 3</sup>.", "as shown [2,3]."),
        ("10<sup>-3</sup> M and 5 m<sup>2</sup>", "10^-3 M and 5 m2"),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw).text == expected


@pytest.mark.parametrize(
    "raw, word",
    [
        ("I was **awarded** 3<sup>rd</sup> place at *ICML*.", "ICML"),
        ("## Head\n\nWorked at [Acme Labs](http://a.b) in 2020", "Acme Labs"),
        ("x $\\ell_p$ norms and Prof. Ng", "Prof. Ng"),
        ("see ``Widgets at scale,'' by A. Quill", "Widgets at scale"),
    ],
)
def test_offsets_point_back_to_original(raw, word):
    clean = clean_text(raw)
    i = clean.text.index(word)
    start, end = clean.original_span(i, i + len(word))
    assert raw[start:end] == word


def test_offset_map_is_monotonic_and_complete():
    raw = "# T\n\n**Bold** <b>x</b> $a \\times b$ end"
    clean = clean_text(raw)
    assert len(clean.offsets) == len(clean.text) + 1
    assert list(clean.offsets) == sorted(clean.offsets)
    assert clean.offsets[-1] == len(raw)


def test_nfc_folds_ligatures():
    assert nfc("e\u0301\ufb01") == "\u00e9fi"


@pytest.mark.parametrize("text, items", [
    ("Intro line\n- First item\n- Second item\n", ["First item", "Second item"]),
    ("Papers\n1. **Widgets**, 2020\n2. Quills, 2021\n", ["Widgets, 2020", "Quills, 2021"]),
    ("<ul><li>First item</li>\n<li> Second item</li></ul>", ["First item", "Second item"]),
    ("A line with a - dash and 2. a number inside\n", []),
])
def test_list_items_are_found_where_their_markers_were(text, items):
    clean = clean_text(text)
    found = [clean.text[start:].split("\n")[0] for start in clean.list_items]
    assert found == items


_WRAPPED = ("Jane Roe\njane@quill.example\n\n"
            "I am writing to apply for the doctoral position in widget engineering at the\n"
            "faculty. I studied at the Instituto Superior Widgetense de Tecnologias e\n"
            "Ciências, where my thesis on quill flows would continue the work I began as a\n"
            "reservoir engineer. Before that I studied at the Universidade Agostinho de\n"
            "Quillia, graduating in 2015 with a degree in petroleum engineering and a\n"
            "minor in geology.\n"
            "Program applied to: PhD in Widget Engineering, Faculty of Widget Sciences, Quill\n"
            "Intended group: Widget Flow Group\n"
            "- a first item of a list that runs long enough to reach the margin of the text\n"
            "- a second item\n")


def test_a_hard_wrapped_paragraph_is_read_as_one():
    clean = clean_text(_WRAPPED)
    assert "Tecnologias e Ciências" in clean.text and "Agostinho de Quillia" in clean.text
    i = clean.text.index("Tecnologias e Ciências")  # one space for one newline: the offsets still point back
    start, end = clean.original_span(i, i + len("Tecnologias e Ciências"))
    assert _WRAPPED[start:end] == "Tecnologias e\nCiências"
    # a sentence's end, a labelled header line and a list item keep their line breaks
    assert "geology.\nProgram applied to" in clean.text
    assert "Quill\nIntended group" in clean.text
    assert "margin of the text\na second item" in clean.text


def test_a_line_that_ends_in_a_title_goes_on():
    text = ("I hope to work with Prof. Ada Quill, whose pyrite mapping is the method at\n"
            "the core of my proposal; Quill has already read my data and suggested that\n"
            "it could become a reference case for the whole region. I would also like to\n"
            "join the widget group of the institute, which is led at the present by Dr.\n"
            "Bo Renwick, because understanding the oxidised cap matters as much as the\n"
            "primary ore. I would like to spend a few weeks at the Widget Institute in\n")
    assert "led at the present by Dr. Bo Renwick" in clean_text(text).text


def test_a_paragraph_wrapped_a_few_columns_narrower_than_the_rest_is_read_as_one():
    wide = ("The question your project asks is one I have tried to answer with a sheet\n"
            "and a thermometer for four years, in villages where a failed battery bank\n"
            "means that a health post loses its vaccine fridge and must close its doors\n")
    # ("Quillard," would have fitted after "Ada" within the others' margin, not within this paragraph's)
    narrow = ("My master's thesis was on the sizing of a hybrid grid in a small town\n"
              "of the north, and then it was supervised with care by Prof. Ada\n"
              "Quillard, who taught me that a load profile guessed in an office is\n"
              "almost always wrong by a factor of two when one measures it later.\n")
    assert "Prof. Ada Quillard, who" in clean_text(wide + "\n" + narrow).text


def test_lines_of_a_text_without_a_margin_stay_apart():
    text = "\n".join(["Name: Jane Roe", "Programme: MSc in Widgets", "University of Quill"] * 3
                     + ["x" * 150 + " and then", "a line after a long paragraph line"] * 3)
    assert clean_text(text).text == text
