-- Shared by every ledger script, prepended when the script is loaded. Every script's first four keys are the
-- tenant's balance, reservations (zset), reservation-data and keys-reserved hashes, in that order.

-- Drops the open reservation of a request id, if any; returns true if there was one.
local function release_reservation(rid)
  local data = redis.call('HGET', KEYS[3], rid)
  redis.call('ZREM', KEYS[2], rid)
  if not data then
    return false
  end
  local sep = string.find(data, '|', 1, true)
  local key = string.sub(data, 1, sep - 1)
  local amount = string.sub(data, sep + 1)
  redis.call('HINCRBY', KEYS[1], 'reserved', '-' .. amount)
  if redis.call('HINCRBY', KEYS[4], key, '-' .. amount) <= 0 then
    redis.call('HDEL', KEYS[4], key)
  end
  redis.call('HDEL', KEYS[3], rid)
  return true
end

-- Redis does not roll back a script that fails half-way, so a script checks the types of the keys it will write
-- before its first write: a key of the wrong type (written by something else) fails the script with nothing
-- changed, instead of, say, marking a generation settled without charging it. Returns an error reply, or nil.
local function wrong_type(expected)
  for i, want in ipairs(expected) do
    local actual = redis.call('TYPE', KEYS[i])['ok']
    if actual ~= 'none' and actual ~= want then
      return redis.error_reply('WRONGTYPE ledger key ' .. KEYS[i] .. ' holds a ' .. actual .. ', not a ' .. want)
    end
  end
  return nil
end
