"""Bilingual labels (中文 English) for the columns and values that tables, HTML and plots show.

Data keep their English machine names (``pool == "key"``); people see ``重点监管对象 key``. Modules that add
tables (teams, checks, reports) add their columns and values here, so every view labels them alike::

    >>> from ssrandom import labels
    >>> labels.column("quota"), labels.value("key")
    ('应抽 quota', '重点监管对象 key')
    >>> labels.value("key", chinese=False)
    'key'
"""

from __future__ import annotations

from typing import Dict

__all__ = ["COLUMNS", "VALUES", "column", "value", "english"]

#: Column name → "中文 english".
COLUMNS: Dict[str, str] = {
    # directories
    "id": "编号 id",
    "uscc": "统一社会信用代码 USCC",
    "name": "名称 name",
    "area": "所属区域 area",
    "industry": "行业 industry",
    "permit_class": "排污许可类别 permit class",
    "key_unit": "重点排污单位 key unit",
    "positive_list": "正面清单 positive list",
    "credit": "信用等级 credit",
    "env_credit": "环境信用 env. credit",
    "penalties_last_year": "近一年处罚 penalties",
    "last_penalty_date": "最近处罚日期 last penalty",
    "supervision_listed_date": "挂牌督办日期 listed",
    "verified_complaints": "有效投诉 complaints",
    "emergency_risk": "环境风险 emergency risk",
    "status": "经营状态 status",
    "tags": "标签 tags",
    # classification
    "class": "监管类别 class",
    "pool": "抽查库 pool",
    "explanation": "依据 explanation",
    "rule": "规则 rule",
    "credit_class": "信用等级 credit",
    "size": "对象数 size",
    "ratio": "比例 ratio",
    "quota": "应抽 quota",
    "method": "检查方式 method",
    "arithmetic": "计算 arithmetic",
    "minimum": "最低比例 minimum",
    # draws and plans
    "period": "期间 period",
    "stratum": "层 stratum",
    "pool_size": "库内对象 pool",
    "excluded_yearly_cap": "年度上限排除 yearly cap",
    "excluded_rotation": "轮换排除 rotation",
    "eligible": "可抽 eligible",
    "drawn": "抽取 drawn",
    "whole_pool_taken": "全部抽取 whole pool",
    "credit_based": "信用分类 credit-based",
    "rank": "顺序 rank",
    "ticket": "签号 ticket",
    "readmitted": "重新纳入 readmitted",
    "task_id": "任务 task",
    "entity_id": "检查对象 entity",
    "entity_name": "单位名称 name",
    "items": "抽查事项 items",
    "team": "检查人员 team",
    "joint": "联合检查 joint",
    "partner_department": "联合部门 partner",
    "coverage": "覆盖率 coverage",
    "tasks": "任务数 tasks",
    "entities": "对象数 entities",
    "share": "比例 share",
    "target": "目标 target",
    "inspector": "检查人员 inspector",
    "count": "数量 count",
    # quality reports
    "severity": "级别 severity",
    "source": "来源 source",
    "record": "记录 record",
    "line": "行 line",
    "record_id": "编号 id",
    "field": "字段 field",
    "code": "代码 code",
    "message": "说明 message",
}

#: Value → "中文 english" (pools, classes, methods, joint types, severities, statuses).
VALUES: Dict[str, str] = {
    "special": "特殊监管对象 special",
    "key": "重点监管对象 key",
    "positive": "正面清单 positive list",
    "general": "一般监管对象 general",
    "excluded": "不在抽查范围 excluded",
    "on_site": "现场检查 on-site",
    "off_site": "非现场监管 off-site",
    "either": "现场或非现场 either",
    "none": "— none",
    "internal": "内部联合 internal",
    "department": "部门联合 department",
    "error": "错误 error",
    "warning": "警告 warning",
}


def column(name: str, chinese: bool = True) -> str:
    """The label of a column: ``"应抽 quota"`` for ``"quota"``, the name itself when unknown; with
    ``chinese=False`` only the English part."""
    text = COLUMNS.get(name, name)
    return text if chinese else english(text)


def value(name: str, chinese: bool = True) -> str:
    """The label of a value: ``"重点监管对象 key"`` for ``"key"``, the value itself when unknown."""
    text = VALUES.get(name, name)
    return text if chinese else english(text)


def english(label: str) -> str:
    """The English part of a bilingual label (what follows the Chinese words), or the label unchanged."""
    head, _, tail = label.partition(" ")
    if tail and any(ord(ch) > 0x2E7F for ch in head):
        return tail
    return label
