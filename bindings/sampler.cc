// ssrandom._core bindings for ticket sampling (ssrandom/sampler.h) and USCC checks (ssrandom/uscc.h).
// Thin on purpose: argument normalisation, duplicate checks and docs live in python/ssrandom/sampler.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "parallel/run_parts.h"
#include "register.h"
#include "ssrandom/sampler.h"
#include "ssrandom/uscc.h"

namespace py = pybind11;

namespace ssr::bindings {
namespace {

// Below this many tickets a part costs more in starting a thread than it saves.
constexpr size_t kMinTicketsPerPart = 4096;

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
      [](const std::string& seed, const std::vector<std::string>& ids, int threads) {
        std::vector<std::string> result(ids.size());
        {
          py::gil_scoped_release release;
          const TicketSampler sampler(seed);
          // Each part computes its own range of tickets: the list does not depend on the part count.
          const int parts = internal::PartsFor(ids.size(), threads < 1 ? 1 : threads, kMinTicketsPerPart);
          internal::RunParts(parts, [&](int part) {
            const size_t end = internal::PartBegin(ids.size(), parts, part + 1);
            for (size_t i = internal::PartBegin(ids.size(), parts, part); i < end; ++i) {
              result[i] = sampler.Ticket(ids[i]);
            }
          });
        }
        return result;
      },
      py::arg("seed"), py::arg("ids"), py::arg("threads") = 1,
      "The tickets of `ids` under `seed`, in input order, computed on up to `threads` threads.");

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
