#include "ssrandom.h"

#include <string>

#include "gtest/gtest.h"

TEST(CapiVersionTest, VersionStringMatchesTheHeaderMacros) {
  EXPECT_EQ(std::string(ssr_version_string()), std::to_string(SSR_VERSION_MAJOR) + "." +
                                                   std::to_string(SSR_VERSION_MINOR) + "." +
                                                   std::to_string(SSR_VERSION_PATCH));
}
