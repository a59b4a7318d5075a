// PAdES verification: every signature dictionary and document timestamp of
// a PDF, the DSS as validation material, and the baseline level reached.
#include <algorithm>

#include "signing/pades.h"
#include "signing/pdf_revisions.h"
#include "signing/pdf_update.h"
#include "signing/timestamp_token.h"

namespace einvoice::signing {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\r' || c == '\n';
}

// The length of the DER TLV at the start of `bytes`, or 0.
std::size_t der_length(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < 2)
    return 0;
  std::size_t length = bytes[1];
  std::size_t header = 2;
  if (length & 0x80) {
    const std::size_t count = length & 0x7f;
    if (count == 0 || count > 4 || bytes.size() < 2 + count)
      return 0;
    length = 0;
    for (std::size_t i = 0; i < count; ++i)
      length = (length << 8) | bytes[2 + i];
    header += count;
  }
  return header + length <= bytes.size() ? header + length : 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

// A signature dictionary found by its /ByteRange at `at`.
struct SignatureDictionary {
  std::array<std::uint64_t, 4> byte_range{};
  std::string sub_filter;
  std::optional<std::chrono::sys_seconds> m;  // /M
  Bytes contents;                             // the DER, padding removed
  std::string error;                          // why it cannot be verified; empty when fine
};

// The value after `key` in `dict` up to a delimiter: "/Name" (without the
// slash) or "(string)" (without parentheses); empty when absent.
std::string dictionary_value(std::string_view dict, std::string_view key) {
  const auto s = dict.find(key);
  if (s == std::string_view::npos)
    return {};
  std::size_t j = s + key.size();
  while (j < dict.size() && dict[j] == ' ')
    ++j;
  if (j < dict.size() && dict[j] == '/') {
    const std::size_t end = dict.find_first_of(" /<>[]()\r\n", j + 1);
    return std::string(dict.substr(j + 1, end == std::string_view::npos ? end : end - j - 1));
  }
  if (j < dict.size() && dict[j] == '(') {
    const std::size_t end = dict.find(')', j + 1);
    if (end != std::string_view::npos)
      return std::string(dict.substr(j + 1, end - j - 1));
  }
  return {};
}

// True when the hex string at `at` is the value of a /Contents key.
bool follows_contents_key(std::string_view pdf, std::size_t at) {
  constexpr std::string_view kContents = "/Contents";
  std::size_t i = at;
  while (i > 0 && is_space(pdf[i - 1]))
    --i;
  return i >= kContents.size() && pdf.substr(i - kContents.size(), kContents.size()) == kContents;
}

SignatureDictionary read_dictionary(std::string_view pdf, std::size_t at) {
  SignatureDictionary d;
  std::size_t i = at + std::string_view("/ByteRange").size();
  while (i < pdf.size() && is_space(pdf[i]))
    ++i;
  if (i >= pdf.size() || pdf[i] != '[') {
    d.error = "/ByteRange at offset " + std::to_string(at) + " is not an array";
    return d;
  }
  ++i;
  bool parsed = true;
  for (auto& value : d.byte_range) {
    while (i < pdf.size() && is_space(pdf[i]))
      ++i;
    bool digits = false;
    value = 0;
    while (i < pdf.size() && pdf[i] >= '0' && pdf[i] <= '9' && value < (1ull << 50)) {
      value = value * 10 + static_cast<std::uint64_t>(pdf[i] - '0');
      digits = true;
      ++i;
    }
    parsed = parsed && digits;
  }
  const auto [a, b, c, e] = d.byte_range;
  if (!parsed || a != 0 || b >= c || c > pdf.size() || e > pdf.size() - c || b < 1 ||
      pdf[b] != '<' || pdf[c - 1] != '>' || !follows_contents_key(pdf, b) ||
      pdf.find_first_not_of("0123456789abcdefABCDEF", b + 1) != c - 1) {
    d.error = "/ByteRange at offset " + std::to_string(at) +
              " does not cover the revision except a /Contents hex string";
    return d;
  }
  // The dictionary's other entries, searched around the byte range.
  const std::size_t found = pdf.rfind("obj", std::min<std::size_t>(at, b));
  const std::size_t window_start = found == std::string_view::npos ? 0 : found;
  const std::size_t window_end = std::max<std::size_t>(at, c) + 512;
  const std::string_view dict = pdf.substr(window_start, window_end - window_start);
  d.sub_filter = dictionary_value(dict, "/SubFilter");
  if (const std::string m = dictionary_value(dict, "/M"); !m.empty())
    d.m = pdf::parse_pdf_date(m);
  for (std::size_t k = b + 1; k + 1 < c - 1; k += 2) {
    const int hi = hex_value(pdf[k]);
    const int lo = hex_value(pdf[k + 1]);
    if (hi < 0 || lo < 0) {
      d.contents.clear();
      break;
    }
    d.contents.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
  }
  const std::size_t length = der_length(d.contents);
  if (length == 0) {
    d.error = "/Contents at offset " + std::to_string(b) + " is not a hex-encoded DER CMS";
    return d;
  }
  d.contents.resize(length);
  return d;
}

// The verdict on a document timestamp's token over `signed_bytes`.
void verify_document_timestamp(const SignatureDictionary& d, std::string_view signed_bytes,
                               const TrustStore& anchors, const VerificationOptions& options,
                               std::string_view origin, PadesSignatureReport& report) {
  report.document_timestamp = true;
  auto token = TimestampToken::parse(d.contents, origin);
  if (!token) {
    report.cades.indication = Indication::kTotalFailed;
    report.cades.sub_indication = SubIndication::kFormatFailure;
    report.cades.errors.push_back(token.error().message);
    return;
  }
  const TrustStore& tsa_anchors = options.timestamp_anchors ? *options.timestamp_anchors : anchors;
  const TokenCheck check =
      verify_timestamp_token(*token, as_bytes(signed_bytes), tsa_anchors, options.validation_time);
  TimestampReport ts;
  ts.gen_time = token->gen_time;
  ts.serial = token->serial;
  if (token->tsa_certificate) {
    ts.tsa_subject = token->tsa_certificate->subject();
    report.cades.signer_subject = ts.tsa_subject;
  }
  report.cades.best_signature_time = token->gen_time;
  if (check.ok()) {
    ts.indication = Indication::kTotalPassed;
    report.cades.indication = Indication::kTotalPassed;
  } else {
    ts.indication = check.failure == TokenFailure::kHashFailure ? Indication::kTotalFailed
                                                                : Indication::kIndeterminate;
    ts.sub_indication = check.failure == TokenFailure::kHashFailure
                            ? SubIndication::kHashFailure
                            : SubIndication::kSigConstraintsFailure;
    ts.message = check.message;
    report.cades.indication = ts.indication;
    report.cades.sub_indication = ts.sub_indication;
    report.cades.errors.push_back("document timestamp: " + check.message);
  }
  report.cades.timestamps.push_back(ts);
}

// True when the DSS holds the signer certificate and its issuer.
bool dss_has_chain(const SignatureReport& report, const ValidationMaterial& material) {
  if (!report.signer_certificate)
    return false;
  const auto& certs = material.certificates;
  return std::find(certs.begin(), certs.end(), *report.signer_certificate) != certs.end() &&
         find_issuer(*report.signer_certificate, certs).has_value();
}

// Sets LT / LTA on the signatures once every report is known.
void assign_long_term_levels(std::vector<PadesSignatureReport>& reports,
                             const std::optional<DocumentSecurityStore>& dss) {
  if (!dss)
    return;
  for (PadesSignatureReport& r : reports) {
    if (r.document_timestamp && r.cades.passed() && r.byte_range[2] + r.byte_range[3] > dss->offset)
      r.covers_dss = true;
  }
  const bool archived = std::any_of(reports.begin(), reports.end(),
                                    [](const PadesSignatureReport& r) { return r.covers_dss; });
  for (PadesSignatureReport& r : reports) {
    if (r.document_timestamp || r.cades.level != SignatureLevel::kBaselineT)
      continue;
    if (r.cades.revocation == RevocationStatus::kUnknown || !dss_has_chain(r.cades, dss->material))
      continue;
    r.cades.level = archived ? SignatureLevel::kBaselineLTA : SignatureLevel::kBaselineLT;
  }
}

// Fails `report` unless the revisions after its signed one (ending at
// `signed_end`) change only what PAdES allows; records the changes.
void judge_later_revisions(pdf::RevisionComparer* comparer, const std::string& load_problem,
                           std::size_t signed_end, PadesSignatureReport& report) {
  auto fail = [&](SubIndication sub, std::string message) {
    if (report.cades.indication != Indication::kTotalFailed) {
      report.cades.indication = Indication::kTotalFailed;
      report.cades.sub_indication = sub;
    }
    report.cades.errors.push_back(std::move(message));
  };
  if (comparer == nullptr) {
    fail(SubIndication::kFormatFailure,
         "the revisions after the signed one could not be compared with it: " + load_problem);
    return;
  }
  auto changes = comparer->changes_after(signed_end);
  if (!changes) {
    fail(SubIndication::kFormatFailure,
         "the revisions after the signed one could not be compared with it: " +
             changes.error().message);
    return;
  }
  report.later_changes = std::move(*changes);
  std::size_t forbidden = 0;
  for (const PdfObjectChange& c : report.later_changes) {
    if (c.allowed)
      continue;
    ++forbidden;
    fail(SubIndication::kForbiddenModificationAfterSigning,
         "modified after signing: " + c.describe());
  }
  if (forbidden == 0) {
    report.cades.warnings.push_back(
        "later revisions add " + std::to_string(report.later_changes.size()) +
        " change(s), all of a kind PAdES allows after a signature (DSS, document timestamp, "
        "signature field)");
  }
}

}  // namespace

std::string PdfObjectChange::describe() const {
  std::string out = number == 0
                        ? std::string("trailer")
                        : std::to_string(number) + " " + std::to_string(generation) + " obj";
  return out + " " + change + " (" + what + "): " + (allowed ? "allowed" : "forbidden");
}

std::string PadesSignatureReport::level() const {
  if (document_timestamp)
    return "PAdES-DOCUMENT-TIMESTAMP";
  switch (cades.level) {
    case SignatureLevel::kBaselineB:
      return "PAdES-BASELINE-B";
    case SignatureLevel::kBaselineT:
      return "PAdES-BASELINE-T";
    case SignatureLevel::kBaselineLT:
      return "PAdES-BASELINE-LT";
    case SignatureLevel::kBaselineLTA:
      return "PAdES-BASELINE-LTA";
    case SignatureLevel::kNone:
      break;
  }
  return "NONE";
}

model::Result<std::vector<PadesSignatureReport>> verify_pades(std::string_view pdf,
                                                              const TrustStore& anchors,
                                                              const VerificationOptions& options,
                                                              std::string_view origin) {
  auto read = read_dss(pdf, origin);
  std::string dss_problem;
  std::optional<DocumentSecurityStore> dss;
  if (read)
    dss = std::move(*read);
  else  // unreadable by PoDoFo: verified without DSS
    dss_problem = "DSS not read: " + read.error().message;
  VerificationOptions with_dss = options;
  if (dss)
    with_dss.material = &dss->material;

  const std::vector<pdf::PdfRevision> revisions = pdf::find_revisions(pdf);
  // The final state, loaded when a signature is followed by revisions.
  std::optional<pdf::RevisionComparer> comparer;
  std::string comparer_problem;
  bool comparer_tried = false;
  auto final_state = [&]() -> pdf::RevisionComparer* {
    if (!comparer_tried) {
      comparer_tried = true;
      auto loaded = pdf::RevisionComparer::load(pdf, origin);
      if (loaded)
        comparer.emplace(std::move(*loaded));
      else
        comparer_problem = loaded.error().message;
    }
    return comparer ? &*comparer : nullptr;
  };

  std::vector<PadesSignatureReport> reports;
  constexpr std::string_view kKey = "/ByteRange";
  for (std::size_t at = pdf.find(kKey); at != std::string_view::npos;
       at = pdf.find(kKey, at + kKey.size())) {
    if (reports.size() >= pdf::kMaxSignatures) {
      return pdf::error(model::ErrorCode::kLimitExceeded, origin,
                        "more than " + std::to_string(pdf::kMaxSignatures) + " signatures");
    }
    PadesSignatureReport report;
    report.revision_count = revisions.size();
    const SignatureDictionary d = read_dictionary(pdf, at);
    report.byte_range = d.byte_range;
    report.sub_filter = d.sub_filter;
    if (!d.error.empty()) {
      report.cades.indication = Indication::kTotalFailed;
      report.cades.sub_indication = SubIndication::kFormatFailure;
      report.cades.errors.push_back(d.error);
      reports.push_back(std::move(report));
      continue;
    }
    const auto [a, b, c, e] = d.byte_range;
    const std::size_t revision_end = c + e;
    const auto revision = pdf::revision_ending_at(revisions, revision_end);
    if (!revision || revisions.size() > pdf::kMaxRevisions) {
      report.cades.indication = Indication::kTotalFailed;
      report.cades.sub_indication = SubIndication::kFormatFailure;
      report.cades.errors.push_back(
          revision ? "more than " + std::to_string(pdf::kMaxRevisions) + " revisions"
                   : "/ByteRange at offset " + std::to_string(at) + " ends at offset " +
                         std::to_string(revision_end) +
                         ", not at the end of a revision (startxref and %%EOF): bytes of its "
                         "revision are not signed");
      reports.push_back(std::move(report));
      continue;
    }
    report.covers_revision = true;
    report.revision = *revision + 1;
    std::size_t tail = revision_end;
    while (tail < pdf.size() && is_space(pdf[tail]))
      ++tail;
    report.modified_after_signing = tail < pdf.size();
    std::string signed_bytes(pdf.substr(0, b));
    signed_bytes.append(pdf.substr(c, e));

    if (d.sub_filter == "ETSI.RFC3161") {
      verify_document_timestamp(d, signed_bytes, anchors, options, origin, report);
      if (report.modified_after_signing)
        judge_later_revisions(final_state(), comparer_problem, revision_end, report);
      reports.push_back(std::move(report));
      continue;
    }
    VerificationOptions signature_options = with_dss;
    signature_options.claimed_signing_time = d.m;
    auto verdicts =
        verify_detached_cades(d.contents, as_bytes(signed_bytes), anchors, signature_options,
                              std::string(origin) + " signature at offset " + std::to_string(at));
    if (!verdicts || verdicts->empty()) {
      report.cades.indication = Indication::kTotalFailed;
      report.cades.sub_indication = SubIndication::kFormatFailure;
      report.cades.errors.push_back(verdicts ? "CMS without SignerInfo" : verdicts.error().message);
      reports.push_back(std::move(report));
      continue;
    }
    report.cades = std::move(verdicts->front());
    if (report.modified_after_signing)
      judge_later_revisions(final_state(), comparer_problem, revision_end, report);
    reports.push_back(std::move(report));
  }
  if (reports.empty())
    return pdf::error(model::ErrorCode::kMalformed, origin, "no PDF signature (/ByteRange) found");
  if (!dss_problem.empty())
    reports.front().cades.warnings.push_back(dss_problem);
  if (dss) {
    for (const std::string& problem : dss->problems)
      reports.front().cades.warnings.push_back(problem);
  }
  assign_long_term_levels(reports, dss);
  return reports;
}

PadesRevisionSummary summarize_revisions(std::string_view pdf, std::string_view origin) {
  PadesRevisionSummary summary;
  const std::vector<pdf::PdfRevision> revisions = pdf::find_revisions(pdf);
  summary.revisions = revisions.size();
  std::size_t signed_end = 0;
  constexpr std::string_view kKey = "/ByteRange";
  for (std::size_t at = pdf.find(kKey); at != std::string_view::npos;
       at = pdf.find(kKey, at + kKey.size())) {
    if (++summary.signatures > pdf::kMaxSignatures) {
      summary.problem = "more than " + std::to_string(pdf::kMaxSignatures) + " signatures";
      return summary;
    }
    const SignatureDictionary d = read_dictionary(pdf, at);
    if (!d.error.empty())
      continue;
    const std::size_t end = d.byte_range[2] + d.byte_range[3];
    if (const auto revision = pdf::revision_ending_at(revisions, end);
        revision && *revision + 1 > summary.signed_revision) {
      summary.signed_revision = *revision + 1;
      signed_end = end;
    }
  }
  if (summary.signed_revision == 0 || summary.reads_signed_revision())
    return summary;
  auto comparer = pdf::RevisionComparer::load(pdf, origin);
  if (!comparer) {
    summary.problem = comparer.error().message;
    return summary;
  }
  auto changes = comparer->changes_after(signed_end);
  if (changes)
    summary.changes = std::move(*changes);
  else
    summary.problem = changes.error().message;
  return summary;
}

}  // namespace einvoice::signing
