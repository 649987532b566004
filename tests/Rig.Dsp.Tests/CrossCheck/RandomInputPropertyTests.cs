using CsCheck;
using Rig.Native;
using Rig.Native.CrossCheck;

namespace Rig.Dsp.Tests.CrossCheck;

/// <summary>
/// Seeded random inputs (CsCheck; a failure shrinks to a small counterexample and prints its seed):
/// any int16 samples, extremes and tiny values mixed in, fed in random chunks to C and C#.
/// </summary>
public class RandomInputPropertyTests
{
    private static readonly Gen<short> Sample = Gen.Frequency(
        (6, Gen.Short),
        (1, Gen.Const(short.MinValue)), (1, Gen.Const(short.MaxValue)), (1, Gen.Short[-1, 1]),
        (3, Gen.Short[-64, 64]));

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Random_inputs_are_bit_exact_in_every_stage(string profile)
    {
        var config = RepoProfiles.Load(profile).Frontend;
        var library = RigCoreLibrary.Load(profile);
        var gen = Gen.Select(Sample.Array[config.FftLength, config.FftLength * 3], Gen.Int[0, 1000], Gen.Int[0, 15]);
        gen.Sample((x, chunkSeed, scale) =>
        {
            // A random right shift gives quiet frames too, exercising the block exponent.
            var y = x.Select(v => (short)(v >> scale)).ToArray();
            // CsCheck samples on several threads: each case gets its own C state and golden model.
            using var check = new FrontendCrossCheck(library, config);
            var (_, mismatches) = check.Run("random", y, chunkSeed);
            return mismatches == 0;
        }, iter: 150);
    }
}
