#pragma once

// The options that say how to seal, shared by `einvoice seal` and
// `einvoice process --seal`: they fill an engine::SealRequest.

#include <CLI/CLI.hpp>

#include "engine/seal_request.h"

namespace einvoice::cli {

// Adds --p12, --password-env, --key, --cert, --chain, the TSA options
// (--tsa, --tsa-user, --tsa-password-env, --tsa-ca, --tsa-cert, --tsa-key,
// --tsa-proxy, --tsa-timeout, --test-tsa, --test-tsa-dir), --level, --crl,
// --ocsp and --as to `app`, writing into `request`. `group` titles them in
// the help.
void add_seal_options(CLI::App& app, engine::SealRequest& request, const std::string& group);

// True when any of add_seal_options' options was given.
bool seal_options_given(const CLI::App& app);

}  // namespace einvoice::cli
