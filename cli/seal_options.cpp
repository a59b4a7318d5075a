#include "cli/seal_options.h"

#include <string>

namespace einvoice::cli {
namespace {

const char* const kSealOptions[] = {"--p12",
                                    "--password-env",
                                    "--key",
                                    "--cert",
                                    "--chain",
                                    "--tsa",
                                    "--tsa-user",
                                    "--tsa-password-env",
                                    "--tsa-ca",
                                    "--tsa-cert",
                                    "--tsa-key",
                                    "--tsa-proxy",
                                    "--tsa-timeout",
                                    "--test-tsa",
                                    "--test-tsa-dir",
                                    "--level",
                                    "--crl",
                                    "--ocsp",
                                    "--as"};

}  // namespace

void add_seal_options(CLI::App& app, engine::SealRequest& r, const std::string& group) {
  auto text = [&](const char* name, std::string& value, const char* help) {
    app.add_option(name, value, help)->group(group);
  };
  text("--p12", r.p12, "PKCS#12 file with the seal key and certificate");
  text("--password-env", r.password_variable,
       "environment variable holding the key's password (default EINVOICE_P12_PASSWORD)");
  text("--key", r.key, "PEM private key (with --cert)");
  text("--cert", r.cert, "PEM certificate, then its chain (with --key)");
  text("--chain", r.chain, "PEM intermediate certificates added to the chain");
  text("--tsa", r.tsa_url,
       "RFC 3161 timestamp authority, http:// or https:// (B-T by default with it); proxies from "
       "http_proxy/https_proxy unless --tsa-proxy");
  text("--tsa-user", r.tsa_user, "HTTP basic authentication user of the TSA");
  text("--tsa-password-env", r.tsa_password_variable,
       "environment variable holding the TSA password (default EINVOICE_TSA_PASSWORD)");
  text("--tsa-ca", r.tsa_ca, "trust only these PEM certificates for the TSA's TLS server");
  text("--tsa-cert", r.tsa_cert, "TLS client certificate for the TSA (PEM, with --tsa-key)");
  text("--tsa-key", r.tsa_key, "TLS client key for the TSA (PEM, with --tsa-cert)");
  text("--tsa-proxy", r.tsa_proxy, "proxy for the TSA, e.g. http://proxy:3128");
  app.add_option_function<long>(
         "--tsa-timeout", [&r](const long& seconds) { r.tsa_timeout_seconds = seconds; },
         "seconds for the whole TSA exchange, 1 to 3600 (default 30)")
      ->group(group);
  app.add_flag("--test-tsa", r.test_tsa,
               "an in-process, self-signed test TSA (its timestamps prove nothing)")
      ->group(group);
  text("--test-tsa-dir", r.test_tsa_dir,
       "keep the test TSA's key and certificate in this folder (tsa-key.pem, "
       "tsa-certificate.pem) across runs");
  text("--level", r.level,
       "B-B, B-T (default with a TSA), or for PAdES B-LT (a DSS with the chain and the revocation "
       "data given) and B-LTA (B-LT and a document timestamp)");
  app.add_option("--crl", r.crl_files, "a CRL (DER or PEM) for the DSS; repeatable")
      ->group(group)
      ->allow_extra_args(false)
      ->take_all();
  app.add_option("--ocsp", r.ocsp_files, "a DER OCSP response for the DSS; repeatable")
      ->group(group)
      ->allow_extra_args(false)
      ->take_all();
  text("--as", r.format,
       "pades, cades (detached .p7s) or xades (enveloped in a UBL invoice); default: PAdES for a "
       "PDF, XAdES for a UBL invoice, else CAdES");
}

bool seal_options_given(const CLI::App& app) {
  for (const char* name : kSealOptions) {
    if (app.count(name) > 0)
      return true;
  }
  return false;
}

}  // namespace einvoice::cli
