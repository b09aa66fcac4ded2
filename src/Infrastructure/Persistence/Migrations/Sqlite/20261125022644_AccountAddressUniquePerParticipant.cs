using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountAddressUniquePerParticipant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParticipantId",
                table: "Accounts",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            // Accounts written before this migration belong to their customer's participant; the
            // column is filled from it before the unique index is built (a database that applied
            // this migration before it did so is repaired by FillAccountParticipants).
            migrationBuilder.Sql(
                """
                UPDATE "Accounts"
                SET "ParticipantId" = (
                    SELECT "Customers"."ParticipantId" FROM "Customers" WHERE "Customers"."Id" = "Accounts"."CustomerId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_ParticipantId_Network_Address",
                table: "Accounts",
                columns: new[] { "ParticipantId", "Network", "Address" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Accounts_ParticipantId_Network_Address",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "ParticipantId",
                table: "Accounts");
        }
    }
}
