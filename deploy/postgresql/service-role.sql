-- The role the API connects with: it may read and write rows of the service's tables and nothing
-- else (no DDL, no other database, not a superuser). Migrations run as the administrator.
-- psql variables: service_role, service_password. Run in the service's database after the
-- migrations. Safe to run again: it creates what is missing and sets the password.
SELECT format('CREATE ROLE %I LOGIN', :'service_role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'service_role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'service_role', :'service_password') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'service_role') \gexec
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'service_role') \gexec
SELECT format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', :'service_role') \gexec
