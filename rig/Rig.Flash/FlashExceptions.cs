namespace Rig.Flash;

/// <summary>The programmer cannot be used: a tool not installed, a probe or GDB server that cannot be reached, a tool that failed (exit 2).</summary>
public sealed class ProgrammerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The target does not hold the image after programming: a section differs, or another build id reads back (exit 1, measured).</summary>
public sealed class FlashMismatchException(string message) : Exception(message);
