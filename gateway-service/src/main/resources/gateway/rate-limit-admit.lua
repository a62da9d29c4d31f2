-- Admits a request against its API key's requests-per-minute and tokens-per-minute buckets, atomically and in one
-- round trip, so every gateway replica sees the same limits. Token buckets: each holds up to its limit, refills at
-- limit per minute (continuously), and a request takes 1 request and its token estimate. A token estimate larger
-- than the whole bucket needs only a full bucket (else it could never pass) and drives the level below zero.
-- KEYS: 1 request bucket, 2 token bucket, 3 this request's token estimate (kept for the later correction)
-- ARGV: 1 now (epoch ms), 2 requests per minute (0: no limit), 3 tokens per minute (0: no limit),
--       4 token estimate, 5 estimate ttl (ms)
-- Returns {admitted (1/0), limit hit or reported (1 requests, 2 tokens, 0 none), its limit, remaining after,
--          ms until the bucket is full again, ms until this request could pass (0 when admitted)}.
local WINDOW = 60000
local now = tonumber(ARGV[1])
local rpm = tonumber(ARGV[2])
local tpm = tonumber(ARGV[3])
local estimate = tonumber(ARGV[4])

-- The bucket's level now. A clock behind the stored one (another replica's) refills nothing and keeps the
-- stored time, so skew between replicas can never hand out a refill twice.
local function level(key, cap)
  local stored = redis.call('HMGET', key, 'level', 'at')
  local value, at = tonumber(stored[1]), tonumber(stored[2])
  if not value or not at then
    return cap, now
  end
  if at >= now then
    return math.min(cap, value), at
  end
  return math.min(cap, value + (now - at) * cap / WINDOW), now
end

local function until_full(value, cap)
  return math.ceil(math.max(0, cap - value) * WINDOW / cap)
end

local function save(key, value, at, cap)
  redis.call('HSET', key, 'level', string.format('%.17g', value), 'at', at, 'cap', cap)
  redis.call('PEXPIRE', key, until_full(value, cap) + WINDOW)
end

local requests, requests_at, tokens, tokens_at
if rpm > 0 then
  requests, requests_at = level(KEYS[1], rpm)
  if requests < 1 then
    return {0, 1, rpm, 0, until_full(requests, rpm), math.ceil((1 - requests) * WINDOW / rpm)}
  end
end
if tpm > 0 then
  tokens, tokens_at = level(KEYS[2], tpm)
  local need = math.min(estimate, tpm)
  if tokens < need then
    return {0, 2, tpm, math.floor(math.max(0, tokens)), until_full(tokens, tpm),
            math.ceil((need - tokens) * WINDOW / tpm)}
  end
end

if tpm > 0 then
  tokens = tokens - estimate
  save(KEYS[2], tokens, tokens_at, tpm)
  redis.call('SET', KEYS[3], estimate, 'PX', ARGV[5])
end
if rpm > 0 then
  requests = requests - 1
  save(KEYS[1], requests, requests_at, rpm)
  return {1, 1, rpm, math.floor(requests), until_full(requests, rpm), 0}
end
if tpm > 0 then
  return {1, 2, tpm, math.floor(math.max(0, tokens)), until_full(tokens, tpm), 0}
end
return {1, 0, 0, 0, 0, 0}
