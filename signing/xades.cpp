#include "signing/xades.h"

#include <libxml/tree.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "signing/timestamp_token.h"
#include "signing/xades_support.h"

namespace einvoice::signing {
namespace {

using model::ErrorCode;
using namespace xades;

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

std::string digest_b64(std::string_view data) {
  return base64(digest(DigestAlgorithm::kSha256, as_bytes(data)));
}

}  // namespace

model::Result<std::string> seal_ubl_xades(const Signer& signer, std::string_view ubl,
                                          const XadesOptions& options, std::string_view origin) {
  if (options.level == CadesLevel::kBaselineT && options.timestamp_authority == nullptr)
    return error(ErrorCode::kInvalidArgument, origin, "XAdES B-T needs a timestamp authority");
  auto parsed = parse(ubl, origin);
  if (!parsed)
    return parsed.error();
  xmlDoc* doc = parsed->raw();
  xmlNode* root = parsed->root().raw();

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
  auto fragment_doc = parse(fragment, "signature template");
  if (!fragment_doc)
    return error(ErrorCode::kInternal, origin, "signature template not well-formed");
  xmlNode* fragment_root = fragment_doc->root().raw();

  // UBLExtensions comes first in a UBL document; reuse an existing one.
  constexpr const char* kExt =
      "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
  xmlNode* first_child = root->children;
  while (first_child != nullptr && first_child->type != XML_ELEMENT_NODE)
    first_child = first_child->next;
  if (is(first_child, kExt, "UBLExtensions")) {
    xmlNode* copy = xmlDocCopyNode(xmlFirstElementChild(fragment_root), doc, 1);
    if (copy == nullptr || xmlAddChild(first_child, copy) == nullptr)
      return error(ErrorCode::kInternal, origin, "cannot insert the signature");
  } else {
    xmlNode* copy = xmlDocCopyNode(fragment_root, doc, 1);
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

  const auto document_c14n = c14n(doc, nullptr, signature);
  const auto properties_c14n = c14n(doc, properties, nullptr);
  if (!document_c14n || !properties_c14n)
    return error(ErrorCode::kInternal, origin, "canonicalization failed");
  xmlNode* reference = find(signed_info->children, kDs, "Reference");
  xmlNode* digest_value_1 = find(reference->children, kDs, "DigestValue");
  xmlNode* digest_value_2 = find(reference->next->children, kDs, "DigestValue");
  xmlNodeSetContent(digest_value_1, BAD_CAST digest_b64(*document_c14n).c_str());
  xmlNodeSetContent(digest_value_2, BAD_CAST digest_b64(*properties_c14n).c_str());

  const auto signed_info_c14n = c14n(doc, signed_info, nullptr);
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
    const auto value_c14n = c14n(doc, value, nullptr);
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
  xmlDocDumpMemoryEnc(doc, &out, &size, "UTF-8");
  if (out == nullptr)
    return error(ErrorCode::kInternal, origin, "cannot serialize");
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
  xmlFree(out);
  return result;
}

}  // namespace einvoice::signing
