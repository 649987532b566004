namespace Rig.Runs.Link;

/// <summary>The board link failed in a way a resync and a retry of the clip may cure.</summary>
public abstract class BoardLinkException(string message) : Exception(message);

/// <summary>The board announced itself (HELLO) in the middle of a clip: it restarted.</summary>
public sealed class BoardResetException(string message) : BoardLinkException(message);

/// <summary>The board said nothing within the bounded wait. The message names the last thing it said.</summary>
public sealed class BoardSilentException(string message) : BoardLinkException(message);

/// <summary>The board's stream did not add up (missing columns, capture gaps, unexpected answers).</summary>
public sealed class BoardGarbledException(string message) : BoardLinkException(message);

/// <summary>The board refused a request (ERROR message). Not retried: the same request fails again.</summary>
public sealed class BoardRefusedException(string message) : Exception(message);

/// <summary>The board's frontend tables are not the golden model's: the run stops, naming both hashes and the fix.</summary>
public sealed class ConfigHashMismatchException(string message) : Exception(message);
