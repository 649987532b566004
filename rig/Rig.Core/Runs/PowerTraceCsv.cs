using System.Globalization;
using System.Text;

namespace Rig.Core.Runs;

/// <summary>One sample of the power trace: time from trace start, power, and whether an inference window was marked.</summary>
public readonly record struct PowerSample(double TimeSeconds, double PowerMw, int Marker);

/// <summary>
/// The power trace CSV named by <see cref="PowerResult.TraceFile"/>: a header line, then
/// <c>time_s,power_mw,marker</c> (invariant culture). Columns are found by name so writers may add more;
/// marker (1 inside an inference window, 0 outside) is optional.
/// </summary>
public static class PowerTraceCsv
{
    public const string Header = "time_s,power_mw,marker";

    public static void Write(string path, IEnumerable<PowerSample> samples)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var s in samples)
            sb.Append(s.TimeSeconds.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(s.PowerMw.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(s.Marker.ToString(CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(path, sb.ToString());
    }

    public static IReadOnlyList<PowerSample> Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: power trace named in run.json does not exist");
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path}:1: empty file, expected header '{Header}'");
        var names = header.Split(',').Select(n => n.Trim()).ToList();
        int time = names.IndexOf("time_s"), power = names.IndexOf("power_mw"), marker = names.IndexOf("marker");
        if (time < 0 || power < 0) throw new InvalidDataException($"{path}:1: header must name columns time_s and power_mw (got '{header}')");
        var samples = new List<PowerSample>();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length < names.Count) throw new InvalidDataException($"{path}:{lineNo}: {cells.Length} cells, header has {names.Count}");
            var m = 0;
            if (!double.TryParse(cells[time], NumberStyles.Float, CultureInfo.InvariantCulture, out var t))
                throw new InvalidDataException($"{path}:{lineNo}: time_s: '{cells[time]}' is not a number");
            if (!double.TryParse(cells[power], NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
                throw new InvalidDataException($"{path}:{lineNo}: power_mw: '{cells[power]}' is not a number");
            if (marker >= 0 && !int.TryParse(cells[marker], NumberStyles.Integer, CultureInfo.InvariantCulture, out m))
                throw new InvalidDataException($"{path}:{lineNo}: marker: '{cells[marker]}' is not an integer");
            samples.Add(new PowerSample(t, p, m));
        }
        return samples;
    }
}
