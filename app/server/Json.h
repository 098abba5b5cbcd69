// Json: the server's JSON in and out. Out: small builders over the engine's jsonQuoted, so
// every string leaves as valid, escaped UTF-8 whatever it holds. In: a request body parsed
// strictly (one object, UTF-8, no field the operation does not know, each field of its
// type), every problem named by its field.
#pragma once

#include "core/Diagnostic.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fairtender::server {

class JsonObject {
public:
    JsonObject& text(const std::string& key, const std::string& value);
    JsonObject& number(const std::string& key, double value);
    JsonObject& integer(const std::string& key, std::int64_t value);
    JsonObject& boolean(const std::string& key, bool value);
    JsonObject& null(const std::string& key);
    // `json` must already be a JSON value.
    JsonObject& raw(const std::string& key, const std::string& json);
    std::string str() const { return "{" + body_ + "}"; }

private:
    void key(const std::string& name);
    std::string body_;
};

class JsonArray {
public:
    JsonArray& add(const JsonObject& object) { return raw(object.str()); }
    JsonArray& text(const std::string& value);
    JsonArray& raw(const std::string& json);
    std::string str() const { return "[" + body_ + "]"; }

private:
    std::string body_;
};

// Each diagnostic as {"severity", "message", "code", "file", "line", "column", "where"}.
std::string diagnosticsJson(const Diagnostics& diagnostics);

// The fields of a request body, read by name and type. Problems collect (code
// "request.invalid", each naming its field); read everything, then check ok().
class RequestBody {
public:
    // Parses `json`, which must be one object whose keys are all in `known`.
    RequestBody(const std::string& json, const std::set<std::string>& known);
    ~RequestBody();
    RequestBody(const RequestBody&) = delete;
    RequestBody& operator=(const RequestBody&) = delete;

    std::optional<std::string> text(const std::string& field, bool required);
    std::optional<double> number(const std::string& field, bool required);
    std::optional<bool> boolean(const std::string& field, bool required);
    // An object of strings: file name -> file text.
    std::optional<std::map<std::string, std::string>> textMap(const std::string& field,
                                                              bool required);
    // An array of objects, each read with `known` keys through a RequestBody of its own.
    std::vector<std::unique_ptr<RequestBody>> objects(const std::string& field, bool required,
                                                      const std::set<std::string>& known);

    bool ok() const { return problems_.empty(); }
    const Diagnostics& problems() const { return problems_; }
    void refuse(const std::string& field, const std::string& message);

private:
    struct Impl;
    RequestBody(std::unique_ptr<Impl> impl, const std::string& prefix, Diagnostics& into,
                const std::set<std::string>& known);
    std::unique_ptr<Impl> impl_;
    std::string prefix_; // "scores[2]." for an object inside an array
    Diagnostics ownProblems_;
    Diagnostics& problems_;
};

} // namespace fairtender::server
