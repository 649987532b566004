using System.Globalization;
using System.Text.RegularExpressions;

namespace Rig.Elf.Stack;

/// <summary>A function's own stack frame as GCC reports it: "static" (fixed), "dynamic" (alloca
/// or VLA: unknown) or "dynamic,bounded" (variable but with a known maximum). Name is the symbol
/// called (e.g. "shallow.constprop.0"), SourceName the function as written in the source
/// ("shallow.constprop" is how -fstack-usage names the same clone).</summary>
public sealed record FunctionFrame(string Name, string SourceName, int Bytes, bool Bounded, string? Location);

/// <summary>
/// The call graph GCC writes with <c>-fcallgraph-info=su</c>: one VCG file (.ci) per object,
/// a node per function (with its frame size when the function is defined in that object) and an
/// edge per call site. Indirect calls appear as edges to "__indirect_call".
/// </summary>
public sealed class CallGraph
{
    public const string IndirectCall = "__indirect_call";

    private static readonly Regex s_node = new("""^node: \{ title: "(?<title>[^"]+)" label: "(?<label>(?:[^"\\]|\\.)*)"(?<rest>.*)\}$""", RegexOptions.Compiled);
    private static readonly Regex s_edge = new("""^edge: \{ sourcename: "(?<from>[^"]+)" targetname: "(?<to>[^"]+)".*\}$""", RegexOptions.Compiled);
    private static readonly Regex s_frame = new("""^(?<bytes>\d+) bytes \((?<kind>[a-z,]+)\)$""", RegexOptions.Compiled);

    private readonly Dictionary<string, FunctionFrame> _frames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _calls = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FunctionFrame> Frames => _frames;
    public IReadOnlyCollection<string> Files { get; private set; } = [];

    public IReadOnlyCollection<string> Callees(string function) =>
        _calls.TryGetValue(function, out var set) ? set : [];

    /// <summary>Reads every .ci file under a build directory.</summary>
    public static CallGraph LoadDirectory(string dir)
    {
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.ci", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];
        var graph = new CallGraph { Files = files };
        foreach (var f in files) graph.Add(f, File.ReadAllLines(f));
        return graph;
    }

    /// <summary>GCC titles file-local (static) functions "path/file.c:name"; C names hold no ':'.</summary>
    private static string FunctionName(string title) => title[(title.LastIndexOf(':') + 1)..];

    public void Add(string file, IEnumerable<string> lines)
    {
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.Trim();
            if (line.StartsWith("node:", StringComparison.Ordinal))
            {
                var m = s_node.Match(line);
                if (!m.Success) throw new InvalidDataException($"{file}:{lineNo}: node: not a GCC call-graph node ({line})");
                // label: "name\nfile:line:col\nN bytes (kind)" for functions defined here; shorter
                // for functions only called from here.
                var parts = m.Groups["label"].Value.Split("\\n");
                var frame = parts.Length >= 3 ? s_frame.Match(parts[2]) : Match.Empty;
                if (!frame.Success) continue;
                var title = FunctionName(m.Groups["title"].Value);
                var bytes = int.Parse(frame.Groups["bytes"].Value, CultureInfo.InvariantCulture);
                var kind = frame.Groups["kind"].Value;
                var f = new FunctionFrame(title, parts[0], bytes, kind == "static" || kind.Contains("bounded", StringComparison.Ordinal), parts[1]);
                // The same static name in two objects: keep the larger frame (a safe upper bound).
                if (!_frames.TryGetValue(title, out var old) || old.Bytes < f.Bytes) _frames[title] = f;
            }
            else if (line.StartsWith("edge:", StringComparison.Ordinal))
            {
                var m = s_edge.Match(line);
                if (!m.Success) throw new InvalidDataException($"{file}:{lineNo}: edge: not a GCC call-graph edge ({line})");
                var from = FunctionName(m.Groups["from"].Value);
                if (!_calls.TryGetValue(from, out var set)) _calls[from] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(FunctionName(m.Groups["to"].Value));
            }
        }
    }
}
