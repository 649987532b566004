using Rig.Audio.Playlists;

namespace Rig.Model.Training;

/// <summary>Which path a clip takes to the frontend: inject (the samples as sent over serial), acoustic (through the room), or each clip once each way.</summary>
public enum RenderMode { Inject, Acoustic, Both }

/// <summary>Which seat in the room hears a clip (the seat picks the room's noise stream).</summary>
public enum ListenerSeat
{
    /// <summary>Seat 0 for every clip: what the one board of `rig run --mode acoustic` hears (a fresh room per clip, listener 0). For evaluation.</summary>
    RunBoard,

    /// <summary>Seat 1 + the clip's position for each clip: a different noise stream per clip, so training cannot memorise one noise sequence.</summary>
    PerClip,
}

/// <summary>
/// What the board's microphone and ADC record (left-aligned Q15 codes, same length) while <paramref name="played"/>
/// (at the board's rate) plays, for a board at seat <paramref name="listener"/> of a room that starts silent. The
/// room is Rig.Simulation's VirtualRoom, which Rig.Model does not reference (it would pull the virtual hardware,
/// serial ports and GPIO into the model library): the composition root (the CLI, the tests) hands it in.
/// </summary>
public delegate short[] RoomRecording(float[] played, int listener);

/// <summary>
/// How training or evaluation clips are rendered into the samples the frontend sees. Inject needs no room; acoustic
/// and both need <see cref="Room"/>. Deterministic for the same playlist, room and seat.
/// </summary>
public sealed record ClipRendering
{
    public static readonly IReadOnlyList<string> Names = ["inject", "acoustic", "both"];

    private ClipRendering(RenderMode mode, RoomRecording? room, ListenerSeat seat)
    {
        Mode = mode;
        Room = room;
        Seat = seat;
    }

    public RenderMode Mode { get; }
    public RoomRecording? Room { get; }
    public ListenerSeat Seat { get; }

    public static ClipRendering Inject { get; } = new(RenderMode.Inject, null, ListenerSeat.RunBoard);

    public static ClipRendering Acoustic(RoomRecording room, ListenerSeat seat) =>
        new(RenderMode.Acoustic, room ?? throw new ArgumentNullException(nameof(room)), seat);

    public static ClipRendering Both(RoomRecording room, ListenerSeat seat) =>
        new(RenderMode.Both, room ?? throw new ArgumentNullException(nameof(room)), seat);

    /// <summary>`inject`, `acoustic` or `both` (an option's value); anything else is an <see cref="ArgumentException"/> that lists them.</summary>
    public static ClipRendering Parse(string name, RoomRecording room, ListenerSeat seat) => name switch
    {
        "inject" => Inject,
        "acoustic" => Acoustic(room, seat),
        "both" => Both(room, seat),
        _ => throw new ArgumentException($"unknown rendering '{name}': expected {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>The seat that hears the clip at <paramref name="position"/> in the playlist.</summary>
    public int Listener(int position) => Seat == ListenerSeat.PerClip ? 1 + position : 0;

    /// <summary>The clip as the board's ADC records it in acoustic mode: the inject render played through the room.</summary>
    public short[] Heard(PlaylistItem item, int position, int sampleRate)
    {
        if (Room is null) throw new InvalidOperationException("inject rendering has no room");
        return Room(ClipRenderer.Render(item, sampleRate), Listener(position));
    }
}
