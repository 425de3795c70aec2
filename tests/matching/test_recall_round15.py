"""Round 15 of issue 14 (session 16): Persian and Arabic organisation words romanised.

The tables read these words in Persian or Arabic script, and some Persian ones
romanised, but the words of the state (ministry, central, Islamic Republic) and
Arabic words written in Latin letters met nothing. Listed names are OFAC SDN
entries (``../shared/data/ofac_sdn_kindrat86/ofac-sdn.csv``), cited by entry
number, or made up where a comment says so.
"""

import pytest

from screening.matching import compare

MATCH, REVIEW = 0.85, 0.70


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Central Bank of Iran", "BANK MARKAZI JOMHOURI ISLAMI IRAN"),  # SDN 4632 and its alias
        ("CENTRAL BANK OF THE ISLAMIC REPUBLIC OF IRAN", "BANK MARKAZI JOMHOURI ISLAMI IRAN"),  # SDN 4632
        ("Havapeyma Sazi Iran", "IRAN AIRCRAFT MANUFACTURING INDUSTRIES"),  # helper-53's dev half, HESA
        ("Vezarat-e Ettelaat", "MINISTRY OF INTELLIGENCE"),  # SDN 12111, in part
    ],
)
def test_persian_words_of_the_state_read_as_their_english(query, listed):
    assert compare(query, listed, "company")[0] >= MATCH


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Idarat al-Mukhabarat al-Jawiya", "AIR FORCE INTELLIGENCE DIRECTORATE"),  # helper-53's dev half
        ("Sharikat Al Noor lil-Tijara al-Amma", "AL NOOR GENERAL TRADING LLC"),  # made up: sharikat is a legal form
        ("Al Noor Liltijarah", "AL NOOR TRADING"),  # made up, as SDN 26861 writes liltijarah
    ],
)
def test_arabic_organisation_words_romanised_read_as_their_english(query, listed):
    assert compare(query, listed, "company")[0] >= MATCH


@pytest.mark.parametrize(
    "query, listed",
    [
        ("IMAM ALI BRIGADES", "KATA'IB AL-IMAM ALI"),  # SDN aliases of one entry (derived sdn pairs, folds 0-2)
        ("AL-IMAM ALI BATTALIONS", "KATA'IB AL-IMAM ALI"),
        ("Harakat Ahrar al-Sham", "Ahrar al-Sham Movement"),  # made up
        ("Liwa Fatemiyoun", "Fatemiyoun Brigade"),
    ],
)
def test_an_armed_groups_arabic_word_reads_as_its_english(query, listed):
    assert compare(query, listed, "company")[0] >= MATCH


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Sharikat Al Noor lil-Tijara", "Al Amal Trading Company"),  # the name differs
        ("Amma Trading", "General Trading"),  # Amma alone is a given name, not "the general"
        ("Bank Markazi Iran", "Bank Melli Iran"),  # Melli stays a bank's name
        ("Vezarat-e Ettelaat", "Ministry of Defense"),
    ],
)
def test_a_translated_business_word_makes_no_name(query, listed):
    assert compare(query, listed, "company")[0] < REVIEW


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Nord Stream 2 AG", "NORD STREAM AG"),  # helper-50's dev half: another company, Nord Stream AG's sister
        ("NORD STREAM AG", "Nord Stream 2 AG"),
        ("Acme Leasing 3 Ltd", "Acme Leasing Ltd"),  # made up: a leasing vehicle of a series
    ],
)
def test_a_number_only_one_firm_has_holds_a_sister_for_review(query, listed):
    """number_missing alone (-0.12) left these at 0.85, a match; as for vessels, a
    sister is held for review (sister_company)."""
    score = compare(query, listed, "company")[0]
    assert REVIEW <= score < MATCH


def test_a_persons_generation_is_no_sister():
    assert compare("Joseph Ormond Velkor", "JOSEPH ORMOND VELKOR, III.", "person")[0] >= MATCH


@pytest.mark.parametrize(
    "query, listed",
    [
        ("PDVSA", "PETRÓLEOS DE VENEZUELA, S.A."),  # helper-50's dev half; SDN lists PDVSA as its alias
        ("ENDESA", "Empresa Nacional de Electricidad SA"),  # made up from the Spanish utility's name
    ],
)
def test_an_acronym_keeps_a_romance_names_de_and_its_sa(query, listed):
    """The initials of the words as written (Petróleos, not its reading "petroleum"),
    with the stop word a Romance acronym keeps and the SA it ends with."""
    assert compare(query, listed, "company")[0] >= MATCH


def test_english_stop_words_stay_out_of_an_acronym():
    from screening.matching.forms import forms_of, name_initials
    from screening.matching.names import analyze_name

    form = forms_of(analyze_name("Islamic State of Iraq and the Levant", "company"))[0]
    assert name_initials(form) == ("isil",)
    assert compare("ISOIATL", "Islamic State of Iraq and the Levant", "company")[0] < REVIEW
    # an expansion the name does not write is no initial: NPO read "scientific production association"
    form = forms_of(analyze_name("NPO Saturn Research", "company"))[0]
    assert "spasr" not in name_initials(form)
