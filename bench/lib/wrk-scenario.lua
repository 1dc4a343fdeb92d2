-- wrk script for every benchmark run. The requests are prepared once from the file named by
-- BENCH_REQUESTS (one per line: token TAB path TAB body) and sent in rotation, so each request
-- carries the next user's token. Any status other than BENCH_EXPECT counts as unexpected.
-- done() prints one JSON line starting with BENCH_RESULT for bench/lib/load.ts to parse.

local method = os.getenv("BENCH_METHOD") or "GET"
local expected = tonumber(os.getenv("BENCH_EXPECT") or "200")
local requests = {}
local next_index = 0
unexpected = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local token, path, body = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
    local headers = { ["Authorization"] = "Bearer " .. token }
    if body == "" then
      body = nil
    else
      headers["Content-Type"] = "application/json"
    end
    requests[#requests + 1] = wrk.format(method, path, headers, body)
  end
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, _)
  local total_unexpected = 0
  for _, thread in ipairs(threads) do
    total_unexpected = total_unexpected + thread:get("unexpected")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
      '"unexpected":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, total_unexpected, e.connect + e.read + e.write + e.timeout))
end
