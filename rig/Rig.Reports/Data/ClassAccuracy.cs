namespace Rig.Reports.Data;

/// <summary>Accuracy of one true label: correct clips over clips of that label (null when the playlist had none).</summary>
public sealed record ClassAccuracy(string Label, int Clips, int Correct)
{
    public double? Percent => Clips == 0 ? null : 100.0 * Correct / Clips;

    /// <summary>From the confusion matrix: row = true label, diagonal = correct.</summary>
    public static IReadOnlyList<ClassAccuracy> From(Rig.Core.Runs.ConfusionMatrix confusion) =>
        confusion.Labels.Select((label, i) =>
        {
            var row = i < confusion.Counts.Count ? confusion.Counts[i] : [];
            return new ClassAccuracy(label, row.Sum(), i < row.Count ? row[i] : 0);
        }).ToList();
}
