using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(CustomerDbContext context) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException(exception);
        }
        catch (DbUpdateException exception) when (UniqueIndexViolations.Translate(exception, context.Model) is { } conflict)
        {
            throw conflict;
        }
    }

    public void DiscardChanges() => context.ChangeTracker.Clear();
}
