"""examples/notebooks/quarterly_plan.ipynb runs from top to bottom (nbclient), so the worked example never
rots: no errors, tables as HTML, plots as PNG, every record verified."""

import os

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NOTEBOOK = os.path.join(REPO, "examples", "notebooks", "quarterly_plan.ipynb")

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")


def test_the_quarterly_plan_notebook_runs(tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "commit the notebook without outputs"
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    kinds = [kind for o in outputs for kind in o.get("data", {})]
    assert kinds.count("image/png") >= 2
    assert kinds.count("text/html") >= 10
    texts = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert texts.count("'verified'") == 4
    assert "重点监管对象 key" in "".join(o.get("data", {}).get("text/html", "") for o in outputs)
