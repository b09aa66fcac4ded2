using CustomerService.Application.Common.Errors;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Application.Common.Behaviors;

/// <summary>
/// Turns the domain's broken rules into typed application errors with a contract code, so the Api
/// only ever has to translate <see cref="ApplicationErrorException"/>.
/// </summary>
public sealed class ErrorMappingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next();
        }
        catch (DomainValidationException exception)
        {
            throw new RequestValidationException([new FieldError(exception.Field, exception.Message)]);
        }
        catch (CustomerNotActiveException exception)
        {
            throw ConflictException.CustomerNotActive(exception);
        }
        catch (AccountLimitReachedException exception)
        {
            throw ConflictException.AccountLimitReached(exception);
        }
        catch (DuplicateAccountAddressException)
        {
            throw ConflictException.DuplicateAccountAddress();
        }
    }
}
