namespace Rig.Core.Seams;

/// <summary>
/// A byte pipe to one board: a USB serial port or the pseudo-terminal of a virtual board.
/// Reads are bounded: they return what arrived within the timeout, possibly nothing.
/// </summary>
public interface ISerialLink : IDisposable
{
    string Name { get; }
    int Baud { get; }
    void Write(ReadOnlySpan<byte> data);
    /// <summary>Reads what is available, waiting at most <paramref name="timeout"/>; returns 0 when nothing came.</summary>
    int Read(Span<byte> buffer, TimeSpan timeout);
    /// <summary>Drops anything buffered in either direction (after a reset).</summary>
    void Discard();
}
