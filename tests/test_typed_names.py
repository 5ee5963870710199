import pytest

from sopgraph.typed_names import typed_org_names


@pytest.mark.parametrize(
    "text, name, subtype",
    [
        ("I worked as a consultant at Brightwave Analytics, an AI start-up in Lisbon.", "Brightwave Analytics", "Company"),
        ("Before that I joined his start-up, Quillfeather, as an engineer.", "Quillfeather", "Company"),
        ("I contributed to open-source organizations, including Zephyrine and Mallowby.", "Zephyrine", None),
        ("We built dashboards for clients such as Tarnbridge, Ostwick and Pellmoor.", "Ostwick", "Company"),
    ],
)
def test_typed_org_names(nlp, text, name, subtype):
    found = {span.text: kind for span, kind in typed_org_names(nlp(text))}
    assert found.get(name, "missing") == subtype


def test_plain_nouns_are_not_names(nlp):
    found = [span.text for span, _ in typed_org_names(nlp("I worked at a small company in the city."))]
    assert found == []


def test_a_place_after_an_institute_is_not_an_organisation(nlp):
    found = {span.text for span, _ in typed_org_names(nlp(
        "In 2022 I worked in a thin-film group at the Indian Institute of Science (IISc), Bengaluru, on sputtering."))}
    assert "Bengaluru" not in found
