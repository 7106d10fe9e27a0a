"""ssrandom.plots: the data behind each plot, PNG output, bilingual labels and the English fallback."""

import json
import random

import pytest

import ssrandom

pytest.importorskip("matplotlib")
pytest.importorskip("pandas")
import ssrandom.plots as plots  # noqa: E402

SEED = "2024-01-05 中国福利彩票3D 开奖号码 3 1 7"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def bureau():
    return ssrandom.Bureau.sample()


@pytest.fixture(scope="module")
def policy():
    return ssrandom.Policy.load("hebei-xinle-2024")


@pytest.fixture(scope="module")
def year(bureau, policy):
    draws = []
    for quarter in ssrandom.Period("2024").quarters():
        draws.append(ssrandom.draw(bureau, policy, quarter, SEED, history=[d.plan for d in draws]))
    return draws


@pytest.fixture(scope="module")
def teamed(bureau, year):
    """The year's plans with synthetic teams and joint types, as the team draw will fill them."""
    inspectors = list(bureau.to_pandas("inspectors")["id"])
    rng = random.Random(7)
    plans = []
    for result in year:
        document = json.loads(result.plan.to_json())
        for i, task in enumerate(document["tasks"]):
            task["team"] = rng.sample(inspectors, 2)
            task["joint"] = ("none", "internal", "none", "department")[i % 4]
            task["partner_department"] = "D-01" if task["joint"] == "department" else ""
        plans.append(ssrandom.Plan(json.dumps(document, ensure_ascii=False)))
    return plans


def test_ratio_values():
    assert plots.ratio_value("25%") == 0.25
    assert plots.ratio_value("12.5％") == 0.125
    assert plots.ratio_value("0.03") == 0.03
    assert abs(plots.ratio_value("1/3") - 1 / 3) < 1e-12


def test_coverage_frame(year, policy):
    frame = plots.coverage_frame(year, policy)
    assert list(frame["period"].unique()) == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert set(frame["pool"]) == {"special", "key", "positive", "general"}
    q1 = frame[frame["period"] == "2024Q1"].set_index("pool")
    assert q1.loc["key", "minimum"] == 0.25
    assert q1.loc["positive", "coverage"] == 1.0
    assert (frame["drawn"] <= frame["quota"]).all()
    one = plots.coverage_frame(year[0].record)  # minimums from the record's own ratios
    assert len(one) == 4


def test_area_frame(year, bureau):
    frame = plots.area_frame(year, bureau.entities)
    assert frame["tasks"].sum() == sum(len(d.plan) for d in year)
    assert frame["entities"].sum() == bureau.entity_count
    assert list(frame["tasks"]) == sorted(frame["tasks"], reverse=True)
    assert list(plots.area_frame(year[0]).columns) == ["area", "tasks"]


def test_joint_and_workload_frames_wait_for_teams(year, bureau):
    joint = plots.joint_frame(year)
    assert list(joint["period"]) == ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "year"]
    assert (joint["share"] == 0).all()
    work = plots.workload_frame(year, bureau)
    inspectors = bureau.to_pandas("inspectors")
    assert len(work) == int(inspectors["active"].fillna(True).sum())  # active inspectors, each with 0
    assert (work["tasks"] == 0).all()


def test_joint_and_workload_frames_read_the_teams(teamed, bureau):
    joint = plots.joint_frame(teamed).set_index("period")
    assert joint.loc["year", "tasks"] == sum(len(p) for p in teamed)
    assert abs(joint.loc["year", "share"] - 0.5) < 0.01
    work = plots.workload_frame(teamed, bureau)
    assert work["tasks"].sum() == 2 * sum(len(p) for p in teamed)


@pytest.mark.parametrize("name", ["coverage", "joint", "workload", "areas"])
def test_each_plot_saves_a_png(tmp_path, name, year, teamed, bureau, policy):
    path = tmp_path / f"{name}.png"
    if name == "coverage":
        figure = plots.quota_coverage(year, policy, path=path)
    elif name == "joint":
        figure = plots.joint_share(teamed, policy, path=path)
    elif name == "workload":
        figure = plots.workload(teamed, bureau, max_load=40, path=path)
    else:
        figure = plots.by_area(year, bureau, path=path)
    assert path.read_bytes()[:8] == PNG
    assert figure.axes and figure.axes[0].get_title()


def test_plots_of_nothing_say_so(tmp_path, year):
    figure = plots.workload(year, path=tmp_path / "w.png")
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert any("no teams assigned yet" in t for t in texts)
    assert plots.quota_coverage([], path=tmp_path / "c.png").axes[0].texts


def test_labels_are_bilingual_with_a_cjk_font_and_english_without(monkeypatch, year, policy):
    if plots.cjk_font() is None:
        pytest.skip("no CJK font installed (scripts/bootstrap --test installs fonts-noto-cjk)")
    figure = plots.quota_coverage(year, policy)
    assert "重点监管对象 key" in [t.get_text() for t in figure.axes[0].get_xticklabels()]
    monkeypatch.setattr(plots, "cjk_font", lambda: None)
    figure = plots.quota_coverage(year, policy)
    labels = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert "key" in labels and not any("重点" in label for label in labels)


def test_plots_need_draws_not_other_things():
    with pytest.raises(TypeError):
        plots.coverage_frame(["2024Q1"])
