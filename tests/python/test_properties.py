"""Property tests of the draw's invariants from Python (hypothesis), on random small bureaus built from
DataFrames and random public seeds."""

import json

import pytest

import ssrandom

hypothesis = pytest.importorskip("hypothesis")
pandas = pytest.importorskip("pandas")
from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

POLICY = ssrandom.Policy.load("hebei-xinle-2024")
PERIOD = "2024Q2"
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    print_blob=True)

entity = st.fixed_dictionaries({
    "permit_class": st.sampled_from(["key", "simplified", "registration", "none", None]),
    "key_unit": st.sampled_from([True, False, None]),
    "positive_list": st.sampled_from([True, False, False, None]),
    "credit": st.sampled_from(["A", "B", "C", "D", None]),
    "penalties_last_year": st.sampled_from([0, 0, 1, 3, None]),
    "status": st.sampled_from(["active", "active", "active", "suspended", "closed"]),
    "area": st.sampled_from(["杜固", "承安", "市区", "开发区"]),
})
seeds = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != "")


@st.composite
def bureaus(draw, min_size=1, max_size=80):
    rows = draw(st.lists(entity, min_size=min_size, max_size=max_size))
    frame = pandas.DataFrame(rows)
    frame.insert(0, "id", [f"E-{i:03d}" for i in range(len(rows))])
    frame = frame.sample(frac=1, random_state=draw(st.integers(0, 2**16)))  # row order must not matter
    return frame


def classified(frame):
    bureau = ssrandom.Bureau.from_pandas(frame)
    return bureau, ssrandom.classify(bureau, POLICY, PERIOD).to_pandas(explain=False)


def members(classes, stratum):
    rows = classes[classes["pool"] == stratum["pool"]]
    if stratum["credit_class"]:
        rows = rows[rows["credit"] == stratum["credit_class"]]
    return rows["id"].tolist()


@SETTINGS
@given(bureaus(), seeds)
def test_the_draw_is_deterministic_and_meets_every_quota(frame, seed):
    bureau, classes = classified(frame)
    first = ssrandom.draw(bureau, POLICY, PERIOD, seed)
    again = ssrandom.draw(ssrandom.Bureau.from_pandas(frame.iloc[::-1]), POLICY, PERIOD, seed)
    assert again.record.to_json() == first.record.to_json()
    assert again.plan.to_json() == first.plan.to_json()
    for stratum in first.record.strata:
        assert len(stratum["selected"]) == stratum["quota"], stratum["stratum"]
        assert stratum["pool_size"] == len(members(classes, stratum)), stratum["stratum"]
    assert len(first.plan) == sum(s["quota"] for s in first.record.strata)


@SETTINGS
@given(bureaus(), seeds, st.data())
def test_a_stratum_drawn_alone_gives_the_same_selection(frame, seed, data):
    bureau, classes = classified(frame)
    drawn = ssrandom.draw(bureau, POLICY, PERIOD, seed)
    strata = [s for s in drawn.record.strata if s["pool_size"] > 0]
    assume(strata)
    stratum = data.draw(st.sampled_from(strata))
    ids = set(members(classes, stratum))
    alone = ssrandom.draw(ssrandom.Bureau.from_pandas(frame[frame["id"].isin(ids)]), POLICY, PERIOD, seed)
    same = [s for s in alone.record.strata if s["stratum"] == stratum["stratum"]]
    assert len(same) == 1
    assert same[0]["pool_size"] == stratum["pool_size"] and same[0]["quota"] == stratum["quota"]
    assert same[0]["selected"] == stratum["selected"]


@SETTINGS
@given(bureaus(min_size=5), seeds, st.data())
def test_a_larger_quota_extends_a_smaller_one(frame, seed, data):
    bureau, classes = classified(frame)
    drawn = ssrandom.draw(bureau, POLICY, PERIOD, seed)
    strata = [s for s in drawn.record.strata if s["pool_size"] > 0]
    assume(strata)
    stratum = data.draw(st.sampled_from(strata))
    pool = members(classes, stratum)
    # The stratum's selection is its quota of lowest tickets ...
    assert [s["id"] for s in stratum["selected"]] == ssrandom.sample(seed, pool, stratum["quota"])
    # ... and any larger quota keeps it as its prefix.
    small = data.draw(st.integers(0, len(pool)))
    large = data.draw(st.integers(small, len(pool)))
    assert ssrandom.sample(seed, pool, large)[:small] == ssrandom.sample(seed, pool, small)


def _mutations(record):
    """(name, mutate) pairs, each changing one thing a verifier must notice."""
    out = [
        ("seed", lambda d: d.__setitem__("seed", d["seed"] + "x")),
        ("period", lambda d: d.__setitem__("period", "2024Q3")),
        ("directory digest", lambda d: d["directory"].__setitem__("digest", "0" * 64)),
        ("directory size", lambda d: d["directory"].__setitem__("size", d["directory"]["size"] + 1)),
        ("policy digest", lambda d: d["policy"].__setitem__("digest", "f" * 64)),
        ("plan digest", lambda d: d.__setitem__("plan_digest", "a" * 64)),
    ]
    for i, stratum in enumerate(record["strata"]):
        out.append((f"quota {i}", lambda d, i=i: d["strata"][i].__setitem__("quota", d["strata"][i]["quota"] + 1)))
        out.append((f"pool size {i}", lambda d, i=i: d["strata"][i].__setitem__(
            "pool_size", d["strata"][i]["pool_size"] + 1)))
        if stratum["selected"]:
            out.append((f"drop {i}", lambda d, i=i: d["strata"][i]["selected"].pop()))
            out.append((f"id {i}", lambda d, i=i: d["strata"][i]["selected"][0].__setitem__("id", "E-999")))
            out.append((f"ticket {i}", lambda d, i=i: d["strata"][i]["selected"][0].__setitem__(
                "ticket", d["strata"][i]["selected"][0]["ticket"][:-1] +
                ("1" if d["strata"][i]["selected"][0]["ticket"][-1] != "1" else "2"))))
        if len(stratum["selected"]) >= 2:
            out.append((f"order {i}", lambda d, i=i: d["strata"][i]["selected"].reverse()))
    return out


@SETTINGS
@given(bureaus(), seeds, st.data())
def test_verify_fails_on_any_mutated_record(frame, seed, data):
    bureau = ssrandom.Bureau.from_pandas(frame)
    drawn = ssrandom.draw(bureau, POLICY, PERIOD, seed)
    assert ssrandom.verify(drawn.record, bureau, POLICY).ok
    document = json.loads(drawn.record.to_json())
    name, mutate = data.draw(st.sampled_from(_mutations(document)))
    mutate(document)
    text = json.dumps(document, ensure_ascii=False)
    assume(text != drawn.record.to_json())
    try:
        result = ssrandom.verify(ssrandom.DrawRecord(text), bureau, POLICY)
    except ssrandom.InvalidInputError:
        return  # a malformed record is rejected outright
    assert not result.ok, name
