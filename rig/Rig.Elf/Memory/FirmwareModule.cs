namespace Rig.Elf.Memory;

/// <summary>
/// The parts of a firmware image that memory is attributed to. Names are what `rig mem` prints
/// and the JSON carries.
/// </summary>
public static class FirmwareModule
{
    public const string Frontend = "frontend";
    public const string Model = "model";
    public const string Protocol = "protocol";
    public const string App = "app";
    public const string Board = "board";
    public const string Libc = "libc/libgcc";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Frontend, Model, Protocol, App, Board, Libc, Other];
}
