namespace Rig.Simulation.Room;

/// <summary>Sound travelling from speaker to mic: a whole-sample delay, silent at first.</summary>
internal struct DelayLine
{
    private readonly double[] _buffer;
    private int _position;

    public DelayLine(int samples)
    {
        _buffer = new double[samples];
        _position = 0;
    }

    public double Push(double x)
    {
        if (_buffer.Length == 0) return x;
        var y = _buffer[_position];
        _buffer[_position] = x;
        _position = (_position + 1) % _buffer.Length;
        return y;
    }
}
