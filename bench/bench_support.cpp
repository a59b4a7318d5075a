#include "bench_support.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

namespace einvoice::bench {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void collect_xml(const std::filesystem::path& path, std::vector<std::filesystem::path>& out) {
  if (!std::filesystem::is_directory(path)) {
    out.push_back(path);
    return;
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file() && entry.path().extension() == ".xml")
      out.push_back(entry.path());
  }
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

long current_rss_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0;
  long pages_resident = 0;
  if (!(statm >> pages_total >> pages_resident))
    return 0;
  return pages_resident * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

}  // namespace einvoice::bench
