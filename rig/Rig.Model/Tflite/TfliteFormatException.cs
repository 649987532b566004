namespace Rig.Model.Tflite;

/// <summary>
/// A .tflite file the rig refuses: malformed or hostile bytes (<see cref="Offset"/> is the byte where reading
/// stopped), or a well-formed model the rig cannot run (a float model, an unsupported operator, a shape the
/// profile's frontend does not produce; <see cref="Offset"/> is -1 then). An <see cref="IOException"/> like
/// InvalidDataException (which is sealed), so the CLI reports it as bad input: its message, exit 2.
/// </summary>
public sealed class TfliteFormatException : IOException
{
    public TfliteFormatException(string source, long offset, string reason)
        : base(offset >= 0 ? $"{source}: byte {offset}: {reason}" : $"{source}: {reason}")
    {
        File = source;
        Offset = offset;
        Reason = reason;
    }

    public TfliteFormatException()
    {
    }

    public TfliteFormatException(string message)
        : base(message)
    {
    }

    public TfliteFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Byte offset in the file where the fault was found, or -1 for a refusal of the model's content.</summary>
    public long Offset { get; } = -1;

    /// <summary>Why, without the file name and offset.</summary>
    public string Reason { get; } = "";

    /// <summary>The file (or a description of the bytes) that was read.</summary>
    public string File { get; } = "";
}
