// Bindings for policies, conditions and classification, wrapped by python/ssrandom/policy.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "register.h"
#include "ssrandom/classify.h"
#include "ssrandom/condition.h"
#include "ssrandom/directory.h"
#include "ssrandom/period.h"
#include "ssrandom/policy.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

Period PeriodOf(const std::string& text) { return ValueOrThrow(Period::Parse(text)); }

py::dict RuleDict(const Policy::Rule& rule) {
  py::dict d;
  d["name"] = rule.name;
  d["when"] = rule.when;
  d["canonical"] = rule.condition.ToString();
  d["source"] = rule.source;
  d["comment"] = rule.comment;
  return d;
}

py::dict QuotasDict(const Policy& p) {
  py::dict out;
  for (const Policy::PoolQuota& q : p.pool_quotas()) {
    py::dict d;
    d["rule"] = std::string(PoolRuleId(q.pool));
    d["minimum"] = q.minimum.ToString();
    d["method"] = std::string(InspectionMethodName(q.method));
    d["source"] = q.source;
    d["comment"] = q.comment;
    py::dict table;
    if (p.uses_credit_table(q.pool)) {
      for (size_t k = 0; k < p.credit_classes().size(); ++k) {
        table[py::str(p.credit_classes()[k])] = p.CreditRatio(q.pool, static_cast<int>(k))->ToString();
      }
    }
    d["credit_ratios"] = table;
    out[py::str(std::string(PoolName(q.pool)))] = d;
  }
  return out;
}

py::object Optional(Truth truth) {
  if (truth == Truth::kTrue) return py::bool_(true);
  if (truth == Truth::kFalse) return py::bool_(false);
  return py::none();
}

}  // namespace

void RegisterPolicy(py::module_& m) {
  py::class_<Policy>(m, "Policy", "A validated, immutable policy; see ssrandom.Policy.")
      .def_static(
          "preset", [](const std::string& name) { return ValueOrThrow(Policy::Preset(name)); },
          py::arg("name"))
      .def_static(
          "load", [](const std::string& name_or_path) { return ValueOrThrow(Policy::Load(name_or_path)); },
          py::arg("name_or_path"))
      .def_static(
          "from_json",
          [](const std::string& text, const std::string& source) {
            return ValueOrThrow(Policy::FromJson(text, source));
          },
          py::arg("text"), py::arg("source"))
      .def_static("preset_names", &Policy::PresetNames)
      .def_static(
          "preset_json", [](const std::string& name) { return ValueOrThrow(Policy::PresetJson(name)); },
          py::arg("name"))
      .def_static(
          "check",
          [](const std::string& text, const std::string& source) {
            std::vector<py::tuple> out;
            for (const PolicyProblem& p : Policy::Check(text, source)) {
              out.push_back(py::make_tuple(p.source, p.path, p.line, p.column, p.message));
            }
            return out;
          },
          py::arg("text"), py::arg("source"))
      .def_property_readonly("name", &Policy::name)
      .def_property_readonly("title", &Policy::title)
      .def_property_readonly("source_name", &Policy::source_name)
      .def_property_readonly("digest", &Policy::Digest)
      .def_property_readonly("canonical_json", &Policy::CanonicalJson)
      .def_property_readonly("classes",
                             [](const Policy& p) {
                               py::dict d;
                               for (SupervisionClass c : {SupervisionClass::kSpecial, SupervisionClass::kKey,
                                                          SupervisionClass::kGeneral}) {
                                 py::list rules;
                                 for (const Policy::Rule& r : p.class_rules(c)) rules.append(RuleDict(r));
                                 d[py::str(std::string(SupervisionClassName(c)))] = rules;
                               }
                               return d;
                             })
      .def_property_readonly("exclusions",
                             [](const Policy& p) {
                               py::list rules;
                               for (const Policy::Rule& r : p.exclusion_rules()) rules.append(RuleDict(r));
                               return rules;
                             })
      .def_property_readonly(
          "excluded_statuses",
          [](const Policy& p) {
            std::vector<std::string> out;
            for (int s = 0; s <= 6; ++s) {
              if (p.excludes_status(static_cast<EntityStatus>(s))) {
                out.emplace_back(s == 0 ? "unknown" : EntityStatusName(static_cast<EntityStatus>(s)));
              }
            }
            return out;
          })
      .def_property_readonly("precedence",
                             [](const Policy& p) {
                               std::vector<std::string> out;
                               for (SupervisionClass c : p.precedence())
                                 out.emplace_back(SupervisionClassName(c));
                               return out;
                             })
      .def_property_readonly(
          "unmatched_class",
          [](const Policy& p) { return std::string(SupervisionClassName(p.unmatched_class())); })
      .def_property_readonly("quotas", &QuotasDict)
      .def_property_readonly("credit_classes", &Policy::credit_classes)
      .def_property_readonly("credit_attribute", &Policy::credit_attribute)
      .def_property_readonly(
          "unknown_credit_class",
          [](const Policy& p) -> py::object {
            if (p.unknown_credit_index() < 0) return py::none();
            return py::str(p.credit_classes()[static_cast<size_t>(p.unknown_credit_index())]);
          })
      .def_property_readonly("credit_based_share",
                             [](const Policy& p) { return p.credit_based_share().ToString(); })
      .def_property_readonly("yearly_cap", &Policy::yearly_cap)
      .def_property_readonly("rotation_within_year", &Policy::rotation_within_year)
      .def_property_readonly("take_whole_pool_when_short", &Policy::take_whole_pool_when_short)
      .def_property_readonly("joint",
                             [](const Policy& p) {
                               py::dict d;
                               d["internal_joint_share"] = p.joint().internal_joint_share.ToString();
                               d["dept_joint_per_quarter"] = p.joint().dept_joint_per_quarter;
                               return d;
                             })
      .def_property_readonly("team",
                             [](const Policy& p) {
                               const Policy::TeamRules& t = p.team();
                               py::dict d;
                               d["min_size"] = t.min_size;
                               d["certificate_required"] = t.certificate_required;
                               d["recusal"] = t.recusal;
                               d["rotation_window_periods"] = t.rotation_window_periods;
                               d["own_area_rule"] = std::string(OwnAreaRuleName(t.own_area_rule));
                               d["default_max_load"] = t.default_max_load;
                               d["offsite_units"] = t.offsite_units;
                               d["skills_by_item"] = t.skills_by_item;
                               return d;
                             })
      .def_property_readonly("deadlines", [](const Policy& p) {
        const Policy::Deadlines& x = p.deadlines();
        py::dict d;
        d["result_entry_working_days"] = x.result_entry_working_days;
        d["publication_working_days"] = x.publication_working_days;
        d["summary_days_before"] = x.summary_days_before;
        d["statistics_days_after"] = x.statistics_days_after;
        return d;
      });

  py::class_<Condition>(m, "Condition", "A parsed condition; see ssrandom.Condition.")
      .def(py::init([](const std::string& text, const std::string& rule) {
             return ValueOrThrow(Condition::Parse(text, rule));
           }),
           py::arg("text"), py::arg("rule") = "condition")
      .def_property_readonly("text", &Condition::text)
      .def("__str__", &Condition::ToString)
      .def_property_readonly("attributes", &Condition::Attributes)
      .def(
          "evaluate",
          [](const Condition& c, const Directory& d, const std::string& period) {
            const Period p = PeriodOf(period);
            std::vector<Truth> truth(d.size());
            {
              py::gil_scoped_release release;
              c.Bind(d, p).EvaluateBlock(0, d.size(), truth.data());
            }
            py::list out(d.size());
            for (size_t i = 0; i < truth.size(); ++i) out[i] = Optional(truth[i]);
            return out;
          },
          py::arg("directory"), py::arg("period"));

  py::class_<Classification>(m, "Classification", "The classes, pools and credit cells of a directory.")
      .def("__len__", &Classification::size)
      .def_property_readonly("period", [](const Classification& c) { return c.period().ToString(); })
      .def_property_readonly("policy", [](const Classification& c) { return c.policy(); })
      .def("explain",
           [](const Classification& c, size_t row) {
             if (row >= c.size()) throw py::index_error("row out of range");
             return c.Explain(row);
           })
      .def("rows",
           [](const Classification& c, const Directory& d) {
             if (d.size() != c.size()) {
               ThrowIfError(absl::InvalidArgumentError("the directory is not the one that was classified"));
             }
             const Policy& p = c.policy();
             py::list out(c.size());
             for (size_t row = 0; row < c.size(); ++row) {
               const int credit = c.credit_index(row);
               const std::optional<bool> positive = d.positive_list(row);
               out[row] = py::make_tuple(
                   std::string(d.id(row)), std::string(SupervisionClassName(c.supervision_class(row))),
                   std::string(PoolName(c.pool(row))),
                   positive ? py::object(py::bool_(*positive)) : py::none(),
                   credit >= 0 ? p.credit_classes()[static_cast<size_t>(credit)] : std::string(),
                   c.Explain(row));
             }
             return out;
           })
      .def(
          "columns",
          [](const Classification& c, const Directory& d, bool explain) {
            if (d.size() != c.size()) {
              ThrowIfError(absl::InvalidArgumentError("the directory is not the one that was classified"));
            }
            const size_t n = c.size();
            std::vector<std::string> ids(n), classes(n), pools(n), credits(n), explanations;
            std::vector<std::optional<bool>> positive(n);
            {
              py::gil_scoped_release release;
              const Policy& p = c.policy();
              if (explain) explanations.resize(n);
              for (size_t row = 0; row < n; ++row) {
                const int credit = c.credit_index(row);
                ids[row] = std::string(d.id(row));
                classes[row] = std::string(SupervisionClassName(c.supervision_class(row)));
                pools[row] = std::string(PoolName(c.pool(row)));
                positive[row] = d.positive_list(row);
                if (credit >= 0) credits[row] = p.credit_classes()[static_cast<size_t>(credit)];
                if (explain) explanations[row] = c.Explain(row);
              }
            }
            py::dict out;
            out["id"] = std::move(ids);
            out["class"] = std::move(classes);
            out["pool"] = std::move(pools);
            out["positive_list"] = std::move(positive);
            out["credit"] = std::move(credits);
            if (explain) out["explanation"] = std::move(explanations);
            return out;
          },
          py::arg("directory"), py::arg("explain") = true,
          "The rows as columns (lists), built without the GIL; without explain, no explanation column.")
      .def(
          "counts",
          [](const Classification& c) {
            py::dict d;
            for (Pool pool : {Pool::kSpecial, Pool::kKey, Pool::kPositive, Pool::kGeneral, Pool::kExcluded}) {
              d[py::str(std::string(PoolName(pool)))] = c.PoolSize(pool);
            }
            return d;
          })
      .def("class_counts",
           [](const Classification& c) {
             py::dict d;
             for (SupervisionClass k : {SupervisionClass::kSpecial, SupervisionClass::kKey,
                                        SupervisionClass::kGeneral, SupervisionClass::kExcluded}) {
               d[py::str(std::string(SupervisionClassName(k)))] = c.ClassSize(k);
             }
             return d;
           })
      .def_property_readonly("conflicts", &Classification::ConflictCount)
      .def_property_readonly("defaulted_credit", &Classification::DefaultedCreditCount)
      .def("quota_lines", [](const Classification& c) {
        py::list out;
        for (const QuotaLine& line : ComputeQuotas(c, c.policy())) {
          py::dict d;
          d["pool"] = std::string(PoolName(line.pool));
          d["rule"] = std::string(PoolRuleId(line.pool));
          d["credit_class"] = line.credit_class;
          d["size"] = line.pool_size;
          d["ratio"] = line.ratio.ToString();
          d["quota"] = line.quota;
          d["method"] = std::string(InspectionMethodName(line.method));
          d["arithmetic"] = line.arithmetic;
          out.append(d);
        }
        return out;
      });

  m.def(
      "classify",
      [](const Directory& directory, const Policy& policy, const std::string& period, int threads) {
        const Period p = PeriodOf(period);
        absl::StatusOr<Classification> result = absl::UnknownError("");
        {
          py::gil_scoped_release release;
          result = Classify(directory, policy, p, threads > 0 ? threads : 2);  // 0: both cores, as draw()
        }
        return ValueOrThrow(std::move(result));
      },
      py::arg("directory"), py::arg("policy"), py::arg("period"), py::arg("threads") = 0);
}

}  // namespace ssr::bindings
