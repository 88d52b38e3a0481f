-- wrk: POSTs the bodies named on the command line (after --) in turn, asking for application/graphql-response+json
-- so that every refusal is an HTTP 400; wrk reports them as "Non-2xx or 3xx responses".
local bodies = {}
local i = 0

function init(args)
  for _, file in ipairs(args) do
    local f = assert(io.open(file, "rb"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
end

function request()
  i = i % #bodies + 1
  return wrk.format("POST", "/graphql", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/graphql-response+json"
  }, bodies[i])
end

-- DELAY_MS: each connection waits this long before its next request (0: as fast as the server answers)
local pause = tonumber(os.getenv("DELAY_MS") or "0")

function delay()
  return pause
end
