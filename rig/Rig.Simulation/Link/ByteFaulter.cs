using Rig.Core.Runs;

namespace Rig.Simulation.Link;

/// <summary>
/// Seeded per-byte faults for one direction of a line: each byte is faulted with probability
/// <c>ber</c>, the kind drawn from the enabled ones. One draw per byte (more only at a fault), so the
/// faults depend on the byte stream and the seed, not on how the stream was cut into writes.
/// </summary>
public sealed class ByteFaulter
{
    private readonly Random _random;
    private readonly double _ber;
    private readonly ByteFaultKinds[] _kinds;
    private long _bytes, _dropped, _flipped, _duplicated;

    public ByteFaulter(double ber, ByteFaultKinds kinds, int seed)
    {
        _random = new Random(seed);
        _ber = ber;
        _kinds = Enum.GetValues<ByteFaultKinds>().Where(k => k is ByteFaultKinds.Drop or ByteFaultKinds.Flip or ByteFaultKinds.Duplicate && kinds.HasFlag(k)).ToArray();
        if (ber > 0 && _kinds.Length == 0) throw new ArgumentException("line-faults: a bit error rate needs at least one fault kind");
    }

    public DirectionFaults Counters => new(_bytes, _dropped, _flipped, _duplicated);

    /// <summary>What the far end receives for <paramref name="data"/>.</summary>
    public byte[] Apply(ReadOnlySpan<byte> data)
    {
        _bytes += data.Length;
        if (_ber == 0) return data.ToArray();
        var output = new List<byte>(data.Length + 8);
        foreach (var b in data)
        {
            if (_random.NextDouble() >= _ber)
            {
                output.Add(b);
                continue;
            }
            switch (_kinds[_random.Next(_kinds.Length)])
            {
                case ByteFaultKinds.Drop:
                    _dropped++;
                    break;
                case ByteFaultKinds.Flip:
                    _flipped++;
                    output.Add((byte)(b ^ (1 << _random.Next(8))));
                    break;
                default:
                    _duplicated++;
                    output.Add(b);
                    output.Add(b);
                    break;
            }
        }
        return output.ToArray();
    }
}
