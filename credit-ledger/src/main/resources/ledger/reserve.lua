-- Reserves the maximum cost of a request against the tenant's credit and the key's limit, atomically.
-- KEYS: 1 balance, 2 reservations (zset), 3 reservation-data, 4 keys-reserved, 5 key spend
-- ARGV: 1 request id, 2 key hash, 3 amount, 4 now (ms), 5 expiry (ms), 6 key limit (-1: none), 7 key period field
-- Returns {status, tenant available after, key remaining after}: status 1 reserved, 2 already reserved,
-- 0 tenant credit insufficient, -1 key limit reached. Amounts are integer nanodollars, always passed to Redis as
-- strings (Lua numbers are doubles); comparisons in Lua are exact below 2^53 nanodollars (about 9 million USD).

local refused = wrong_type({'hash', 'zset', 'hash', 'hash', 'hash'})
if refused then
  return refused
end

for _, rid in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[4], 'LIMIT', 0, 200)) do
  release_reservation(rid)
end

if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then
  return {2, 0, 0}
end

local balance = redis.call('HMGET', KEYS[1], 'credits', 'usage', 'reserved')
local available = (tonumber(balance[1]) or 0) - (tonumber(balance[2]) or 0) - (tonumber(balance[3]) or 0)
local amount = tonumber(ARGV[3])
if available < amount then
  return {0, available, -1}
end

local remaining = -1
local limit = tonumber(ARGV[6])
if limit >= 0 then
  local spent = tonumber(redis.call('HGET', KEYS[5], ARGV[7]) or '0')
  local reserved = tonumber(redis.call('HGET', KEYS[4], ARGV[2]) or '0')
  remaining = limit - spent - reserved
  if remaining < amount then
    return {-1, available, remaining}
  end
  remaining = remaining - amount
end

redis.call('HINCRBY', KEYS[1], 'reserved', ARGV[3])
redis.call('HINCRBY', KEYS[4], ARGV[2], ARGV[3])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
return {1, available - amount, remaining}
