// Archive::audit: the periodic integrity check (NF Z42-013): every stored
// object re-hashed, the journal chain replayed, every catalog row compared
// with what the journal recorded.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "archive/archive.h"
#include "archive/export_layout.h"
#include "archive/sha256.h"
#include "signing/digest.h"
#include "signing/timestamp_token.h"

namespace einvoice::archive {
namespace {

// What the journal says of one object, replayed in order.
struct Recorded {
  std::string metadata_sha256;
  bool on_hold = false;
  bool destroyed = false;
  bool deposited = false;
};

void check_chain(const std::vector<JournalEntry>& entries, AuditReport& report) {
  for (const auto& b : journal::verify_chain(entries)) {
    const auto& entry = entries[b.index];
    if (b.kind == journal::BreakKind::kSequence)
      report.problems.push_back(
          {entry.draft.subject, "journal: entry " + std::to_string(entry.sequence) +
                                    " found where entry " + std::to_string(b.expected) +
                                    " belongs (an entry was removed or reordered)"});
    else
      report.problems.push_back(
          {entry.draft.subject, "journal: entry " + std::to_string(entry.sequence) +
                                    " does not hold the hash of the entry before it "
                                    "(chain broken: removed, inserted or edited entry)"});
  }
  report.journal_entries = entries.size();
}

std::map<std::string, Recorded> replay(const std::vector<JournalEntry>& entries) {
  std::map<std::string, Recorded> out;
  for (const auto& entry : entries) {
    const auto& d = entry.draft;
    if (d.subject.empty())
      continue;
    auto& recorded = out[d.subject];
    if (d.event == "deposit" || d.event == "metadata") {
      const auto detail = nlohmann::json::parse(d.detail, nullptr, false);
      if (detail.is_object() && detail.contains("metadata_sha256") &&
          detail["metadata_sha256"].is_string())
        recorded.metadata_sha256 = detail["metadata_sha256"].get<std::string>();
      recorded.deposited = true;
    } else if (d.event == "hold") {
      recorded.on_hold = true;
    } else if (d.event == "release") {
      recorded.on_hold = false;
    } else if (d.event == "destroy") {
      recorded.destroyed = true;
    }
  }
  return out;
}

void compare_rows(const std::vector<ArchivedObject>& objects,
                  std::map<std::string, Recorded>& recorded, AuditReport& report) {
  for (const auto& object : objects) {
    auto it = recorded.find(object.id);
    if (it == recorded.end() || !it->second.deposited) {
      report.problems.push_back({object.id, "catalog row without a deposit in the journal"});
      continue;
    }
    const Recorded& r = it->second;
    if (object.metadata_sha256() != r.metadata_sha256)
      report.problems.push_back(
          {object.id,
           "catalog row edited: its metadata no longer hash to what the journal "
           "recorded (" +
               r.metadata_sha256.substr(0, 16) + "...)"});
    if (object.on_hold != r.on_hold)
      report.problems.push_back({object.id,
                                 "catalog row edited: legal hold state differs "
                                 "from the journal"});
    if (object.destroyed != r.destroyed)
      report.problems.push_back({object.id,
                                 "catalog row edited: destruction state differs "
                                 "from the journal"});
    it->second.deposited = false;  // seen
  }
  for (const auto& [id, r] : recorded) {
    if (r.deposited)
      report.problems.push_back({id,
                                 "deposited according to the journal, but missing from the "
                                 "catalog (row removed)"});
  }
}

// Each securing run against the journal it closed, and its token's imprint
// against its root (the token's signature needs trust anchors: verify-export).
void check_securings(const std::vector<StoredSecuring>& runs,
                     const std::vector<JournalEntry>& entries, AuditReport& report) {
  std::string previous_record;
  for (const auto& run : runs) {
    const auto& r = run.record;
    const std::string name = "securing " + std::to_string(r.number) + ": ";
    std::vector<JournalEntry> segment;
    for (const auto& entry : entries) {
      if (entry.sequence >= r.first_sequence && entry.sequence <= r.last_sequence)
        segment.push_back(entry);
    }
    if (auto problem = check_segment(r, segment); !problem.empty())
      report.problems.push_back({"", name + problem});
    if (r.previous_record_sha256 != previous_record)
      report.problems.push_back({"", name + "not chained to the previous securing record"});
    previous_record = Sha256::hex(run.record_json);
    auto token = signing::TimestampToken::parse(signing::as_bytes(run.token_der), "token");
    if (!token || to_hex(std::string(token->imprint.begin(), token->imprint.end())) != r.root)
      report.problems.push_back({"", name + "its timestamp token does not timestamp its root"});
  }
}

// Each renewal against the tokens it renews: numbered in order, chained to
// the renewal before, its leaves the SHA-256 of the latest token of each
// securing run (its own, or the previous renewal's), its tree root, its
// token the one it names and over that root, with the record's time.
void check_renewals(const std::vector<StoredSecuring>& runs,
                    const std::vector<StoredRenewal>& renewals, AuditReport& report) {
  const RenewalRecord* previous = nullptr;
  std::string previous_record;
  for (std::size_t i = 0; i < renewals.size(); ++i) {
    const auto& renewal = renewals[i];
    const auto& r = renewal.record;
    const std::string name = "renewal " + std::to_string(r.number) + ": ";
    auto problem = [&](const std::string& what) { report.problems.push_back({"", name + what}); };
    if (r.number != static_cast<std::int64_t>(i + 1))
      problem("journaled as renewal " + std::to_string(i + 1));
    if (auto tree = check_renewal_tree(r); !tree.empty())
      problem(tree);
    if (r.previous_renewal_sha256 != previous_record)
      problem("not chained to the previous renewal record");
    if (r.leaves.size() > runs.size())
      problem("renews securing runs that do not exist");
    if (previous && r.leaves.size() < previous->leaves.size())
      problem("renews fewer securing runs than the renewal before it");
    for (const auto& leaf : r.leaves) {
      const auto s = static_cast<std::size_t>(leaf.securing);
      if (s <= runs.size() &&
          leaf.token_sha256 !=
              expected_leaf(previous, leaf.securing, Sha256::hex(runs[s - 1].token_der))) {
        problem("its leaf of securing " + std::to_string(s) +
                " is not the SHA-256 of that run's latest timestamp token");
        break;
      }
    }
    auto token = signing::TimestampToken::parse(signing::as_bytes(renewal.token_der), "token");
    if (Sha256::hex(renewal.token_der) != r.timestamp_token_sha256)
      problem("its timestamp token is not the one it names");
    else if (!token ||
             to_hex(std::string(token->imprint.begin(), token->imprint.end())) != r.tree_root)
      problem("its timestamp token does not timestamp its tree root");
    else if (env::utc_timestamp(token->gen_time) != r.gen_time)
      problem("its gen_time is not its token's");
    previous = &r;
    previous_record = Sha256::hex(renewal.record_json);
  }
}

}  // namespace

model::Result<AuditReport> Archive::audit(std::string_view actor, unsigned threads) const {
  AuditReport report;
  report.threads = std::max(1u, threads);
  auto entries = catalog_->journal(1, -1);
  if (!entries) {
    report.problems.push_back({"", "journal: " + entries.error().message});
  } else {
    check_chain(*entries, report);
  }
  auto objects = catalog_->list(std::nullopt, /*include_destroyed=*/true);
  if (!objects)
    return objects.error();
  if (entries) {
    auto runs = securings();
    if (!runs)
      report.problems.push_back({"", "securing records: " + runs.error().message});
    else
      check_securings(*runs, *entries, report);
    auto renewed = renewals_in(*entries);
    if (!renewed)
      report.problems.push_back({"", "renewal records: " + renewed.error().message});
    else if (runs)
      check_renewals(*runs, *renewed, report);
    auto recorded = replay(*entries);
    compare_rows(*objects, recorded, report);
    // Each kept receipt is still the one its deposit entry makes.
    for (const auto& object : *objects) {
      auto kept = catalog_->receipt(object.id);
      if (!kept) {
        report.problems.push_back({object.id, "receipt: " + kept.error().message});
        continue;
      }
      const auto index = static_cast<std::size_t>(object.deposit_sequence - 1);
      if (*kept && index < entries->size() &&
          (*entries)[index].sequence == object.deposit_sequence &&
          (*kept)->receipt != ExportLayout::receipt(object, (*entries)[index]))
        report.problems.push_back(
            {object.id, "its kept deposit receipt differs from its catalog row and deposit entry"});
    }
  }
  std::vector<const ArchivedObject*> live;
  for (const auto& object : *objects) {
    if (!object.destroyed)
      live.push_back(&object);
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> bytes{0};
  std::mutex problems_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < live.size(); i = next++) {
      const ArchivedObject& object = *live[i];
      Sha256 hasher;
      std::uint64_t size = 0;
      auto read = store_->read_chunks(object.stored_sha256, kMaxObjectBytes + 64,
                                      [&](std::string_view piece) {
                                        hasher.update(piece);
                                        size += piece.size();
                                        return model::Status::Ok();
                                      });
      bytes += size;
      std::string problem;
      if (!read)
        problem = "object " + store_->describe(object.stored_sha256) +
                  " cannot be read: " + read.error().message;
      else if (hasher.finish_hex() != object.stored_sha256)
        problem = "object " + store_->describe(object.stored_sha256) +
                  " altered: its SHA-256 is no longer the recorded fingerprint";
      else if (key_ && !object.key_id.empty() && !key_->unwrap(object.wrapped_key, object.sha256))
        problem = "its data key does not unwrap under the master key (edited row?)";
      if (!problem.empty()) {
        std::lock_guard<std::mutex> lock(problems_mutex);
        report.problems.push_back({object.id, problem});
      }
    }
  };
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < report.threads; ++t)
    pool.emplace_back(work);
  work();
  for (auto& thread : pool)
    thread.join();
  std::sort(report.problems.begin(), report.problems.end(),
            [](const AuditProblem& a, const AuditProblem& b) {
              return a.archive_id != b.archive_id ? a.archive_id < b.archive_id : a.what < b.what;
            });
  report.hash_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.objects = live.size();
  report.bytes = bytes;
  const nlohmann::json detail = {{"objects", report.objects},
                                 {"bytes", report.bytes},
                                 {"journal_entries", report.journal_entries},
                                 {"problems", report.problems.size()}};
  auto entry = catalog_->append(
      draft("system", "audit", "", actor,
            detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  if (!entry)
    return entry.error();
  return report;
}

}  // namespace einvoice::archive
