"""The columnar entity form from Python and the command line: round trips, loaders that accept it, damaged files
refused whole, and `ssrandom generate` writing a bureau folder that loads and draws."""

import json
import os
import subprocess
import sys

import pytest

import ssrandom
from ssrandom import columnar

SEED = "2024-01-05 中国福利彩票3D 开奖号码 3 1 7"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True)


def test_round_trip_keeps_rows_and_digest(tmp_path):
    bureau = ssrandom.Bureau.sample(entities=2000)
    path = tmp_path / "entities.ssrcol"
    ssrandom.save_columnar(bureau, path)
    loaded = ssrandom.load_columnar(path)
    assert len(loaded) == 2000
    assert loaded.digest() == bureau.entities.digest()
    assert loaded[1234] == bureau.entities[1234]
    assert columnar.to_columnar_bytes(loaded) == path.read_bytes()
    again = columnar.from_columnar_bytes(path.read_bytes())
    assert again.digest() == loaded.digest()


def test_every_entity_loader_accepts_a_columnar_path(tmp_path):
    bureau = ssrandom.Bureau.sample(entities=300)
    path = tmp_path / "e.ssrcol"
    ssrandom.save_columnar(bureau.entities, path)
    assert ssrandom.load_entities(path).digest() == bureau.entities.digest()
    assert ssrandom.Bureau.from_entities(path).entity_count == 300


def test_damaged_and_truncated_files_raise_and_name_the_file(tmp_path):
    path = tmp_path / "e.ssrcol"
    ssrandom.save_columnar(ssrandom.Bureau.sample(entities=50), path)
    data = path.read_bytes()
    (tmp_path / "cut.ssrcol").write_bytes(data[: len(data) // 2])
    with pytest.raises(ssrandom.InvalidInputError, match="cut.ssrcol: .*damaged or incomplete"):
        ssrandom.load_columnar(tmp_path / "cut.ssrcol")
    flipped = bytearray(data)
    flipped[-3] ^= 0xFF
    with pytest.raises(ssrandom.InvalidInputError, match="SHA-256"):
        columnar.from_columnar_bytes(bytes(flipped), "flipped")
    with pytest.raises(ssrandom.NotFoundError):
        ssrandom.load_columnar(tmp_path / "missing.ssrcol")
    with pytest.raises(TypeError):
        ssrandom.save_columnar("not a directory", tmp_path / "x.ssrcol")  # type: ignore[arg-type]


def test_generate_writes_a_folder_that_loads_and_draws(tmp_path):
    out = tmp_path / "bureau"
    result = run_cli("generate", "--entities", "3000", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "3,000 entities (entities.ssrcol" in result.stdout
    assert sorted(os.listdir(out)) == sorted(
        ["entities.ssrcol", "inspectors.csv", "units.csv", "departments.csv", "items.csv", "conflicts.csv",
         "pair_exclusions.csv", "name.txt"])
    bureau = ssrandom.Bureau.load(out)
    sample = ssrandom.Bureau.sample(entities=3000)
    assert bureau.entities.digest() == sample.entities.digest()
    assert bureau.inspector_count == sample.inspector_count
    assert len(bureau.to_pandas("conflicts")) == 24
    drawn = run_cli("draw", "--bureau", str(out), "--policy", "hebei-xinle-2024", "--period", "2024Q1",
                    "--seed", SEED, "--out", str(tmp_path / "draw"), "--json")
    assert drawn.returncode == 0, drawn.stderr
    assert json.loads(drawn.stdout)
    from_entities = run_cli("draw", "--entities", str(out / "entities.ssrcol"), "--policy", "hebei-xinle-2024",
                            "--period", "2024Q1", "--seed", SEED, "--out", str(tmp_path / "draw2"), "--json")
    assert from_entities.returncode == 0, from_entities.stderr


def test_generate_can_switch_forms_without_leaving_an_ambiguous_folder(tmp_path):
    out = tmp_path / "bureau"
    assert run_cli("generate", "--entities", "100", "--out", str(out)).returncode == 0
    result = run_cli("generate", "--entities", "100", "--out", str(out), "--entities-format", "csv")
    assert result.returncode == 0, result.stderr
    assert "entities.ssrcol" not in os.listdir(out)
    assert ssrandom.Bureau.load(out).entity_count == 100
    assert run_cli("generate", "--entities", "0", "--out", str(out)).returncode != 0
