using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<string>(type: "TEXT", precision: 3, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ParticipantId_CustomerId_Position",
                table: "Events",
                columns: new[] { "ParticipantId", "CustomerId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ParticipantId_Position",
                table: "Events",
                columns: new[] { "ParticipantId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Events");
        }
    }
}
