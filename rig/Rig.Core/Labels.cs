namespace Rig.Core;

/// <summary>
/// The classes the rig's reference sounds and models use, in model output order: the one list. The model's class
/// count is its length, in C# and in C (RIG_MODEL_CLASSES / RIG_MODEL_LABELS of the generated rig_profile.h).
/// </summary>
public static class Labels
{
    public static readonly IReadOnlyList<string> All = ["jackhammer", "dog_bark", "disco", "jazz", "metal", "background"];

    public static int IndexOf(string label)
    {
        for (var i = 0; i < All.Count; i++)
            if (All[i] == label) return i;
        return -1;
    }

    public static bool IsKnown(string label) => IndexOf(label) >= 0;
}
