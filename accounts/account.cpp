#include "accounts/account.h"

#include <algorithm>

namespace einvoice::accounts {
namespace {

constexpr std::size_t kMaxServiceName = 64;
constexpr std::size_t kMaxServices = 64;

bool valid_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxServiceName &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                  c == '-';
         });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return text;
}

}  // namespace

const char* to_string(AccountKind kind) {
  return kind == AccountKind::kMain ? "main" : "secondary";
}

std::string Account::display_name() const {
  if (kind == AccountKind::kMain || main_name.empty())
    return name;
  return name + " - " + main_name;
}

std::string format_services(const Services& services) {
  std::string out;
  for (const auto& [service, types] : services) {
    if (!out.empty())
      out += ';';
    out += service;
    const char* separator = ":";
    for (const auto& type : types) {
      out += separator;
      out += type;
      separator = ",";
    }
  }
  return out;
}

model::Result<Services> parse_services(std::string_view text) {
  Services services;
  auto bad = [](std::string_view part, const char* why) {
    return model::Error{
        model::ErrorCode::kInvalidArgument, "service '" + std::string(part) + "': " + why, {}};
  };
  while (!trim(text).empty()) {
    const auto end = text.find(';');
    const std::string_view part = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (part.empty())
      continue;
    const auto colon = part.find(':');
    const std::string_view service = trim(part.substr(0, colon));
    if (!valid_name(service))
      return bad(part, "a service name is 1 to 64 characters of a-z 0-9 _ . -");
    auto& types = services[std::string(service)];
    if (services.size() > kMaxServices)
      return bad(part, "more than 64 services");
    std::string_view rest = colon == std::string_view::npos ? "" : part.substr(colon + 1);
    while (!trim(rest).empty()) {
      const auto comma = rest.find(',');
      const std::string_view type = trim(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (!valid_name(type))
        return bad(part, "a document type is 1 to 64 characters of a-z 0-9 _ . -");
      types.emplace(type);
      if (types.size() > kMaxServices)
        return bad(part, "more than 64 document types");
    }
  }
  return services;
}

bool services_within(const Services& inner, const Services& outer) {
  for (const auto& [service, types] : inner) {
    auto found = outer.find(service);
    if (found == outer.end() ||
        !std::includes(found->second.begin(), found->second.end(), types.begin(), types.end()))
      return false;
  }
  return true;
}

Services services_intersection(const Services& a, const Services& b) {
  Services both;
  for (const auto& [service, types] : a) {
    auto found = b.find(service);
    if (found == b.end())
      continue;
    auto& kept = both[service];
    std::set_intersection(types.begin(), types.end(), found->second.begin(), found->second.end(),
                          std::inserter(kept, kept.end()));
  }
  return both;
}

}  // namespace einvoice::accounts
