#include "formats/xml/xml_writer.h"

#include <cassert>

namespace einvoice::xml {

void append_escaped(std::string& out, std::string_view value, bool attribute) {
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
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
      case '\r':
        out += "&#13;";
        break;
      case '"':
        if (attribute) {
          out += "&quot;";
        } else {
          out.push_back(c);
        }
        break;
      case '\n':
        if (attribute) {
          out += "&#10;";
        } else {
          out.push_back(c);
        }
        break;
      case '\t':
        if (attribute) {
          out += "&#9;";
        } else {
          out.push_back(c);
        }
        break;
      default:
        if (u < 0x20)
          break;  // not allowed in XML 1.0
        out.push_back(c);
    }
  }
}

XmlWriter::XmlWriter() {
  out_.reserve(16 * 1024);
  out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::indent() {
  out_.append(open_.size() * 2, ' ');
}

void XmlWriter::close_start_tag() {
  if (start_tag_open_) {
    out_.push_back('>');
    start_tag_open_ = false;
  }
}

XmlWriter& XmlWriter::start(std::string_view qname) {
  close_start_tag();
  if (!open_.empty())
    out_.push_back('\n');
  indent();
  out_.push_back('<');
  out_ += qname;
  open_.emplace_back(qname);
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
  assert(!open_.empty());
  std::string name = std::move(open_.back());
  open_.pop_back();
  if (start_tag_open_) {
    out_ += "/>";
    start_tag_open_ = false;
  } else {
    if (has_children_ && !has_text_) {
      out_.push_back('\n');
      indent();
    }
    out_ += "</";
    out_ += name;
    out_.push_back('>');
  }
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
  assert(open_.empty());
  out_.push_back('\n');
  return std::move(out_);
}

}  // namespace einvoice::xml
