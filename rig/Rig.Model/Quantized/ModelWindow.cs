namespace Rig.Model.Quantized;

/// <summary>
/// Twin of rig_model_window_t: per band the sum of the values and the sum of absolute differences
/// between consecutive columns, accumulated as columns arrive. Columns after the window is full
/// are ignored, as in the firmware.
/// </summary>
public sealed class ModelWindow
{
    private readonly int[] _sum;
    private readonly int[] _deltaSum;
    private readonly short[] _prev;

    public ModelWindow(QuantizedModel model) : this(model.Bands, model.WindowColumns) { }

    public ModelWindow(int bands, int windowColumns)
    {
        Bands = bands;
        WindowColumns = windowColumns;
        _sum = new int[bands];
        _deltaSum = new int[bands];
        _prev = new short[bands];
    }

    public int Bands { get; }
    public int WindowColumns { get; }
    public int Count { get; private set; }
    public bool IsFull => Count == WindowColumns;
    public ReadOnlySpan<int> Sum => _sum;
    public ReadOnlySpan<int> DeltaSum => _deltaSum;

    public void Reset()
    {
        Array.Clear(_sum);
        Array.Clear(_deltaSum);
        Array.Clear(_prev);
        Count = 0;
    }

    public void Push(ReadOnlySpan<short> column)
    {
        if (column.Length != Bands)
            throw new ArgumentException($"a column has {Bands} values, got {column.Length}", nameof(column));
        if (Count >= WindowColumns) return;
        for (var b = 0; b < Bands; b++)
        {
            int x = column[b];
            if (Count > 0) _deltaSum[b] += Math.Abs(x - _prev[b]);
            _sum[b] += x;
            _prev[b] = (short)x;
        }
        Count++;
    }
}
