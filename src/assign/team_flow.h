// The feasibility model of the team draw: a maximum flow from inspectors (capacity: their remaining load
// cap) to the places of the plan's teams (docs/teams.md, "Feasibility").
//
// Tasks that need the same places from the same eligible inspectors form one group, so the network stays
// small however many tasks there are: a group of k tasks has, per eligible inspector, a node of throughput
// at most k (an inspector serves a task at most once), and per kind of place a slot with demand k × the
// places of that kind per task. By König's edge-colouring theorem, a flow that fills every slot splits into
// k valid teams, so the aggregated network is exact for the model. Inspectors of one pair-exclusion
// component share one node of throughput k (at most one of them per team) that feeds only the places all
// of them fit: stricter than the pairs themselves, which keeps the model exact and is what makes a greedy
// draw checked against it unable to get stuck.
//
// Every change can be made inside a transaction and rolled back, so the draw tries a candidate, re-fills
// the network by augmenting paths and undoes the attempt when it fails. Whether the network can be filled
// is a property of the network, not of the order in which paths are found, so hash-map iteration order
// inside never changes a result.
#ifndef SSRANDOM_SRC_ASSIGN_TEAM_FLOW_H_
#define SSRANDOM_SRC_ASSIGN_TEAM_FLOW_H_

#include <cstdint>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace ssr::internal {

// What one place of a team asks of the inspector who fills it.
struct Place {
  enum class Unit : uint8_t {
    kAny = 0,      // any of the bureau's own staff (not a partner-department inspector)
    kEqual = 1,    // bureau staff of unit `unit`
    kOther = 2,    // bureau staff of any unit but `unit`
    kPartner = 3,  // a partner-department inspector
  };
  Unit kind = Unit::kAny;
  int unit = -1;   // unit index for kEqual and kOther
  int skill = -1;  // specialty index the filler must hold; -1 for none
  friend bool operator==(const Place& a, const Place& b) {
    return a.kind == b.kind && a.unit == b.unit && a.skill == b.skill;
  }
  friend bool operator!=(const Place& a, const Place& b) { return !(a == b); }
};

// What the model knows of an inspector.
struct FlowInspector {
  int unit = -1;            // internal unit index, -1 for none
  bool partner = false;     // a partner-department inspector
  std::vector<int> skills;  // sorted specialty indices
};

bool Fits(const FlowInspector& inspector, const Place& place);

// A set of inspectors, one bit each.
using Bitset = std::vector<uint64_t>;
inline bool TestBit(const Bitset& bits, int i) { return (bits[static_cast<size_t>(i) >> 6] >> (i & 63)) & 1; }
inline void SetBit(Bitset* bits, int i) { (*bits)[static_cast<size_t>(i) >> 6] |= uint64_t{1} << (i & 63); }

class TeamFlow {
 public:
  // `inspectors` and `exclusions` (pairs of inspector indices) must outlive the flow; `caps` are the
  // remaining load caps.
  TeamFlow(const std::vector<FlowInspector>* inspectors, std::vector<int64_t> caps,
           const std::vector<std::pair<int, int>>* exclusions);

  // Adds `tasks` identical tasks whose team needs `places`, filled from the inspectors in `eligible` (must
  // outlive the flow) minus `excluded` (sorted). Returns the group's index. The new places are unfilled
  // until Augment().
  int AddGroup(int64_t tasks, const Bitset* eligible, std::vector<int> excluded,
               const std::vector<Place>& places);
  // Takes the group out of the network, freeing the loads its flow used.
  void RemoveGroup(int group);
  // One task fewer in the group (it is being drawn and gets a group of its own).
  void RemoveOneTask(int group);
  // Lowers or raises an inspector's remaining cap; lowering below the flow in use cancels flow.
  void SetCap(int inspector, int64_t cap);
  int64_t cap(int inspector) const { return caps_[static_cast<size_t>(inspector)]; }

  // Fills unfilled places by augmenting paths. True when no place is left unfilled. With
  // stop_at_first_failure, returns at the first place that cannot be filled (the flow is then not
  // maximum); otherwise the flow is maximum on return.
  bool Augment(bool stop_at_first_failure);
  int64_t Deficit() const;

  // Transactions (not nested): every change after Begin() is undone by Rollback() or kept by Commit().
  void Begin();
  void Commit();
  void Rollback();

  // The places that cannot be filled, explained by a minimum cut: after a maximum flow (Augment(false)),
  // the unfilled slots and every slot and inspector from which an augmenting path towards them could start.
  // The inspectors are all at their cap; more capacity among them, or more inspectors eligible for the
  // slots, is what would fix the shortfall. The same for every maximum flow.
  struct Cut {
    std::vector<std::pair<int, int>> slots;        // (group, slot), sorted
    std::vector<std::pair<int, int>> short_slots;  // the unfilled ones among them
    std::vector<int> inspectors;                   // sorted
    int64_t demand = 0;                            // of those slots
    int64_t deficit = 0;                           // unfilled places
  };
  Cut BindingCut() const;

  // Read access for explanations.
  int64_t group_tasks(int group) const { return groups_[static_cast<size_t>(group)].k; }
  const Place& slot_place(int group, int slot) const {
    return groups_[static_cast<size_t>(group)].slots[static_cast<size_t>(slot)].place;
  }
  int64_t slot_demand(int group, int slot) const {
    return groups_[static_cast<size_t>(group)].slots[static_cast<size_t>(slot)].demand;
  }
  bool Eligible(int group, int inspector) const;

 private:
  struct Parent {
    uint64_t from;  // the node this one leads to, towards the short slot
    int key;        // the group node the step goes through (kSwitch: any node moving between two slots)
    int group;
  };
  static constexpr uint64_t kNoParent = ~uint64_t{0};
  static constexpr int kSwitch = -0x40000000;
  struct Slot {
    Place place;
    int64_t mult = 0;  // places of this kind per task
    int64_t demand = 0;
    int64_t supplied = 0;
  };
  struct Node {
    int64_t through = 0;
    std::vector<int64_t> out;  // per slot
  };
  struct Group {
    bool alive = true;
    int64_t k = 0;
    const Bitset* eligible = nullptr;
    std::vector<int> excluded;
    std::vector<Slot> slots;
    std::vector<std::vector<int>> comps;
    std::vector<uint32_t> comp_fit;
    absl::flat_hash_map<int, int> comp_of;   // member → component
    absl::flat_hash_map<int, Node> nodes;    // inspector (≥ 0) or ~component (< 0)
    mutable std::vector<uint64_t> kind_fit;  // per inspector kind: 1 << 32 | slot mask, 0 = not yet known
    std::vector<const Bitset*> slot_fits;    // per slot: the inspectors who fit its place
    // cross[a * slots + b]: units sent to slot a by nodes that also fit slot b (they could move them to b).
    std::vector<int64_t> cross;
    mutable std::vector<uint32_t> slot_stamp;  // search bookkeeping per slot
    mutable std::vector<Parent> slot_parent;
  };
  enum class Op : uint8_t { kUsed, kFeed, kThrough, kOut, kSupplied, kAddGroup, kAlive, kTasks, kCap };
  struct Undo {
    Op op;
    int group;
    int key;
    int slot;
    int64_t value;
  };

  int KeyOf(const Group& group, int inspector) const;
  uint32_t FitOf(const Group& group, int key) const;
  Node& NodeAt(int group, int key);
  template <typename F>
  void ForEachEligible(const Group& group, F&& f) const;

  void UpdateSpare(int inspector);
  void ChangeUsed(int inspector, int64_t delta);
  void ChangeFeed(int inspector, int group, int64_t delta);
  void ChangeThrough(int group, int key, int64_t delta);
  void ChangeOut(int group, int key, int slot, int64_t delta);
  void ChangeCross(int group, int key, int slot, int64_t delta);
  void ChangeSupplied(int group, int slot, int64_t delta);
  void SetTasks(int group, int64_t k);
  void SetAlive(int group, bool alive);
  void Log(Op op, int group, int key, int slot, int64_t value);

  // Moves `amount` units along source → member → node → slot → sink (negative: cancels).
  void Push(int group, int key, int member, int slot, int64_t amount);
  // Cancels `amount` units leaving node `key` of `group` through `slot`, from whichever members feed it.
  void CancelAt(int group, int key, int slot, int64_t amount);
  void FillDirect(int group, int slot);
  // Searches backwards from the short slots; returns an inspector with spare capacity that starts an
  // augmenting path (when stop_at_spare), or -1. Leaves the visited nodes in search_queue_.
  int Search(const std::vector<std::pair<int, int>>& short_slots, bool stop_at_spare) const;
  bool AugmentPath(int group, int slot);

  const std::vector<FlowInspector>* inspectors_;
  const std::vector<std::pair<int, int>>* exclusions_;
  std::vector<int> kind_of_;  // inspector → kind (same unit, partner flag and specialties)
  int kinds_ = 0;
  std::vector<bool> involved_;                              // named in a pair exclusion
  std::map<std::tuple<int, int, int>, Bitset> place_fits_;  // place → inspectors who fit it
  std::vector<int64_t> caps_;
  std::vector<int64_t> used_;
  Bitset spare_;                                         // inspectors with used < cap
  std::vector<absl::flat_hash_map<int, int64_t>> feed_;  // per inspector: group → units fed
  std::vector<Group> groups_;
  std::vector<int> free_groups_;            // dead groups whose index AddGroup may reuse
  std::vector<std::pair<int, int>> dirty_;  // slots that may be short
  bool logging_ = false;
  std::vector<Undo> log_;
  std::vector<std::pair<int, int>> saved_dirty_;

  // Search scratch space, reused between searches.
  mutable absl::flat_hash_set<uint64_t> comp_entries_;
  mutable std::vector<uint64_t> search_queue_;
  mutable std::vector<uint32_t> inspector_stamp_;
  mutable Bitset unreached_;  // inspectors the current search has not reached
  mutable std::vector<Parent> inspector_parent_;
  mutable uint32_t stamp_ = 0;
};

}  // namespace ssr::internal

#endif  // SSRANDOM_SRC_ASSIGN_TEAM_FLOW_H_
