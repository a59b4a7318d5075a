#pragma once

// What a user asks of a seal, as given on the command line (`einvoice seal`,
// `einvoice process --seal`) or in a job's "seal" object: names of files and
// of environment variables, never key material or passwords. SealSetup
// (seal_setup.h) turns it into a signer and a timestamp authority. Kept
// apart from the signing module so that a job can be parsed and checked
// where signing is not built.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"

namespace einvoice::engine {

// What the user asks for, as given: file names, names of environment
// variables holding passwords (never the passwords themselves), and the
// level and format as their names.
struct SealRequest {
  std::string p12;  // a PKCS#12 file; or `key` and `cert` (PEM), `chain` optional
  std::string key;
  std::string cert;
  std::string chain;
  std::string password_variable = "EINVOICE_P12_PASSWORD";

  std::string tsa_url;  // http:// or https://; or `test_tsa`
  std::string tsa_user;
  std::string tsa_password_variable = "EINVOICE_TSA_PASSWORD";
  std::string tsa_ca;
  std::string tsa_cert;
  std::string tsa_key;
  std::string tsa_proxy;
  std::optional<long> tsa_timeout_seconds;  // 1..3600; default 30
  bool test_tsa = false;
  std::string test_tsa_dir;  // keeps the test TSA's key across runs

  std::string level;   // "B-B", "B-T", "B-LT", "B-LTA"; empty: B-T with a TSA, else B-B
  std::string format;  // "pades", "cades", "xades"; empty: by document (default_format)
  std::vector<std::string> crl_files;   // DER or PEM CRLs for the DSS (B-LT, B-LTA)
  std::vector<std::string> ocsp_files;  // DER OCSP responses for the DSS
};

// The options that contradict each other or lack a partner, e.g. "--tsa-user
// goes with --tsa URL", worded with the command line's option names; empty
// when the request is consistent. Reads nothing.
std::optional<std::string> seal_request_problem(const SealRequest& request);

// Reads a job's "seal" object:
//   {"p12": "seal.p12", "password_env": "VAR"} or {"key": K, "cert": C, "chain": F},
//   "tsa": URL with "tsa_user", "tsa_password_env", "tsa_ca", "tsa_cert",
//   "tsa_key", "tsa_proxy", "tsa_timeout" (seconds), or "test_tsa": true with
//   "test_tsa_dir"; "level": "B-B"|"B-T"|"B-LT"|"B-LTA"; "as":
//   "pades"|"cades"|"xades"; "crl": [files], "ocsp": [files].
// `json` is the object's text. Errors (kInvalidArgument naming `name`):
// not an object, an unknown member, a member of the wrong type,
// seal_request_problem.
model::Result<SealRequest> parse_seal_request(std::string_view json, std::string_view name);

}  // namespace einvoice::engine
