-- A connection leaves a room; the same keys and arguments as presence-join.lua. Returns 1 when it was
-- the user's last connection in the room on any instance.
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then
  return 0
end
if redis.call('HINCRBY', KEYS[2], ARGV[2], -1) > 0 then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[2])
redis.call('HDEL', KEYS[3], ARGV[2])
return 1
