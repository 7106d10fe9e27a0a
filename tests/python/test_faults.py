"""Fault handling seen from Python and the ``ssrandom`` command: every bad file is an ``ssrandom.Error`` with a
message a clerk can act on (never a ``UnicodeDecodeError`` or a crash), and a failed save changes nothing.
The C++ side of the same faults is tests/fault_test.cc; docs/reliability.md has the whole list."""

import os
import subprocess
import sys

import pytest

import ssrandom

GBK_NAME = "新乐市某某公司".encode("gbk")


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "ssrandom", *args], capture_output=True, text=True)


def folder_contents(folder):
    return {name: (folder / name).read_bytes() for name in sorted(os.listdir(folder))}


def test_gbk_csv_is_invalid_input_saying_to_save_it_as_utf8(tmp_path):
    (tmp_path / "entities.csv").write_bytes(b"id,name\nXL-1," + GBK_NAME + b"\n")
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.Bureau.load(tmp_path)
    message = str(info.value)
    assert "record 1 (line 2)" in message and "not valid UTF-8" in message
    assert 'save it again as "CSV UTF-8(逗号分隔)"' in message


@pytest.mark.parametrize("name", ["entities.json", "bureau.json"])
def test_gbk_json_is_invalid_input_not_a_unicode_error(tmp_path, name):
    # The parser's own message quoted the GBK bytes, which Python could not decode: UnicodeDecodeError.
    entities = b'[{"id": "XL-1", "name": "' + GBK_NAME + b'"}]'
    path = tmp_path / name
    if name == "bureau.json":
        path.write_bytes(b'{"entities": ' + entities + b"}")
        load = ssrandom.Bureau.load
    else:
        path.write_bytes(entities)
        load = ssrandom.load_entities
    with pytest.raises(ssrandom.InvalidInputError) as info:
        load(path)
    assert "is not UTF-8 text" in str(info.value) and "save it again with the encoding UTF-8" in str(info.value)


def test_gbk_holiday_file_is_invalid_input_and_adds_nothing(tmp_path):
    path = tmp_path / "holidays-2027.json"
    path.write_bytes(b'{"format": "ssrandom-holidays-v1", "note": "' + "国务院".encode("gbk") +
                     b'", "years": [{"year": 2027, "off": [], "work": []}]}')
    calendar = ssrandom.Calendar()
    with pytest.raises(ssrandom.InvalidInputError) as info:
        calendar.load_file(path)
    assert str(path) in str(info.value) and "UTF-8" in str(info.value)
    assert 2027 not in calendar.years


def test_cli_reports_a_gbk_holiday_file_as_bad_input_without_a_traceback(tmp_path):
    path = tmp_path / "holidays-2027.json"
    path.write_bytes(b'{"format": "ssrandom-holidays-v1", "note": "\xb9\xfa", "years": []}')
    result = run_cli("calendar", "2027Q1", "--holidays", str(path))
    assert result.returncode == 2
    assert "not UTF-8 text" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("cut", [1, 17, 100, 250])
def test_truncated_bureau_json_is_invalid_input(tmp_path, cut):
    text = ssrandom.Bureau.sample(entities=5).to_json()
    path = tmp_path / "bureau.json"
    path.write_text(text[:cut], encoding="utf-8")
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.Bureau.load(path)
    assert "malformed JSON" in str(info.value)


def test_number_too_large_for_a_double_is_invalid_input(tmp_path):
    # It used to escape the C++ reader as an exception other than a parse error.
    path = tmp_path / "entities.json"
    path.write_text('[{"id": "A", "penalties_last_year": 1e999}]', encoding="utf-8")
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.load_entities(path)
    assert "number overflow" in str(info.value)


def test_repeated_key_is_invalid_input_instead_of_dropping_entities(tmp_path):
    path = tmp_path / "bureau.json"
    path.write_text('{"entities": [{"id": "A"}, {"id": "B"}], "entities": [{"id": "C"}]}', encoding="utf-8")
    with pytest.raises(ssrandom.InvalidInputError) as info:
        ssrandom.Bureau.load(path)
    assert 'the key "entities" appears twice' in str(info.value)


def test_bom_crlf_folder_from_excel_loads_like_the_plain_one(tmp_path):
    bureau = ssrandom.Bureau.sample(entities=30)
    bureau.save(tmp_path, "csv")
    for name in os.listdir(tmp_path):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert ssrandom.Bureau.load(tmp_path).to_json() == bureau.to_json()


def test_save_into_a_missing_folder_or_a_file_is_not_found(tmp_path):
    bureau = ssrandom.Bureau.sample(entities=5)
    with pytest.raises(ssrandom.NotFoundError):
        bureau.save(tmp_path / "missing")
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ssrandom.NotFoundError):
        bureau.save(tmp_path / "a-file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions (fault_test.cc covers it)")
def test_save_into_a_read_only_folder_changes_nothing(tmp_path):
    ssrandom.Bureau.sample(entities=5, seed=1).save(tmp_path)
    before = folder_contents(tmp_path)
    os.chmod(tmp_path, 0o555)
    try:
        with pytest.raises(ssrandom.FailedPreconditionError):
            ssrandom.Bureau.sample(entities=5, seed=2).save(tmp_path)
    finally:
        os.chmod(tmp_path, 0o755)
    assert folder_contents(tmp_path) == before


def test_save_in_the_other_format_loads_what_was_saved_last(tmp_path):
    first = ssrandom.Bureau.sample(entities=5, seed=1)
    second = ssrandom.Bureau.sample(entities=7, seed=2)
    first.save(tmp_path, "csv")
    second.save(tmp_path, "json")
    assert ssrandom.Bureau.load(tmp_path).to_json() == second.to_json()
    assert not (tmp_path / "entities.csv").exists()
