using Rig.Model.Quantized;

namespace Rig.Model.Files;

/// <summary>How a model came to be: what `rig train` did and measured. Stored next to the weights in rig_model.json.</summary>
public sealed record TrainingInfo(
    string TrainPlaylist,
    string EvalPlaylist,
    ulong Seed,
    int Epochs,
    int TrainWindows,
    int EvalClips,
    double FloatAccuracy,
    double QuantizedAccuracy,
    double FloatWindowAccuracy,
    double QuantizedWindowAccuracy);

/// <summary>rig_model.json: the deployed integer model plus its training record.</summary>
public sealed record ModelDescription(QuantizedModel Model, TrainingInfo? Training);
