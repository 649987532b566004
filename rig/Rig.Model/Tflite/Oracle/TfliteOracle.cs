using System.Diagnostics;
using System.Text.Json;
using Rig.Core;

namespace Rig.Model.Tflite.Oracle;

/// <summary>
/// TFLite's own interpreter, the WASM build shipped in the npm package @tensorflow/tfjs-tflite, run by Node on
/// rig/tflite-oracle/oracle.js: the independent check of the golden twin. The program is started with an
/// argument list (no shell); inputs and the model go through files in a private temp folder; every run is
/// bounded by <see cref="Timeout"/>.
/// </summary>
public sealed class TfliteOracle
{
    public const string Package = "@tensorflow/tfjs-tflite";

    private TfliteOracle(string node, string directory, TimeSpan timeout)
    {
        NodePath = node;
        Directory = directory;
        Timeout = timeout;
    }

    public string NodePath { get; }

    /// <summary>rig/tflite-oracle: oracle.js, package.json (pinned versions) and, once installed, node_modules.</summary>
    public string Directory { get; }

    public TimeSpan Timeout { get; }

    public static string DefaultDirectory => Path.Combine(RepoPaths.Root, "rig", "tflite-oracle");

    /// <summary>The command that installs the package where the oracle looks for it.</summary>
    public static string InstallHint(string directory) => $"npm ci --prefix {Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), directory)}";

    /// <summary>The oracle, or null with <paramref name="missing"/> saying what to install (node, or the npm package).</summary>
    public static TfliteOracle? Find(out string missing, string? directory = null, TimeSpan? timeout = null)
    {
        directory ??= DefaultDirectory;
        var node = FindOnPath("node");
        if (node is null)
        {
            missing = $"the TFLite oracle needs Node.js: install the Debian packages nodejs and npm, then {InstallHint(directory)} (it installs the npm package {Package})";
            return null;
        }
        if (!File.Exists(Path.Combine(directory, "node_modules", "@tensorflow", "tfjs-tflite", "package.json")))
        {
            missing = $"the TFLite oracle needs the npm package {Package}, not installed in {directory}: run {InstallHint(directory)}";
            return null;
        }
        missing = "";
        return new TfliteOracle(node, directory, timeout ?? TimeSpan.FromMinutes(2));
    }

    /// <summary>
    /// Runs <paramref name="model"/> on each input (the input tensor's int8 values) and returns the output tensor's
    /// int8 values per input. A model TFLite refuses, or a run that fails or times out, is an
    /// <see cref="OracleException"/> carrying TFLite's message.
    /// </summary>
    public OracleResult Run(ReadOnlySpan<byte> model, IReadOnlyList<sbyte[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var work = Path.Combine(Path.GetTempPath(), "rig-oracle-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(work);
        try
        {
            var modelPath = Path.Combine(work, "model.tflite");
            var inputsPath = Path.Combine(work, "inputs.bin");
            File.WriteAllBytes(modelPath, model.ToArray());
            using (var f = File.Create(inputsPath))
                foreach (var input in inputs) f.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(input.AsSpan()));
            var stdout = RunNode(modelPath, inputsPath);
            return Parse(stdout, inputs.Count);
        }
        finally
        {
            try { System.IO.Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string RunNode(string modelPath, string inputsPath)
    {
        var psi = new ProcessStartInfo(NodePath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Directory };
        psi.ArgumentList.Add(Path.Combine(Directory, "oracle.js"));
        psi.ArgumentList.Add(modelPath);
        psi.ArgumentList.Add(inputsPath);
        using var p = Process.Start(psi) ?? throw new OracleException($"cannot start {NodePath}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new OracleException($"TFLite oracle did not finish within {Timeout.TotalSeconds:0} s");
        }
        if (p.ExitCode != 0) throw new OracleException(stderr.Result.Trim() is { Length: > 0 } e ? e : $"TFLite oracle exited {p.ExitCode}");
        return stdout.Result;
    }

    private static OracleResult Parse(string stdout, int expectedRuns)
    {
        try
        {
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            var outputs = root.GetProperty("outputs").EnumerateArray().Select(run => run.EnumerateArray().Select(v => checked((sbyte)v.GetInt32())).ToArray()).ToList();
            if (outputs.Count != expectedRuns) throw new OracleException($"TFLite oracle answered {outputs.Count} runs for {expectedRuns} inputs");
            return new OracleResult(
                [.. root.GetProperty("inputShape").EnumerateArray().Select(v => v.GetInt32())],
                [.. root.GetProperty("outputShape").EnumerateArray().Select(v => v.GetInt32())],
                root.GetProperty("inputType").GetString() ?? "",
                root.GetProperty("outputType").GetString() ?? "",
                outputs);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or OverflowException)
        {
            throw new OracleException($"TFLite oracle answered something that is not its result ({e.Message})");
        }
    }

    private static string? FindOnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>What TFLite's interpreter reported: its view of the input and output tensors and the int8 outputs per input.</summary>
public sealed record OracleResult(IReadOnlyList<int> InputShape, IReadOnlyList<int> OutputShape, string InputType, string OutputType, IReadOnlyList<sbyte[]> Outputs);

/// <summary>TFLite's interpreter refused the model or failed to run it (its message), or the oracle could not be run.</summary>
public sealed class OracleException : Exception
{
    public OracleException()
    {
    }

    public OracleException(string message)
        : base(message)
    {
    }

    public OracleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
