// Bindings for the columnar form of an entity directory (ssrandom/columnar.h).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>

#include "register.h"
#include "ssrandom/bureau.h"
#include "ssrandom/columnar.h"

namespace py = pybind11;

namespace ssr::bindings {

void RegisterColumnar(py::module_& m) {
  m.attr("COLUMNAR_VERSION") = kColumnarVersion;
  m.def(
      "save_columnar_entities",
      [](const Directory& directory, const std::string& path) {
        absl::Status status;
        {
          py::gil_scoped_release release;
          status = SaveColumnarEntities(directory, path);
        }
        ThrowIfError(status);
      },
      py::arg("directory"), py::arg("path"), "Writes the directory's columnar form (.ssrcol) atomically.");
  m.def(
      "save_bureau_columnar_entities",
      [](const Bureau& bureau, const std::string& path) {
        absl::Status status;
        {
          py::gil_scoped_release release;
          status = SaveColumnarEntities(bureau.entities, path);
        }
        ThrowIfError(status);
      },
      py::arg("bureau"), py::arg("path"),
      "Writes a bureau's entity directory in the columnar form, uncopied.");
  m.def(
      "load_columnar_entities",
      [](const std::string& path) {
        absl::StatusOr<Directory> directory;
        {
          py::gil_scoped_release release;
          directory = LoadColumnarEntities(path);
        }
        return ValueOrThrow(std::move(directory));
      },
      py::arg("path"), "A Directory from a columnar file; raises on a damaged, truncated or invalid file.");
  m.def(
      "columnar_entities",
      [](const Directory& directory) {
        std::string bytes;
        {
          py::gil_scoped_release release;
          bytes = ColumnarEntities(directory);
        }
        return py::bytes(bytes);
      },
      py::arg("directory"), "The columnar bytes of a directory.");
  m.def(
      "read_columnar_entities",
      [](const py::bytes& data, const std::string& source) {
        const std::string bytes = data;
        absl::StatusOr<Directory> directory;
        {
          py::gil_scoped_release release;
          directory = ReadColumnarEntities(bytes, source);
        }
        return ValueOrThrow(std::move(directory));
      },
      py::arg("data"), py::arg("source") = "<bytes>", "A Directory from columnar bytes.");
}

}  // namespace ssr::bindings
