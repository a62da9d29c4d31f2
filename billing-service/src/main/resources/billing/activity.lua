-- Counts one generation into its tenant's activity of one UTC day, exactly once.
-- KEYS: 1 the day's activity (hash), 2 the generation ids counted that day (set)
-- ARGV: 1 generation id, 2 expiry of both keys (epoch ms), 3 row (JSON array), 4 prompt tokens,
--       5 completion tokens, 6 reasoning tokens, 7 usage (nanodollars)
-- Returns 1 if counted now, 0 if it had been counted before.
-- Key types are checked before the first write: Redis does not roll a script back, so an error after a write would
-- leave the generation marked as counted with only part of its figures added.
for i, expected in ipairs({'hash', 'set'}) do
  local actual = redis.call('TYPE', KEYS[i]).ok
  if actual ~= 'none' and actual ~= expected then
    return redis.error_reply('WRONGTYPE ' .. KEYS[i] .. ' holds a ' .. actual)
  end
end
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then
  return 0
end
local row = ARGV[3]
redis.call('HINCRBY', KEYS[1], 'requests:' .. row, 1)
redis.call('HINCRBY', KEYS[1], 'prompt_tokens:' .. row, ARGV[4])
redis.call('HINCRBY', KEYS[1], 'completion_tokens:' .. row, ARGV[5])
redis.call('HINCRBY', KEYS[1], 'reasoning_tokens:' .. row, ARGV[6])
redis.call('HINCRBY', KEYS[1], 'usage:' .. row, ARGV[7])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
return 1
