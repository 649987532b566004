using System.Globalization;
using Rig.Core.Profiles;
using Rig.Model.Graph;

namespace Rig.Cli.Commands;

/// <summary>
/// The per-layer costs of a profile's graph model (firmware/generated/&lt;p&gt;/rig_model_graph.json) the way
/// X-CUBE-AI reports a network: MACC, weights in flash, activations in RAM, and the arena against the model budget.
/// </summary>
internal static class ModelCostText
{
    public static void Write(GraphCosts costs, BoardProfile profile)
    {
        var table = PlainTextTable.Create("layer", "operator", "MACC", "weights (B)", "activations (B)");
        foreach (var l in costs.Layers)
            PlainTextTable.Row(table, N(l.OperatorIndex), l.Kind.ToString(), N(l.Macc), N(l.WeightBytes), N(l.ActivationBytes));
        PlainTextTable.Row(table, "", "total", N(costs.Macc), N(costs.WeightBytes), "");
        Console.Out.WriteLine($"model '{costs.Name}': {costs.Layers.Count} layers");
        PlainTextTable.Write(table);
        var budget = profile.Memory.ModelRamBudgetBytes;
        Console.Out.WriteLine($"tensor arena {N(costs.ArenaBytes)} B of the {N(budget)} B model RAM budget" + (costs.ArenaBytes > budget ? " (OVER BUDGET)" : ""));
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
