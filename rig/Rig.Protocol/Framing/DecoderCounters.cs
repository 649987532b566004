namespace Rig.Protocol.Framing;

/// <summary>What a <see cref="FrameDecoder"/> has seen so far.</summary>
public sealed record DecoderCounters(long Frames, long CrcErrors, long MalformedFrames, long OversizeFrames, long GarbageBytes, long DroppedFrames);
