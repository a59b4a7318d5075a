#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "model/result.h"

namespace einvoice::accounts {

// A notification to a person (password changed, recovery link). A mail
// transport comes later; until then messages wait in an outbox.
struct Message {
  std::string recipient;  // an e-mail address
  std::string subject;
  std::string body;
  std::int64_t created_at = 0;  // Unix seconds
};

// Where the accounts module sends notifications. Implementations are
// thread-safe; send() returns once the message is kept (durably, for a
// stored outbox).
class Outbox {
 public:
  virtual ~Outbox() = default;
  virtual model::Status send(const Message& message) const = 0;
};

// Keeps messages in memory, for tests.
class MemoryOutbox final : public Outbox {
 public:
  model::Status send(const Message& message) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    messages_.push_back(message);
    return model::Status::Ok();
  }
  std::vector<Message> messages() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return messages_;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::vector<Message> messages_;
};

}  // namespace einvoice::accounts
