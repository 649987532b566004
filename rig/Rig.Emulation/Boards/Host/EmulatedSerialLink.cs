using Rig.Core.Seams;

namespace Rig.Emulation.Boards.Host;

/// <summary>
/// The serial seam over an emulated board's protocol UART: a write goes on the wire at the profile's baud in
/// emulated time, a read runs the board for its timeout in emulated time (or until a frame reached the host).
/// A board that stopped for good (fault, unmodelled register) throws <see cref="EmulatedBoardStoppedException"/>.
/// </summary>
public sealed class EmulatedSerialLink(EmulatedBoard board) : ISerialLink
{
    public string Name => board.Name;

    public int Baud => board.Wiring.Uart.HostBaud;

    public EmulatedBoard Board => board;

    public void Write(ReadOnlySpan<byte> data) => board.HostWrite(data);

    public int Read(Span<byte> buffer, TimeSpan timeout) => board.HostRead(buffer, timeout);

    public void Discard() => board.HostDiscard();

    /// <summary>The board is the caller's (it outlives a link closed and reopened by a resync).</summary>
    public void Dispose() { }
}
