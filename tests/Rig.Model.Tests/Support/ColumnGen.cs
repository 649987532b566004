using CsCheck;
using Rig.Model.Quantized;

namespace Rig.Model.Tests.Support;

/// <summary>Windows of feature columns for property tests: anywhere in int16, or near the training distribution so no stage saturates.</summary>
public static class ColumnGen
{
    public static Gen<short[][]> AnyWindow(int bands, int columns) =>
        Gen.Short.Array[bands].Array[columns];

    public static Gen<short[][]> Plausible(QuantizedModel m, int columns) =>
        Gen.Int[-1500, 1500].Array[m.Bands].Select(jitter => jitter).Array[columns]
            .Select(Gen.Int[-2000, 2000], (rows, shift) => rows
                .Select(r => r.Select((v, b) => (short)Math.Clamp(m.InputOffset[b] + shift + v, short.MinValue, short.MaxValue)).ToArray())
                .ToArray());
}
