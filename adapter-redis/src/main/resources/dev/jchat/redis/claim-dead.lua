-- Takes the instances whose last beat is older than the TTL out of the set, so that exactly one
-- survivor sweeps each. KEYS[1]: the instances. ARGV[1]: the TTL in ms. Returns their ids.
local time = redis.call('TIME')
local now = time[1] * 1000 + math.floor(time[2] / 1000)
local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
for _, id in ipairs(dead) do
  redis.call('ZREM', KEYS[1], id)
end
return dead
