// summary.h — counts that describe a bureau's directories at a glance (the demo's first screen).
//
//   ssr::BureauSummary summary = ssr::Summarize(bureau);
//   std::cout << summary.ToText();   // bilingual tables
//   std::string json = summary.ToJson();
#ifndef SSRANDOM_SUMMARY_H_
#define SSRANDOM_SUMMARY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ssrandom/bureau.h"

namespace ssr {

// One line of a breakdown: `key` is the stable value ("key", "杜固", "A"; "" for unknown) and `label` the
// bilingual text shown to people.
struct CountRow {
  std::string key;
  std::string label;
  int64_t count = 0;
};

struct Breakdown {
  std::string name;   // "area", "permit_class", ...
  std::string title;  // "所属区域 area"
  std::vector<CountRow> rows;
};

struct BureauSummary {
  std::string bureau_name;
  int64_t entities = 0;
  int64_t inspectors = 0;
  int64_t items = 0;
  int64_t conflicts = 0;
  // Entities by area, permit class, key unit, positive list, credit class and status; inspectors by unit,
  // by area group (enforcement brigade) and by partner department. Rows are in a stable order: areas and
  // groups in first-seen order, enumerations in declaration order, credit classes alphabetically.
  std::vector<Breakdown> entity_breakdowns;
  std::vector<Breakdown> inspector_breakdowns;

  std::string ToText() const;
  std::string ToJson() const;
};

// Pure function; thread-safe.
BureauSummary Summarize(const Bureau& bureau);

}  // namespace ssr

#endif  // SSRANDOM_SUMMARY_H_
