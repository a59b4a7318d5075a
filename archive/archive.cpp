#include "archive/archive.h"

#include <nlohmann/json.hpp>

#include "archive/export_layout.h"
#include "archive/parallel_writes.h"
#include "archive/sha256.h"
#include "archive/sqlite_catalog.h"

namespace einvoice::archive {
namespace {

using model::Error;
using model::ErrorCode;

constexpr const char* kCatalogFile = "catalog.sqlite";
constexpr const char* kObjectsFolder = "objects";
constexpr const char* kKeySetting = "master_key_id";

Error refused(std::string message, std::string_view id = {}) {
  return Error{ErrorCode::kInvalid, std::move(message), {std::string(id), "", 0, 0}};
}

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

model::Result<RetentionPolicy> read_retention(const Catalog& catalog) {
  RetentionPolicy policy;
  for (auto [key, years] : {std::pair{"retention.invoice", &policy.invoice_years},
                            std::pair{"retention.receipt", &policy.receipt_years},
                            std::pair{"retention.other", &policy.other_years}}) {
    auto value = catalog.setting(key);
    if (!value)
      return value.error();
    if (*value) {
      const std::string& text = **value;
      if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != text.npos)
        return Error{ErrorCode::kMalformed, std::string("setting ") + key + " is not a number", {}};
      *years = std::stoi(text);
    }
  }
  return policy;
}

}  // namespace

model::Status Archive::init(const std::filesystem::path& dir, const RetentionPolicy& retention,
                            const MasterKey* key, const env::Env& env) {
  if (env.files.exists(dir / kCatalogFile))
    return refused("already an archive: " + (dir / kCatalogFile).string());
  auto folder = env.files.open_output_folder(dir);
  if (!folder)
    return folder.error();
  auto catalog = SqliteCatalog::open(dir / kCatalogFile);
  if (!catalog)
    return catalog.error();
  for (auto [name, years] : {std::pair{"retention.invoice", retention.invoice_years},
                             std::pair{"retention.receipt", retention.receipt_years},
                             std::pair{"retention.other", retention.other_years}}) {
    if (auto set = (*catalog)->set_setting(name, std::to_string(years)); !set)
      return set;
  }
  if (key) {
    if (auto set = (*catalog)->set_setting(kKeySetting, key->id()); !set)
      return set;
  }
  nlohmann::json detail = {{"encrypted", key != nullptr},
                           {"retention_years",
                            {{"invoice", retention.invoice_years},
                             {"receipt", retention.receipt_years},
                             {"other", retention.other_years}}}};
  if (key)
    detail["key_id"] = key->id();
  auto entry = (*catalog)->append(
      {env::utc_timestamp(env.clock.now()), "system", "init", "", "einvoice", dump(detail)});
  if (!entry)
    return entry.error();
  return model::Status::Ok();
}

model::Result<std::unique_ptr<Archive>> Archive::open(const std::filesystem::path& dir,
                                                      const MasterKey* key, const env::Env& env) {
  if (!env.files.exists(dir / kCatalogFile))
    return Error{ErrorCode::kInvalidArgument,
                 "not an archive (no " + std::string(kCatalogFile) +
                     "): create it with 'einvoice archive init'",
                 {dir.string(), "", 0, 0}};
  std::unique_ptr<Archive> archive(new Archive());
  archive->dir_ = dir;
  archive->env_ = &env;
  auto catalog = SqliteCatalog::open(dir / kCatalogFile);
  if (!catalog)
    return catalog.error();
  archive->catalog_ = std::move(*catalog);
  auto key_id = archive->catalog_->setting(kKeySetting);
  if (!key_id)
    return key_id.error();
  if (*key_id && !key)
    return Error{ErrorCode::kInvalidArgument,
                 "the archive is encrypted (master key " + **key_id + "): give its key file",
                 {dir.string(), "", 0, 0}};
  if (!*key_id && key)
    return Error{ErrorCode::kInvalidArgument,
                 "the archive is not encrypted: no key file expected",
                 {dir.string(), "", 0, 0}};
  if (key && key->id() != **key_id)
    return refused("wrong key: the key file holds key " + key->id() +
                       ", the archive's master key is " + **key_id,
                   dir.string());
  if (key)
    archive->key_ = *key;
  auto retention = read_retention(*archive->catalog_);
  if (!retention)
    return retention.error();
  archive->retention_ = *retention;
  auto store = FolderObjectStore::open(env.files, dir / kObjectsFolder);
  if (!store)
    return store.error();
  archive->store_ = std::move(*store);
  auto folder = env.files.open_output_folder(dir);
  if (!folder)
    return folder.error();
  archive->folder_ = std::move(*folder);
  return archive;
}

std::string Archive::now() const {
  return env::utc_timestamp(env_->clock.now());
}

JournalDraft Archive::draft(std::string category, std::string event, std::string id,
                            std::string_view actor, std::string detail) const {
  return {now(),         std::move(category), std::move(event),
          std::move(id), std::string(actor),  std::move(detail)};
}

model::Result<std::string> Archive::new_id() const {
  std::uint8_t random[12];
  if (auto filled = env_->random.fill(random); !filled)
    return filled.error();
  return "ar-" + to_hex(std::string_view(reinterpret_cast<const char*>(random), sizeof random));
}

// Fills `object` for `item` and returns the bytes to store (sealed under a
// fresh data key when the archive is encrypted).
model::Result<std::string> Archive::prepare(const DepositItem& item, ArchivedObject& object) const {
  if (item.bytes.size() > kMaxObjectBytes)
    return Error{ErrorCode::kLimitExceeded,
                 "larger than the archive's limit of " + std::to_string(kMaxObjectBytes) + " bytes",
                 {item.metadata.file_name, "", 0, 0}};
  auto id = new_id();
  if (!id)
    return id.error();
  object.id = *id;
  object.sha256 = Sha256::hex(item.bytes);
  object.size = item.bytes.size();
  object.metadata = item.metadata;
  if (!key_) {
    object.stored_sha256 = object.sha256;
    return item.bytes;
  }
  std::string data_key;
  auto wrapped = key_->new_data_key(env_->random, object.sha256, data_key);
  if (!wrapped)
    return wrapped.error();
  auto sealed = seal_object(env_->random, data_key, object.sha256, item.bytes);
  if (!sealed)
    return sealed.error();
  object.key_id = key_->id();
  object.wrapped_key = *wrapped;
  object.stored_sha256 = Sha256::hex(*sealed);
  return sealed;
}

model::Result<std::vector<DepositResult>> Archive::deposit(const std::vector<DepositItem>& items,
                                                           std::string_view actor) const {
  std::vector<ArchivedObject> objects;
  std::vector<JournalDraft> drafts;
  const std::string time = now();
  std::vector<std::pair<std::string, std::string>> pending;  // key, bytes to store
  for (const auto& item : items) {
    ArchivedObject object;
    object.deposited_at = time;
    auto stored = prepare(item, object);
    if (!stored)
      return stored.error();
    auto existing = catalog_->find_live(object.sha256, object.metadata.siren);
    if (!existing)
      return existing.error();
    if (!*existing)
      pending.push_back({object.stored_sha256, std::move(*stored)});
    const nlohmann::json detail = {{"sha256", object.sha256},
                                   {"size", object.size},
                                   {"stored_sha256", object.stored_sha256},
                                   {"metadata_sha256", object.metadata_sha256()},
                                   {"file", object.metadata.file_name},
                                   {"siren", object.metadata.siren}};
    drafts.push_back(draft("lifecycle", "deposit", object.id, actor, dump(detail)));
    drafts.back().time = time;
    objects.push_back(std::move(object));
  }
  // Every object flushed to disk before the group is recorded.
  if (auto put = parallel_writes(
          pending.size(), kDepositWriteThreads,
          [&](std::size_t i) { return store_->put(pending[i].first, pending[i].second); });
      !put)
    return put.error();
  auto recorded = catalog_->record_deposits(objects, drafts);
  if (!recorded)
    return recorded.error();
  std::vector<DepositResult> out;
  std::vector<ArchivedObject> unreceipted;
  for (std::size_t i = 0; i < recorded->size(); ++i) {
    const auto& r = (*recorded)[i];
    auto found = catalog_->find(r.id);
    if (!found)
      return found.error();
    if (!*found)
      return Error{ErrorCode::kIo, "the catalog lost the row it just recorded", {r.id, "", 0, 0}};
    auto kept = r.existing ? catalog_->receipt(r.id) : std::optional<StoredReceipt>();
    if (!kept)
      return kept.error();
    if (!*kept)
      unreceipted.push_back(**found);
    out.push_back(
        {r.id, objects[i].sha256, objects[i].size, (*found)->deposited_at, r.existing, r.sequence});
  }
  if (auto issued = issue_receipts(unreceipted); !issued)
    return issued.error();
  return out;
}

model::Result<std::string> Archive::seal(std::string_view bytes, std::string_view name) const {
  if (!sealer_)
    return std::string();
  return sealer_->seal(bytes, name);
}

model::Status Archive::issue_receipts(const std::vector<ArchivedObject>& objects) const {
  std::vector<StoredReceipt> receipts(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    auto entries = catalog_->journal(objects[i].deposit_sequence, 1);
    if (!entries)
      return entries.error();
    if (entries->empty() || entries->front().draft.subject != objects[i].id)
      return refused(objects[i].id + ": its deposit journal entry is missing", objects[i].id);
    receipts[i].id = objects[i].id;
    receipts[i].receipt = ExportLayout::receipt(objects[i], entries->front());
  }
  if (auto sealed = parallel_writes(receipts.size(), sealer_ ? kSealThreads : 1,
                                    [&](std::size_t i) -> model::Status {
                                      auto seal_bytes =
                                          seal(receipts[i].receipt, "receipt of " + receipts[i].id);
                                      if (!seal_bytes)
                                        return seal_bytes.error();
                                      receipts[i].seal = std::move(*seal_bytes);
                                      return model::Status::Ok();
                                    });
      !sealed)
    return sealed;
  return receipts.empty() ? model::Status::Ok() : catalog_->store_receipts(receipts);
}

model::Result<ArchivedObject> Archive::find(std::string_view id) const {
  auto found = catalog_->find(id);
  if (!found)
    return found.error();
  if (!*found)
    return refused("no archived object has id '" + std::string(id.substr(0, 80)) + "'", id);
  return std::move(**found);
}

model::Result<ArchivedObject> Archive::live(std::string_view id) const {
  auto object = find(id);
  if (object && object->destroyed)
    return refused(std::string(id) + " was destroyed", id);
  return object;
}

model::Result<std::string> Archive::stored_bytes(const ArchivedObject& object) const {
  auto stored = store_->get(object.stored_sha256, kMaxObjectBytes + 64);
  if (!stored)
    return stored.error();
  if (Sha256::hex(*stored) != object.stored_sha256)
    return refused(object.id + ": the stored object " + store_->describe(object.stored_sha256) +
                       " no longer matches its fingerprint",
                   object.id);
  if (object.key_id.empty())
    return stored;
  if (!key_ || key_->id() != object.key_id)
    return refused(object.id + " is encrypted under key " + object.key_id, object.id);
  auto data_key = key_->unwrap(object.wrapped_key, object.sha256);
  if (!data_key)
    return refused(object.id + ": " + data_key.error().message, object.id);
  auto plain = open_object(*data_key, object.sha256, *stored);
  if (!plain)
    return refused(object.id + ": " + plain.error().message, object.id);
  if (Sha256::hex(*plain) != object.sha256)
    return refused(object.id + ": decrypted bytes do not match the fingerprint", object.id);
  return plain;
}

model::Result<std::string> Archive::get(std::string_view id, std::string_view actor) const {
  auto object = live(id);
  if (!object)
    return object.error();
  auto bytes = stored_bytes(*object);
  if (!bytes)
    return bytes.error();
  const nlohmann::json detail = {{"sha256", object->sha256}};
  if (auto entry = catalog_->append(draft("access", "get", object->id, actor, dump(detail)));
      !entry)
    return entry.error();
  return bytes;
}

model::Result<std::vector<ArchivedObject>> Archive::list(std::optional<std::string> siren) const {
  return catalog_->list(std::move(siren), /*include_destroyed=*/false);
}

model::Status Archive::hold(std::string_view id, std::string_view reason,
                            std::string_view actor) const {
  return set_hold(id, true, reason, actor);
}

model::Status Archive::release(std::string_view id, std::string_view reason,
                               std::string_view actor) const {
  return set_hold(id, false, reason, actor);
}

model::Status Archive::set_hold(std::string_view id, bool on_hold, std::string_view reason,
                                std::string_view actor) const {
  auto object = live(id);
  if (!object)
    return object.error();
  if (object->on_hold == on_hold)
    return refused(
        std::string(id) + (on_hold ? " is under legal hold already" : " is not under legal hold"),
        id);
  object->on_hold = on_hold;
  const nlohmann::json detail = {{"reason", std::string(reason)}};
  auto entry = catalog_->update(
      *object, draft("lifecycle", on_hold ? "hold" : "release", object->id, actor, dump(detail)));
  if (!entry)
    return entry.error();
  return model::Status::Ok();
}

model::Result<std::string> Archive::destroy(std::string_view id,
                                            std::string_view authorized_by) const {
  auto object = live(id);
  if (!object)
    return object.error();
  if (object->on_hold)
    return refused(std::string(id) + " is under legal hold: release it first", id);
  const auto expiry = retention_.expiry(*object);
  const auto today = std::chrono::floor<std::chrono::days>(env_->clock.now());
  const std::string expiry_text = expiry ? env::utc_timestamp(*expiry).substr(0, 10) : "unknown";
  if (!expiry || today < *expiry)
    return refused(std::string(id) + " is under retention until " + expiry_text + " (" +
                       std::to_string(retention_.years_for(object->metadata.document_class)) +
                       " years for class " + to_string(object->metadata.document_class) + ")",
                   id);
  const nlohmann::json metadata = nlohmann::json::parse(object->metadata_json());
  const nlohmann::json detail = {{"sha256", object->sha256},
                                 {"metadata", metadata},
                                 {"authorized_by", std::string(authorized_by)},
                                 {"retention_expired", expiry_text}};
  object->destroyed = true;
  object->wrapped_key.clear();
  auto entry = catalog_->update(
      *object, draft("lifecycle", "destroy", object->id, authorized_by, dump(detail)));
  if (!entry)
    return entry.error();
  // The bytes go once no live object shares them (same bytes, other SIREN).
  auto sharing = catalog_->list(std::nullopt, false);
  if (!sharing)
    return sharing.error();
  bool shared = false;
  for (const auto& other : *sharing)
    shared = shared || other.stored_sha256 == object->stored_sha256;
  if (!shared) {
    if (auto removed = store_->remove(object->stored_sha256); !removed)
      return removed.error();
  }
  const nlohmann::json certificate = {{"certificate", "destruction"},
                                      {"id", object->id},
                                      {"sha256", object->sha256},
                                      {"metadata", metadata},
                                      {"destroyed_at", entry->draft.time},
                                      {"authorized_by", std::string(authorized_by)},
                                      {"retention_expired", expiry_text},
                                      {"copies_removed", shared ? 0 : 1},
                                      {"journal_sequence", entry->sequence},
                                      {"journal_entry_sha256", entry->hash()}};
  const std::string text = certificate.dump(2) + "\n";
  if (auto written = folder_->write("certificates/destruction-" + object->id + ".json", text);
      !written)
    return written.error();
  return text;
}

model::Status Archive::rotate_key(const MasterKey& new_key, std::string_view actor) const {
  if (!key_)
    return Error{
        ErrorCode::kInvalidArgument, "the archive is not encrypted", {dir_.string(), "", 0, 0}};
  auto objects = catalog_->list(std::nullopt, /*include_destroyed=*/true);
  if (!objects)
    return objects.error();
  std::size_t rewrapped = 0;
  for (auto& object : *objects) {
    if (object.wrapped_key.empty())
      continue;
    auto data_key = key_->unwrap(object.wrapped_key, object.sha256);
    if (!data_key)
      return refused(object.id + ": " + data_key.error().message, object.id);
    auto wrapped = new_key.wrap(env_->random, *data_key, object.sha256);
    if (!wrapped)
      return wrapped.error();
    object.wrapped_key = *wrapped;
    object.key_id = new_key.id();
    ++rewrapped;
  }
  const nlohmann::json detail = {
      {"from", key_->id()}, {"to", new_key.id()}, {"objects", rewrapped}};
  auto entry = catalog_->update_all(*objects, {kKeySetting, new_key.id()},
                                    draft("system", "rotate-key", "", actor, dump(detail)));
  if (!entry)
    return entry.error();
  return model::Status::Ok();
}

model::Result<StoredReceipt> Archive::receipt(const ArchivedObject& object) const {
  auto kept = catalog_->receipt(object.id);
  if (!kept)
    return kept.error();
  if (*kept)
    return std::move(**kept);
  auto entries = catalog_->journal(object.deposit_sequence, 1);
  if (!entries)
    return entries.error();
  if (entries->empty() || entries->front().draft.subject != object.id)
    return refused(object.id + ": its deposit journal entry is missing", object.id);
  return StoredReceipt{object.id, ExportLayout::receipt(object, entries->front()), ""};
}

}  // namespace einvoice::archive
