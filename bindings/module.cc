// ssrandom._core: the pybind11 layer. Each concept registers its own bindings from its own file
// (bindings/<concept>.cc, declared in bindings/register.h); this file only calls them.
#include <pybind11/pybind11.h>

#include "register.h"
#include "ssrandom/version.h"

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
  m.doc() = "libssrandom core (C++), wrapped by the ssrandom package";
  m.attr("__version__") = ssr::kVersion;
  ssr::bindings::RegisterStatus(m);
  ssr::bindings::RegisterCalendar(m);
  ssr::bindings::RegisterBureau(m);
  ssr::bindings::RegisterSampler(m);
  ssr::bindings::RegisterPolicy(m);
  ssr::bindings::RegisterDraw(m);
  ssr::bindings::RegisterTeams(m);
  ssr::bindings::RegisterCheck(m);
  ssr::bindings::RegisterColumnar(m);
  ssr::bindings::RegisterPartialDraw(m);
}
