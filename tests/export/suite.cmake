# PDF export end to end: `deckc export` / `deckc notes` checked with poppler-utils (pdfinfo,
# pdftotext, pdffonts). The pixel comparison with the CPU render is in pdf_export_test.cpp.
find_program(PODIUM_PDFINFO pdfinfo)
if(PODIUM_PDFINFO)
  add_test(NAME export.cli_pdf_pages_text_notes_png
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run_export_cli.sh $<TARGET_FILE:deckc>
                   ${CMAKE_CURRENT_LIST_DIR}/deck ${CMAKE_CURRENT_BINARY_DIR}/export-cli)
  set_tests_properties(export.cli_pdf_pages_text_notes_png PROPERTIES TIMEOUT 120)
else()
  message(STATUS "pdfinfo not found (poppler-utils): the export CLI test is not built")
endif()
add_test(NAME cli.export_help COMMAND deckc export --help)
add_test(NAME cli.notes_help COMMAND deckc notes --help)
