namespace Rig.Protocol.Framing;

/// <summary>Message types (firmware/core/protocol.h). Host to board below 0x80, board to host from 0x80.</summary>
public enum MessageType : byte
{
    Ping = 0x01,
    Reset = 0x02,
    Configure = 0x03,
    Audio = 0x04,
    Start = 0x05,
    Stop = 0x06,
    Mark = 0x07,
    HelloRequest = 0x08,
    /// <summary>v2 (energy): K inferences back to back, marker high; answered by <see cref="BurstDone"/>.</summary>
    Burst = 0x09,
    /// <summary>v2 (energy): sleep as between hops for the stated ticks, marker high; answered by <see cref="BurstDone"/>.</summary>
    Idle = 0x0A,

    Hello = 0x80,
    Pong = 0x81,
    Feature = 0x82,
    Result = 0x83,
    Stats = 0x84,
    Log = 0x85,
    Error = 0x86,
    Credit = 0x87,
    Capture = 0x88,
    Ack = 0x89,
    Stage = 0x8A,
    /// <summary>Protocol v2: an AUDIO frame was lost; u32 next expected sample offset.</summary>
    Nak = 0x8B,
    /// <summary>v2 (energy): the answer to BURST and IDLE.</summary>
    BurstDone = 0x8C,
    /// <summary>Debug (stream flag 16): a slice of one model layer's int8 output for one window.</summary>
    Layer = 0x8D,
}
