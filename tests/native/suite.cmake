# podium end to end under Xvfb (no GPU: Mesa's llvmpipe gives OpenGL 3.3+): keys through
# xdotool, both windows captured with ImageMagick, reload and broken-save behaviour, crash
# restore and rehearsal files. Skipped (exit 77) where xvfb-run, xdotool or ImageMagick
# are missing.
if(TARGET podium)
  add_test(NAME native.podium_under_xvfb
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_podium_test.sh $<TARGET_FILE:podium>
                   $<TARGET_FILE:deckc> ${CMAKE_CURRENT_LIST_DIR}/deck.md
                   ${CMAKE_CURRENT_BINARY_DIR}/native-podium)
  set_tests_properties(native.podium_under_xvfb PROPERTIES TIMEOUT 420 SKIP_RETURN_CODE 77
                       RUN_SERIAL TRUE)
endif()

# The unit tests of tools/podium's window-free parts (tests/native/*_test.cpp are compiled
# into podium_tests by tests/CMakeLists.txt).
if(TARGET podium_native_core)
  target_link_libraries(podium_tests PRIVATE podium_native_core)
endif()
