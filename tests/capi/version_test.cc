#include <string>

#include "gtest/gtest.h"
#include "ssrandom.h"

TEST(CapiVersionTest, VersionStringMatchesTheHeaderMacros) {
  EXPECT_EQ(std::string(ssr_version_string()), std::to_string(SSR_VERSION_MAJOR) + "." +
                                                   std::to_string(SSR_VERSION_MINOR) + "." +
                                                   std::to_string(SSR_VERSION_PATCH));
}

TEST(CapiVersionTest, VersionNumberMatchesTheHeader) { EXPECT_EQ(ssr_version_number(), SSR_VERSION_NUMBER); }

TEST(CapiVersionTest, AbiVersionIsTheSoname) { EXPECT_EQ(SSR_ABI_VERSION, 0); }
