-- wrk: the peer of score-writes.lua: the same request shape, posted to the insert peer.
-- wrk -t N -c N -s peer-writes.lua URL

local counter = 0

function request()
    counter = counter + 1
    local body = '{"scores":[{"bid":"B' .. tostring(counter % 1000 + 1) ..
                 '","criterion":"q1","value":3,"reason":"meets the requirement"}]}'
    return wrk.format("POST", "/", {["Content-Type"] = "application/json"}, body)
end
