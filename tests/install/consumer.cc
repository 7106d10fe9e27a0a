// The same draw as consumer.c through the installed C++ API; prints the same line.
#include <iostream>

#include "ssrandom/draw.h"
#include "ssrandom/sample_bureau.h"
#include "ssrandom/version.h"

int main() {
  absl::StatusOr<ssr::Policy> policy = ssr::Policy::Preset("hebei-xinle-2024");
  if (!policy.ok()) {
    std::cerr << "consumer_cpp: " << policy.status() << "\n";
    return 1;
  }
  ssr::DrawRequest request;
  request.seed = "install test";
  absl::StatusOr<ssr::DrawResult> drawn =
      ssr::Draw(ssr::SampleBureau(), *policy, ssr::Period::Quarter(2024, 1), request);
  if (!drawn.ok()) {
    std::cerr << "consumer_cpp: " << drawn.status() << "\n";
    return 1;
  }
  std::cout << "libssrandom " << ssr::kVersion << ": " << drawn->plan.Digest() << "\n";
  return 0;
}
