# deckc as a user runs it: diagnostics on stderr with file:line:col, exit status.
set(DECKC $<TARGET_FILE:deckc>)
set(CLI_DIR ${CMAKE_CURRENT_LIST_DIR})
add_test(NAME cli.check_reports_each_problem_on_its_line
         COMMAND bash ${CLI_DIR}/run_cli_test.sh ${DECKC} 1 broken.expected -- check broken.md)
add_test(NAME cli.help COMMAND deckc --help)
add_test(NAME cli.version COMMAND deckc --version)
set_tests_properties(cli.version PROPERTIES PASS_REGULAR_EXPRESSION "deckc [0-9]+\\.[0-9]+")
foreach(sub check render outline)
  add_test(NAME cli.${sub}_help COMMAND deckc ${sub} --help)
endforeach()
add_test(NAME cli.missing_file_is_a_clear_error COMMAND deckc check no-such-deck.md)
set_tests_properties(cli.missing_file_is_a_clear_error PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.qr_code_scans_back_to_its_link COMMAND bash ${CLI_DIR}/qr_scans.sh ${DECKC})
