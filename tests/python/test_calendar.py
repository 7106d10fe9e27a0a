import datetime
import json
import pathlib
import pickle
import subprocess
import sys

import pytest

import ssrandom
from ssrandom import Calendar, Period

D = datetime.date
REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE_2027 = REPO / "data" / "holidays" / "example-2027.json"


# --- Period ---------------------------------------------------------------------------------------------------

def test_period_parses_a_quarter_and_gives_its_days_as_dates():
    period = Period("2024Q3")
    assert (period.year, period.quarter, period.is_quarter) == (2024, 3, True)
    assert period.first_day == D(2024, 7, 1)
    assert period.last_day == D(2024, 9, 30)
    assert str(period) == "2024Q3"
    assert repr(period) == "Period('2024Q3')"


def test_period_accepts_a_lowercase_q_and_a_year():
    assert str(Period.parse("2025q4")) == "2025Q4"
    year = Period("2024")
    assert (year.year, year.quarter, year.is_quarter) == (2024, 0, False)
    assert (year.first_day, year.last_day) == (D(2024, 1, 1), D(2024, 12, 31))


@pytest.mark.parametrize("text", ["2024Q5", "2024Q0", "2024-Q1", " 2024Q1", "Q1 2024", "24Q1", "", "2024H1"])
def test_period_rejects_other_texts_naming_the_text_and_the_forms(text):
    with pytest.raises(ssrandom.InvalidInputError) as info:
        Period(text)
    assert isinstance(info.value, ValueError)
    assert f"'{text}'" in str(info.value)
    assert "YYYYQn" in str(info.value)


def test_period_rejects_a_non_text():
    with pytest.raises(TypeError):
        Period(2024)  # type: ignore[arg-type]


def test_period_constructors_check_their_values():
    assert Period.of_quarter(2024, 2) == Period("2024Q2")
    assert Period.of_year(2024) == Period("2024")
    for year, quarter in [(2024, 0), (2024, 5), (0, 1), (10000, 1)]:
        with pytest.raises(ssrandom.InvalidInputError):
            Period.of_quarter(year, quarter)


def test_periods_order_hash_and_compare_by_value():
    ordered = [Period("2024"), Period("2024Q1"), Period("2024Q4"), Period("2025"), Period("2025Q1")]
    assert sorted(reversed(ordered)) == ordered
    assert Period("2024q1") == Period("2024Q1")
    assert Period("2024Q1") != Period("2024")
    assert len({Period("2024Q1"), Period("2024q1"), Period("2024")}) == 2
    assert Period("2024Q1") != "2024Q1"
    assert pickle.loads(pickle.dumps(Period("2024Q3"))) == Period("2024Q3")


def test_period_quarters_contains_and_year():
    year = Period("2024")
    assert [str(q) for q in year.quarters()] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert Period("2024Q2").quarters() == [Period("2024Q2")]
    assert Period("2024Q3").year_period() == year
    assert D(2024, 2, 29) in Period("2024Q1")
    assert Period("2024Q1").contains("2024-03-31")
    assert not Period("2024Q1").contains(D(2024, 4, 1))


# --- Calendar: working days -----------------------------------------------------------------------------------

def test_builtin_calendar_has_2024_to_2026():
    calendar = Calendar()
    assert calendar.years == [2024, 2025, 2026]
    assert not calendar.provisional
    assert Calendar.builtin().years == [2024, 2025, 2026]
    assert Calendar(builtin=False).years == []


@pytest.mark.parametrize("day", ["2024-02-04", "2024-02-18", "2024-09-14", "2024-09-29", "2024-10-12",
                                 "2025-01-26", "2025-02-08", "2025-09-28", "2025-10-11", "2026-01-04"])
def test_make_up_weekend_days_are_working_days(day):
    assert D.fromisoformat(day).weekday() >= 5
    assert Calendar().is_working_day(day) is True


@pytest.mark.parametrize("first,last", [("2024-10-01", "2024-10-07"), ("2025-01-28", "2025-02-04"),
                                        ("2025-10-01", "2025-10-08")])
def test_holidays_are_off(first, last):
    calendar = Calendar()
    day = D.fromisoformat(first)
    while day <= D.fromisoformat(last):
        assert calendar.is_working_day(day) is False, day
        day += datetime.timedelta(days=1)


def test_dates_may_be_dates_datetimes_or_texts():
    calendar = Calendar()
    assert calendar.is_working_day(D(2024, 3, 4))
    assert calendar.is_working_day(datetime.datetime(2024, 3, 4, 23, 59))
    assert calendar.is_working_day("2024-03-04")
    assert not calendar.is_working_day("2024-03-02")  # an ordinary Saturday


def test_bad_dates_are_rejected_clearly():
    calendar = Calendar()
    with pytest.raises(ssrandom.InvalidInputError) as info:
        calendar.is_working_day("2024-02-30")
    assert "2024-02 has days 01 to 29" in str(info.value)
    with pytest.raises(ssrandom.InvalidInputError):
        calendar.is_working_day("2024/03/04")
    with pytest.raises(TypeError) as type_info:
        calendar.is_working_day(20240304)  # type: ignore[arg-type]
    assert "datetime.date" in str(type_info.value)


def test_add_working_days_across_national_day_2024_and_spring_festival_2025():
    calendar = Calendar()
    assert calendar.add_working_days("2024-09-30", 1) == D(2024, 10, 8)
    assert calendar.add_working_days("2024-09-30", 5) == D(2024, 10, 12)   # make-up Saturday
    assert calendar.add_working_days("2024-10-08", -2) == D(2024, 9, 29)   # make-up Sunday
    assert calendar.add_working_days("2025-01-24", 3) == D(2025, 2, 5)
    assert calendar.add_working_days("2025-01-24", 6) == D(2025, 2, 8)
    with pytest.raises(ssrandom.InvalidInputError):
        calendar.add_working_days("2024-09-30", 0)


def test_counting_and_adding_agree():
    calendar = Calendar()
    day = D(2024, 1, 1)
    while day < D(2026, 12, 1):
        for n in (1, 2, 7, 20):
            target = calendar.add_working_days(day, n)
            assert calendar.working_days_between(day, target) == n
            assert calendar.working_days_between(target, day) == -n
            assert calendar.is_working_day(target)
        day += datetime.timedelta(days=5)


def test_working_days_in_periods():
    calendar = Calendar()
    assert calendar.working_days_in("2024") == 251
    assert calendar.working_days_in(Period("2025")) == 248
    assert calendar.working_days_in("2024Q3") == 66


# --- Calendar: deadlines --------------------------------------------------------------------------------------

def test_deadlines_of_2024q3():
    assert Calendar().deadlines("2024Q3") == {
        "period": Period("2024Q3"),
        "first_day": D(2024, 7, 1),
        "last_day": D(2024, 9, 30),
        "working_days": 66,
        "summary_due": D(2024, 9, 27),
        "statistics_due": D(2024, 10, 9),
        "provisional": False,
    }


def test_deadlines_of_2025q4_use_the_2026_schedule():
    due = Calendar().deadlines(Period("2025Q4"))
    assert due["summary_due"] == D(2025, 12, 29)
    assert due["statistics_due"] == D(2026, 1, 5)


def test_deadlines_are_per_quarter():
    with pytest.raises(ssrandom.InvalidInputError) as info:
        Calendar().deadlines("2024")
    assert "2024Q1" in str(info.value)


def test_inspection_deadlines():
    calendar = Calendar()
    assert calendar.result_entry_deadline("2024-09-20") == D(2024, 9, 30)
    assert calendar.publication_deadline(D(2024, 9, 20)) == D(2024, 10, 23)
    assert calendar.deadline_after("2025-01-24", 7) == D(2025, 2, 10)
    with pytest.raises(ssrandom.InvalidInputError):
        calendar.deadline_after("2025-01-24", 0)


# --- Years without a schedule ---------------------------------------------------------------------------------

def test_a_year_without_a_schedule_is_out_of_range_and_says_how_to_fix_it():
    with pytest.raises(ssrandom.OutOfRangeError) as info:
        Calendar().is_working_day("2027-03-01")
    message = str(info.value)
    assert "2027" in message and "holiday file" in message and "provisional" in message
    with pytest.raises(ssrandom.OutOfRangeError):
        Calendar().deadlines("2026Q4")


def test_provisional_years_count_monday_to_friday_and_are_flagged():
    calendar = Calendar(provisional=True)
    assert calendar.provisional
    assert calendar.is_working_day("2027-01-01")          # a Friday
    assert calendar.is_provisional("2027-01-01")
    assert not calendar.is_provisional("2026-12-31")
    due = calendar.deadlines("2026Q4")
    assert (due["summary_due"], due["statistics_due"], due["provisional"]) == (D(2026, 12, 29), D(2027, 1, 4),
                                                                               True)
    calendar.provisional = False
    with pytest.raises(ssrandom.OutOfRangeError):
        calendar.is_working_day("2027-01-01")


# --- Holiday files and added years ----------------------------------------------------------------------------

def test_the_example_holiday_file_loads_and_is_labelled_as_an_example():
    text = EXAMPLE_2027.read_text(encoding="utf-8")
    assert "EXAMPLE ONLY" in json.loads(text)["note"]
    calendar = Calendar()
    calendar.load_file(EXAMPLE_2027)
    assert calendar.years == [2024, 2025, 2026, 2027]
    assert not calendar.is_working_day("2027-01-01")
    assert calendar.is_working_day("2027-02-14")       # make-up Sunday
    assert calendar.deadlines("2026Q4")["statistics_due"] == D(2027, 1, 5)
    assert Calendar(builtin=False, holidays=EXAMPLE_2027).years == [2027]


def test_loading_a_missing_file_is_not_found():
    with pytest.raises(ssrandom.NotFoundError) as info:
        Calendar().load_file("/nonexistent/holidays-2027.json")
    assert "/nonexistent/holidays-2027.json" in str(info.value)


def test_a_bad_holiday_file_names_the_file_entry_field_and_value_and_adds_nothing(tmp_path):
    path = tmp_path / "holidays.json"
    path.write_text(json.dumps({"format": "ssrandom-holidays-v1", "years": [
        {"year": 2027, "off": ["2027-01-01"], "work": []},
        {"year": 2028, "off": ["2028-02-30"], "work": []},
    ]}), encoding="utf-8")
    calendar = Calendar()
    with pytest.raises(ssrandom.InvalidInputError) as info:
        calendar.load_file(path)
    assert f'{path}: year entry #2 (2028), field "off", value "2028-02-30"' in str(info.value)
    assert calendar.years == [2024, 2025, 2026]


def test_a_year_already_present_is_rejected():
    calendar = Calendar()
    with pytest.raises(ssrandom.InvalidInputError) as info:
        calendar.load_json('{"format": "ssrandom-holidays-v1", "years": [{"year": 2025, "off": [], "work": []}]}',
                           "mine.json")
    assert info.value.code == "ALREADY_EXISTS"
    assert "mine.json" in str(info.value)


def test_add_year_and_copies():
    calendar = Calendar(builtin=False)
    calendar.add_year(2027, off=["2027-01-01", D(2027, 2, 5)], work=[D(2027, 2, 14)])
    copy = calendar.copy()
    copy.add_year(2028, off=[], work=[])
    assert calendar.years == [2027]
    assert copy.years == [2027, 2028]
    assert not calendar.is_working_day("2027-02-05")
    with pytest.raises(ssrandom.InvalidInputError):
        calendar.add_year(2029, off=["2029-01-01"], work=["2029-01-01"])
    with pytest.raises(ssrandom.InvalidInputError):
        calendar.add_year(2029, off=["2030-01-01"], work=[])
    assert calendar.years == [2027]


# --- Command line ---------------------------------------------------------------------------------------------

def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "ssrandom", "calendar", *args], capture_output=True, text=True)


def test_cli_prints_a_quarters_deadlines_as_json():
    out = run_cli("2025Q3", "--json")
    assert out.returncode == 0, out.stderr
    # Last day Tuesday 2025-09-30: Monday 09-29, make-up Sunday 09-28; after 10-01..10-08: 10-09, 10-10.
    assert json.loads(out.stdout) == {
        "period": "2025Q3",
        "first_day": "2025-07-01",
        "last_day": "2025-09-30",
        "working_days": 67,
        "summary_due": "2025-09-28",
        "statistics_due": "2025-10-10",
        "provisional": False,
    }


def test_cli_prints_one_entry_per_quarter_for_a_year():
    out = run_cli("2024", "--json")
    assert out.returncode == 0, out.stderr
    entries = json.loads(out.stdout)
    assert [e["period"] for e in entries] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert sum(e["working_days"] for e in entries) == 251
    assert entries[0]["summary_due"] == "2024-03-28"
    assert entries[3]["statistics_due"] == "2025-01-03"


def test_cli_needs_a_schedule_or_provisional_for_2026q4():
    out = run_cli("2026Q4")
    assert out.returncode == 2
    assert "2027" in out.stderr and "--holidays" in out.stderr and "--provisional" in out.stderr
    provisional = run_cli("2026Q4", "--provisional", "--json")
    assert provisional.returncode == 0, provisional.stderr
    assert json.loads(provisional.stdout)["provisional"] is True
    with_file = run_cli("2026q4", "--holidays", str(EXAMPLE_2027), "--json")
    assert with_file.returncode == 0, with_file.stderr
    assert json.loads(with_file.stdout)["statistics_due"] == "2027-01-05"


def test_cli_prints_a_table_by_default():
    out = run_cli("2024")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "summary due" in lines[0] and "statistics due" in lines[0]
    assert lines[1].split()[:4] == ["2024Q1", "2024-01-01", "2024-03-31", "61"]
    assert lines[4].split()[-1] == "2025-01-03"
    provisional = run_cli("2026Q4", "--provisional")
    assert provisional.stdout.splitlines()[1].startswith("2026Q4*")
    assert "provisional" in provisional.stdout.splitlines()[-1]


def test_cli_rejects_a_bad_period():
    out = run_cli("2025-Q3")
    assert out.returncode == 2
    assert "'2025-Q3' is not a period" in out.stderr
