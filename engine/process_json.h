#pragma once

// A process job as JSON, the form a server accepts and `einvoice process
// --job FILE.json` reads:
//
//   {
//     "inputs": ["invoices/", "scan.pdf"],   // files and folders (required)
//     "out_dir": "out",                       // required
//     "to": "facturx" | "cii" | "ubl",        // default "facturx"
//     "profile": "en16931" | "fr",            // rules; default "en16931"
//     "french_rules": "published" | "warnings",
//     "facturx_profile": "minimum" | "basicwl" | "basic" | "en16931" | "extended",
//     "lang": "fr" | "en",                    // of a rendered Factur-X
//     "jobs": 4,                              // threads; 0: all cores
//     "resume": false,
//     "seal": {"p12": "seal.p12", "tsa": "https://tsa.example/", ...}
//   }
//
// "seal" seals every output (parse_seal_request in seal_request.h).
// Unknown members are refused (a misspelt option must not be ignored).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/process_job.h"
#include "engine/seal_request.h"
#include "model/result.h"

namespace einvoice::engine {

struct ProcessJob {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path out_dir;
  ProcessOptions options;
  unsigned jobs = 0;
  std::optional<SealRequest> seal;  // seal every output
};

// Errors (kInvalidArgument, naming `name` and the member): not JSON, not an
// object, an unknown member, a member of the wrong type or value, a missing
// "inputs" or "out_dir".
model::Result<ProcessJob> parse_process_job(std::string_view json, std::string_view name);

}  // namespace einvoice::engine
