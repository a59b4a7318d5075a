#pragma once

#include <string>

namespace einvoice::xml {

// Takes libxml2's error messages on this thread while it lives, so that none
// reaches stderr (libxml2 prints what its callers do not take: encoding
// failures, canonicalisation errors), keeping the first one for the caller's
// own report. The previous handlers are restored on destruction. Not
// copyable; one per scope of libxml2 calls.
class LibxmlErrorCapture {
 public:
  LibxmlErrorCapture();
  ~LibxmlErrorCapture();
  LibxmlErrorCapture(const LibxmlErrorCapture&) = delete;
  LibxmlErrorCapture& operator=(const LibxmlErrorCapture&) = delete;

  // The first message libxml2 raised in this scope, trimmed ("" if none).
  const std::string& first_message() const { return first_; }

  // Called by the handlers this object installs: keeps `message` if first.
  void take(const char* message);

 private:
  using AnyFunction = void (*)();  // libxml2's handler types stay in the .cpp

  AnyFunction structured_;
  void* structured_context_;
  AnyFunction generic_;
  void* generic_context_;
  std::string first_;
};

}  // namespace einvoice::xml
