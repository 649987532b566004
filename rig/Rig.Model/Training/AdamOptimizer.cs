namespace Rig.Model.Training;

/// <summary>Adam (Kingma and Ba 2015) over a set of parameter arrays, with decoupled weight decay on the weights only.</summary>
public sealed class AdamOptimizer
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly double[][] _params;
    private readonly bool[] _decay;
    private readonly double[][] _m;
    private readonly double[][] _v;
    private int _t;

    public AdamOptimizer(double[][] parameters, bool[] decay)
    {
        _params = parameters;
        _decay = decay;
        _m = parameters.Select(p => new double[p.Length]).ToArray();
        _v = parameters.Select(p => new double[p.Length]).ToArray();
    }

    public void Step(double[][] gradients, double learningRate, double weightDecay)
    {
        _t++;
        var c1 = 1 - Math.Pow(Beta1, _t);
        var c2 = 1 - Math.Pow(Beta2, _t);
        for (var a = 0; a < _params.Length; a++)
        {
            var p = _params[a];
            var g = gradients[a];
            var m = _m[a];
            var v = _v[a];
            for (var i = 0; i < p.Length; i++)
            {
                m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];
                v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i];
                var step = learningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + Epsilon);
                if (_decay[a]) step += learningRate * weightDecay * p[i];
                p[i] -= step;
            }
        }
    }
}
