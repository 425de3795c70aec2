"""The lists the service knows: their ids, titles, regimes and sources.

Every tool speaks these ids (issue 2). A company's own lists get ids it chooses
(``--list-id``) and are created on first import.
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.texts import table


@dataclass(frozen=True)
class ListInfo:
    id: str
    title: str
    regime: str  # CN | US | OWN
    authority: str
    source: str  # the update source that feeds it: "project", "us-csl", "own"
    url: str | None = None
    title_zh: str | None = None  # the title in Chinese (MOFCOM's own names for the China lists)


#: The China end-user category lists (rules.md §3.1, §8.1).
CN_MILITARY_END_USERS = "cn-military-end-users"
CN_SEMICONDUCTOR_END_USERS = "cn-semiconductor-end-users"

_CN = [  # the China lists in lists/
    ("cn-uel", "Unreliable Entity List (不可靠实体清单)", "MOFCOM UEL Working Mechanism",
     "https://www.mofcom.gov.cn/zwgk/zcfb/"),
    ("cn-control", "Export Control Control List (出口管制管控名单)", "MOFCOM",
     "https://www.mofcom.gov.cn/zwgk/zcfb/"),
    ("cn-watch", "Export Control Watch List (出口管制关注名单)", "MOFCOM",
     "https://www.mofcom.gov.cn/zwgk/zcfb/"),
    ("cn-countermeasures", "MOFCOM countermeasure orders (反制清单, AFSL)", "MOFCOM",
     "https://www.mofcom.gov.cn/zwgk/zcfb/"),
    (CN_MILITARY_END_USERS, "Overseas military end users (No. 61 Art. 2; 2024 No. 46; 2026 No. 1)",
     "MOFCOM", "https://www.mofcom.gov.cn/zwgk/zcfb/"),
    (CN_SEMICONDUCTOR_END_USERS, "Advanced-semiconductor end users (No. 61 Art. 4)", "MOFCOM",
     "https://www.mofcom.gov.cn/zwgk/zcfb/"),
]

#: Parties the press reported as under consideration for the US Entity List, with no
#: listing found (rules.md §7.1: "CXMT is not shown as listed in any source found ...
#: treat a hit as REVIEW"). Kept by the project, like the China lists.
US_EL_REPORTED = "us-el-reported"
_PROJECT_US: list[tuple[str, str, str, str | None]] = [
    (US_EL_REPORTED, "Reported Entity List candidates, not confirmed (press reports)", "press reports", None),
]

#: CSL ``source`` column value (prefix before " - ") or short code -> list id.
CSL_SOURCES: dict[str, tuple[str, str]] = {
    # code: (list id, title)
    "EL": ("us-el", "Entity List (BIS)"),
    "MEU": ("us-meu", "Military End User List (BIS)"),
    "UVL": ("us-uvl", "Unverified List (BIS)"),
    "DPL": ("us-dpl", "Denied Persons List (BIS)"),
    "SDN": ("us-sdn", "Specially Designated Nationals (OFAC)"),
    "SSI": ("us-ssi", "Sectoral Sanctions Identifications (OFAC)"),
    "ISN": ("us-isn", "Nonproliferation Sanctions (State ISN)"),
    "DTC": ("us-dtc", "ITAR Debarred (State DDTC)"),
    "CMIC": ("us-cmic", "Non-SDN Chinese Military-Industrial Complex Companies (OFAC)"),
    "PLC": ("us-plc", "Non-SDN Palestinian Legislative Council (OFAC)"),
    "MBS": ("us-mbs", "Non-SDN Menu-Based Sanctions (OFAC)"),
    "FSE": ("us-fse", "Foreign Sanctions Evaders (OFAC)"),
    "CAP": ("us-cap", "Correspondent Account or Payable-Through Account Sanctions (OFAC)"),
}

#: The titles in Chinese: MOFCOM's names for its lists, the usual Chinese names of the US ones.
TITLES_ZH = {
    "cn-uel": "不可靠实体清单",
    "cn-control": "出口管制管控名单",
    "cn-watch": "出口管制关注名单",
    "cn-countermeasures": "商务部反制措施决定（反制清单）",
    US_EL_REPORTED: "据报道拟列入美国实体清单但未经证实的企业",
    CN_MILITARY_END_USERS: "境外军事最终用户（第61号公告第二条；2024年第46号公告；2026年第1号公告）",
    CN_SEMICONDUCTOR_END_USERS: "先进半导体最终用户（第61号公告第四条）",
    "us-el": "实体清单（美国商务部工业与安全局 BIS）",
    "us-meu": "军事最终用户清单（BIS）",
    "us-uvl": "未经核实清单（BIS）",
    "us-dpl": "拒绝人员清单（BIS）",
    "us-sdn": "特别指定国民清单（SDN，美国财政部海外资产控制办公室 OFAC）",
    "us-ssi": "行业制裁识别清单（SSI，OFAC）",
    "us-isn": "防扩散制裁（美国国务院 ISN）",
    "us-dtc": "《国际武器贸易条例》禁止名单（美国国务院 DDTC）",
    "us-cmic": "非SDN中国军事工业复合体企业清单（NS-CMIC，OFAC）",
    "us-plc": "非SDN巴勒斯坦立法委员会清单（NS-PLC，OFAC）",
    "us-mbs": "非SDN菜单式制裁清单（NS-MBS，OFAC）",
    "us-fse": "外国制裁规避者清单（FSE，OFAC）",
    "us-cap": "代理行账户或通汇账户制裁清单（CAPTA，OFAC）",
}

_US_AUTH = {
    "us-el": "BIS", "us-meu": "BIS", "us-uvl": "BIS", "us-dpl": "BIS",
    "us-isn": "State", "us-dtc": "State",
}

#: Lists the rules name (rules.md): end-user category lists and the US lists with rules of
#: their own (Entity List footnotes, MEU, OFAC programs). Everything else uses these names.
US_EL = CSL_SOURCES["EL"][0]
US_MEU = CSL_SOURCES["MEU"][0]
US_SDN = CSL_SOURCES["SDN"][0]

#: End-user category lists: their entries cite several instruments at once.
CATEGORY_LISTS = (CN_MILITARY_END_USERS, CN_SEMICONDUCTOR_END_USERS)

LISTS: dict[str, ListInfo] = {}
for _id, _title, _auth, _url in _CN:
    LISTS[_id] = ListInfo(_id, _title, "CN", _auth, "project", _url, TITLES_ZH[_id])
for _id, _title, _auth, _no_url in _PROJECT_US:
    LISTS[_id] = ListInfo(_id, _title, "US", _auth, "project", _no_url, TITLES_ZH[_id])
for _code, (_id, _title) in CSL_SOURCES.items():
    LISTS[_id] = ListInfo(_id, _title, "US", _US_AUTH.get(_id, "OFAC"), "us-csl",
                          "https://www.trade.gov/consolidated-screening-list", TITLES_ZH[_id])

#: A list's title as a bilingual phrase (a company's own list: its id, untranslated).
list_title = table("list", {i: info.title for i, info in LISTS.items()},
                   {i: info.title_zh or info.title for i, info in LISTS.items()})

US_LIST_IDS = tuple(v[0] for v in CSL_SOURCES.values())
CN_LIST_IDS = tuple(x[0] for x in _CN)
#: The lists the project keeps in lists/ (``screening lists update project``).
PROJECT_LIST_IDS = CN_LIST_IDS + tuple(x[0] for x in _PROJECT_US)


def csl_list_id(source_value: str) -> str | None:
    """Map a CSL ``source`` cell ("Entity List (EL) - Bureau of Industry and Security",
    "EL", "Non-SDN Menu-Based Sanctions List (NS-MBS List) ...") to a list id."""
    s = source_value.strip()
    if not s:
        return None
    up = s.upper()
    if up in CSL_SOURCES:
        return CSL_SOURCES[up][0]
    import re

    for code in re.findall(r"\(([^)]+)\)", s):
        c = code.upper().replace("NS-", "").replace(" LIST", "").strip()
        if c in CSL_SOURCES:
            return CSL_SOURCES[c][0]
    for code, (list_id, _) in CSL_SOURCES.items():
        if re.search(rf"\b(NS-)?{code}\b", up):
            return list_id
    return None


def list_info(list_id: str) -> ListInfo:
    """Known list, or an ad-hoc company list."""
    return LISTS.get(list_id) or ListInfo(list_id, list_id, "OWN", "own list", "own")
