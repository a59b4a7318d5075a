// Replays files through a fuzz target without libFuzzer, so that the seed
// corpus (and every crash input ever found, once added to fuzz/seeds) runs
// under ctest with the sanitizers of the normal build.
//
// usage: <target>_seeds PATH...   (files, or folders read recursively)
// Exit 0 when every input was replayed; a crash aborts the process.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

bool replay(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "seed runner: cannot read %s\n", file.c_str());
    return false;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 0;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    fs::path root(argv[i]);
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
      std::vector<fs::path> files;
      for (auto& entry : fs::recursive_directory_iterator(root, ec)) {
        if (entry.is_regular_file())
          files.push_back(entry.path());
      }
      for (const auto& f : files) {
        ok = replay(f) && ok;
        ++count;
      }
    } else if (fs::exists(root, ec)) {
      ok = replay(root) && ok;
      ++count;
    } else {
      std::fprintf(stderr, "seed runner: %s does not exist\n", root.c_str());
      ok = false;
    }
  }
  std::printf("replayed %zu inputs\n", count);
  return ok && count > 0 ? 0 : 1;
}
