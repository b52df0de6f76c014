using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Gateway.Samples.Tests.Support;
using Gateway.Testing;
using Xunit.Abstractions;

namespace Gateway.Samples.Tests;

/// <summary>
/// The README's packaging commands, run as written (plus an artifacts path of their own, so these Release builds never
/// touch the tree's build output): the library packages, the dotnet tool package, installed into a temporary tool path, and the
/// self-contained linux-x64 publish; each runs <c>render</c> from its install folder, from another working directory,
/// so appsettings.json must come from beside the binaries.
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed class PackagingTests(ReleaseWorkspace workspace, ITestOutputHelper output)
{
    private static readonly string[] RenderArguments =
    [
        "render",
        "--file", RepositoryPaths.Combine("samples/send-text.json"),
        "--config", RepositoryPaths.Combine("samples/appsettings.render.json"),
    ];

    [Fact]
    public async Task ToolPackage_PackedInstalledIntoAToolPath_RendersWithTheAppSettingsBesideIt()
    {
        var packages = workspace.Folder("packages");
        var toolPath = workspace.Folder("tools");

        await using var pack = await TimedAsync("dotnet pack", "dotnet", ["pack", "src/Gateway.Host", "-o", packages, workspace.ArtifactsProperty], TimeSpan.FromMinutes(8));
        Assert.True(pack.ExitCode == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(packages, "MessagingGateway.Tool.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/appsettings.json");
            Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/DotnetToolSettings.xml");
            // A tool package only: no library for a project to reference, no content files.
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) || e.FullName.StartsWith("content", StringComparison.Ordinal));
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            Assert.Contains("<packageType name=\"DotnetTool\"", await nuspec.ReadToEndAsync(), StringComparison.Ordinal);
        }

        await using var install = await TimedAsync("dotnet tool install", "dotnet", ["tool", "install", "--tool-path", toolPath, "--add-source", packages, "MessagingGateway.Tool"], TimeSpan.FromMinutes(3));
        Assert.True(install.ExitCode == 0, install.Output);

        await using var render = await TimedAsync("gateway render", Path.Combine(toolPath, "gateway"), RenderArguments, TimeSpan.FromMinutes(1), Path.GetTempPath());
        AssertRendered(render);
        var binaries = Assert.Single(Directory.GetDirectories(Path.Combine(toolPath, ".store"), "any", SearchOption.AllDirectories));
        await AssertSettingsComeFromAsync(binaries, Path.Combine(toolPath, "gateway"));
    }

    [Theory]
    [InlineData("Gateway.Contracts")]
    [InlineData("Gateway.Core")]
    [InlineData("Gateway.OpenIm")]
    [InlineData("Gateway.TencentIm")]
    [InlineData("Gateway.Redis")]
    [InlineData("Gateway.Sandbox")]
    public async Task LibraryPackage_Packed_IsPublishableWithLicenceReadmeAndRepository(string project)
    {
        var packages = workspace.Folder("libraries");

        await using var pack = await TimedAsync($"dotnet pack {project}", "dotnet", ["pack", $"src/{project}", "-o", packages, workspace.ArtifactsProperty], TimeSpan.FromMinutes(8));

        Assert.True(pack.ExitCode == 0, pack.Output);
        var id = project.Replace("Gateway.", "MessagingGateway.", StringComparison.Ordinal);
        var package = Assert.Single(Directory.GetFiles(packages, $"{id}.*.nupkg"), p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(package);
        Assert.Contains(zip.Entries, e => e.FullName == $"lib/net10.0/{project}.dll");
        Assert.Contains(zip.Entries, e => e.FullName == $"lib/net10.0/{project}.xml");
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        Assert.Contains(zip.Entries, e => e.FullName == "LICENSE");
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var nuspec = System.Xml.Linq.XDocument.Parse(await reader.ReadToEndAsync());
        string? Field(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal(id, Field("id"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Field("authors")));
        Assert.False(string.IsNullOrWhiteSpace(Field("tags")));
        Assert.Contains("MessagingGateway", Field("description") ?? string.Empty, StringComparison.Ordinal);
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfContainedPublish_LinuxX64_RendersFromTheOutputFolderWithoutAnInstalledRuntime()
    {
        var folder = Path.Combine(workspace.Root, "publish");

        await using var publish = await TimedAsync("dotnet publish", "dotnet", ["publish", "src/Gateway.Host", "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", folder, workspace.ArtifactsProperty], TimeSpan.FromMinutes(8));
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.True(File.Exists(Path.Combine(folder, "appsettings.json")), "appsettings.json is not in the publish folder");
        Assert.True(File.Exists(Path.Combine(folder, "libcoreclr.so")), "the publish is not self-contained (no libcoreclr.so)");

        // No dotnet on PATH and no DOTNET_ROOT: the apphost must run on the runtime it carries.
        await using var render = await TimedAsync("Gateway.Host render", Path.Combine(folder, "Gateway.Host"), RenderArguments, TimeSpan.FromMinutes(1), Path.GetTempPath(), new(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["DOTNET_ROOT"] = null,
            ["DOTNET_ROLL_FORWARD"] = null,
        });
        AssertRendered(render);
        await AssertSettingsComeFromAsync(folder, Path.Combine(folder, "Gateway.Host"));

        // The unit file as systemd reads it, with the install folder pointing at this publish (its ExecStart must exist).
        var unitFolder = workspace.Folder("unit");
        var unit = Path.Combine(unitFolder, "messaging-gateway.service");
        await File.WriteAllTextAsync(unit, (await File.ReadAllTextAsync(RepositoryPaths.Combine("deploy/messaging-gateway.service"))).Replace("/opt/messaging-gateway", folder, StringComparison.Ordinal));
        await using var verify = await TimedAsync("systemd-analyze verify", "systemd-analyze", ["verify", unit], TimeSpan.FromMinutes(1));
        Assert.True(verify.ExitCode == 0 && verify.StdErr.Length == 0, verify.Output);

        var runtimeConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "Gateway.Host.runtimeconfig.json")))!;
        Assert.NotNull(runtimeConfig["runtimeOptions"]!["includedFrameworks"]);
    }

    /// <summary>
    /// Proves the host reads its settings files from <paramref name="binaries"/> whatever the working directory: an
    /// environment file put there (appsettings.Probe.json, loaded after appsettings.json from the same folder) with a
    /// bad value must stop the verb with a configuration error naming the key.
    /// </summary>
    private async Task AssertSettingsComeFromAsync(string binaries, string program)
    {
        Assert.True(File.Exists(Path.Combine(binaries, "appsettings.json")), $"no appsettings.json in {binaries}");
        var probe = Path.Combine(binaries, "appsettings.Probe.json");
        await File.WriteAllTextAsync(probe, """{ "Gateway": { "MaxRecipients": 0 } }""");
        try
        {
            await using var render = await TimedAsync("render with a probe setting", program, RenderArguments, TimeSpan.FromMinutes(1), Path.GetTempPath(), new(StringComparer.Ordinal) { ["DOTNET_ENVIRONMENT"] = "Probe" });
            Assert.True(render.ExitCode == 3, render.Output);
            Assert.Contains("Gateway:MaxRecipients must be at least 1", render.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    private static void AssertRendered(ChildProcess render)
    {
        Assert.True(render.ExitCode == 0, render.Output);
        var rendered = JsonNode.Parse(render.StdOut)!;
        Assert.Equal("openim", rendered["provider"]!.GetValue<string>());
        var request = Assert.Single(rendered["requests"]!.AsArray())!;
        Assert.Equal("http://openim-api:10002/msg/send_msg", request["url"]!.GetValue<string>());
        Assert.Equal("***", request["headers"]!["token"]!.GetValue<string>());
    }

    private async Task<ChildProcess> TimedAsync(string what, string program, string[] arguments, TimeSpan timeout, string? workingDirectory = null, Dictionary<string, string?>? environment = null)
    {
        var options = new ProcessOptions { WorkingDirectory = workingDirectory, Environment = SamplesEnvironment.NoBuildServers() };
        foreach (var (name, value) in environment ?? [])
        {
            options.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = await ChildProcess.RunAsync(program, arguments, timeout, options);
        output.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:0.0} s, exit {process.ExitCode}");
        return process;
    }
}
