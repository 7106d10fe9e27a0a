#include "draw/task_view.h"

#include <string>
#include <vector>

namespace ssr::internal {

TaskView TasksOfPlan::View(size_t index, TaskScratch& scratch) const {
  const Task& t = tasks_[index];
  scratch.items.assign(t.items.begin(), t.items.end());
  scratch.team.assign(t.team.begin(), t.team.end());
  TaskView view;
  view.id = t.id;
  view.entity_id = t.entity_id;
  view.entity_name = t.entity_name;
  view.uscc = t.uscc;
  view.area = t.area;
  view.supervision_class = t.supervision_class;
  view.pool = t.pool;
  view.credit_class = t.credit_class;
  view.stratum = t.stratum;
  view.ticket = t.ticket;
  view.method = t.method;
  view.items = scratch.items;
  view.credit_based = t.credit_based;
  view.team = scratch.team;
  view.joint = t.joint;
  view.partner_department = t.partner_department;
  return view;
}

Task MakeTask(const TaskView& view) {
  Task t;
  t.id = std::string(view.id);
  t.entity_id = std::string(view.entity_id);
  t.entity_name = std::string(view.entity_name);
  t.uscc = std::string(view.uscc);
  t.area = std::string(view.area);
  t.supervision_class = view.supervision_class;
  t.pool = view.pool;
  t.credit_class = std::string(view.credit_class);
  t.stratum = std::string(view.stratum);
  t.ticket = std::string(view.ticket);
  t.method = view.method;
  t.items = std::vector<std::string>(view.items.begin(), view.items.end());
  t.credit_based = view.credit_based;
  t.team = std::vector<std::string>(view.team.begin(), view.team.end());
  t.joint = view.joint;
  t.partner_department = std::string(view.partner_department);
  return t;
}

}  // namespace ssr::internal
