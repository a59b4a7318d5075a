#include "engine/process_json.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <set>

namespace einvoice::engine {
namespace {

using Json = nlohmann::json;
using model::Error;
using model::ErrorCode;

Error invalid(std::string_view name, const std::string& message) {
  return Error{ErrorCode::kInvalidArgument, message, {std::string(name), "", 0, 0}};
}

// The string member `key`, or an error naming it.
model::Result<std::string> string_member(const Json& value, const char* key,
                                         std::string_view name) {
  if (!value.is_string())
    return invalid(name, std::string("\"") + key + "\" must be a string");
  return value.get<std::string>();
}

}  // namespace

model::Result<ProcessJob> parse_process_job(std::string_view text, std::string_view name) {
  Json job = Json::parse(text.begin(), text.end(), nullptr, false);
  if (job.is_discarded())
    return invalid(name, "not JSON");
  if (!job.is_object())
    return invalid(name, "a process job is a JSON object");
  static const std::set<std::string> known = {"inputs",          "out_dir", "to",   "profile",
                                              "french_rules",    "jobs",    "lang", "resume",
                                              "facturx_profile", "seal"};
  for (const auto& member : job.items()) {
    if (!known.count(member.key()))
      return invalid(name, "unknown member \"" + member.key() + "\"");
  }
  ProcessJob out;
  const auto inputs = job.find("inputs");
  if (inputs == job.end() || !inputs->is_array() || inputs->empty())
    return invalid(name, "\"inputs\" must be a non-empty array of file and folder names");
  for (const Json& input : *inputs) {
    if (!input.is_string() || input.get<std::string>().empty())
      return invalid(name, "each of \"inputs\" must be a file or folder name");
    out.inputs.emplace_back(input.get<std::string>());
  }
  const auto out_dir = job.find("out_dir");
  if (out_dir == job.end())
    return invalid(name, "\"out_dir\" is missing: the folder the outputs are written into");
  auto dir = string_member(*out_dir, "out_dir", name);
  if (!dir)
    return dir.error();
  out.out_dir = *dir;

  struct Choice {
    const char* key;
    std::function<bool(const std::string&)> apply;
    const char* allowed;
  };
  ProcessOptions& options = out.options;
  const Choice choices[] = {
      {"to",
       [&](const std::string& v) {
         auto format = parse_output_format(v);
         return format && (options.to = *format, true);
       },
       "facturx, cii or ubl"},
      {"profile",
       [&](const std::string& v) {
         auto profile = validation::parse_profile(v);
         return profile && (options.rules.profile = *profile, true);
       },
       "en16931 or fr"},
      {"french_rules",
       [&](const std::string& v) {
         if (v != "published" && v != "warnings")
           return false;
         options.rules.french_mode = v == "published" ? validation::FrenchMode::kAsPublished
                                                      : validation::FrenchMode::kWarnings;
         return true;
       },
       "published or warnings"},
      {"facturx_profile",
       [&](const std::string& v) {
         auto profile = facturx::parse_profile_option(v);
         return profile && (options.facturx_profile = *profile, true);
       },
       "minimum, basicwl, basic, en16931 or extended"},
      {"lang",
       [&](const std::string& v) {
         if (v != "fr" && v != "en")
           return false;
         options.language = v == "fr" ? render::Language::kFrench : render::Language::kEnglish;
         return true;
       },
       "fr or en"},
  };
  for (const Choice& choice : choices) {
    const auto member = job.find(choice.key);
    if (member == job.end())
      continue;
    auto value = string_member(*member, choice.key, name);
    if (!value)
      return value.error();
    if (!choice.apply(*value)) {
      return invalid(name, std::string("\"") + choice.key + "\" is \"" + *value + "\"; expected " +
                               choice.allowed);
    }
  }
  if (const auto jobs = job.find("jobs"); jobs != job.end()) {
    if (!jobs->is_number_unsigned() || jobs->get<unsigned long long>() > 1024)
      return invalid(name, "\"jobs\" must be a whole number of threads, 0 to 1024 (0: all cores)");
    out.jobs = jobs->get<unsigned>();
  }
  if (const auto resume = job.find("resume"); resume != job.end()) {
    if (!resume->is_boolean())
      return invalid(name, "\"resume\" must be true or false");
    options.resume = resume->get<bool>();
  }
  if (const auto seal = job.find("seal"); seal != job.end()) {
    auto request = parse_seal_request(seal->dump(), name);
    if (!request)
      return request.error();
    out.seal = std::move(*request);
  }
  return out;
}

}  // namespace einvoice::engine
