# Installation: the C header and the C++ headers, libssrandom.so (the C ABI) and libssrandom_cpp.a (the C++
# API), ssrandomConfig.cmake with the targets ssrandom::ssrandom and ssrandom::cpp, and ssrandom.pc.
# tests/install/ builds a consumer against an installed tree, with find_package and with pkg-config.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(FILES ${SSR_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ssrandom)
install(FILES ${PROJECT_SOURCE_DIR}/include/ssrandom.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# The static C++ library is exported as ssrandom::cpp, the name it has in the build tree.
set_target_properties(ssrandom_cpp PROPERTIES EXPORT_NAME cpp)
install(TARGETS ssrandom ssrandom_cpp EXPORT ssrandomTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT ssrandomTargets NAMESPACE ssrandom:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ssrandom)

# The config finds what ssrandom::cpp's link interface names: its PUBLIC Abseil targets, and the PRIVATE
# dependencies a static library still carries ($<LINK_ONLY:...>: OpenSSL, nlohmann_json, Threads).
configure_package_config_file(cmake/ssrandomConfig.cmake.in ${PROJECT_BINARY_DIR}/ssrandomConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ssrandom)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ssrandomConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ssrandomConfig.cmake ${PROJECT_BINARY_DIR}/ssrandomConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ssrandom)

# ssrandom.pc names its prefix relative to its own folder, so the tree works wherever it is installed
# (cmake --install --prefix DIR, DESTDIR, a copied tree).
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(SSR_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(SSR_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH SSR_PC_UP "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  string(REGEX REPLACE "/$" "" SSR_PC_UP "${SSR_PC_UP}")
  set(SSR_PC_PREFIX "\${pcfiledir}/${SSR_PC_UP}")
  set(SSR_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SSR_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(SSR_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(cmake/ssrandom.pc.in ${PROJECT_BINARY_DIR}/ssrandom.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/ssrandom.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
