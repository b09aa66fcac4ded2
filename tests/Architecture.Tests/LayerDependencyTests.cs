using System.Reflection;

namespace CustomerService.Architecture.Tests;

/// <summary>Dependencies point inward: Api → Application, Infrastructure; Infrastructure → Application → Domain.</summary>
public sealed class LayerDependencyTests
{
    private const string Domain = "CustomerService.Domain";
    private const string Application = "CustomerService.Application";
    private const string Infrastructure = "CustomerService.Infrastructure";
    private const string Api = "CustomerService.Api";

    private static readonly Assembly ApiAssembly = typeof(Program).Assembly;

    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        [Domain] = [Application, Infrastructure, Api],
        [Application] = [Infrastructure, Api],
        [Infrastructure] = [Api],
    };

    private static IEnumerable<TestCaseData> Layers() =>
        Forbidden.Select(layer => new TestCaseData(layer.Key, layer.Value).SetArgDisplayNames(layer.Key));

    [TestCaseSource(nameof(Layers))]
    public void Layer_references_no_outer_layer(string layer, string[] outerLayers)
    {
        var references = Load(layer).GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        Assert.That(references, Has.None.AnyOf(outerLayers.Cast<object>().ToArray()), $"{layer} must not reference {string.Join(", ", outerLayers)}");
    }

    [Test]
    public void Domain_references_no_framework_packages()
    {
        var references = Load(Domain).GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        Assert.That(
            references.Where(name => name.StartsWith("Microsoft.", StringComparison.Ordinal)
                                     || name.StartsWith("MediatR", StringComparison.Ordinal)
                                     || name.StartsWith("FluentValidation", StringComparison.Ordinal)
                                     || name.StartsWith("AutoMapper", StringComparison.Ordinal)),
            Is.Empty);
    }

    [Test]
    public void Application_does_not_reference_ef_core_or_asp_net()
    {
        var references = Load(Application).GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        Assert.That(
            references.Where(name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                                     || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)),
            Is.Empty);
    }

    [Test]
    public void Api_references_the_inner_layers_it_composes()
    {
        var references = ApiAssembly.GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        Assert.That(references, Does.Contain(Application).And.Contain(Infrastructure));
    }

    private static Assembly Load(string name) =>
        name == Api ? ApiAssembly : Assembly.Load(new AssemblyName(name));
}
