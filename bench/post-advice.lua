-- wrk script: POST the full profile to /api/v1/advice (body from $PROFILE, default bench/full-profile.json).
local file = assert(io.open(os.getenv("PROFILE") or "bench/full-profile.json", "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()
