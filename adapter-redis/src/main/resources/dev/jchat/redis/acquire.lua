-- Takes a place under a key if fewer than the cap are taken. KEYS[1]: the places taken, KEYS[2]: the
-- places this instance holds, by key. ARGV[1]: the cap. Returns 1 when a place was taken.
if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then
  return 0
end
redis.call('INCR', KEYS[1])
redis.call('HINCRBY', KEYS[2], KEYS[1], 1)
return 1
