"""Outputs are written all or nothing (issue #10): a command that fails — a full disk, a file size limit, a
read-only folder, a bad target — leaves every earlier output exactly as it was, creates no output folder when
it fails before writing, leaves no temporary file, and says which file it could not write. The C++ writers
have the same guarantees (tests/fault_test.cc); docs/reliability.md lists them."""

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys

import pytest

import ssrandom
from ssrandom.entity_draw import write_atomic, write_files_atomic

SEED = "福利彩票 2024-01-05 3D 317"
SAMPLE_RESULTS = os.path.join(os.path.dirname(__file__), "..", "..", "data", "sample_results", "2024Q1")


def run_cli(*args, file_size_limit=None, wrapper=()):
    """Runs ``ssrandom``; with ``file_size_limit``, no file it writes may grow beyond that many bytes (writing
    more fails with EFBIG, as on a full disk)."""

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run([*wrapper, sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True,
                          preexec_fn=limit if file_size_limit else None)


def contents(folder):
    """Every file under ``folder`` (relative path → bytes)."""
    found = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, folder)] = handle.read()
    return found


def draw_args(out, seed=SEED):
    return ["draw", "--sample", "--policy", "hebei-xinle-2024", "--period", "2024Q1", "--seed", seed,
            "--out", str(out)]


def test_a_file_that_cannot_be_written_replaces_none_of_the_others(tmp_path):
    (tmp_path / "plan.json").write_text("old plan")
    with pytest.raises(FileNotFoundError) as info:
        write_files_atomic([(tmp_path / "plan.json", "new plan"), (tmp_path / "missing" / "record.json", "r")])
    assert str(tmp_path / "missing" / "record.json") in str(info.value)
    assert contents(tmp_path) == {"plan.json": b"old plan"}  # unchanged, and no temporary left


def test_targets_that_are_not_regular_files_are_refused_before_anything_is_written(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    (tmp_path / "a.json").write_text("old")
    for target in ("pipe", "folder"):
        with pytest.raises(ssrandom.InvalidInputError) as info:
            write_files_atomic([(tmp_path / "a.json", "new"), (tmp_path / target, "x")])
        assert "is not a regular file" in str(info.value)
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe").st_mode)
    assert (tmp_path / "a.json").read_text() == "old"
    assert sorted(os.listdir(tmp_path)) == ["a.json", "folder", "pipe"]


def test_new_outputs_get_the_permissions_the_umask_gives_and_texts_are_utf8(tmp_path):
    umask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "plan.csv", "名称\n")
        write_atomic(tmp_path / "b.bin", b"\x00\xff")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(os.stat(tmp_path / "plan.csv").st_mode) == 0o640  # mkstemp alone gives 0600
    assert (tmp_path / "plan.csv").read_bytes() == "名称\n".encode("utf-8")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"


def test_a_draw_that_fills_the_disk_midway_keeps_the_earlier_draw_whole(tmp_path):
    earlier = run_cli(*draw_args(tmp_path, seed="earlier seed"))
    assert earlier.returncode == 0, earlier.stderr
    before = contents(tmp_path)
    sizes = {name: len(data) for name, data in before.items()}
    # Enough for plan.csv, not for plan.json: the old code replaced plan.csv and then failed.
    limit = sizes["plan.csv"] + 1000
    assert sizes["plan.json"] > limit
    failed = run_cli(*draw_args(tmp_path), file_size_limit=limit)
    assert failed.returncode == 2, failed.stdout + failed.stderr
    assert "Traceback" not in failed.stderr
    assert "cannot write" in failed.stderr and "plan.json" in failed.stderr and "File too large" in failed.stderr
    assert contents(tmp_path) == before


def test_a_failed_draw_creates_no_output_folder(tmp_path):
    out = tmp_path / "out"
    failed = run_cli("draw", "--sample", "--policy", "hebei-xinle-2024", "--period", "2024Q9", "--seed", SEED,
                     "--out", str(out))
    assert failed.returncode == 2
    assert not out.exists()


def test_an_assign_that_fails_midway_keeps_the_plan_the_teams_were_drawn_for(tmp_path):
    assert run_cli(*draw_args(tmp_path)).returncode == 0
    before = contents(tmp_path)
    # The staffed plan.json is larger than the plan without teams; allow a little less than that.
    failed = run_cli("assign", "--plan", str(tmp_path), "--sample", "--policy", "hebei-xinle-2024",
                     file_size_limit=len(before["plan.json"]) + 100)
    assert failed.returncode == 2, failed.stdout + failed.stderr
    assert "cannot write" in failed.stderr and "Traceback" not in failed.stderr
    assert contents(tmp_path) == before
    done = run_cli("assign", "--plan", str(tmp_path), "--sample", "--policy", "hebei-xinle-2024")
    assert done.returncode == 0, done.stderr
    assert set(contents(tmp_path)) == set(before) | {"teams.json"}


def report_args(out):
    return ["report", "--plan", SAMPLE_RESULTS, "--results", os.path.join(SAMPLE_RESULTS, "results.csv"),
            "--sample", "--out", str(out)]


def test_a_report_that_fails_writes_nothing_and_creates_no_folder(tmp_path):
    out = tmp_path / "reports"
    failed = run_cli(*report_args(out), file_size_limit=200)
    assert failed.returncode == 2, failed.stdout + failed.stderr
    assert "cannot write" in failed.stderr and "statistics-2024Q1" in failed.stderr
    assert not out.exists()  # created for the files, removed again when they could not be written
    wrong_results = run_cli("report", "--plan", SAMPLE_RESULTS, "--results", str(tmp_path / "none.csv"),
                            "--sample", "--out", str(tmp_path / "never"))
    assert wrong_results.returncode == 2
    assert not (tmp_path / "never").exists()
    done = run_cli(*report_args(out))
    assert done.returncode == 0, done.stderr
    assert sorted(contents(out)) == ["statistics-2024Q1.csv", "statistics-2024Q1.json"]


def read_only_wrapper(folder):
    """A command prefix running the rest in a private mount namespace where ``folder`` is read-only (even for
    root, who ignores permissions); None where namespaces or mounts are not allowed."""
    if shutil.which("unshare") is None:
        return None
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
    wrapper = ("unshare", "--mount", "sh", "-c", script, str(folder))
    probe = subprocess.run([*wrapper, "sh", "-c", 'touch "$0/probe"', str(folder)], capture_output=True)
    if probe.returncode == 0 or os.path.exists(folder / "probe"):
        return None  # not read-only: the mount did not happen
    mounted = subprocess.run([*wrapper, "true"], capture_output=True)
    return wrapper if mounted.returncode == 0 else None


def test_a_draw_into_a_read_only_folder_is_an_error_naming_the_file_and_changes_nothing(tmp_path):
    assert run_cli(*draw_args(tmp_path, seed="earlier seed")).returncode == 0
    wrapper = read_only_wrapper(tmp_path)
    if wrapper is None:
        pytest.skip("needs unshare and a mount namespace (root or unprivileged user namespaces)")
    before = contents(tmp_path)
    failed = run_cli(*draw_args(tmp_path), wrapper=wrapper)
    assert failed.returncode == 2, failed.stdout + failed.stderr
    assert "cannot write" in failed.stderr and "Read-only file system" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert contents(tmp_path) == before
