#include "ssrandom/directory.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "directory/digest_cache.h"
#include "directory/entity_columns.h"
#include "directory/text.h"
#include "ssrandom/date.h"

namespace ssr {
namespace internal {

int32_t DayNumber(absl::CivilDay day) { return static_cast<int32_t>(day - absl::CivilDay(1970, 1, 1)); }
absl::CivilDay DayFromNumber(int32_t number) { return absl::CivilDay(1970, 1, 1) + number; }

size_t StringPool::ResidentBytes() const {
  size_t bytes = values_.capacity() * sizeof(std::string);
  for (const std::string& value : values_) bytes += value.capacity();
  return bytes * 2 + codes_.capacity() * (sizeof(std::string) + sizeof(uint16_t) + 1);
}

EntityColumns::EntityColumns() = default;

std::unique_ptr<EntityColumns> EntityColumns::Clone() const {
  auto copy = std::make_unique<EntityColumns>();
  copy->ids = ids;
  copy->usccs = usccs;
  copy->names = names;
  copy->areas = areas;
  copy->industries = industries;
  copy->credits = credits;
  copy->env_credits = env_credits;
  copy->tags = tags;
  copy->area = area;
  copy->industry = industry;
  copy->credit = credit;
  copy->env_credit = env_credit;
  copy->permit_class = permit_class;
  copy->status = status;
  copy->emergency_risk = emergency_risk;
  copy->flags = flags;
  copy->penalties_last_year = penalties_last_year;
  copy->verified_complaints = verified_complaints;
  copy->last_penalty_day = last_penalty_day;
  copy->supervision_listed_day = supervision_listed_day;
  copy->tag_set = tag_set;
  copy->tag_sets = tag_sets;
  copy->tag_count = tag_count;
  copy->index.Reserve(copy->ids, size());
  for (uint32_t row = 0; row < size(); ++row) copy->index.Insert(copy->ids, row);
  return copy;
}

void EntityColumns::ShrinkToFit() {
  ids.ShrinkToFit();
  usccs.ShrinkToFit();
  names.ShrinkToFit();
  for (auto* v : {&area, &industry, &credit, &env_credit, &penalties_last_year, &verified_complaints}) {
    v->shrink_to_fit();
  }
  for (auto* v : {&permit_class, &status, &emergency_risk, &flags}) v->shrink_to_fit();
  last_penalty_day.ShrinkToFit();
  supervision_listed_day.ShrinkToFit();
  tag_set.ShrinkToFit();
  tag_sets.ShrinkToFit();
  index.ShrinkToFit(ids);
}

std::vector<std::pair<const char*, size_t>> EntityColumns::ResidentBreakdown() const {
  auto vector_bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return {
      {"ids", ids.ResidentBytes()},
      {"usccs", usccs.ResidentBytes()},
      {"names", names.ResidentBytes()},
      {"value pools", areas.ResidentBytes() + industries.ResidentBytes() + credits.ResidentBytes() +
                          env_credits.ResidentBytes() + tags.ResidentBytes()},
      {"area, industry, credit, env_credit codes",
       vector_bytes(area) + vector_bytes(industry) + vector_bytes(credit) + vector_bytes(env_credit)},
      {"permit_class, status, emergency_risk, flags", vector_bytes(permit_class) + vector_bytes(status) +
                                                          vector_bytes(emergency_risk) + vector_bytes(flags)},
      {"penalties, complaints", vector_bytes(penalties_last_year) + vector_bytes(verified_complaints)},
      {"dates", last_penalty_day.ResidentBytes() + supervision_listed_day.ResidentBytes()},
      {"tags", tag_set.ResidentBytes() + tag_sets.ResidentBytes()},
      {"id index", index.ResidentBytes()}};
}

size_t EntityColumns::ResidentBytes() const {
  size_t bytes = 0;
  for (const auto& [part, part_bytes] : ResidentBreakdown()) bytes += part_bytes;
  return bytes;
}

Directory AdoptColumns(std::unique_ptr<EntityColumns> columns) { return Directory(std::move(columns)); }

}  // namespace internal

namespace {

using internal::EntityColumns;

uint8_t FlagBits(std::optional<bool> value, uint8_t known_bit, uint8_t value_bit) {
  if (!value.has_value()) return 0;
  return static_cast<uint8_t>(known_bit | (*value ? value_bit : 0));
}

std::optional<bool> FlagValue(uint8_t flags, uint8_t known_bit, uint8_t value_bit) {
  if ((flags & known_bit) == 0) return std::nullopt;
  return (flags & value_bit) != 0;
}

absl::Status ValidateEntity(const Entity& e) {
  if (e.id.empty()) return absl::InvalidArgumentError("field id is empty; every entity needs a unique id");
  struct TextField {
    absl::string_view name;
    const std::string* value;
  };
  for (const TextField& field :
       {TextField{"id", &e.id}, TextField{"uscc", &e.uscc}, TextField{"name", &e.name},
        TextField{"area", &e.area}, TextField{"industry", &e.industry}, TextField{"credit", &e.credit},
        TextField{"env_credit", &e.env_credit}}) {
    if (absl::Status s = internal::CheckFieldText(field.name, *field.value); !s.ok()) return s;
  }
  for (const std::string& tag : e.tags) {
    if (tag.empty()) return absl::InvalidArgumentError("field tags holds an empty tag");
    if (absl::Status s = internal::CheckFieldText("tags", tag); !s.ok()) return s;
  }
  for (const auto& [field, count] :
       {std::pair<absl::string_view, std::optional<int32_t>>{"penalties_last_year", e.penalties_last_year},
        {"verified_complaints", e.verified_complaints}}) {
    if (count.value_or(0) < 0)
      return absl::InvalidArgumentError(absl::StrCat("field ", field, " is negative"));
    if (count.value_or(0) > internal::kMaxCount) {
      return absl::InvalidArgumentError(absl::StrCat(
          "field ", field, " is ", *count, ", above the largest count accepted (", internal::kMaxCount, ")"));
    }
  }
  for (const auto& [field, date] : {std::pair<absl::string_view, const std::optional<absl::CivilDay>&>{
                                        "last_penalty_date", e.last_penalty_date},
                                    {"supervision_listed_date", e.supervision_listed_date}}) {
    if (date.has_value() && (date->year() < kMinDateYear || date->year() > kMaxDateYear)) {
      return absl::InvalidArgumentError(absl::StrCat("field ", field, " is in the year ", date->year(),
                                                     "; dates run from 0001-01-01 to 9999-12-31"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

using internal::DirectoryDigestCache;

Directory::Directory()
    : columns_(std::make_unique<EntityColumns>()), digest_cache_(std::make_unique<DirectoryDigestCache>()) {}
Directory::Directory(std::unique_ptr<EntityColumns> columns)
    : columns_(std::move(columns)), digest_cache_(std::make_unique<DirectoryDigestCache>()) {}
Directory::~Directory() = default;
Directory::Directory(const Directory& other)
    : columns_(other.columns_->Clone()), digest_cache_(DirectoryDigestCache::CopyOf(*other.digest_cache_)) {}
Directory& Directory::operator=(const Directory& other) {
  if (this != &other) {
    columns_ = other.columns_->Clone();
    digest_cache_ = DirectoryDigestCache::CopyOf(*other.digest_cache_);
  }
  return *this;
}
// A moved-from directory is left empty and usable.
Directory::Directory(Directory&& other) noexcept
    : columns_(std::exchange(other.columns_, std::make_unique<EntityColumns>())),
      digest_cache_(std::exchange(other.digest_cache_, std::make_unique<DirectoryDigestCache>())) {}
Directory& Directory::operator=(Directory&& other) noexcept {
  if (this != &other) {
    columns_ = std::exchange(other.columns_, std::make_unique<EntityColumns>());
    digest_cache_ = std::exchange(other.digest_cache_, std::make_unique<DirectoryDigestCache>());
  }
  return *this;
}

absl::Status Directory::Add(const Entity& e) {
  if (absl::Status s = ValidateEntity(e); !s.ok()) return s;
  EntityColumns& c = *columns_;
  const internal::IdIndex::Place id_place = c.index.Probe(c.ids, e.id);
  if (id_place.row.has_value()) {
    return absl::AlreadyExistsError(absl::StrCat("duplicate entity id '", e.id, "'; ids must be unique"));
  }
  // Deduplicate tags (they are a set), keeping first-seen order. (Inlined vectors: an entity has a few
  // tags, and a loader adds millions of entities.)
  absl::InlinedVector<absl::string_view, 8> tags;
  for (const std::string& tag : e.tags) {
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  // Every capacity check happens before the first write, so a failed Add leaves the columns untouched.
  struct PoolValue {
    internal::StringPool* pool;
    absl::string_view value;
    absl::string_view field;
  };
  absl::InlinedVector<PoolValue, 12> pooled = {{&c.areas, e.area, "area"},
                                               {&c.industries, e.industry, "industry"},
                                               {&c.credits, e.credit, "credit"},
                                               {&c.env_credits, e.env_credit, "env_credit"}};
  for (absl::string_view tag : tags) pooled.push_back({&c.tags, tag, "tags"});
  for (const PoolValue& p : pooled) {
    if (!p.pool->CanIntern(p.value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "field ", p.field, " has more than 65,535 distinct values; '", p.value, "' is one too many"));
    }
  }
  if (!c.ids.HasRoomFor(e.id) || !c.usccs.HasRoomFor(e.uscc) || !c.names.HasRoomFor(e.name) ||
      c.tag_count + tags.size() > UINT32_MAX) {
    return absl::InvalidArgumentError(
        "the directory's text exceeds 4 GiB in one column; split the directory");
  }

  c.ids.Append(e.id);
  c.usccs.Append(e.uscc);
  c.names.Append(e.name);
  c.area.push_back(c.areas.Intern(e.area));
  c.industry.push_back(c.industries.Intern(e.industry));
  c.credit.push_back(c.credits.Intern(e.credit));
  c.env_credit.push_back(c.env_credits.Intern(e.env_credit));
  c.permit_class.push_back(static_cast<uint8_t>(e.permit_class));
  c.status.push_back(static_cast<uint8_t>(e.status));
  c.emergency_risk.push_back(static_cast<uint8_t>(e.emergency_risk));
  c.flags.push_back(FlagBits(e.key_unit, internal::kKeyUnitKnown, internal::kKeyUnit) |
                    FlagBits(e.positive_list, internal::kPositiveListKnown, internal::kPositiveList));
  c.penalties_last_year.push_back(e.penalties_last_year ? static_cast<uint16_t>(*e.penalties_last_year)
                                                        : internal::kNoCount);
  c.verified_complaints.push_back(e.verified_complaints ? static_cast<uint16_t>(*e.verified_complaints)
                                                        : internal::kNoCount);
  c.last_penalty_day.push_back(e.last_penalty_date ? internal::DayNumber(*e.last_penalty_date)
                                                   : internal::kNoDate);
  c.supervision_listed_day.push_back(
      e.supervision_listed_date ? internal::DayNumber(*e.supervision_listed_date) : internal::kNoDate);
  absl::InlinedVector<uint16_t, 8> tag_codes;
  for (absl::string_view tag : tags) tag_codes.push_back(c.tags.Intern(tag));
  c.tag_set.push_back(c.tag_sets.Intern(tag_codes));
  c.tag_count += tags.size();
  c.index.InsertAt(c.ids, id_place, static_cast<uint32_t>(c.ids.size() - 1));
  digest_cache_->digest.reset();  // Add has exclusive access: no CanonicalDigest() runs now
  return absl::OkStatus();
}

size_t Directory::size() const { return columns_->size(); }

Entity Directory::Get(size_t row) const {
  const EntityColumns& c = *columns_;
  Entity e;
  e.id = std::string(c.ids[row]);
  e.uscc = std::string(c.usccs[row]);
  e.name = std::string(c.names[row]);
  e.area = std::string(c.areas[c.area[row]]);
  e.industry = std::string(c.industries[c.industry[row]]);
  e.permit_class = static_cast<PermitClass>(c.permit_class[row]);
  e.key_unit = FlagValue(c.flags[row], internal::kKeyUnitKnown, internal::kKeyUnit);
  e.positive_list = FlagValue(c.flags[row], internal::kPositiveListKnown, internal::kPositiveList);
  e.credit = std::string(c.credits[c.credit[row]]);
  e.env_credit = std::string(c.env_credits[c.env_credit[row]]);
  if (c.penalties_last_year[row] != internal::kNoCount) e.penalties_last_year = c.penalties_last_year[row];
  if (c.verified_complaints[row] != internal::kNoCount) e.verified_complaints = c.verified_complaints[row];
  if (c.last_penalty_day[row] != internal::kNoDate) {
    e.last_penalty_date = internal::DayFromNumber(c.last_penalty_day[row]);
  }
  if (c.supervision_listed_day[row] != internal::kNoDate) {
    e.supervision_listed_date = internal::DayFromNumber(c.supervision_listed_day[row]);
  }
  e.emergency_risk = static_cast<EmergencyRisk>(c.emergency_risk[row]);
  e.status = static_cast<EntityStatus>(c.status[row]);
  for (uint16_t code : c.TagCodes(row)) e.tags.emplace_back(c.tags[code]);
  return e;
}

std::optional<size_t> Directory::Find(absl::string_view id) const {
  std::optional<uint32_t> row = columns_->FindId(id);
  if (!row.has_value()) return std::nullopt;
  return *row;
}

absl::string_view Directory::id(size_t row) const { return columns_->ids[row]; }
absl::string_view Directory::uscc(size_t row) const { return columns_->usccs[row]; }
absl::string_view Directory::name(size_t row) const { return columns_->names[row]; }
absl::string_view Directory::area(size_t row) const { return columns_->areas[columns_->area[row]]; }
absl::string_view Directory::credit(size_t row) const { return columns_->credits[columns_->credit[row]]; }
PermitClass Directory::permit_class(size_t row) const {
  return static_cast<PermitClass>(columns_->permit_class[row]);
}
EntityStatus Directory::status(size_t row) const { return static_cast<EntityStatus>(columns_->status[row]); }
std::optional<bool> Directory::positive_list(size_t row) const {
  return FlagValue(columns_->flags[row], internal::kPositiveListKnown, internal::kPositiveList);
}
std::optional<bool> Directory::key_unit(size_t row) const {
  return FlagValue(columns_->flags[row], internal::kKeyUnitKnown, internal::kKeyUnit);
}

std::vector<std::string> Directory::Areas() const {
  // Pool order is first-seen order; code 0 is the empty "unknown" value.
  const auto& values = columns_->areas.values();
  return std::vector<std::string>(values.begin() + 1, values.end());
}

void Directory::ShrinkToFit() { columns_->ShrinkToFit(); }

size_t Directory::ResidentBytes() const { return sizeof(*this) + columns_->ResidentBytes(); }

}  // namespace ssr
