using Rig.Store;

namespace Rig.Reports.History;

/// <summary>One physical board's newest complete run across the farm, with its gate verdict against its profile's committed baseline.</summary>
public sealed record FarmBoard(RunSummary Run, string Verdict, string Why);
