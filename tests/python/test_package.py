import subprocess
import sys

import ssrandom


def test_version_is_the_library_release():
    assert ssrandom.__version__.count(".") == 2


def test_cli_prints_version():
    out = subprocess.run([sys.executable, "-m", "ssrandom", "--version"], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ssrandom.__version__
