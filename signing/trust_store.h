#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "model/result.h"
#include "signing/certificate.h"

struct x509_store_st;  // OpenSSL's X509_STORE

namespace einvoice::signing {

// Trust anchors for seal and timestamp verification. Immutable after
// construction; copies share the anchors; safe to use from many threads.
class TrustStore {
 public:
  // Every certificate of every *.pem, *.crt or *.cer (PEM) file directly in
  // `folder`. Errors: unreadable folder (kIo), a file without a certificate
  // (kMalformed, naming it), no anchor at all (kInvalidArgument).
  static model::Result<TrustStore> load_folder(const std::filesystem::path& folder);
  static model::Result<TrustStore> from_certificates(std::vector<Certificate> anchors);

  const std::vector<Certificate>& anchors() const { return anchors_; }
  bool contains(const Certificate& certificate) const;

  // Borrowed; valid while this TrustStore (or a copy) lives. Callers must not
  // change it (it is shared).
  x509_store_st* native() const { return store_.get(); }

 private:
  TrustStore(std::vector<Certificate> anchors, std::shared_ptr<x509_store_st> store)
      : anchors_(std::move(anchors)), store_(std::move(store)) {}
  std::vector<Certificate> anchors_;
  std::shared_ptr<x509_store_st> store_;
};

}  // namespace einvoice::signing
