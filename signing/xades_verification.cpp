// verify_xades: the XML-DSig core by xmlsec1 (xades_xmlsec.h), then the
// XAdES rules: what the signature must cover, where its signed properties
// must be, which certificate signed, the signature-time-stamps and the chain.
#include <libxml/tree.h>
#include <libxml/valid.h>

#include <cctype>
#include <cstring>
#include <ctime>
#include <unordered_map>

#include "formats/xml/libxml_errors.h"
#include "signing/certificate_validation.h"
#include "signing/timestamp_token.h"
#include "signing/xades.h"
#include "signing/xades_support.h"
#include "signing/xades_xmlsec.h"

namespace einvoice::signing {
namespace {

using model::ErrorCode;
using namespace xades;

// Work limits per document (hostile input); real seals use a fraction.
constexpr std::size_t kMaxSignatures = 16;
constexpr std::size_t kMaxReferences = 8;
constexpr std::size_t kMaxTransforms = 2;
constexpr std::size_t kMaxCertificates = 16;
constexpr std::size_t kMaxTimestamps = 4;
constexpr const char* kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

// Every ds:Signature under `node` (inclusive), in document order; signatures
// are not searched inside signatures. Depth is bounded by the parser.
void find_signatures(xmlNode* node, std::vector<xmlNode*>& out) {
  for (; node != nullptr; node = node->next) {
    if (is(node, kDs, "Signature"))
      out.push_back(node);
    else if (node->type == XML_ELEMENT_NODE)
      find_signatures(node->children, out);
  }
}

std::string where(xmlNode* node) {
  xmlChar* path = xmlGetNodePath(node);
  std::string out = path ? reinterpret_cast<const char*>(path) : "?";
  xmlFree(path);
  return out + " (line " + std::to_string(xmlGetLineNo(node)) + ")";
}

// Registers every Id attribute of the document as an XML ID (how "#id"
// references resolve, for xmlsec as for us) and lists the values defined
// more than once, counting xml:id too: such references are ambiguous.
class IdTable {
 public:
  explicit IdTable(xmlDoc* doc) : doc_(doc) { visit(xmlDocGetRootElement(doc)); }
  const std::vector<std::string>& duplicates() const { return duplicates_; }

 private:
  void visit(xmlNode* node) {
    for (; node != nullptr; node = node->next) {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      for (xmlAttr* a = node->properties; a != nullptr; a = a->next)
        add(node, a);
      visit(node->children);
    }
  }
  void add(xmlNode* element, xmlAttr* a) {
    const bool dsig_id =
        a->ns == nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), "Id") == 0;
    const bool xml_id =
        a->ns != nullptr &&
        std::strcmp(reinterpret_cast<const char*>(a->ns->href), kXmlNamespace) == 0 &&
        std::strcmp(reinterpret_cast<const char*>(a->name), "id") == 0;
    if (!dsig_id && !xml_id)
      return;
    xmlChar* value = xmlNodeListGetString(doc_, a->children, 1);
    if (value == nullptr)
      return;
    const std::string id = reinterpret_cast<const char*>(value);
    auto [it, inserted] = seen_.emplace(id, element);
    if (!inserted && duplicates_.size() < 8) {
      duplicates_.push_back("Id \"" + id + "\" is defined more than once (" + where(it->second) +
                            " and " + where(element) + ")");
    }
    if (dsig_id && xmlGetID(doc_, value) == nullptr)
      xmlAddID(nullptr, doc_, value, a);
    xmlFree(value);
  }

  xmlDoc* doc_;
  std::unordered_map<std::string, xmlNode*> seen_;
  std::vector<std::string> duplicates_;
};

// The element a same-document reference "#id" names, or null.
xmlNode* resolve(xmlDoc* doc, const std::string& id) {
  xmlAttr* attr = xmlGetID(doc, reinterpret_cast<const xmlChar*>(id.c_str()));
  return attr != nullptr ? attr->parent : nullptr;
}

bool is_ncname(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_'))
    return false;
  for (const char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
      return false;
  }
  return true;
}

std::optional<DigestAlgorithm> digest_algorithm(const std::string& uri) {
  if (uri == kSha256)
    return DigestAlgorithm::kSha256;
  if (uri == "http://www.w3.org/2001/04/xmldsig-more#sha384")
    return DigestAlgorithm::kSha384;
  if (uri == "http://www.w3.org/2001/04/xmlenc#sha512")
    return DigestAlgorithm::kSha512;
  return std::nullopt;
}

std::optional<std::chrono::sys_seconds> parse_xml_time(const std::string& text) {
  std::tm tm{};
  if (strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) == nullptr)
    return std::nullopt;
  return std::chrono::sys_seconds(std::chrono::seconds(timegm(&tm)));
}

std::string algorithm_of(xmlNode* node) {
  return attribute(node, "Algorithm").value_or("");
}

// Why a signature method is refused, for the report.
std::string refused_signature_method(const std::string& uri) {
  if (uri.find("hmac") != std::string::npos)
    return "signature method " + uri +
           " refused: an HMAC is a shared secret, not a seal anyone can verify";
  if (uri.find("sha1") != std::string::npos || uri.find("md5") != std::string::npos)
    return "signature method " + uri + " refused: SHA-1 and MD5 are no longer accepted";
  return "signature method '" + uri +
         "' refused: RSA or ECDSA with SHA-256, SHA-384 or SHA-512 are accepted";
}

// One ds:Reference of SignedInfo as declared.
struct Reference {
  std::string uri;
  std::string type;
  std::vector<std::string> transforms;
};

// The parts of a ds:Signature the XAdES rules look at.
struct SignatureParts {
  xmlNode* signed_info = nullptr;
  xmlNode* value = nullptr;
  xmlNode* key_info = nullptr;
  std::vector<xmlNode*> objects;
};

class SignatureCheck {
 public:
  SignatureCheck(xmlDoc* doc, xmlNode* signature, const TrustStore& anchors,
                 const VerificationOptions& options, std::string_view origin)
      : doc_(doc), signature_(signature), anchors_(anchors), options_(options), origin_(origin) {}

  SignatureReport run(const std::vector<std::string>& duplicate_ids);

 private:
  SignatureReport& fail(Indication indication, SubIndication sub, std::string why) {
    if (report_.sub_indication == SubIndication::kNone) {
      report_.indication = indication;
      report_.sub_indication = sub;
    }
    report_.errors.push_back(std::move(why));
    return report_;
  }
  SignatureReport& format_failure(std::string why) {
    return fail(Indication::kTotalFailed, SubIndication::kFormatFailure, std::move(why));
  }
  bool read_structure();
  bool read_signed_info();
  bool check_references();
  bool find_signed_properties();
  bool find_signer();
  bool verify_core();
  void check_timestamps();
  void check_chain();

  xmlDoc* doc_;
  xmlNode* signature_;
  const TrustStore& anchors_;
  const VerificationOptions& options_;
  std::string_view origin_;
  SignatureReport report_;

  SignatureParts parts_;
  std::vector<Reference> references_;
  xmlNode* qualifying_properties_ = nullptr;
  xmlNode* signed_properties_ = nullptr;
  std::vector<Certificate> certificates_;
  std::optional<Certificate> signer_;
};

bool SignatureCheck::read_structure() {
  if (signature_->parent == nullptr || signature_->parent->type != XML_ELEMENT_NODE) {
    format_failure("the ds:Signature is the document element: there is no document to cover");
    return false;
  }
  if (!attribute(signature_, "Id")) {
    format_failure("ds:Signature without Id: its QualifyingProperties cannot target it");
    return false;
  }
  int position = 0;
  for (xmlNode* c = signature_->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    ++position;
    if (position == 1 && is(c, kDs, "SignedInfo"))
      parts_.signed_info = c;
    else if (position == 2 && is(c, kDs, "SignatureValue"))
      parts_.value = c;
    else if (position == 3 && is(c, kDs, "KeyInfo"))
      parts_.key_info = c;
    else if (position >= 3 && is(c, kDs, "Object"))
      parts_.objects.push_back(c);
    else {
      format_failure("unexpected element in ds:Signature at " + where(c) +
                     " (SignedInfo, SignatureValue, KeyInfo?, Object* expected)");
      return false;
    }
  }
  if (parts_.signed_info == nullptr || parts_.value == nullptr || parts_.key_info == nullptr) {
    format_failure("ds:SignedInfo, ds:SignatureValue or ds:KeyInfo missing");
    return false;
  }
  return true;
}

bool SignatureCheck::read_signed_info() {
  int position = 0;
  for (xmlNode* c = parts_.signed_info->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    ++position;
    if (position == 1) {
      if (!is(c, kDs, "CanonicalizationMethod") || !detail::is_accepted_c14n(algorithm_of(c))) {
        format_failure("canonicalization method '" + algorithm_of(c) +
                       "' refused: C14N 1.0, C14N 1.1 and exclusive C14N are accepted");
        return false;
      }
    } else if (position == 2) {
      if (!is(c, kDs, "SignatureMethod") ||
          !detail::is_accepted_signature_method(algorithm_of(c))) {
        format_failure(refused_signature_method(algorithm_of(c)));
        return false;
      }
    } else if (is(c, kDs, "Reference")) {
      if (references_.size() == kMaxReferences) {
        format_failure("more than " + std::to_string(kMaxReferences) + " references");
        return false;
      }
      Reference r;
      const auto uri = attribute(c, "URI");
      if (!uri) {
        format_failure("ds:Reference without URI at " + where(c));
        return false;
      }
      r.uri = *uri;
      r.type = attribute(c, "Type").value_or("");
      xmlNode* digest_method = nullptr;
      for (xmlNode* part = c->children; part != nullptr; part = part->next) {
        if (is(part, kDs, "Transforms")) {
          for (xmlNode* t = part->children; t != nullptr; t = t->next) {
            if (t->type != XML_ELEMENT_NODE)
              continue;
            if (!is(t, kDs, "Transform") || r.transforms.size() == kMaxTransforms) {
              format_failure("reference '" + r.uri + "': too many or unknown transforms");
              return false;
            }
            r.transforms.push_back(algorithm_of(t));
          }
        } else if (is(part, kDs, "DigestMethod")) {
          digest_method = part;
        }
      }
      if (!detail::is_accepted_digest(algorithm_of(digest_method))) {
        format_failure("reference '" + r.uri + "': digest method '" + algorithm_of(digest_method) +
                       "' refused: SHA-256, SHA-384 and SHA-512 are accepted");
        return false;
      }
      references_.push_back(std::move(r));
    } else {
      format_failure("unexpected element in ds:SignedInfo at " + where(c));
      return false;
    }
  }
  if (position < 2) {
    format_failure("ds:SignedInfo without CanonicalizationMethod or SignatureMethod");
    return false;
  }
  return true;
}

// Only "" (with the enveloped-signature transform first) and "#id"; then at
// most one C14N. Exactly one reference covers the document, exactly one the
// SignedProperties.
bool SignatureCheck::check_references() {
  int whole_document = 0;
  int signed_properties = 0;
  for (const Reference& r : references_) {
    if (!r.uri.empty() && !(r.uri[0] == '#' && is_ncname(std::string_view(r.uri).substr(1)))) {
      format_failure("reference URI '" + r.uri +
                     "' refused: only \"\" (this document) and \"#Id\" (an element of it) are "
                     "accepted; nothing outside the document is read");
      return false;
    }
    std::size_t next = 0;
    if (r.uri.empty()) {
      if (r.transforms.empty() || r.transforms[0] != detail::kEnvelopedSignature) {
        format_failure(
            "reference URI=\"\" without the enveloped-signature transform first: it cannot "
            "cover the document that contains the signature");
        return false;
      }
      next = 1;
      ++whole_document;
    } else if (r.type == kSignedPropertiesType) {
      ++signed_properties;
    }
    for (std::size_t i = next; i < r.transforms.size(); ++i) {
      if (i + 1 != r.transforms.size() || !detail::is_accepted_c14n(r.transforms[i])) {
        format_failure("reference '" + r.uri + "': transform '" + r.transforms[i] +
                       "' refused: enveloped-signature (first, for URI=\"\") then one C14N are "
                       "accepted");
        return false;
      }
    }
    if (!r.uri.empty() && resolve(doc_, r.uri.substr(1)) == nullptr) {
      format_failure("reference '" + r.uri + "' names no element of the document");
      return false;
    }
  }
  if (whole_document != 1) {
    format_failure(whole_document == 0
                       ? "the signature does not cover the document: no reference URI=\"\" with "
                         "the enveloped-signature transform"
                       : "more than one reference URI=\"\"");
    return false;
  }
  if (signed_properties != 1) {
    format_failure("expected exactly one reference of Type " + std::string(kSignedPropertiesType) +
                   ", found " + std::to_string(signed_properties));
    return false;
  }
  return true;
}

// The one QualifyingProperties of this signature (in a ds:Object, targeting
// it) and its SignedProperties, which the SignedProperties reference must
// name: properties anywhere else are not this signature's (wrapping).
bool SignatureCheck::find_signed_properties() {
  std::vector<xmlNode*> found;
  for (xmlNode* object : parts_.objects) {
    for (xmlNode* c = object->children; c != nullptr; c = c->next) {
      if (is(c, kXades, "QualifyingProperties"))
        found.push_back(c);
    }
  }
  if (found.size() != 1) {
    format_failure(std::to_string(found.size()) +
                   " xades:QualifyingProperties in the ds:Object elements of this signature; "
                   "exactly one is expected");
    return false;
  }
  qualifying_properties_ = found.front();
  // Appended piece by piece: "#" + string trips a GCC 12 -O3 -Wrestrict false positive.
  std::string target = "#";
  target += attribute(signature_, "Id").value_or("");
  if (attribute(qualifying_properties_, "Target") != target) {
    format_failure("xades:QualifyingProperties Target is not '" + target + "'");
    return false;
  }
  int count = 0;
  for (xmlNode* c = qualifying_properties_->children; c != nullptr; c = c->next) {
    if (is(c, kXades, "SignedProperties")) {
      signed_properties_ = c;
      ++count;
    }
  }
  if (count != 1) {
    format_failure(std::to_string(count) +
                   " xades:SignedProperties in the QualifyingProperties; exactly one is expected");
    return false;
  }
  for (const Reference& r : references_) {
    if (r.type != kSignedPropertiesType)
      continue;
    xmlNode* referenced = resolve(doc_, r.uri.substr(1));
    if (referenced != signed_properties_) {
      format_failure("the SignedProperties reference '" + r.uri + "' names " + where(referenced) +
                     ", not the xades:SignedProperties of this signature at " +
                     where(signed_properties_));
      return false;
    }
  }
  return true;
}

// The signing certificate: the KeyInfo certificate the signed CertDigest
// (first xades:Cert of SigningCertificateV2) names.
bool SignatureCheck::find_signer() {
  for (xmlNode* data = parts_.key_info->children; data != nullptr; data = data->next) {
    if (!is(data, kDs, "X509Data"))
      continue;
    for (xmlNode* n = data->children; n != nullptr; n = n->next) {
      if (!is(n, kDs, "X509Certificate"))
        continue;
      auto der = unbase64(text_of(n));
      if (!der || certificates_.size() == kMaxCertificates) {
        format_failure("bad or too many ds:X509Certificate at " + where(n));
        return false;
      }
      auto c = Certificate::from_der(*der, origin_);
      if (!c) {
        format_failure(c.error().message);
        return false;
      }
      certificates_.push_back(std::move(*c));
    }
  }
  xmlNode* properties = child(signed_properties_, kXades, "SignedSignatureProperties");
  xmlNode* cert_digest =
      child(child(child(properties, kXades, "SigningCertificateV2"), kXades, "Cert"), kXades,
            "CertDigest");
  const auto algorithm = digest_algorithm(algorithm_of(child(cert_digest, kDs, "DigestMethod")));
  const auto expected = unbase64(text_of(child(cert_digest, kDs, "DigestValue")));
  if (cert_digest == nullptr || !algorithm || !expected) {
    fail(Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
         "no SigningCertificateV2 CertDigest (SHA-256/384/512) in the signed properties");
    return false;
  }
  for (const Certificate& c : certificates_) {
    if (digest(*algorithm, c.der()) == *expected) {
      signer_ = c;
      break;
    }
  }
  if (!signer_) {
    fail(Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
         "no ds:KeyInfo certificate matches the signed CertDigest");
    return false;
  }
  report_.signer_certificate = *signer_;
  report_.signer_subject = signer_->subject();
  report_.organization_identifier = signer_->organization_identifier();
  if (report_.organization_identifier)
    report_.siren = siren_from_organization_identifier(*report_.organization_identifier);
  report_.claimed_signing_time = parse_xml_time(text_of(child(properties, kXades, "SigningTime")));
  return true;
}

bool SignatureCheck::verify_core() {
  const detail::CoreResult core = detail::verify_xmldsig_core(signature_, *signer_);
  using Outcome = detail::CoreResult::Outcome;
  if (core.outcome == Outcome::kDigestMismatch) {
    for (const detail::CoreReference& r : core.references) {
      if (!r.digest_ok) {
        fail(Indication::kTotalFailed, SubIndication::kHashFailure,
             "reference '" + r.uri + "': digest mismatch");
      }
    }
    return false;
  }
  if (core.outcome == Outcome::kSignatureMismatch) {
    fail(Indication::kTotalFailed, SubIndication::kSigCryptoFailure,
         "the signature value does not verify with the signing certificate's key");
    return false;
  }
  if (core.outcome != Outcome::kValid || core.references.size() != references_.size()) {
    format_failure("XML-DSig core validation: " + core.message);
    return false;
  }
  report_.whole_document = true;
  for (const Reference& r : references_) {
    if (r.uri.empty()) {
      report_.scope.push_back(
          "URI=\"\": the whole document without this ds:Signature (enveloped-signature)");
    } else if (r.type == kSignedPropertiesType) {
      report_.scope.push_back(r.uri + ": the xades:SignedProperties of this signature (" +
                              "signing time, signing certificate)");
    } else {
      report_.scope.push_back(r.uri + ": " + where(resolve(doc_, r.uri.substr(1))));
    }
  }
  return true;
}

// The SignatureTimeStamps of this signature's QualifyingProperties, each over
// the canonical ds:SignatureValue (its declared C14N, C14N 1.0 by default).
void SignatureCheck::check_timestamps() {
  xmlNode* unsigned_properties = child(child(qualifying_properties_, kXades, "UnsignedProperties"),
                                       kXades, "UnsignedSignatureProperties");
  for (xmlNode* ts = unsigned_properties ? unsigned_properties->children : nullptr; ts != nullptr;
       ts = ts->next) {
    if (!is(ts, kXades, "SignatureTimeStamp"))
      continue;
    TimestampReport ts_report;
    auto record_failure = [&](SubIndication sub, std::string message) {
      ts_report.indication = Indication::kIndeterminate;
      ts_report.sub_indication = sub;
      ts_report.message = message;
      report_.errors.push_back("signature-time-stamp: " + message);
      report_.indication = Indication::kIndeterminate;
      report_.sub_indication = SubIndication::kSigConstraintsFailure;
    };
    if (report_.timestamps.size() == kMaxTimestamps) {
      record_failure(SubIndication::kFormatFailure, "too many signature-time-stamps");
      report_.timestamps.push_back(std::move(ts_report));
      break;
    }
    xmlNode* method = child(ts, kDs, "CanonicalizationMethod");
    const std::string c14n_method = method ? algorithm_of(method) : kInclusiveC14n;
    const auto value_c14n = detail::is_accepted_c14n(c14n_method)
                                ? c14n(doc_, parts_.value, nullptr, c14n_method)
                                : std::nullopt;
    const auto der = unbase64(text_of(child(ts, kXades, "EncapsulatedTimeStamp")));
    auto token = der ? TimestampToken::parse(*der, origin_)
                     : model::Result<TimestampToken>(
                           error(ErrorCode::kMalformed, origin_, "bad EncapsulatedTimeStamp"));
    if (!value_c14n) {
      record_failure(SubIndication::kFormatFailure,
                     "canonicalization method '" + c14n_method + "' refused");
    } else if (!token) {
      record_failure(SubIndication::kFormatFailure, token.error().message);
    } else {
      const TrustStore& tsa_anchors =
          options_.timestamp_anchors ? *options_.timestamp_anchors : anchors_;
      const TokenCheck check = verify_timestamp_token(*token, as_bytes(*value_c14n), tsa_anchors,
                                                      options_.validation_time);
      ts_report.gen_time = token->gen_time;
      ts_report.serial = token->serial;
      if (token->tsa_certificate)
        ts_report.tsa_subject = token->tsa_certificate->subject();
      if (check.ok()) {
        ts_report.indication = Indication::kTotalPassed;
        if (!report_.best_signature_time || token->gen_time < *report_.best_signature_time)
          report_.best_signature_time = token->gen_time;
      } else {
        record_failure(check.failure == TokenFailure::kHashFailure
                           ? SubIndication::kHashFailure
                           : SubIndication::kSigConstraintsFailure,
                       check.message);
      }
    }
    report_.timestamps.push_back(std::move(ts_report));
  }
}

void SignatureCheck::check_chain() {
  const auto at = report_.best_signature_time.value_or(options_.validation_time);
  std::vector<Certificate> untrusted;
  for (const Certificate& c : certificates_) {
    if (c.der() != signer_->der())
      untrusted.push_back(c);
  }
  for (const CertificateFinding& f : validate_signing_certificate(
           *signer_, untrusted, anchors_, at, report_.best_signature_time.has_value())) {
    if (f.indication != Indication::kTotalPassed)
      fail(f.indication, f.sub_indication, f.message);
  }
}

SignatureReport SignatureCheck::run(const std::vector<std::string>& duplicate_ids) {
  if (!duplicate_ids.empty()) {
    for (const std::string& d : duplicate_ids)
      format_failure(d + ": references by Id would be ambiguous");
    return report_;
  }
  if (!read_structure() || !read_signed_info() || !check_references() ||
      !find_signed_properties() || !find_signer() || !verify_core())
    return report_;
  check_timestamps();
  check_chain();
  if (report_.claimed_signing_time)
    report_.level =
        report_.best_signature_time ? SignatureLevel::kBaselineT : SignatureLevel::kBaselineB;
  if (report_.sub_indication == SubIndication::kNone)
    report_.indication = Indication::kTotalPassed;
  return report_;
}

}  // namespace

model::Result<std::vector<SignatureReport>> verify_xades(std::string_view xml,
                                                         const TrustStore& anchors,
                                                         const VerificationOptions& options,
                                                         std::string_view origin) {
  xml::LibxmlErrorCapture quiet;  // failures become report entries, never stderr output
  auto document = parse(xml, origin);
  if (!document)
    return document.error();
  xmlDoc* doc = document->raw();
  std::vector<xmlNode*> signatures;
  find_signatures(document->root().raw(), signatures);
  if (signatures.empty())
    return error(ErrorCode::kMalformed, origin, "no ds:Signature");
  if (signatures.size() > kMaxSignatures) {
    return error(ErrorCode::kLimitExceeded, origin,
                 std::to_string(signatures.size()) + " ds:Signature elements; the limit is " +
                     std::to_string(kMaxSignatures));
  }
  const IdTable ids(doc);
  std::vector<SignatureReport> reports;
  for (xmlNode* signature : signatures) {
    reports.push_back(
        SignatureCheck(doc, signature, anchors, options, origin).run(ids.duplicates()));
  }
  return reports;
}

}  // namespace einvoice::signing
