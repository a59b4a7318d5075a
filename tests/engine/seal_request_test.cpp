// What a job's "seal" object may say (engine/seal_request.h): members read
// strictly, and options that contradict each other or lack a partner named.
#include "engine/seal_request.h"

#include <catch2/catch.hpp>
#include <string>

#include "engine/process_json.h"

using einvoice::engine::parse_process_job;
using einvoice::engine::parse_seal_request;
using einvoice::engine::seal_request_problem;
using einvoice::engine::SealRequest;

TEST_CASE("seal request: every member read", "[engine][seal]") {
  auto request = parse_seal_request(
      R"({"key": "k.pem", "cert": "c.pem", "chain": "ch.pem", "password_env": "PW",
          "tsa": "https://tsa.example/", "tsa_user": "u", "tsa_password_env": "TPW",
          "tsa_ca": "ca.pem", "tsa_cert": "tc.pem", "tsa_key": "tk.pem",
          "tsa_proxy": "http://proxy:3128", "tsa_timeout": 12, "level": "B-LTA",
          "as": "pades", "crl": ["a.crl", "b.crl"], "ocsp": ["o.der"]})",
      "job.json");
  REQUIRE(request);
  CHECK(request->key == "k.pem");
  CHECK(request->chain == "ch.pem");
  CHECK(request->password_variable == "PW");
  CHECK(request->tsa_url == "https://tsa.example/");
  CHECK(request->tsa_password_variable == "TPW");
  CHECK(request->tsa_timeout_seconds == 12);
  CHECK(request->level == "B-LTA");
  CHECK(request->format == "pades");
  CHECK(request->crl_files == std::vector<std::string>{"a.crl", "b.crl"});
  CHECK(request->ocsp_files == std::vector<std::string>{"o.der"});
}

TEST_CASE("seal request: wrong members and contradictions are refused, naming them",
          "[engine][seal]") {
  struct Case {
    const char* json;
    const char* message;
  };
  const Case cases[] = {
      {R"([1])", "\"seal\" must be an object"},
      {R"({"p12": "s.p12", "lvl": "B-B"})", "unknown member \"seal\".\"lvl\""},
      {R"({"p12": 3})", "\"seal\".\"p12\" must be a non-empty string"},
      {R"({"p12": ""})", "\"seal\".\"p12\" must be a non-empty string"},
      {R"({"p12": "s.p12", "crl": "a.crl"})", "\"seal\".\"crl\" must be an array of file names"},
      {R"({"p12": "s.p12", "test_tsa": "yes"})", "\"seal\".\"test_tsa\" must be true or false"},
      {R"({"p12": "s.p12", "tsa": "http://t/", "tsa_timeout": "5"})",
       "\"seal\".\"tsa_timeout\" must be a whole number of seconds"},
      {R"({})", "give either --p12 or --key and --cert"},
      {R"({"p12": "s.p12", "key": "k.pem", "cert": "c.pem"})",
       "give either --p12 or --key and --cert"},
      {R"({"key": "k.pem"})", "give either --p12 or --key and --cert"},
      {R"({"p12": "s.p12", "chain": "ch.pem"})", "--chain goes with --key and --cert"},
      {R"({"p12": "s.p12", "tsa": "http://t/", "test_tsa": true})",
       "--tsa and --test-tsa exclude each other"},
      {R"({"p12": "s.p12", "tsa_user": "u"})", "--tsa-user goes with --tsa URL"},
      {R"({"p12": "s.p12", "tsa": "http://t/", "tsa_cert": "c"})",
       "--tsa-cert and --tsa-key go together"},
      {R"({"p12": "s.p12", "tsa": "http://t/", "tsa_timeout": 0})",
       "--tsa-timeout takes whole seconds from 1 to 3600"},
      {R"({"p12": "s.p12", "level": "B-T"})", "B-T needs --tsa URL or --test-tsa"},
      {R"({"p12": "s.p12", "level": "B-X"})", "unknown level 'B-X'"},
      {R"({"p12": "s.p12", "test_tsa": true, "level": "B-LT"})",
       "B-LT needs the signer's revocation data"},
      {R"({"p12": "s.p12", "crl": ["a.crl"]})", "--crl and --ocsp go with --level B-LT or B-LTA"},
      {R"({"p12": "s.p12", "as": "pgp"})", "unknown format 'pgp'"},
      {R"({"p12": "s.p12", "test_tsa_dir": "d"})", "--test-tsa-dir goes with --test-tsa"},
  };
  for (const Case& c : cases) {
    INFO(c.json);
    auto request = parse_seal_request(c.json, "job.json");
    REQUIRE_FALSE(request);
    CHECK(request.error().where.file == "job.json");
    CHECK(request.error().message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("seal request: the defaults make a consistent B-B or B-T request", "[engine][seal]") {
  SealRequest request;
  request.p12 = "s.p12";
  CHECK_FALSE(seal_request_problem(request));
  request.test_tsa = true;
  CHECK_FALSE(seal_request_problem(request));  // B-T by default with a TSA
  request.level = "B-B";
  CHECK_FALSE(seal_request_problem(request));
}

TEST_CASE("process job: a seal object is read into the job, checked like the rest",
          "[engine][seal]") {
  auto job = parse_process_job(
      R"({"inputs": ["a.xml"], "out_dir": "out", "seal": {"p12": "s.p12"}})", "job.json");
  REQUIRE(job);
  REQUIRE(job->seal);
  CHECK(job->seal->p12 == "s.p12");
  auto without = parse_process_job(R"({"inputs": ["a.xml"], "out_dir": "out"})", "job.json");
  REQUIRE(without);
  CHECK_FALSE(without->seal);
  auto bad = parse_process_job(
      R"({"inputs": ["a.xml"], "out_dir": "out", "seal": {"p12": "s.p12", "level": "B-T"}})",
      "job.json");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("B-T needs --tsa URL") != std::string::npos);
}
