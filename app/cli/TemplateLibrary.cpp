#include "cli/TemplateLibrary.h"

#include "core/FileBytes.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace fairtender::cli {

namespace fs = std::filesystem;

namespace {

std::string collapseWhitespace(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string decodeEntities(std::string text) {
    const std::pair<std::string_view, std::string_view> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, plain] : entities) {
        for (auto at = text.find(entity); at != std::string::npos;
             at = text.find(entity, at + plain.size()))
            text.replace(at, entity.size(), plain);
    }
    return text;
}

std::string firstSentence(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
            (i + 1 == text.size() || text[i + 1] == ' '))
            return text.substr(0, i + 1);
    }
    return text;
}

} // namespace

fs::path templatesDirectory() {
    if (const char* fromEnvironment = std::getenv("FAIRTENDER_TEMPLATES");
        fromEnvironment != nullptr && *fromEnvironment != '\0')
        return fs::path(fromEnvironment);
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed =
            executable.parent_path() / ".." / "share" / "fairtender" / "templates";
        if (fs::is_directory(installed, error))
            return installed.lexically_normal();
    }
    return fs::path(FAIRTENDER_SOURCE_TEMPLATES_DIR);
}

fs::path livingWageRatesFile(const fs::path& templates) {
    return templates / "reference" / "living-wage-rates.xml";
}

TemplateInfo describeTemplate(std::string_view xml) {
    TemplateInfo info;
    const auto titleStart = xml.find("<title>");
    if (titleStart != std::string_view::npos) {
        const auto begin = titleStart + 7;
        const auto end = xml.find("</title>", begin);
        if (end != std::string_view::npos)
            info.title = decodeEntities(collapseWhitespace(xml.substr(begin, end - begin)));
    }
    // The leading comment is one that comes before the root element.
    std::size_t at = 0;
    while (true) {
        at = xml.find('<', at);
        if (at == std::string_view::npos)
            break;
        if (xml.substr(at, 2) == "<?") {
            at = xml.find("?>", at);
            if (at == std::string_view::npos)
                break;
            continue;
        }
        if (xml.substr(at, 4) == "<!--") {
            const auto end = xml.find("-->", at + 4);
            if (end != std::string_view::npos)
                info.summary = firstSentence(collapseWhitespace(xml.substr(at + 4, end - at - 4)));
        }
        break;
    }
    return info;
}

std::vector<TemplateInfo> listTemplates(const fs::path& templates) {
    std::vector<TemplateInfo> found;
    std::error_code error;
    fs::directory_iterator it(templates, error);
    if (error)
        return found;
    for (const auto& entry : it) {
        std::error_code typeError;
        if (!entry.is_regular_file(typeError) || entry.path().extension() != ".xml")
            continue;
        const auto text = readFileBytes(entry.path());
        TemplateInfo info = text ? describeTemplate(*text) : TemplateInfo{};
        info.name = entry.path().stem().string();
        info.file = entry.path();
        found.push_back(std::move(info));
    }
    std::sort(found.begin(), found.end(),
              [](const TemplateInfo& a, const TemplateInfo& b) { return a.name < b.name; });
    return found;
}

std::optional<TemplateInfo> findTemplate(const fs::path& templates, std::string_view name) {
    std::string wanted(name);
    if (wanted.size() > 4 && wanted.ends_with(".xml"))
        wanted.resize(wanted.size() - 4);
    for (auto& info : listTemplates(templates))
        if (info.name == wanted)
            return std::move(info);
    return std::nullopt;
}

} // namespace fairtender::cli
