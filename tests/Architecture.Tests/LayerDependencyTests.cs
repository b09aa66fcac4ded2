using System.Reflection;
using System.Text.Json.Nodes;

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

    /// <summary>
    /// Not even a package the Application project does not call may bring ASP.NET Core in with it
    /// (FluentValidation.AspNetCore did, through its framework reference): the restore's view of
    /// the project lists every package and framework it resolves.
    /// </summary>
    [Test]
    public void Application_restores_no_asp_net_core_package_or_framework()
    {
        var assets = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Application", "obj", "project.assets.json")))!;
        var packages = assets["libraries"]!.AsObject().Select(library => library.Key).ToList();
        var frameworks = assets["targets"]!.AsObject()
            .SelectMany(target => target.Value!.AsObject())
            .SelectMany(package => package.Value!["frameworkReferences"]?.AsArray().Select(name => name!.GetValue<string>()) ?? [])
            .Concat(assets["project"]!["frameworks"]!.AsObject().SelectMany(framework => framework.Value!["frameworkReferences"]?.AsObject().Select(reference => reference.Key) ?? []))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(packages, Is.Not.Empty);
            Assert.That(packages.Where(name => name.Contains("AspNetCore", StringComparison.OrdinalIgnoreCase)), Is.Empty);
            Assert.That(frameworks.Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void Api_references_the_inner_layers_it_composes()
    {
        var references = ApiAssembly.GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        Assert.That(references, Does.Contain(Application).And.Contain(Infrastructure));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CustomerService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CustomerService.sln) was not found above the test's folder.");
    }

    private static Assembly Load(string name) =>
        name == Api ? ApiAssembly : Assembly.Load(new AssemblyName(name));
}
