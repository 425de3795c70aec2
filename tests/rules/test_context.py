"""Transaction context: tolerant parsing, clear refusals, item classification."""

from __future__ import annotations

import pytest

from screening.rules.context import TransactionContext, classify_item, parse_end_use, parse_share
from screening.errors import Invalid


def test_share_accepts_fraction_and_percent():
    assert parse_share("0.5%") == pytest.approx(0.005)
    assert parse_share("0.005") == pytest.approx(0.005)
    assert parse_share(0.001) == pytest.approx(0.001)
    assert parse_share("12 %") == pytest.approx(0.12)
    assert parse_share("0,2%") == pytest.approx(0.002)
    assert parse_share("") is None
    assert parse_share("unknown") is None


def test_share_refuses_ambiguous_or_bad_values():
    with pytest.raises(Invalid, match="between 0 and 1"):
        parse_share("5")  # 5 what? a bare number above 1 is not guessed to be a percentage
    with pytest.raises(Invalid, match="fraction"):
        parse_share("half")
    with pytest.raises(Invalid):
        parse_share("150%")


def test_end_use_spellings():
    assert parse_end_use("Military") == "military"
    assert parse_end_use("weapons of mass destruction") == "wmd"
    assert parse_end_use("memory-ge-256-layers") == "memory_ge_256_layers"
    assert parse_end_use("NAND") == "memory_ge_256_layers"
    assert parse_end_use("disaster relief") == "humanitarian"
    assert parse_end_use("commercial") == "civil"
    with pytest.raises(Invalid, match="end_use must be one of"):
        parse_end_use("space tourism")


def test_from_dict_tolerates_key_spellings_and_strings():
    ctx = TransactionContext.from_dict({
        "item": " Dy  oxide ", "cn-share": "0.5%", "endUse": "wmd", "Subject to EAR": "yes",
        "us_person": "no", "origin": "China", "destination": "Japan",
        "made_with_cn_technology": "unknown",
    })
    assert ctx.item == "Dy oxide"
    assert ctx.cn_origin_share == pytest.approx(0.005)
    assert ctx.end_use == "wmd"
    assert ctx.subject_to_ear is True
    assert ctx.us_person is False
    assert ctx.item_origin == "CN"
    assert ctx.destination == "JP"
    assert ctx.made_with_cn_technology is None


def test_item_origin_other_countries_are_foreign():
    assert TransactionContext.from_dict({"item_origin": "DE"}).item_origin == "foreign"
    assert TransactionContext.from_dict({"item_origin": "foreign"}).item_origin == "foreign"
    assert TransactionContext.from_dict({"item_origin": "cn"}).item_origin == "CN"


def test_unknown_field_and_bad_boolean_are_422():
    with pytest.raises(Invalid, match="unknown transaction field 'colour'") as exc:
        TransactionContext.from_dict({"colour": "red"})
    assert exc.value.status == 422
    with pytest.raises(Invalid, match="subject_to_ear must be yes, no or unknown"):
        TransactionContext.from_dict({"subject_to_ear": "perhaps"})
    with pytest.raises(Invalid, match="destination must be a country"):
        TransactionContext.from_dict({"destination": "Atlantis"})


def test_from_string():
    ctx = TransactionContext.from_string("item=1C904; end_use=military; cn_origin_share=0.2%")
    assert (ctx.item, ctx.end_use, ctx.cn_origin_share) == ("1C904", "military", pytest.approx(0.002))
    with pytest.raises(Invalid, match="not key=value"):
        TransactionContext.from_string("item Tb")


def test_empty_and_to_dict():
    assert TransactionContext().is_empty() is True
    assert TransactionContext.from_dict({}).is_empty() is True
    assert TransactionContext(item="Tb").is_empty() is False
    assert TransactionContext(item="Tb", us_person=False).to_dict() == {"item": "Tb", "us_person": False}
    assert "end_use" in TransactionContext(item="Tb").missing()


def test_classify_elements_codes_and_kinds():
    assert classify_item("1C904").elements == {"Tb"}
    assert classify_item("terbium").elements == {"Tb"}
    assert classify_item("镝").elements == {"Dy"}
    assert classify_item("dysprosium oxide").kinds == {"oxide"}
    assert classify_item("NdFeB magnet").elements == {"Nd"}
    assert classify_item("NdFeB magnet").kinds == {"magnet"}
    assert classify_item("Sm-Co magnet").elements == {"Sm"}
    assert classify_item("rare-earth magnet").kinds == {"magnet"}
    assert classify_item("sputtering target").kinds == {"sputtering_target"}
    assert classify_item("technology").kinds == {"technology"}
    assert classify_item("1A004.c").eccns == {"1A004.C"}
    assert classify_item("EAR99").kinds == {"ear99"}
    assert classify_item("by the way").recognised is False  # "by" is not yttrium
    assert classify_item("") is None
