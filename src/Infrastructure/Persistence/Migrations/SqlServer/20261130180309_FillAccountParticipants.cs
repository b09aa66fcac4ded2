using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>
    /// Gives accounts left with an empty participant by AccountAddressUniquePerParticipant as first
    /// released their customer's participant again. An account whose address its participant has
    /// registered again since (the empty one was invisible to it) keeps the empty participant: the
    /// participant keeps the account it has used since, and the unique index holds (decision 0008).
    /// </summary>
    public partial class FillAccountParticipants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EXEC: a script compiles each migration as one batch, even one it skips; the statement
            // is compiled only when it runs.
            migrationBuilder.Sql(
                """
                EXEC(N'UPDATE [a]
                SET [a].[ParticipantId] = [c].[ParticipantId]
                FROM [Accounts] AS [a]
                INNER JOIN [Customers] AS [c] ON [c].[Id] = [a].[CustomerId]
                WHERE [a].[ParticipantId] = N''''
                  AND NOT EXISTS (
                      SELECT 1 FROM [Accounts] AS [taken]
                      WHERE [taken].[ParticipantId] = [c].[ParticipantId]
                        AND [taken].[Network] = [a].[Network]
                        AND [taken].[Address] = [a].[Address]);');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the participants filled in are the ones the accounts always had,
            // and AccountAddressUniquePerParticipant's Down drops the column.
        }
    }
}
