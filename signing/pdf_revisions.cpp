#include "signing/pdf_revisions.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "formats/pdf/pdf_file.h"
#include "formats/pdf/podofo.h"
#include "signing/pdf_update.h"

namespace einvoice::signing::pdf {
namespace {

using model::ErrorCode;
using PoDoFo::PdfObject;
using NumberSet = std::unordered_set<std::uint32_t>;

bool is_blank(char c) {
  return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' || c == '\0';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The startxref value when the "%%EOF" at `at` closes "startxref N".
std::optional<std::uint64_t> startxref_before(std::string_view pdf, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && is_blank(pdf[i - 1]))
    --i;
  const std::size_t digits_end = i;
  while (i > 0 && is_digit(pdf[i - 1]))
    --i;
  if (i == digits_end || digits_end - i > 15)
    return std::nullopt;
  const std::size_t digits_start = i;
  while (i > 0 && is_blank(pdf[i - 1]))
    --i;
  constexpr std::string_view kKeyword = "startxref";
  if (i < kKeyword.size() || pdf.substr(i - kKeyword.size(), kKeyword.size()) != kKeyword)
    return std::nullopt;
  std::uint64_t value = 0;
  for (std::size_t k = digits_start; k < digits_end; ++k)
    value = value * 10 + static_cast<std::uint64_t>(pdf[k] - '0');
  return value;
}

// "/Type /X" (or "/Subtype /X") of a dictionary, "stream" appended for a
// stream; the PDF kind for anything else.
std::string kind_of(PdfObject* object) {
  if (object == nullptr)
    return "missing object";
  std::string kind;
  if (object->IsDictionary()) {
    const auto& dict = object->GetDictionary();
    for (const char* key : {"Type", "Subtype", "FT"}) {
      const PdfObject* value = dict.GetKey(PoDoFo::PdfName(key));
      if (value != nullptr && value->IsName()) {
        kind = std::string("/") + key + " /" + value->GetName().GetName();
        break;
      }
    }
    if (kind.empty())
      kind = "dictionary";
  } else if (object->IsArray()) {
    kind = "array";
  } else {
    kind = object->GetDataTypeString();
  }
  if (object->HasStream())
    kind += " stream";
  return kind;
}

bool has_name(PdfObject* dict, const char* key, std::string_view value) {
  if (dict == nullptr || !dict->IsDictionary())
    return false;
  const PdfObject* v = dict->GetDictionary().GetKey(PoDoFo::PdfName(key));
  return v != nullptr && v->IsName() && v->GetName().GetName() == value;
}

// The keys whose values differ between two dictionaries (present in one
// only, or serialized differently).
std::set<std::string> differing_keys(PdfObject* before, PdfObject* after) {
  std::set<std::string> keys;
  const auto& a = before->GetDictionary().GetKeys();
  const auto& b = after->GetDictionary().GetKeys();
  for (const auto& [name, value] : a) {
    const auto other = b.find(name);
    if (other == b.end() || serialize(*value) != serialize(*other->second))
      keys.insert(name.GetName());
  }
  for (const auto& [name, value] : b) {
    if (a.find(name) == a.end())
      keys.insert(name.GetName());
  }
  return keys;
}

std::string key_list(const std::set<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys)
    out += (out.empty() ? "/" : ", /") + k;
  return out;
}

bool subset(const std::set<std::string>& keys, std::initializer_list<std::string_view> allowed) {
  return std::all_of(keys.begin(), keys.end(), [&](const std::string& k) {
    return std::find(allowed.begin(), allowed.end(), k) != allowed.end();
  });
}

// The raw (still encoded) bytes of an object's stream: empty for none,
// nullopt when PoDoFo does not hold them in memory (then compared unequal).
std::optional<std::string_view> raw_stream(PdfObject* object) {
  if (!object->HasStream())
    return std::string_view();
  const auto* stream = dynamic_cast<const PoDoFo::PdfMemStream*>(object->GetStream());
  if (stream == nullptr)
    return std::nullopt;
  return std::string_view(stream->Get(), static_cast<std::size_t>(stream->GetLength()));
}

// Adds the offsets of the in-use entries ("n") of the classic
// cross-reference section at `at`; nothing when there is none there (a
// cross-reference stream). Reads at most `budget` entries and decreases it.
void classic_xref_offsets(std::string_view pdf, std::uint64_t at,
                          std::unordered_set<std::uint64_t>& offsets, std::size_t& budget) {
  if (at >= pdf.size() || pdf.substr(at, 4) != "xref")
    return;
  std::size_t i = at + 4;
  auto token = [&]() -> std::string_view {
    while (i < pdf.size() && is_blank(pdf[i]))
      ++i;
    const std::size_t start = i;
    while (i < pdf.size() && !is_blank(pdf[i]))
      ++i;
    return pdf.substr(start, i - start);
  };
  auto number = [](std::string_view t) -> std::optional<std::uint64_t> {
    if (t.empty() || t.size() > 15 || !std::all_of(t.begin(), t.end(), is_digit))
      return std::nullopt;
    std::uint64_t v = 0;
    for (const char c : t)
      v = v * 10 + static_cast<std::uint64_t>(c - '0');
    return v;
  };
  while (budget > 0) {
    const auto first = number(token());
    const auto count = number(token());
    if (!first || !count)
      return;  // "trailer" or damage
    for (std::uint64_t k = 0; k < *count && budget > 0; ++k, --budget) {
      const auto offset = number(token());
      token();  // generation
      const std::string_view type = token();
      if (!offset)
        return;
      if (type == "n")
        offsets.insert(*offset);
    }
  }
}

}  // namespace

// One loaded state of the document: its objects by number and what the
// allowed-change rules need (catalog, AcroForm, DSS and signature objects).
struct RevisionComparer::State {
  einvoice::pdf::PdfFile file;
  std::unordered_map<std::uint32_t, PdfObject*> objects;
  std::unordered_map<std::uint32_t, std::string> serialized;  // filled lazily
  std::uint32_t catalog = 0;
  std::uint32_t acroform = 0;         // 0 when direct in the catalog or absent
  std::uint32_t fields_array = 0;     // the AcroForm's /Fields when indirect
  std::vector<std::uint32_t> fields;  // /Fields elements (references)
  NumberSet dss;                      // DSS dictionary, arrays, VRI, streams, lengths
  NumberSet annots_arrays;            // pages' /Annots when indirect
  NumberSet signature_fields;         // fields with /FT /Sig
  NumberSet appearance_streams;       // referenced by a signature field's /AP

  explicit State(einvoice::pdf::PdfFile f) : file(std::move(f)) {}

  PdfObject* get(std::uint32_t number) const {
    const auto found = objects.find(number);
    return found == objects.end() ? nullptr : found->second;
  }
  PdfObject* resolve(PdfObject* object) const { return file.resolve(object); }
  PdfObject* key(PdfObject* dict, const char* name) const {
    return dict != nullptr && dict->IsDictionary()
               ? file.resolve(dict->GetDictionary().GetKey(PoDoFo::PdfName(name)))
               : nullptr;
  }
  // The object number when `dict[name]` is a reference, else 0.
  static std::uint32_t reference(PdfObject* dict, const char* name) {
    if (dict == nullptr || !dict->IsDictionary())
      return 0;
    const PdfObject* value = dict->GetDictionary().GetKey(PoDoFo::PdfName(name));
    return value != nullptr && value->IsReference() ? value->GetReference().ObjectNumber() : 0;
  }
  const std::string& text(std::uint32_t number) {
    auto found = serialized.find(number);
    if (found == serialized.end())
      found = serialized.emplace(number, serialize(*get(number))).first;
    return found->second;
  }

  // References held by `array` (resolved when it is one), in order.
  std::vector<std::uint32_t> references_in(PdfObject* array) const {
    std::vector<std::uint32_t> out;
    if (array == nullptr || !array->IsArray())
      return out;
    for (const PdfObject& element : array->GetArray()) {
      if (element.IsReference())
        out.push_back(element.GetReference().ObjectNumber());
    }
    return out;
  }

  // Adds the stream references of a DSS array (`dict[name]`) and the array
  // itself when indirect.
  void add_dss_array(PdfObject* dict, const char* name) {
    if (const std::uint32_t n = reference(dict, name))
      dss.insert(n);
    for (const std::uint32_t n : references_in(key(dict, name))) {
      dss.insert(n);
      if (const std::uint32_t length = reference(get(n), "Length"))
        dss.insert(length);
    }
  }

  void index_dss(PdfObject* catalog_object) {
    PdfObject* store = key(catalog_object, "DSS");
    if (store == nullptr || !store->IsDictionary())
      return;
    if (const std::uint32_t n = reference(catalog_object, "DSS"))
      dss.insert(n);
    for (const char* name : {"Certs", "CRLs", "OCSPs"})
      add_dss_array(store, name);
    PdfObject* vri = key(store, "VRI");
    if (vri == nullptr || !vri->IsDictionary())
      return;
    if (const std::uint32_t n = reference(store, "VRI"))
      dss.insert(n);
    for (const auto& [name, value] : vri->GetDictionary().GetKeys()) {
      if (value->IsReference())
        dss.insert(value->GetReference().ObjectNumber());
      PdfObject* entry = resolve(value);
      for (const char* array : {"Cert", "CRL", "OCSP"})
        add_dss_array(entry, array);
      if (const std::uint32_t ts = reference(entry, "TS"))
        dss.insert(ts);
    }
  }

  void index_signature_fields() {
    for (const std::uint32_t n : fields) {
      PdfObject* field = get(n);
      if (!has_name(field, "FT", "Sig"))
        continue;
      signature_fields.insert(n);
      PdfObject* ap = key(field, "AP");
      if (ap == nullptr || !ap->IsDictionary())
        continue;
      if (const std::uint32_t r = reference(field, "AP"))
        appearance_streams.insert(r);
      for (const auto& [name, value] : ap->GetDictionary().GetKeys()) {
        if (value->IsReference())
          appearance_streams.insert(value->GetReference().ObjectNumber());
        if (PdfObject* states = resolve(value); states != nullptr && states->IsDictionary()) {
          for (const auto& [state, stream] : states->GetDictionary().GetKeys()) {
            if (stream->IsReference())
              appearance_streams.insert(stream->GetReference().ObjectNumber());
          }
        }
      }
    }
  }

  void index() {
    for (PdfObject* o : file.document().GetObjects())
      objects[o->Reference().ObjectNumber()] = o;
    PdfObject* catalog_object = file.document().GetCatalog();
    if (catalog_object != nullptr)
      catalog = catalog_object->Reference().ObjectNumber();
    acroform = reference(catalog_object, "AcroForm");
    PdfObject* form = key(catalog_object, "AcroForm");
    fields_array = reference(form, "Fields");
    fields = references_in(key(form, "Fields"));
    index_dss(catalog_object);
    index_signature_fields();
    for (const auto& [number, object] : objects) {
      if (has_name(object, "Type", "Page")) {
        if (const std::uint32_t a = reference(object, "Annots"))
          annots_arrays.insert(a);
      }
    }
  }
};

namespace {

using State = RevisionComparer::State;

model::Result<std::unique_ptr<State>> load_state(std::string_view bytes, std::string_view origin) {
  auto file = einvoice::pdf::PdfFile::load(bytes, origin);
  if (!file)
    return file.error();
  if (file->encrypted())
    return error(ErrorCode::kUnsupported, origin, "encrypted PDF: revisions not compared");
  if (file->repaired()) {
    return error(ErrorCode::kMalformed, origin,
                 "damaged cross-reference (rebuilt to read it): the state a reader sees is "
                 "uncertain");
  }
  auto state = std::make_unique<State>(std::move(*file));
  return podofo_call(origin, [&]() -> model::Result<std::unique_ptr<State>> {
    if (state->file.document().GetObjects().GetSize() > kMaxObjects) {
      return error(ErrorCode::kLimitExceeded, origin,
                   "more than " + std::to_string(kMaxObjects) + " objects");
    }
    state->index();
    return std::move(state);
  });
}

bool same_object(State& before, State& after, std::uint32_t number) {
  PdfObject* a = before.get(number);
  PdfObject* b = after.get(number);
  const auto raw_a = raw_stream(a);
  const auto raw_b = raw_stream(b);
  return a->Reference().GenerationNumber() == b->Reference().GenerationNumber() &&
         before.text(number) == after.text(number) && raw_a && raw_b && *raw_a == *raw_b;
}

// True when `after` holds every reference of `before` and each extra one is
// in `allowed_extra`.
bool grows_only_by(const std::vector<std::uint32_t>& before,
                   const std::vector<std::uint32_t>& after, const NumberSet& allowed_extra) {
  const NumberSet old(before.begin(), before.end());
  for (const std::uint32_t n : before) {
    if (std::find(after.begin(), after.end(), n) == after.end())
      return false;
  }
  return std::all_of(after.begin(), after.end(),
                     [&](std::uint32_t n) { return old.count(n) != 0 || allowed_extra.count(n); });
}

// Classifies the changes of `after` over `before`.
class Classifier {
 public:
  Classifier(State& before, State& after) : before_(before), after_(after) { find_new_fields(); }

  PdfObjectChange added(std::uint32_t number) {
    PdfObject* o = after_.get(number);
    PdfObjectChange c = change(number, "added", kind_of(o));
    if (after_.dss.count(number)) {
      c.allowed = true;
      c.what = "DSS: " + c.what;
    } else if (new_fields_.count(number)) {
      c.allowed = true;
      c.what = "invisible signature field: " + c.what;
    } else if (new_values_.count(number)) {
      c.allowed = true;
      c.what =
          (has_name(o, "Type", "DocTimeStamp") ? "document timestamp: " : "signature: ") + c.what;
    } else if (after_.appearance_streams.count(number)) {
      c.allowed = true;
      c.what = "signature field appearance: " + c.what;
    } else if (o->HasStream() && (has_name(o, "Type", "XRef") || has_name(o, "Type", "ObjStm"))) {
      c.allowed = true;  // structure; the objects an object stream holds are compared one by one
    }
    return c;
  }

  PdfObjectChange changed(std::uint32_t number) {
    PdfObject* old_object = before_.get(number);
    PdfObject* o = after_.get(number);
    PdfObjectChange c = change(number, "changed", kind_of(o));
    const bool dictionaries = old_object->IsDictionary() && o->IsDictionary() &&
                              !old_object->HasStream() && !o->HasStream();
    const std::set<std::string> keys =
        dictionaries ? differing_keys(old_object, o) : std::set<std::string>{};
    if (dictionaries)
      c.what += ": " + key_list(keys);
    if (number == after_.catalog && number == before_.catalog && dictionaries) {
      c.allowed = subset(keys, {"DSS", "AcroForm", "Extensions"}) &&
                  (!keys.count("AcroForm") || acroform_allowed());
    } else if (number == after_.acroform && number == before_.acroform && dictionaries) {
      c.allowed = acroform_allowed();
    } else if (number == after_.fields_array && number == before_.fields_array) {
      c.allowed = grows_only_by(before_.fields, after_.fields, new_fields_);
      c.what = "AcroForm /Fields: " + c.what;
    } else if (dictionaries && has_name(o, "Type", "Page") &&
               has_name(old_object, "Type", "Page")) {
      c.allowed = subset(keys, {"Annots"}) && annots_allowed(old_object, o);
    } else if (after_.annots_arrays.count(number) && before_.annots_arrays.count(number)) {
      c.allowed =
          grows_only_by(before_.references_in(old_object), after_.references_in(o), new_fields_);
      c.what = "page /Annots: " + c.what;
    } else if (after_.dss.count(number) && before_.dss.count(number)) {
      c.allowed = true;
      c.what = "DSS: " + c.what;
    } else if (dictionaries && before_.signature_fields.count(number) && has_name(o, "FT", "Sig")) {
      c.allowed = subset(keys, {"AP"});
      c.what = "signature field: " + c.what;
    }
    return c;
  }

 private:
  PdfObjectChange change(std::uint32_t number, const char* how, std::string what) const {
    PdfObjectChange c;
    c.number = number;
    PdfObject* o = after_.get(number);
    c.generation = o != nullptr ? static_cast<std::uint16_t>(o->Reference().GenerationNumber()) : 0;
    c.change = how;
    c.what = std::move(what);
    return c;
  }

  // New /Fields entries that are invisible signature fields (field and
  // widget merged, zero-area /Rect, no /Kids) whose /V is a new signature
  // or document timestamp dictionary with a /ByteRange.
  void find_new_fields() {
    const NumberSet old(before_.fields.begin(), before_.fields.end());
    for (const std::uint32_t n : after_.fields) {
      PdfObject* field = after_.get(n);
      if (old.count(n) || before_.get(n) != nullptr || !has_name(field, "FT", "Sig") ||
          field->GetDictionary().HasKey(PoDoFo::PdfName("Kids")) || !invisible(field)) {
        continue;
      }
      const std::uint32_t value = State::reference(field, "V");
      PdfObject* signature = after_.get(value);
      if (value == 0 || before_.get(value) != nullptr || signature == nullptr ||
          !signature->IsDictionary() ||
          !signature->GetDictionary().HasKey(PoDoFo::PdfName("ByteRange")) ||
          !(has_name(signature, "Type", "Sig") || has_name(signature, "Type", "DocTimeStamp") ||
            !signature->GetDictionary().HasKey(PoDoFo::PdfName("Type")))) {
        continue;
      }
      new_fields_.insert(n);
      new_values_.insert(value);
    }
  }

  bool invisible(PdfObject* field) const {
    PdfObject* rect = after_.key(field, "Rect");
    if (rect == nullptr)
      return true;
    if (!rect->IsArray() || rect->GetArray().size() != 4)
      return false;
    const auto& r = rect->GetArray();
    for (const auto& v : r) {
      if (!v.IsNumber() && !v.IsReal())
        return false;
    }
    return r[0].GetReal() == r[2].GetReal() || r[1].GetReal() == r[3].GetReal();
  }

  // The AcroForm (where it lives) changes only in /Fields (growing by new
  // invisible signature fields) and /SigFlags.
  bool acroform_allowed() {
    PdfObject* old_form = before_.key(before_.get(before_.catalog), "AcroForm");
    PdfObject* form = after_.key(after_.get(after_.catalog), "AcroForm");
    if (form == nullptr || !form->IsDictionary())
      return false;
    if (old_form != nullptr && old_form->IsDictionary()) {
      std::set<std::string> keys = differing_keys(old_form, form);
      // An indirect /Fields array that kept its number is judged on its own.
      if (after_.fields_array != 0 && after_.fields_array == before_.fields_array)
        keys.erase("Fields");
      if (!subset(keys, {"Fields", "SigFlags"}))
        return false;
    } else {
      std::set<std::string> keys;
      for (const auto& [name, value] : form->GetDictionary().GetKeys())
        keys.insert(name.GetName());
      if (!subset(keys, {"Fields", "SigFlags"}))
        return false;
    }
    return grows_only_by(before_.fields, after_.fields, new_fields_);
  }

  // A page's /Annots grows only by new invisible signature fields.
  bool annots_allowed(PdfObject* old_page, PdfObject* page) const {
    const std::uint32_t old_array = State::reference(old_page, "Annots");
    const std::uint32_t array = State::reference(page, "Annots");
    if (array != 0 && array == old_array)
      return true;  // the array object itself is judged on its own
    return grows_only_by(before_.references_in(before_.key(old_page, "Annots")),
                         after_.references_in(after_.key(page, "Annots")), new_fields_);
  }

  State& before_;
  State& after_;
  NumberSet new_fields_;  // new invisible signature fields
  NumberSet new_values_;  // their signature / document timestamp dictionaries
};

// The trailer entries a later revision may not change.
void compare_trailers(State& before, State& after, std::vector<PdfObjectChange>& changes) {
  const PdfObject* old_trailer = before.file.document().GetTrailer();
  const PdfObject* trailer = after.file.document().GetTrailer();
  if (old_trailer == nullptr || trailer == nullptr || !old_trailer->IsDictionary() ||
      !trailer->IsDictionary()) {
    PdfObjectChange c;
    c.change = "changed";
    c.what = "trailer missing";
    changes.push_back(std::move(c));
    return;
  }
  for (const char* name : {"Root", "Info", "Encrypt"}) {
    const PdfObject* a = old_trailer->GetDictionary().GetKey(PoDoFo::PdfName(name));
    const PdfObject* b = trailer->GetDictionary().GetKey(PoDoFo::PdfName(name));
    const std::string sa = a != nullptr ? serialize(*a) : "";
    const std::string sb = b != nullptr ? serialize(*b) : "";
    if (sa != sb) {
      PdfObjectChange c;
      c.change = "changed";
      c.what = std::string("trailer /") + name + " (" + (sa.empty() ? "none" : sa) + " -> " +
               (sb.empty() ? "none" : sb) + ")";
      changes.push_back(std::move(c));
    }
  }
}

}  // namespace

std::vector<PdfRevision> find_revisions(std::string_view pdf) {
  std::vector<PdfRevision> revisions;
  constexpr std::string_view kEof = "%%EOF";
  for (std::size_t at = pdf.find(kEof); at != std::string_view::npos;
       at = pdf.find(kEof, at + kEof.size())) {
    const auto startxref = startxref_before(pdf, at);
    if (!startxref)
      continue;
    PdfRevision r;
    r.eof_end = at + kEof.size();
    r.line_end = r.eof_end;
    if (r.line_end < pdf.size() && pdf[r.line_end] == '\r')
      ++r.line_end;
    if (r.line_end < pdf.size() && pdf[r.line_end] == '\n')
      ++r.line_end;
    r.startxref = *startxref;
    revisions.push_back(r);
    if (revisions.size() > kMaxRevisions)
      break;
  }
  return revisions;
}

std::optional<std::size_t> revision_ending_at(const std::vector<PdfRevision>& revisions,
                                              std::size_t end) {
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    if (end >= revisions[i].eof_end && end <= revisions[i].line_end)
      return i;
  }
  return std::nullopt;
}

RevisionComparer::RevisionComparer(RevisionComparer&&) noexcept = default;
RevisionComparer& RevisionComparer::operator=(RevisionComparer&&) noexcept = default;
RevisionComparer::~RevisionComparer() = default;

model::Result<RevisionComparer> RevisionComparer::load(std::string_view pdf,
                                                       std::string_view origin) {
  if (find_revisions(pdf).size() > kMaxRevisions) {
    return error(ErrorCode::kLimitExceeded, origin,
                 "more than " + std::to_string(kMaxRevisions) + " revisions");
  }
  auto state = load_state(pdf, origin);
  if (!state)
    return state.error();
  RevisionComparer comparer;
  comparer.pdf_ = pdf;
  comparer.origin_ = std::string(origin);
  comparer.final_ = std::move(*state);
  return comparer;
}

model::Result<std::vector<PdfObjectChange>> RevisionComparer::changes_after(
    std::size_t signed_end) {
  const std::string signed_origin =
      origin_ + " (revision ending at offset " + std::to_string(signed_end) + ")";
  auto loaded = load_state(pdf_.substr(0, signed_end), signed_origin);
  if (!loaded)
    return loaded.error();
  State& before = **loaded;
  State& after = *final_;
  return podofo_call(origin_, [&]() -> model::Result<std::vector<PdfObjectChange>> {
    std::vector<PdfObjectChange> changes;
    compare_trailers(before, after, changes);
    Classifier classifier(before, after);
    std::vector<std::uint32_t> numbers;
    numbers.reserve(after.objects.size());
    for (const auto& [number, object] : after.objects)
      numbers.push_back(number);
    std::sort(numbers.begin(), numbers.end());
    NumberSet touched;
    for (const std::uint32_t n : numbers) {
      if (before.get(n) == nullptr) {
        changes.push_back(classifier.added(n));
        touched.insert(n);
      } else if (!same_object(before, after, n)) {
        changes.push_back(classifier.changed(n));
        touched.insert(n);
      }
    }
    std::vector<std::uint32_t> removed;
    for (const auto& [number, object] : before.objects) {
      if (after.get(number) == nullptr)
        removed.push_back(number);
    }
    std::sort(removed.begin(), removed.end());
    for (const std::uint32_t n : removed) {
      PdfObjectChange c;
      c.number = n;
      c.change = "removed";
      c.what = kind_of(before.get(n));
      changes.push_back(std::move(c));
    }
    // Object headers written after the signed revision that no later
    // classic cross-reference section lists: a reader that rebuilds the
    // cross-reference may show them (a cross-reference stream is not parsed
    // here, so its objects count as unlisted unless compared above).
    std::unordered_set<std::uint64_t> listed;
    std::vector<std::pair<std::size_t, bool>> later;  // revision end, classic section
    std::size_t budget = kMaxObjects;  // cross-reference entries read, all sections together
    std::unordered_set<std::uint64_t> sections;
    for (const PdfRevision& r : find_revisions(pdf_)) {
      if (r.eof_end <= signed_end)
        continue;
      later.emplace_back(
          r.eof_end, pdf_.substr(std::min<std::uint64_t>(r.startxref, pdf_.size()), 4) == "xref");
      if (sections.insert(r.startxref).second) {
        listed.insert(r.startxref);  // a cross-reference stream's own header
        classic_xref_offsets(pdf_, r.startxref, listed, budget);
      }
    }
    // True when the header at `offset` belongs to a revision with a classic
    // cross-reference section (bytes after the last revision count as one).
    // `later` is in file order.
    auto in_classic_revision = [&](std::size_t offset) {
      const auto found =
          std::upper_bound(later.begin(), later.end(), offset,
                           [](std::size_t o, const std::pair<std::size_t, bool>& revision) {
                             return o < revision.first;
                           });
      return found == later.end() || found->second;
    };
    std::size_t headers = 0;
    for (std::size_t at = pdf_.find(" obj", signed_end);
         at != std::string_view::npos && headers <= kMaxObjects; at = pdf_.find(" obj", at + 4)) {
      // "N G obj" at the start of a line.
      std::size_t g = at;
      while (g > signed_end && is_digit(pdf_[g - 1]))
        --g;
      if (g == at || g <= signed_end + 1 || pdf_[g - 1] != ' ')
        continue;
      const std::size_t n_end = g - 1;
      std::size_t n = n_end;
      while (n > signed_end && is_digit(pdf_[n - 1]))
        --n;
      if (n == n_end || n_end - n > 9 || (n > 0 && pdf_[n - 1] != '\n' && pdf_[n - 1] != '\r'))
        continue;
      ++headers;
      if (listed.count(n))
        continue;
      std::uint32_t number = 0;
      for (std::size_t k = n; k < n_end; ++k)
        number = number * 10 + static_cast<std::uint32_t>(pdf_[k] - '0');
      if (touched.count(number) && !in_classic_revision(n))
        continue;
      PdfObjectChange c;
      c.number = number;
      c.change = "unreferenced";
      c.what = "object written at offset " + std::to_string(n) +
               " that no later cross-reference section lists";
      changes.push_back(std::move(c));
      touched.insert(number);
    }
    if (headers > kMaxObjects) {
      return error(ErrorCode::kLimitExceeded, origin_,
                   "more than " + std::to_string(kMaxObjects) + " objects after offset " +
                       std::to_string(signed_end));
    }
    return changes;
  });
}

}  // namespace einvoice::signing::pdf
