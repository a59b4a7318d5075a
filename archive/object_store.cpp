#include "archive/object_store.h"

namespace einvoice::archive {
namespace {

model::Error bad_key(std::string_view key) {
  return model::Error{model::ErrorCode::kInvalidArgument,
                      "not an object key: '" + std::string(key.substr(0, 80)) + "'",
                      {}};
}

bool valid_key(std::string_view key) {
  if (key.size() < 4 || key.size() > 128)
    return false;
  for (char c : key) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return false;
  }
  return true;
}

}  // namespace

model::Result<std::unique_ptr<FolderObjectStore>> FolderObjectStore::open(
    const env::FileSystem& files, const std::filesystem::path& root) {
  auto folder = files.open_output_folder(root);
  if (!folder)
    return folder.error();
  (*folder)->remove_leftovers();
  return std::unique_ptr<FolderObjectStore>(new FolderObjectStore(files, std::move(*folder)));
}

std::filesystem::path FolderObjectStore::relative_path(std::string_view key) {
  return std::filesystem::path(std::string(key.substr(0, 2))) / std::string(key.substr(2, 2)) /
         std::string(key);
}

model::Status FolderObjectStore::put(std::string_view key, std::string_view bytes) const {
  if (!valid_key(key))
    return bad_key(key);
  return folder_->write(relative_path(key), bytes);
}

model::Result<std::string> FolderObjectStore::get(std::string_view key,
                                                  std::size_t max_bytes) const {
  if (!valid_key(key))
    return bad_key(key);
  return files_.read(folder_->path() / relative_path(key), max_bytes);
}

model::Status FolderObjectStore::read_chunks(std::string_view key, std::size_t max_bytes,
                                             const env::FileSystem::ChunkSink& sink) const {
  if (!valid_key(key))
    return bad_key(key);
  return files_.read_chunks(folder_->path() / relative_path(key), max_bytes, sink);
}

model::Status FolderObjectStore::remove(std::string_view key) const {
  if (!valid_key(key))
    return bad_key(key);
  return folder_->remove(relative_path(key));
}

bool FolderObjectStore::contains(std::string_view key) const {
  return valid_key(key) && folder_->has_file(relative_path(key));
}

std::string FolderObjectStore::describe(std::string_view key) const {
  return (folder_->path() / relative_path(key)).string();
}

}  // namespace einvoice::archive
