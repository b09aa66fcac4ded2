using CustomerService.Application.Common.Errors;
using FluentValidation;
using MediatR;

namespace CustomerService.Application.Common.Behaviors;

/// <summary>Runs every validator of the request and reports all failures at once, before the handler runs.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    private readonly IValidator<TRequest>[] _validators = [.. validators];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (_validators.Length == 0)
        {
            return await next();
        }

        var failures = new List<FieldError>();
        foreach (var validator in _validators)
        {
            // A context per validator: a shared one accumulates failures, reporting them twice.
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors.Select(failure => new FieldError(failure.PropertyName, failure.ErrorMessage)));
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures);
        }

        return await next();
    }
}
