// The OpenAPI 3 document of the API (docs/openapi.json, built into the server), served at
// /api/v1/openapi.json.
#pragma once

#include <string_view>

namespace fairtender::server {

std::string_view openApiDocument();

} // namespace fairtender::server
