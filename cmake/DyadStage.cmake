# dyad_stage(NAME DEPS <targets...>)
# One static library per pipeline stage, built from src/<stage>/*.cc (tests and
# *_main.cc excluded). Each foo_test.cc beside the code becomes one test binary
# <stage>_tests per stage, registered with CTest.
function(dyad_stage name)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cc")
  list(FILTER srcs EXCLUDE REGEX "(_test|_main)\\.cc$")
  if(srcs)
    set(scope PUBLIC)
    add_library(dyad_${name} STATIC ${srcs})
  else()
    set(scope INTERFACE)  # a stage with no code yet
    add_library(dyad_${name} INTERFACE)
  endif()
  target_include_directories(dyad_${name} ${scope} "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(dyad_${name} ${scope} ${ARG_DEPS})
  target_compile_definitions(dyad_${name} ${scope}
    DYAD_DATA_DIR="${DYAD_DATA_DIR}")
  if(DYAD_BUILD_TESTS)
    file(GLOB tests CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc")
    if(tests)
      add_executable(${name}_tests ${tests})
      target_link_libraries(${name}_tests PRIVATE dyad_${name}
        ${ARG_TEST_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
      gtest_discover_tests(${name}_tests
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        PROPERTIES ENVIRONMENT "DYAD_SHARED=${DYAD_SHARED_DIR}"
        DISCOVERY_TIMEOUT 60)
    endif()
  endif()
endfunction()
