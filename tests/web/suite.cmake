# The browser player and `deckc serve`.
#
#   web.player_builds             tools/build_web.sh → web-player/web/player (fixture setup)
#   web.player_e2e                web/tests/player_e2e.js: keys, hash, reload, input, fonts…
#   web.player_in_chromium        tests/web/player_checks.js, served by deckc serve: pixels vs
#                                 deckc render, placeholder, drop, idle, reload on save
#   web.presenter_in_chromium     tests/web/presenter_checks.js: the presenter window and the
#                                 audience window in sync both ways, reopen, reload and crash
#                                 restore (slide, step, timer), the blocked-popup fallback,
#                                 the single-window mode, languages and fonts, screenshots
#   web.serve_http                tests/web/serve_http_test.js: what deckc serve serves and
#                                 refuses, the change channel, ports, Ctrl-C (no browser)
#   web.ServePaths.*              tests/web/serve_paths.cpp: request paths, unit by unit
#
# The browser tests need Debian's chromium and playwright-core from npm, which tools/setup.sh
# installs into .deps/npm; without them they report "skipped" (exit 77).
set(PODIUM_WEB_TESTS_DIR ${CMAKE_CURRENT_LIST_DIR})
set(PODIUM_WEB_PLAYER_BUILD ${CMAKE_BINARY_DIR}/web-player)
set(PODIUM_WEB_PLAYER_DIR ${PODIUM_WEB_PLAYER_BUILD}/web/player)
set(PODIUM_PLAYWRIGHT_DIR ${PROJECT_SOURCE_DIR}/.deps/npm/node_modules)

add_test(NAME web.player_builds
         COMMAND bash ${PROJECT_SOURCE_DIR}/tools/build_web.sh ${PODIUM_WEB_PLAYER_BUILD})
set_tests_properties(web.player_builds PROPERTIES
  TIMEOUT 1200 LABELS web FIXTURES_SETUP podium_web_player)

add_test(NAME web.player_e2e
         COMMAND bash ${PROJECT_SOURCE_DIR}/web/tests/run_e2e.sh ${PODIUM_WEB_PLAYER_BUILD})
set_tests_properties(web.player_e2e PROPERTIES
  TIMEOUT 300 LABELS web FIXTURES_REQUIRED podium_web_player SKIP_RETURN_CODE 77
  ENVIRONMENT "PLAYWRIGHT_DIR=${PODIUM_PLAYWRIGHT_DIR}")

add_test(NAME web.player_in_chromium
         COMMAND bash ${PODIUM_WEB_TESTS_DIR}/run_player_checks.sh $<TARGET_FILE:deckc>
                 ${PODIUM_WEB_PLAYER_DIR} ${CMAKE_CURRENT_BINARY_DIR}/player-checks)
set_tests_properties(web.player_in_chromium PROPERTIES
  TIMEOUT 300 LABELS web FIXTURES_REQUIRED podium_web_player SKIP_RETURN_CODE 77
  ENVIRONMENT "PLAYWRIGHT_DIR=${PODIUM_PLAYWRIGHT_DIR}")

add_test(NAME web.presenter_in_chromium
         COMMAND bash ${PODIUM_WEB_TESTS_DIR}/run_presenter_checks.sh ${PODIUM_WEB_PLAYER_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/presenter-checks)
set_tests_properties(web.presenter_in_chromium PROPERTIES
  TIMEOUT 300 LABELS web FIXTURES_REQUIRED podium_web_player SKIP_RETURN_CODE 77
  ENVIRONMENT "PLAYWRIGHT_DIR=${PODIUM_PLAYWRIGHT_DIR}")

find_program(PODIUM_NODE node)
if(PODIUM_NODE)
  add_test(NAME web.serve_http
           COMMAND ${PODIUM_NODE} ${PODIUM_WEB_TESTS_DIR}/serve_http_test.js $<TARGET_FILE:deckc>)
  set_tests_properties(web.serve_http PROPERTIES TIMEOUT 120 LABELS web)
else()
  message(STATUS "node not found: the deckc serve HTTP test is not built")
endif()

# Not *_test.cpp: tests/CMakeLists.txt globs those into podium_tests, which has no httplib.
add_executable(podium_serve_tests ${PODIUM_WEB_TESTS_DIR}/serve_paths.cpp)
target_link_libraries(podium_serve_tests PRIVATE podium_serve GTest::gtest GTest::gtest_main)
gtest_discover_tests(podium_serve_tests TEST_PREFIX web. DISCOVERY_TIMEOUT 60
                     PROPERTIES TIMEOUT 60 LABELS web)
