# Every external package the project uses, found in one place with its minimum version.
find_package(pugixml 1.13 REQUIRED)

if(FAIRTENDER_BUILD_TESTS)
  find_package(GTest 1.12 REQUIRED)
  include(GoogleTest)
endif()
if(FAIRTENDER_BUILD_BENCHMARKS)
  find_package(benchmark 1.7 REQUIRED)
endif()
