# Unicode property tables (Line_Break, East_Asian_Width, CJK ranges) for engine/text,
# generated at build time from Debian's unicode-data by tools/gen_unicode_tables.py.
#
# Included from engine/CMakeLists.txt after podium_engine exists. The generator always runs
# on the build host with PODIUM_PYTHON (also under emcmake, where the compiler is emcc), and
# writes ${CMAKE_BINARY_DIR}/generated/podium_unicode_tables.inc, which engine/text/*.cpp
# include. It reruns when the script or any UCD file it reads changes.

set(PODIUM_PYTHON "/usr/bin/python3" CACHE FILEPATH "Host Python used by build-time generators")

set(_podium_ucd_inputs
  ${PODIUM_UNICODE_DIR}/LineBreak.txt
  ${PODIUM_UNICODE_DIR}/EastAsianWidth.txt
  ${PODIUM_UNICODE_DIR}/Scripts.txt
  ${PODIUM_UNICODE_DIR}/Blocks.txt
  ${PODIUM_UNICODE_DIR}/extracted/DerivedGeneralCategory.txt
  ${PODIUM_UNICODE_DIR}/emoji/emoji-data.txt)
foreach(_input ${_podium_ucd_inputs})
  if(NOT EXISTS "${_input}")
    message(FATAL_ERROR "${_input} is missing: install Debian's unicode-data package "
                        "(tools/setup.sh) or set PODIUM_UNICODE_DIR")
  endif()
endforeach()
if(NOT EXISTS "${PODIUM_PYTHON}")
  message(FATAL_ERROR "PODIUM_PYTHON=${PODIUM_PYTHON} does not exist")
endif()

set(PODIUM_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated")
set(_podium_unicode_tables "${PODIUM_GENERATED_DIR}/podium_unicode_tables.inc")
set(_podium_unicode_generator "${PROJECT_SOURCE_DIR}/tools/gen_unicode_tables.py")

add_custom_command(
  OUTPUT ${_podium_unicode_tables}
  COMMAND ${PODIUM_PYTHON} ${_podium_unicode_generator}
          --ucd ${PODIUM_UNICODE_DIR} --output ${_podium_unicode_tables}
  DEPENDS ${_podium_unicode_generator} ${_podium_ucd_inputs}
  COMMENT "Generating engine/text Unicode tables from ${PODIUM_UNICODE_DIR}"
  VERBATIM)

# Listing the output as a source makes every engine object wait for it.
target_sources(podium_engine PRIVATE ${_podium_unicode_tables})
target_include_directories(podium_engine PRIVATE ${PODIUM_GENERATED_DIR})
