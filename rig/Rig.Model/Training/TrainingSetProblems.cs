using Rig.Core;

namespace Rig.Model.Training;

/// <summary>Why a set of clips cannot train a classifier; thrown as InvalidDataException naming the playlist.</summary>
public static class TrainingSetProblems
{
    public static void ThrowIfUnusable(string playlist, IReadOnlyList<LabelledClip> clips, int bands, int windowColumns)
    {
        if (clips.Count == 0)
            throw new InvalidDataException($"{playlist}: the playlist has no clips; training needs clips of at least two labels");
        foreach (var c in clips)
        {
            if (c.LabelIndex < 0 || c.LabelIndex >= Labels.All.Count)
                throw new InvalidDataException($"{playlist}: clip '{c.Name}': label index {c.LabelIndex} is not one the model knows ({string.Join(", ", Labels.All)})");
            if (c.Columns.Any(col => col.Length != bands))
                throw new InvalidDataException($"{playlist}: clip '{c.Name}': feature columns must have {bands} values");
        }
        var labels = clips.Select(c => c.LabelIndex).Distinct().ToList();
        if (labels.Count < 2)
            throw new InvalidDataException($"{playlist}: every clip is labelled '{Labels.All[labels[0]]}'; a classifier needs clips of at least two labels");
        if (clips.All(c => c.Columns.Count < windowColumns))
            throw new InvalidDataException($"{playlist}: no clip is long enough for one window of {windowColumns} columns");
    }
}
