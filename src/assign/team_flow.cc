#include "assign/team_flow.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>

namespace ssr::internal {
namespace {

// Nodes of the residual search: a slot (group, slot), the out and in halves of a group node (group, key),
// and an inspector.
enum NodeType : uint64_t { kSlotNode = 0, kInNode = 2, kInspectorNode = 3 };

uint64_t Code(NodeType type, int group, int x) {
  return (uint64_t{type} << 62) | (static_cast<uint64_t>(static_cast<uint32_t>(group)) << 32) |
         static_cast<uint32_t>(x);
}
NodeType TypeOf(uint64_t code) { return static_cast<NodeType>(code >> 62); }
int GroupOf(uint64_t code) { return static_cast<int>((code >> 32) & 0x3FFFFFFF); }
int XOf(uint64_t code) { return static_cast<int>(static_cast<uint32_t>(code)); }

int FindRoot(std::vector<int>& parent, int x) {
  while (parent[static_cast<size_t>(x)] != x) {
    parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
    x = parent[static_cast<size_t>(x)];
  }
  return x;
}

}  // namespace

bool Fits(const FlowInspector& inspector, const Place& place) {
  switch (place.kind) {
    case Place::Unit::kAny:
      if (inspector.partner) return false;
      break;
    case Place::Unit::kEqual:
      if (inspector.partner || inspector.unit != place.unit) return false;
      break;
    case Place::Unit::kOther:
      if (inspector.partner || inspector.unit == place.unit) return false;
      break;
    case Place::Unit::kPartner:
      if (!inspector.partner) return false;
      break;
  }
  return place.skill < 0 || std::binary_search(inspector.skills.begin(), inspector.skills.end(), place.skill);
}

TeamFlow::TeamFlow(const std::vector<FlowInspector>* inspectors, std::vector<int64_t> caps,
                   const std::vector<std::pair<int, int>>* exclusions)
    : inspectors_(inspectors),
      exclusions_(exclusions),
      caps_(std::move(caps)),
      used_(caps_.size(), 0),
      feed_(caps_.size()),
      inspector_stamp_(caps_.size(), 0),
      inspector_parent_(caps_.size()) {
  spare_.assign((caps_.size() + 63) / 64, 0);
  for (size_t i = 0; i < caps_.size(); ++i) UpdateSpare(static_cast<int>(i));
  std::map<std::tuple<int, bool, std::vector<int>>, int> kinds;
  kind_of_.reserve(inspectors_->size());
  for (const FlowInspector& f : *inspectors_) {
    kind_of_.push_back(
        kinds.try_emplace(std::make_tuple(f.unit, f.partner, f.skills), static_cast<int>(kinds.size()))
            .first->second);
  }
  kinds_ = static_cast<int>(kinds.size());
  involved_.assign(inspectors_->size(), false);
  for (const auto& [a, b] : *exclusions_) {
    involved_[static_cast<size_t>(a)] = true;
    involved_[static_cast<size_t>(b)] = true;
  }
}

bool TeamFlow::Eligible(int group, int inspector) const {
  const Group& g = groups_[static_cast<size_t>(group)];
  return TestBit(*g.eligible, inspector) &&
         !std::binary_search(g.excluded.begin(), g.excluded.end(), inspector);
}

template <typename F>
void TeamFlow::ForEachEligible(const Group& group, F&& f) const {
  const Bitset& bits = *group.eligible;
  size_t next_excluded = 0;
  for (size_t w = 0; w < bits.size(); ++w) {
    uint64_t word = bits[w];
    while (word != 0) {
      const int i = static_cast<int>(w * 64 + static_cast<size_t>(__builtin_ctzll(word)));
      word &= word - 1;
      while (next_excluded < group.excluded.size() && group.excluded[next_excluded] < i) ++next_excluded;
      if (next_excluded < group.excluded.size() && group.excluded[next_excluded] == i) continue;
      if (!f(i)) return;
    }
  }
}

int TeamFlow::KeyOf(const Group& group, int inspector) const {
  if (group.comp_of.empty() || !involved_[static_cast<size_t>(inspector)]) return inspector;
  auto it = group.comp_of.find(inspector);
  return it == group.comp_of.end() ? inspector : ~it->second;
}

uint32_t TeamFlow::FitOf(const Group& group, int key) const {
  if (key < 0) return group.comp_fit[static_cast<size_t>(~key)];
  // Inspectors of the same kind (unit, partner, specialties) fit the same slots: cache per kind.
  const int kind = kind_of_[static_cast<size_t>(key)];
  uint64_t& cached = group.kind_fit[static_cast<size_t>(kind)];
  if (cached == 0) {
    uint32_t fit = 0;
    const FlowInspector& inspector = (*inspectors_)[static_cast<size_t>(key)];
    for (size_t s = 0; s < group.slots.size(); ++s) {
      if (Fits(inspector, group.slots[s].place)) fit |= uint32_t{1} << s;
    }
    cached = (uint64_t{1} << 32) | fit;
  }
  return static_cast<uint32_t>(cached);
}

TeamFlow::Node& TeamFlow::NodeAt(int group, int key) {
  Group& g = groups_[static_cast<size_t>(group)];
  auto [it, inserted] = g.nodes.try_emplace(key);
  if (inserted) it->second.out.assign(g.slots.size(), 0);
  return it->second;
}

void TeamFlow::Log(Op op, int group, int key, int slot, int64_t value) {
  if (logging_) log_.push_back({op, group, key, slot, value});
}

void TeamFlow::UpdateSpare(int inspector) {
  const size_t u = static_cast<size_t>(inspector);
  const uint64_t bit = uint64_t{1} << (u & 63);
  if (caps_[u] > used_[u]) {
    spare_[u >> 6] |= bit;
  } else {
    spare_[u >> 6] &= ~bit;
  }
}

void TeamFlow::ChangeUsed(int inspector, int64_t delta) {
  used_[static_cast<size_t>(inspector)] += delta;
  UpdateSpare(inspector);
  Log(Op::kUsed, 0, inspector, 0, delta);
}

void TeamFlow::ChangeFeed(int inspector, int group, int64_t delta) {
  auto& feeds = feed_[static_cast<size_t>(inspector)];
  int64_t& value = feeds[group];
  value += delta;
  if (value == 0) feeds.erase(group);
  Log(Op::kFeed, group, inspector, 0, delta);
}

void TeamFlow::ChangeThrough(int group, int key, int64_t delta) {
  NodeAt(group, key).through += delta;
  Log(Op::kThrough, group, key, 0, delta);
}

void TeamFlow::ChangeOut(int group, int key, int slot, int64_t delta) {
  NodeAt(group, key).out[static_cast<size_t>(slot)] += delta;
  ChangeCross(group, key, slot, delta);
  Log(Op::kOut, group, key, slot, delta);
}

void TeamFlow::ChangeCross(int group, int key, int slot, int64_t delta) {
  Group& g = groups_[static_cast<size_t>(group)];
  const size_t slots = g.slots.size();
  uint32_t fit = FitOf(g, key);
  while (fit != 0) {
    const size_t b = static_cast<size_t>(__builtin_ctz(fit));
    fit &= fit - 1;
    g.cross[static_cast<size_t>(slot) * slots + b] += delta;
  }
}

void TeamFlow::ChangeSupplied(int group, int slot, int64_t delta) {
  Slot& s = groups_[static_cast<size_t>(group)].slots[static_cast<size_t>(slot)];
  s.supplied += delta;
  if (delta < 0 && s.supplied < s.demand) dirty_.emplace_back(group, slot);
  Log(Op::kSupplied, group, 0, slot, delta);
}

void TeamFlow::SetTasks(int group, int64_t k) {
  Group& g = groups_[static_cast<size_t>(group)];
  Log(Op::kTasks, group, 0, 0, g.k);
  g.k = k;
  for (size_t s = 0; s < g.slots.size(); ++s) {
    g.slots[s].demand = k * g.slots[s].mult;
    if (g.slots[s].supplied < g.slots[s].demand) dirty_.emplace_back(group, static_cast<int>(s));
  }
}

void TeamFlow::SetAlive(int group, bool alive) {
  Group& g = groups_[static_cast<size_t>(group)];
  Log(Op::kAlive, group, 0, 0, g.alive ? 1 : 0);
  g.alive = alive;
}

void TeamFlow::SetCap(int inspector, int64_t cap) {
  const size_t i = static_cast<size_t>(inspector);
  Log(Op::kCap, 0, inspector, 0, caps_[i]);
  caps_[i] = cap;
  UpdateSpare(inspector);
  while (used_[i] > caps_[i]) {
    const int group = feed_[i].begin()->first;
    const Group& g = groups_[static_cast<size_t>(group)];
    const int key = KeyOf(g, inspector);
    const Node& node = g.nodes.at(key);
    int slot = 0;
    while (node.out[static_cast<size_t>(slot)] == 0) ++slot;
    Push(group, key, inspector, slot, -1);
  }
}

void TeamFlow::Push(int group, int key, int member, int slot, int64_t amount) {
  ChangeUsed(member, amount);
  ChangeFeed(member, group, amount);
  ChangeThrough(group, key, amount);
  ChangeOut(group, key, slot, amount);
  ChangeSupplied(group, slot, amount);
}

void TeamFlow::CancelAt(int group, int key, int slot, int64_t amount) {
  if (key >= 0) {
    Push(group, key, key, slot, -amount);
    return;
  }
  const std::vector<int>& members = groups_[static_cast<size_t>(group)].comps[static_cast<size_t>(~key)];
  for (int member : members) {
    if (amount == 0) break;
    auto it = feed_[static_cast<size_t>(member)].find(group);
    if (it == feed_[static_cast<size_t>(member)].end()) continue;
    const int64_t take = std::min(amount, it->second);
    Push(group, key, member, slot, -take);
    amount -= take;
  }
}

int TeamFlow::AddGroup(int64_t tasks, const Bitset* eligible, std::vector<int> excluded,
                       const std::vector<Place>& places) {
  int index;
  if (free_groups_.empty()) {
    index = static_cast<int>(groups_.size());
    groups_.emplace_back();
  } else {  // reuse a group freed by an earlier Commit()
    index = free_groups_.back();
    free_groups_.pop_back();
    groups_[static_cast<size_t>(index)] = Group();
  }
  Group& g = groups_[static_cast<size_t>(index)];
  g.k = tasks;
  g.eligible = eligible;
  g.kind_fit.assign(static_cast<size_t>(kinds_), 0);
  g.excluded = std::move(excluded);
  for (const Place& place : places) {
    auto it = std::find_if(g.slots.begin(), g.slots.end(), [&](const Slot& s) { return s.place == place; });
    if (it == g.slots.end()) {
      g.slots.push_back({place, 0, 0, 0});
      it = g.slots.end() - 1;
    }
    ++it->mult;
  }
  for (Slot& s : g.slots) {
    s.demand = s.mult * tasks;
    auto [it, inserted] =
        place_fits_.try_emplace(std::make_tuple(static_cast<int>(s.place.kind), s.place.unit, s.place.skill));
    if (inserted) {
      it->second.assign((inspectors_->size() + 63) / 64, 0);
      for (size_t i = 0; i < inspectors_->size(); ++i) {
        if (Fits((*inspectors_)[i], s.place)) SetBit(&it->second, static_cast<int>(i));
      }
    }
    g.slot_fits.push_back(&it->second);
  }
  g.cross.assign(g.slots.size() * g.slots.size(), 0);
  g.slot_stamp.assign(g.slots.size(), 0);
  g.slot_parent.resize(g.slots.size());
  // Pair-exclusion components among the group's eligible inspectors.
  std::vector<int> involved;
  for (const auto& [a, b] : *exclusions_) {
    if (Eligible(index, a) && Eligible(index, b)) {
      involved.push_back(a);
      involved.push_back(b);
    }
  }
  if (!involved.empty()) {
    std::sort(involved.begin(), involved.end());
    involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
    std::vector<int> parent(involved.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto position = [&](int inspector) {
      return static_cast<int>(std::lower_bound(involved.begin(), involved.end(), inspector) -
                              involved.begin());
    };
    for (const auto& [a, b] : *exclusions_) {
      if (Eligible(index, a) && Eligible(index, b)) {
        parent[static_cast<size_t>(FindRoot(parent, position(a)))] = FindRoot(parent, position(b));
      }
    }
    absl::flat_hash_map<int, int> comp_of_root;
    for (size_t p = 0; p < involved.size(); ++p) {
      const int root = FindRoot(parent, static_cast<int>(p));
      auto [it, inserted] = comp_of_root.try_emplace(root, static_cast<int>(g.comps.size()));
      if (inserted) g.comps.emplace_back();
      g.comps[static_cast<size_t>(it->second)].push_back(involved[p]);
      g.comp_of[involved[p]] = it->second;
    }
    for (const std::vector<int>& comp : g.comps) {
      uint32_t fit = ~uint32_t{0};
      for (int member : comp) fit &= FitOf(g, member);
      g.comp_fit.push_back(fit);
    }
  }
  Log(Op::kAddGroup, index, 0, 0, 0);
  for (size_t s = 0; s < g.slots.size(); ++s) {
    if (g.slots[s].demand > 0) dirty_.emplace_back(index, static_cast<int>(s));
  }
  return index;
}

void TeamFlow::RemoveGroup(int group) {
  Group& g = groups_[static_cast<size_t>(group)];
  std::vector<std::pair<int, int64_t>> flows;  // (key, slot) pairs to cancel, collected first
  for (const auto& [key, node] : g.nodes) {
    for (size_t s = 0; s < node.out.size(); ++s) {
      if (node.out[s] > 0) flows.emplace_back(key, static_cast<int64_t>(s));
    }
  }
  for (const auto& [key, slot] : flows) {
    const int64_t amount = groups_[static_cast<size_t>(group)].nodes.at(key).out[static_cast<size_t>(slot)];
    CancelAt(group, key, static_cast<int>(slot), amount);
  }
  SetTasks(group, 0);
  SetAlive(group, false);
}

void TeamFlow::RemoveOneTask(int group) {
  SetTasks(group, groups_[static_cast<size_t>(group)].k - 1);
  Group& g = groups_[static_cast<size_t>(group)];
  const int64_t k = g.k;
  std::vector<int> over;
  for (const auto& [key, node] : g.nodes) {
    if (node.through > k) over.push_back(key);
  }
  for (int key : over) {
    for (size_t s = 0; s < g.slots.size(); ++s) {
      const Node& node = g.nodes.at(key);
      const int64_t excess = node.through - k;
      if (excess <= 0) break;
      const int64_t take = std::min(excess, node.out[s]);
      if (take > 0) CancelAt(group, key, static_cast<int>(s), take);
    }
  }
  for (size_t s = 0; s < g.slots.size(); ++s) {
    if (g.slots[s].supplied <= g.slots[s].demand) continue;
    std::vector<int> keys;
    for (const auto& [key, node] : g.nodes) {
      if (node.out[s] > 0) keys.push_back(key);
    }
    for (int key : keys) {
      const int64_t excess = g.slots[s].supplied - g.slots[s].demand;
      if (excess <= 0) break;
      CancelAt(group, key, static_cast<int>(s), std::min(excess, g.nodes.at(key).out[s]));
    }
  }
}

void TeamFlow::FillDirect(int group, int slot) {
  const Group& g = groups_[static_cast<size_t>(group)];
  const Slot& s = g.slots[static_cast<size_t>(slot)];
  const Bitset& eligible = *g.eligible;
  const Bitset& fitting = *g.slot_fits[static_cast<size_t>(slot)];
  size_t next_excluded = 0;
  for (size_t w = 0; w < eligible.size() && s.supplied < s.demand; ++w) {
    uint64_t word = eligible[w] & fitting[w] & spare_[w];
    while (word != 0 && s.supplied < s.demand) {
      const int i = static_cast<int>(w * 64 + static_cast<size_t>(__builtin_ctzll(word)));
      word &= word - 1;
      while (next_excluded < g.excluded.size() && g.excluded[next_excluded] < i) ++next_excluded;
      if (next_excluded < g.excluded.size() && g.excluded[next_excluded] == i) continue;
      const int key = KeyOf(g, i);
      if (((FitOf(g, key) >> slot) & 1) == 0) continue;
      auto it = g.nodes.find(key);
      const int64_t room = g.k - (it == g.nodes.end() ? 0 : it->second.through);
      const int64_t amount = std::min(
          {s.demand - s.supplied, caps_[static_cast<size_t>(i)] - used_[static_cast<size_t>(i)], room});
      if (amount > 0) Push(group, key, i, slot, amount);
    }
  }
}

int TeamFlow::Search(const std::vector<std::pair<int, int>>& short_slots, bool stop_at_spare) const {
  // Breadth-first search backwards from the short slots over the residual network, compressed to slots
  // and inspectors: a slot is reached from another slot of its group (a node moves a unit between them)
  // and from an inspector (who feeds a node of the group more); an inspector is reached from a slot (it
  // withdraws a unit from there) and from a fellow member of a component (who takes over a unit). Each
  // component is entered forwards at most once per group, so a path never overfills a node.
  comp_entries_.clear();
  search_queue_.clear();
  if (++stamp_ == 0) {
    std::fill(inspector_stamp_.begin(), inspector_stamp_.end(), 0);
    for (const Group& g : groups_) std::fill(g.slot_stamp.begin(), g.slot_stamp.end(), 0);
    stamp_ = 1;
  }
  unreached_.assign((caps_.size() + 63) / 64, ~uint64_t{0});
  int found = -1;
  auto visit_slot = [&](int g, int s, const Parent& parent) {
    const Group& group = groups_[static_cast<size_t>(g)];
    uint32_t& stamp = group.slot_stamp[static_cast<size_t>(s)];
    if (stamp == stamp_) return;
    stamp = stamp_;
    group.slot_parent[static_cast<size_t>(s)] = parent;
    search_queue_.push_back(Code(kSlotNode, g, s));
  };
  auto visit_inspector = [&](int i, const Parent& parent) {
    const size_t u = static_cast<size_t>(i);
    if (inspector_stamp_[u] == stamp_) return;
    inspector_stamp_[u] = stamp_;
    unreached_[u >> 6] &= ~(uint64_t{1} << (u & 63));
    inspector_parent_[u] = parent;
    if (stop_at_spare && found < 0 && caps_[u] > used_[u]) found = i;
    search_queue_.push_back(Code(kInspectorNode, 0, i));
  };
  for (const auto& [g, s] : short_slots) visit_slot(g, s, Parent{kNoParent, 0, 0});
  for (size_t head = 0; head < search_queue_.size() && found < 0; ++head) {
    const uint64_t v = search_queue_[head];
    if (TypeOf(v) == kSlotNode) {
      const int gi = GroupOf(v), s = XOf(v);
      const Group& g = groups_[static_cast<size_t>(gi)];
      // Nodes already sending to other slots of the group may move a unit here.
      const size_t slots = g.slots.size();
      for (size_t other = 0; other < slots; ++other) {
        if (static_cast<int>(other) != s && g.cross[other * slots + static_cast<size_t>(s)] > 0) {
          visit_slot(gi, static_cast<int>(other), Parent{v, kSwitch, gi});
        }
      }
      // Inspectors not reached yet may feed the group more; those with spare capacity first, which ends
      // the search at once.
      const Bitset& eligible = *g.eligible;
      const Bitset& fitting = *g.slot_fits[static_cast<size_t>(s)];
      for (int pass = stop_at_spare ? 0 : 1; pass < 2 && found < 0; ++pass) {
        size_t next_excluded = 0;
        for (size_t w = 0; w < eligible.size() && found < 0; ++w) {
          uint64_t word = eligible[w] & unreached_[w] & fitting[w];
          if (pass == 0) word &= spare_[w];
          while (word != 0 && found < 0) {
            const int i = static_cast<int>(w * 64 + static_cast<size_t>(__builtin_ctzll(word)));
            word &= word - 1;
            while (next_excluded < g.excluded.size() && g.excluded[next_excluded] < i) ++next_excluded;
            if (next_excluded < g.excluded.size() && g.excluded[next_excluded] == i) continue;
            const int key = KeyOf(g, i);
            if (((FitOf(g, key) >> s) & 1) == 0) continue;
            auto it = g.nodes.find(key);
            if ((it == g.nodes.end() ? 0 : it->second.through) >= g.k) continue;
            if (key >= 0) {
              visit_inspector(key, Parent{v, key, gi});
            } else if (comp_entries_.insert(Code(kInNode, gi, key)).second) {
              for (int member : g.comps[static_cast<size_t>(~key)])
                visit_inspector(member, Parent{v, key, gi});
            }
          }
        }
      }
    } else {
      const int i = XOf(v);
      for (const auto& [fed, amount] : feed_[static_cast<size_t>(i)]) {
        if (amount <= 0) continue;
        const Group& g = groups_[static_cast<size_t>(fed)];
        const int key = KeyOf(g, i);
        const Node& node = g.nodes.at(key);
        for (size_t s = 0; s < node.out.size(); ++s) {
          if (node.out[s] > 0) visit_slot(fed, static_cast<int>(s), Parent{v, key, fed});
        }
        if (key < 0) {
          for (int member : g.comps[static_cast<size_t>(~key)]) {
            if (member != i) visit_inspector(member, Parent{v, key, fed});
          }
        }
      }
    }
  }
  return found;
}

bool TeamFlow::AugmentPath(int group, int slot) {
  const int source = Search({{group, slot}}, true);
  if (source < 0) return false;
  // The path, forwards: the source inspector, then each node's parent, up to the short slot.
  struct Step {
    uint64_t node;
    Parent parent;
  };
  std::vector<Step> path;
  uint64_t node = Code(kInspectorNode, 0, source);
  while (true) {
    const Parent& parent =
        TypeOf(node) == kInspectorNode
            ? inspector_parent_[static_cast<size_t>(XOf(node))]
            : groups_[static_cast<size_t>(GroupOf(node))].slot_parent[static_cast<size_t>(XOf(node))];
    if (parent.from == kNoParent) break;
    path.push_back({node, parent});
    if (parent.key == kSwitch) {  // pick a node that sends to this slot and fits the next one
      const Group& g = groups_[static_cast<size_t>(parent.group)];
      const size_t from = static_cast<size_t>(XOf(node)), to = static_cast<size_t>(XOf(parent.from));
      int64_t best = 0;
      for (const auto& [key, n] : g.nodes) {
        if (n.out[from] > best && ((FitOf(g, key) >> to) & 1)) {
          best = n.out[from];
          path.back().parent.key = key;
        }
      }
    }
    node = parent.from;
  }
  const Slot& short_slot = groups_[static_cast<size_t>(group)].slots[static_cast<size_t>(slot)];
  int64_t amount = std::min(caps_[static_cast<size_t>(source)] - used_[static_cast<size_t>(source)],
                            short_slot.demand - short_slot.supplied);
  for (const Step& step : path) {
    const Group& g = groups_[static_cast<size_t>(step.parent.group)];
    const int key = step.parent.key;
    const bool from_slot = TypeOf(step.node) == kSlotNode, to_slot = TypeOf(step.parent.from) == kSlotNode;
    auto it = g.nodes.find(key);
    const Node* n = it == g.nodes.end() ? nullptr : &it->second;
    if (from_slot && to_slot) {  // the node moves a unit between two of its slots
      amount = std::min(amount, n->out[static_cast<size_t>(XOf(step.node))]);
    } else if (!from_slot && to_slot) {  // the inspector feeds the node more
      amount = std::min(amount, g.k - (n == nullptr ? 0 : n->through));
    } else if (from_slot) {  // the inspector withdraws a unit the node sent to that slot
      amount = std::min({amount, n->out[static_cast<size_t>(XOf(step.node))],
                         feed_[static_cast<size_t>(XOf(step.parent.from))].at(step.parent.group)});
    } else {  // a fellow component member takes over a unit
      amount = std::min(amount, feed_[static_cast<size_t>(XOf(step.parent.from))].at(step.parent.group));
    }
  }
  ChangeUsed(source, amount);
  for (const Step& step : path) {
    const int g = step.parent.group, key = step.parent.key;
    const bool from_slot = TypeOf(step.node) == kSlotNode, to_slot = TypeOf(step.parent.from) == kSlotNode;
    if (from_slot && to_slot) {
      ChangeOut(g, key, XOf(step.node), -amount);
      ChangeOut(g, key, XOf(step.parent.from), amount);
    } else if (!from_slot && to_slot) {
      ChangeFeed(XOf(step.node), g, amount);
      ChangeThrough(g, key, amount);
      ChangeOut(g, key, XOf(step.parent.from), amount);
    } else if (from_slot) {
      ChangeOut(g, key, XOf(step.node), -amount);
      ChangeThrough(g, key, -amount);
      ChangeFeed(XOf(step.parent.from), g, -amount);
    } else {
      ChangeFeed(XOf(step.node), g, amount);
      ChangeFeed(XOf(step.parent.from), g, -amount);
    }
  }
  ChangeSupplied(group, slot, amount);
  return true;
}

bool TeamFlow::Augment(bool stop_at_first_failure) {
  bool complete = true;
  std::vector<std::pair<int, int>> failed;
  while (!dirty_.empty()) {
    const auto [group, slot] = dirty_.back();
    dirty_.pop_back();
    const Group& g = groups_[static_cast<size_t>(group)];
    if (!g.alive) continue;
    const Slot& s = g.slots[static_cast<size_t>(slot)];
    if (s.supplied >= s.demand) continue;
    FillDirect(group, slot);
    while (s.supplied < s.demand) {
      if (!AugmentPath(group, slot)) {
        complete = false;
        failed.emplace_back(group, slot);
        break;
      }
    }
    if (!complete && stop_at_first_failure) {
      dirty_.insert(dirty_.end(), failed.begin(), failed.end());
      return false;
    }
  }
  // Slots that failed stay short; keep them listed so a later Augment retries them.
  dirty_.insert(dirty_.end(), failed.begin(), failed.end());
  return complete;
}

int64_t TeamFlow::Deficit() const {
  int64_t deficit = 0;
  for (const Group& g : groups_) {
    if (!g.alive) continue;
    for (const Slot& s : g.slots) deficit += s.demand - s.supplied;
  }
  return deficit;
}

void TeamFlow::Begin() {
  logging_ = true;
  log_.clear();
  saved_dirty_ = dirty_;
}

void TeamFlow::Commit() {
  logging_ = false;
  // Groups taken out for good free their memory (the draw replaces its current group at every pick).
  for (const Undo& u : log_) {
    if (u.op != Op::kAlive) continue;
    Group& g = groups_[static_cast<size_t>(u.group)];
    if (g.alive) continue;
    g = Group();
    g.alive = false;
    free_groups_.push_back(u.group);
  }
  log_.clear();
}

void TeamFlow::Rollback() {
  logging_ = false;
  for (auto it = log_.rbegin(); it != log_.rend(); ++it) {
    const Undo& u = *it;
    switch (u.op) {
      case Op::kUsed:
        used_[static_cast<size_t>(u.key)] -= u.value;
        UpdateSpare(u.key);
        break;
      case Op::kFeed: {
        auto& feeds = feed_[static_cast<size_t>(u.key)];
        int64_t& value = feeds[u.group];
        value -= u.value;
        if (value == 0) feeds.erase(u.group);
        break;
      }
      case Op::kThrough:
        groups_[static_cast<size_t>(u.group)].nodes.at(u.key).through -= u.value;
        break;
      case Op::kOut:
        groups_[static_cast<size_t>(u.group)].nodes.at(u.key).out[static_cast<size_t>(u.slot)] -= u.value;
        ChangeCross(u.group, u.key, u.slot, -u.value);
        break;
      case Op::kSupplied:
        groups_[static_cast<size_t>(u.group)].slots[static_cast<size_t>(u.slot)].supplied -= u.value;
        break;
      case Op::kAddGroup:
        if (u.group + 1 == static_cast<int>(groups_.size())) {
          groups_.pop_back();
        } else {
          groups_[static_cast<size_t>(u.group)] = Group();
          groups_[static_cast<size_t>(u.group)].alive = false;
          free_groups_.push_back(u.group);
        }
        break;
      case Op::kAlive:
        groups_[static_cast<size_t>(u.group)].alive = u.value != 0;
        break;
      case Op::kTasks: {
        Group& g = groups_[static_cast<size_t>(u.group)];
        g.k = u.value;
        for (Slot& s : g.slots) s.demand = s.mult * g.k;
        break;
      }
      case Op::kCap:
        caps_[static_cast<size_t>(u.key)] = u.value;
        UpdateSpare(u.key);
        break;
    }
  }
  log_.clear();
  dirty_ = std::move(saved_dirty_);
  saved_dirty_.clear();
}

TeamFlow::Cut TeamFlow::BindingCut() const {
  Cut cut;
  for (size_t gi = 0; gi < groups_.size(); ++gi) {
    const Group& g = groups_[gi];
    if (!g.alive) continue;
    for (size_t s = 0; s < g.slots.size(); ++s) {
      if (g.slots[s].supplied < g.slots[s].demand)
        cut.short_slots.emplace_back(static_cast<int>(gi), static_cast<int>(s));
    }
  }
  Search(cut.short_slots, false);
  for (uint64_t v : search_queue_) {
    if (TypeOf(v) == kInspectorNode) {
      cut.inspectors.push_back(XOf(v));
      continue;
    }
    const Slot& slot = groups_[static_cast<size_t>(GroupOf(v))].slots[static_cast<size_t>(XOf(v))];
    cut.slots.emplace_back(GroupOf(v), XOf(v));
    cut.demand += slot.demand;
    cut.deficit += slot.demand - slot.supplied;
  }
  std::sort(cut.slots.begin(), cut.slots.end());
  std::sort(cut.inspectors.begin(), cut.inspectors.end());
  return cut;
}

}  // namespace ssr::internal
