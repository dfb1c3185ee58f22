-- wrk script: save the full profile as a consultation (POST /api/v1/consultations; body from $PROFILE).
local file = assert(io.open(os.getenv("PROFILE") or "bench/full-profile.json", "rb"))
wrk.method = "POST"
wrk.path = "/api/v1/consultations"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()
