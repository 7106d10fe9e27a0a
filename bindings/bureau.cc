// Bindings for the directories: Bureau (the 两库一单), Directory, QualityReport and the sample generator.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "register.h"
#include "ssrandom/bureau_io.h"
#include "ssrandom/date.h"
#include "ssrandom/sample_bureau.h"
#include "ssrandom/summary.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

TableFormat FormatNamed(const std::string& name) {
  if (name == "csv") return TableFormat::kCsv;
  if (name == "json") return TableFormat::kJson;
  ThrowIfError(absl::InvalidArgumentError("format must be \"csv\" or \"json\", not \"" + name + "\""));
  return TableFormat::kCsv;
}

std::optional<absl::CivilDay> OptionalDay(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return ValueOrThrow(ParseDate(*text));
}

py::dict EntityDict(const Entity& e) {
  py::dict d;
  d["id"] = e.id;
  d["uscc"] = e.uscc;
  d["name"] = e.name;
  d["area"] = e.area;
  d["industry"] = e.industry;
  d["permit_class"] = std::string(PermitClassName(e.permit_class));
  d["key_unit"] = e.key_unit;
  d["positive_list"] = e.positive_list;
  d["credit"] = e.credit;
  d["env_credit"] = e.env_credit;
  d["penalties_last_year"] = e.penalties_last_year;
  d["last_penalty_date"] =
      e.last_penalty_date ? py::object(py::str(FormatDate(*e.last_penalty_date))) : py::none();
  d["supervision_listed_date"] =
      e.supervision_listed_date ? py::object(py::str(FormatDate(*e.supervision_listed_date))) : py::none();
  d["verified_complaints"] = e.verified_complaints;
  d["emergency_risk"] = std::string(EmergencyRiskName(e.emergency_risk));
  d["status"] = std::string(EntityStatusName(e.status));
  d["tags"] = e.tags;
  return d;
}

}  // namespace

void RegisterBureau(py::module_& m) {
  py::class_<QualityReport>(m, "QualityReport")
      .def_property_readonly("error_count", &QualityReport::error_count)
      .def_property_readonly("warning_count", &QualityReport::warning_count)
      .def("to_text", &QualityReport::ToText)
      .def("to_json", &QualityReport::ToJson);

  py::class_<Directory>(m, "Directory")
      .def("__len__", &Directory::size)
      .def("digest", &Directory::CanonicalDigest, py::call_guard<py::gil_scoped_release>())
      .def("resident_bytes", &Directory::ResidentBytes)
      .def("get",
           [](const Directory& d, size_t row) {
             if (row >= d.size()) throw py::index_error("row out of range");
             return EntityDict(d.Get(row));
           })
      .def("find", [](const Directory& d, const std::string& id) { return d.Find(id); })
      .def("areas", &Directory::Areas)
      .def("to_csv", &EntitiesToCsv, py::call_guard<py::gil_scoped_release>())
      .def("to_json", &EntitiesToJson, py::call_guard<py::gil_scoped_release>());

  m.def(
      "load_entities",
      [](const std::string& path) {
        QualityReport report;
        absl::StatusOr<Directory> directory;
        {
          py::gil_scoped_release release;
          directory = LoadEntities(path, &report);
        }
        return py::make_tuple(ValueOrThrow(std::move(directory)), std::move(report));
      },
      py::arg("path"));
  m.def(
      "read_entities",
      [](const std::string& text, const std::string& format, const std::string& source) {
        const TableFormat table_format = FormatNamed(format);
        QualityReport report;
        absl::StatusOr<Directory> directory;
        {
          py::gil_scoped_release release;
          directory = ReadEntities(text, table_format, source, &report);
        }
        return py::make_tuple(ValueOrThrow(std::move(directory)), std::move(report));
      },
      py::arg("text"), py::arg("format"), py::arg("source"),
      "(Directory, QualityReport) from an entity table's CSV or JSON text.");

  py::class_<Bureau>(m, "Bureau")
      .def_readonly("name", &Bureau::name)
      .def_property_readonly("entity_count", [](const Bureau& b) { return b.entities.size(); })
      .def_property_readonly("inspector_count", [](const Bureau& b) { return b.staff.size(); })
      .def_property_readonly("item_count", [](const Bureau& b) { return b.items.size(); })
      // A view, not a copy: a bureau cannot be changed from Python, and the directory keeps its digest, so
      // `bureau.entities.digest()` and the draw share one computation (a copy cost O(n) per access).
      .def_property_readonly(
          "entities", [](const Bureau& b) -> const Directory& { return b.entities; },
          py::return_value_policy::reference_internal)
      .def("summary_text", [](const Bureau& b) { return Summarize(b).ToText(); })
      .def("summary_json", [](const Bureau& b) { return Summarize(b).ToJson(); })
      .def(
          "check",
          [](const Bureau& b, const std::optional<std::string>& as_of) {
            const std::optional<absl::CivilDay> day = OptionalDay(as_of);
            py::gil_scoped_release release;
            return CheckBureau(b, day);
          },
          py::arg("as_of") = py::none())
      .def("to_json", &BureauToJson, py::call_guard<py::gil_scoped_release>())
      .def(
          "table_text",
          [](const Bureau& b, const std::string& table, const std::string& format) {
            const TableFormat table_format = FormatNamed(format);
            absl::StatusOr<std::string> text;
            {
              py::gil_scoped_release release;
              text = BureauTableText(b, table, table_format);
            }
            return ValueOrThrow(std::move(text));
          },
          py::arg("table"), py::arg("format") = "csv")
      .def(
          "save",
          [](const Bureau& b, const std::string& folder, const std::string& format) {
            ThrowIfError(SaveBureau(b, folder, FormatNamed(format)));
          },
          py::arg("folder"), py::arg("format") = "csv");

  m.def(
      "load_bureau",
      [](const std::string& path, const std::optional<std::string>& as_of) {
        QualityReport report;
        LoadOptions options;
        options.as_of = OptionalDay(as_of);
        absl::StatusOr<Bureau> bureau;
        {
          py::gil_scoped_release release;
          bureau = LoadBureau(path, options, &report);
        }
        return py::make_tuple(ValueOrThrow(std::move(bureau)), std::move(report));
      },
      py::arg("path"), py::arg("as_of") = py::none());
  m.def(
      "read_bureau_tables",
      [](const std::string& name,
         const std::vector<std::tuple<std::string, std::string, std::string, std::string>>& tables,
         const std::optional<std::string>& as_of) {
        std::vector<TableText> texts;
        for (const auto& [table, text, format, source] : tables) {
          texts.push_back({table, text, FormatNamed(format), source});
        }
        QualityReport report;
        LoadOptions options;
        options.as_of = OptionalDay(as_of);
        absl::StatusOr<Bureau> bureau;
        {
          py::gil_scoped_release release;
          bureau = ReadBureauTables(name, texts, options, &report);
        }
        return py::make_tuple(ValueOrThrow(std::move(bureau)), std::move(report));
      },
      py::arg("name"), py::arg("tables"), py::arg("as_of") = py::none(),
      "(Bureau, QualityReport) from (table, text, format, source) tuples, as a bureau folder would hold "
      "them.");
  m.def(
      "bureau_from_entities",
      [](const std::string& path) {
        QualityReport report;
        Bureau bureau;
        absl::StatusOr<Directory> entities;
        {
          py::gil_scoped_release release;
          entities = LoadEntities(path, &report);
        }
        bureau.entities = ValueOrThrow(std::move(entities));
        {
          py::gil_scoped_release release;
          report.Append(CheckBureau(bureau, std::nullopt));
        }
        return py::make_tuple(std::move(bureau), std::move(report));
      },
      py::arg("path"));
  m.def(
      "sample_bureau",
      [](int64_t entities, uint64_t seed) {
        if (entities < 1) ThrowIfError(absl::InvalidArgumentError("the sample needs at least 1 entity"));
        SampleBureauOptions options;
        options.entities = entities;
        options.seed = seed;
        py::gil_scoped_release release;
        return GenerateBureau(options);
      },
      py::arg("entities") = SampleBureauOptions().entities, py::arg("seed") = SampleBureauOptions().seed);
}

}  // namespace ssr::bindings
