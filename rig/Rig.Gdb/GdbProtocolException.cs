namespace Rig.Gdb;

/// <summary>The GDB stub answered something the client cannot use, refused a command, or did not answer in time.</summary>
public sealed class GdbProtocolException(string message, Exception? inner = null) : Exception(message, inner);
