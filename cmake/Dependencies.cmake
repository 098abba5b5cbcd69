# Every external package the project uses, found in one place with its minimum version.
find_package(pugixml 1.13 REQUIRED)
# libxlsxwriter ships only a pkg-config file (it reports its version as "4"; 1.1.4 is the
# minimum, checked as LXW_VERSION_ID in the exporter).
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
# JSON writes the OCDS release package; Zip reads back the score sheets evaluators fill in
# (.xlsx).
# Net, NetSSL and Util serve the API (fairtender-server).
find_package(Poco 1.11 REQUIRED COMPONENTS Foundation JSON Zip Net NetSSL Util)
# The workspace stores: an SQLite file through the sqlite3 C API, and a PostgreSQL database
# through libpq (the tests also run its server binaries, from the postgresql package).
find_package(SQLite3 3.40 REQUIRED)
find_package(PostgreSQL 15 REQUIRED)
# Accounts: Argon2id password hashes and random tokens (libsodium).
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
# The audit trail's SHA-256 (libcrypto uses the processor's SHA instructions).
find_package(OpenSSL 3.0 REQUIRED COMPONENTS Crypto)
# The desktop app: Widgets, Charts (needs libqt6opengl6-dev), PrintSupport, Concurrent for
# evaluating off the GUI thread, and Test for its GUI tests; the PDF reports: Gui only.
find_package(Qt6 6.4 REQUIRED COMPONENTS Gui Widgets Charts PrintSupport Concurrent Test)

if(FAIRTENDER_BUILD_TESTS)
  find_package(GTest 1.12 REQUIRED)
  # Tamper tests edit workspaces through the plain sqlite3 C API, as an outsider would.
  find_package(SQLite3 3.40 REQUIRED)
  include(GoogleTest)
endif()
if(FAIRTENDER_BUILD_BENCHMARKS)
  find_package(benchmark 1.7 REQUIRED)
endif()
