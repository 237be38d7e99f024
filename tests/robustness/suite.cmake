# Robustness through the deckc binary (the gtest side is limits_test.cpp, security_test.cpp
# and regression_test.cpp in this folder; the report is docs/robustness.md).
set(ROBUSTNESS_DIR ${CMAKE_CURRENT_LIST_DIR})
foreach(case paths no-writes failed-output)
  add_test(NAME robustness.deckc_${case}
           COMMAND bash ${ROBUSTNESS_DIR}/run_deckc_security.sh $<TARGET_FILE:deckc>
                   ${CMAKE_CURRENT_BINARY_DIR}/robustness-${case} ${case})
  set_tests_properties(robustness.deckc_${case} PROPERTIES TIMEOUT 300)
endforeach()

# The browser player's plain C++ (web/player.cpp is engine code, compiled natively here as
# a program of its own, so the main test binary does not depend on web/): its link,
# raw-HTML and saved-session defences (this folder) and the rest of its logic (tests/web).
if(EXISTS ${PROJECT_SOURCE_DIR}/web/player.cpp)
  add_executable(podium_web_player_native ${ROBUSTNESS_DIR}/web_player_links.cpp
                                          ${PROJECT_SOURCE_DIR}/tests/web/player_native.cpp
                                          ${PROJECT_SOURCE_DIR}/web/player.cpp)
  target_include_directories(podium_web_player_native PRIVATE ${PROJECT_SOURCE_DIR}/web)
  target_link_libraries(podium_web_player_native PRIVATE podium_engine GTest::gtest GTest::gtest_main)
  gtest_discover_tests(podium_web_player_native DISCOVERY_TIMEOUT 60)
endif()
