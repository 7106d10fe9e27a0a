#include "ssrandom/columnar.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "crypto/sha256.h"
#include "directory/entity_columns.h"
#include "directory/text.h"
#include "io/file.h"
#include "io/utf8.h"
#include "parallel/run_parts.h"
#include "ssrandom/entity.h"

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the columnar form is little-endian; this host would need byte swapping in src/io/columnar.cc"
#endif

namespace ssr {
namespace {

using internal::EntityColumns;
using internal::StringColumn;
using internal::StringPool;

// Layout (docs/PERFORMANCE.md, "The columnar form"):
//   header   64 bytes: magic[8], u32 version, u32 section count, u64 rows, u64 file size, SHA-256 of the
//            bytes from offset 64 to the end
//   table    one 24-byte entry per section: u32 id, u32 element size, u64 offset, u64 byte length
//   sections in table order, each starting at a multiple of 8, zero padding between them
constexpr char kMagic[8] = {'\x89', 'S', 'S', 'R', 'C', 'O', 'L', '\n'};
constexpr size_t kHeaderSize = 64;
constexpr size_t kEntrySize = 24;

// The sections of version 1, in file order. A pool is two sections (its value heap's ends and bytes); its
// first value is always the empty "unknown" value.
enum Section : uint32_t {
  kIdEnds = 1,
  kIdBytes,
  kUsccEnds,
  kUsccBytes,
  kNameEnds,
  kNameBytes,
  kAreaPoolEnds,
  kAreaPoolBytes,
  kIndustryPoolEnds,
  kIndustryPoolBytes,
  kCreditPoolEnds,
  kCreditPoolBytes,
  kEnvCreditPoolEnds,
  kEnvCreditPoolBytes,
  kTagPoolEnds,
  kTagPoolBytes,
  kArea,
  kIndustry,
  kCredit,
  kEnvCredit,
  kPermitClass,
  kStatus,
  kEmergencyRisk,
  kFlags,
  kPenalties,
  kComplaints,
  kLastPenaltyDay,
  kSupervisionListedDay,
  kTagEnds,
  kTagCodes,
  kSectionCount = kTagCodes,
};

constexpr std::array<const char*, kSectionCount + 1> kSectionNames = {"",
                                                                      "id offsets",
                                                                      "ids",
                                                                      "uscc offsets",
                                                                      "usccs",
                                                                      "name offsets",
                                                                      "names",
                                                                      "area values offsets",
                                                                      "area values",
                                                                      "industry values offsets",
                                                                      "industry values",
                                                                      "credit values offsets",
                                                                      "credit values",
                                                                      "env_credit values offsets",
                                                                      "env_credit values",
                                                                      "tag values offsets",
                                                                      "tag values",
                                                                      "area",
                                                                      "industry",
                                                                      "credit",
                                                                      "env_credit",
                                                                      "permit_class",
                                                                      "status",
                                                                      "emergency_risk",
                                                                      "flags (key_unit, positive_list)",
                                                                      "penalties_last_year",
                                                                      "verified_complaints",
                                                                      "last_penalty_date",
                                                                      "supervision_listed_date",
                                                                      "tag offsets",
                                                                      "tags"};

template <typename T>
absl::string_view Bytes(const std::vector<T>& v) {
  return absl::string_view(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

void PutU32(std::string* out, size_t at, uint32_t v) { std::memcpy(&(*out)[at], &v, 4); }
void PutU64(std::string* out, size_t at, uint64_t v) { std::memcpy(&(*out)[at], &v, 8); }
uint32_t GetU32(absl::string_view in, size_t at) {
  uint32_t v;
  std::memcpy(&v, in.data() + at, 4);
  return v;
}
uint64_t GetU64(absl::string_view in, size_t at) {
  uint64_t v;
  std::memcpy(&v, in.data() + at, 8);
  return v;
}

struct Pool {
  std::vector<uint32_t> ends;
  std::string bytes;
};
Pool PoolParts(const StringPool& pool) {
  Pool parts;
  for (const std::string& value : pool.values()) {
    parts.bytes += value;
    parts.ends.push_back(static_cast<uint32_t>(parts.bytes.size()));
  }
  return parts;
}

size_t Padded(size_t n) { return (n + 7) & ~size_t{7}; }

}  // namespace

std::string ColumnarEntities(const Directory& directory) {
  const EntityColumns& c = directory.columns();
  const Pool areas = PoolParts(c.areas), industries = PoolParts(c.industries), credits = PoolParts(c.credits),
             env_credits = PoolParts(c.env_credits), tags = PoolParts(c.tags);
  // The in-memory form packs offsets, USCCs and tag sets more tightly than the file (src/directory/
  // string_column.h); the file keeps version 1's plain layout, rebuilt here.
  const std::vector<uint32_t> id_ends = c.ids.Ends(), uscc_ends = c.usccs.Ends(), name_ends = c.names.Ends();
  const std::string usccs = c.usccs.Bytes();
  const std::vector<int32_t> last_penalty_days = c.last_penalty_day.Days(),
                             supervision_listed_days = c.supervision_listed_day.Days();
  std::vector<uint32_t> tag_ends;
  std::vector<uint16_t> tag_codes;
  tag_ends.reserve(c.size());
  tag_codes.reserve(c.tag_count);
  for (size_t row = 0; row < c.size(); ++row) {
    const absl::Span<const uint16_t> codes = c.TagCodes(row);
    tag_codes.insert(tag_codes.end(), codes.begin(), codes.end());
    tag_ends.push_back(static_cast<uint32_t>(tag_codes.size()));
  }
  struct Part {
    uint32_t element_size;
    absl::string_view data;
  };
  const std::array<Part, kSectionCount> parts = {{
      {4, Bytes(id_ends)},
      {1, c.ids.bytes()},
      {4, Bytes(uscc_ends)},
      {1, usccs},
      {4, Bytes(name_ends)},
      {1, c.names.bytes()},
      {4, Bytes(areas.ends)},
      {1, areas.bytes},
      {4, Bytes(industries.ends)},
      {1, industries.bytes},
      {4, Bytes(credits.ends)},
      {1, credits.bytes},
      {4, Bytes(env_credits.ends)},
      {1, env_credits.bytes},
      {4, Bytes(tags.ends)},
      {1, tags.bytes},
      {2, Bytes(c.area)},
      {2, Bytes(c.industry)},
      {2, Bytes(c.credit)},
      {2, Bytes(c.env_credit)},
      {1, Bytes(c.permit_class)},
      {1, Bytes(c.status)},
      {1, Bytes(c.emergency_risk)},
      {1, Bytes(c.flags)},
      {2, Bytes(c.penalties_last_year)},
      {2, Bytes(c.verified_complaints)},
      {4, Bytes(last_penalty_days)},
      {4, Bytes(supervision_listed_days)},
      {4, Bytes(tag_ends)},
      {2, Bytes(tag_codes)},
  }};
  size_t size = kHeaderSize + kEntrySize * kSectionCount;
  for (const Part& part : parts) size = Padded(size) + part.data.size();
  size = Padded(size);
  std::string out(size, '\0');
  std::memcpy(&out[0], kMagic, sizeof(kMagic));
  PutU32(&out, 8, kColumnarVersion);
  PutU32(&out, 12, kSectionCount);
  PutU64(&out, 16, c.size());
  PutU64(&out, 24, size);
  size_t offset = kHeaderSize + kEntrySize * kSectionCount;
  for (uint32_t i = 0; i < kSectionCount; ++i) {
    offset = Padded(offset);
    const size_t entry = kHeaderSize + kEntrySize * i;
    PutU32(&out, entry, i + 1);
    PutU32(&out, entry + 4, parts[i].element_size);
    PutU64(&out, entry + 8, offset);
    PutU64(&out, entry + 16, parts[i].data.size());
    if (!parts[i].data.empty()) std::memcpy(&out[offset], parts[i].data.data(), parts[i].data.size());
    offset += parts[i].data.size();
  }
  const internal::Sha256Digest digest = internal::Sha256(absl::string_view(out).substr(kHeaderSize));
  std::memcpy(&out[32], digest.data(), digest.size());
  return out;
}

absl::Status SaveColumnarEntities(const Directory& directory, const std::string& path) {
  return internal::WriteFileAtomic(path, ColumnarEntities(directory));
}

namespace {

// A file at least this large is read on two threads (the generated bureau's file is ~100 bytes per entity).
constexpr size_t kMinBytesForTwoParts = size_t{1} << 20;

// Reads and checks one file; every error names the source.
class Reader {
 public:
  Reader(absl::string_view bytes, const std::string& source) : in_(bytes), source_(source) {}

  absl::StatusOr<Directory> Read();

 private:
  absl::Status Corrupt(absl::string_view what) const {
    return absl::DataLossError(
        absl::StrCat(source_, ": ", what,
                     "; the columnar file is damaged or incomplete: write it again "
                     "from the original data (ssrandom generate / SaveColumnarEntities)"));
  }
  absl::Status Invalid(size_t row, absl::string_view field, absl::string_view reason) const {
    std::string id = row < columns_->ids.size() ? std::string((columns_->ids)[row]) : std::string();
    return absl::InvalidArgumentError(absl::StrCat(
        source_, ": record ", row + 1, id.empty() ? "" : absl::StrCat(" (id '", Utf8Safe(id), "')"),
        ", field ", field, ": ", reason));
  }
  static std::string Utf8Safe(absl::string_view text) { return internal::Utf8Safe(text); }

  // A date column holds no day outside 0001-01-01..9999-12-31 (Directory::Add's rule), or kNoDate.
  absl::Status Days(const std::vector<int32_t>& days, absl::string_view field) const {
    for (size_t row = 0; row < days.size(); ++row) {
      if (days[row] != internal::kNoDate &&
          (days[row] < internal::kFirstDay || days[row] > internal::kLastDay)) {
        return Invalid(row, field,
                       absl::StrCat("day number ", days[row], " is outside 0001-01-01..9999-12-31"));
      }
    }
    return absl::OkStatus();
  }

  // The section `id` as an array of `count` elements of `size` bytes (count unknown: any whole number).
  absl::StatusOr<absl::string_view> SectionBytes(uint32_t id, uint32_t size, std::optional<uint64_t> count);
  template <typename T>
  absl::Status Array(uint32_t id, std::optional<uint64_t> count, std::vector<T>* out);
  template <typename Column>
  absl::Status Strings(uint32_t ends_id, uint32_t bytes_id, std::optional<uint64_t> count, bool check_ids,
                       Column* out);
  absl::Status PoolFrom(uint32_t ends_id, uint32_t bytes_id, StringPool* pool, absl::string_view field);
  template <typename T>
  absl::Status Codes(uint32_t id, const StringPool& pool, absl::string_view field, std::vector<T>* out);
  // Every section but the ids, USCCs and names, and the checks across them; fills their columns.
  absl::Status OtherSections();
  // Builds the id index; the first row whose id repeats an earlier row's, if any.
  std::optional<uint32_t> IndexIds();

  absl::string_view in_;
  const std::string& source_;
  uint64_t rows_ = 0;
  std::unique_ptr<EntityColumns> columns_ = std::make_unique<EntityColumns>();
};

absl::StatusOr<absl::string_view> Reader::SectionBytes(uint32_t id, uint32_t size,
                                                       std::optional<uint64_t> count) {
  const size_t entry = kHeaderSize + kEntrySize * (id - 1);
  const char* name = kSectionNames[id];
  if (GetU32(in_, entry) != id || GetU32(in_, entry + 4) != size) {
    return Corrupt(absl::StrCat("the section table entry for '", name, "' is wrong"));
  }
  const uint64_t offset = GetU64(in_, entry + 8), length = GetU64(in_, entry + 16);
  if (offset < kHeaderSize + kEntrySize * kSectionCount || offset > in_.size() ||
      length > in_.size() - offset || length % size != 0) {
    return Corrupt(absl::StrCat("the section '", name, "' lies outside the file"));
  }
  if (count.has_value() && length / size != *count) {
    return Corrupt(absl::StrCat("the section '", name, "' holds ", length / size, " values, not ", *count));
  }
  return in_.substr(offset, length);
}

template <typename T>
absl::Status Reader::Array(uint32_t id, std::optional<uint64_t> count, std::vector<T>* out) {
  absl::StatusOr<absl::string_view> bytes = SectionBytes(id, sizeof(T), count);
  if (!bytes.ok()) return bytes.status();
  out->resize(bytes->size() / sizeof(T));
  if (!bytes->empty()) std::memcpy(out->data(), bytes->data(), bytes->size());
  return absl::OkStatus();
}

template <typename Column>
absl::Status Reader::Strings(uint32_t ends_id, uint32_t bytes_id, std::optional<uint64_t> count,
                             bool check_ids, Column* out) {
  std::vector<uint32_t> ends;
  if (absl::Status s = Array(ends_id, count, &ends); !s.ok()) return s;
  absl::StatusOr<absl::string_view> heap = SectionBytes(bytes_id, 1, std::nullopt);
  if (!heap.ok()) return heap.status();
  const char* field = kSectionNames[bytes_id];
  if (heap->size() > StringColumn::kMaxBytes) return Corrupt(absl::StrCat("'", field, "' exceeds 4 GiB"));
  uint32_t previous = 0;
  for (uint32_t end : ends) {
    if (end < previous || end > heap->size()) {
      return Corrupt(absl::StrCat("the offsets of '", field, "' are out of order or out of range"));
    }
    previous = end;
  }
  if (previous != heap->size()) {
    return Corrupt(absl::StrCat("the offsets of '", field, "' do not cover its text"));
  }
  if constexpr (std::is_same_v<Column, internal::UsccColumn>) {
    out->Assign(*heap, ends);
  } else {
    out->Assign(std::string(*heap), ends);
  }
  // UTF-8 and control characters are checked over the whole heap at once; a value boundary falling inside
  // a character (a continuation byte at an offset) is then the only way a single value could be invalid.
  const absl::string_view text = *heap;
  const size_t bad = internal::FindInvalidUtf8(text);
  const std::vector<uint32_t>& offsets = ends;
  auto row_of = [&](size_t byte) {
    return static_cast<size_t>(std::upper_bound(offsets.begin(), offsets.end(), byte) - offsets.begin());
  };
  if (bad < text.size()) return Invalid(row_of(bad), field, "not UTF-8 text");
  if (const size_t i = internal::FindControlCharacter(text); i < text.size()) {
    return Invalid(row_of(i), field,
                   absl::StrFormat("contains the control character 0x%02X; directory text has none",
                                   static_cast<unsigned char>(text[i])));
  }
  for (size_t row = 0; row < offsets.size(); ++row) {
    const uint32_t begin = row == 0 ? 0 : offsets[row - 1];
    if (begin < text.size() && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) {
      return Invalid(row, field, "begins inside a UTF-8 character");
    }
    if (check_ids && begin == offsets[row])
      return Invalid(row, "id", "empty; every entity needs a unique id");
  }
  return absl::OkStatus();
}

absl::Status Reader::PoolFrom(uint32_t ends_id, uint32_t bytes_id, StringPool* pool,
                              absl::string_view field) {
  StringColumn values;
  if (absl::Status s = Strings(ends_id, bytes_id, std::nullopt, false, &values); !s.ok()) return s;
  if (values.size() == 0 || !values[0].empty() || values.size() > StringPool::kMaxValues) {
    return Corrupt(absl::StrCat("the value pool of ", field, " is malformed"));
  }
  for (size_t i = 1; i < values.size(); ++i) {
    if (values[i].empty() || pool->Find(values[i]).has_value()) {
      return Corrupt(absl::StrCat("the value pool of ", field, " repeats a value or holds an empty one"));
    }
    pool->Intern(values[i]);
  }
  return absl::OkStatus();
}

template <typename T>
absl::Status Reader::Codes(uint32_t id, const StringPool& pool, absl::string_view field,
                           std::vector<T>* out) {
  if (absl::Status s = Array(id, rows_, out); !s.ok()) return s;
  for (size_t row = 0; row < out->size(); ++row) {
    if ((*out)[row] >= pool.size()) {
      return Invalid(
          row, field,
          absl::StrCat("value code ", (*out)[row], " is outside its ", pool.size(), " known values"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Directory> Reader::Read() {
  if (in_.size() < kHeaderSize || std::memcmp(in_.data(), kMagic, sizeof(kMagic)) != 0) {
    return absl::DataLossError(absl::StrCat(
        source_, ": not a columnar entity directory (it does not start with the .ssrcol signature)"));
  }
  if (const uint32_t version = GetU32(in_, 8); version != kColumnarVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        source_, ": columnar format version ", version, "; this library reads version ", kColumnarVersion,
        " (convert the file with the library that wrote it, or write it again from CSV)"));
  }
  if (GetU64(in_, 24) != in_.size()) {
    return Corrupt(absl::StrCat("the file has ", in_.size(), " bytes but its header says ", GetU64(in_, 24)));
  }
  if (GetU32(in_, 12) != kSectionCount || in_.size() < kHeaderSize + kEntrySize * kSectionCount) {
    return Corrupt("the section table is malformed");
  }

  // The problem reported is the first one reading the file from front to back finds: the seal (the SHA-256
  // of everything after the header), then the row count and the sections in file order, then a duplicate
  // id. The seal is one SHA-256 stream, the file's largest single piece of work, so it is computed while
  // the sections are read.
  const auto sealed = [this] {
    const internal::Sha256Digest digest = internal::Sha256(in_.substr(kHeaderSize));
    return std::memcmp(digest.data(), in_.data() + 32, digest.size()) == 0;
  };
  const auto unsealed = [this] { return Corrupt("the contents do not match the SHA-256 in the header"); };
  rows_ = GetU64(in_, 16);
  if (rows_ > UINT32_MAX) {
    if (!sealed()) return unsealed();
    return Corrupt("the row count exceeds the 4,294,967,295 rows a directory holds");
  }
  if (absl::Status ids = Strings(kIdEnds, kIdBytes, rows_, true, &columns_->ids); !ids.ok()) {
    if (!sealed()) return unsealed();
    return ids;
  }

  // With the ids read, the rest is two parts, on two threads for a large file: the seal, the names and the
  // id index; and every other section. Each part writes only its own columns and only reads the ids (which
  // name the record in a message).
  bool seal_ok = false;
  absl::Status usccs, names, others;
  std::optional<uint32_t> duplicate_id_row;
  const auto seal_names_and_index = [&] {
    seal_ok = sealed();
    names = Strings(kNameEnds, kNameBytes, rows_, false, &columns_->names);
    if (names.ok()) duplicate_id_row = IndexIds();
  };
  const auto other_sections = [&] {
    usccs = Strings(kUsccEnds, kUsccBytes, rows_, false, &columns_->usccs);
    if (usccs.ok()) others = OtherSections();
  };
  if (in_.size() >= kMinBytesForTwoParts) {
    internal::RunParts(2, [&](int part) {
      if (part == 0) {
        other_sections();
      } else {
        seal_names_and_index();
      }
    });
  } else {
    seal_names_and_index();
    other_sections();
  }
  if (!seal_ok) return unsealed();
  for (const absl::Status* problem : {&usccs, &names, &others}) {
    if (!problem->ok()) return *problem;
  }
  if (duplicate_id_row.has_value()) {
    return Invalid(*duplicate_id_row, "id", "duplicate entity id; ids must be unique");
  }
  return internal::AdoptColumns(std::move(columns_));
}

std::optional<uint32_t> Reader::IndexIds() {
  EntityColumns& c = *columns_;
  c.index.Reserve(c.ids, rows_);
  for (uint32_t row = 0; row < rows_; ++row) {
    if (c.index.Insert(c.ids, row).has_value()) return row;
  }
  return std::nullopt;
}

absl::Status Reader::OtherSections() {
  EntityColumns& c = *columns_;
  absl::Status s = PoolFrom(kAreaPoolEnds, kAreaPoolBytes, &c.areas, "area");
  if (s.ok()) s = PoolFrom(kIndustryPoolEnds, kIndustryPoolBytes, &c.industries, "industry");
  if (s.ok()) s = PoolFrom(kCreditPoolEnds, kCreditPoolBytes, &c.credits, "credit");
  if (s.ok()) s = PoolFrom(kEnvCreditPoolEnds, kEnvCreditPoolBytes, &c.env_credits, "env_credit");
  if (s.ok()) s = PoolFrom(kTagPoolEnds, kTagPoolBytes, &c.tags, "tags");
  if (s.ok()) s = Codes(kArea, c.areas, "area", &c.area);
  if (s.ok()) s = Codes(kIndustry, c.industries, "industry", &c.industry);
  if (s.ok()) s = Codes(kCredit, c.credits, "credit", &c.credit);
  if (s.ok()) s = Codes(kEnvCredit, c.env_credits, "env_credit", &c.env_credit);
  if (s.ok()) s = Array(kPermitClass, rows_, &c.permit_class);
  if (s.ok()) s = Array(kStatus, rows_, &c.status);
  if (s.ok()) s = Array(kEmergencyRisk, rows_, &c.emergency_risk);
  if (s.ok()) s = Array(kFlags, rows_, &c.flags);
  if (s.ok()) s = Array(kPenalties, rows_, &c.penalties_last_year);
  if (s.ok()) s = Array(kComplaints, rows_, &c.verified_complaints);
  std::vector<int32_t> days;
  if (s.ok()) s = Array(kLastPenaltyDay, rows_, &days);
  if (s.ok()) s = Days(days, "last_penalty_date");
  if (s.ok()) c.last_penalty_day.Assign(days);
  if (s.ok()) s = Array(kSupervisionListedDay, rows_, &days);
  if (s.ok()) s = Days(days, "supervision_listed_date");
  if (s.ok()) c.supervision_listed_day.Assign(days);
  std::vector<uint32_t> tag_ends;
  std::vector<uint16_t> tag_codes;
  if (s.ok()) s = Array(kTagEnds, rows_, &tag_ends);
  if (s.ok()) s = Array(kTagCodes, std::nullopt, &tag_codes);
  if (!s.ok()) return s;
  constexpr uint8_t kKnownFlags =
      internal::kKeyUnitKnown | internal::kKeyUnit | internal::kPositiveListKnown | internal::kPositiveList;
  uint32_t previous_tag_end = 0;
  for (size_t row = 0; row < rows_; ++row) {
    if (c.permit_class[row] > static_cast<uint8_t>(PermitClass::kNone)) {
      return Invalid(row, "permit_class", absl::StrCat("unknown value ", c.permit_class[row]));
    }
    if (c.status[row] > static_cast<uint8_t>(EntityStatus::kDeregistered)) {
      return Invalid(row, "status", absl::StrCat("unknown value ", c.status[row]));
    }
    if (c.emergency_risk[row] > static_cast<uint8_t>(EmergencyRisk::kMajor)) {
      return Invalid(row, "emergency_risk", absl::StrCat("unknown value ", c.emergency_risk[row]));
    }
    const uint8_t flags = c.flags[row];
    if ((flags & ~kKnownFlags) != 0 || ((flags & internal::kKeyUnit) && !(flags & internal::kKeyUnitKnown)) ||
        ((flags & internal::kPositiveList) && !(flags & internal::kPositiveListKnown))) {
      return Invalid(row, "key_unit/positive_list", absl::StrCat("unknown flag bits 0x", absl::Hex(flags)));
    }
    for (const auto& [field, count] :
         {std::pair<const char*, uint16_t>{"penalties_last_year", c.penalties_last_year[row]},
          {"verified_complaints", c.verified_complaints[row]}}) {
      if (count != internal::kNoCount && count > internal::kMaxCount) {
        return Invalid(row, field, absl::StrCat(count, " is above the largest count accepted"));
      }
    }
    const uint32_t tag_end = tag_ends[row];
    if (tag_end < previous_tag_end || tag_end > tag_codes.size()) {
      return Corrupt("the tag offsets are out of order or out of range");
    }
    for (uint32_t i = previous_tag_end; i < tag_end; ++i) {
      const uint16_t code = tag_codes[i];
      if (code == 0 || code >= c.tags.size()) {
        return Invalid(row, "tags", absl::StrCat("tag code ", code, " is not one of the known tags"));
      }
      for (uint32_t j = previous_tag_end; j < i; ++j) {
        if (tag_codes[j] == code) return Invalid(row, "tags", "repeats a tag (tags are a set)");
      }
    }
    previous_tag_end = tag_end;
  }
  if (previous_tag_end != tag_codes.size()) return Corrupt("the tag offsets do not cover the tags");
  c.tag_set.reserve(rows_);
  for (size_t row = 0; row < rows_; ++row) {
    const uint32_t begin = row == 0 ? 0 : tag_ends[row - 1];
    c.tag_set.push_back(
        c.tag_sets.Intern(absl::MakeConstSpan(tag_codes.data() + begin, tag_ends[row] - begin)));
  }
  c.tag_set.ShrinkToFit();
  c.tag_count = tag_codes.size();
  c.tag_sets.ShrinkToFit();

  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Directory> ReadColumnarEntities(absl::string_view bytes, const std::string& source) {
  return Reader(bytes, source).Read();
}

bool IsColumnarPath(absl::string_view path) {
  return absl::EndsWith(absl::AsciiStrToLower(path.substr(path.size() >= 8 ? path.size() - 8 : 0)),
                        kColumnarExtension);
}

absl::StatusOr<Directory> LoadColumnarEntities(const std::string& path) {
  absl::StatusOr<std::string> bytes = internal::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  const size_t slash = path.rfind('/');
  return ReadColumnarEntities(*bytes, slash == std::string::npos ? path : path.substr(slash + 1));
}

}  // namespace ssr
