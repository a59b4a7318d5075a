#pragma once

namespace einvoice::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;  // some input was invalid
inline constexpr int kExitUsage = 2;    // usage or I/O error

// Each runs one subcommand; argv[first] is its first own argument.
// They print results on stdout and problems on stderr, and return an exit code.
int run_convert(int argc, char** argv, int first);
int run_facturx(int argc, char** argv, int first);
int run_inspect(int argc, char** argv, int first);
int run_ocr(int argc, char** argv, int first);
int run_process(int argc, char** argv, int first);
int run_validate(int argc, char** argv, int first);
int run_xsd(int argc, char** argv, int first);
int run_accounts(int argc, char** argv, int first);
// Only in builds with the signing module (EINVOICE_HAS_SEAL).
int run_seal(int argc, char** argv, int first);
int run_verify(int argc, char** argv, int first);
// Only in builds with the archive module (EINVOICE_HAS_ARCHIVE).
int run_archive(int argc, char** argv, int first);

}  // namespace einvoice::cli
