"""Notebook views (_repr_html_) and labels: bilingual, escaped and short for long tables."""

import ssrandom
from ssrandom import _html, labels

SEED = "2024-01-05 中国福利彩票3D 开奖号码 3 1 7"


def test_every_result_renders_html_with_bilingual_labels():
    bureau = ssrandom.Bureau.sample()
    policy = ssrandom.Policy.load("hebei-xinle-2024")
    drawn = ssrandom.draw(bureau, policy, "2024Q1", SEED)
    classification = ssrandom.classify(bureau, policy, "2024Q1")
    expected = {
        "Bureau": (bureau, "检查对象 entities by"),
        "Directory": (bureau.entities, "检查对象名录库"),
        "QualityReport": (bureau.quality, "警告 warning"),
        "Policy": (policy, "每季度抽查比例"),
        "Classification": (classification, "重点监管对象 key"),
        "Plan": (drawn.plan, "现场检查 on-site"),
        "DrawRecord": (drawn.record, "应抽 quota"),
        "DrawResult": (drawn, "抽取记录"),
    }
    for name, (obj, text) in expected.items():
        html = obj._repr_html_()
        assert html.startswith("<style>") and "</table>" in html, name
        assert text in html, name
    plan_html = drawn.plan._repr_html_()
    assert f"… {len(drawn.plan) - _html.MAX_ROWS} more" in plan_html
    assert drawn.record.seed in drawn.record._repr_html_()


def test_html_escapes_the_data():
    html = _html.table(["name"], [["<script>alert(1)</script>"]])
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_labels():
    assert labels.column("quota") == "应抽 quota"
    assert labels.column("unknown_column") == "unknown_column"
    assert labels.value("off_site") == "非现场监管 off-site"
    assert labels.value("off_site", chinese=False) == "off-site"
    assert labels.english("重点监管对象 key") == "key"
    assert labels.english("plain text") == "plain text"


def test_reprs_are_short():
    bureau = ssrandom.Bureau.sample(entities=50)
    for obj in (bureau, bureau.entities, bureau.quality):
        assert len(repr(obj)) < 120 and type(obj).__name__ in repr(obj)
