/**
 * Takes one token from a portal's bucket, shared by every worker process through Redis.
 * KEYS[1] bucket hash, KEYS[2..] pause keys; ARGV[1] capacity, ARGV[2] refill per ms.
 * Returns 0 when a token was taken, else the ms to wait. Uses Redis' clock so that processes with
 * skewed clocks agree.
 */
export const TOKEN_BUCKET_LUA = `
for i = 2, #KEYS do
  local paused = redis.call('PTTL', KEYS[i])
  if paused > 0 then return paused end
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or capacity
local ts = tonumber(b[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], 120000)
return wait
`;
