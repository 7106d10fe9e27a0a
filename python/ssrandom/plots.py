"""Plots for notebooks and reports (matplotlib, the optional extra ``plot``): quota coverage, joint inspections,
inspector workload and tasks by area.

Each plot has a ``*_frame`` function giving its data as a DataFrame, and a function drawing it on a new
:class:`matplotlib.figure.Figure` (no pyplot state, any backend: a notebook shows the figure, ``path=`` saves it
as PNG through Agg, which is what the command line does)::

    >>> import ssrandom, ssrandom.plots
    >>> figure = ssrandom.plots.quota_coverage(draws, policy, path="coverage.png")   # doctest: +SKIP

Labels are bilingual (``重点监管对象 key``) when a CJK font is installed (Noto Sans CJK, Source Han Sans,
WenQuanYi, SimHei …; on Debian ``apt-get install fonts-noto-cjk``); without one they fall back to English, so a
figure never shows empty boxes. :func:`cjk_font` says which font is used.

The joint-inspection and workload plots read the ``joint`` and ``team`` fields of plan tasks, which the team
draw fills; on plans without teams they say so on the figure.
"""

from __future__ import annotations

import collections
import contextlib
import fractions
import functools
import io
import os
import re
import sys
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Set, Union

from ssrandom import _frames, labels
from ssrandom.entity_draw import DrawRecord, DrawResult, Plan

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas
    from matplotlib.figure import Figure

__all__ = ["cjk_font", "ratio_value", "coverage_frame", "quota_coverage", "joint_frame", "joint_share",
           "workload_frame", "workload", "area_frame", "by_area", "save_png", "POOLS"]

#: The pools in the order plots show them.
POOLS = ("special", "key", "positive", "general")

#: Font families tried, in order, for Chinese labels.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans SC",
             "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei",
             "PingFang SC", "Heiti SC", "Noto Serif CJK SC", "AR PL UMing CN")

_COLOURS = ("#4C72B0", "#55A868", "#C44E52", "#8172B2", "#CCB974", "#64B5CD", "#DD8452", "#937860")

Draws = Sequence[Union[DrawResult, DrawRecord, Plan]]
PathLike = Union[str, "os.PathLike[str]"]


# --- fonts and figures --------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def cjk_font() -> Optional[str]:
    """The installed font family used for Chinese labels, or ``None`` (labels are then English only)."""
    font_manager = _frames.require("matplotlib.font_manager", "plots")
    found = _cjk_family({font.name for font in font_manager.fontManager.ttflist})
    if found is None:
        # matplotlib caches the font list when first imported; fonts installed later (fonts-noto-cjk) are added
        # here from the system's list.
        for path in font_manager.findSystemFonts():
            if re.search(r"(?i)cjk|wqy|wenquanyi|sourcehan|simhei|msyh|droidsansfallback", os.path.basename(path)):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        found = _cjk_family({font.name for font in font_manager.fontManager.ttflist})
    return found


def _cjk_family(installed: Set[str]) -> Optional[str]:
    for family in CJK_FONTS:
        if family in installed:
            return family
    for name in sorted(installed):  # any other CJK family
        if "CJK" in name or "Hei" in name or "Han Sans" in name:
            return str(name)
    return None


def _label(text: str) -> str:
    return text if cjk_font() else labels.english(text)


@contextlib.contextmanager
def _style() -> Iterator[None]:
    matplotlib = _frames.require("matplotlib", "plots")
    family = cjk_font()
    settings: Dict[str, Any] = {"axes.unicode_minus": False, "axes.spines.top": False,
                                "axes.spines.right": False, "font.size": 10}
    if family:
        settings["font.family"] = [family, "DejaVu Sans"]
    with matplotlib.rc_context(settings):
        yield


def _figure(width: float = 8.0, height: float = 4.5) -> "Figure":
    figure_module = _frames.require("matplotlib.figure", "plots")
    _show_in_notebooks(figure_module.Figure)
    figure: "Figure" = figure_module.Figure(figsize=(width, height), layout="constrained")
    return figure


def _png_bytes(figure: "Figure") -> bytes:
    out = io.BytesIO()
    with _style():
        figure.savefig(out, format="png", dpi=110)
    return out.getvalue()


def _show_in_notebooks(figure_class: Any) -> None:
    """In IPython/Jupyter, shows figures as PNG even when pyplot (and with it the inline backend) was never
    imported: the plots build figures without pyplot so as to leave the user's backend alone."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", None)
    if not formatters or "image/png" not in formatters:
        return
    png = formatters["image/png"]
    if figure_class not in png.type_printers:  # leave %matplotlib inline's own printer in place
        png.for_type(figure_class, _png_bytes)


def save_png(figure: "Figure", path: PathLike, dpi: int = 150) -> str:
    """Saves ``figure`` as a PNG (Agg, no display needed) and returns the path."""
    path = os.fspath(path)
    with _style():
        figure.savefig(path, format="png", dpi=dpi)
    return path


def _finish(figure: "Figure", path: Optional[PathLike]) -> "Figure":
    if path is not None:
        save_png(figure, path)
    return figure


def _note(ax: Any, text: str) -> None:
    ax.text(0.5, 0.5, _label(text), transform=ax.transAxes, ha="center", va="center", color="#777777",
            wrap=True)


# --- inputs -------------------------------------------------------------------------------------------------

def ratio_value(text: str) -> float:
    """A policy ratio as a number: ``"25%"`` → 0.25, ``"0.03"`` → 0.03, ``"1/3"`` → 0.333…"""
    text = text.strip().replace("％", "%")
    if text.endswith("%"):
        return float(fractions.Fraction(text[:-1])) / 100
    return float(fractions.Fraction(text))


def _records(draws: Iterable[Union[DrawResult, DrawRecord]]) -> List[DrawRecord]:
    out = []
    for draw in draws:
        if isinstance(draw, DrawResult):
            out.append(draw.record)
        elif isinstance(draw, DrawRecord):
            out.append(draw)
        else:
            raise TypeError(f"expected DrawResult or DrawRecord objects, not {type(draw).__name__}")
    return sorted(out, key=lambda record: record.period)


def _plans(draws: Iterable[Union[DrawResult, Plan]]) -> List[Plan]:
    out = []
    for draw in draws:
        if isinstance(draw, DrawResult):
            out.append(draw.plan)
        elif isinstance(draw, Plan):
            out.append(draw)
        else:
            raise TypeError(f"expected DrawResult or Plan objects, not {type(draw).__name__}")
    return sorted(out, key=lambda plan: plan.period)


def _one_or_many(draws: Any) -> List[Any]:
    return [draws] if isinstance(draws, (DrawResult, DrawRecord, Plan)) else list(draws)


# --- quota coverage -----------------------------------------------------------------------------------------

def coverage_frame(draws: Any, policy: Any = None) -> "pandas.DataFrame":
    """Per quarter and pool: the pool's size, its quota, the entities drawn, the coverage (drawn / size) and the
    policy's minimum ratio (from ``policy``, else the smallest ratio the record applied to the pool).

    ``draws`` is a :class:`DrawResult`, a :class:`DrawRecord` or a list of them (e.g. the year's quarters).
    """
    pd = _frames.require("pandas", "plots", "plot")
    minimums = {pool: ratio_value(q["minimum"]) for pool, q in policy.quotas.items()} if policy is not None else {}
    rows = []
    for record in _records(_one_or_many(draws)):
        totals: Dict[str, Dict[str, Any]] = {}
        for stratum in record.strata:
            entry = totals.setdefault(stratum["pool"], {"pool_size": 0, "quota": 0, "drawn": 0, "ratios": []})
            entry["pool_size"] += stratum["pool_size"]
            entry["quota"] += stratum["quota"]
            entry["drawn"] += len(stratum["selected"])
            entry["ratios"].append(ratio_value(stratum["ratio"]))
        for pool in POOLS:
            if pool not in totals:
                continue
            entry = totals[pool]
            size = entry["pool_size"]
            rows.append({"period": record.period, "pool": pool, "pool_size": size, "quota": entry["quota"],
                         "drawn": entry["drawn"], "coverage": entry["drawn"] / size if size else float("nan"),
                         "minimum": minimums.get(pool, min(entry["ratios"]))})
    frame: "pandas.DataFrame" = pd.DataFrame(
        rows, columns=["period", "pool", "pool_size", "quota", "drawn", "coverage", "minimum"])
    return frame


def quota_coverage(draws: Any, policy: Any = None, *, path: Optional[PathLike] = None,
                   title: Optional[str] = None) -> "Figure":
    """Grouped bars: for each pool (class), the share of its entities drawn in each quarter, with the policy's
    minimum as a line across the group. See :func:`coverage_frame` for the data."""
    frame = coverage_frame(draws, policy)
    with _style():
        figure = _figure()
        ax = figure.subplots()
        if frame.empty:
            _note(ax, "没有抽取记录 no draws")
            return _finish(figure, path)
        periods = list(dict.fromkeys(frame["period"]))
        pools = [pool for pool in POOLS if pool in set(frame["pool"])]
        width = 0.8 / len(periods)
        for j, period in enumerate(periods):
            part = frame[frame["period"] == period].set_index("pool")
            shown = [pool for pool in pools if pool in part.index]
            xs = [pools.index(pool) - 0.4 + width * (j + 0.5) for pool in shown]
            ys = [100 * float(part.loc[pool, "coverage"]) for pool in shown]
            bars = ax.bar(xs, ys, width * 0.92, label=period, color=_COLOURS[j % len(_COLOURS)])
            short = [float(part.loc[pool, "coverage"]) < float(part.loc[pool, "minimum"]) for pool in shown]
            texts = ax.bar_label(bars, labels=[f"{y:.0f}%" for y in ys], fontsize=7, padding=1)
            for text, below in zip(texts, short):
                if below:  # under the policy's minimum: the whole pool was taken, or a cap or rotation bit
                    text.set_color(_COLOURS[2])
                    text.set_fontweight("bold")
        for i, pool in enumerate(pools):
            minimum = 100 * float(frame[frame["pool"] == pool]["minimum"].iloc[0])
            ax.hlines(minimum, i - 0.45, i + 0.45, colors="#222222", linestyles="--", linewidth=1.2,
                      label=_label("最低比例 minimum") if i == 0 else "_nolegend_")
        ax.set_xticks(range(len(pools)), [_label(labels.value(pool)) for pool in pools])
        ax.set_ylabel(_label("抽查覆盖率 share drawn (%)"))
        ax.set_ylim(0, max(100.0, float(frame["coverage"].max()) * 100) + 8)
        ax.set_title(title or _label("各类监管对象抽查覆盖率 Quota coverage per class and quarter"))
        ax.legend(fontsize=8, ncols=min(6, len(periods) + 1), loc="upper center", bbox_to_anchor=(0.5, -0.1),
                  frameon=False)
    return _finish(figure, path)


# --- joint inspections (filled by the team draw) ------------------------------------------------------------

def joint_frame(plans: Any) -> "pandas.DataFrame":
    """Per quarter, and for the whole span as ``"year"``: tasks, internal joint tasks, department joint tasks
    and the joint share. Reads each task's ``joint`` field (``none``, ``internal``, ``department``), which the
    team draw fills."""
    pd = _frames.require("pandas", "plots", "plot")
    rows = []
    totals = collections.Counter()  # type: collections.Counter[str]
    for plan in _plans(_one_or_many(plans)):
        counts = collections.Counter(str(task.get("joint") or "none") for task in plan.tasks)
        totals.update(counts)
        totals["tasks"] += len(plan)
        rows.append({"period": plan.period, "tasks": len(plan), "internal": counts["internal"],
                     "department": counts["department"]})
    if rows:
        rows.append({"period": "year", "tasks": totals["tasks"], "internal": totals["internal"],
                     "department": totals["department"]})
    frame: "pandas.DataFrame" = pd.DataFrame(rows, columns=["period", "tasks", "internal", "department"])
    frame["share"] = (frame["internal"] + frame["department"]) / frame["tasks"].where(frame["tasks"] > 0)
    return frame


def joint_share(plans: Any, policy: Any = None, *, path: Optional[PathLike] = None,
                title: Optional[str] = None) -> "Figure":
    """Stacked bars of the joint-inspection share per quarter and for the year (internal and department
    joint tasks), with the policy's ``internal_joint_share`` target as a line when ``policy`` is given."""
    frame = joint_frame(plans)
    with _style():
        figure = _figure(7.0, 4.0)
        ax = figure.subplots()
        if frame.empty:
            _note(ax, "没有计划 no plans")
            return _finish(figure, path)
        xs = list(range(len(frame)))
        names = [_label("全年 year") if p == "year" else p for p in frame["period"]]
        tasks = frame["tasks"].where(frame["tasks"] > 0, 1)
        internal = 100 * frame["internal"] / tasks
        department = 100 * frame["department"] / tasks
        ax.bar(xs, internal, 0.6, label=_label(labels.value("internal")), color=_COLOURS[0])
        ax.bar(xs, department, 0.6, bottom=internal, label=_label(labels.value("department")),
               color=_COLOURS[1])
        if policy is not None:
            target = 100 * ratio_value(policy.joint["internal_joint_share"])
            ax.axhline(target, color="#222222", linestyle="--", linewidth=1.2,
                       label=_label("目标 target") + f" {target:.0f}%")
        ax.set_xticks(xs, names)
        ax.set_ylabel(_label("联合检查比例 joint share (%)"))
        ax.set_ylim(0, 100)
        if int(frame["internal"].sum() + frame["department"].sum()) == 0:
            _note(ax, "尚未分配检查组 no teams assigned yet (the team draw fills joint)")
        ax.set_title(title or _label("联合检查比例 Joint-inspection share"))
        ax.legend(fontsize=8, loc="upper right")
    return _finish(figure, path)


# --- inspector workload (filled by the team draw) -----------------------------------------------------------

def _inspector_ids(inspectors: Any) -> List[str]:
    if inspectors is None:
        return []
    if hasattr(inspectors, "to_pandas") and hasattr(inspectors, "inspector_count"):  # a Bureau
        frame = inspectors.to_pandas("inspectors")
        if "active" in frame.columns:
            frame = frame[frame["active"].fillna(True).astype(bool)]
        return [str(v) for v in frame["id"]]
    return [str(v) for v in inspectors]


def workload_frame(plans: Any, inspectors: Any = None) -> "pandas.DataFrame":
    """Tasks per inspector over the plans, from each task's ``team`` (inspector ids, filled by the team
    draw). ``inspectors`` (a :class:`Bureau`, or ids) adds the inspectors without tasks, with 0."""
    pd = _frames.require("pandas", "plots", "plot")
    counts = collections.Counter()  # type: collections.Counter[str]
    for plan in _plans(_one_or_many(plans)):
        for task in plan.tasks:
            team = task.get("team") or []
            if isinstance(team, str):
                team = [member for member in team.split(";") if member]
            counts.update(str(member) for member in team)
    for inspector in _inspector_ids(inspectors):
        counts.setdefault(inspector, 0)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    frame: "pandas.DataFrame" = pd.DataFrame(rows, columns=["inspector", "tasks"])
    return frame


def workload(plans: Any, inspectors: Any = None, *, max_load: Optional[int] = None,
             path: Optional[PathLike] = None, title: Optional[str] = None) -> "Figure":
    """A histogram of tasks per inspector (how evenly the work is spread), with ``max_load`` as a line."""
    frame = workload_frame(plans, inspectors)
    with _style():
        figure = _figure(7.0, 4.0)
        ax = figure.subplots()
        ax.set_xlabel(_label("每人任务数 tasks per inspector"))
        ax.set_ylabel(_label("检查人员数 inspectors"))
        ax.set_title(title or _label("检查人员工作量分布 Inspector workload"))
        if frame.empty or int(frame["tasks"].sum()) == 0:
            _note(ax, "尚未分配检查组 no teams assigned yet (the team draw fills team)")
            return _finish(figure, path)
        values = frame["tasks"].astype(int)
        top = int(values.max())
        ax.hist(values, bins=range(0, top + 2), color=_COLOURS[0], edgecolor="white", align="left")
        ax.axvline(float(values.mean()), color=_COLOURS[2], linewidth=1.2,
                   label=_label("平均 mean") + f" {values.mean():.1f}")
        if max_load:
            ax.axvline(max_load, color="#222222", linestyle="--", linewidth=1.2,
                       label=_label("上限 max load") + f" {max_load}")
        ax.legend(fontsize=8)
    return _finish(figure, path)


# --- by area --------------------------------------------------------------------------------------------------

def area_frame(plans: Any, entities: Any = None) -> "pandas.DataFrame":
    """Tasks per area (所属区域) over the plans and, when ``entities`` (a :class:`Bureau`, a
    :class:`Directory` or a DataFrame with an ``area`` column) is given, the entities per area and the share
    drawn; areas sorted by tasks."""
    pd = _frames.require("pandas", "plots", "plot")
    tasks = collections.Counter()  # type: collections.Counter[str]
    for plan in _plans(_one_or_many(plans)):
        tasks.update(str(task.get("area") or "—") for task in plan.tasks)
    frame: "pandas.DataFrame" = pd.DataFrame(sorted(tasks.items()), columns=["area", "tasks"])
    if entities is not None:
        table = entities if hasattr(entities, "columns") else entities.to_pandas()
        sizes = table["area"].fillna("—").value_counts().rename("entities").rename_axis("area").reset_index()
        frame = sizes.merge(frame, on="area", how="outer")
        frame["tasks"] = frame["tasks"].fillna(0).astype("int64")
        frame["entities"] = frame["entities"].fillna(0).astype("int64")
        frame["share"] = frame["tasks"] / frame["entities"].where(frame["entities"] > 0)
        frame = frame[["area", "entities", "tasks", "share"]]
    return frame.sort_values(["tasks", "area"], ascending=[False, True], ignore_index=True)


def by_area(plans: Any, entities: Any = None, *, path: Optional[PathLike] = None,
            title: Optional[str] = None) -> "Figure":
    """Horizontal bars of tasks per area (the county's towns and zones), with the entities per area behind
    them when ``entities`` is given: where the inspectors will go."""
    frame = area_frame(plans, entities).iloc[::-1]
    with _style():
        figure = _figure(7.0, max(3.0, 0.38 * len(frame) + 1.2))
        ax = figure.subplots()
        if frame.empty:
            _note(ax, "没有任务 no tasks")
            return _finish(figure, path)
        ys = list(range(len(frame)))
        if "entities" in frame.columns:
            ax.barh(ys, frame["entities"], 0.75, color="#DDDDDD", label=_label("对象数 entities"))
        bars = ax.barh(ys, frame["tasks"], 0.45, color=_COLOURS[0], label=_label("任务数 tasks"))
        ax.bar_label(bars, padding=2, fontsize=8)
        ax.set_yticks(ys, list(frame["area"]))
        ax.set_xlabel(_label("数量 count"))
        ax.set_title(title or _label("各区域抽查任务 Tasks by area"))
        ax.legend(fontsize=8, loc="lower right")
    return _finish(figure, path)
