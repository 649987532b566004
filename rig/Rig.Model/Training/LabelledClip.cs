namespace Rig.Model.Training;

/// <summary>One playlist clip as the golden frontend saw it: its label index and its feature columns.</summary>
public sealed record LabelledClip(string Name, int LabelIndex, IReadOnlyList<short[]> Columns);
