using System.Diagnostics;

namespace Rig.Model.Tflite.Oracle;

/// <summary>
/// The test setup's install step of the oracle: `npm ci` in rig/tflite-oracle (pinned versions, package-lock.json)
/// when the package is missing, once per machine at a time (a named mutex keeps two test projects from installing
/// into the same folder together), bounded by a timeout. npm is started with an argument list, never a shell.
/// </summary>
public static class TfliteOracleSetup
{
    public static TfliteOracle? EnsureInstalled(out string missing, string? directory = null, TimeSpan? timeout = null)
    {
        directory ??= TfliteOracle.DefaultDirectory;
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (TfliteOracle.Find(out missing, directory) is { } ready) return ready;

        using var mutex = new Mutex(false, "rig-tflite-oracle-install");
        bool owned;
        try
        {
            owned = mutex.WaitOne(limit);
        }
        catch (AbandonedMutexException)
        {
            owned = true;
        }
        if (!owned)
        {
            missing += $" (another install did not finish within {limit.TotalSeconds:0} s)";
            return null;
        }
        try
        {
            // Another process may have installed it while this one waited.
            if (TfliteOracle.Find(out missing, directory) is { } installed) return installed;
            var npm = Npm();
            if (npm is null) return null;
            var psi = new ProcessStartInfo(npm) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
            foreach (var a in new[] { "ci", "--no-audit", "--no-fund", "--prefix", directory }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi);
            if (p is null) return null;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(limit))
            {
                p.Kill(entireProcessTree: true);
                missing += $" (npm ci did not finish within {limit.TotalSeconds:0} s)";
                return null;
            }
            if (p.ExitCode != 0)
            {
                var tail = string.Join(" | ", (stderr.Result + stdout.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
                missing += $" (npm ci exited {p.ExitCode}: {tail})";
                return null;
            }
            return TfliteOracle.Find(out missing, directory);
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    private static string? Npm() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "npm")).FirstOrDefault(File.Exists);
}
