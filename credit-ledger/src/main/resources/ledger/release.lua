-- Releases the open reservation of a request, if any (a request that produced no generation).
-- KEYS: 1 balance, 2 reservations (zset), 3 reservation-data, 4 keys-reserved
-- ARGV: 1 request id
-- Returns 1 if a reservation was released, 0 if there was none.
local refused = wrong_type({'hash', 'zset', 'hash', 'hash'})
if refused then
  return refused
end
if release_reservation(ARGV[1]) then
  return 1
end
return 0
