-- Gives back ARGV[1] places that this instance holds under a key; the same keys as acquire.lua.
-- Returns how many it gave back (none when it holds none).
local held = tonumber(redis.call('HGET', KEYS[2], KEYS[1]) or '0')
local count = math.min(held, tonumber(ARGV[1]))
if count <= 0 then
  return 0
end
if held == count then
  redis.call('HDEL', KEYS[2], KEYS[1])
else
  redis.call('HINCRBY', KEYS[2], KEYS[1], -count)
end
if redis.call('DECRBY', KEYS[1], count) <= 0 then
  redis.call('DEL', KEYS[1])
end
return count
