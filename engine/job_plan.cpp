#include "engine/job_plan.h"

#include <algorithm>
#include <map>

namespace einvoice::engine {
namespace fs = std::filesystem;
using model::Error;
using model::ErrorCode;

namespace {

bool has_extension(const fs::path& path, const std::vector<std::string>& extensions) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

Error invalid(const fs::path& path, std::string message) {
  return Error{ErrorCode::kInvalidArgument, std::move(message), {path.string(), "", 0, 0}};
}

}  // namespace

model::Result<std::vector<InputFile>> list_inputs(const std::vector<fs::path>& inputs,
                                                  const env::FileSystem& files,
                                                  const std::vector<std::string>& extensions) {
  std::vector<InputFile> out;
  for (const auto& input : inputs) {
    if (!files.exists(input))
      return invalid(input, "no such file or folder");
    if (files.is_directory(input)) {
      const fs::path folder = env::without_trailing_separators(input);
      auto listed = files.list_files(folder);
      if (!listed)
        return listed.error();
      for (const auto& file : *listed) {
        if (!has_extension(file, extensions))
          continue;
        // Lexical: a link keeps its own name, whatever it points to.
        fs::path relative = file.lexically_relative(folder);
        if (!env::check_relative(relative))
          return invalid(file, "is not below the folder " + folder.string());
        out.push_back({file, std::move(relative)});
      }
    } else {
      fs::path name = input.filename();
      if (!env::check_relative(name))
        return invalid(input, "names no file");
      out.push_back({input, std::move(name)});
    }
  }
  return out;
}

model::Result<std::vector<BatchJob>> plan_jobs(const std::vector<fs::path>& inputs,
                                               const fs::path& out_dir,
                                               const env::FileSystem& files) {
  auto listed = list_inputs(inputs, files);
  if (!listed)
    return listed.error();
  std::vector<BatchJob> jobs;
  for (const auto& file : *listed)
    jobs.push_back({file.path, file.relative});
  std::map<fs::path, fs::path> seen;  // output -> input
  for (const auto& job : jobs) {
    fs::path output = (out_dir / job.output).lexically_normal();
    auto [it, inserted] = seen.emplace(job.output, job.input);
    if (!inserted) {
      return invalid(job.input, "would write the same output " + output.string() + " as " +
                                    it->second.string() + "; give the inputs distinct names");
    }
    std::error_code ec;
    if (fs::exists(output, ec) && fs::equivalent(output, job.input, ec)) {
      return invalid(job.input, "the output would overwrite this input; choose another --out-dir");
    }
  }
  return jobs;
}

}  // namespace einvoice::engine
