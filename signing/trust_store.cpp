#include "signing/trust_store.h"

#include <algorithm>
#include <system_error>

#include "signing/openssl_support.h"

namespace einvoice::signing {

model::Result<TrustStore> TrustStore::load_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::filesystem::path& p = it->path();
    const std::string ext = p.extension().string();
    if (it->is_regular_file() && (ext == ".pem" || ext == ".crt" || ext == ".cer")) {
      files.push_back(p);
    }
  }
  if (ec) {
    return detail::make_error(
        model::ErrorCode::kIo,
        "cannot read trust anchor folder " + folder.string() + ": " + ec.message(),
        folder.string());
  }
  std::sort(files.begin(), files.end());  // deterministic order
  std::vector<Certificate> anchors;
  for (const auto& file : files) {
    auto certs = Certificate::load_pem_file(file);
    if (!certs)
      return certs.error();
    anchors.insert(anchors.end(), certs->begin(), certs->end());
  }
  if (anchors.empty()) {
    return detail::make_error(model::ErrorCode::kInvalidArgument,
                              "no trust anchor (*.pem, *.crt, *.cer) in " + folder.string(),
                              folder.string());
  }
  return from_certificates(std::move(anchors));
}

model::Result<TrustStore> TrustStore::from_certificates(std::vector<Certificate> anchors) {
  std::shared_ptr<X509_STORE> store(X509_STORE_new(), X509_STORE_free);
  if (!store)
    return detail::openssl_error(model::ErrorCode::kInternal, "X509_STORE_new failed");
  for (const Certificate& anchor : anchors) {
    if (X509_STORE_add_cert(store.get(), anchor.native()) != 1) {
      return detail::openssl_error(model::ErrorCode::kInternal,
                                   "cannot add trust anchor " + anchor.subject());
    }
  }
  return TrustStore(std::move(anchors), std::move(store));
}

bool TrustStore::contains(const Certificate& certificate) const {
  return std::find(anchors_.begin(), anchors_.end(), certificate) != anchors_.end();
}

}  // namespace einvoice::signing
