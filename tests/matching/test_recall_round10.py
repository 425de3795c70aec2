"""Recall round 10 (issue 14, session 11): general spellings and forms that the
misses of the development folds (0-2) of the derived SDN and CSL pairs pointed
at, written here with made-up names.

- Russian reads the Greek diphthongs eu and au as ev and av: Pnevmo / Pneumo,
  Avto / Auto, Evro / Euro (long words, before a consonant other than l).
- A Ukrainian patronymic spelled with i for y (Mikolaiovich) names the same
  father as Nikolaevich, as Mykolaiovych already did.
- Arabic and Persian romanisations write or drop an h after g and k (Ghazi /
  Gazi, Khalaf / Kalaf): the same opening of a short word. Not th, dh.
- Persian legal forms written out in Latin letters: Sherkat Sahami (Khass / Aam).
- Persian organisation words romanised (fa_org_terms.yaml, read as the Russian
  and Turkish tables are): Sanaye (industries), Bazargani (trading), Petroshimi
  (petrochemical), Gharargah Sazandegi (construction headquarters).
- A filler word ("Firm", "Group") the query adds costs what one the list adds
  costs: names add and drop them freely.
- Ould and Walad ("son of", Mauritania, the Sahel, Sudan) and binti say "son
  of" / "daughter of" as bin and ibn do, for the lineage rule below; ould and
  walad stay name words, not free stopwords ("Ali Ould Hassan" is not "ALI,
  Hassan").
- A Chinese registered name written in pinyin ("Beijing Huaxin Keji Youxian
  Gongsi") reads its organisation words as zh_terms.yaml translates their Han
  (科技 keji: technology; 有限公司 youxian gongsi: a legal form). Not a brand's
  pinyin (中航 zhonghang is AVIC only in its own name), and never the only
  agreement of a name made of generic words ("Haiyang Keji" may be 海洋 marine
  or 海阳, a place).
- "SMITH, John Sr.": the generation after a family-first name's given names is
  read as a generation (it was dropped as a title), so Jr and Sr disagree.
- A person's own name and a father's name that trade places around bin, ibn or
  ould ("Mohammed bin Salman" / "Salman bin Mohammed") are father and son: held
  for review, never a match (new qualifier ``lineage_differs``); so are a
  son (bin) and a daughter (binti) of one father.
"""

import pytest

from screening.matching import compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


def score(a, b, schema=None):
    return compare(a, b, schema)[0]


# ------------------------------------------------------------ Greek eu / au as ev / av
@pytest.mark.parametrize(
    "a, b",
    [
        ("LLC PNEVMOTEKH", "PNEUMOTEKH LIMITED LIABILITY COMPANY"),
        ("AVTOKRAN ZAVOD JSC", "AUTOKRAN ZAVOD JSC"),
        ("EVROSTAL LLC", "EUROSTAL LLC"),
    ],
)
def test_eu_and_au_are_ev_and_av_in_russian(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


def test_u_and_v_elsewhere_stay_two_letters():
    # not after a or e: "Luka" is not "Lvka", "Kursk" is not "Kvrsk"
    assert score("KURSTAL LLC", "KVRSTAL LLC") < MATCH_THRESHOLD


# ------------------------------------------------------------ patronymics spelled with i
def test_a_ukrainian_patronymic_spelled_with_i():
    assert score("HAVRYLENKO, Mikhailo Mikolaiovich", "GAVRILENKO, Mikhail Nikolaevich", "person") >= MATCH_THRESHOLD


def test_another_fathers_patronymic_stays_another():
    assert score("HAVRYLENKO, Mikhailo Mikolaiovich", "GAVRILENKO, Mikhail Ivanovich", "person") < MATCH_THRESHOLD


# ------------------------------------------------------------ an h after d, g, k, t
@pytest.mark.parametrize(
    "a, b",
    [
        ("HADDAD, Gazi", "HADDAD, Ghazi"),
        ("Tamer Salloum", "Thamer Salloum"),
        ("DIAB, Dhafer Khalil", "DIAB, Dafer Khalil"),
    ],
)
def test_an_h_digraph_written_or_dropped(a, b):
    assert score(a, b, "person") >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        ("NOURI, Kan", "NOURI, Khan"),  # three letters: another name
        ("Sara Haddad", "Shara Haddad"),  # sh is another sound
        ("Rose Haddad", "Rios Haddad"),
    ],
)
def test_other_openings_stay_other_names(a, b):
    assert score(a, b, "person") < MATCH_THRESHOLD


# ------------------------------------------------------------ Persian legal forms
@pytest.mark.parametrize(
    "a, b",
    [
        ("SHERKAT SAHAMI VELKAR", "VELKAR COMPANY"),
        ("Sherkat-e Sahami-ye Khass Velkar", "VELKAR PJS"),
        ("VELKAR SAHAMI AAM", "VELKAR PUBLIC JOINT STOCK COMPANY"),
    ],
)
def test_persian_legal_forms_in_latin_letters(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


def test_a_persian_legal_form_alone_is_no_hit():
    assert score("SHERKAT SAHAMI VELKAR", "SHERKAT SAHAMI DORNA") < REVIEW_THRESHOLD


# ------------------------------------------------------------ filler words on the query side
@pytest.mark.parametrize(
    "a, b",
    [
        ("Firm Dorvel Ltd.", "Dorvel Ltd."),
        ("Dorvel Trading Company Ltd", "Dorvel Trading Ltd"),
    ],
)
def test_a_filler_word_the_query_adds_costs_little(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


def test_a_business_word_the_query_adds_still_counts():
    # "Engineering" is a line of business, not filler: a sister company, at most review
    assert score("Dorvel Engineering Ltd.", "Dorvel Ltd.") < MATCH_THRESHOLD


# ------------------------------------------------------------ ould / walad
@pytest.mark.parametrize(
    "a, b",
    [
        ("Sidi Ould Tolba", "TOLBA, Sidi"),
        ("Nur Aisyah binti Ramli", "NUR AISYAH RAMLI"),
    ],
)
def test_son_of_words_left_out(a, b):
    assert score(a, b, "person") >= MATCH_THRESHOLD


# ------------------------------------------------------------ father and son
@pytest.mark.parametrize(
    "a, b, schema",
    [
        ("Khalid bin Saeed", "Saeed bin Khalid", "person"),
        ("Khalid bin Saeed", "Saeed bin Khalid", None),
        ("Sidi Ould Tolba", "Tolba Ould Sidi", "person"),
        ("Mahmoud ibn Yasin al-Harbi", "Yasin ibn Mahmoud al-Harbi", "person"),
    ],
)
def test_father_and_son_are_held_for_review_not_matched(a, b, schema):
    s = score(a, b, schema)
    assert REVIEW_THRESHOLD <= s < MATCH_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        ("Khalid bin Saeed", "KHALID BIN SAEED"),
        ("BIN SAEED, Khalid", "Khalid bin Saeed"),  # family written first: the same order
        ("AL-HARBI, Mahmoud bin Yasin bin Ali", "Mahmoud bin Yasin al-Harbi"),
    ],
)
def test_the_same_lineage_still_matches(a, b):
    assert score(a, b, "person") >= MATCH_THRESHOLD


def test_the_swap_is_explained():
    from screening.matching import compare

    _, features = compare("Khalid bin Saeed", "Saeed bin Khalid", "person")
    assert features.get("lineage_differs") == 1.0


# ------------------------------------------------------------ Chinese names in pinyin
@pytest.mark.parametrize(
    "a, b",
    [
        ("Shenzhen Lianrui Keji Youxian Gongsi", "SHENZHEN LIANRUI TECHNOLOGY CO., LTD."),
        ("Wuxi Dongfu Weidianzi Youxian Gongsi", "Wuxi Dongfu Microelectronics Co., Ltd."),
        ("Chengdu Tianrun Yaogan Jishu Youxian Zeren Gongsi", "Chengdu Tianrun Remote Sensing Technology Co., Ltd."),
        ("Ningbo Haiyue Guoji Maoyi Youxian Gongsi", "Ningbo Haiyue International Trading Co., Ltd."),
    ],
)
def test_a_chinese_registered_name_in_pinyin(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        # the business words agree, the names do not
        ("Shenzhen Lianrui Keji Youxian Gongsi", "SHENZHEN HUARUI TECHNOLOGY CO., LTD."),
        # another line of business: microelectronics is not remote sensing
        ("Chengdu Tianrun Weidianzi Youxian Gongsi", "Chengdu Tianrun Remote Sensing Technology Co., Ltd."),
    ],
)
def test_pinyin_business_words_make_no_hit_alone(a, b):
    assert score(a, b) < MATCH_THRESHOLD


def test_a_brands_pinyin_is_not_its_english():
    # 中航 is AVIC in the table; "Zhonghang" in a pinyin name may be any firm's 中航 or 众航
    assert score("Zhonghang Dianzi Youxian Gongsi", "AVIC Electronics Co., Ltd.") < REVIEW_THRESHOLD


# ------------------------------------------------------------ generations
def test_junior_and_senior_are_two_people():
    assert score("Dorian Welsby Jr.", "WELSBY, Dorian Sr.", "person") < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        ("Dorian Welsby Jr.", "WELSBY, Dorian Jr."),  # a generation after a family-first name's given names
        ("Dorian Welsby", "WELSBY, Dorian Jr."),  # left out: lists and people drop it
    ],
)
def test_a_generation_agrees_or_is_left_out(a, b):
    assert score(a, b, "person") >= MATCH_THRESHOLD


# ------------------------------------------------------------ Persian business words
@pytest.mark.parametrize(
    "a, b",
    [
        ("Tabriz Steel Trading Company", "SHERKAT BAZARGANI FOOLAD TABRIZ"),
        ("Kerman Chemical Industries Co", "SHERKAT SANAYE SHIMIYAI KERMAN"),
        ("Darvish Petrochemical Company", "SHERKAT PETROSHIMI DARVISH"),
        ("Zamard Construction Headquarters", "GHARARGAH SAZANDEGI ZAMARD"),
        ("Rahbar Shipping Lines Co", "SHERKAT KASHTIRANI RAHBAR"),
    ],
)
def test_persian_business_words(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


def test_persian_business_words_make_no_hit_alone():
    # same line of business, another city: two companies
    assert score("Tabriz Petrochemical Company", "SHERKAT PETROSHIMI KERMAN") < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        ("BANK MELLI", "NATIONAL BANK TRUST"),  # Melli, Tejarat name banks: not read as words
        ("BANK TEJARAT", "BANK FOR FOREIGN TRADE"),
        ("KOREA TRADE BANK", "TEJARAT BANK"),
    ],
)
def test_persian_bank_names_are_names(a, b):
    assert score(a, b) < REVIEW_THRESHOLD


def test_pinyin_both_names_write_stays_their_name_word():
    # Hangzhou Dianzi University is the official English name of 杭州电子科技大学
    assert score("Hangzhou Dianzi University", "Hangzhau Dianzi University", "company") >= MATCH_THRESHOLD


# ------------------------------------------------------------ helper-42's review of this round
@pytest.mark.parametrize(
    "a, b, schema",
    [
        # a company word and the same + a: other firms, not one firm declined
        ("Ruslan LLC", "Ruslana LLC", None),
        ("Modern Pharma LLC", "Moderna Pharma LLC", None),
        ("Baltic Trading Ltd", "Baltica Trading Ltd", None),
        # th, dh: other sounds in Vietnamese, Burmese and Indian names
        ("Nguyen Van Thuan", "Nguyen Van Tuan", "person"),
        ("Thura Shwe Mann", "Tura Shwe Mann", "person"),
        ("Dhara Patel", "Dara Patel", "person"),
        # u / v before a vowel or l, or in a short name: two names
        ("Hans Brauer", "Hans Braver", "person"),
        ("Paulsen Shipping AS", "Pavlsen Shipping AS", None),
        ("Mauro Conti", "Mavro Conti", "person"),
        # Persian family names are not business words
        ("Madani General Trading LLC", "Mining General Trading LLC", None),
        ("Daryaei Shipping Co", "Marine Shipping Co", None),
        # pinyin read as business words agrees with no generic-only name
        ("Haiyang Keji Co Ltd", "Marine Technology Co Ltd", None),
        ("Huagong Keji Youxian Gongsi", "Chemical Technology Co., Ltd.", None),
    ],
)
def test_what_the_review_of_this_round_found(a, b, schema):
    assert score(a, b, schema) < MATCH_THRESHOLD


def test_ould_is_a_name_word_not_a_free_stopword():
    # Ali son of Hassan against Hassan Ali: at most the name-parts subset (0.88), which a
    # search holds for review; as a free stopword ould let the names meet in full (0.97)
    assert score("Ali Ould Hassan", "ALI, Hassan", "person") < 0.9


# ------------------------------------------------------------ Sá is a family name
@pytest.mark.parametrize(
    "a, b",
    [
        ("SÁ, Pedro", "LIMITED LIABILITY COMPANY PTERO"),  # yente's family-first negatives
        ("SÁ, Renata", "RENTA A.S."),
        ("Lia Sá", "LIA CO L.L.C."),
    ],
)
def test_an_accented_word_is_no_legal_form(a, b):
    # "Sá" folds to "sa", the Romance legal form; a legal form is not written with an accent
    # the table does not write it with
    assert score(a, b) < MATCH_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        ("Kaya İnşaat A.Ş.", "Kaya Insaat AS"),
        ("Tamm OÜ", "Tamm OU"),
        ("Société Générale SÀRL", "Societe Generale SARL"),
    ],
)
def test_legal_forms_written_with_accents_stay_legal_forms(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


def test_a_pinyin_words_one_word_reading_outside_business_words_is_no_agreement():
    # zhihui is 智慧 (smart, wisdom) or 智汇, a brand: only "smart", a business word, is read
    assert score("Wisdom Technology", "Hefei Zhihui Semiconductor Application Technology Co., Ltd.") < REVIEW_THRESHOLD


# ------------------------------------------------------------ Persian words read as written first
@pytest.mark.parametrize(
    "a, b",
    [
        # one party's SDN aliases, the Persian word spelled two ways: they meet on it
        ("BANK TOSEH SADERAT IRAN", "BANK TOWSEEH SADERAT IRAN"),
        ("SANAYE ELECTRONIC IRAN", "SHERKAT SANAYEH ELECTRONICS IRAN"),
    ],
)
def test_a_persian_word_both_names_write_is_their_word(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


def test_a_name_with_a_persian_business_word_is_an_organisations():
    # nobody is named Gharargah: the list name is read as a company's, with its English readings
    assert score("Zamard Construction Headquarters", "GHARARGAH SAZANDEGI ZAMARD") >= MATCH_THRESHOLD


def test_a_connector_ending_the_given_names_is_no_lineage():
    # one SDN entry's aliases: the comma form leaves "bin" after the given names
    assert score("HIR, Zulkifli Bin Abdul", "ZULKIFLI, Abdul Hir bin", "person") >= MATCH_THRESHOLD


def test_an_abbreviations_reading_is_still_taken_when_neither_agrees():
    # one SDN entry's aliases: "Invest" read "investment" (generic) costs less left over
    # than as a name word; only pinyin and Persian terms keep the word as written
    assert score("INTERROS LIMITED", "INTERNATIONAL LIMITED LIABILITY COMPANY INTERROS INVEST") >= MATCH_THRESHOLD
