#pragma once

#include <cstdint>

namespace einvoice::xml {

// How many documents XmlDocument::parse has been asked to parse on the
// calling thread since it started (refusals included). A hook for tests that
// check a stage never parses what an earlier one already parsed; costs one
// thread-local increment per parse.
std::uint64_t parses_on_this_thread();

}  // namespace einvoice::xml
