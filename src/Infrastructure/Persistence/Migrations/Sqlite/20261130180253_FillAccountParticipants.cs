using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.Sqlite
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
            migrationBuilder.Sql(
                """
                UPDATE "Accounts"
                SET "ParticipantId" = (
                    SELECT "Customers"."ParticipantId" FROM "Customers" WHERE "Customers"."Id" = "Accounts"."CustomerId")
                WHERE "ParticipantId" = ''
                  AND NOT EXISTS (
                      SELECT 1 FROM "Accounts" AS "taken", "Customers" AS "owner"
                      WHERE "owner"."Id" = "Accounts"."CustomerId"
                        AND "taken"."ParticipantId" = "owner"."ParticipantId"
                        AND "taken"."Network" = "Accounts"."Network"
                        AND "taken"."Address" = "Accounts"."Address");
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
