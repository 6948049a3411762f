-- wrk script for bench/load.py: POST /verify with a fixed mix of cache hits and misses.
--   wrk -t T -c C -d D -s bench/wrk_verify.lua URL -- <misses file> <hits file> <hits per 10 requests>
-- Each file holds one JSON request body a line. Each wrk thread takes every T-th miss body
-- (offset by its id) so no two requests anywhere share a miss claim, and cycles through the
-- hit bodies (already cached). Responses are counted by status and by their "cached" flag, so
-- the report says how many hits and misses the service really answered. Bounded by wrk's -d.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local function read_lines(path)
   local out = {}
   for line in io.lines(path) do
      if #line > 0 then out[#out + 1] = line end
   end
   return out
end

function init(args)
   local all_misses = read_lines(args[1])
   hits_bodies = read_lines(args[2])
   hit_tenths = tonumber(args[3])
   local nthreads = tonumber(args[4])
   misses_bodies = {}
   for i = 1, #all_misses do
      if (i - 1) % nthreads == id then misses_bodies[#misses_bodies + 1] = all_misses[i] end
   end
   n, mi, hi = 0, 0, 0
   sent_hits, sent_misses, miss_wraps = 0, 0, 0
   got_cached, got_fresh, got_other = 0, 0, 0
   status_2xx, status_4xx, status_5xx = 0, 0, 0
   headers = {["Content-Type"] = "application/json"}
end

function request()
   n = n + 1
   local body
   if (n % 10) < hit_tenths then
      hi = hi % #hits_bodies + 1
      body = hits_bodies[hi]
      sent_hits = sent_hits + 1
   else
      mi = mi + 1
      if mi > #misses_bodies then mi = 1; miss_wraps = miss_wraps + 1 end
      body = misses_bodies[mi]
      sent_misses = sent_misses + 1
   end
   return wrk.format("POST", "/verify", headers, body)
end

function response(status, headers, body)
   if status >= 200 and status < 300 then
      status_2xx = status_2xx + 1
      if string.find(body, '"cached":true', 1, true) then
         got_cached = got_cached + 1
      elseif string.find(body, '"cached":false', 1, true) then
         got_fresh = got_fresh + 1
      else
         got_other = got_other + 1
      end
   elseif status >= 500 then
      status_5xx = status_5xx + 1
   else
      status_4xx = status_4xx + 1
   end
end

function done(summary, latency, requests)
   local t = {sent_hits = 0, sent_misses = 0, miss_wraps = 0, got_cached = 0, got_fresh = 0, got_other = 0,
              status_2xx = 0, status_4xx = 0, status_5xx = 0}
   for _, thread in ipairs(threads) do
      for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
   end
   local e = summary.errors
   io.write("WRK_JSON ")
   io.write(string.format(
      '{"duration_us": %d, "requests": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"latency_us": {"p50": %d, "p90": %d, "p95": %d, "p99": %d, "max": %d, "mean": %.1f, "stdev": %.1f}, ',
      summary.duration, summary.requests, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
      latency.max, latency.mean, latency.stdev))
   io.write(string.format(
      '"counts": {"sent_hits": %d, "sent_misses": %d, "miss_wraps": %d, "got_cached": %d, "got_fresh": %d, ' ..
      '"got_other": %d, "status_2xx": %d, "status_4xx": %d, "status_5xx": %d}}\n',
      t.sent_hits, t.sent_misses, t.miss_wraps, t.got_cached, t.got_fresh, t.got_other,
      t.status_2xx, t.status_4xx, t.status_5xx))
end
