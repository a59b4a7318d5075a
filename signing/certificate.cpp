#include "signing/certificate.h"

#include <openssl/objects.h>
#include <openssl/pem.h>

#include <cctype>
#include <fstream>
#include <iterator>

#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

std::string name_text(const X509_NAME* name) {
  detail::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0)
    return {};
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

model::Result<Bytes> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return detail::make_error(model::ErrorCode::kIo, "cannot open " + path.string(), path.string());
  }
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

Certificate Certificate::from_native(x509_st* x509) {
  X509_up_ref(x509);
  return Certificate(std::shared_ptr<x509_st>(x509, X509_free));
}

model::Result<Certificate> Certificate::from_der(std::span<const std::uint8_t> der,
                                                 std::string_view origin) {
  const unsigned char* p = der.data();
  X509* x509 = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
  if (x509 == nullptr) {
    return detail::openssl_error(model::ErrorCode::kMalformed,
                                 std::string(origin) + ": not a DER X.509 certificate");
  }
  return Certificate(std::shared_ptr<x509_st>(x509, X509_free));
}

model::Result<std::vector<Certificate>> Certificate::from_pem(std::span<const std::uint8_t> pem,
                                                              std::string_view origin) {
  detail::BioPtr bio = detail::memory_bio(pem);
  std::vector<Certificate> certs;
  while (X509* x509 = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    certs.push_back(Certificate(std::shared_ptr<x509_st>(x509, X509_free)));
  }
  detail::openssl_errors();  // the end of the PEM text leaves a "no start line" error
  if (certs.empty()) {
    return detail::make_error(model::ErrorCode::kMalformed,
                              std::string(origin) + ": no PEM certificate found",
                              std::string(origin));
  }
  return certs;
}

model::Result<std::vector<Certificate>> Certificate::load_pem_file(
    const std::filesystem::path& path) {
  auto bytes = read_file(path);
  if (!bytes)
    return bytes.error();
  return from_pem(*bytes, path.string());
}

Bytes Certificate::der() const {
  return detail::to_der(i2d_X509, x509_.get());
}

std::string Certificate::pem() const {
  detail::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), x509_.get()) != 1)
    return {};
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

std::string Certificate::subject() const {
  return name_text(X509_get_subject_name(x509_.get()));
}
std::string Certificate::issuer() const {
  return name_text(X509_get_issuer_name(x509_.get()));
}

std::string Certificate::serial() const {
  return detail::integer_text(X509_get0_serialNumber(x509_.get()));
}

std::chrono::sys_seconds Certificate::not_before() const {
  return detail::to_sys_seconds(X509_get0_notBefore(x509_.get()))
      .value_or(std::chrono::sys_seconds{});
}

std::chrono::sys_seconds Certificate::not_after() const {
  return detail::to_sys_seconds(X509_get0_notAfter(x509_.get()))
      .value_or(std::chrono::sys_seconds{});
}

std::optional<std::string> Certificate::organization_identifier() const {
  const X509_NAME* name = X509_get_subject_name(x509_.get());
  int index = X509_NAME_get_index_by_NID(name, NID_organizationIdentifier, -1);
  if (index < 0)
    return std::nullopt;
  const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
  unsigned char* utf8 = nullptr;
  int len = ASN1_STRING_to_UTF8(&utf8, value);
  if (len < 0)
    return std::nullopt;
  std::string text(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  return text;
}

std::string Certificate::sha256_fingerprint() const {
  return to_hex(digest(DigestAlgorithm::kSha256, der()));
}

bool Certificate::operator==(const Certificate& other) const {
  return X509_cmp(x509_.get(), other.x509_.get()) == 0;
}

std::optional<std::string> siren_from_organization_identifier(std::string_view identifier) {
  // ETSI EN 319 412-1 semantics identifier: 3-letter type, 2-letter country, '-', reference.
  std::size_t dash = identifier.find('-');
  if (dash == std::string_view::npos)
    return std::nullopt;
  std::string_view prefix = identifier.substr(0, dash);
  std::string_view reference = identifier.substr(dash + 1);
  if (prefix.size() != 5 || prefix.substr(3) != "FR")
    return std::nullopt;
  if (prefix.substr(0, 3) == "VAT" && reference.size() == 11) {
    reference = reference.substr(2);  // French VAT: 2-character key then the SIREN
  } else if (prefix.substr(0, 3) == "NTR" && reference.size() == 14) {
    reference = reference.substr(0, 9);  // a SIRET starts with the SIREN
  }
  if (reference.size() != 9)
    return std::nullopt;
  for (char c : reference) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return std::nullopt;
  }
  return std::string(reference);
}

}  // namespace einvoice::signing
