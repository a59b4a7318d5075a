#include "formats/xml/xml_writer.h"

#include <cassert>

namespace einvoice::xml {

namespace {

// True for the characters append_escaped rewrites or drops.
bool needs_escape(unsigned char c, bool attribute) {
  if (c >= 0x20)
    return c == '&' || c == '<' || c == '>' || (attribute && c == '"');
  return attribute || (c != '\n' && c != '\t');
}

}  // namespace

void append_escaped(std::string& out, std::string_view value, bool attribute) {
  std::size_t clean_from = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (!needs_escape(c, attribute))
      continue;
    out.append(value.data() + clean_from, i - clean_from);
    clean_from = i + 1;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        break;  // other control characters are not allowed in XML 1.0
    }
  }
  out.append(value.data() + clean_from, value.size() - clean_from);
}

XmlWriter::XmlWriter() {
  out_.reserve(32 * 1024);
  open_names_.reserve(256);
  open_starts_.reserve(16);
  out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::indent() {
  out_.append(open_starts_.size() * 2, ' ');
}

void XmlWriter::close_start_tag() {
  if (start_tag_open_) {
    out_.push_back('>');
    start_tag_open_ = false;
  }
}

XmlWriter& XmlWriter::start(std::string_view qname) {
  close_start_tag();
  if (!open_starts_.empty())
    out_.push_back('\n');
  indent();
  out_.push_back('<');
  out_ += qname;
  open_starts_.push_back(open_names_.size());
  open_names_ += qname;
  start_tag_open_ = true;
  has_children_ = false;
  has_text_ = false;
  return *this;
}

XmlWriter& XmlWriter::attribute(std::string_view name, std::string_view value) {
  assert(start_tag_open_);
  out_.push_back(' ');
  out_ += name;
  out_ += "=\"";
  append_escaped(out_, value, true);
  out_.push_back('"');
  return *this;
}

XmlWriter& XmlWriter::attribute(std::string_view name, const std::optional<std::string>& value) {
  if (value)
    attribute(name, std::string_view(*value));
  return *this;
}

XmlWriter& XmlWriter::text(std::string_view value) {
  close_start_tag();
  append_escaped(out_, value, false);
  has_text_ = true;
  return *this;
}

XmlWriter& XmlWriter::end() {
  assert(!open_starts_.empty());
  const std::size_t name_start = open_starts_.back();
  open_starts_.pop_back();
  if (start_tag_open_) {
    out_ += "/>";
    start_tag_open_ = false;
  } else {
    if (has_children_ && !has_text_) {
      out_.push_back('\n');
      indent();
    }
    out_ += "</";
    out_.append(open_names_, name_start, std::string::npos);
    out_.push_back('>');
  }
  open_names_.resize(name_start);
  // The parent now holds at least one child element.
  has_children_ = true;
  has_text_ = false;
  return *this;
}

XmlWriter& XmlWriter::leaf(std::string_view qname, std::string_view value) {
  start(qname);
  text(value);
  return end();
}

std::string XmlWriter::finish() {
  assert(open_starts_.empty());
  out_.push_back('\n');
  return std::move(out_);
}

}  // namespace einvoice::xml
