#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "engine/seal_jobs.h"
#include "env/env.h"
#include "env/file_system.h"
#include "signing/http_timestamp_authority.h"
#include "signing/local_timestamp_authority.h"
#include "signing/revocation.h"

namespace einvoice::cli {
namespace {

constexpr const char* kUsage =
    "usage: einvoice seal IN (--p12 FILE [--password-env VAR] | --key K --cert C [--chain F])\n"
    "                        [--tsa URL [TSA options] | --test-tsa [--test-tsa-dir DIR]]\n"
    "                        [--level B-B|B-T|B-LT|B-LTA [--crl FILE]... [--ocsp FILE]...]\n"
    "                        [--as pades|cades|xades] -o OUT\n"
    "\n"
    "Seals IN: a PDF (Factur-X included) gets a PAdES seal added by incremental update,\n"
    "a UBL invoice an enveloped XAdES (OUT is the signed invoice), any other file (CII...)\n"
    "a detached CAdES written to OUT (a .p7s).\n"
    "\n"
    "  --p12 FILE          PKCS#12 with the seal key and certificate; its password is read\n"
    "                      from the environment variable VAR (default EINVOICE_P12_PASSWORD)\n"
    "  --key K --cert C    PEM key (password from --password-env if encrypted) and\n"
    "                      certificate; --chain adds intermediate certificates\n"
    "  --tsa URL           RFC 3161 timestamp authority for B-T (the default level with it),\n"
    "                      http:// or https://; proxies from http_proxy/https_proxy unless\n"
    "                      --tsa-proxy; TSA options:\n"
    "    --tsa-user USER   HTTP basic authentication (its password from the environment\n"
    "                      variable named by --tsa-password-env, default EINVOICE_TSA_PASSWORD)\n"
    "    --tsa-ca FILE     trust only these PEM certificates for the TSA's TLS server\n"
    "    --tsa-cert FILE --tsa-key FILE   TLS client certificate and key (PEM)\n"
    "    --tsa-proxy URL   proxy for the TSA, e.g. http://proxy:3128\n"
    "    --tsa-timeout S   seconds for the whole exchange (default 30)\n"
    "  --test-tsa          an in-process, self-signed test TSA (never for evidence)\n"
    "  --test-tsa-dir DIR  keep the test TSA's key and certificate in DIR across runs\n"
    "                      (tsa-key.pem, tsa-certificate.pem): put tsa-certificate.pem in\n"
    "                      the trust folder and its timestamps verify\n"
    "  --level LEVEL       B-B, B-T (default with a TSA), or for PAdES B-LT (B-T and a DSS\n"
    "                      with the chain and the revocation data given) and B-LTA (B-LT\n"
    "                      and a document timestamp)\n"
    "  --crl FILE          a CRL (DER or PEM) for the DSS; repeatable\n"
    "  --ocsp FILE         a DER OCSP response for the DSS; repeatable\n"
    "  --as FORMAT         pades, cades (detached .p7s, e.g. to keep a UBL unchanged) or\n"
    "                      xades (enveloped in a UBL invoice); default: as above\n"
    "\n"
    "Exit codes: 0 sealed, 2 usage, I/O, key or TSA error.\n";

}  // namespace

int run_seal(int argc, char** argv, int first) {
  ArgumentSpec spec{
      {"--p12", "--password-env", "--key", "--cert", "--chain", "--tsa", "--level", "--as", "-o",
       "--crl", "--ocsp", "--test-tsa-dir", "--tsa-user", "--tsa-password-env", "--tsa-ca",
       "--tsa-cert", "--tsa-key", "--tsa-proxy", "--tsa-timeout"},
      {"--help", "-h", "--test-tsa"}};
  std::string error;
  auto args = parse_arguments(argc, argv, first, spec, error);
  if (!args)
    return usage_error("seal", error, kUsage);
  if (args->has("--help") || args->has("-h")) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args->positional.size() != 1)
    return usage_error("seal", "exactly one input expected", kUsage);
  const auto out = args->value("-o");
  if (!out)
    return usage_error("seal", "no output given (-o OUT)", kUsage);
  const bool with_p12 = args->value("--p12").has_value();
  const bool with_pem = args->value("--key").has_value() || args->value("--cert").has_value();
  if (with_p12 == with_pem || (with_pem && (!args->value("--key") || !args->value("--cert"))))
    return usage_error("seal", "give either --p12 or --key and --cert", kUsage);
  if (args->value("--tsa") && args->has("--test-tsa"))
    return usage_error("seal", "--tsa and --test-tsa exclude each other", kUsage);
  if (args->value("--test-tsa-dir") && !args->has("--test-tsa"))
    return usage_error("seal", "--test-tsa-dir goes with --test-tsa", kUsage);
  for (const char* tsa_option : {"--tsa-user", "--tsa-password-env", "--tsa-ca", "--tsa-cert",
                                 "--tsa-key", "--tsa-proxy", "--tsa-timeout"}) {
    if (args->value(tsa_option) && !args->value("--tsa"))
      return usage_error("seal", std::string(tsa_option) + " goes with --tsa URL", kUsage);
  }
  if (args->value("--tsa-password-env") && !args->value("--tsa-user"))
    return usage_error("seal", "--tsa-password-env goes with --tsa-user", kUsage);
  if (args->value("--tsa-cert").has_value() != args->value("--tsa-key").has_value())
    return usage_error("seal", "--tsa-cert and --tsa-key go together", kUsage);

  engine::SealJobOptions options;
  const bool has_tsa = args->value("--tsa") || args->has("--test-tsa");
  options.level = has_tsa ? signing::CadesLevel::kBaselineT : signing::CadesLevel::kBaselineB;
  if (auto level = args->value("--level")) {
    if (*level == "B-B")
      options.level = signing::CadesLevel::kBaselineB;
    else if (*level == "B-T")
      options.level = signing::CadesLevel::kBaselineT;
    else if (*level == "B-LT" || *level == "B-LTA") {
      options.level = signing::CadesLevel::kBaselineT;
      options.long_term =
          *level == "B-LT" ? signing::PadesLongTerm::kLT : signing::PadesLongTerm::kLTA;
    } else {
      return usage_error("seal", "unknown level '" + *level + "'", kUsage);
    }
  }
  const std::string level_name = args->value("--level").value_or(
      options.level == signing::CadesLevel::kBaselineT ? "B-T" : "B-B");
  if (options.level == signing::CadesLevel::kBaselineT && !has_tsa)
    return usage_error("seal", level_name + " needs --tsa URL or --test-tsa", kUsage);
  const auto crl_files = args->values_of("--crl");
  const auto ocsp_files = args->values_of("--ocsp");
  if (options.long_term != signing::PadesLongTerm::kNone && crl_files.empty() &&
      ocsp_files.empty()) {
    return usage_error(
        "seal", level_name + " needs the signer's revocation data: give --crl FILE or --ocsp FILE",
        kUsage);
  }
  if (options.long_term == signing::PadesLongTerm::kNone &&
      (!crl_files.empty() || !ocsp_files.empty())) {
    return usage_error("seal", "--crl and --ocsp go with --level B-LT or B-LTA", kUsage);
  }
  if (auto as = args->value("--as")) {
    if (*as == "pades")
      options.format = engine::SealFormat::kPades;
    else if (*as == "cades")
      options.format = engine::SealFormat::kCades;
    else if (*as == "xades")
      options.format = engine::SealFormat::kXades;
    else
      return usage_error("seal", "unknown format '" + *as + "'", kUsage);
  }

  std::string password;
  const std::string password_variable =
      args->value("--password-env").value_or("EINVOICE_P12_PASSWORD");
  if (auto p = env::system_env().variables.get(password_variable))
    password = *p;
  model::Result<std::unique_ptr<signing::SoftwareSigner>> signer =
      with_p12 ? signing::load_pkcs12_signer(*args->value("--p12"), password)
               : signing::load_pem_signer(*args->value("--key"), *args->value("--cert"),
                                          args->value("--chain").value_or(""), password);
  if (!signer) {
    print_error("seal", signer.error());
    return kExitUsage;
  }

  std::unique_ptr<signing::TimestampAuthority> tsa;
  if (auto url = args->value("--tsa")) {
    signing::HttpTimestampAuthority::Options tsa_options;
    tsa_options.ca_file = args->value("--tsa-ca").value_or("");
    tsa_options.proxy = args->value("--tsa-proxy").value_or("");
    tsa_options.client_certificate = args->value("--tsa-cert").value_or("");
    tsa_options.client_key = args->value("--tsa-key").value_or("");
    if (auto user = args->value("--tsa-user")) {
      tsa_options.user = *user;
      const std::string variable =
          args->value("--tsa-password-env").value_or("EINVOICE_TSA_PASSWORD");
      tsa_options.password = env::system_env().variables.get(variable).value_or("");
    }
    if (auto timeout = args->value("--tsa-timeout")) {
      char* end = nullptr;
      const long seconds = std::strtol(timeout->c_str(), &end, 10);
      if (timeout->empty() || *end != '\0' || seconds < 1 || seconds > 3600)
        return usage_error("seal", "--tsa-timeout takes whole seconds from 1 to 3600", kUsage);
      tsa_options.timeout = std::chrono::seconds(seconds);
    }
    auto http = signing::HttpTimestampAuthority::create(*url, tsa_options);
    if (!http) {
      print_error("seal", http.error());
      return kExitUsage;
    }
    tsa = std::move(*http);
  } else if (args->has("--test-tsa")) {
    const auto clock = [] { return std::chrono::system_clock::now(); };
    auto local = args->value("--test-tsa-dir")
                     ? signing::LocalTimestampAuthority::load_or_create(
                           *args->value("--test-tsa-dir"), clock)
                     : signing::LocalTimestampAuthority::create(nullptr, clock);
    if (!local) {
      print_error("seal", local.error());
      return kExitUsage;
    }
    tsa = std::move(*local);
    std::cerr << "seal: warning: --test-tsa timestamps prove nothing (self-signed test TSA)\n";
  }
  options.timestamp_authority = tsa.get();
  options.signing_time =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());

  env::LocalFileSystem files;
  for (const std::string& file : crl_files) {
    auto bytes = files.read(file, 64u << 20);
    auto crl = bytes ? signing::read_crl(signing::as_bytes(*bytes), file)
                     : model::Result<signing::Bytes>(bytes.error());
    if (!crl) {
      print_error("seal", crl.error());
      return kExitUsage;
    }
    options.revocation.crls.push_back(std::move(*crl));
  }
  for (const std::string& file : ocsp_files) {
    auto bytes = files.read(file, 1u << 20);
    auto ocsp = bytes ? signing::read_ocsp_response(signing::as_bytes(*bytes), file)
                      : model::Result<signing::Bytes>(bytes.error());
    if (!ocsp) {
      print_error("seal", ocsp.error());
      return kExitUsage;
    }
    options.revocation.ocsp_responses.push_back(std::move(*ocsp));
  }
  const std::string& input = args->positional.front();
  auto bytes = files.read(input, 256u << 20);
  if (!bytes) {
    print_error("seal", bytes.error());
    return kExitUsage;
  }
  auto sealed = engine::seal_document(**signer, *bytes, input, options);
  if (!sealed) {
    print_error("seal", sealed.error());
    return kExitUsage;
  }
  if (auto written = files.write_atomic(*out, sealed->bytes); !written) {
    print_error("seal", written.error());
    return kExitUsage;
  }
  std::cout << input << ": sealed ("
            << (sealed->format == engine::SealFormat::kPades   ? "PAdES"
                : sealed->format == engine::SealFormat::kXades ? "XAdES"
                                                               : "CAdES")
            << ", " << level_name << ") -> " << *out << '\n';
  return kExitOk;
}

}  // namespace einvoice::cli
