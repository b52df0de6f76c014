namespace Gateway.Testing;

/// <summary>Finds files of this repository from a test's output directory.</summary>
public static class RepositoryPaths
{
    /// <summary>Gets the repository root (the directory holding <c>MessagingGateway.sln</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the full path of a file relative to the repository root.</summary>
    /// <param name="relative">The path, with forward slashes.</param>
    /// <returns>The full path.</returns>
    public static string Combine(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
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
