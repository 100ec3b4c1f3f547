-- Counts an attempt now (server time) in a sliding window. KEYS[1]: the attempts (a sorted set by
-- time, in ms). ARGV[1]: the window in ms, ARGV[2]: a name for this attempt unique to the deployment.
local time = redis.call('TIME')
local now = time[1] * 1000 + math.floor(time[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
