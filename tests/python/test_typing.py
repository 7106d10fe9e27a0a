"""Type stubs, mypy and docstrings: the package reads like a well-made Python library."""

import ast
import inspect
import os
import shutil
import subprocess
import sys

import pytest

import ssrandom
import ssrandom._core as core

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE = os.path.join(REPO, "python", "ssrandom")


def _stub_names():
    """Top-level names of _core.pyi, and the members of each class it declares."""
    with open(os.path.join(PACKAGE, "_core.pyi"), encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    names, members = set(), {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        if isinstance(node, ast.ClassDef):
            members[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)} | {
                n.target.id for n in node.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
    return names, members


def test_stubs_declare_every_binding():
    names, members = _stub_names()
    bound = {name for name in dir(core) if not name.startswith("__") or name == "__version__"}
    assert bound - names == set(), "declare these in python/ssrandom/_core.pyi"
    assert names - bound - {"_DateArg", "_Tally", "_Take"} == set(), "these stubs name nothing in ssrandom._core"
    for name, declared in members.items():
        cls = getattr(core, name)
        public = {m for m in vars(cls) if not m.startswith("_") or m in ("__init__", "__len__")}
        public.discard("__init__") if "__init__" not in declared else None
        missing = public - declared
        assert not missing, f"_core.pyi: class {name} lacks {sorted(missing)}"


def test_stubs_ship_with_the_package():
    installed = os.path.dirname(ssrandom.__file__)
    assert os.path.exists(os.path.join(installed, "_core.pyi"))
    assert os.path.exists(os.path.join(installed, "py.typed"))


@pytest.mark.skipif(shutil.which("mypy") is None and not any(
    os.path.exists(os.path.join(p, "mypy")) for p in sys.path), reason="mypy is not installed")
def test_mypy_strict_passes_over_the_package(tmp_path):
    pytest.importorskip("mypy")
    out = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache")],
                         cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def _public_members(obj):
    for name, member in vars(obj).items():
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            yield name, member.fget
        elif isinstance(member, (staticmethod, classmethod)):
            yield name, member.__func__
        elif inspect.isfunction(member):
            yield name, member


def test_every_public_name_has_a_docstring():
    undocumented = []
    for name in ssrandom.__all__:
        obj = getattr(ssrandom, name)
        if name == "__version__" or isinstance(obj, (str, tuple, int)):
            continue
        if not (getattr(obj, "__doc__", None) or "").strip():
            undocumented.append(name)
        if inspect.isclass(obj):
            for member_name, member in _public_members(obj):
                if not (getattr(member, "__doc__", None) or "").strip():
                    undocumented.append(f"{name}.{member_name}")
    assert undocumented == []


def test_every_public_module_function_has_a_docstring():
    import ssrandom.labels
    import ssrandom.plots

    undocumented = []
    for module in (ssrandom.plots, ssrandom.labels, ssrandom.entity_draw, ssrandom.bureau, ssrandom.policy,
                   ssrandom.sampler, ssrandom.calendar, ssrandom.errors):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                if not (obj.__doc__ or "").strip():
                    undocumented.append(f"{module.__name__}.{name}")
    assert undocumented == []
