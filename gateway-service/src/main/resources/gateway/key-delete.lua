-- Deletes an API key's record only if it belongs to the tenant and has the role the caller may manage.
-- KEYS: 1 the key record (hash)
-- ARGV: 1 tenant, 2 role
-- Returns 1 if deleted, 0 if there is no such key for this tenant and role.
local owner = redis.call('HMGET', KEYS[1], 'tenant', 'role')
if owner[1] ~= ARGV[1] or (owner[2] or 'USER') ~= ARGV[2] then
  return 0
end
redis.call('DEL', KEYS[1])
return 1
