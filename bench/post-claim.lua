-- wrk script: POST a claim to the mentor subsidy calculator (body from $CLAIM, default bench/claim-5-mentees-20-items.json).
local file = assert(io.open(os.getenv("CLAIM") or "bench/claim-5-mentees-20-items.json", "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()
