"""yue_pinyin.tsv (scripts/import_cantonese.py): Cantonese spellings read as pinyin."""

from screening.matching.resources import tables


def test_common_hong_kong_family_names_read_as_their_pinyin():
    yue = tables().yue_pinyin
    for spelling, reading in [("wong", "huang"), ("leung", "liang"), ("cheung", "zhang"), ("kwok", "guo"),
                              ("chan", "chen"), ("tsang", "zeng"), ("ho", "he")]:
        assert reading in yue[spelling], spelling
