-- wrk: ranking reads through the proxy as the tender's lead; done() prints "STATUS code n"
-- for every status answered, so the script can check that every read got a 200.
-- wrk -t N -c N -s ranking-reads.lua URL -- TENDER TOKEN

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    path = "/api/v1/tenders/" .. args[1] .. "/ranking"
    headers = {["Authorization"] = "Bearer " .. args[2]}
    statuses = {}
end

function request()
    return wrk.format("GET", path, headers)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("statuses")) do
            io.write("STATUS " .. status .. " " .. n .. "\n")
        end
    end
end
