-- wrk: POSTs one JSON body (the file named after --) to the URL's path, with the bearer token in $TOKEN
local body
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  local f = assert(io.open(args[1], "rb"))
  body = f:read("*a")
  f:close()
  local token = os.getenv("TOKEN")
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
end

function request()
  return wrk.format("POST", nil, headers, body)
end

-- count answers that are not HTTP 200 or carry "errors" (wrk itself only counts non-2xx)
local bad = 0
function response(status, hdrs, b)
  if status ~= 200 or string.find(b, '"errors"', 1, true) then bad = bad + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
