using System.Diagnostics;
using Rig.Hardware.Serial;
using Rig.Simulation.Link;
using Xunit.Abstractions;

namespace Rig.Hardware.Tests.Serial;

/// <summary>
/// The receive path under load: 50 MB through a real pseudo-terminal into SerialPortLink while every
/// core spins, read in random sizes (as BoardLink and a slow consumer would), compared byte by byte
/// against the seeded pattern that was written.
/// </summary>
public sealed class SerialPortLinkStressTests(ITestOutputHelper output)
{
    private const int Megabytes = 50;

    [Fact]
    public void Fifty_megabytes_through_a_pty_with_every_core_busy_arrive_complete_and_in_order()
    {
        var sent = ByteStreamCheck.Pattern(Megabytes << 20, seed: 12);
        var received = new byte[sent.Length + (1 << 20)];
        var count = 0;
        var clock = Stopwatch.StartNew();
        using (var pty = PseudoTerminal.Open())
        using (var link = new SerialPortLink(pty.Path, 115200, TimeSpan.FromSeconds(5)))
        using (new CpuLoad(Environment.ProcessorCount))
        {
            var writer = new Thread(() =>
            {
                var random = new Random(3);
                for (var at = 0; at < sent.Length;)
                {
                    var n = Math.Min(random.Next(1, 65536), sent.Length - at);
                    pty.Write(sent.AsSpan(at, n), TimeSpan.FromSeconds(30));
                    at += n;
                }
            }) { IsBackground = true, Name = "pty writer" };
            writer.Start();
            var sizes = new Random(4);
            // Read until everything came or the line stayed quiet for 2 s (bytes lost for good).
            while (count < sent.Length)
            {
                var want = Math.Min(sizes.Next(1, 8193), received.Length - count);
                var n = link.Read(received.AsSpan(count, want), TimeSpan.FromSeconds(2));
                if (n == 0) break;
                count += n;
            }
            // Whatever a duplicating path would still deliver after the last expected byte.
            count += link.Read(received.AsSpan(count), TimeSpan.FromMilliseconds(200));
            Assert.True(writer.Join(TimeSpan.FromSeconds(10)), "the pty writer is stuck");
        }
        var outcome = ByteStreamCheck.Compare(sent, received.AsSpan(0, count));
        output.WriteLine($"{Megabytes} MB in {clock.Elapsed.TotalSeconds:0.0} s with {Environment.ProcessorCount} spinning threads: {outcome}");
        Assert.True(outcome.Exact, outcome.ToString());
    }
}
