-- Adds credit once per caller-supplied id.
-- KEYS: 1 balance, 2 top-up marker
-- ARGV: 1 amount
-- Returns 1 if added now, 0 if this id was applied before.
local refused = wrong_type({'hash', 'string'})
if refused then
  return refused
end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX') then
  return 0
end
redis.call('HINCRBY', KEYS[1], 'credits', ARGV[1])
return 1
