// ssrandom._core bindings for ticket sampling (ssrandom/sampler.h) and USCC checks (ssrandom/uscc.h).
// Thin on purpose: argument normalisation, duplicate checks and docs live in python/ssrandom/sampler.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "register.h"
#include "ssrandom/sampler.h"
#include "ssrandom/uscc.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

std::vector<absl::string_view> Views(const std::vector<std::string>& strings) {
  return std::vector<absl::string_view>(strings.begin(), strings.end());
}

}  // namespace

void RegisterSampler(py::module_& m) {
  m.def(
      "validate_seed", [](const std::string& seed) { ThrowIfError(ValidateSeed(seed)); }, py::arg("seed"),
      "Raises InvalidInputError unless `seed` can be the public seed of a draw.");

  m.def(
      "ticket", [](const std::string& seed, const std::string& id) { return TicketSampler(seed).Ticket(id); },
      py::arg("seed"), py::arg("id"), "The ticket of `id` under `seed` (RULES §7).");

  m.def(
      "tickets",
      [](const std::string& seed, const std::vector<std::string>& ids) {
        std::vector<std::string> result(ids.size());
        {
          py::gil_scoped_release release;
          const TicketSampler sampler(seed);
          for (size_t i = 0; i < ids.size(); ++i) result[i] = sampler.Ticket(ids[i]);
        }
        return result;
      },
      py::arg("seed"), py::arg("ids"), "The tickets of `ids` under `seed`, in input order.");

  m.def(
      "select_lowest",
      [](const std::string& seed, const std::vector<std::string>& ids, size_t n, int threads) {
        py::gil_scoped_release release;
        return TicketSampler(seed).SelectLowest(Views(ids), n, threads);
      },
      py::arg("seed"), py::arg("ids"), py::arg("n"), py::arg("threads") = 1,
      "Indices of the n lowest tickets of `ids` under `seed`, lowest first (n is clamped to len(ids)).");

  m.def(
      "check_uscc",
      [](const std::string& code) {
        const UsccCheck check = CheckUscc(code);
        return std::make_tuple(check.ok(), check.Describe());
      },
      py::arg("code"), "(valid, message) for a 统一社会信用代码; message is 'valid' or names the problem.");

  m.def(
      "uscc_check_character",
      [](const std::string& first17) -> std::optional<std::string> {
        const std::optional<char> check = UsccCheckCharacter(first17);
        if (!check) return std::nullopt;
        return std::string(1, *check);
      },
      py::arg("first17"), "The check character for 17 USCC characters, or None if they are not valid.");
}

}  // namespace ssr::bindings
