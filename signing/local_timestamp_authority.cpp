#include "signing/local_timestamp_authority.h"

#include <fcntl.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "signing/certificate_issuer.h"
#include "signing/openssl_support.h"

namespace einvoice::signing {
namespace {

void free_resp_ctx(TS_RESP_CTX* ctx) {
  TS_RESP_CTX_free(ctx);
}
using TsRespCtxPtr = std::unique_ptr<TS_RESP_CTX, detail::Deleter<TS_RESP_CTX, free_resp_ctx>>;

struct CallbackState {
  std::chrono::system_clock::time_point now;
  std::uint64_t serial;
};

int time_callback(TS_RESP_CTX* /*ctx*/, void* data, long* sec, long* usec) {
  const auto* state = static_cast<const CallbackState*>(data);
  const auto since_epoch =
      std::chrono::duration_cast<std::chrono::microseconds>(state->now.time_since_epoch());
  *sec = static_cast<long>(since_epoch.count() / 1000000);
  *usec = static_cast<long>(since_epoch.count() % 1000000);
  return 1;
}

ASN1_INTEGER* serial_callback(TS_RESP_CTX* /*ctx*/, void* data) {
  const auto* state = static_cast<const CallbackState*>(data);
  ASN1_INTEGER* serial = ASN1_INTEGER_new();
  if (serial != nullptr && ASN1_INTEGER_set_uint64(serial, state->serial) != 1) {
    ASN1_INTEGER_free(serial);
    return nullptr;
  }
  return serial;
}

// Creates `file` with `mode` and writes `data` to it, fsynced. Never follows a
// link and never replaces anything: a name that already exists (a file, a
// planted or dangling link) is an error naming it.
model::Status write_new_file(const std::filesystem::path& file, std::string_view data,
                             mode_t mode) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) {
    return detail::make_error(model::ErrorCode::kIo,
                              "cannot create " + file.string() + ": " + std::strerror(errno),
                              file.string());
  }
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    written += static_cast<std::size_t>(n);
  }
  const bool ok = written == data.size() && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(file.c_str());
    return detail::make_error(model::ErrorCode::kIo,
                              "cannot write " + file.string() + ": " + std::strerror(saved),
                              file.string());
  }
  return {};
}

}  // namespace

LocalTimestampAuthority::LocalTimestampAuthority(std::shared_ptr<const SoftwareSigner> tsa,
                                                 Clock clock, std::string policy_oid)
    : tsa_(std::move(tsa)), clock_(std::move(clock)), policy_oid_(std::move(policy_oid)) {}

model::Result<std::unique_ptr<LocalTimestampAuthority>> LocalTimestampAuthority::create(
    const SoftwareSigner* issuer, Clock clock, std::string common_name) {
  const auto now = std::chrono::floor<std::chrono::seconds>(clock());
  CertificateProfile profile;
  profile.subject = {{"C", "FR"}, {"O", "einvoice test"}, {"CN", common_name}};
  profile.not_before = now - std::chrono::hours(1);
  profile.not_after = now + std::chrono::days(5 * 365);
  profile.serial = static_cast<std::uint64_t>(now.time_since_epoch().count());
  profile.key_usage = "critical,digitalSignature,nonRepudiation";
  profile.extended_key_usage = "critical,timeStamping";
  auto signer = issue_certificate(profile, issuer);
  if (!signer)
    return signer.error();
  return std::make_unique<LocalTimestampAuthority>(
      std::shared_ptr<const SoftwareSigner>(std::move(*signer)), std::move(clock));
}

model::Result<std::unique_ptr<LocalTimestampAuthority>> LocalTimestampAuthority::load_or_create(
    const std::filesystem::path& folder, Clock clock) {
  namespace fs = std::filesystem;
  const fs::path key_file = folder / "tsa-key.pem";
  const fs::path certificate_file = folder / "tsa-certificate.pem";
  std::error_code ec;
  if (fs::exists(key_file, ec) && fs::exists(certificate_file, ec)) {
    auto signer = load_pem_signer(key_file, certificate_file);
    if (!signer)
      return signer.error();
    return std::make_unique<LocalTimestampAuthority>(
        std::shared_ptr<const SoftwareSigner>(std::move(*signer)), std::move(clock));
  }
  auto created = create(nullptr, clock);
  if (!created)
    return created.error();
  fs::create_directories(folder, ec);
  if (ec) {
    return detail::make_error(model::ErrorCode::kIo,
                              "cannot create " + folder.string() + ": " + ec.message(),
                              folder.string());
  }
  // The key is written to memory, then to a file created private (0600) and
  // exclusively: a link planted at either name is refused, never followed.
  detail::BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), (*created)->signer().native_key(), nullptr,
                                       nullptr, 0, nullptr, nullptr) != 1) {
    return detail::openssl_error(model::ErrorCode::kIo, "cannot write " + key_file.string());
  }
  char* pem = nullptr;
  const long pem_size = BIO_get_mem_data(bio.get(), &pem);
  if (auto written =
          write_new_file(key_file, std::string_view(pem, static_cast<std::size_t>(pem_size)), 0600);
      !written)
    return written.error();
  if (auto written =
          write_new_file(certificate_file, (*created)->signer().certificate().pem(), 0644);
      !written)
    return written.error();
  return created;
}

std::string LocalTimestampAuthority::name() const {
  return "local test TSA (" + tsa_->certificate().subject() + ")";
}

model::Result<Bytes> LocalTimestampAuthority::exchange(std::span<const std::uint8_t> request_der) {
  using model::ErrorCode;
  CallbackState state{clock_(), next_serial_.fetch_add(1)};
  TsRespCtxPtr ctx(TS_RESP_CTX_new());
  if (!ctx)
    return detail::openssl_error(ErrorCode::kInternal, "TS_RESP_CTX_new failed");
  detail::X509StackPtr chain(sk_X509_new_null());
  for (const Certificate& c : tsa_->chain()) {
    X509_up_ref(c.native());
    sk_X509_push(chain.get(), c.native());
  }
  ASN1_OBJECT* policy = OBJ_txt2obj(policy_oid_.c_str(), 1);
  const bool ok = policy != nullptr &&
                  TS_RESP_CTX_set_signer_cert(ctx.get(), tsa_->certificate().native()) == 1 &&
                  TS_RESP_CTX_set_signer_key(ctx.get(), tsa_->native_key()) == 1 &&
                  TS_RESP_CTX_set_signer_digest(ctx.get(), EVP_sha256()) == 1 &&
                  TS_RESP_CTX_set_ess_cert_id_digest(ctx.get(), EVP_sha256()) == 1 &&
                  TS_RESP_CTX_set_certs(ctx.get(), chain.get()) == 1 &&
                  TS_RESP_CTX_set_def_policy(ctx.get(), policy) == 1 &&
                  TS_RESP_CTX_add_md(ctx.get(), EVP_sha256()) == 1 &&
                  TS_RESP_CTX_add_md(ctx.get(), EVP_sha384()) == 1 &&
                  TS_RESP_CTX_add_md(ctx.get(), EVP_sha512()) == 1 &&
                  TS_RESP_CTX_set_accuracy(ctx.get(), 1, 0, 0) == 1;
  ASN1_OBJECT_free(policy);
  if (!ok) {
    return detail::openssl_error(ErrorCode::kInternal,
                                 "cannot configure the local TSA " + tsa_->certificate().subject());
  }
  TS_RESP_CTX_add_flags(ctx.get(), TS_ORDERING | TS_TSA_NAME);
  TS_RESP_CTX_set_time_cb(ctx.get(), time_callback, &state);
  TS_RESP_CTX_set_serial_cb(ctx.get(), serial_callback, &state);
  detail::BioPtr in = detail::memory_bio(request_der);
  detail::TsRespPtr response(TS_RESP_create_response(ctx.get(), in.get()));
  if (!response) {
    return detail::openssl_error(ErrorCode::kInternal, "local TSA could not build a response");
  }
  detail::openssl_errors();  // a rejected request leaves its reason in the queue
  Bytes der = detail::to_der(i2d_TS_RESP, response.get());
  if (der.empty())
    return detail::openssl_error(ErrorCode::kInternal, "cannot encode TimeStampResp");
  return der;
}

}  // namespace einvoice::signing
