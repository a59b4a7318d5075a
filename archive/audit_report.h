#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace einvoice::archive {

// One thing the audit found wrong.
struct AuditProblem {
  std::string archive_id;  // the object concerned; empty for the journal itself
  std::string what;
};

// What `Archive::audit` checked and found.
struct AuditReport {
  std::size_t objects = 0;          // objects re-hashed
  std::uint64_t bytes = 0;          // bytes re-hashed
  std::size_t journal_entries = 0;  // entries whose chain was checked
  double hash_seconds = 0;          // wall time of the re-hashing
  unsigned threads = 1;
  std::vector<AuditProblem> problems;

  bool ok() const { return problems.empty(); }
};

}  // namespace einvoice::archive
