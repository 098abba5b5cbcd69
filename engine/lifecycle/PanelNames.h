// PanelNames: the names a panel is recorded under. A name is who signs a score, a consensus
// or a decision, so two names that look the same on screen and in print must not be two
// people: a name holding an invisible character is refused, and so is one that differs from
// a member's name only by look-alike letters (Cyrillic "А" for Latin "A"), spacing or case.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fairtender {

// Why `name` cannot be a panel member's name (empty, not UTF-8, a control or invisible
// character such as U+200B), or nullopt when it can.
std::optional<std::string> panelNameProblem(std::string_view name);

// The name as it looks: look-alike letters folded to their Latin twins, case folded,
// invisible characters dropped and runs of spaces made one. Two names with the same
// skeleton read as the same person.
std::string nameSkeleton(std::string_view name);

// The member of `names` that `name` cannot be told apart from (same skeleton, other
// characters), or nullopt. A name identical to a member's is not a look-alike.
std::optional<std::string> lookAlikeOf(std::string_view name,
                                       const std::vector<std::string>& names);

} // namespace fairtender
