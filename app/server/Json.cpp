#include "server/Json.h"

#include "core/Decimal.h"
#include "core/Utf8.h"
#include "io/json/ResultJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cmath>

namespace fairtender::server {

namespace {

bool wellFormedUtf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = utf8SequenceLength(text, i, c);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

Diagnostic invalid(const std::string& message) {
    Diagnostic d = errorAt({}, message);
    d.code = "request.invalid";
    return d;
}

} // namespace

void JsonObject::key(const std::string& name) {
    if (!body_.empty())
        body_ += ',';
    body_ += jsonQuoted(name);
    body_ += ':';
}

JsonObject& JsonObject::text(const std::string& name, const std::string& value) {
    key(name);
    body_ += jsonQuoted(value);
    return *this;
}

JsonObject& JsonObject::number(const std::string& name, double value) {
    key(name);
    body_ += std::isfinite(value) ? exactDecimalText(value) : "null";
    return *this;
}

JsonObject& JsonObject::integer(const std::string& name, std::int64_t value) {
    key(name);
    body_ += std::to_string(value);
    return *this;
}

JsonObject& JsonObject::boolean(const std::string& name, bool value) {
    key(name);
    body_ += value ? "true" : "false";
    return *this;
}

JsonObject& JsonObject::null(const std::string& name) {
    key(name);
    body_ += "null";
    return *this;
}

JsonObject& JsonObject::raw(const std::string& name, const std::string& json) {
    key(name);
    body_ += json;
    return *this;
}

JsonArray& JsonArray::text(const std::string& value) {
    return raw(jsonQuoted(value));
}

JsonArray& JsonArray::raw(const std::string& json) {
    if (!body_.empty())
        body_ += ',';
    body_ += json;
    return *this;
}

std::string diagnosticsJson(const Diagnostics& diagnostics) {
    JsonArray out;
    for (const auto& d : diagnostics) {
        JsonObject item;
        item.text("severity", d.severity == Severity::Error ? "error" : "warning");
        item.text("message", d.message);
        if (!d.code.empty())
            item.text("code", d.code);
        if (!d.where.file.empty()) {
            item.text("file", d.where.file);
            item.integer("line", d.where.line);
            item.integer("column", d.where.column);
            item.text("where", d.where.toString());
        }
        out.add(item);
    }
    return out.str();
}

struct RequestBody::Impl {
    Poco::JSON::Object::Ptr object;
};

RequestBody::RequestBody(const std::string& json, const std::set<std::string>& known)
    : impl_(std::make_unique<Impl>()), problems_(ownProblems_) {
    if (!wellFormedUtf8(json)) {
        problems_.push_back(invalid("the request body is not UTF-8 text"));
        return;
    }
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var parsed = parser.parse(json);
        if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
            problems_.push_back(invalid("the request body must be one JSON object"));
            return;
        }
        impl_->object = parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        problems_.push_back(invalid("the request body is not JSON: " + e.message()));
        return;
    }
    for (const auto& [name, value] : *impl_->object)
        if (!known.count(name))
            refuse(name, "is not a field of this request");
}

RequestBody::RequestBody(std::unique_ptr<Impl> impl, const std::string& prefix, Diagnostics& into,
                         const std::set<std::string>& known)
    : impl_(std::move(impl)), prefix_(prefix), problems_(into) {
    for (const auto& [name, value] : *impl_->object)
        if (!known.count(name))
            refuse(name, "is not a field of this request");
}

RequestBody::~RequestBody() = default;

void RequestBody::refuse(const std::string& field, const std::string& message) {
    problems_.push_back(invalid("\"" + prefix_ + field + "\" " + message));
}

std::optional<std::string> RequestBody::text(const std::string& field, bool required) {
    if (!impl_->object)
        return std::nullopt;
    if (!impl_->object->has(field) || impl_->object->isNull(field)) {
        if (required)
            refuse(field, "is missing: give it as a string");
        return std::nullopt;
    }
    const Poco::Dynamic::Var value = impl_->object->get(field);
    if (!value.isString()) {
        refuse(field, "must be a string");
        return std::nullopt;
    }
    return value.extract<std::string>();
}

std::optional<double> RequestBody::number(const std::string& field, bool required) {
    if (!impl_->object)
        return std::nullopt;
    if (!impl_->object->has(field) || impl_->object->isNull(field)) {
        if (required)
            refuse(field, "is missing: give it as a number");
        return std::nullopt;
    }
    const Poco::Dynamic::Var value = impl_->object->get(field);
    // A number as text ("3.5") is read exactly, as a score sheet's cell is.
    if (value.isString()) {
        const auto parsed = parseDecimal(value.extract<std::string>());
        if (!parsed)
            refuse(field, "must be a number");
        return parsed;
    }
    if (!value.isNumeric() || value.isBoolean()) {
        refuse(field, "must be a number");
        return std::nullopt;
    }
    const double number = value.convert<double>();
    if (!std::isfinite(number)) {
        refuse(field, "must be a finite number");
        return std::nullopt;
    }
    return number;
}

std::optional<bool> RequestBody::boolean(const std::string& field, bool required) {
    if (!impl_->object)
        return std::nullopt;
    if (!impl_->object->has(field) || impl_->object->isNull(field)) {
        if (required)
            refuse(field, "is missing: give it as true or false");
        return std::nullopt;
    }
    const Poco::Dynamic::Var value = impl_->object->get(field);
    if (!value.isBoolean()) {
        refuse(field, "must be true or false");
        return std::nullopt;
    }
    return value.extract<bool>();
}

std::optional<std::map<std::string, std::string>> RequestBody::textMap(const std::string& field,
                                                                       bool required) {
    if (!impl_->object)
        return std::nullopt;
    const Poco::JSON::Object::Ptr inner = impl_->object->getObject(field);
    if (!inner) {
        if (impl_->object->has(field))
            refuse(field, "must be an object of file names and texts");
        else if (required)
            refuse(field, "is missing: give an object of file names and texts");
        return std::nullopt;
    }
    std::map<std::string, std::string> out;
    for (const auto& [name, value] : *inner) {
        if (!value.isString()) {
            refuse(field + "." + name, "must be the file's text, a string");
            continue;
        }
        out[name] = value.extract<std::string>();
    }
    return out;
}

std::vector<std::unique_ptr<RequestBody>>
RequestBody::objects(const std::string& field, bool required, const std::set<std::string>& known) {
    std::vector<std::unique_ptr<RequestBody>> out;
    if (!impl_->object)
        return out;
    const Poco::JSON::Array::Ptr array = impl_->object->getArray(field);
    if (!array) {
        if (impl_->object->has(field))
            refuse(field, "must be an array of objects");
        else if (required)
            refuse(field, "is missing: give an array of objects");
        return out;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::JSON::Object::Ptr item = array->getObject(static_cast<unsigned>(i));
        const std::string prefix = prefix_ + field + "[" + std::to_string(i) + "].";
        if (!item) {
            problems_.push_back(invalid("\"" + prefix_ + field + "[" + std::to_string(i) +
                                        "]\" must be an object"));
            continue;
        }
        auto impl = std::make_unique<Impl>();
        impl->object = item;
        out.push_back(std::unique_ptr<RequestBody>(
            new RequestBody(std::move(impl), prefix, problems_, known)));
    }
    return out;
}

} // namespace fairtender::server
