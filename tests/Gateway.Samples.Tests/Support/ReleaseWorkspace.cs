namespace Gateway.Samples.Tests.Support;

/// <summary>
/// A temporary folder for the Release builds of the packaging tests (<c>dotnet pack</c>, <c>dotnet publish</c>): their
/// own MSBuild artifacts path, so they never touch the tree's <c>artifacts/</c> that the other test projects run from,
/// shared so that the second build reuses the first one's libraries. Deleted at the end of the run.
/// </summary>
public sealed class ReleaseWorkspace : IDisposable
{
    public ReleaseWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("mg-samples-").FullName;
    }

    public string Root { get; }

    /// <summary>Gets the MSBuild property isolating a build here (a global property wins over Directory.Build.props).</summary>
    public string ArtifactsProperty => $"-p:ArtifactsPath={Path.Combine(Root, "artifacts")}";

    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is under the temp folder.
        }
    }
}
