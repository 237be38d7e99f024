# `deckc build` (issue #5): one HTML file, or a static folder.
#
#   build.cli                  tests/build/build_cli_test.sh: a missing image, ../../etc/passwd
#                              refused, a failed build keeps the old output, outputs that would
#                              overwrite the deck refused, what the font subsets keep (no browser)
#   build.one_file_in_chromium tests/build/build_checks.js: the showcase deck as one file opened
#                              from file:// offline (no request, pixels vs deckc render, keys),
#                              the placeholder, -o site/ served by a static server
#
# The browser check packs the player web.player_builds builds (tests/web/suite.cmake).
set(PODIUM_BUILD_TESTS_DIR ${CMAKE_CURRENT_LIST_DIR})

add_test(NAME build.cli
         COMMAND bash ${PODIUM_BUILD_TESTS_DIR}/build_cli_test.sh $<TARGET_FILE:deckc>)
set_tests_properties(build.cli PROPERTIES TIMEOUT 120)

add_test(NAME build.one_file_in_chromium
         COMMAND bash ${PODIUM_BUILD_TESTS_DIR}/run_build_checks.sh $<TARGET_FILE:deckc>
                 ${CMAKE_BINARY_DIR}/web-player/web/player ${CMAKE_CURRENT_BINARY_DIR}/build-checks)
set_tests_properties(build.one_file_in_chromium PROPERTIES
  TIMEOUT 300 LABELS web FIXTURES_REQUIRED podium_web_player SKIP_RETURN_CODE 77
  ENVIRONMENT "PLAYWRIGHT_DIR=${PROJECT_SOURCE_DIR}/.deps/npm/node_modules")
