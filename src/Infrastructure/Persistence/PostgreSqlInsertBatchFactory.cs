using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;
using Npgsql.EntityFrameworkCore.PostgreSQL.Update.Internal;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// Lets a save that is one batch of inserts run without an explicit transaction on PostgreSQL
/// (decision 0023). Npgsql sends a batch as one message sequence ending in a single Sync, which
/// PostgreSQL runs as one implicit transaction: a failing statement rolls back every statement of
/// the batch. So a create (its customer, its event, and the deliveries the event's trigger adds)
/// stays all or nothing in one round trip instead of three (the batch, with the transaction's
/// begin, then the commit).
/// </summary>
/// <remarks>
/// Only inserts qualify. An update or delete that matches no row (a lost race on the concurrency
/// token) is not an error to PostgreSQL; EF Core finds it only in the batch's row counts, once the
/// implicit transaction has committed the rest. Such batches keep the explicit transaction, as does
/// a save of more than one batch: EF Core begins one whenever more batches follow.
/// </remarks>
internal sealed class PostgreSqlInsertBatchFactory(ModificationCommandBatchFactoryDependencies dependencies, IDbContextOptions options)
    : IModificationCommandBatchFactory
{
    /// <summary>Npgsql's own default when MaxBatchSize is not configured.</summary>
    private const int DefaultMaxBatchSize = 1000;

    private readonly int _maxBatchSize =
        options.Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault()?.MaxBatchSize ?? DefaultMaxBatchSize;

    public ModificationCommandBatch Create() => new InsertBatch(dependencies, _maxBatchSize);

    // Npgsql's batch is internal API (EF1001): deriving from it keeps everything else of Npgsql's
    // batches as it is; PostgreSqlWriteBatchTests pins what this class changes, across upgrades.
#pragma warning disable EF1001
    private sealed class InsertBatch(ModificationCommandBatchFactoryDependencies dependencies, int maxBatchSize)
        : NpgsqlModificationCommandBatch(dependencies, maxBatchSize)
#pragma warning restore EF1001
    {
        private bool _insertsOnly = true;

        protected override void AddCommand(IReadOnlyModificationCommand modificationCommand)
        {
            base.AddCommand(modificationCommand);

            // Once false, false for good: a command rolled back out of the batch leaves it asking for a transaction, the safe side.
            _insertsOnly &= modificationCommand.EntityState == EntityState.Added;
            if (_insertsOnly)
            {
                SetRequiresTransaction(false);
            }
        }
    }
}
