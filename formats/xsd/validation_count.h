#pragma once

#include <cstdint>

namespace einvoice::xsd {

// How many documents SchemaValidator::validate has been asked to check on the
// calling thread since it started (refusals included). A hook for tests that
// check each document goes through Xerces at most once per stage.
std::uint64_t validations_on_this_thread();

}  // namespace einvoice::xsd
