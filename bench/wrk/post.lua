-- POST /customers, every request with an externalId no other request of the run has used.
-- usage: wrk ... -s post.lua URL -- PREFIX   (a prefix unique to this wrk run)
local threads = 0
local prefix
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  prefix = args[1] .. "-t" .. id
  -- wrk.format takes its headers from here when given none (Authorization comes from -H).
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = string.format('{"externalId":"%s-%d","status":"active"}', prefix, counter)
  return wrk.format("POST", "/api/v1/account-manager/customers", nil, body)
end
