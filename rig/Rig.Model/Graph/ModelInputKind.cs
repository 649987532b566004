namespace Rig.Model.Graph;

/// <summary>What the graph's input tensor holds (README: "How a model sees the frontend").</summary>
public enum ModelInputKind
{
    /// <summary>[1, W, B, 1]: the last W feature columns of B values (CNNs).</summary>
    Window,

    /// <summary>[1, 2B]: per band the window's mean and mean |delta| (the small MLP of py32f003).</summary>
    Stats,
}
