#include "formats/xml/libxml_errors.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#include <cstdarg>
#include <cstdio>

namespace einvoice::xml {
namespace {

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return text;
}

void take_structured(void* self, xmlErrorPtr error) {
  if (error != nullptr)
    static_cast<LibxmlErrorCapture*>(self)->take(error->message);
}

void take_generic(void* self, const char* format, ...) {
  if (format == nullptr)
    return;
  char text[512];
  va_list arguments;
  va_start(arguments, format);
  std::vsnprintf(text, sizeof text, format, arguments);
  va_end(arguments);
  static_cast<LibxmlErrorCapture*>(self)->take(text);
}

}  // namespace

LibxmlErrorCapture::LibxmlErrorCapture()
    : structured_(reinterpret_cast<AnyFunction>(xmlStructuredError)),
      structured_context_(xmlStructuredErrorContext),
      generic_(reinterpret_cast<AnyFunction>(xmlGenericError)),
      generic_context_(xmlGenericErrorContext) {
  xmlSetStructuredErrorFunc(this, take_structured);
  xmlSetGenericErrorFunc(this, take_generic);
}

LibxmlErrorCapture::~LibxmlErrorCapture() {
  xmlSetStructuredErrorFunc(structured_context_,
                            reinterpret_cast<xmlStructuredErrorFunc>(structured_));
  xmlSetGenericErrorFunc(generic_context_, reinterpret_cast<xmlGenericErrorFunc>(generic_));
}

void LibxmlErrorCapture::take(const char* message) {
  if (first_.empty() && message != nullptr)
    first_ = trimmed(message);
}

}  // namespace einvoice::xml
