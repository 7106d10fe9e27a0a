// InspectorDirectoryDigest: the canonical form documented in docs/teams.md ("The inspector directory
// digest"). Fields never hold control characters (loading rejects them), so U+001F and \n separate safely.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ssrandom/assign.h"
#include "ssrandom/date.h"
#include "ssrandom/digest.h"

namespace ssr {
namespace {

constexpr char kSeparator[] = "\x1f";

std::string Line(const std::vector<std::string>& fields) {
  return absl::StrCat(absl::StrJoin(fields, kSeparator), "\n");
}

// The section's lines in ascending byte order (std::string compares bytes as unsigned char).
void AppendSection(absl::string_view name, std::vector<std::string> lines, Sha256Hasher* hasher) {
  std::sort(lines.begin(), lines.end());
  hasher->Update(absl::StrCat(name, "\n"));
  for (const std::string& line : lines) hasher->Update(line);
}

std::string Day(const std::optional<absl::CivilDay>& day) { return day ? FormatDate(*day) : ""; }

}  // namespace

std::string InspectorDirectoryDigest(const Bureau& bureau) {
  Sha256Hasher hasher;
  hasher.Update("ssrandom-inspector-directory-v1\n");
  std::vector<std::string> lines;
  for (const Inspector& in : bureau.staff.inspectors()) {
    std::vector<std::string> specialties = in.specialties;
    std::sort(specialties.begin(), specialties.end());
    lines.push_back(Line({in.id, in.name, in.certificate_number, Day(in.certificate_valid_from),
                          Day(in.certificate_valid_until), in.unit, in.department, in.area_group,
                          absl::StrJoin(specialties, ";"), in.max_load ? absl::StrCat(*in.max_load) : "",
                          in.active ? "true" : "false"}));
  }
  AppendSection("inspectors", std::move(lines), &hasher);
  lines.clear();
  for (const Unit& unit : bureau.staff.units()) lines.push_back(Line({unit.id, unit.name, unit.kind}));
  AppendSection("units", std::move(lines), &hasher);
  lines.clear();
  for (const Department& d : bureau.staff.departments()) lines.push_back(Line({d.id, d.name}));
  AppendSection("departments", std::move(lines), &hasher);
  lines.clear();
  for (const Conflict& c : bureau.conflicts) lines.push_back(Line({c.inspector_id, c.entity_id, c.reason}));
  AppendSection("conflicts", std::move(lines), &hasher);
  lines.clear();
  for (const PairExclusion& p : bureau.pair_exclusions) {
    lines.push_back(Line({p.inspector_a, p.inspector_b, p.reason}));
  }
  AppendSection("pair_exclusions", std::move(lines), &hasher);
  return hasher.FinishHex();
}

}  // namespace ssr
