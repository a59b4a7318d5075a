#include "signing/indication.h"

namespace einvoice::signing {

const char* to_string(Indication indication) {
  switch (indication) {
    case Indication::kTotalPassed:
      return "TOTAL_PASSED";
    case Indication::kTotalFailed:
      return "TOTAL_FAILED";
    case Indication::kIndeterminate:
      return "INDETERMINATE";
  }
  return "?";
}

const char* to_string(SubIndication sub_indication) {
  switch (sub_indication) {
    case SubIndication::kNone:
      return "";
    case SubIndication::kFormatFailure:
      return "FORMAT_FAILURE";
    case SubIndication::kHashFailure:
      return "HASH_FAILURE";
    case SubIndication::kSigCryptoFailure:
      return "SIG_CRYPTO_FAILURE";
    case SubIndication::kSigConstraintsFailure:
      return "SIG_CONSTRAINTS_FAILURE";
    case SubIndication::kChainConstraintsFailure:
      return "CHAIN_CONSTRAINTS_FAILURE";
    case SubIndication::kCertificateChainGeneralFailure:
      return "CERTIFICATE_CHAIN_GENERAL_FAILURE";
    case SubIndication::kNotYetValid:
      return "NOT_YET_VALID";
    case SubIndication::kNoSigningCertificateFound:
      return "NO_SIGNING_CERTIFICATE_FOUND";
    case SubIndication::kNoCertificateChainFound:
      return "NO_CERTIFICATE_CHAIN_FOUND";
    case SubIndication::kOutOfBoundsNoPoe:
      return "OUT_OF_BOUNDS_NO_POE";
    case SubIndication::kSignedDataNotFound:
      return "SIGNED_DATA_NOT_FOUND";
    case SubIndication::kRevoked:
      return "REVOKED";
    case SubIndication::kRevokedNoPoe:
      return "REVOKED_NO_POE";
    case SubIndication::kForbiddenModificationAfterSigning:
      return "FORBIDDEN_MODIFICATION_AFTER_SIGNING";
  }
  return "?";
}

}  // namespace einvoice::signing
