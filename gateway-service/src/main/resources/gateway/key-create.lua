-- Creates a record only if its key does not exist yet (a key, a tenant).
-- KEYS: 1 the record (hash)
-- ARGV: field, value, field, value, ...
-- Returns 1 if created, 0 if it existed.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
