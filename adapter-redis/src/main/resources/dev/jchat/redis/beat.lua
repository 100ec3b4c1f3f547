-- Marks this instance alive at the server's time. KEYS[1]: the instances (a sorted set: id by last
-- beat, in ms). ARGV[1]: this instance's id. Returns 1 when the id was missing: the first beat, or the
-- instance was counted dead, or Redis lost its data.
local time = redis.call('TIME')
local now = time[1] * 1000 + math.floor(time[2] / 1000)
return redis.call('ZADD', KEYS[1], now, ARGV[1])
