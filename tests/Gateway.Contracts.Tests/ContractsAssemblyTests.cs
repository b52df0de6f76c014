using System.Reflection;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Gateway.Core.Contracts;

namespace Gateway.Contracts.Tests;

/// <summary>The contracts are what other services reference to publish commands: they must cost them no dependency.</summary>
public class ContractsAssemblyTests
{
    private static readonly Assembly Contracts = typeof(SendMessage).Assembly;

    [Fact]
    public void GetReferencedAssemblies_ContractsAssembly_OnlyTheSharedFramework()
    {
        var frameworkDirectory = RuntimeEnvironment.GetRuntimeDirectory();

        var outside = Contracts.GetReferencedAssemblies()
            .Where(a => !File.Exists(Path.Combine(frameworkDirectory, a.Name + ".dll")))
            .Select(a => a.FullName)
            .ToArray();

        Assert.Empty(outside);
        Assert.DoesNotContain(Contracts.GetReferencedAssemblies(), a => a.Name!.StartsWith("Gateway.", StringComparison.Ordinal));
    }

    [Fact]
    public void ProjectFile_ContractsProject_HasNoPackageOrProjectReference()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Gateway.Contracts", "Gateway.Contracts.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}")
            .ToArray();

        Assert.Empty(references);
    }

    [Fact]
    public void GetExportedTypes_ContractsAssembly_AllInTheContractNamespace()
    {
        var elsewhere = Contracts.GetExportedTypes().Where(t => t.Namespace != "Gateway.Core.Contracts").Select(t => t.FullName).ToArray();

        Assert.Empty(elsewhere);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MessagingGateway.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"MessagingGateway.sln not found above {AppContext.BaseDirectory}");
    }
}
