using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventFeedOrderByTransaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_EndpointId_CustomerId_EventPosition",
                table: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Events_ParticipantId_CustomerId_Position",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_ParticipantId_Position",
                table: "Events");

            // SQLite drops the column in place (its index is gone above). EF Core would rebuild the
            // table instead, in steps outside the migration's transaction, which a crash between them
            // would leave half done.
            migrationBuilder.Sql("""ALTER TABLE "WebhookDeliveries" DROP COLUMN "EventPosition";""");

            migrationBuilder.AddColumn<long>(
                name: "TransactionId",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_EndpointId_CustomerId",
                table: "WebhookDeliveries",
                columns: new[] { "EndpointId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ParticipantId_CustomerId_TransactionId_Position",
                table: "Events",
                columns: new[] { "ParticipantId", "CustomerId", "TransactionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ParticipantId_TransactionId_Position",
                table: "Events",
                columns: new[] { "ParticipantId", "TransactionId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_EndpointId_CustomerId",
                table: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Events_ParticipantId_CustomerId_TransactionId_Position",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_ParticipantId_TransactionId_Position",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "TransactionId",
                table: "Events");

            migrationBuilder.AddColumn<long>(
                name: "EventPosition",
                table: "WebhookDeliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // What is still owed takes its event's position again.
            migrationBuilder.Sql(
                """UPDATE "WebhookDeliveries" SET "EventPosition" = (SELECT "Position" FROM "Events" WHERE "Events"."Id" = "WebhookDeliveries"."EventId");""");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_EndpointId_CustomerId_EventPosition",
                table: "WebhookDeliveries",
                columns: new[] { "EndpointId", "CustomerId", "EventPosition" });

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
    }
}
