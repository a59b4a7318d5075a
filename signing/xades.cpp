#include "signing/xades.h"

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstring>
#include <ctime>
#include <memory>

#include "signing/certificate_validation.h"
#include "signing/openssl_support.h"
#include "signing/timestamp_token.h"

namespace einvoice::signing {
namespace {

using model::Error;
using model::ErrorCode;

constexpr const char* kDs = "http://www.w3.org/2000/09/xmldsig#";
constexpr const char* kXades = "http://uri.etsi.org/01903/v1.3.2#";
constexpr const char* kExcC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
constexpr const char* kSha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
constexpr std::size_t kMaxXmlBytes = 64u << 20;

Error error(ErrorCode code, std::string_view origin, const std::string& message) {
  Error e;
  e.code = code;
  e.message = std::string(origin) + ": " + message;
  return e;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

DocPtr parse(std::string_view xml) {
  if (xml.size() > kMaxXmlBytes)
    return nullptr;
  return DocPtr(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

std::string base64(std::span<const std::uint8_t> data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data.data(),
                                static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<Bytes> unbase64(std::string_view text) {
  std::string clean;
  for (const char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
      clean += c;
  }
  if (clean.size() % 4 != 0)
    return std::nullopt;
  Bytes out(clean.size() / 4 * 3 + 1);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(clean.data()),
                                static_cast<int>(clean.size()));
  if (n < 0)
    return std::nullopt;
  std::size_t size = static_cast<std::size_t>(n);
  for (std::size_t i = clean.size(); i > 0 && clean[i - 1] == '='; --i)
    --size;
  out.resize(size);
  return out;
}

bool is(const xmlNode* node, const char* ns, const char* name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), ns) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// First element in document order under `node` (inclusive) matching.
xmlNode* find(xmlNode* node, const char* ns, const char* name) {
  for (; node != nullptr; node = node->next) {
    if (is(node, ns, name))
      return node;
    if (node->type == XML_ELEMENT_NODE) {
      if (xmlNode* found = find(node->children, ns, name))
        return found;
    }
  }
  return nullptr;
}

xmlNode* find_by_id(xmlNode* node, std::string_view id) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE)
      continue;
    for (xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      if (std::strcmp(reinterpret_cast<const char*>(a->name), "Id") == 0 && a->children &&
          a->children->content && id == reinterpret_cast<const char*>(a->children->content)) {
        return node;
      }
    }
    if (xmlNode* found = find_by_id(node->children, id))
      return found;
  }
  return nullptr;
}

std::string text_of(xmlNode* node) {
  if (node == nullptr)
    return {};
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return text;
}

bool inside(const xmlNode* node, const xmlNode* ancestor) {
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor)
      return true;
  }
  return false;
}

// What C14N sees: the subtree of `include` (null: the whole document) minus
// the subtree of `exclude` (null: nothing).
struct Selection {
  const xmlNode* include;
  const xmlNode* exclude;
};

int visible(void* user, xmlNode* node, xmlNode* parent) {
  const auto* s = static_cast<const Selection*>(user);
  const xmlNode* element = (node == nullptr || node->type == XML_NAMESPACE_DECL) ? parent : node;
  if (s->exclude != nullptr && inside(element, s->exclude))
    return 0;
  if (s->include != nullptr && !inside(element, s->include))
    return 0;
  return 1;
}

std::optional<std::string> c14n(xmlDoc* doc, const xmlNode* include, const xmlNode* exclude) {
  Selection selection{include, exclude};
  xmlOutputBuffer* buffer = xmlAllocOutputBuffer(nullptr);
  if (buffer == nullptr)
    return std::nullopt;
  const int rc =
      xmlC14NExecute(doc, visible, &selection, XML_C14N_EXCLUSIVE_1_0, nullptr, 0, buffer);
  std::optional<std::string> out;
  if (rc >= 0) {
    const xmlChar* content = xmlOutputBufferGetContent(buffer);
    out = std::string(reinterpret_cast<const char*>(content), xmlOutputBufferGetSize(buffer));
  }
  xmlOutputBufferClose(buffer);
  return out;
}

std::optional<std::chrono::sys_seconds> parse_xml_time(const std::string& text) {
  std::tm tm{};
  if (strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) == nullptr)
    return std::nullopt;
  return std::chrono::sys_seconds(std::chrono::seconds(timegm(&tm)));
}

bool is_ec(const Certificate& c) {
  return EVP_PKEY_get_base_id(X509_get0_pubkey(c.native())) == EVP_PKEY_EC;
}

// DER ECDSA-Sig-Value <-> r||s (XML-DSig, RFC 4050) for P-256.
std::optional<Bytes> der_to_raw(const Bytes& der, std::size_t half) {
  const unsigned char* p = der.data();
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (sig == nullptr)
    return std::nullopt;
  Bytes raw(2 * half);
  const bool ok =
      BN_bn2binpad(ECDSA_SIG_get0_r(sig), raw.data(), static_cast<int>(half)) > 0 &&
      BN_bn2binpad(ECDSA_SIG_get0_s(sig), raw.data() + half, static_cast<int>(half)) > 0;
  ECDSA_SIG_free(sig);
  return ok ? std::optional<Bytes>(raw) : std::nullopt;
}

std::optional<Bytes> raw_to_der(const Bytes& raw) {
  if (raw.empty() || raw.size() % 2 != 0)
    return std::nullopt;
  const int half = static_cast<int>(raw.size() / 2);
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(raw.data(), half, nullptr);
  BIGNUM* s = BN_bin2bn(raw.data() + half, half, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return std::nullopt;
  }
  unsigned char* out = nullptr;
  const int n = i2d_ECDSA_SIG(sig, &out);
  ECDSA_SIG_free(sig);
  if (n <= 0)
    return std::nullopt;
  Bytes der(out, out + n);
  OPENSSL_free(out);
  return der;
}

std::string digest_b64(std::string_view data) {
  return base64(digest(DigestAlgorithm::kSha256, as_bytes(data)));
}

}  // namespace

model::Result<std::string> seal_ubl_xades(const Signer& signer, std::string_view ubl,
                                          const XadesOptions& options, std::string_view origin) {
  if (options.level == CadesLevel::kBaselineT && options.timestamp_authority == nullptr)
    return error(ErrorCode::kInvalidArgument, origin, "XAdES B-T needs a timestamp authority");
  DocPtr doc = parse(ubl);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr)
    return error(ErrorCode::kMalformed, origin, "not well-formed XML");

  const Certificate& cert = signer.certificate();
  const bool ec = is_ec(cert);
  // Ids must be unique in the document: a second seal gets "xades-seal-2"...
  std::string id = "xades-seal";
  for (int n = 2; find_by_id(root, id) != nullptr; ++n)
    id = "xades-seal-" + std::to_string(n);
  std::string fragment =
      "<ext:UBLExtensions "
      "xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2\">"
      "<ext:UBLExtension "
      "xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2\">"
      "<ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</"
      "ext:ExtensionURI><ext:ExtensionContent>"
      "<sig:UBLDocumentSignatures "
      "xmlns:sig=\"urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2\" "
      "xmlns:sac=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2\" "
      "xmlns:sbc=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2\" "
      "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
      "<sac:SignatureInformation><cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>"
      "<sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</"
      "sbc:ReferencedSignatureID>"
      "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"" +
      id + "\"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"" + kExcC14n +
      "\"/><ds:SignatureMethod Algorithm=\"" +
      (ec ? "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
          : "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256") +
      "\"/><ds:Reference Id=\"" + id +
      "-ref-document\" URI=\"\"><ds:Transforms><ds:Transform "
      "Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/><ds:Transform "
      "Algorithm=\"" +
      kExcC14n + "\"/></ds:Transforms><ds:DigestMethod Algorithm=\"" + kSha256 +
      "\"/><ds:DigestValue/></ds:Reference><ds:Reference "
      "Type=\"http://uri.etsi.org/01903#SignedProperties\" URI=\"#" +
      id + "-signed-properties\"><ds:Transforms><ds:Transform Algorithm=\"" + kExcC14n +
      "\"/></ds:Transforms><ds:DigestMethod Algorithm=\"" + kSha256 +
      "\"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue Id=\"" + id +
      "-value\"/><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + base64(cert.der()) +
      "</ds:X509Certificate>";
  for (const Certificate& c : signer.chain())
    fragment += "<ds:X509Certificate>" + base64(c.der()) + "</ds:X509Certificate>";
  fragment += "</ds:X509Data></ds:KeyInfo><ds:Object><xades:QualifyingProperties xmlns:xades=\"" +
              std::string(kXades) + "\" Target=\"#" + id + "\"><xades:SignedProperties Id=\"" + id +
              "-signed-properties\"><xades:SignedSignatureProperties><xades:SigningTime>" +
              iso8601_utc(options.signing_time) +
              "</xades:SigningTime><xades:SigningCertificateV2><xades:Cert><xades:CertDigest>"
              "<ds:DigestMethod Algorithm=\"" +
              kSha256 + "\"/><ds:DigestValue>" +
              base64(digest(DigestAlgorithm::kSha256, cert.der())) +
              "</ds:DigestValue></xades:CertDigest></xades:Cert></xades:SigningCertificateV2>"
              "</xades:SignedSignatureProperties></xades:SignedProperties>";
  if (options.level == CadesLevel::kBaselineT) {
    fragment +=
        "<xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:SignatureTimeStamp "
        "Id=\"" +
        id + "-signature-time-stamp\"><ds:CanonicalizationMethod Algorithm=\"" + kExcC14n +
        "\"/><xades:EncapsulatedTimeStamp/></xades:SignatureTimeStamp>"
        "</xades:UnsignedSignatureProperties></xades:UnsignedProperties>";
  }
  fragment +=
      "</xades:QualifyingProperties></ds:Object></ds:Signature></sac:SignatureInformation>"
      "</sig:UBLDocumentSignatures></ext:ExtensionContent></ext:UBLExtension>"
      "</ext:UBLExtensions>";
  DocPtr fragment_doc = parse(fragment);
  if (!fragment_doc)
    return error(ErrorCode::kInternal, origin, "signature template not well-formed");
  xmlNode* fragment_root = xmlDocGetRootElement(fragment_doc.get());

  // UBLExtensions comes first in a UBL document; reuse an existing one.
  constexpr const char* kExt =
      "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
  xmlNode* first_child = root->children;
  while (first_child != nullptr && first_child->type != XML_ELEMENT_NODE)
    first_child = first_child->next;
  if (is(first_child, kExt, "UBLExtensions")) {
    xmlNode* copy = xmlDocCopyNode(xmlFirstElementChild(fragment_root), doc.get(), 1);
    if (copy == nullptr || xmlAddChild(first_child, copy) == nullptr)
      return error(ErrorCode::kInternal, origin, "cannot insert the signature");
  } else {
    xmlNode* copy = xmlDocCopyNode(fragment_root, doc.get(), 1);
    const bool added =
        copy != nullptr && (first_child != nullptr ? xmlAddPrevSibling(first_child, copy) != nullptr
                                                   : xmlAddChild(root, copy) != nullptr);
    if (!added)
      return error(ErrorCode::kInternal, origin, "cannot insert the signature");
  }
  xmlNode* signature = find_by_id(root, id);
  xmlNode* signed_info = find(signature ? signature->children : nullptr, kDs, "SignedInfo");
  xmlNode* value = find_by_id(root, id + "-value");
  xmlNode* properties = find_by_id(root, id + "-signed-properties");
  if (signature == nullptr || signed_info == nullptr || value == nullptr || properties == nullptr)
    return error(ErrorCode::kInternal, origin, "signature template incomplete");

  const auto document_c14n = c14n(doc.get(), nullptr, signature);
  const auto properties_c14n = c14n(doc.get(), properties, nullptr);
  if (!document_c14n || !properties_c14n)
    return error(ErrorCode::kInternal, origin, "canonicalization failed");
  xmlNode* reference = find(signed_info->children, kDs, "Reference");
  xmlNode* digest_value_1 = find(reference->children, kDs, "DigestValue");
  xmlNode* digest_value_2 = find(reference->next->children, kDs, "DigestValue");
  xmlNodeSetContent(digest_value_1, BAD_CAST digest_b64(*document_c14n).c_str());
  xmlNodeSetContent(digest_value_2, BAD_CAST digest_b64(*properties_c14n).c_str());

  const auto signed_info_c14n = c14n(doc.get(), signed_info, nullptr);
  if (!signed_info_c14n)
    return error(ErrorCode::kInternal, origin, "canonicalization failed");
  auto signature_value = signer.sign(DigestAlgorithm::kSha256, as_bytes(*signed_info_c14n));
  if (!signature_value)
    return signature_value.error();
  Bytes encoded = *signature_value;
  if (ec) {
    const int bits = EVP_PKEY_get_bits(X509_get0_pubkey(cert.native()));
    auto raw = der_to_raw(encoded, static_cast<std::size_t>((bits + 7) / 8));
    if (!raw)
      return error(ErrorCode::kInternal, origin, "ECDSA signature not decodable");
    encoded = *raw;
  }
  xmlNodeSetContent(value, BAD_CAST base64(encoded).c_str());

  if (options.level == CadesLevel::kBaselineT) {
    const auto value_c14n = c14n(doc.get(), value, nullptr);
    if (!value_c14n)
      return error(ErrorCode::kInternal, origin, "canonicalization failed");
    auto token = request_timestamp(*options.timestamp_authority, as_bytes(*value_c14n));
    if (!token)
      return token.error();
    xmlNode* encapsulated = find(signature->children, kXades, "EncapsulatedTimeStamp");
    xmlNodeSetContent(encapsulated, BAD_CAST base64(token->der).c_str());
  }

  xmlChar* out = nullptr;
  int size = 0;
  xmlDocDumpMemoryEnc(doc.get(), &out, &size, "UTF-8");
  if (out == nullptr)
    return error(ErrorCode::kInternal, origin, "cannot serialize");
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
  xmlFree(out);
  return result;
}

namespace {

// Every ds:Signature under `node` (inclusive), in document order; signatures
// are not searched inside signatures.
void find_signatures(xmlNode* node, std::vector<xmlNode*>& out) {
  for (; node != nullptr; node = node->next) {
    if (is(node, kDs, "Signature"))
      out.push_back(node);
    else if (node->type == XML_ELEMENT_NODE)
      find_signatures(node->children, out);
  }
}

// An element with Id `id`: inside `signature` first, else anywhere in `root`.
xmlNode* find_reference_target(xmlNode* root, xmlNode* signature, std::string_view id) {
  if (xmlNode* inside = find_by_id(signature->children, id))
    return inside;
  return find_by_id(root, id);
}

// The verdict on one ds:Signature of `doc`.
SignatureReport verify_signature(xmlDoc* doc, xmlNode* root, xmlNode* signature,
                                 const TrustStore& anchors, const VerificationOptions& options,
                                 std::string_view origin) {
  SignatureReport report;
  auto fail = [&](Indication indication, SubIndication sub, std::string why) {
    if (report.sub_indication == SubIndication::kNone) {
      report.indication = indication;
      report.sub_indication = sub;
    }
    report.errors.push_back(std::move(why));
    return report;
  };
  xmlNode* signed_info = find(signature->children, kDs, "SignedInfo");
  xmlNode* value = find(signature->children, kDs, "SignatureValue");
  xmlNode* certificate_node = find(signature->children, kDs, "X509Certificate");
  if (signed_info == nullptr || value == nullptr || certificate_node == nullptr)
    return fail(Indication::kTotalFailed, SubIndication::kFormatFailure,
                "ds:SignedInfo, ds:SignatureValue or ds:X509Certificate missing");

  std::vector<Certificate> certificates;
  for (xmlNode* n = certificate_node; n != nullptr; n = n->next) {
    if (!is(n, kDs, "X509Certificate"))
      continue;
    auto der = unbase64(text_of(n));
    if (!der)
      return fail(Indication::kTotalFailed, SubIndication::kFormatFailure, "bad X509Certificate");
    auto c = Certificate::from_der(*der, origin);
    if (!c)
      return fail(Indication::kTotalFailed, SubIndication::kFormatFailure, c.error().message);
    certificates.push_back(*c);
  }
  const Certificate& cert = certificates.front();
  report.signer_certificate = cert;
  report.signer_subject = cert.subject();
  report.organization_identifier = cert.organization_identifier();
  if (report.organization_identifier)
    report.siren = siren_from_organization_identifier(*report.organization_identifier);

  // References.
  bool has_signed_properties = false;
  for (xmlNode* r = signed_info->children; r != nullptr; r = r->next) {
    if (!is(r, kDs, "Reference"))
      continue;
    const std::string uri = attribute(r, "URI");
    xmlNode* method = find(r->children, kDs, "DigestMethod");
    if (method == nullptr || attribute(method, "Algorithm") != kSha256)
      return fail(Indication::kTotalFailed, SubIndication::kFormatFailure,
                  "reference '" + uri + "': digest method other than SHA-256");
    std::optional<std::string> canonical;
    if (uri.empty()) {
      canonical = c14n(doc, nullptr, signature);
    } else if (uri.front() == '#') {
      xmlNode* target = find_reference_target(root, signature, uri.substr(1));
      if (target == nullptr)
        return fail(Indication::kTotalFailed, SubIndication::kFormatFailure,
                    "reference '" + uri + "' names no element");
      if (is(target, kXades, "SignedProperties"))
        has_signed_properties = true;
      canonical = c14n(doc, target, nullptr);
    } else {
      return fail(Indication::kTotalFailed, SubIndication::kFormatFailure,
                  "external reference '" + uri + "' not supported");
    }
    if (!canonical || text_of(find(r->children, kDs, "DigestValue")) != digest_b64(*canonical))
      return fail(Indication::kTotalFailed, SubIndication::kHashFailure,
                  "reference '" + uri + "': digest mismatch");
  }

  // Signature value.
  const auto signed_info_c14n = c14n(doc, signed_info, nullptr);
  auto signature_bytes = unbase64(text_of(value));
  if (!signed_info_c14n || !signature_bytes)
    return fail(Indication::kTotalFailed, SubIndication::kFormatFailure, "bad ds:SignatureValue");
  if (is_ec(cert)) {
    auto der = raw_to_der(*signature_bytes);
    if (!der)
      return fail(Indication::kTotalFailed, SubIndication::kSigCryptoFailure,
                  "bad ECDSA signature value");
    signature_bytes = *der;
  }
  {
    detail::EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok =
        ctx &&
        EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr,
                             X509_get0_pubkey(cert.native())) == 1 &&
        EVP_DigestVerify(ctx.get(), signature_bytes->data(), signature_bytes->size(),
                         reinterpret_cast<const unsigned char*>(signed_info_c14n->data()),
                         signed_info_c14n->size()) == 1;
    if (!ok)
      return fail(Indication::kTotalFailed, SubIndication::kSigCryptoFailure,
                  "the signature value does not verify with the certificate's key");
  }

  // Signed properties.
  xmlNode* cert_digest = find(signature->children, kXades, "CertDigest");
  if (!has_signed_properties || cert_digest == nullptr ||
      text_of(find(cert_digest->children, kDs, "DigestValue")) !=
          base64(digest(DigestAlgorithm::kSha256, cert.der()))) {
    return fail(Indication::kIndeterminate, SubIndication::kNoSigningCertificateFound,
                "SigningCertificateV2 absent, unsigned or not the KeyInfo certificate");
  }
  report.claimed_signing_time =
      parse_xml_time(text_of(find(signature->children, kXades, "SigningTime")));

  // Signature timestamp.
  for (xmlNode* ts = find(signature->children, kXades, "EncapsulatedTimeStamp"); ts != nullptr;
       ts = nullptr) {
    TimestampReport ts_report;
    auto der = unbase64(text_of(ts));
    const auto value_c14n = c14n(doc, value, nullptr);
    auto token = der ? TimestampToken::parse(*der, origin)
                     : model::Result<TimestampToken>(
                           error(ErrorCode::kMalformed, origin, "bad EncapsulatedTimeStamp"));
    if (!token || !value_c14n) {
      ts_report.indication = Indication::kTotalFailed;
      ts_report.sub_indication = SubIndication::kFormatFailure;
      ts_report.message = token ? "canonicalization failed" : token.error().message;
    } else {
      const TrustStore& tsa_anchors =
          options.timestamp_anchors ? *options.timestamp_anchors : anchors;
      const TokenCheck check = verify_timestamp_token(*token, as_bytes(*value_c14n), tsa_anchors,
                                                      options.validation_time);
      ts_report.gen_time = token->gen_time;
      ts_report.serial = token->serial;
      if (token->tsa_certificate)
        ts_report.tsa_subject = token->tsa_certificate->subject();
      if (check.ok()) {
        ts_report.indication = Indication::kTotalPassed;
        report.best_signature_time = token->gen_time;
      } else {
        ts_report.sub_indication = check.failure == TokenFailure::kHashFailure
                                       ? SubIndication::kHashFailure
                                       : SubIndication::kSigConstraintsFailure;
        ts_report.indication = Indication::kIndeterminate;
        ts_report.message = check.message;
        report.errors.push_back("signature-time-stamp: " + check.message);
        report.indication = Indication::kIndeterminate;
        report.sub_indication = SubIndication::kSigConstraintsFailure;
      }
    }
    report.timestamps.push_back(std::move(ts_report));
  }

  // Chain.
  const auto at = report.best_signature_time.value_or(options.validation_time);
  std::vector<Certificate> untrusted(certificates.begin() + 1, certificates.end());
  for (const CertificateFinding& f : validate_signing_certificate(
           cert, untrusted, anchors, at, report.best_signature_time.has_value())) {
    if (f.indication != Indication::kTotalPassed)
      fail(f.indication, f.sub_indication, f.message);
  }
  if (report.claimed_signing_time)
    report.level =
        report.best_signature_time ? SignatureLevel::kBaselineT : SignatureLevel::kBaselineB;
  if (report.sub_indication == SubIndication::kNone)
    report.indication = Indication::kTotalPassed;
  return report;
}

}  // namespace

model::Result<std::vector<SignatureReport>> verify_xades(std::string_view xml,
                                                         const TrustStore& anchors,
                                                         const VerificationOptions& options,
                                                         std::string_view origin) {
  DocPtr doc = parse(xml);
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr)
    return error(ErrorCode::kMalformed, origin, "not well-formed XML");
  std::vector<xmlNode*> signatures;
  find_signatures(root, signatures);
  if (signatures.empty())
    return error(ErrorCode::kMalformed, origin, "no ds:Signature");
  std::vector<SignatureReport> reports;
  for (xmlNode* signature : signatures)
    reports.push_back(verify_signature(doc.get(), root, signature, anchors, options, origin));
  return reports;
}

}  // namespace einvoice::signing
