using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rig.Core.Config;

/// <summary>
/// A parsed YAML file whose reads remember the line of every field, so that both parse errors
/// and later semantic checks can name file, line and field. Errors are collected, not thrown,
/// until <see cref="ThrowIfErrors"/>.
/// </summary>
public sealed class YamlDocument
{
    private readonly List<ConfigError> _errors = [];
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private YamlDocument(string file, YamlNode? root)
    {
        File = file;
        Root = new YamlMap(this, "", root as YamlMappingNode, root is null ? 1 : (int)root.Start.Line);
        if (root is not null and not YamlMappingNode)
            AddError((int)root.Start.Line, "(document)", "expected a mapping of fields at the top level");
    }

    public string File { get; }
    public YamlMap Root { get; }
    public IReadOnlyList<ConfigError> Errors => _errors;

    public static YamlDocument Load(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new ConfigException(path, 0, "(file)", "file not found");
        return Parse(path, System.IO.File.ReadAllText(path));
    }

    public static YamlDocument Parse(string file, string text)
    {
        var stream = new YamlStream();
        var parser = new CheckedYamlParser(text);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new ConfigException(file, (int)e.Start.Line, "(yaml)", $"bad YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException) when (parser.UnclosedFlow is { } unclosed)
        {
            // YamlDotNet's own words here are "Operation is not valid due to the current state of the object".
            throw new ConfigException(file, Math.Max(1, parser.ScannerLine), "(yaml)", $"bad YAML: {unclosed.Reason}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed input (a stray document end, an empty or invalid tag) this way, without a position.
            throw new ConfigException(file, Math.Max(1, parser.ScannerLine), "(yaml)", $"bad YAML: {e.Message}");
        }
        return new YamlDocument(file, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
    }

    /// <summary>The line a field was read from (0 when it was absent).</summary>
    public int LineOf(string field) => _lines.TryGetValue(field, out var l) ? l : 0;

    public void AddError(int line, string field, string reason) => _errors.Add(new ConfigError(File, line, field, reason));

    /// <summary>Records a semantic problem against a field read earlier, on that field's line.</summary>
    public void AddError(string field, string reason) => AddError(LineOf(field), field, reason);

    public void ThrowIfErrors()
    {
        if (_errors.Count > 0) throw new ConfigException(_errors.ToList());
    }

    internal void Remember(string field, int line) => _lines[field] = line;
}
