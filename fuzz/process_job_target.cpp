// Fuzz target: a process job as JSON (engine/process_json.h), the form a
// server accepts from its clients, with its "seal" object
// (engine/seal_request.h): every member checked, nothing read from disk.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/process_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  auto job = einvoice::engine::parse_process_job(json, "fuzz.json");
  if (!job)
    (void)job.error().describe();
  return 0;
}
