// HeaderTitles: table headers that name a criterion by its title, as the panel knows it,
// broken onto short lines so the columns stay narrow; the id stays in the tooltip.
#pragma once

#include <string>

namespace fairtender::desktop {

// `title` broken between words onto lines of about 16 characters; `id` when untitled.
std::string wrappedTitle(const std::string& id, const std::string& title);

} // namespace fairtender::desktop
