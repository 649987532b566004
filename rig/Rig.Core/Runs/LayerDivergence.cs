namespace Rig.Core.Runs;

/// <summary>
/// The first model layer whose board output differs from the golden twin's, in the first window whose output
/// differs (a debug dump of that window's layers, PROTOCOL.md LAYER). <see cref="Layer"/> is the layer's index in
/// execution order (-1: the model's int8 input), <see cref="Kind"/> its operator ("input" for -1),
/// <see cref="DifferingValues"/> of its <see cref="Values"/> differ, the first at element <see cref="FirstElement"/>
/// (golden <see cref="Golden"/>, board <see cref="Board"/>; a value the board did not send is null).
/// </summary>
public sealed record LayerDivergence(int Window, int Layer, string Kind, int DifferingValues, int Values, int FirstElement, int Golden, int? Board)
{
    public string Describe() =>
        $"layer {Layer} ({Kind}) of window {Window}: {DifferingValues} of {Values} values differ, first at element {FirstElement} (golden {Golden}, board {(Board is { } b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not sent")})";
}
