#include "ocr/address_reader.h"

#include <algorithm>

#include "ocr/label_lexicon.h"
#include "ocr/value_readers.h"

namespace einvoice::ocr {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}
bool all_upper(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_upper);
}

// Country prefixes printed before post codes ("F-75008", "DE 80333").
std::optional<std::string> country_of_prefix(std::string_view prefix) {
  struct Prefix {
    std::string_view printed, code;
  };
  static constexpr Prefix kPrefixes[] = {{"F", "FR"},  {"FR", "FR"}, {"D", "DE"},  {"DE", "DE"},
                                         {"NL", "NL"}, {"B", "BE"},  {"BE", "BE"}, {"A", "AT"},
                                         {"AT", "AT"}, {"CH", "CH"}, {"L", "LU"},  {"LU", "LU"}};
  for (const auto& p : kPrefixes) {
    if (p.printed == prefix)
      return std::string(p.code);
  }
  return std::nullopt;
}

// Country names as printed (folded).
std::optional<std::string> country_of_name(const std::string& folded) {
  struct Name {
    std::string_view folded, code;
  };
  static constexpr Name kNames[] = {{"france", "FR"},
                                    {"deutschland", "DE"},
                                    {"germany", "DE"},
                                    {"allemagne", "DE"},
                                    {"nederland", "NL"},
                                    {"netherlands", "NL"},
                                    {"the netherlands", "NL"},
                                    {"pays bas", "NL"},
                                    {"belgique", "BE"},
                                    {"belgie", "BE"},
                                    {"belgium", "BE"},
                                    {"osterreich", "AT"},
                                    {"austria", "AT"},
                                    {"schweiz", "CH"},
                                    {"suisse", "CH"},
                                    {"switzerland", "CH"},
                                    {"luxembourg", "LU"},
                                    {"italia", "IT"},
                                    {"italy", "IT"},
                                    {"italie", "IT"},
                                    {"espana", "ES"},
                                    {"spain", "ES"},
                                    {"espagne", "ES"},
                                    {"united kingdom", "GB"},
                                    {"uk", "GB"},
                                    {"royaume uni", "GB"},
                                    {"usa", "US"},
                                    {"united states", "US"}};
  for (const auto& n : kNames) {
    if (n.folded == folded)
      return std::string(n.code);
  }
  return std::nullopt;
}

std::string without_trailing_comma(std::string text) {
  while (!text.empty() && (text.back() == ',' || text.back() == ';'))
    text.pop_back();
  return text;
}

// City words: letters (any script), hyphens, apostrophes, dots; no digits,
// no label, at most five words.
bool city_like(const std::vector<Token>& tokens) {
  if (tokens.empty() || tokens.size() > 5)
    return false;
  for (const auto& t : tokens) {
    for (char c : t.text) {
      if (is_digit(c) || c == ':' || c == '@' || c == '/')
        return false;
    }
  }
  const std::string folded = fold_for_labels(join(tokens));
  return folded.size() >= 2;
}

// UK post codes: "SW1A 1AA", "M1 1AE", "EC1A 1BB".
bool uk_outward(std::string_view s) {
  if (s.size() < 2 || s.size() > 4 || !is_upper(s[0]))
    return false;
  std::size_t i = 1;
  if (is_upper(s[i]))
    ++i;
  if (i >= s.size() || !is_digit(s[i]))
    return false;
  ++i;
  return i == s.size() || (i + 1 == s.size() && (is_digit(s[i]) || is_upper(s[i])));
}
bool uk_inward(std::string_view s) {
  return s.size() == 3 && is_digit(s[0]) && is_upper(s[1]) && is_upper(s[2]);
}

struct CityLine {
  std::string post_code;
  std::optional<std::string> country;
  std::vector<Token> code_tokens;
  std::vector<Token> city_tokens;
};

// The city's tokens with a trailing ", France" taken off as the country.
void take_country_tail(CityLine& out) {
  auto& city = out.city_tokens;
  for (std::size_t cut = 1; cut < city.size(); ++cut) {
    if (city[cut - 1].text.empty() || city[cut - 1].text.back() != ',')
      continue;
    std::vector<Token> tail(city.begin() + static_cast<long>(cut), city.end());
    if (auto code = country_of_name(fold_for_labels(join(tail)))) {
      if (!out.country)
        out.country = code;
      city.resize(cut);
      city.back().text = without_trailing_comma(city.back().text);
      return;
    }
  }
}

// "75008 Paris", "F-75008 Paris", "DE 80333 München", "1012 AB Amsterdam",
// "1000 Bruxelles" starting at `at`.
std::optional<CityLine> european(const std::vector<Token>& tokens, std::size_t at) {
  if (at >= tokens.size())
    return std::nullopt;
  CityLine out;
  std::size_t i = at;
  std::string first = tokens[i].text;
  const std::size_t dash = first.find('-');
  if (dash != std::string::npos && dash > 0 && all_upper(first.substr(0, dash))) {
    out.country = country_of_prefix(first.substr(0, dash));
    if (!out.country)
      return std::nullopt;
    first = first.substr(dash + 1);
  } else if (all_upper(first) && first.size() <= 2 && i + 1 < tokens.size()) {
    out.country = country_of_prefix(first);
    if (!out.country)
      return std::nullopt;
    out.code_tokens.push_back(tokens[i]);
    first = tokens[++i].text;
  }
  if (!all_digits(first) || (first.size() != 4 && first.size() != 5))
    return std::nullopt;
  out.code_tokens.push_back(tokens[i]);
  out.post_code = first;
  ++i;
  if (first.size() == 4 && i < tokens.size() && tokens[i].text.size() == 2 &&
      all_upper(tokens[i].text) && (!out.country || *out.country == "NL")) {
    out.post_code += " " + tokens[i].text;
    out.country = "NL";
    out.code_tokens.push_back(tokens[i++]);
  }
  out.city_tokens.assign(tokens.begin() + static_cast<long>(i), tokens.end());
  if (out.city_tokens.empty())
    return std::nullopt;
  const char c0 = out.city_tokens.front().text.front();
  if (is_digit(c0) || c0 == '(' || c0 == '-')
    return std::nullopt;
  take_country_tail(out);
  if (!city_like(out.city_tokens))
    return std::nullopt;
  return out;
}

// "London SW1A 1AA" (GB), "Austin, TX 78701" (US): the code at the end.
std::optional<CityLine> anglo(const std::vector<Token>& tokens) {
  const std::size_t n = tokens.size();
  if (n < 3)
    return std::nullopt;
  CityLine out;
  const std::string last = without_trailing_comma(tokens[n - 1].text);
  const std::string before = without_trailing_comma(tokens[n - 2].text);
  if (uk_outward(before) && uk_inward(last)) {
    out.post_code = before + " " + last;
    out.country = "GB";
  } else if (before.size() == 2 && all_upper(before) &&
             (all_digits(last) ? last.size() == 5
                               : last.size() == 10 && last[5] == '-' &&
                                     all_digits(last.substr(0, 5)) && all_digits(last.substr(6)))) {
    out.post_code = last;
    out.country = "US";
  } else {
    return std::nullopt;
  }
  out.code_tokens = {tokens[n - 2], tokens[n - 1]};
  out.city_tokens.assign(tokens.begin(), tokens.end() - 2);
  if (!out.city_tokens.empty())
    out.city_tokens.back().text = without_trailing_comma(out.city_tokens.back().text);
  if (!city_like(out.city_tokens))
    return std::nullopt;
  return out;
}

bool street_like(const std::vector<Token>& tokens) {
  if (tokens.empty())
    return false;
  const std::string text = join(tokens);
  if (text.find(':') != std::string::npos || text.find('@') != std::string::npos)
    return false;
  const auto digits = std::count_if(text.begin(), text.end(), is_digit);
  const auto letters = std::count_if(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80);
  });
  if (letters < 3 || digits > letters)
    return false;
  if (digits > 0)
    return true;
  const std::string folded = fold_for_labels(text);
  for (std::string_view word :
       {"rue",     "avenue", "boulevard", "bd",    "place",   "chemin", "allee",
        "impasse", "quai",   "route",     "cours", "strasse", "weg",    "platz",
        "gasse",   "allee",  "straat",    "laan",  "plein",   "gracht", "road",
        "street",  "lane",   "drive",     "way",   "bp",      "cs",     "lieu dit"}) {
    if (folded.find(word) != std::string::npos)
      return true;
  }
  return false;
}

Field field_from(const std::vector<Token>& tokens, int page, std::string value) {
  Field field = field_of_tokens(tokens, page, FieldSource::kPattern);
  field.value = std::move(value);
  return field;
}

}  // namespace

AddressRead read_address(const std::vector<std::vector<Token>>& lines, int page) {
  AddressRead out;
  for (std::size_t k = 0; k < lines.size() && k < 6; ++k) {
    const auto& tokens = lines[k];
    std::optional<CityLine> city;
    std::vector<Token> street;
    if (auto found = european(tokens, 0)) {
      city = found;
      if (k > 0)
        street = lines[k - 1];
    } else if (auto found_anglo = anglo(tokens)) {
      city = found_anglo;
      if (k > 0)
        street = lines[k - 1];
    } else {
      // "12 rue des Lilas, 69003 Lyon": street and city on one line.
      for (std::size_t cut = 1; cut < tokens.size() && !city; ++cut) {
        if (tokens[cut - 1].text.empty() || tokens[cut - 1].text.back() != ',')
          continue;
        const std::vector<Token> tail(tokens.begin() + static_cast<long>(cut), tokens.end());
        if (auto found_tail = european(tail, 0)) {
          city = found_tail;
          street.assign(tokens.begin(), tokens.begin() + static_cast<long>(cut));
          street.back().text = without_trailing_comma(street.back().text);
        }
      }
    }
    if (!city)
      continue;
    out.post_code = field_from(city->code_tokens, page, city->post_code);
    out.city = field_from(city->city_tokens, page, join(city->city_tokens));
    if (street_like(street))
      out.line1 = field_from(street, page, join(street));
    if (!city->country && k + 1 < lines.size()) {
      // A country line under the city.
      city->country = country_of_name(fold_for_labels(join(lines[k + 1])));
      if (city->country)
        out.country = field_from(lines[k + 1], page, *city->country);
    } else if (city->country) {
      std::vector<Token> all = city->code_tokens;
      all.insert(all.end(), city->city_tokens.begin(), city->city_tokens.end());
      out.country = field_from(all, page, *city->country);
    }
    break;
  }
  return out;
}

}  // namespace einvoice::ocr
