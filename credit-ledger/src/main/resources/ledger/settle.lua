-- Charges one generation exactly once and releases its request's reservation, atomically.
-- KEYS: 1 balance, 2 reservations (zset), 3 reservation-data, 4 keys-reserved, 5 key spend, 6 settled marker
-- ARGV: 1 request id, 2 cost, 3 day field, 4 week field, 5 month field, 6 marker ttl (s)
-- Returns 1 if charged now, 0 if the generation had been charged before.
if not redis.call('SET', KEYS[6], '1', 'NX', 'EX', ARGV[6]) then
  return 0
end
redis.call('HINCRBY', KEYS[1], 'usage', ARGV[2])
redis.call('HINCRBY', KEYS[5], 'total', ARGV[2])
redis.call('HINCRBY', KEYS[5], ARGV[3], ARGV[2])
redis.call('HINCRBY', KEYS[5], ARGV[4], ARGV[2])
redis.call('HINCRBY', KEYS[5], ARGV[5], ARGV[2])

local data = redis.call('HGET', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if data then
  local sep = string.find(data, '|', 1, true)
  local key = string.sub(data, 1, sep - 1)
  local amount = string.sub(data, sep + 1)
  redis.call('HINCRBY', KEYS[1], 'reserved', '-' .. amount)
  if redis.call('HINCRBY', KEYS[4], key, '-' .. amount) <= 0 then
    redis.call('HDEL', KEYS[4], key)
  end
  redis.call('HDEL', KEYS[3], ARGV[1])
end
return 1
