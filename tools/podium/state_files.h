// The files podium keeps, and where. Podium never writes to the deck, and writes beside it
// only the rehearsal file, only when run with --rehearse.
//
//   $XDG_STATE_HOME/podium/ (else ~/.local/state/podium/)
//     <deck name>-<hash of its absolute path>.session     the Session message (session.h),
//         written on every change and every few seconds while the timer runs: a crash or a
//         restart comes back on the same slide, step and timer (a running timer counts the
//         time the app was away, as the browser does across a reload)
//     <deck name>-<hash>.rehearse.session                 the same for a --rehearse run;
//         removed when the rehearsal ends normally, so the next rehearsal starts afresh
//     settings                                            presenter preferences
//                                                         ("notes_scale 1.26")
//   <deck>.rehearsal.json   beside the deck, --rehearse only (format in common/rehearsal.h)
//
// Writes go through a temporary file and a rename, so a crash never leaves half a file.
// Errors are values: functions return false or nullopt, and the app carries on without
// the file (a read-only home directory costs only the restore).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace podium::native {

// $XDG_STATE_HOME/podium, else $HOME/.local/state/podium; empty when neither is set.
std::filesystem::path StateDirectory();

// Where the session of `deck_path` is kept (see above); empty without a state directory.
std::filesystem::path SessionStatePath(const std::filesystem::path& deck_path, bool rehearsal);

std::optional<std::string> ReadTextFile(const std::filesystem::path& path);
// Creates the parent folder if needed; writes `text` to a temporary file and renames it.
bool WriteTextFileAtomically(const std::filesystem::path& path, std::string_view text,
                             std::string* error = nullptr);

// Presenter preferences kept between runs.
struct Settings {
  float notes_scale = 1;
};
Settings LoadSettings();
bool SaveSettings(const Settings& settings);

}  // namespace podium::native
