#include "tests/signing/pdf_attack.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>

namespace einvoice::signing::testing {
namespace {

// The unsigned number written after `key` at or after `from` ("/Size 12").
unsigned number_after(const std::string& pdf, const std::string& key, std::size_t from) {
  const std::size_t at = pdf.find(key, from);
  REQUIRE(at != std::string::npos);
  std::size_t i = at + key.size();
  while (i < pdf.size() && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n'))
    ++i;
  return static_cast<unsigned>(std::stoul(pdf.substr(i, 12)));
}

// The reference after `key` in the last trailer ("/Root 1 0 R"), or "".
std::string trailer_reference(const std::string& pdf, const std::string& key) {
  const std::size_t trailer = pdf.rfind("trailer");
  REQUIRE(trailer != std::string::npos);
  const std::size_t at = pdf.find(key, trailer);
  if (at == std::string::npos)
    return "";
  const std::size_t end = pdf.find(" R", at + key.size());
  REQUIRE(end != std::string::npos);
  return pdf.substr(at, end + 2 - at);
}

}  // namespace

unsigned next_object_number(const std::string& pdf) {
  const std::size_t trailer = pdf.rfind("trailer");
  REQUIRE(trailer != std::string::npos);
  return number_after(pdf, "/Size", trailer);
}

std::string append_update(const std::string& pdf, const std::vector<CraftedObject>& objects) {
  const std::size_t startxref = pdf.rfind("startxref");
  REQUIRE(startxref != std::string::npos);
  const unsigned prev = number_after(pdf, "startxref", startxref);
  unsigned size = next_object_number(pdf);
  std::string out = pdf;
  if (out.back() != '\n')
    out += '\n';
  std::vector<std::pair<unsigned, std::size_t>> offsets;
  for (const auto& [number, body] : objects) {
    offsets.emplace_back(number, out.size());
    out += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
    size = std::max(size, number + 1);
  }
  std::sort(offsets.begin(), offsets.end());
  const std::size_t xref = out.size();
  out += "xref\n";
  for (const auto& [number, offset] : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n\r\n", offset);
    out += std::to_string(number) + " 1\n" + line;
  }
  out += "trailer\n<</Size " + std::to_string(size) + trailer_reference(pdf, "/Root") +
         trailer_reference(pdf, "/Info") + "/Prev " + std::to_string(prev) + ">>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string last_object_body(const std::string& pdf, unsigned number) {
  const std::string header = std::to_string(number) + " 0 obj";
  std::size_t at = pdf.rfind(header);
  while (at != std::string::npos && at > 0 && pdf[at - 1] != '\n' && pdf[at - 1] != '\r')
    at = pdf.rfind(header, at - 1);
  REQUIRE(at != std::string::npos);
  const std::size_t start = at + header.size();
  const std::size_t end = pdf.find("endobj", start);
  REQUIRE(end != std::string::npos);
  std::string body = pdf.substr(start, end - start);
  const auto blank = [](char c) { return c == ' ' || c == '\r' || c == '\n'; };
  while (!body.empty() && blank(body.front()))
    body.erase(body.begin());
  while (!body.empty() && blank(body.back()))
    body.pop_back();
  return body;
}

unsigned object_number_with(const std::string& pdf, const std::string& marker) {
  for (std::size_t at = pdf.find(marker); at != std::string::npos; at = pdf.find(marker, at + 1)) {
    const std::size_t obj = pdf.rfind(" 0 obj", at);
    REQUIRE(obj != std::string::npos);
    std::size_t start = obj;
    while (start > 0 && pdf[start - 1] >= '0' && pdf[start - 1] <= '9')
      --start;
    const unsigned number = static_cast<unsigned>(std::stoul(pdf.substr(start, obj - start)));
    if (last_object_body(pdf, number).find(marker) != std::string::npos)
      return number;
  }
  FAIL("no object holds " << marker);
  return 0;
}

std::string stream_object(const std::string& entries, const std::string& data) {
  return "<</Length " + std::to_string(data.size()) + entries + ">>\nstream\n" + data +
         "\nendstream";
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace einvoice::signing::testing
