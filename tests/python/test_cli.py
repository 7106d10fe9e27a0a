"""The ``ssrandom`` command as operators use it: --help everywhere, --json on request, tables by default,
consistent exit codes (0 ok, 1 findings, 2 bad input, 3 internal error) and no tracebacks."""

import io
import json
import os
import subprocess
import sys

import pytest

import ssrandom
import ssrandom.cli as cli
from ssrandom import _progress

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(REPO, "data", "sample_bureau")
ENTITIES = os.path.join(SAMPLE, "entities.csv")
SEED = "2024-01-05 中国福利彩票3D 开奖号码 3 1 7"


def run_cli(*args, env=None):
    environment = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True,
                          env=environment)


def _commands():
    parser = cli.build_parser()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    out = []
    for name, sub in actions[0].choices.items():
        out.append((name,))
        for action in sub._actions:
            if action.__class__.__name__ == "_SubParsersAction":
                out.extend((name, child) for child in action.choices)
    return out


COMMANDS = _commands()


def test_every_operator_task_has_a_command():
    names = {c[0] for c in COMMANDS}
    assert {"demo", "policy", "classify", "draw", "tickets", "verify", "calendar", "sample", "plot"} <= names


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command):
    out = run_cli(*command, "--help")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("usage: ssrandom " + " ".join(command))
    assert len(out.stdout.splitlines()) > 3


def test_no_command_prints_help_and_exits_2():
    out = run_cli()
    assert out.returncode == 2
    assert "demo" in out.stdout and "Exit codes" in out.stdout


def test_bad_usage_exits_2():
    assert run_cli("draw", "--sample").returncode == 2
    assert run_cli("no-such-command").returncode == 2


# --- --json on the read-only commands -------------------------------------------------------------------------

def test_demo_json_is_one_document(tmp_path):
    out = run_cli("demo", "--json", "--out", str(tmp_path / "q1"))
    assert out.returncode == 0, out.stderr
    document = json.loads(out.stdout)
    assert document["verified"] is True
    assert document["summary"]["entities"] == 1500
    assert document["draw"]["tasks"] == sum(s["quota"] for s in document["draw"]["strata"])
    assert len(document["files"]) == 3


def test_demo_prints_readable_text_by_default():
    out = run_cli("demo")
    assert out.returncode == 0, out.stderr
    assert "层 stratum" in out.stdout and "ssrandom verify: verified" in out.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.stdout)


def test_classify_json(tmp_path):
    out = run_cli("classify", "--entities", ENTITIES, "--policy", "hebei-xinle-2024", "--period", "2024Q1",
                  "--json", "--out", str(tmp_path / "classes.csv"))
    assert out.returncode == 0, out.stderr
    document = json.loads(out.stdout)
    assert document["entities"] == 1500 and sum(document["counts"].values()) == 1500
    assert document["quotas"][0]["arithmetic"]
    assert (tmp_path / "classes.csv").read_text(encoding="utf-8").startswith("id,class,pool")


def test_draw_json_then_verify_json(tmp_path):
    out = run_cli("draw", "--bureau", SAMPLE, "--policy", "hebei-xinle-2024", "--period", "2024Q1", "--seed",
                  SEED, "--out", str(tmp_path / "q1"), "--json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["tasks"] == sum(len(s["selected"]) for s in summary["strata"])
    verified = run_cli("verify", str(tmp_path / "q1" / "record.json"), "--bureau", SAMPLE, "--policy",
                       "hebei-xinle-2024", "--json")
    assert verified.returncode == 0, verified.stderr
    assert json.loads(verified.stdout)["verified"] is True
    record = json.loads((tmp_path / "q1" / "record.json").read_text(encoding="utf-8"))
    record["seed"] = "another seed"
    (tmp_path / "tampered.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    tampered = run_cli("verify", str(tmp_path / "tampered.json"), "--bureau", SAMPLE, "--policy",
                       "hebei-xinle-2024", "--json")
    assert tampered.returncode == 1
    assert json.loads(tampered.stdout)["verified"] is False


def test_verify_takes_the_plans_its_record_names_from_a_year_folder(tmp_path):
    year = tmp_path / "2024"
    previous = []
    for quarter in ("2024Q1", "2024Q2", "2024Q3"):
        out = run_cli("draw", "--sample", "--policy", "hebei-xinle-2024", "--period", quarter, "--seed", SEED,
                      "--history", str(year), "--out", str(year / quarter), *previous)
        assert out.returncode == 0, out.stderr
        previous = ["--previous-record", str(year / quarter / "record.json")]
    out = run_cli("verify", str(year / "2024Q2" / "record.json"), "--sample", "--policy", "hebei-xinle-2024",
                  "--history", str(year))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "verified"


def test_tickets_json_matches_the_lines():
    lines = run_cli("tickets", "--seed", "314159", "A-1", "A-2", "B-1")
    document = run_cli("tickets", "--seed", "314159", "A-1", "A-2", "B-1", "--json")
    assert lines.returncode == document.returncode == 0
    expected = [line.split("\t") for line in lines.stdout.splitlines()]
    assert [[d["ticket"], d["id"]] for d in json.loads(document.stdout)] == expected
    assert [d["rank"] for d in json.loads(document.stdout)] == [1, 2, 3]


def test_policy_show_and_list_json():
    shown = run_cli("policy", "show", "hebei-xinle-2024", "--json")
    assert shown.returncode == 0, shown.stderr
    document = json.loads(shown.stdout)
    policy = ssrandom.Policy.load("hebei-xinle-2024")
    assert document["digest"] == policy.digest and document["quotas"]["key"]["minimum"] == "25%"
    listed = json.loads(run_cli("policy", "list", "--json").stdout)
    assert [p["name"] for p in listed] == ssrandom.Policy.preset_names()
    plain = run_cli("policy", "show", "hebei-xinle-2024")
    assert json.loads(plain.stdout)["name"] == "hebei-xinle-2024"  # the document itself, as before


def test_policy_without_action_prints_help_and_exits_2():
    out = run_cli("policy")
    assert out.returncode == 2 and "show" in out.stdout


# --- exit codes and errors --------------------------------------------------------------------------------------

def test_bad_input_exits_2_with_a_message_naming_the_problem(tmp_path):
    missing = run_cli("classify", "--entities", str(tmp_path / "none.csv"), "--policy", "hebei-xinle-2024",
                      "--period", "2024Q1")
    assert missing.returncode == 2 and "none.csv" in missing.stderr
    blank = run_cli("draw", "--sample", "--policy", "hebei-xinle-2024", "--period", "2024Q1", "--seed", "  ",
                    "--out", str(tmp_path / "x"))
    assert blank.returncode == 2 and "seed" in blank.stderr
    for out in (missing, blank):
        assert "Traceback" not in out.stderr


def _raise(error):
    def run(args):
        raise error
    return run


@pytest.mark.parametrize("error, code", [
    (ssrandom.InvalidInputError("bad field"), 2),
    (ssrandom.NotFoundError("no such preset"), 2),
    (ssrandom.MissingDependencyError("matplotlib is needed"), 2),
    (FileNotFoundError(2, "No such file", "x.csv"), 2),
    (ssrandom.InternalError("broken invariant"), 3),
    (ZeroDivisionError("division by zero"), 3),
    (KeyError("surprise"), 3),
    (KeyboardInterrupt(), 130),
])
def test_exit_codes(monkeypatch, capsys, error, code):
    import ssrandom.commands.tickets as tickets

    monkeypatch.setattr(tickets, "run", _raise(error))
    monkeypatch.delenv("SSRANDOM_DEBUG", raising=False)
    assert cli.main(["tickets", "--seed", "1", "a"]) == code
    err = capsys.readouterr().err
    assert err.startswith("ssrandom tickets: ")
    assert "Traceback" not in err
    if code == 3:
        assert "internal error" in err and "report" in err


def test_internal_error_from_the_core_exits_3(monkeypatch, capsys):
    import ssrandom.commands.tickets as tickets

    def boom(args):
        ssrandom._core._raise_status(13, "a broken invariant")

    monkeypatch.setattr(tickets, "run", boom)
    assert cli.main(["tickets", "--seed", "1", "a"]) == 3
    assert "a broken invariant" in capsys.readouterr().err


def test_debug_shows_the_traceback(monkeypatch):
    import ssrandom.commands.tickets as tickets

    monkeypatch.setattr(tickets, "run", _raise(ZeroDivisionError("division by zero")))
    monkeypatch.setenv("SSRANDOM_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["tickets", "--seed", "1", "a"])


def test_unexpected_exception_in_a_subprocess_is_one_short_message():
    code = ("import sys, ssrandom.cli, ssrandom.commands.tickets as t\n"
            "def run(args): return {}['missing']\n"
            "t.run = run\n"
            "sys.exit(ssrandom.cli.main(['tickets', '--seed', '1', 'a']))\n")
    env = {k: v for k, v in os.environ.items() if k != "SSRANDOM_DEBUG"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 3
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith("ssrandom tickets: internal error: KeyError")


def test_a_closed_pipe_is_not_an_error(tmp_path):
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(f"E-{i}" for i in range(100000)), encoding="utf-8")
    shell = (f"{sys.executable} -m ssrandom tickets --seed 1 --ids-file {ids} | head -n 1")
    out = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == 1
    assert "Traceback" not in out.stderr and "Broken pipe" not in out.stderr


# --- progress bars --------------------------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_for_large_work_on_a_terminal(monkeypatch):
    pytest.importorskip("tqdm")
    monkeypatch.delenv("SSRANDOM_NO_PROGRESS", raising=False)
    assert _progress.enabled(_progress.LARGE, FakeTerminal())
    assert not _progress.enabled(_progress.LARGE - 1, FakeTerminal())
    assert not _progress.enabled(10**7, io.StringIO())
    monkeypatch.setenv("SSRANDOM_NO_PROGRESS", "1")
    assert not _progress.enabled(10**7, FakeTerminal())


def test_progress_steps_draw_on_the_stream():
    pytest.importorskip("tqdm")
    stream = FakeTerminal()
    with _progress.Steps(["load", "draw"], True, "draw", stream=stream) as steps:
        steps.next("load")
        steps.next("draw")
    assert "draw" in stream.getvalue()
    quiet = FakeTerminal()
    with _progress.Steps(["load"], False, "draw", stream=quiet) as steps:
        steps.next("load")
    assert quiet.getvalue() == ""


def test_progress_bar_shows_on_a_terminal(tmp_path):
    pytest.importorskip("tqdm")
    pty = pytest.importorskip("pty")
    import fcntl
    import select
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "SSRANDOM_NO_PROGRESS"}
    process = subprocess.Popen([sys.executable, "-m", "ssrandom", "sample", "--out", str(tmp_path / "big"),
                                "--entities", "60000"], stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while select.select([master], [], [], 60)[0]:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait() == 0
    text = seen.decode("utf-8", "replace")
    assert "sample" in text and "/2" in text and "generate" in text


def test_progress_is_never_on_captured_output(tmp_path):
    out = run_cli("sample", "--out", str(tmp_path / "big"), "--entities", "60000")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""


# --- plots ----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def year(tmp_path_factory):
    folder = tmp_path_factory.mktemp("year")
    bureau, policy = ssrandom.Bureau.sample(), ssrandom.Policy.load("hebei-xinle-2024")
    draws = []
    for quarter in ssrandom.Period("2024").quarters():
        result = ssrandom.draw(bureau, policy, quarter, SEED, history=[d.plan for d in draws],
                               previous_record=draws[-1].record if draws else None)
        result.save(folder / str(quarter))
        draws.append(result)
    return folder


@pytest.mark.parametrize("kind, extra", [("coverage", ["--policy", "hebei-xinle-2024"]), ("areas", ["--sample"]),
                                         ("joint", ["--policy", "hebei-xinle-2024"]), ("workload", ["--sample"])])
def test_plot_writes_a_png(year, tmp_path, kind, extra):
    pytest.importorskip("matplotlib")
    out = run_cli("plot", kind, "--draws", str(year), "--out", str(tmp_path / f"{kind}.png"), *extra)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / f"{kind}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "2024Q1, 2024Q2, 2024Q3, 2024Q4" in out.stdout


def test_plot_bad_input_exits_2(year, tmp_path):
    no_policy = run_cli("plot", "coverage", "--draws", str(year), "--out", str(tmp_path / "c.png"))
    assert no_policy.returncode == 2 and "--policy" in no_policy.stderr
    empty = run_cli("plot", "areas", "--draws", str(tmp_path), "--out", str(tmp_path / "a.png"))
    assert empty.returncode == 2 and "no saved draw" in empty.stderr
    not_png = run_cli("plot", "areas", "--draws", str(year), "--out", str(tmp_path / "a.svg"))
    assert not_png.returncode == 2
