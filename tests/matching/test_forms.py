"""screening.matching.forms: what a form says about its own words."""

import pytest

from screening.matching.forms import family_in_capitals, forms_of
from screening.matching.names import analyze_name


def _form(name: str, schema: str | None = "person"):
    return forms_of(analyze_name(name, schema))[0]


@pytest.mark.parametrize(
    "name, family",
    [
        ("Joaquín Archivaldo GUZMÁN LOERA", ["guzman", "loera"]),  # UN / EU style
        ("GUZMAN LOERA, Joaquin", ["guzman", "loera"]),  # a comma marks it (OFAC style)
        ("NICOLAS MADURO MOROS", []),  # all capitals: no mark
        ("Nicolas Maduro Moros", []),  # no capitals: no mark
    ],
)
def test_family_names_are_read_from_a_comma_or_from_capitals(name, family):
    form = _form(name)
    assert [t for t, f in zip(form.texts, family_in_capitals(form)) if f] == family
