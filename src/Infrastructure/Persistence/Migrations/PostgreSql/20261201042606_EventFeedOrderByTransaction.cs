using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.PostgreSql
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

            migrationBuilder.DropColumn(
                name: "EventPosition",
                table: "WebhookDeliveries");

            migrationBuilder.AlterColumn<long>(
                name: "Position",
                table: "Events",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            // New events are numbered after every existing one, whichever participant's, so positions
            // stay unique per participant (the index Down puts back).
            // A block of its own, so that the idempotent script, which runs each statement inside a
            // block of its own, can run it too.
            migrationBuilder.Sql(
                """
                DO $$
                BEGIN
                    PERFORM setval(pg_get_serial_sequence('"Events"', 'Position'), COALESCE((SELECT MAX("Position") FROM "Events"), 0) + 1, false);
                END
                $$;
                """);

            // Existing events keep their order with transaction id 0, before every new one; only new
            // rows take the storing transaction's id.
            migrationBuilder.AddColumn<long>(
                name: "TransactionId",
                table: "Events",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<long>(
                name: "TransactionId",
                table: "Events",
                type: "bigint",
                nullable: false,
                defaultValueSql: "pg_current_xact_id()::text::bigint",
                oldClrType: typeof(long),
                oldType: "bigint",
                oldDefaultValue: 0L);

            // Each stored event is owed, in the same statement, to the participant's endpoints that
            // take its type and are enabled or were disabled by failures (WebhookFanOut's rule, which
            // the other engines run in the service).
            migrationBuilder.Sql(
                """
                CREATE FUNCTION owe_event_to_webhook_endpoints() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "WebhookDeliveries" ("Id", "EndpointId", "ParticipantId", "EventId", "CustomerId", "CreatedAt", "Attempts", "NextAttemptAt")
                    SELECT gen_random_uuid(), endpoint."Id", NEW."ParticipantId", NEW."Id", NEW."CustomerId", NEW."OccurredAt", 0, NEW."OccurredAt"
                    FROM "WebhookEndpoints" AS endpoint
                    WHERE endpoint."ParticipantId" = NEW."ParticipantId"
                      AND (endpoint."Enabled" OR endpoint."DisabledReason" IS NOT NULL)
                      AND NEW."Type" = ANY (string_to_array(endpoint."EventTypes", ' '));
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "Events_owed_to_webhook_endpoints" AFTER INSERT ON "Events"
                    FOR EACH ROW EXECUTE FUNCTION owe_event_to_webhook_endpoints();
                """);

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
            migrationBuilder.Sql(
                """
                DROP TRIGGER "Events_owed_to_webhook_endpoints" ON "Events";
                DROP FUNCTION owe_event_to_webhook_endpoints();
                """);

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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // What is still owed takes its event's position again.
            migrationBuilder.Sql(
                """UPDATE "WebhookDeliveries" SET "EventPosition" = (SELECT "Position" FROM "Events" WHERE "Events"."Id" = "WebhookDeliveries"."EventId");""");

            migrationBuilder.AlterColumn<long>(
                name: "Position",
                table: "Events",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

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
