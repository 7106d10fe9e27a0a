// The canonical form of an entity directory and its SHA-256 digest (docs/directory.md, "Canonical digest").
//
//   "ssrandom-entity-directory-v1\n"
//   then one line per entity, in ascending byte order of id:
//     the 17 fields in schema order (id, uscc, name, area, industry, permit_class, key_unit, positive_list,
//     credit, env_credit, penalties_last_year, last_penalty_date, supervision_listed_date,
//     verified_complaints, emergency_risk, status, tags), each in its CSV text form ("" when unknown; flags
//     "true"/"false"; dates YYYY-MM-DD; enums by English name; tags sorted by bytes and joined by ';'),
//     separated by U+001F (unit separator) and ended by "\n".
//
// Fields never hold control characters (Directory::Add rejects them), so the separators are unambiguous.
#include <algorithm>
#include <numeric>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "directory/entity_columns.h"
#include "io/record_schema.h"
#include "ssrandom/digest.h"
#include "ssrandom/directory.h"

namespace ssr {

std::string Directory::CanonicalDigest() const {
  const internal::EntityColumns& c = *columns_;
  std::vector<uint32_t> order(c.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&c](uint32_t a, uint32_t b) { return c.ids[a] < c.ids[b]; });

  const auto& fields = internal::EntitySchema().fields;
  Sha256Hasher hasher;
  hasher.Update("ssrandom-entity-directory-v1\n");
  std::string line;
  for (uint32_t row : order) {
    Entity entity = Get(row);
    std::sort(entity.tags.begin(), entity.tags.end());
    line.clear();
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) line.push_back('\x1f');
      line += fields[i].format(entity);
    }
    line.push_back('\n');
    hasher.Update(line);
  }
  return hasher.FinishHex();
}

}  // namespace ssr
