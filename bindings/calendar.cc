// ssrandom._core.Period and ssrandom._core.Calendar: the working-day calendar, wrapped by ssrandom.calendar.
// Dates cross as datetime.date (a datetime.datetime, e.g. a pandas Timestamp, gives its date) or as
// 'YYYY-MM-DD' text; they come back as datetime.date.
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "register.h"
#include "ssrandom/calendar.h"
#include "ssrandom/date.h"
#include "ssrandom/period.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

absl::CivilDay ToCivilDay(const py::handle& value, const char* argument) {
  if (py::isinstance<py::str>(value)) {
    absl::StatusOr<absl::CivilDay> day = ParseDate(value.cast<std::string>());
    if (!day.ok())
      ThrowIfError(absl::InvalidArgumentError(absl::StrCat(argument, ": ", day.status().message())));
    return *day;
  }
  py::object date_type = py::module_::import("datetime").attr("date");
  if (!py::isinstance(value, date_type)) {
    throw py::type_error(absl::StrCat(argument, ": expected a datetime.date or a text 'YYYY-MM-DD', got ",
                                      std::string(py::str(py::type::of(value).attr("__name__")))));
  }
  return absl::CivilDay(value.attr("year").cast<int>(), value.attr("month").cast<int>(),
                        value.attr("day").cast<int>());
}

py::object ToDate(absl::CivilDay day) {
  return py::module_::import("datetime").attr("date")(static_cast<int>(day.year()), day.month(), day.day());
}

std::vector<absl::CivilDay> ToCivilDays(const py::iterable& values, const char* argument) {
  std::vector<absl::CivilDay> days;
  for (const py::handle& value : values) days.push_back(ToCivilDay(value, argument));
  return days;
}

}  // namespace

void RegisterCalendar(py::module_& m) {
  py::class_<Period>(m, "Period", "A calendar quarter (2024Q1) or year (2024); see ssrandom.Period.")
      .def_static(
          "parse", [](const std::string& text) { return ValueOrThrow(Period::Parse(text)); }, py::arg("text"))
      .def_static(
          "make", [](int year, int quarter) { return ValueOrThrow(Period::Make(year, quarter)); },
          py::arg("year"), py::arg("quarter"))
      .def_property_readonly("year", &Period::year)
      .def_property_readonly("quarter", &Period::quarter)
      .def_property_readonly("is_quarter", &Period::is_quarter)
      .def_property_readonly("first_day", [](const Period& p) { return ToDate(p.first_day()); })
      .def_property_readonly("last_day", [](const Period& p) { return ToDate(p.last_day()); })
      .def(
          "contains",
          [](const Period& p, const py::object& day) { return p.Contains(ToCivilDay(day, "day")); },
          py::arg("day"))
      .def("quarters", &Period::Quarters)
      .def("year_period", &Period::YearPeriod)
      .def("__str__", &Period::ToString)
      .def("__repr__", [](const Period& p) { return absl::StrCat("Period('", p.ToString(), "')"); })
      .def("__hash__", [](const Period& p) { return py::hash(py::make_tuple(p.year(), p.quarter())); })
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(py::self < py::self)
      .def(py::self <= py::self)
      .def(py::self > py::self)
      .def(py::self >= py::self);

  py::class_<WorkingDayCalendar>(m, "Calendar", "China's working-day calendar; see ssrandom.Calendar.")
      .def(py::init<>())
      .def_static("builtin", []() { return WorkingDayCalendar(WorkingDayCalendar::BuiltIn()); })
      .def("copy", [](const WorkingDayCalendar& c) { return WorkingDayCalendar(c); })
      .def(
          "load_file",
          [](WorkingDayCalendar& c, const std::string& path) {
            absl::Status status;
            {
              py::gil_scoped_release release;
              status = c.LoadFile(path);
            }
            ThrowIfError(status);
          },
          py::arg("path"))
      .def(
          "load_json",
          [](WorkingDayCalendar& c, const std::string& text, const std::string& source) {
            ThrowIfError(c.LoadJson(text, source));
          },
          py::arg("text"), py::arg("source"))
      .def(
          "add_year",
          [](WorkingDayCalendar& c, int year, const py::iterable& off, const py::iterable& work) {
            ThrowIfError(c.AddYear(year, ToCivilDays(off, "off"), ToCivilDays(work, "work")));
          },
          py::arg("year"), py::arg("off"), py::arg("work"))
      .def_property("allow_provisional", &WorkingDayCalendar::allow_provisional,
                    &WorkingDayCalendar::set_allow_provisional)
      .def_property_readonly("years", &WorkingDayCalendar::years)
      .def(
          "is_working_day",
          [](const WorkingDayCalendar& c, const py::object& day) {
            return ValueOrThrow(c.IsWorkingDay(ToCivilDay(day, "day")));
          },
          py::arg("day"))
      .def(
          "is_provisional",
          [](const WorkingDayCalendar& c, const py::object& day) {
            return c.IsProvisional(ToCivilDay(day, "day"));
          },
          py::arg("day"))
      .def(
          "add_working_days",
          [](const WorkingDayCalendar& c, const py::object& day, int n) {
            return ToDate(ValueOrThrow(c.AddWorkingDays(ToCivilDay(day, "day"), n)));
          },
          py::arg("day"), py::arg("n"))
      .def(
          "working_days_between",
          [](const WorkingDayCalendar& c, const py::object& after, const py::object& until) {
            return ValueOrThrow(c.WorkingDaysBetween(ToCivilDay(after, "after"), ToCivilDay(until, "until")));
          },
          py::arg("after"), py::arg("until"))
      .def(
          "working_days_in",
          [](const WorkingDayCalendar& c, const Period& period) {
            return ValueOrThrow(c.WorkingDaysIn(period));
          },
          py::arg("period"))
      .def(
          "deadlines",
          [](const WorkingDayCalendar& c, const Period& quarter, int summary_days_before,
             int statistics_days_after) {
            PeriodDeadlines due =
                ValueOrThrow(c.Deadlines(quarter, summary_days_before, statistics_days_after));
            py::dict result;
            result["period"] = due.period;
            result["summary_due"] = ToDate(due.summary_due);
            result["statistics_due"] = ToDate(due.statistics_due);
            result["provisional"] = due.provisional;
            return result;
          },
          py::arg("period"), py::arg("summary_days_before") = kSummaryWorkingDaysBefore,
          py::arg("statistics_days_after") = kStatisticsWorkingDaysAfter)
      .def(
          "deadline_after",
          [](const WorkingDayCalendar& c, const py::object& day, int working_days) {
            return ToDate(ValueOrThrow(c.DeadlineAfter(ToCivilDay(day, "day"), working_days)));
          },
          py::arg("day"), py::arg("working_days"));

  m.attr("HOLIDAY_FILE_FORMAT") = kHolidayFileFormat;
  m.attr("SUMMARY_WORKING_DAYS_BEFORE") = kSummaryWorkingDaysBefore;
  m.attr("STATISTICS_WORKING_DAYS_AFTER") = kStatisticsWorkingDaysAfter;
  m.attr("RESULT_ENTRY_WORKING_DAYS") = kResultEntryWorkingDays;
  m.attr("PUBLICATION_WORKING_DAYS") = kPublicationWorkingDays;
}

}  // namespace ssr::bindings
