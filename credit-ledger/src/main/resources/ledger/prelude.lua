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
