using Microsoft.Extensions.Time.Testing;
using Rig.Core.Seams;

namespace Rig.Simulation.Tests.Support;

/// <summary>
/// The far end of a line on a fake clock: records what was written and when, delivers scripted
/// bytes at set times, and a read that finds nothing waits by advancing the clock (to the timeout or
/// the next scripted arrival), so chaos link timing is checked without real sleeps.
/// </summary>
public sealed class ClockedLine(FakeTimeProvider clock) : ISerialLink
{
    private readonly DateTimeOffset _start = clock.GetUtcNow();
    private readonly Queue<(TimeSpan At, byte[] Bytes)> _arrivals = new();

    public List<(TimeSpan At, byte[] Bytes)> Written { get; } = [];
    public int Discards { get; private set; }
    public string Name => "clocked";
    public int Baud => 115200;
    public TimeSpan Now => clock.GetUtcNow() - _start;

    public byte[] AllWritten => Written.SelectMany(w => w.Bytes).ToArray();

    /// <summary>Bytes the board sends at <paramref name="at"/> since the start (in order of time).</summary>
    public void Arrive(TimeSpan at, byte[] bytes) => _arrivals.Enqueue((at, bytes));

    public void Write(ReadOnlySpan<byte> data) => Written.Add((Now, data.ToArray()));

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (_arrivals.Count > 0 && _arrivals.Peek().At > Now)
        {
            var until = _arrivals.Peek().At - Now;
            clock.Advance(until < timeout ? until : timeout);
        }
        else if (_arrivals.Count == 0)
            clock.Advance(timeout);
        if (_arrivals.Count == 0 || _arrivals.Peek().At > Now) return 0;
        var (_, bytes) = _arrivals.Dequeue();
        if (bytes.Length > buffer.Length) throw new InvalidOperationException("scripted arrival larger than the read buffer");
        bytes.CopyTo(buffer);
        return bytes.Length;
    }

    public void Discard() => Discards++;
    public void Dispose() { }
}
