using System.Text.Json;

namespace Rig.Core.Runs;

/// <summary>
/// Reads a JSON file the rig wrote earlier (run.json, a baseline) that a user may since have edited,
/// truncated or replaced: every way it can be wrong becomes an InvalidDataException naming the file,
/// the field and the reason, never a JsonException, an InvalidOperationException or a null.
/// </summary>
public static class JsonInputFile
{
    private static readonly System.Text.UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's top-level object, after checking it parses, is an object, has a schema this rig reads and holds <paramref name="requiredKeys"/>.</summary>
    public static JsonDocument ReadObject(string path, string what, int currentSchema, IEnumerable<string> requiredKeys)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no such {what} file");
        string text;
        try
        {
            text = s_strictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path}: not UTF-8 text (byte {e.Index} is not valid UTF-8)", e);
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
        }
        try
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: (root): expected a JSON object ({what}), found {Kind(root.ValueKind)}");
            if (root.TryGetProperty("schemaVersion", out var v))
            {
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version < 1)
                    throw new InvalidDataException($"{path}: schemaVersion: expected a whole number >= 1, found {v.GetRawText()}");
                if (version > currentSchema)
                    throw new InvalidDataException($"{path}: schemaVersion: {what} schema version {version} is newer than this rig understands ({currentSchema}); update the rig");
            }
            var keys = root.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var key in requiredKeys)
                if (!keys.Contains(key)) throw new InvalidDataException($"{path}: {key}: missing (every {what} states it; a metric that was not measured is written as null)");
            return doc;
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }

    /// <summary>Deserialises <paramref name="element"/>, turning the serializer's refusals into the file's error.</summary>
    public static T Deserialize<T>(string path, string what, JsonElement element, JsonSerializerOptions options) where T : class
    {
        try
        {
            return element.Deserialize<T>(options) ?? throw new InvalidDataException($"{path}: (root): empty {what}");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "(root)" : e.Path.TrimStart('$', '.');
            throw new InvalidDataException($"{path}: {field}: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"{path}: not a {what} ({e.Message})", e);
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString(),
    };
}
