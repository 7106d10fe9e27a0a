// The canonical line of an entity (docs/directory.md, "Canonical digest"): the 17 fields in schema order
// (id, uscc, name, area, industry, permit_class, key_unit, positive_list, credit, env_credit,
// penalties_last_year, last_penalty_date, supervision_listed_date, verified_complaints, emergency_risk,
// status, tags), each in its CSV text form ("" when unknown; flags "true"/"false"; dates YYYY-MM-DD; enums by
// English name; tags sorted by bytes and joined by ';'), separated by U+001F (unit separator), ended by "\n".
//
// Fields never hold control characters (Directory::Add rejects them), so the separators are unambiguous.
#include "directory/canonical.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ssrandom/date.h"
#include "ssrandom/entity.h"

namespace ssr {
namespace internal {
namespace {

// Appends a field's canonical text and the separator.
void Field(std::string* line, absl::string_view text) {
  line->append(text.data(), text.size());
  line->push_back('\x1f');
}

void Flag(std::string* line, uint8_t flags, uint8_t known, uint8_t value) {
  Field(line, (flags & known) == 0 ? "" : (flags & value) != 0 ? "true" : "false");
}

void Count(std::string* line, uint16_t count) {
  if (count != kNoCount) absl::StrAppend(line, count);
  line->push_back('\x1f');
}

void Day(std::string* line, int32_t day) {
  if (day != kNoDate) line->append(FormatDate(DayFromNumber(day)));
  line->push_back('\x1f');
}

}  // namespace

absl::string_view CanonicalLineWriter::Line(uint32_t row) {
  // The same text as the CSV writer produces for each field (record_schema.cc), read straight from the
  // columns; tests compare it with the schema-driven form.
  const EntityColumns& c = columns_;
  std::string& line = line_;
  line.clear();
  Field(&line, c.ids[row]);
  Field(&line, c.usccs[row]);
  Field(&line, c.names[row]);
  Field(&line, c.areas[c.area[row]]);
  Field(&line, c.industries[c.industry[row]]);
  Field(&line, PermitClassName(static_cast<PermitClass>(c.permit_class[row])));
  Flag(&line, c.flags[row], kKeyUnitKnown, kKeyUnit);
  Flag(&line, c.flags[row], kPositiveListKnown, kPositiveList);
  Field(&line, c.credits[c.credit[row]]);
  Field(&line, c.env_credits[c.env_credit[row]]);
  Count(&line, c.penalties_last_year[row]);
  Day(&line, c.last_penalty_day[row]);
  Day(&line, c.supervision_listed_day[row]);
  Count(&line, c.verified_complaints[row]);
  Field(&line, EmergencyRiskName(static_cast<EmergencyRisk>(c.emergency_risk[row])));
  Field(&line, EntityStatusName(static_cast<EntityStatus>(c.status[row])));
  tags_.clear();
  for (uint16_t code : c.TagCodes(row)) tags_.push_back(c.tags[code]);
  std::sort(tags_.begin(), tags_.end());
  for (size_t i = 0; i < tags_.size(); ++i) {
    if (i > 0) line.push_back(';');
    line.append(tags_[i].data(), tags_[i].size());
  }
  line.push_back('\n');
  return line;
}

}  // namespace internal

}  // namespace ssr
