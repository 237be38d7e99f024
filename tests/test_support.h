// Helpers shared by the unit tests: reading files of the repository.
#pragma once

#include <string>

namespace podium::test {

// Contents of a file (path relative to the repository's root); fails the test if absent.
std::string ReadRepoFile(const std::string& relative_path);

// Absolute path of a file in the repository.
std::string RepoPath(const std::string& relative_path);

}  // namespace podium::test
