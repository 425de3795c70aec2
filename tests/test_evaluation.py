"""The benchmark harness behind ``screening bench``."""

from screening.evaluation import format_report, pairs_report, search_report
from screening.matching import Matcher
from screening.types import Entry, Name


def test_pairs_report(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text(
        "name1,name2,is_match,schema\n"
        "GUANGZHOU HAIGE COMM GRP,Guangzhou Haige Communications Group,1,company\n"
        "CETC 13,CETC 14,0,company\n"
        "George Bush,George Habbash,0,person\n"
        "Jon Smith,John Smith,1,person\n",
        encoding="utf-8",
    )
    report = pairs_report(path)
    assert report["n"] == 4
    assert (report["precision"], report["recall"], report["f1"]) == (1.0, 1.0, 1.0)
    assert report["review"]["tp"] == 2 and report["best"]["f1"] == 1.0
    assert "precision 1.0000" in format_report(report)


def test_search_report(tmp_path):
    path = tmp_path / "search.csv"
    path.write_text("query,expected\nHikvsion,Hikvision|Hangzhou Hikvision\nnobody at all,\n", encoding="utf-8")
    matcher = Matcher([Entry(id="h", list_id="t", type="company", names=[Name("Hikvision")])])
    report = search_report(matcher, path)
    assert (report["positives"], report["found"], report["negatives"], report["false_positives"]) == (1, 1, 1, 0)
    assert set(report["latency_ms"]) == {"p50", "p95", "p99", "max"}
    assert "recall at review strength: 1.0000" in format_report(report)
