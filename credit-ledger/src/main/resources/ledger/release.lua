-- Releases the open reservation of a request, if any (a request that produced no generation).
-- KEYS: 1 balance, 2 reservations (zset), 3 reservation-data, 4 keys-reserved
-- ARGV: 1 request id
-- Returns 1 if a reservation was released, 0 if there was none.
local data = redis.call('HGET', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if not data then
  return 0
end
local sep = string.find(data, '|', 1, true)
local key = string.sub(data, 1, sep - 1)
local amount = string.sub(data, sep + 1)
redis.call('HINCRBY', KEYS[1], 'reserved', '-' .. amount)
if redis.call('HINCRBY', KEYS[4], key, '-' .. amount) <= 0 then
  redis.call('HDEL', KEYS[4], key)
end
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
