-- wrk: durable score writes through the proxy, one evaluator per thread. Each thread scores
-- its own evaluator's bids and criteria in turn; a 2xx names the score it recorded, and
-- done() prints "OK evaluator bid criterion" for each, so the script can check that every
-- acknowledged write is in the store.
-- wrk -t N -c N -s score-writes.lua URL -- TENDER BIDS CRITERIA EVALUATOR:TOKEN...

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("index", counter)
    table.insert(threads, thread)
end

function init(args)
    tender = args[1]
    bids = tonumber(args[2])
    criteria = {}
    for c in string.gmatch(args[3], "[^,]+") do
        table.insert(criteria, c)
    end
    local pair = args[3 + index]
    evaluator, token = string.match(pair, "([^:]+):(.+)")
    next_item = 0
    oks = {}
    statuses = {}
end

function request()
    local bid = "B" .. tostring(next_item % bids + 1)
    local criterion = criteria[math.floor(next_item / bids) % #criteria + 1]
    next_item = next_item + 1
    local body = '{"scores":[{"bid":"' .. bid .. '","criterion":"' .. criterion ..
                 '","value":3,"reason":"meets the requirement"}]}'
    return wrk.format("POST", "/api/v1/tenders/" .. tender .. "/scores",
                      {["Authorization"] = "Bearer " .. token,
                       ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    if status >= 200 and status < 300 then
        local bid, criterion = string.match(body, '"recorded":%[{"bid":"([^"]+)","criterion":"([^"]+)"}%]')
        table.insert(oks, evaluator .. " " .. (bid or "?") .. " " .. (criterion or "?"))
    end
end

function done(summary, latency, requests)
    for _, thread in ipairs(threads) do
        local list = thread:get("oks")
        for _, line in ipairs(list) do
            io.write("OK " .. line .. "\n")
        end
        for status, n in pairs(thread:get("statuses")) do
            io.write("STATUS " .. status .. " " .. n .. "\n")
        end
    end
end
