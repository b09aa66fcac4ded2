using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence;

namespace CustomerService.Architecture.Tests;

/// <summary>
/// Every error the service answers with is an entry of the registry (<see cref="ContractErrors"/>),
/// and the registry says what the contract says (docs/contract.md, section 4).
/// </summary>
public sealed partial class ErrorRegistryTests
{
    private static readonly Assembly[] ServiceAssemblies =
    [
        typeof(Customer).Assembly,
        typeof(ContractErrors).Assembly,
        typeof(CustomerDbContext).Assembly,
        typeof(ApiError).Assembly,
    ];

    /// <summary>The one type that makes error bodies: from the registry's entries.</summary>
    private static readonly Type BodyMaker = typeof(ApiError).Assembly.GetType("CustomerService.Api.Errors.ApiErrors", throwOnError: true)!;

    /// <summary>The serializer's generated context, which can read a body back (the service never does).</summary>
    private static readonly Type Serializer = typeof(ApiError).Assembly.GetType("CustomerService.Api.Errors.ErrorJsonContext", throwOnError: true)!;

    [Test]
    public void An_error_is_declared_in_the_registry_and_an_error_body_made_only_from_one_of_its_errors()
    {
        var errorsDeclaredElsewhere = Creations(ServiceAssemblies, typeof(ContractError)).Where(maker => maker != typeof(ContractErrors));
        var bodiesMadeElsewhere = Creations(ServiceAssemblies, typeof(ApiError)).Where(maker => maker != BodyMaker && maker != Serializer && maker != typeof(ApiError));

        Assert.Multiple(() =>
        {
            Assert.That(errorsDeclaredElsewhere.Select(type => type.FullName), Is.Empty, "declare the error in ContractErrors");
            Assert.That(bodiesMadeElsewhere.Select(type => type.FullName), Is.Empty, "make the body with ApiErrors from an error of ContractErrors");
        });
    }

    [Test]
    public void The_check_sees_an_error_body_made_by_hand() =>
        Assert.That(Creations([typeof(ErrorRegistryTests).Assembly], typeof(ApiError)), Does.Contain(typeof(HandMadeBody)));

    [Test]
    public void Every_error_of_the_registry_is_an_error_of_the_contract_with_the_contracts_status()
    {
        var contract = ContractErrorTable();

        Assert.That(contract, Is.Not.Empty, "the table of docs/contract.md, section 4 was not found");
        Assert.That(
            ContractErrors.All.Where(error => contract.GetValueOrDefault(error.Code) != error.Status).Select(error => $"{error.Code} {error.Status}"),
            Is.Empty,
            "errors the contract does not have, or answers with another status");
    }

    [Test]
    public void Codes_are_unique_and_a_bare_status_is_answered_by_one_error_at_most()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ContractErrors.All, Is.Not.Empty);
            Assert.That(ContractErrors.All.Select(error => error.Code), Is.Unique);
            Assert.That(ContractErrors.All.Where(error => error.AnswersBareStatus).Select(error => error.Status), Is.Unique);
        });
    }

    [Test]
    public void An_error_is_found_by_the_name_it_is_declared_with_and_an_unknown_name_is_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ContractErrors.Named(nameof(ContractErrors.DuplicateExternalId)), Is.SameAs(ContractErrors.DuplicateExternalId));
            Assert.That(() => ContractErrors.Named("NoSuchError"), Throws.ArgumentException);
        });
    }

    [Test]
    public void An_error_raised_without_a_message_tells_the_registrys_default_and_with_one_tells_that()
    {
        var plain = new ApplicationErrorException(ContractErrors.PreconditionFailed);
        var particular = new ApplicationErrorException(ContractErrors.NotFound, "Account not found.", [new FieldError("accountId", "No such account.")]);

        Assert.Multiple(() =>
        {
            Assert.That(plain.ClientMessage, Is.EqualTo(ContractErrors.PreconditionFailed.Message));
            Assert.That(plain.Details, Is.Empty);
            Assert.That(particular.ClientMessage, Is.EqualTo("Account not found."));
            Assert.That(particular.Details.Select(detail => detail.Field), Is.EqualTo(new[] { "accountId" }));
        });
    }

    /// <summary>The types whose code (with that of the lambdas and async methods the compiler made of it) creates an instance of <paramref name="created"/>.</summary>
    private static IEnumerable<Type> Creations(IEnumerable<Assembly> assemblies, Type created) =>
        assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => OwnerOf(type) == type)
            .Where(type => MethodBodies.MethodsOf(type)
                .Where(method => OwnerOf(method.DeclaringType!) == type)
                .SelectMany(MethodBodies.MembersUsedBy)
                .Any(use => use.Code == OpCodes.Newobj && use.Member.DeclaringType == created));

    /// <summary>The type whose source holds <paramref name="type"/>'s code: itself, or for a type the compiler made, the type it made it of.</summary>
    private static Type OwnerOf(Type type) =>
        type.IsNested && type.Name.Contains('<', StringComparison.Ordinal) ? OwnerOf(type.DeclaringType!) : type;

    /// <summary>The codes of the table in docs/contract.md, section 4, with their status.</summary>
    private static Dictionary<string, int> ContractErrorTable()
    {
        var contract = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "contract.md"));
        var start = contract.IndexOf("\n## 4.", StringComparison.Ordinal);
        var end = contract.IndexOf("\n## 5.", start, StringComparison.Ordinal);
        return TableRow().Matches(contract[start..end])
            .SelectMany(row => Code().Matches(row.Groups["codes"].Value).Select(code => (Code: code.Groups[1].Value, Status: int.Parse(row.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture))))
            .ToDictionary(entry => entry.Code, entry => entry.Status, StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerService.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (CustomerService.sln) was not found.");
    }

    [GeneratedRegex(@"^\| (?<status>\d{3}) \| (?<codes>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex("`([A-Z][A-Z_]*)`")]
    private static partial Regex Code();

    /// <summary>What the check must catch: an error body made by hand, with a code of its own.</summary>
    private static class HandMadeBody
    {
        public static ApiError Body() => new("MADE_UP", "Made up.", []);
    }
}
