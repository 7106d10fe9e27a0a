import subprocess
import sys

import ssrandom


def test_version_is_the_library_release():
    assert ssrandom.__version__.count(".") == 2


def test_cli_prints_version():
    out = subprocess.run([sys.executable, "-m", "ssrandom", "--version"], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ssrandom.__version__


BLOCK_EXTRAS = """
import sys
class _Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pandas", "numpy", "pyarrow", "matplotlib", "tqdm", "IPython"):
            raise ImportError("blocked for the test: " + name)
        return None
sys.meta_path.insert(0, _Blocked())
"""


def test_the_core_package_works_without_any_extra(tmp_path):
    code = BLOCK_EXTRAS + """
import ssrandom, ssrandom.plots, ssrandom.cli
bureau = ssrandom.Bureau.sample(entities=300)
result = ssrandom.draw(bureau, "hebei-xinle-2024" and ssrandom.Policy.load("hebei-xinle-2024"), "2024Q1", "seed")
assert ssrandom.verify(result.record, bureau, ssrandom.Policy.load("hebei-xinle-2024")).ok
assert ssrandom.load_entities([{"id": "A", "tags": ["x"]}])[0]["tags"] == ["x"]
try:
    result.plan.to_pandas()
except ssrandom.MissingDependencyError as error:
    assert "ssrandom[pandas]" in str(error)
else:
    raise AssertionError("to_pandas without pandas")
assert ssrandom.cli.main(["calendar", "2024Q1"]) == 0
result.save(sys.argv[1] + "/q1")
assert ssrandom.cli.main(["plot", "areas", "--draws", sys.argv[1], "--out", sys.argv[1] + "/x.png"]) == 2
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")
    assert out.stderr.startswith("ssrandom plot: ") and "is needed" in out.stderr and "ssrandom[plot]" in out.stderr
