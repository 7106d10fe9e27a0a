#include "ssrandom/version.h"

#include <string>

#include "gtest/gtest.h"

TEST(VersionTest, MatchesTheMacroParts) {
  EXPECT_EQ(std::string(ssr::kVersion), std::to_string(SSR_CPP_VERSION_MAJOR) + "." +
                                            std::to_string(SSR_CPP_VERSION_MINOR) + "." +
                                            std::to_string(SSR_CPP_VERSION_PATCH));
}
