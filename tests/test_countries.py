"""Country names and codes to ISO 3166-1 alpha-2."""

from __future__ import annotations

import pytest

from screening.countries import country_name, country_of_address, to_iso2


@pytest.mark.parametrize(
    "value,expected",
    [
        ("China", "CN"), ("People’s Republic of China", "CN"), ("Russian Federation", "RU"), ("ru", "RU"),
        ("CHN", "CN"), ("Korea, North", "KP"), ("U.A.E.", "AE"), ("UK", "GB"), ("Türkiye", "TR"),
        ("Burma", "MM"), ("Palestinian", "PS"), ("Crimea Region of Ukraine", "UA"), ("Hong Kong", "HK"),
        ("Izhevsk", None), ("", None), (None, None), ("XX", None),
    ],
)
def test_to_iso2(value, expected):
    assert to_iso2(value) == expected


@pytest.mark.parametrize(
    "address,expected",
    [
        ("127 Yonyi Xilu, Xi'an, Shaanxi, 71002, CN", "CN"),
        ("Kabul, Afghanistan. (See alternate addresses under Pakistan).", "AF"),
        ("West of Xingsheng Avenue, Baigou Town, Baoding, Hebei, 074004 China.", "CN"),
        ("44 Karakozova Street, Penza, Penza Oblast, 440600, Russia.", "RU"),
        ("Technologiepark 19, 9052 Zwijnaarde Belgium.", "BE"),
        ("3415 RIVERA AVENUE, EL PASO, TX, 79905", "US"),  # a US state, not a country code
        ("LOS ANGELES, CA, 90001", "US"),
        ("Moscow, 127055", None),
        ("Beijing", None),
    ],
)
def test_country_of_address(address, expected):
    assert country_of_address(address) == expected


def test_country_name():
    assert country_name("cn") == "China"
    assert country_name("ZZ") is None
