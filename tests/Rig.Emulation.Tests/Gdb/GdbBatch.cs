using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Rig.Emulation.Tests.Gdb;

/// <summary>
/// Debian's gdb-multiarch as the client, in batch mode (<c>-nx -batch -ex ...</c>), started with an argument list.
/// It is installed by .ci/run; a machine without it fails here naming the package.
/// </summary>
public static partial class GdbBatch
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>Runs gdb on <paramref name="elf"/> with these commands; returns what it printed (stdout then stderr).</summary>
    public static string Run(string elf, params string[] commands)
    {
        var start = new ProcessStartInfo("gdb-multiarch") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-nx", "-batch", "-ex", "set pagination off", "-ex", "set confirm off", "-ex", "set remotetimeout 30" }) start.ArgumentList.Add(a);
        start.ArgumentList.Add(elf);
        foreach (var c in commands)
        {
            start.ArgumentList.Add("-ex");
            start.ArgumentList.Add(c);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("gdb-multiarch is not installed (apt-get install gdb-multiarch; .ci/run installs it)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"gdb-multiarch did not finish within {Timeout}: {stdout.Result}{stderr.Result}");
            }
            return stdout.Result + stderr.Result;
        }
    }

    /// <summary>A TCP port free right now on localhost (the server binds it next).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The values of the printed array <c>$n = {a, b, ...}</c> after <paramref name="marker"/> (gdb's echo line).</summary>
    public static short[] Array(string output, string marker)
    {
        var at = output.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"gdb printed no '{marker}':\n{output}");
        var open = output.IndexOf('{', at);
        var close = output.IndexOf('}', open);
        return [.. output[(open + 1)..close].Split(',').Select(v => short.Parse(v.Trim(), System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>The value gdb printed for register <paramref name="name"/> (<c>info registers</c>) after <paramref name="marker"/>.</summary>
    public static uint Register(string output, string marker, string name)
    {
        var at = output.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"gdb printed no '{marker}':\n{output}");
        var m = RegisterLine().Match(output, at);
        while (m.Success && m.Groups[1].Value != name) m = m.NextMatch();
        Assert.True(m.Success, $"no register {name} after '{marker}':\n{output}");
        return Convert.ToUInt32(m.Groups[2].Value, 16);
    }

    [GeneratedRegex(@"^(\w+)\s+0x([0-9a-f]+)", RegexOptions.Multiline)]
    private static partial Regex RegisterLine();
}
