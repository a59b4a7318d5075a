#include "engine/seal_request.h"

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

namespace einvoice::engine {
namespace {

using Json = nlohmann::json;

bool has_pem_pair(const SealRequest& r) {
  return !r.key.empty() && !r.cert.empty();
}

std::optional<std::string> key_problem(const SealRequest& r) {
  const bool with_p12 = !r.p12.empty();
  const bool with_pem = !r.key.empty() || !r.cert.empty();
  if (with_p12 == with_pem || (with_pem && !has_pem_pair(r)))
    return "give either --p12 or --key and --cert";
  if (!r.chain.empty() && !with_pem)
    return "--chain goes with --key and --cert";
  return std::nullopt;
}

std::optional<std::string> tsa_problem(const SealRequest& r) {
  if (!r.tsa_url.empty() && r.test_tsa)
    return "--tsa and --test-tsa exclude each other";
  if (!r.test_tsa_dir.empty() && !r.test_tsa)
    return "--test-tsa-dir goes with --test-tsa";
  const std::pair<const char*, bool> tsa_options[] = {
      {"--tsa-user", !r.tsa_user.empty()},   {"--tsa-ca", !r.tsa_ca.empty()},
      {"--tsa-cert", !r.tsa_cert.empty()},   {"--tsa-key", !r.tsa_key.empty()},
      {"--tsa-proxy", !r.tsa_proxy.empty()}, {"--tsa-timeout", r.tsa_timeout_seconds.has_value()}};
  for (const auto& [name, given] : tsa_options) {
    if (given && r.tsa_url.empty())
      return std::string(name) + " goes with --tsa URL";
  }
  if (r.tsa_cert.empty() != r.tsa_key.empty())
    return "--tsa-cert and --tsa-key go together";
  if (r.tsa_timeout_seconds && (*r.tsa_timeout_seconds < 1 || *r.tsa_timeout_seconds > 3600))
    return "--tsa-timeout takes whole seconds from 1 to 3600";
  return std::nullopt;
}

// The level's name, checked, with the TSA and revocation data it needs.
std::optional<std::string> level_problem(const SealRequest& r) {
  const bool has_tsa = !r.tsa_url.empty() || r.test_tsa;
  const std::string level = r.level.empty() ? (has_tsa ? "B-T" : "B-B") : r.level;
  if (level != "B-B" && level != "B-T" && level != "B-LT" && level != "B-LTA")
    return "unknown level '" + level + "' (B-B, B-T, B-LT or B-LTA)";
  if (level != "B-B" && !has_tsa)
    return level + " needs --tsa URL or --test-tsa";
  const bool long_term = level == "B-LT" || level == "B-LTA";
  const bool revocation = !r.crl_files.empty() || !r.ocsp_files.empty();
  if (long_term && !revocation)
    return level + " needs the signer's revocation data: give --crl FILE or --ocsp FILE";
  if (!long_term && revocation)
    return "--crl and --ocsp go with --level B-LT or B-LTA";
  if (!r.format.empty() && r.format != "pades" && r.format != "cades" && r.format != "xades")
    return "unknown format '" + r.format + "' (pades, cades or xades)";
  return std::nullopt;
}

model::Error invalid(std::string_view name, const std::string& message) {
  return model::Error{model::ErrorCode::kInvalidArgument, message, {std::string(name), "", 0, 0}};
}

}  // namespace

std::optional<std::string> seal_request_problem(const SealRequest& request) {
  if (auto problem = key_problem(request))
    return problem;
  if (auto problem = tsa_problem(request))
    return problem;
  return level_problem(request);
}

model::Result<SealRequest> parse_seal_request(std::string_view text, std::string_view name) {
  const Json seal = Json::parse(text.begin(), text.end(), nullptr, false);
  if (seal.is_discarded() || !seal.is_object())
    return invalid(name, "\"seal\" must be an object");
  SealRequest r;
  const std::map<std::string, std::string*> strings = {
      {"p12", &r.p12},
      {"key", &r.key},
      {"cert", &r.cert},
      {"chain", &r.chain},
      {"password_env", &r.password_variable},
      {"tsa", &r.tsa_url},
      {"tsa_user", &r.tsa_user},
      {"tsa_password_env", &r.tsa_password_variable},
      {"tsa_ca", &r.tsa_ca},
      {"tsa_cert", &r.tsa_cert},
      {"tsa_key", &r.tsa_key},
      {"tsa_proxy", &r.tsa_proxy},
      {"test_tsa_dir", &r.test_tsa_dir},
      {"level", &r.level},
      {"as", &r.format}};
  const std::map<std::string, std::vector<std::string>*> lists = {{"crl", &r.crl_files},
                                                                  {"ocsp", &r.ocsp_files}};
  for (const auto& [key, value] : seal.items()) {
    const std::string member = "\"seal\".\"" + key + "\"";
    if (auto text_member = strings.find(key); text_member != strings.end()) {
      if (!value.is_string() || value.get<std::string>().empty())
        return invalid(name, member + " must be a non-empty string");
      *text_member->second = value.get<std::string>();
    } else if (auto list = lists.find(key); list != lists.end()) {
      if (!value.is_array())
        return invalid(name, member + " must be an array of file names");
      for (const Json& file : value) {
        if (!file.is_string() || file.get<std::string>().empty())
          return invalid(name, member + " must be an array of file names");
        list->second->push_back(file.get<std::string>());
      }
    } else if (key == "test_tsa") {
      if (!value.is_boolean())
        return invalid(name, member + " must be true or false");
      r.test_tsa = value.get<bool>();
    } else if (key == "tsa_timeout") {
      if (!value.is_number_integer())
        return invalid(name, member + " must be a whole number of seconds");
      r.tsa_timeout_seconds = value.get<long>();
    } else {
      return invalid(name, "unknown member " + member);
    }
  }
  if (auto problem = seal_request_problem(r))
    return invalid(name, "\"seal\": " + *problem);
  return r;
}

}  // namespace einvoice::engine
