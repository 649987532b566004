using Rig.Model.Tflite.Oracle;

namespace Rig.Model.Tests.Tflite;

/// <summary>
/// TFLite's interpreter for the oracle tests, installed once per run by the test setup (npm ci in rig/tflite-oracle)
/// when missing. Without it the oracle tests fail with one message naming the npm package and the command.
/// </summary>
public sealed class OracleFixture
{
    public OracleFixture() => Oracle = TfliteOracleSetup.EnsureInstalled(out _missing);

    private readonly string _missing;

    private TfliteOracle? Oracle { get; }

    public TfliteOracle Require() => Oracle ?? throw new InvalidOperationException(_missing);
}

[CollectionDefinition(Name)]
public sealed class OracleCollection : ICollectionFixture<OracleFixture>
{
    public const string Name = "TFLite oracle";
}
