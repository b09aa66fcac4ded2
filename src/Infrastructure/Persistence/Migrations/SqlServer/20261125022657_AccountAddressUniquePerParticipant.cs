using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccountAddressUniquePerParticipant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Address",
                table: "Accounts",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                collation: "Latin1_General_100_BIN2",
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AddColumn<string>(
                name: "ParticipantId",
                table: "Accounts",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            // Accounts written before this migration belong to their customer's participant; the
            // column is filled from it before the unique index is built (a database that applied
            // this migration before it did so is repaired by FillAccountParticipants). EXEC: a
            // script runs this migration as one batch, compiled before the column exists.
            migrationBuilder.Sql(
                """
                EXEC(N'UPDATE [a]
                SET [a].[ParticipantId] = [c].[ParticipantId]
                FROM [Accounts] AS [a]
                INNER JOIN [Customers] AS [c] ON [c].[Id] = [a].[CustomerId];');
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

            migrationBuilder.AlterColumn<string>(
                name: "Address",
                table: "Accounts",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128,
                oldCollation: "Latin1_General_100_BIN2");
        }
    }
}
