#include "formats/xsd/schema_validator.h"

#include <mutex>
#include <optional>
#include <string>
#include <vector>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/framework/XMLGrammarPoolImpl.hpp>
#include <xercesc/sax/EntityResolver.hpp>
#include <xercesc/sax/ErrorHandler.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/OutOfMemoryException.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/util/TransService.hpp>
#include <xercesc/util/XMLString.hpp>
#include <xercesc/validators/common/Grammar.hpp>
#include <xercesc/validators/schema/ComplexTypeInfo.hpp>
#include <xercesc/validators/schema/SchemaGrammar.hpp>

#include "formats/xsd/element_depth.h"
#include "formats/xsd/validation_count.h"

namespace einvoice::xsd {
namespace {

namespace x = XERCES_CPP_NAMESPACE;

// True when a DOCTYPE appears before the root element. SAX2 has no switch to
// forbid DTDs, so they are refused here, before Xerces sees the document.
bool has_doctype(std::string_view xml) {
  std::size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string_view::npos) {
    std::string_view rest = xml.substr(pos);
    if (rest.substr(0, 9) == "<!DOCTYPE")
      return true;
    if (rest.substr(0, 4) == "<!--") {
      pos = xml.find("-->", pos);
      if (pos == std::string_view::npos)
        return false;
      continue;
    }
    if (rest.substr(0, 2) == "<?") {
      ++pos;
      continue;
    }
    return false;  // the root element starts: no DOCTYPE can follow
  }
  return false;
}
using model::Error;
using model::ErrorCode;

// Xerces is initialised once per process and never terminated: validators
// may live in static storage, and terminating under them would crash.
void ensure_xerces() {
  static const bool initialised = [] {
    x::XMLPlatformUtils::Initialize();
    return true;
  }();
  (void)initialised;
}

std::string utf8(const XMLCh* text) {
  if (!text)
    return {};
  x::TranscodeToStr out(text, "UTF-8");
  return std::string(reinterpret_cast<const char*>(out.str()), out.length());
}

// Owns an XMLCh* from XMLString::transcode.
class XmlString {
 public:
  explicit XmlString(const std::string& text) : text_(x::XMLString::transcode(text.c_str())) {}
  ~XmlString() { x::XMLString::release(&text_); }
  XmlString(const XmlString&) = delete;
  XmlString& operator=(const XmlString&) = delete;
  const XMLCh* get() const { return text_; }

 private:
  XMLCh* text_;
};

// Collects Xerces' warnings and errors as diagnostics.
class CollectingHandler final : public x::DefaultHandler {
 public:
  explicit CollectingHandler(std::string document_name) : name_(std::move(document_name)) {}

  void warning(const x::SAXParseException& e) override { add(e, model::Severity::kWarning); }
  void error(const x::SAXParseException& e) override { add(e, model::Severity::kFatal); }
  void fatalError(const x::SAXParseException& e) override { add(e, model::Severity::kFatal); }

  XsdReport take() { return std::move(report_); }

 private:
  void add(const x::SAXParseException& e, model::Severity severity) {
    model::Diagnostic d;
    d.rule_id = "XSD";
    d.severity = severity;
    d.message = utf8(e.getMessage());
    // Documents' xsi:schemaLocation hints are never used (the official
    // grammars are), so a malformed hint is only worth a warning.
    if (d.message.find("schemaLocation") != std::string::npos) {
      d.severity = severity = model::Severity::kWarning;
      d.message = "xsi:schemaLocation hint ignored: " + d.message;
    }
    d.location.file = name_;
    d.location.line = static_cast<int>(e.getLineNumber());
    d.location.column = static_cast<int>(e.getColumnNumber());
    for (const auto& seen : report_.issues) {
      if (seen.location == d.location && seen.message == d.message)
        return;  // Xerces repeats some
    }
    if (severity == model::Severity::kFatal)
      report_.valid = false;
    // A document with thousands of errors says enough with the first hundred.
    if (report_.issues.size() < 100)
      report_.issues.push_back(std::move(d));
  }

  std::string name_;
  XsdReport report_;
};

// Refuses every external entity a document might name (belt and braces:
// DOCTYPEs are already disallowed and schema hints ignored).
class RefusingResolver final : public x::EntityResolver {
 public:
  x::InputSource* resolveEntity(const XMLCh*, const XMLCh* system_id) override {
    throw x::SAXException(("external resource refused: " + utf8(system_id)).c_str());
  }
};

std::unique_ptr<x::SAX2XMLReader> make_parser(x::XMLGrammarPool* pool) {
  std::unique_ptr<x::SAX2XMLReader> parser(
      x::XMLReaderFactory::createXMLReader(x::XMLPlatformUtils::fgMemoryManager, pool));
  // The schema-only scanner: no DTD machinery (DTDs are refused anyway).
  parser->setProperty(x::XMLUni::fgXercesScannerName,
                      const_cast<XMLCh*>(x::XMLUni::fgSGXMLScanner));
  parser->setFeature(x::XMLUni::fgSAX2CoreNameSpaces, true);
  parser->setFeature(x::XMLUni::fgSAX2CoreNameSpacePrefixes, false);
  parser->setFeature(x::XMLUni::fgSAX2CoreValidation, true);
  parser->setFeature(x::XMLUni::fgXercesDynamic, false);
  parser->setFeature(x::XMLUni::fgXercesSchema, true);
  parser->setFeature(x::XMLUni::fgXercesSchemaFullChecking, false);
  parser->setFeature(x::XMLUni::fgXercesHandleMultipleImports, true);
  parser->setFeature(x::XMLUni::fgXercesLoadExternalDTD, false);
  // The official schemas declare no identity constraints (key, keyref,
  // unique), so their checking would only cost time.
  parser->setFeature(x::XMLUni::fgXercesIdentityConstraintChecking, false);
  return parser;
}

}  // namespace

// One schema set: its locked grammar pool and a free list of validating
// parsers bound to it. Creating a Xerces parser costs more than validating a
// small invoice, so parsers are reused: a validate() call takes one from the
// free list (or makes one) and gives it back when done. Parsers are destroyed
// before the pool they use (member order).
struct SchemaValidator::LoadedSchema {
  std::unique_ptr<x::XMLGrammarPool> pool;
  std::optional<Error> error;  // set when loading failed

  std::mutex idle_mutex;
  std::vector<std::unique_ptr<x::SAX2XMLReader>> idle;  // guarded by idle_mutex

  std::unique_ptr<x::SAX2XMLReader> acquire() {
    {
      std::lock_guard<std::mutex> lock(idle_mutex);
      if (!idle.empty()) {
        auto parser = std::move(idle.back());
        idle.pop_back();
        return parser;
      }
    }
    auto parser = make_parser(pool.get());
    parser->setFeature(x::XMLUni::fgXercesUseCachedGrammarInParse, true);
    parser->setFeature(x::XMLUni::fgXercesCacheGrammarFromParse, false);
    parser->setFeature(x::XMLUni::fgXercesLoadSchema, false);
    parser->setFeature(x::XMLUni::fgXercesDisableDefaultEntityResolution, true);
    return parser;
  }
  void release(std::unique_ptr<x::SAX2XMLReader> parser) {
    parser->setErrorHandler(nullptr);
    parser->setEntityResolver(nullptr);
    parser->setProperty(x::XMLUni::fgXercesSecurityManager, nullptr);
    std::lock_guard<std::mutex> lock(idle_mutex);
    idle.push_back(std::move(parser));
  }
  ~LoadedSchema() { idle.clear(); }
};

SchemaValidator::SchemaValidator(std::filesystem::path schema_directory, std::size_t max_bytes,
                                 int max_depth)
    : directory_(std::move(schema_directory)), max_bytes_(max_bytes), max_depth_(max_depth) {
  ensure_xerces();
}

namespace {

// Xerces builds the content model of a complex type lazily, on the first
// document that uses it, and caches it in the shared grammar: two threads
// meeting a type for the first time at once would race (and leak one model).
// Building every model once, before the pool is shared, makes validation
// read-only on the grammars.
void build_content_models(x::XMLGrammarPool& pool) {
  auto grammars = pool.getGrammarEnumerator();
  while (grammars.hasMoreElements()) {
    x::Grammar& grammar = grammars.nextElement();
    if (grammar.getGrammarType() != x::Grammar::SchemaGrammarType)
      continue;
    auto& schema = static_cast<x::SchemaGrammar&>(grammar);
    if (x::RefHashTableOf<x::ComplexTypeInfo>* types = schema.getComplexTypeRegistry()) {
      x::RefHashTableOfEnumerator<x::ComplexTypeInfo> each(types);
      while (each.hasMoreElements())
        each.nextElement().getContentModel();
    }
    auto elements = schema.getElemEnumerator();
    while (elements.hasMoreElements()) {
      if (x::ComplexTypeInfo* type = elements.nextElement().getComplexTypeInfo())
        type->getContentModel();
    }
  }
}

}  // namespace

SchemaValidator::~SchemaValidator() = default;

SchemaValidator::LoadedSchema& SchemaValidator::load(SchemaId schema) const {
  auto index = static_cast<std::size_t>(schema);
  std::call_once(once_[index], [&] {
    auto loaded = std::make_unique<LoadedSchema>();
    loaded->pool = std::make_unique<x::XMLGrammarPoolImpl>(x::XMLPlatformUtils::fgMemoryManager);
    try {
      auto parser = make_parser(loaded->pool.get());
      for (const auto& relative : schema_files(schema)) {
        std::filesystem::path file = directory_ / relative;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
          loaded->error = Error{ErrorCode::kIo,
                                std::string("schema file of ") + to_string(schema) + " not found",
                                {file.string(), "", 0, 0}};
          break;
        }
        CollectingHandler handler(file.string());
        parser->setErrorHandler(&handler);
        XmlString path(file.string());
        x::Grammar* grammar = parser->loadGrammar(path.get(), x::Grammar::SchemaGrammarType, true);
        XsdReport report = handler.take();
        if (!grammar || !report.valid) {
          std::string why = report.issues.empty() ? "unknown error" : report.issues[0].message;
          loaded->error = Error{
              ErrorCode::kInternal,
              std::string("cannot load ") + to_string(schema) + ": " + why,
              {file.string(), "", report.issues.empty() ? 0 : report.issues[0].location.line, 0}};
          break;
        }
      }
      if (!loaded->error) {
        build_content_models(*loaded->pool);
        loaded->pool->lockPool();
      }
    } catch (const x::XMLException& e) {
      loaded->error =
          Error{ErrorCode::kInternal,
                std::string("cannot load ") + to_string(schema) + ": " + utf8(e.getMessage()),
                {directory_.string(), "", 0, 0}};
    } catch (const x::OutOfMemoryException&) {
      loaded->error = Error{ErrorCode::kInternal, "out of memory loading schemas", {}};
    } catch (...) {
      loaded->error =
          Error{ErrorCode::kInternal, std::string("cannot load ") + to_string(schema), {}};
    }
    loaded_[index] = std::move(loaded);
  });
  return *loaded_[index];
}

model::Status SchemaValidator::preload(SchemaId schema) const {
  const LoadedSchema& loaded = load(schema);
  if (loaded.error)
    return *loaded.error;
  return model::Status::Ok();
}

namespace {
thread_local std::uint64_t validations = 0;
}  // namespace

std::uint64_t validations_on_this_thread() {
  return validations;
}

model::Result<XsdReport> SchemaValidator::validate(std::string_view xml, SchemaId schema,
                                                   std::string_view document_name) const {
  ++validations;
  std::string name(document_name);
  if (xml.size() > max_bytes_) {
    return Error{ErrorCode::kLimitExceeded,
                 "document is " + std::to_string(xml.size()) + " bytes; the limit is " +
                     std::to_string(max_bytes_) + " bytes",
                 {name, "", 0, 0}};
  }
  if (auto excess = find_excess_depth(xml, max_depth_)) {
    return Error{ErrorCode::kLimitExceeded,
                 "elements nest deeper than " + std::to_string(max_depth_) +
                     " levels; the XML is refused before schema validation",
                 {name, "", excess->line, excess->column}};
  }
  LoadedSchema& loaded = load(schema);
  if (loaded.error)
    return *loaded.error;
  if (has_doctype(xml)) {
    XsdReport refused;
    refused.valid = false;
    refused.issues.push_back({"XSD",
                              model::Severity::kFatal,
                              "a DOCTYPE declaration is not allowed (DTDs and entities are "
                              "refused for safety)",
                              "",
                              {name, "", 1, 0}});
    return refused;
  }

  CollectingHandler handler(name);
  RefusingResolver resolver;
  x::SecurityManager security;
  security.setEntityExpansionLimit(100);
  LoadedSchema& schema_set = loaded;
  std::unique_ptr<x::SAX2XMLReader> parser;
  // Gives the parser back on every path out of this function; a parser whose
  // parse threw is discarded rather than reused.
  struct Lease {
    LoadedSchema& owner;
    std::unique_ptr<x::SAX2XMLReader>& parser;
    bool reusable = false;
    ~Lease() {
      if (parser && reusable)
        owner.release(std::move(parser));
    }
  } lease{schema_set, parser};
  try {
    parser = schema_set.acquire();
    parser->setProperty(x::XMLUni::fgXercesSecurityManager, &security);
    parser->setErrorHandler(&handler);
    parser->setEntityResolver(&resolver);
    x::MemBufInputSource source(reinterpret_cast<const XMLByte*>(xml.data()), xml.size(),
                                name.c_str(), false);
    parser->parse(source);
    lease.reusable = true;
  } catch (const x::SAXParseException&) {
    // Already reported to the handler as a fatal error.
  } catch (const x::XMLException& e) {
    model::Diagnostic d{"XSD",
                        model::Severity::kFatal,
                        utf8(e.getMessage()),
                        "",
                        {name, "", static_cast<int>(e.getSrcLine()), 0}};
    XsdReport report = handler.take();
    report.valid = false;
    report.issues.push_back(std::move(d));
    return report;
  } catch (const x::SAXException& e) {
    XsdReport report = handler.take();
    report.valid = false;
    report.issues.push_back(
        {"XSD", model::Severity::kFatal, utf8(e.getMessage()), "", {name, "", 0, 0}});
    return report;
  } catch (const x::OutOfMemoryException&) {
    return Error{
        ErrorCode::kLimitExceeded, "out of memory validating the document", {name, "", 0, 0}};
  } catch (...) {
    return Error{
        ErrorCode::kInternal, "unexpected failure validating the document", {name, "", 0, 0}};
  }
  return handler.take();
}

model::Result<XsdReport> SchemaValidator::validate_detected(std::string_view xml,
                                                            std::string_view document_name) const {
  // The root element's namespace decides; a light scan is enough because the
  // full validation that follows catches anything this scan misreads.
  constexpr std::string_view kCii = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
  constexpr std::string_view kUblInvoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
  constexpr std::string_view kUblCreditNote =
      "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
  std::size_t pos = 0;
  // Skip the prolog: declaration, comments, processing instructions.
  for (;;) {
    pos = xml.find('<', pos);
    if (pos == std::string_view::npos)
      break;
    if (xml.substr(pos, 2) == "<?" || xml.substr(pos, 2) == "<!") {
      ++pos;
      continue;
    }
    break;
  }
  std::string_view root_tag;
  if (pos != std::string_view::npos) {
    std::size_t end = xml.find('>', pos);
    root_tag = xml.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
  }
  if (root_tag.find(kCii) != std::string_view::npos) {
    return validate(xml, SchemaId::kCiiD16B, document_name);
  }
  if (root_tag.find(kUblInvoice) != std::string_view::npos ||
      root_tag.find(kUblCreditNote) != std::string_view::npos) {
    return validate(xml, SchemaId::kUbl21, document_name);
  }
  return Error{ErrorCode::kUnsupported,
               "the root element is neither CII CrossIndustryInvoice nor UBL 2.1 Invoice or "
               "CreditNote, so no schema applies",
               {std::string(document_name), "", 0, 0}};
}

}  // namespace einvoice::xsd
