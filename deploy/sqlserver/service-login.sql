-- The login the API connects with: it may read and write rows of the service's database and
-- nothing else (no DDL, no other database, no server role). Migrations run as the administrator.
-- sqlcmd variables: ServiceLogin, ServicePassword, DatabaseName. Safe to run again: it creates what
-- is missing and sets the password.
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'$(ServiceLogin)')
    CREATE LOGIN [$(ServiceLogin)] WITH PASSWORD = N'$(ServicePassword)', CHECK_POLICY = ON, DEFAULT_DATABASE = [$(DatabaseName)];
ELSE
    ALTER LOGIN [$(ServiceLogin)] WITH PASSWORD = N'$(ServicePassword)';
GO
USE [$(DatabaseName)];
GO
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(ServiceLogin)')
    CREATE USER [$(ServiceLogin)] FOR LOGIN [$(ServiceLogin)];
ALTER ROLE db_datareader ADD MEMBER [$(ServiceLogin)];
ALTER ROLE db_datawriter ADD MEMBER [$(ServiceLogin)];
GO
