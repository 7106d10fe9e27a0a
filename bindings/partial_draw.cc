// Bindings for the draw over a directory split into parts (ssrandom/partial_draw.h), which ssrandom.spark
// runs in Spark executors (tally, candidates, entity hashes for the directory digest) and on the driver
// (takes, merge). Tallies and takes cross the boundary as plain tuples so that they pickle and travel between
// processes.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <tuple>
#include <vector>

#include "register.h"
#include "ssrandom/directory_digest.h"
#include "ssrandom/partial_draw.h"
#include "ssrandom/plan.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

// (entities, [(pool_size, excluded_yearly_cap, excluded_rotation, eligible) per stratum], history ids)
using TallyTuple = std::tuple<int64_t, std::vector<std::tuple<int64_t, int64_t, int64_t, int64_t>>,
                              std::vector<std::string>>;
// (eligible, readmitted, eligible_bound, readmitted_bound) per stratum
using TakeTuple = std::tuple<int64_t, int64_t, uint64_t, uint64_t>;

TallyTuple ToTuple(const DrawPartTally& tally) {
  TallyTuple t;
  std::get<0>(t) = tally.entities;
  for (const StratumTally& s : tally.strata) {
    std::get<1>(t).emplace_back(s.pool_size, s.excluded_yearly_cap, s.excluded_rotation, s.eligible);
  }
  std::get<2>(t) = tally.history_entities;
  return t;
}

DrawPartTally FromTuple(const TallyTuple& t) {
  DrawPartTally tally;
  tally.entities = std::get<0>(t);
  for (const auto& [pool_size, capped, rotated, eligible] : std::get<1>(t)) {
    tally.strata.push_back({pool_size, capped, rotated, eligible});
  }
  tally.history_entities = std::get<2>(t);
  return tally;
}

// `bureau`'s tables with `entities` as its directory, without copying bureau's own directory.
Bureau WithEntities(const Bureau& bureau, const Directory& entities) {
  Bureau copy;
  copy.name = bureau.name;
  copy.entities = entities;
  copy.staff = bureau.staff;
  copy.items = bureau.items;
  copy.conflicts = bureau.conflicts;
  copy.pair_exclusions = bureau.pair_exclusions;
  return copy;
}

std::vector<StratumTake> FromTuples(const std::vector<TakeTuple>& tuples) {
  std::vector<StratumTake> takes;
  for (const auto& [eligible, readmitted, eligible_bound, readmitted_bound] : tuples) {
    takes.push_back({eligible, readmitted, TicketKey{eligible_bound}, TicketKey{readmitted_bound}});
  }
  return takes;
}

}  // namespace

void RegisterPartialDraw(py::module_& m) {
  py::class_<DrawPartSpec>(m, "DrawPartSpec", "What every part of a split draw needs (partial_draw.h).")
      .def_property_readonly("strata", [](const DrawPartSpec& spec) {
        std::vector<std::string> names;
        for (const DrawStratum& s : spec.strata()) names.push_back(s.name);
        return names;
      });

  m.def(
      "draw_part_spec",
      [](const Policy& policy, const std::string& period_text, const std::string& seed,
         const std::string& seed_source, const std::vector<std::string>& history,
         const std::string& previous_record_digest) {
        Period period = ValueOrThrow(Period::Parse(period_text));
        DrawRequest request;
        request.seed = seed;
        request.seed_source = seed_source;
        for (size_t i = 0; i < history.size(); ++i) {
          request.history.push_back(
              ValueOrThrow(Plan::FromJson(history[i], "history plan " + std::to_string(i + 1))));
        }
        request.previous_record_digest = previous_record_digest;
        return ValueOrThrow(DrawPartSpec::Create(policy, period, request));
      },
      py::arg("policy"), py::arg("period"), py::arg("seed"), py::arg("seed_source"), py::arg("history"),
      py::arg("previous_record_digest"));

  m.def(
      "tally_draw_part",
      [](const Directory& part, const DrawPartSpec& spec) {
        absl::StatusOr<DrawPartTally> tally;
        {
          py::gil_scoped_release release;
          tally = TallyDrawPart(part, spec);
        }
        return ToTuple(ValueOrThrow(std::move(tally)));
      },
      py::arg("part"), py::arg("spec"));

  m.def(
      "add_draw_tallies",
      [](const std::vector<TallyTuple>& tallies) {
        DrawPartTally total;
        for (const TallyTuple& t : tallies) ThrowIfError(total.Add(FromTuple(t)));
        return ToTuple(total);
      },
      py::arg("tallies"));

  m.def(
      "plan_draw_takes",
      [](const DrawPartSpec& spec, const TallyTuple& total, bool bounded) {
        std::vector<TakeTuple> tuples;
        for (const StratumTake& t : PlanDrawTakes(spec, FromTuple(total), bounded)) {
          tuples.emplace_back(t.eligible, t.readmitted, t.eligible_bound.first19, t.readmitted_bound.first19);
        }
        return tuples;
      },
      py::arg("spec"), py::arg("total"), py::arg("bounded"));

  m.def(
      "draw_part_candidates",
      [](const Directory& part, const DrawPartSpec& spec, const std::vector<TakeTuple>& takes) {
        const std::vector<StratumTake> parsed = FromTuples(takes);
        absl::StatusOr<std::vector<uint32_t>> rows;
        {
          py::gil_scoped_release release;
          rows = DrawPartCandidates(part, spec, parsed);
        }
        return ValueOrThrow(std::move(rows));
      },
      py::arg("part"), py::arg("spec"), py::arg("takes"));

  m.def(
      "merge_draw_parts",
      [](const Bureau& bureau, const Directory& candidates, const DrawPartSpec& spec,
         const std::vector<TakeTuple>& takes, const TallyTuple& total, const std::string& directory_digest) {
        const std::vector<StratumTake> parsed = FromTuples(takes);
        const DrawPartTally tally = FromTuple(total);
        absl::StatusOr<DrawResult> result;
        std::string plan_json, plan_csv, plan_digest, record_json, record_digest;
        {
          py::gil_scoped_release release;
          result = MergeDrawParts(WithEntities(bureau, candidates), spec, parsed, tally, directory_digest);
          if (result.ok()) {
            plan_json = result->plan.ToJson();
            plan_csv = result->plan.ToCsv();
            plan_digest = result->plan.Digest();
            record_json = result->record.ToJson();
            record_digest = result->record.Digest();
          }
        }
        ThrowIfError(result.status());
        return py::make_tuple(plan_json, plan_csv, plan_digest, record_json, record_digest);
      },
      py::arg("bureau"), py::arg("candidates"), py::arg("spec"), py::arg("takes"), py::arg("total"),
      py::arg("directory_digest"));

  // The directory digest over parts (ssrandom/directory_digest.h): (buckets, hashes, ids) of a part in row
  // order — one byte, 32 bytes and the id per entity; ids joined by '\n' (an id holds no control character).
  m.def(
      "canonical_entity_hashes",
      [](const Directory& part) {
        CanonicalEntityHashes hashes;
        std::string ids;
        {
          py::gil_scoped_release release;
          hashes = HashCanonicalEntities(part);
          for (size_t row = 0; row < part.size(); ++row) {
            if (row > 0) ids.push_back('\n');
            ids.append(part.id(row).data(), part.id(row).size());
          }
        }
        return py::make_tuple(py::bytes(hashes.buckets), py::bytes(hashes.hashes), py::bytes(ids));
      },
      py::arg("part"));
  m.def(
      "directory_bucket_digest",
      [](int bucket, const py::bytes& hashes) {
        const std::string data = hashes;
        absl::StatusOr<std::string> digest;
        {
          py::gil_scoped_release release;
          digest = DirectoryBucketDigest(bucket, data);
        }
        ThrowIfError(digest.status());
        return *digest;
      },
      py::arg("bucket"), py::arg("hashes"));
  m.def(
      "directory_digest_from_buckets",
      [](const std::vector<std::string>& buckets) {
        absl::StatusOr<std::string> digest = DirectoryDigestFromBuckets(buckets);
        ThrowIfError(digest.status());
        return *digest;
      },
      py::arg("bucket_digests"));
  m.attr("DIRECTORY_DIGEST_BUCKETS") = kDirectoryDigestBuckets;

  m.def(
      "bureau_with_entities",
      [](const Bureau& bureau, const Directory& entities) { return WithEntities(bureau, entities); },
      py::arg("bureau"), py::arg("entities"),
      "A copy of `bureau` whose entity directory is `entities` (its other tables are not checked again).");
}

}  // namespace ssr::bindings
