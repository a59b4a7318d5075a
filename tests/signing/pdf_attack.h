#pragma once

// Hand-made incremental updates for the PAdES tests: the "shadow" and
// "incremental saving" attacks append objects after a sealed revision.
#include <string>
#include <utility>
#include <vector>

namespace einvoice::signing::testing {

// An object of a crafted update: number and body ("<<...>>", or a
// dictionary followed by "stream ... endstream").
using CraftedObject = std::pair<unsigned, std::string>;

// `pdf` followed by an incremental update defining `objects` (generation 0),
// a classic cross-reference section, and a trailer copying the last one's
// /Root and /Info with /Prev and a /Size past every object.
std::string append_update(const std::string& pdf, const std::vector<CraftedObject>& objects);

// The body of the last definition of object `number` (between "N 0 obj" and
// "endobj", trimmed); fails the test when there is none.
std::string last_object_body(const std::string& pdf, unsigned number);

// The number of the object whose last definition holds `marker` first;
// fails the test when none does.
unsigned object_number_with(const std::string& pdf, const std::string& marker);

// The trailer's /Size of the last revision (the next free object number).
unsigned next_object_number(const std::string& pdf);

// A stream object body holding `data` unfiltered, with `entries` added to
// its dictionary.
std::string stream_object(const std::string& entries, const std::string& data);

// `text` with the first `from` replaced by `to`; fails the test when absent.
std::string replace_once(std::string text, const std::string& from, const std::string& to);

}  // namespace einvoice::signing::testing
