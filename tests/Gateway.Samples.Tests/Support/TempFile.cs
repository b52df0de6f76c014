namespace Gateway.Samples.Tests.Support;

/// <summary>A temporary file, deleted with the handle.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string path) => Path = path;

    public string Path { get; }

    public static TempFile Json(string content)
    {
        var file = new TempFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mg-samples-{Guid.NewGuid():N}.json"));
        File.WriteAllText(file.Path, content);
        return file;
    }

    public void Dispose() => File.Delete(Path);
}
