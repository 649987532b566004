namespace Rig.Emulation.Boards;

/// <summary>
/// The peripherals of one board's port, at the chip's real addresses: what <c>board.c</c> of that
/// port touches (clock and power controls, the protocol UART, the microphone path, the marker pin),
/// modelled at register level. <see cref="Attach"/> adds them to the chip's memory map and the core's
/// clocked devices; a register the model does not know throws <see cref="Memory.UnmodelledRegisterException"/>.
/// </summary>
public interface IBoardModel
{
    /// <summary>The profile (board) this models: "py32f003", "rp2040", ...</summary>
    string Board { get; }

    void Attach(BoardWiring wiring);
}
