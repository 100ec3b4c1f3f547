-- A connection joins a room. KEYS[1]: the instance's connections (a set of entries), KEYS[2]: the
-- room's connection count per user id, KEYS[3]: the room's user names by id. ARGV: the entry, the user
-- id, the user name. Returns 1 when it is the user's first connection in the room on any instance.
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
if redis.call('HINCRBY', KEYS[2], ARGV[2], 1) == 1 then
  return 1
end
return 0
