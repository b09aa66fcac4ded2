using CustomerService.Application.Common.Behaviors;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Application.UnitTests.Common;

public sealed class BehaviorTests
{
    private int _handlerCalls;

    [SetUp]
    public void Reset() => _handlerCalls = 0;

    [Test]
    public async Task Validation_without_validators_calls_the_handler()
    {
        var behavior = new ValidationBehavior<Probe, string>([]);

        var response = await behavior.Handle(new Probe(null, null), CancellationToken.None, Handler);

        Assert.That(response, Is.EqualTo("handled"));
        Assert.That(_handlerCalls, Is.EqualTo(1));
    }

    [Test]
    public void Validation_reports_every_failure_of_every_validator_and_skips_the_handler()
    {
        var behavior = new ValidationBehavior<Probe, string>([new FirstValidator(), new SecondValidator()]);

        var failure = Assert.ThrowsAsync<RequestValidationException>(() => behavior.Handle(new Probe(null, null), CancellationToken.None, Handler));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Code, Is.EqualTo(ContractErrors.ValidationError.Code));
            Assert.That(failure.Details.Select(detail => detail.Field), Is.EqualTo(new[] { "first", "second" }));
            Assert.That(_handlerCalls, Is.Zero);
        });
    }

    [Test]
    public async Task Validation_that_passes_calls_the_handler()
    {
        var behavior = new ValidationBehavior<Probe, string>([new FirstValidator(), new SecondValidator()]);

        await behavior.Handle(new Probe("a", "b"), CancellationToken.None, Handler);

        Assert.That(_handlerCalls, Is.EqualTo(1));
    }

    [Test]
    public void Error_mapping_turns_a_domain_validation_failure_into_a_validation_error_for_its_field()
    {
        var behavior = new ErrorMappingBehavior<Probe, string>();

        var failure = Assert.ThrowsAsync<RequestValidationException>(() =>
            behavior.Handle(new Probe(null, null), CancellationToken.None, () => throw new DomainValidationException("externalId", "externalId is required.")));

        Assert.That(failure!.Details, Is.EqualTo(new[] { new FieldError("externalId", "externalId is required.") }));
    }

    [Test]
    public void Error_mapping_turns_an_inactive_customer_into_a_conflict()
    {
        var behavior = new ErrorMappingBehavior<Probe, string>();

        var failure = Assert.ThrowsAsync<ConflictException>(() =>
            behavior.Handle(new Probe(null, null), CancellationToken.None, () => throw new CustomerNotActiveException(CustomerStatus.Suspended)));

        Assert.That(failure!.Code, Is.EqualTo(ContractErrors.CustomerNotActive.Code));
    }

    [Test]
    public void Error_mapping_turns_a_customer_at_its_account_limit_into_a_conflict_that_says_the_limit()
    {
        var behavior = new ErrorMappingBehavior<Probe, string>();

        var failure = Assert.ThrowsAsync<ConflictException>(() =>
            behavior.Handle(new Probe(null, null), CancellationToken.None, () => throw new AccountLimitReachedException(1000)));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Code, Is.EqualTo(ContractErrors.AccountLimitReached.Code));
            Assert.That(failure.ClientMessage, Does.Contain("1000 accounts"));
        });
    }

    [Test]
    public void Error_mapping_turns_a_duplicate_account_into_a_conflict()
    {
        var behavior = new ErrorMappingBehavior<Probe, string>();

        var failure = Assert.ThrowsAsync<ConflictException>(() =>
            behavior.Handle(new Probe(null, null), CancellationToken.None, () => throw new DuplicateAccountAddressException()));

        Assert.That(failure!.Code, Is.EqualTo(ContractErrors.DuplicateAccountAddress.Code));
    }

    [Test]
    public void Error_mapping_lets_other_failures_through_untouched()
    {
        var behavior = new ErrorMappingBehavior<Probe, string>();
        var original = new InvalidOperationException("boom");

        var failure = Assert.ThrowsAsync<InvalidOperationException>(() =>
            behavior.Handle(new Probe(null, null), CancellationToken.None, () => throw original));

        Assert.That(failure, Is.SameAs(original));
    }

    [Test]
    public async Task Error_mapping_passes_a_response_through()
    {
        var response = await new ErrorMappingBehavior<Probe, string>().Handle(new Probe(null, null), CancellationToken.None, Handler);

        Assert.That(response, Is.EqualTo("handled"));
    }

    [Test]
    public async Task Logging_passes_a_response_through()
    {
        var behavior = new LoggingBehavior<Probe, string>(NullLogger<LoggingBehavior<Probe, string>>.Instance);

        var response = await behavior.Handle(new Probe(null, null), CancellationToken.None, Handler);

        Assert.That(response, Is.EqualTo("handled"));
    }

    [Test]
    public void Logging_rethrows_the_same_failure()
    {
        var behavior = new LoggingBehavior<Probe, string>(NullLogger<LoggingBehavior<Probe, string>>.Instance);
        var original = NotFoundException.Customer();

        var failure = Assert.ThrowsAsync<NotFoundException>(() => behavior.Handle(new Probe(null, null), CancellationToken.None, () => throw original));

        Assert.That(failure, Is.SameAs(original));
    }

    [Test]
    public void Logging_puts_an_error_the_client_is_told_about_at_debug()
    {
        var logger = new LevelsLogger();
        var behavior = new LoggingBehavior<Probe, string>(logger);

        Assert.ThrowsAsync<ApplicationErrorException>(() => behavior.Handle(new Probe(null, null), CancellationToken.None, () => throw new ApplicationErrorException(ContractErrors.PreconditionFailed)));

        Assert.That(logger.Levels, Is.EqualTo(new[] { LogLevel.Debug }));
    }

    [Test]
    public void Logging_puts_an_unexpected_failure_at_information()
    {
        var logger = new LevelsLogger();
        var behavior = new LoggingBehavior<Probe, string>(logger);

        Assert.ThrowsAsync<InvalidOperationException>(() => behavior.Handle(new Probe(null, null), CancellationToken.None, () => throw new InvalidOperationException()));

        Assert.That(logger.Levels, Is.EqualTo(new[] { LogLevel.Information }));
    }

    [Test]
    public async Task Logging_reports_a_streamed_response_handled_only_once_its_last_item_was_read()
    {
        var logger = new LinesLogger<LoggingBehavior<ListCustomersQuery, CustomerPage>>();
        var behavior = new LoggingBehavior<ListCustomersQuery, CustomerPage>(logger);

        var page = await behavior.Handle(new ListCustomersQuery(null, null, null, null), CancellationToken.None, () => Task.FromResult(new CustomerPage(Items(2, failAfter: false), null)));
        var linesBeforeReading = logger.Lines.Count;
        var read = await ReadAll(page);

        Assert.Multiple(() =>
        {
            Assert.That(linesBeforeReading, Is.Zero);
            Assert.That(read, Is.EqualTo(2));
            Assert.That(logger.Lines, Has.Count.EqualTo(1));
            Assert.That(logger.Lines[0].Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(logger.Lines[0].Message, Does.StartWith("Handled ListCustomersQuery in"));
        });
    }

    [Test]
    public async Task Logging_reports_a_failure_while_a_response_streams_at_information_and_rethrows_it()
    {
        var logger = new LinesLogger<LoggingBehavior<ListCustomersQuery, CustomerPage>>();
        var behavior = new LoggingBehavior<ListCustomersQuery, CustomerPage>(logger);

        var page = await behavior.Handle(new ListCustomersQuery(null, null, null, null), CancellationToken.None, () => Task.FromResult(new CustomerPage(Items(3, failAfter: true), null)));

        Assert.That(() => ReadAll(page), Throws.InvalidOperationException.With.Message.EqualTo("page 2 unreadable"));
        Assert.That(logger.Lines, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(logger.Lines[0].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(logger.Lines[0].Message, Does.StartWith("ListCustomersQuery failed with InvalidOperationException after"));
        });
    }

    private static async IAsyncEnumerable<CustomerDto> Items(int count, bool failAfter)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new CustomerDto(Guid.CreateVersion7(), $"customer-{i}", CustomerStatus.Active, "participant-1", [], DateTime.UtcNow, DateTime.UtcNow);
        }

        if (failAfter)
        {
            throw new InvalidOperationException("page 2 unreadable");
        }
    }

    private static async Task<int> ReadAll(CustomerPage page)
    {
        var count = 0;
        await foreach (var _ in page.Items)
        {
            count++;
        }

        return count;
    }

    private Task<string> Handler()
    {
        _handlerCalls++;
        return Task.FromResult("handled");
    }

    public sealed record Probe(string? First, string? Second) : IRequest<string>;

    private sealed class FirstValidator : AbstractValidator<Probe>
    {
        public FirstValidator() => RuleFor(probe => probe.First).NotNull().OverridePropertyName("first");
    }

    private sealed class SecondValidator : AbstractValidator<Probe>
    {
        public SecondValidator() => RuleFor(probe => probe.Second).NotNull().OverridePropertyName("second");
    }

    /// <summary>The level and text of every line written.</summary>
    private sealed class LinesLogger<TCategory> : ILogger<TCategory>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            Lines.Add((logLevel, formatter(state, exception)));
        }
    }

    /// <summary>The level of every line written.</summary>
    private sealed class LevelsLogger : ILogger<LoggingBehavior<Probe, string>>
    {
        public List<LogLevel> Levels { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Levels.Add(logLevel);
    }
}
