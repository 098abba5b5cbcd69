#include "desktop/HeaderTitles.h"

namespace fairtender::desktop {

std::string wrappedTitle(const std::string& id, const std::string& title) {
    constexpr std::size_t kLine = 16;
    if (title.empty())
        return id;
    std::string wrapped;
    std::size_t line = 0;
    std::size_t start = 0;
    while (start < title.size()) {
        std::size_t end = title.find(' ', start);
        if (end == std::string::npos)
            end = title.size();
        const std::string word = title.substr(start, end - start);
        if (line > 0 && line + 1 + word.size() > kLine) {
            wrapped += '\n';
            line = 0;
        } else if (line > 0) {
            wrapped += ' ';
            ++line;
        }
        wrapped += word;
        line += word.size();
        start = end + 1;
    }
    return wrapped;
}

} // namespace fairtender::desktop
