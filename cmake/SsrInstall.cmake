# Installation: headers, both libraries, ssrandomConfig.cmake and ssrandom.pc.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
install(FILES ${SSR_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ssrandom)
if(EXISTS ${PROJECT_SOURCE_DIR}/include/ssrandom.h)
  install(FILES ${PROJECT_SOURCE_DIR}/include/ssrandom.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
install(TARGETS ssrandom ssrandom_cpp EXPORT ssrandomTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT ssrandomTargets NAMESPACE ssrandom:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ssrandom)
configure_package_config_file(cmake/ssrandomConfig.cmake.in ${PROJECT_BINARY_DIR}/ssrandomConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ssrandom)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ssrandomConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ssrandomConfig.cmake ${PROJECT_BINARY_DIR}/ssrandomConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ssrandom)
configure_file(cmake/ssrandom.pc.in ${PROJECT_BINARY_DIR}/ssrandom.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/ssrandom.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
