#include "ocr/legal_mentions.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "ocr/label_lexicon.h"
#include "ocr/value_readers.h"

namespace einvoice::ocr {
namespace {

// Folded words that start a company's registration details.
constexpr std::array<std::string_view, 26> kRegistrationWords = {"au capital",
                                                                 "capital social",
                                                                 "capital de",
                                                                 "rcs",
                                                                 "siret",
                                                                 "siren",
                                                                 "company no",
                                                                 "company number",
                                                                 "company registration",
                                                                 "registered in",
                                                                 "registered office",
                                                                 "registration no",
                                                                 "registration number",
                                                                 "vat no",
                                                                 "vat number",
                                                                 "tva intracommunautaire",
                                                                 "n tva",
                                                                 "hrb",
                                                                 "hra",
                                                                 "amtsgericht",
                                                                 "registergericht",
                                                                 "handelsregister",
                                                                 "ust idnr",
                                                                 "ust id",
                                                                 "sitz der gesellschaft",
                                                                 "code ape"};

// Where in the folded text the first registration words start, at a word
// boundary; npos when there are none.
std::size_t registration_start(std::string_view folded) {
  std::size_t first = std::string_view::npos;
  for (std::string_view words : kRegistrationWords) {
    for (std::size_t at = folded.find(words); at != std::string_view::npos;
         at = folded.find(words, at + 1)) {
      const std::size_t end = at + words.size();
      if ((at == 0 || folded[at - 1] == ' ') && (end == folded.size() || folded[end] == ' ')) {
        first = std::min(first, at);
        break;
      }
    }
  }
  return first;
}

// A word that separates mentions on a line ("-", "—", "|", "•") or ends a
// phrase before the name ("Siège :"); an ampersand joins names
// ("Lefèvre & Fils").
bool separates(const std::string& word) {
  if (word.empty())
    return true;
  if (word == "&" || word == "+")
    return false;
  const char last = word.back();
  return fold_for_labels(word).empty() || last == ':' || last == ';';
}

bool reads_as_name(const std::vector<Token>& words) {
  if (words.empty() || words.size() > 8)
    return false;
  const std::string text = join(words);
  const auto digits =
      std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto letters = std::count_if(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80);
  });
  return letters >= 2 && digits * 4 <= letters && !(text.front() >= '0' && text.front() <= '9');
}

std::optional<LegalName> name_on(const LayoutLine& line) {
  const std::size_t start = registration_start(line.folded);
  if (start == std::string_view::npos || start == 0)
    return std::nullopt;
  const auto& words = line.line->words;
  std::vector<Token> name;
  bool separated = false;  // a separator since the last word: a word after it starts anew
  for (std::size_t i = 0; i < words.size() && line.word_end[i] <= start; ++i) {
    if (separates(words[i].text)) {
      separated = true;
      continue;
    }
    if (separated)
      name.clear();
    separated = false;
    name.push_back(Token{words[i].text, words[i].box, words[i].confidence});
  }
  // A comma between the name and the registration words.
  if (!name.empty() && name.back().text.back() == ',')
    name.back().text.pop_back();
  if (!reads_as_name(name))
    return std::nullopt;
  const bool low_on_page = line.page_height > 0 && name.front().box.y > line.page_height * 0.6;
  if (!has_legal_form(fold_for_labels(join(name))) && !low_on_page)
    return std::nullopt;
  return LegalName{field_of_tokens(name, line.page, FieldSource::kPattern), &line};
}

}  // namespace

std::vector<LegalName> names_in_legal_mentions(const Layout& layout) {
  std::vector<LegalName> out;
  const auto& lines = layout.lines();
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (auto name = name_on(*it))
      out.push_back(std::move(*name));
  }
  return out;
}

std::optional<Field> in_letterhead(const Layout& layout, std::string_view folded_name) {
  if (folded_name.empty())
    return std::nullopt;
  const auto& lines = layout.lines();
  auto in_top = [](const LayoutLine& line) {
    return line.page == 1 && (line.page_height <= 0 || line.line->box.y <= line.page_height * 0.4);
  };
  for (std::size_t l = 0; l < lines.size() && in_top(lines[l]); ++l) {
    for (const auto& segment : Layout::segments_of(lines[l])) {
      // The segment's words, then those of the next two lines that start in
      // its column, taken one at a time while they spell the name's start.
      std::vector<Token> words = segment;
      const double left = segment.front().box.x;
      const double height = std::max(1.0, segment.front().box.height);
      for (std::size_t next = l + 1; next < lines.size() && next <= l + 2 && in_top(lines[next]);
           ++next) {
        for (const auto& continued : Layout::segments_of(lines[next])) {
          if (std::abs(continued.front().box.x - left) <= 2 * height) {
            words.insert(words.end(), continued.begin(), continued.end());
            break;
          }
        }
      }
      std::vector<Token> spelled;
      for (const auto& word : words) {
        spelled.push_back(word);
        const std::string folded = fold_for_labels(join(spelled));
        if (folded == folded_name)
          return field_of_tokens(spelled, lines[l].page, FieldSource::kPattern);
        const bool starts_name = folded_name.size() > folded.size() &&
                                 folded_name.compare(0, folded.size(), folded) == 0 &&
                                 folded_name[folded.size()] == ' ';
        if (!starts_name)
          break;
      }
    }
  }
  return std::nullopt;
}

}  // namespace einvoice::ocr
