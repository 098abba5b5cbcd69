# fairtender_options: the C++ standard and warnings every target of the project links.
add_library(fairtender_options INTERFACE)
target_compile_features(fairtender_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(fairtender_options INTERFACE -Wall -Wextra -Wpedantic)
# GCC 12's optimiser reports -Wrestrict on plain std::string concatenation inlined from
# libstdc++ (GCC bug 105329, fixed in GCC 13): a false positive we cannot write around.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(fairtender_options INTERFACE -Wno-restrict)
endif()
if(FAIRTENDER_WARNINGS_AS_ERRORS)
  target_compile_options(fairtender_options INTERFACE -Werror)
endif()
target_compile_definitions(fairtender_options INTERFACE
  FAIRTENDER_VERSION="${PROJECT_VERSION}"
  QT_NO_CAST_FROM_ASCII QT_NO_CONTEXTLESS_CONNECT)
