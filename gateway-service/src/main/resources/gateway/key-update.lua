-- Changes an API key's record only if it belongs to the tenant and has the role the caller may manage, so a
-- management key can never touch another tenant's keys (or a key deleted in the meantime).
-- KEYS: 1 the key record (hash)
-- ARGV: 1 tenant, 2 role, 3 n, then n field/value pairs to set, then the fields to remove
-- Returns 1 if changed, 0 if there is no such key for this tenant and role.
local owner = redis.call('HMGET', KEYS[1], 'tenant', 'role')
if owner[1] ~= ARGV[1] or (owner[2] or 'USER') ~= ARGV[2] then
  return 0
end
local n = tonumber(ARGV[3])
if n > 0 then
  redis.call('HSET', KEYS[1], unpack(ARGV, 4, 3 + 2 * n))
end
if #ARGV > 3 + 2 * n then
  redis.call('HDEL', KEYS[1], unpack(ARGV, 4 + 2 * n))
end
return 1
