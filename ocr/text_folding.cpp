#include "ocr/text_folding.h"

#include <utf8proc.h>

#include <array>

namespace einvoice::ocr {
namespace {

// Letters Unicode gives no decomposition to, spelled as their base letters.
const char* spelled_out(utf8proc_int32_t c) {
  switch (c) {
    case 0x0153:  // œ (Œ is case folded to it)
      return "oe";
    case 0x00E6:  // æ
      return "ae";
    case 0x00F8:  // ø
      return "o";
    case 0x0111:  // đ
      return "d";
    case 0x0142:  // ł
      return "l";
    case 0x0131:  // dotless ı
      return "i";
    default:
      return nullptr;
  }
}

bool is_letter_or_digit(utf8proc_int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
      return true;
    default:
      return false;
  }
}

// Appends words separated by single spaces: a separator is written only
// between two pieces of text.
class FoldedText {
 public:
  void separate() { pending_space_ = !text_.empty(); }
  void append(std::string_view piece) {
    if (pending_space_)
      text_ += ' ';
    pending_space_ = false;
    text_ += piece;
  }
  void append(utf8proc_int32_t c) {
    std::array<utf8proc_uint8_t, 4> bytes{};
    const auto length = utf8proc_encode_char(c, bytes.data());
    append(std::string_view(reinterpret_cast<const char*>(bytes.data()),
                            static_cast<std::size_t>(length)));
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
  bool pending_space_ = false;
};

void append_folded(utf8proc_int32_t c, FoldedText& out) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z')
      c += 'a' - 'A';
    const char ascii = static_cast<char>(c);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
      out.append(std::string_view(&ascii, 1));
    else
      out.separate();
  } else if (const char* spelled = spelled_out(c)) {
    out.append(spelled);
  } else if (is_letter_or_digit(c)) {
    out.append(c);
  } else {
    out.separate();
  }
}

}  // namespace

std::string fold_for_labels(std::string_view text) {
  FoldedText out;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  constexpr auto kOptions = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                           UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE);
  // A character decomposes into at most a few code points (18 for the
  // longest compatibility decompositions).
  std::array<utf8proc_int32_t, 32> decomposed{};
  for (utf8proc_ssize_t i = 0; i < size;) {
    utf8proc_int32_t c = 0;
    const auto length = utf8proc_iterate(bytes + i, size - i, &c);
    if (length <= 0) {  // not UTF-8: one byte skipped, as a separator
      out.separate();
      ++i;
      continue;
    }
    i += length;
    int boundclass = 0;
    const auto count = utf8proc_decompose_char(c, decomposed.data(),
                                               static_cast<utf8proc_ssize_t>(decomposed.size()),
                                               kOptions, &boundclass);
    if (count < 0 || count > static_cast<utf8proc_ssize_t>(decomposed.size())) {
      out.separate();
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < count; ++k)
      append_folded(decomposed[static_cast<std::size_t>(k)], out);
  }
  return out.take();
}

}  // namespace einvoice::ocr
