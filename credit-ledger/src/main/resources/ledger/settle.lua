-- Charges one generation exactly once and releases its request's reservation, atomically.
-- KEYS: 1 balance, 2 reservations (zset), 3 reservation-data, 4 keys-reserved, 5 key spend, 6 settled marker
-- ARGV: 1 request id, 2 cost, 3 day field, 4 week field, 5 month field, 6 marker ttl (s)
-- Returns 1 if charged now, 0 if the generation had been charged before.
local refused = wrong_type({'hash', 'zset', 'hash', 'hash', 'hash', 'string'})
if refused then
  return refused
end
if not redis.call('SET', KEYS[6], '1', 'NX', 'EX', ARGV[6]) then
  return 0
end
redis.call('HINCRBY', KEYS[1], 'usage', ARGV[2])
redis.call('HINCRBY', KEYS[5], 'total', ARGV[2])
redis.call('HINCRBY', KEYS[5], ARGV[3], ARGV[2])
redis.call('HINCRBY', KEYS[5], ARGV[4], ARGV[2])
redis.call('HINCRBY', KEYS[5], ARGV[5], ARGV[2])

release_reservation(ARGV[1])
return 1
