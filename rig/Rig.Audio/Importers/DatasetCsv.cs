namespace Rig.Audio.Importers;

/// <summary>
/// The metadata CSVs of ESC-50 and UrbanSound8K: a header row, then one row per clip. Fields may be
/// double-quoted. Errors name the file and line.
/// </summary>
public sealed class DatasetCsv
{
    private readonly string _file;
    private readonly Dictionary<string, int> _columns;

    private DatasetCsv(string file, Dictionary<string, int> columns, List<(int Line, string[] Fields)> rows)
    {
        _file = file;
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    public static DatasetCsv Load(string path, params string[] requiredColumns)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new InvalidDataException($"{path}: empty, expected a header row");
        var header = Split(lines[0]);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++) columns[header[i].Trim()] = i;
        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{path}:1: missing column(s) {string.Join(", ", missing)} (found: {string.Join(", ", header)})");
        var rows = new List<(int, string[])>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var fields = Split(lines[i]);
            if (fields.Length < header.Length)
                throw new InvalidDataException($"{path}:{i + 1}: expected {header.Length} fields, got {fields.Length}");
            rows.Add((i + 1, fields));
        }
        return new DatasetCsv(path, columns, rows);
    }

    public string Get(string[] fields, string column) => fields[_columns[column]].Trim();

    public string Path => _file;

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
