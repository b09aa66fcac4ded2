using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddWebhookEndpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WebhookEndpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    EventTypes = table.Column<string>(type: "TEXT", unicode: false, maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisabledReason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<string>(type: "TEXT", precision: 3, nullable: false),
                    UpdatedAt = table.Column<string>(type: "TEXT", precision: 3, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Secret = table.Column<string>(type: "TEXT", unicode: false, maxLength: 50, nullable: false),
                    PreviousSecret = table.Column<string>(type: "TEXT", unicode: false, maxLength: 50, nullable: true),
                    PreviousSecretExpiresAt = table.Column<string>(type: "TEXT", precision: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookEndpoints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookEndpoints_ParticipantId_CreatedAt_Id",
                table: "WebhookEndpoints",
                columns: new[] { "ParticipantId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookEndpoints");
        }
    }
}
