"""Round 19 (session 23): rules from the dev halves of the helper-written sets
(fresh11-13), each general, each with pairs that must stay apart.

- Turkish registered names abbreviate their business words ("San." Sanayi, "Mak."
  Makina) beside Tic., Paz. and Şti.; read so only in a Turkish firm's name, never
  as its first word, never elsewhere (San Jose, San Xing).
"""

import pytest

from screening.matching import compare
from screening.settings import MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    # made-up firms in the form of a registered Turkish name
    ("Dorukan Grup Makina İmalat Dış Tic. Paz. San. Ltd. Şti.",
     "DORUKAN GRUP MAKINA IMALAT DIS TICARET PAZARLAMA SANAYI LIMITED SIRKETI"),
    ("Velikaya Mak. İth. ve İhr. Ltd.", "Velikaya Makina Ithalat Ve Ihracat Limited Sirketi"),
])
def test_turkish_abbreviations_of_business_words_are_read_out(query, listed):
    assert compare(query, listed, "company")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed", [
    ("San Tekstil Ltd. Şti.", "SANAYI TEKSTIL LIMITED SIRKETI"),  # the firm's own first word
    ("San Jose Trading Ltd.", "SANAYI JOSE TRADING LTD."),  # no Turkish firm's name
])
def test_san_stays_a_name_outside_a_turkish_business_phrase(query, listed):
    assert compare(query, listed, "company")[0] < MATCH_THRESHOLD
