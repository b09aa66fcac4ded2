-- GET /customers/{id}, each request for an id picked at random from the seeded customers.
-- usage: wrk ... -s get-by-id.lua URL -- IDS_FILE   (one lowercase UUID a line)
local ids = {}
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + id)
end

function request()
  return wrk.format("GET", "/api/v1/account-manager/customers/" .. ids[math.random(#ids)])
end
