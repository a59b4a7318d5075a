#pragma once

// Private to einvoice_xades: what sealing (xades.cpp) and verification
// (xades_verification.cpp) share: namespaces, parsing through formats/xml,
// element look-ups, base64 and canonicalisation with libxml2.

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "formats/xml/xml_document.h"
#include "model/result.h"
#include "signing/digest.h"

namespace einvoice::signing::xades {

inline constexpr const char* kDs = "http://www.w3.org/2000/09/xmldsig#";
inline constexpr const char* kXades = "http://uri.etsi.org/01903/v1.3.2#";
inline constexpr const char* kExcC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
inline constexpr const char* kInclusiveC14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
inline constexpr const char* kSha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
inline constexpr const char* kSignedPropertiesType = "http://uri.etsi.org/01903#SignedProperties";

model::Error error(model::ErrorCode code, std::string_view origin, const std::string& message);

// `xml` parsed by the project's safe parser (no DTD, entities or network;
// size and depth limits) keeping whitespace-only text: it is part of what
// is signed.
model::Result<xml::XmlDocument> parse(std::string_view xml, std::string_view origin);

std::string base64(std::span<const std::uint8_t> data);
// nullopt when not base64 (XML whitespace is ignored).
std::optional<Bytes> unbase64(std::string_view text);

bool is(const xmlNode* node, const char* ns, const char* name);
// First element in document order under `node` and its following siblings
// (inclusive) matching.
xmlNode* find(xmlNode* node, const char* ns, const char* name);
// The first element child of `parent` matching, or null.
xmlNode* child(xmlNode* parent, const char* ns, const char* name);
// First element with attribute Id == `id` under `node` and its siblings.
xmlNode* find_by_id(xmlNode* node, std::string_view id);
std::string text_of(xmlNode* node);
// The attribute without namespace, nullopt when absent.
std::optional<std::string> attribute(xmlNode* node, const char* name);

// The canonical form, by the C14N algorithm `method` (one of the six
// C14N 1.0 / 1.1 / exclusive URIs, with or without comments), of the
// subtree of `include` (null: the whole document) minus the subtree of
// `exclude` (null: nothing). nullopt for another method or a failure.
std::optional<std::string> c14n(xmlDoc* doc, const xmlNode* include, const xmlNode* exclude,
                                const std::string& method = kExcC14n);

}  // namespace einvoice::signing::xades
