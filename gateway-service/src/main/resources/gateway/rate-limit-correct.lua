-- Corrects a request's token estimate by the tokens it really used (0 when no generation happened): the difference
-- goes back into (or, for an underestimate, is taken from) the key's token bucket. The estimate is removed in the
-- same step, so a correction applies at most once however often the usage is delivered.
-- KEYS: 1 token bucket, 2 the request's token estimate
-- ARGV: 1 now (epoch ms), 2 tokens used
-- Returns 1 if corrected, 0 if there was no open estimate (corrected before, or expired).
local WINDOW = 60000
local estimate = redis.call('GET', KEYS[2])
if not estimate then
  return 0
end
redis.call('DEL', KEYS[2])
local stored = redis.call('HMGET', KEYS[1], 'level', 'at', 'cap')
local value, at, cap = tonumber(stored[1]), tonumber(stored[2]), tonumber(stored[3])
if not value or not at or not cap then
  -- The bucket expired: it had refilled completely, and an estimate cannot be owed to a full bucket.
  return 1
end
local now = tonumber(ARGV[1])
if at < now then
  value = math.min(cap, value + (now - at) * cap / WINDOW)
  at = now
end
value = math.min(cap, value + tonumber(estimate) - tonumber(ARGV[2]))
redis.call('HSET', KEYS[1], 'level', string.format('%.17g', value), 'at', at)
redis.call('PEXPIRE', KEYS[1], math.ceil(math.max(0, cap - value) * WINDOW / cap) + WINDOW)
return 1
