using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Rig.Core.Config;

/// <summary>
/// Typed, line-aware reads from one YAML mapping. A failed read records an error and returns a
/// default so that reading continues and every problem in the file is reported together.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlDocument _doc;
    private readonly YamlMappingNode? _node;

    internal YamlMap(YamlDocument doc, string path, YamlMappingNode? node, int line)
    {
        _doc = doc;
        Path = path;
        _node = node;
        Line = line;
    }

    public string Path { get; }
    public int Line { get; }
    public YamlDocument Document => _doc;
    public bool Exists => _node is not null;

    public IEnumerable<string> Keys =>
        _node?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "") ?? [];

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => Find(key) is not null;

    /// <summary>Reports keys that are not in <paramref name="known"/>, catching typos such as fft_lenght.</summary>
    public void RejectUnknown(params string[] known)
    {
        if (_node is null) return;
        foreach (var (k, _) in _node.Children)
            if (k is YamlScalarNode s && !known.Contains(s.Value))
                _doc.AddError((int)k.Start.Line, FieldPath(s.Value ?? ""), $"unknown field (expected one of: {string.Join(", ", known)})");
    }

    public YamlMap Map(string key, bool required = true)
    {
        var node = Find(key);
        var field = FieldPath(key);
        if (node is null)
        {
            if (required) _doc.AddError(Line, field, "missing section");
            return new YamlMap(_doc, field, null, Line);
        }
        _doc.Remember(field, (int)node.Start.Line);
        if (node is YamlMappingNode m) return new YamlMap(_doc, field, m, (int)node.Start.Line);
        _doc.AddError((int)node.Start.Line, field, "expected a mapping");
        return new YamlMap(_doc, field, null, (int)node.Start.Line);
    }

    public IReadOnlyList<YamlMap> List(string key, bool required = true)
    {
        var node = Find(key);
        var field = FieldPath(key);
        if (node is null)
        {
            if (required) _doc.AddError(Line, field, "missing list");
            return [];
        }
        _doc.Remember(field, (int)node.Start.Line);
        if (node is not YamlSequenceNode seq)
        {
            _doc.AddError((int)node.Start.Line, field, "expected a list");
            return [];
        }
        var result = new List<YamlMap>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = seq.Children[i];
            var itemPath = $"{field}[{i}]";
            if (item is YamlMappingNode m) result.Add(new YamlMap(_doc, itemPath, m, (int)item.Start.Line));
            else _doc.AddError((int)item.Start.Line, itemPath, "expected a mapping");
        }
        return result;
    }

    public string? String(string key, bool required = true, string? fallback = null)
    {
        var s = Scalar(key, required);
        return s ?? fallback;
    }

    public string Choice(string key, string[] allowed, string? fallback = null)
    {
        var s = Scalar(key, fallback is null);
        if (s is null) return fallback ?? allowed[0];
        if (allowed.Contains(s)) return s;
        _doc.AddError(FieldPath(key), $"'{s}' is not one of: {string.Join(", ", allowed)}");
        return fallback ?? allowed[0];
    }

    public long Long(string key, long? fallback = null, long min = long.MinValue, long max = long.MaxValue)
    {
        var s = Scalar(key, fallback is null);
        if (s is null) return fallback ?? 0;
        long v;
        var ok = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out v)
            : long.TryParse(s.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out v);
        if (!ok)
        {
            _doc.AddError(FieldPath(key), $"'{s}' is not a whole number");
            return fallback ?? 0;
        }
        if (v < min || v > max) _doc.AddError(FieldPath(key), $"{v} is out of range [{min}, {max}]");
        return v;
    }

    public int Int(string key, int? fallback = null, int min = int.MinValue, int max = int.MaxValue) =>
        (int)Math.Clamp(Long(key, fallback, min, max), int.MinValue, int.MaxValue);

    public double Double(string key, double? fallback = null, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var s = Scalar(key, fallback is null);
        if (s is null) return fallback ?? 0;
        if (!double.TryParse(s.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            _doc.AddError(FieldPath(key), $"'{s}' is not a number");
            return fallback ?? 0;
        }
        if (v < min || v > max) _doc.AddError(FieldPath(key), $"{v.ToString(CultureInfo.InvariantCulture)} is out of range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    public bool Bool(string key, bool fallback)
    {
        var s = Scalar(key, false);
        if (s is null) return fallback;
        if (bool.TryParse(s, out var b)) return b;
        _doc.AddError(FieldPath(key), $"'{s}' is not true or false");
        return fallback;
    }

    public void Error(string key, string reason) => _doc.AddError(FieldPath(key), reason);

    private string? Scalar(string key, bool required)
    {
        var node = Find(key);
        var field = FieldPath(key);
        if (node is null)
        {
            if (required) _doc.AddError(Line, field, "missing field");
            return null;
        }
        _doc.Remember(field, (int)node.Start.Line);
        if (node is YamlScalarNode s) return s.Value;
        _doc.AddError((int)node.Start.Line, field, "expected a single value");
        return null;
    }

    private YamlNode? Find(string key)
    {
        if (_node is null) return null;
        foreach (var (k, v) in _node.Children)
            if (k is YamlScalarNode s && s.Value == key) return v;
        return null;
    }
}
