#!/bin/sh
# Writes engine/identity/BreachedPasswords.cpp: the passwords of the zxcvbn "passwords"
# frequency list (30,000 passwords ranked by how often they appear in public breach corpora,
# as shipped in Debian's libdata-password-zxcvbn-perl) that the length rule would let
# through (12 to 128 characters), in rank order, lower-cased. Run again when the list moves on.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/engine/identity/BreachedPasswords.cpp"
version="$(dpkg-query -W -f '${Version}' libdata-password-zxcvbn-perl)"
{
    cat <<HEADER
// The breached passwords a new password is checked against (see Passwords.h). Written by
// scripts/make-breached-passwords.sh from the zxcvbn "passwords" list (Debian
// libdata-password-zxcvbn-perl $version, MIT licence): the entries of 12 to 128
// characters, most frequent first, lower-cased.
#include "identity/Passwords.h"

namespace fairtender {

const std::string_view kBreachedPasswords[] = {
HEADER
    perl -MData::Password::zxcvbn::RankedDictionaries::Common -e '
        my $p = $Data::Password::zxcvbn::RankedDictionaries::Common::ranked_dictionaries{passwords};
        my %seen;
        for my $w (sort { $p->{$a} <=> $p->{$b} } keys %$p) {
            my $l = lc $w;
            next if length($l) < 12 || length($l) > 128 || $seen{$l}++;
            $l =~ s/(["\\])/\\$1/g;
            print "    \"$l\",\n";
        }'
    cat <<FOOTER
};

const std::size_t kBreachedPasswordCount = std::size(kBreachedPasswords);

} // namespace fairtender
FOOTER
} >"$out"
echo "wrote $out"
