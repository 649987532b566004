namespace Rig.Hardware.Serial.Locks;

/// <summary>A serial board another process holds (or a lock that cannot be taken): one line naming the port, the holder and what to do.</summary>
public sealed class BoardLockedException(string message) : IOException(message);
