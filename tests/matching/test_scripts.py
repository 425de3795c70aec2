"""Scripts outside CJK and Cyrillic are read by anyascii (plus unidecode's reading).

Made-up names; the PAIRS scored at most 0.45 before anyascii was the fallback.
"""

import pytest

from screening.matching import Matcher, analyze_name, compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD
from screening.types import Entry, Name

PAIRS = [
    ("Μιχάλης Παπαδάκης", "Michalis Papadakis"),  # Greek: anyascii's reading
    ("አበበ ቢቂላ", "Abebe Bikila"),  # Ethiopic
]
#: Guards: these already met through unidecode; anyascii must not lose them.
GUARDS = [
    ("სანდრო ყიფიანი", "Sandro Kipiani"),  # Georgian
    ("שלמה כהן", "Shlomo Cohen"),  # Hebrew, by consonant skeleton
    ("สมชาย ใจดี", "Somchai Chaidi"),  # Thai (RTGS spelling)
]


@pytest.mark.parametrize("query, listed", PAIRS + GUARDS)
def test_other_scripts_meet_their_latin_spelling(query, listed):
    assert compare(query, listed, "person")[0] >= REVIEW_THRESHOLD


def test_unidecode_reading_kept_as_variant():
    # anyascii reads श as "s"; listings write "sh" as unidecode does
    assert compare("राजेश कुमार", "Rajesh Kumar", "person")[0] >= MATCH_THRESHOLD


def test_every_script_yields_tokens():
    for text in ["ဦးမောင်", "አበበ", "ქართული", "ไทยออยล์", "ਪੰਜਾਬ", "ລາວ"]:
        assert analyze_name(text).tokens, text


def test_search_finds_other_script_query():
    matcher = Matcher([Entry(id="m", list_id="t", type="person", names=[Name("Michalis Papadakis", "primary")])])
    assert [h.entry.id for h in matcher.search("Μιχάλης Παπαδάκης")] == ["m"]
