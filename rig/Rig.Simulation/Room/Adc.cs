namespace Rig.Simulation.Room;

/// <summary>
/// An N-bit two's-complement ADC with full scale [-1, 1): rounds to the nearest code (ties away
/// from zero), clips at the end codes, and returns the code left-aligned in 16 bits, as the board's
/// capture driver hands Q15 samples to the frontend.
/// </summary>
internal readonly struct Adc
{
    private readonly int _bits;
    private readonly double _scale;
    private readonly int _max;
    private readonly int _min;

    public Adc(int bits)
    {
        if (bits is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(bits), bits, "ADC resolution must be 1-16 bits");
        _bits = bits;
        _scale = 1 << (bits - 1);
        _max = (1 << (bits - 1)) - 1;
        _min = -(1 << (bits - 1));
    }

    public short Convert(double x)
    {
        var code = double.IsNaN(x) ? 0 : Math.Clamp(Math.Round(x * _scale, MidpointRounding.AwayFromZero), _min, _max);
        return (short)((int)code << (16 - _bits));
    }
}
